# Opens the desktop app under Xvfb on CASE, lets it draw a few frames, saves the window to OUT and
# checks the screenshot shows the panels and the scene (not a blank or crashed window).
# Optional: AUTOSAVE_RECORD, an autosave left by a crashed session, placed where the app looks
# (XDG_STATE_HOME and XDG_CONFIG_HOME are a fresh folder either way); EXPECT_ERR, text the app must
# print to stderr; ACTIONS, what a user does first (MARGINVIZ_GUI_ACTIONS); SCREEN, WxH of the display.
if(NOT SCREEN)
  set(SCREEN 1600x1000)
endif()
file(REMOVE ${OUT})
set(state ${OUT}.state)
file(REMOVE_RECURSE ${state})
file(MAKE_DIRECTORY ${state}/marginviz/autosave)
if(AUTOSAVE_RECORD)
  file(COPY ${AUTOSAVE_RECORD} DESTINATION ${state}/marginviz/autosave)
endif()
execute_process(
  COMMAND xvfb-run -a -s "-screen 0 ${SCREEN}x24" ${CMAKE_COMMAND} -E env MARGINVIZ_GUI_SCREENSHOT=${OUT} "MARGINVIZ_GUI_ACTIONS=${ACTIONS}"
          XDG_STATE_HOME=${state} XDG_CONFIG_HOME=${state} ${BIN} ${CASE}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 120)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "marginviz GUI exited with ${rc}\n${out}\n${err}")
endif()
if(NOT EXISTS ${OUT})
  message(FATAL_ERROR "no screenshot written\n${out}\n${err}")
endif()
file(SIZE ${OUT} size)
if(size LESS 60000)
  message(FATAL_ERROR "screenshot ${OUT} is only ${size} bytes: a blank window?")
endif()
if(EXPECT_ERR)
  string(FIND "${err}" "${EXPECT_ERR}" found)
  if(found EQUAL -1)
    message(FATAL_ERROR "expected \"${EXPECT_ERR}\" on stderr, got:\n${err}")
  endif()
endif()
if(AUTOSAVE_RECORD)
  get_filename_component(record ${AUTOSAVE_RECORD} NAME)
  if(NOT EXISTS ${state}/marginviz/autosave/${record})
    message(FATAL_ERROR "the crashed session's autosave was removed without the user choosing to")
  endif()
endif()
message(STATUS "GUI screenshot ${OUT}: ${size} bytes")

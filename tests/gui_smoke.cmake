# Opens the desktop app under Xvfb on CASE, lets it draw a few frames, saves the window to OUT and
# checks the screenshot shows the panels and the scene (not a blank or crashed window).
file(REMOVE ${OUT})
execute_process(
  COMMAND xvfb-run -a -s "-screen 0 1600x1000x24" ${CMAKE_COMMAND} -E env MARGINVIZ_GUI_SCREENSHOT=${OUT} ${BIN} ${CASE}
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
message(STATUS "GUI screenshot ${OUT}: ${size} bytes")

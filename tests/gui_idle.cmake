# Opens the desktop app under Xvfb on CASE and leaves it alone: once started, it must draw no
# frame at all while nothing changes (MARGINVIZ_GUI_IDLE_CHECK counts them and quits).
set(state ${WORK}/gui-idle.state)
file(REMOVE_RECURSE ${state})
file(MAKE_DIRECTORY ${state})
execute_process(
  COMMAND xvfb-run -a -s "-screen 0 1280x800x24" ${CMAKE_COMMAND} -E env MARGINVIZ_GUI_IDLE_CHECK=3 XDG_STATE_HOME=${state} XDG_CONFIG_HOME=${state}
          ${BIN} ${CASE}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 120)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "marginviz GUI exited with ${rc}\n${out}\n${err}")
endif()
string(REGEX MATCH "([0-9]+) frames drawn in" found "${err}")
if(NOT found)
  message(FATAL_ERROR "no idle count on stderr:\n${err}")
endif()
if(NOT CMAKE_MATCH_1 EQUAL 0)
  message(FATAL_ERROR "the idle app drew ${CMAKE_MATCH_1} frames (expected none):\n${err}")
endif()
message(STATUS "${err}")

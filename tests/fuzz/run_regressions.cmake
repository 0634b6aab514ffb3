# Runs the fuzzer once over every saved finding in DIR (all files but *.md): given a file rather
# than a folder, libFuzzer executes it and exits, non-zero on a crash, sanitizer report, leak,
# timeout or oracle violation. Each file gets its own process, so the log names every failure.
#
#   cmake -DFUZZER=build/fuzz/bin/npq_fuzz_pipeline -DDIR=tests/fuzz/regressions \
#         -P tests/fuzz/run_regressions.cmake
cmake_minimum_required(VERSION 3.25)

if(NOT FUZZER OR NOT DIR)
  message(FATAL_ERROR "usage: cmake -DFUZZER=<binary> -DDIR=<folder> -P run_regressions.cmake")
endif()
file(GLOB inputs LIST_DIRECTORIES false "${DIR}/*")
list(FILTER inputs EXCLUDE REGEX "\\.md$")
list(SORT inputs)
list(LENGTH inputs n)
if(n EQUAL 0)
  message(STATUS "no regression inputs in ${DIR}")
  return()
endif()

set(failed "")
foreach(input IN LISTS inputs)
  execute_process(COMMAND "${FUZZER}" -rss_limit_mb=2048 -timeout=5 "${input}"
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)
  get_filename_component(name "${input}" NAME)
  if(status EQUAL 0)
    message(STATUS "ok      ${name}")
  else()
    message("FAILED  ${name} (status ${status})\n${out}")
    list(APPEND failed "${name}")
  endif()
endforeach()
list(LENGTH failed nfailed)
if(nfailed GREATER 0)
  message(FATAL_ERROR "${nfailed} of ${n} fuzz regression inputs fail: ${failed}")
endif()
message(STATUS "all ${n} fuzz regression inputs pass")

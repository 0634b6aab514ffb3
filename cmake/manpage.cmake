# Builds npq(1) with help2man from 'npq --help', adding every command's own --help as a section
# so the man page documents the whole CLI. Run by src/CMakeLists.txt:
#   cmake -DNPQ=<npq> -DHELP2MAN=<help2man> -DOUTPUT=<npq.1> -P manpage.cmake
execute_process(COMMAND "${NPQ}" --help OUTPUT_VARIABLE top)
string(REGEX MATCHALL "\n  ([a-z]+) +" lines "${top}")
set(include "[COMMANDS]\n")
string(REGEX MATCH "Subcommands:\n(.*)\n\n" section "${top}")
string(REGEX MATCHALL "\n  [a-z]+ " names "\n${CMAKE_MATCH_1}")
foreach(name IN LISTS names)
  string(STRIP "${name}" name)
  execute_process(COMMAND "${NPQ}" ${name} --help OUTPUT_VARIABLE help)
  string(REPLACE "\\" "\\\\" help "${help}")
  string(APPEND include ".SS npq ${name}\n.nf\n${help}\n.fi\n")
endforeach()
string(APPEND include "\n[FILES]\n.TP\n.B .npq.yaml\nProject settings, found in the current folder or a parent: default paths, extra\nreference data, severity overrides and suppressions.\n\n[SEE ALSO]\nThe format reference: docs/format-reference.md, or 'npq schema --reference'.\n")
file(WRITE "${OUTPUT}.include" "${include}")
execute_process(
  COMMAND "${HELP2MAN}" --no-info --no-discard-stderr --section=1 --name "validate and report on NPQ programme specifications"
          --include "${OUTPUT}.include" --output "${OUTPUT}" "${NPQ}"
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "help2man failed (${result})")
endif()

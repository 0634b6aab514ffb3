# Builds npq(1) with help2man from 'npq --help', adding every command's own --help as a section
# so the man page documents the whole CLI, and the hand-written sections of npq.h2m (exit status,
# environment, examples, files, see also). Run by src/CMakeLists.txt:
#   cmake -DNPQ=<npq> -DHELP2MAN=<help2man> -DOUTPUT=<npq.1> -DNPQ_DOCDIR=<dir>
#         -DNPQ_SCHEMADIR=<dir> -P manpage.cmake
# The help is fitted to 93 columns: man indents the command sections by 7, so the page keeps
# within 100 columns (tests/install checks it at MANWIDTH=100).
set(ENV{COLUMNS} 93)
# The page's date is the last commit's (help2man reads SOURCE_DATE_EPOCH), so the same source
# makes the same page whatever the day it is built; a build outside git keeps help2man's default.
if(NOT DEFINED ENV{SOURCE_DATE_EPOCH})
  execute_process(COMMAND git -C "${CMAKE_CURRENT_LIST_DIR}" log -1 --format=%ct
                  OUTPUT_VARIABLE epoch OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET
                  RESULT_VARIABLE git_result)
  if(git_result EQUAL 0 AND epoch MATCHES "^[0-9]+$")
    set(ENV{SOURCE_DATE_EPOCH} "${epoch}")
  endif()
endif()
execute_process(COMMAND "${NPQ}" --help OUTPUT_VARIABLE top)
set(include "[COMMANDS]\n")
string(REGEX MATCH "Subcommands:\n(.*)\n\n" section "${top}")
string(REGEX MATCHALL "\n  [a-z]+ " names "\n${CMAKE_MATCH_1}")
foreach(name IN LISTS names)
  string(STRIP "${name}" name)
  execute_process(COMMAND "${NPQ}" ${name} --help OUTPUT_VARIABLE help)
  string(REPLACE "\\" "\\\\" help "${help}")
  # A line starting with '.' or ' would be a roff request ('\&' is an invisible character).
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" help "${help}")
  string(APPEND include ".SS npq ${name}\n.nf\n${help}\n.fi\n")
endforeach()
file(READ "${CMAKE_CURRENT_LIST_DIR}/npq.h2m" sections)
string(CONFIGURE "${sections}" sections @ONLY)
string(APPEND include "\n${sections}")
file(WRITE "${OUTPUT}.include" "${include}")
execute_process(
  COMMAND "${HELP2MAN}" --no-info --no-discard-stderr --section=1 --name "validate and report on NPQ programme specifications"
          --include "${OUTPUT}.include" --output "${OUTPUT}" "${NPQ}"
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "help2man failed (${result})")
endif()
# No hyphenation: a reader copies option names such as --max-file-size from the page, and man
# would otherwise split them at the end of a line with a hyphen of its own.
file(READ "${OUTPUT}" page)
string(REGEX REPLACE "(\n\\.TH [^\n]*\n)" "\\1.nh\n" page "${page}")
file(WRITE "${OUTPUT}" "${page}")

# Builds the fuzz seed corpus in OUT (a build folder), so nothing is duplicated in the repository:
#
#   cmake -DROOT=/work/main -DOUT=build/fuzz/corpus [-DFRESH=ON] [-DYAML_TEST_SUITE=DIR]
#         [-DARTIFACTS=DIR] -P tests/fuzz/make_corpus.cmake
#
#   * examples/**/*.yaml, programmes/*.yaml and data/**/*.yaml (every document kind);
#   * tests/fuzz/seeds/*: small hostile inputs (encodings, aliases, escapes, odd numbers);
#   * generated here: the bundled valid example with lone-CR, CRLF and BOM line endings, deep
#     nesting just over and under the limit, 1,001 documents, many duplicate keys, a long flow
#     sequence, a long line (the fuzzer cuts every input at 64 KiB, so nothing is bigger);
#   * yaml-test-suite's in.yaml files, when YAML_TEST_SUITE names a checkout of it.
# FRESH=ON empties OUT first (fuzz.short starts from the same seeds every time). ARTIFACTS, when
# given, is created too (libFuzzer does not create its -artifact_prefix folder).
cmake_minimum_required(VERSION 3.25)

if(NOT ROOT OR NOT OUT)
  message(FATAL_ERROR "usage: cmake -DROOT=<repo> -DOUT=<folder> [-DFRESH=ON] -P make_corpus.cmake")
endif()
if(FRESH)
  file(REMOVE_RECURSE "${OUT}")
endif()
file(MAKE_DIRECTORY "${OUT}")
if(ARTIFACTS)
  file(MAKE_DIRECTORY "${ARTIFACTS}")
endif()

set(count 0)
# Copies a file under a name made from its path inside `base` (examples/valid/x.yaml ->
# examples-valid-x.yaml), so files of the same name in different folders do not collide.
function(seed_copy base file prefix)
  file(RELATIVE_PATH rel "${base}" "${file}")
  string(REPLACE "/" "-" flat "${rel}")
  file(COPY_FILE "${file}" "${OUT}/${prefix}${flat}" ONLY_IF_DIFFERENT)
  math(EXPR n "${count} + 1")
  set(count ${n} PARENT_SCOPE)
endfunction()

file(GLOB_RECURSE files LIST_DIRECTORIES false "${ROOT}/examples/*.yaml" "${ROOT}/programmes/*.yaml"
     "${ROOT}/data/*.yaml")
foreach(f IN LISTS files)
  seed_copy("${ROOT}" "${f}" "")
endforeach()

file(GLOB files LIST_DIRECTORIES false "${ROOT}/tests/fuzz/seeds/*")
foreach(f IN LISTS files)
  seed_copy("${ROOT}/tests/fuzz/seeds" "${f}" "seed-")
endforeach()

if(YAML_TEST_SUITE AND IS_DIRECTORY "${YAML_TEST_SUITE}")
  file(GLOB files LIST_DIRECTORIES false "${YAML_TEST_SUITE}/*/in.yaml"
       "${YAML_TEST_SUITE}/*/*/in.yaml")
  foreach(f IN LISTS files)
    seed_copy("${YAML_TEST_SUITE}" "${f}" "yts-")
  endforeach()
endif()

# ---- generated seeds ------------------------------------------------------------------------
function(seed name content)
  file(WRITE "${OUT}/gen-${name}" "${content}")
  math(EXPR n "${count} + 1")
  set(count ${n} PARENT_SCOPE)
endfunction()

file(READ "${ROOT}/examples/valid/consistent-programme.yaml" valid)
string(REPLACE "\r\n" "\n" valid "${valid}")
string(REPLACE "\n" "\r" lone_cr "${valid}")
seed(consistent-lone-cr.yaml "${lone_cr}")
string(REPLACE "\n" "\r\n" crlf "${valid}")
seed(consistent-crlf.yaml "${crlf}")
# CMake strings have no \x escapes: build the UTF-8 byte-order mark from its bytes.
string(ASCII 239 187 191 bom)
seed(consistent-bom.yaml "${bom}${valid}")

string(REPEAT "[" 201 open)
string(REPEAT "]" 201 close)
seed(flow-depth-201.yaml "a: ${open}${close}\n")
string(REPEAT "[" 199 open)
string(REPEAT "]" 199 close)
seed(flow-depth-199.yaml "a: ${open}${close}\n")

set(deep "")
foreach(i RANGE 0 205)
  string(REPEAT " " ${i} indent)
  string(APPEND deep "${indent}a:\n")
endforeach()
string(APPEND deep "${indent} a: 1\n")
seed(block-depth-206.yaml "${deep}")

string(REPEAT "- " 210 dashes)
seed(block-seq-depth-210.yaml "${dashes}x\n")

string(REPEAT "---\nkey: 1\n" 1001 docs)
seed(documents-1001.yaml "${docs}")

string(REPEAT "a: 1\n" 2000 dups)
seed(duplicates-2000.yaml "${dups}")

string(REPEAT "x," 10000 items)
seed(flow-10000-items.yaml "[${items}x]\n")

string(REPEAT "x" 60000 long)
seed(long-scalar.yaml "title: ${long}\n")

string(REPEAT "a: 1, " 2000 one_line)
seed(one-line-duplicates.yaml "{${one_line}b: 2}\n")

message(STATUS "fuzz corpus: ${count} seeds in ${OUT}")

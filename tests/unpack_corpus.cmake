# Unpacks every ARCHIVE_DIR/*.tar.zst into DEST, once: each archive leaves DEST/.<name>.stamp, and
# an archive whose stamp is newer than it is skipped. Run as the ctest fixture corpus_unpack:
#   cmake -DARCHIVE_DIR=../shared/corpus -DDEST=build/corpus -P tests/unpack_corpus.cmake
if(NOT ARCHIVE_DIR OR NOT DEST)
  message(FATAL_ERROR "usage: cmake -DARCHIVE_DIR=DIR -DDEST=DIR -P unpack_corpus.cmake")
endif()

file(GLOB archives ${ARCHIVE_DIR}/*.tar.zst)
if(NOT archives)
  message(FATAL_ERROR "no *.tar.zst corpus archives in ${ARCHIVE_DIR}")
endif()
file(MAKE_DIRECTORY ${DEST})

foreach(archive IN LISTS archives)
  get_filename_component(name ${archive} NAME)
  string(REGEX REPLACE "\\.tar\\.zst$" "" set ${name})
  set(stamp ${DEST}/.${set}.stamp)
  if(EXISTS ${stamp} AND EXISTS ${DEST}/${set} AND ${stamp} IS_NEWER_THAN ${archive})
    message(STATUS "${set}: already unpacked")
    continue()
  endif()
  message(STATUS "${set}: unpacking ${archive}")
  execute_process(COMMAND tar --zstd -xf ${archive} -C ${DEST} RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "tar --zstd -xf ${archive} failed: ${result}")
  endif()
  file(TOUCH ${stamp})
endforeach()

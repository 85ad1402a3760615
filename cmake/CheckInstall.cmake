# The install/desktop test (cmake -P): installs BUILD_DIR into a scratch prefix and checks what
# a desktop reads there: both binaries, the launcher entry, the icon and the metainfo, valid
# under desktop-file-validate and appstreamcli, and naming each other consistently; the man
# pages and the bash completion.
#   cmake -DBUILD_DIR=<build> -DAPP_ID=<id> -P CheckInstall.cmake
set(prefix ${BUILD_DIR}/install-check)
file(REMOVE_RECURSE ${prefix})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix}
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${rc})")
endif()

set(share ${prefix}/share)
set(desktop ${share}/applications/${APP_ID}.desktop)
set(metainfo ${share}/metainfo/${APP_ID}.metainfo.xml)
foreach(path bin/nanobanana-studio bin/nanobanana-cli share/applications/${APP_ID}.desktop
        share/metainfo/${APP_ID}.metainfo.xml share/icons/hicolor/scalable/apps/${APP_ID}.svg
        share/icons/hicolor/48x48/apps/${APP_ID}.png share/icons/hicolor/256x256/apps/${APP_ID}.png
        share/man/man1/nanobanana-cli.1.gz share/man/man1/nanobanana-studio.1.gz
        share/bash-completion/completions/nanobanana-cli share/doc/nanobanana-studio/copyright
        share/doc/nanobanana-studio/changelog.gz)
  if(NOT EXISTS ${prefix}/${path})
    message(FATAL_ERROR "cmake --install did not install ${path}")
  endif()
endforeach()
if(EXISTS ${prefix}/bin/nanobanana-devserver)
  message(FATAL_ERROR "the dev server is a test tool; it must not be installed")
endif()

foreach(tool desktop-file-validate appstreamcli)
  find_program(${tool}_path ${tool})
  if(NOT ${tool}_path)
    message(FATAL_ERROR "${tool} is missing: install desktop-file-utils and appstream (./dev test does)")
  endif()
endforeach()
execute_process(COMMAND ${desktop-file-validate_path} ${desktop}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0 OR out MATCHES "error:|warning:")
  message(FATAL_ERROR "desktop-file-validate ${desktop}:\n${out}")
endif()
execute_process(COMMAND ${appstreamcli_path} validate --no-net --no-color ${metainfo}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0 OR out MATCHES "\nW:|\nE:|^[WE]:")
  message(FATAL_ERROR "appstreamcli validate ${metainfo}:\n${out}")
endif()

# The entry starts an installed binary and names the installed icon; Persian launchers get
# Persian words.
file(STRINGS ${desktop} lines ENCODING UTF-8)
foreach(key "Exec=nanobanana-studio" "Icon=${APP_ID}" "Categories=Graphics;" "Name[fa]="
        "Comment[fa]=" "GenericName=" "Keywords=")
  set(found FALSE)
  foreach(line IN LISTS lines)
    string(FIND "${line}" "${key}" at)
    if(at EQUAL 0)
      set(found TRUE)
    endif()
  endforeach()
  if(NOT found)
    message(FATAL_ERROR "${desktop} has no line starting ${key}")
  endif()
endforeach()
file(READ ${metainfo} xml)
if(NOT xml MATCHES "<launchable type=\"desktop-id\">${APP_ID}.desktop</launchable>")
  message(FATAL_ERROR "${metainfo} does not launch ${APP_ID}.desktop")
endif()
# The CLI's man page covers every command of its help, and the bash completion completes
# commands and options from the installed CLI.
execute_process(COMMAND gzip -dc ${share}/man/man1/nanobanana-cli.1.gz OUTPUT_VARIABLE page
                RESULT_VARIABLE rc)
execute_process(COMMAND ${prefix}/bin/nanobanana-cli --help OUTPUT_VARIABLE help)
string(REGEX MATCHALL "\n  [a-z]+ " rows "${help}")
if(NOT rc EQUAL 0 OR NOT rows)
  message(FATAL_ERROR "no man page for nanobanana-cli, or no commands in its --help")
endif()
foreach(row IN LISTS rows)
  string(STRIP "${row}" command)
  if(NOT page MATCHES "\n\\.SS ${command}")
    message(FATAL_ERROR "nanobanana-cli.1 does not describe the command ${command}")
  endif()
endforeach()
if(NOT page MATCHES "\\\\-\\\\-ratio")
  message(FATAL_ERROR "nanobanana-cli.1 does not list generate's options")
endif()
execute_process(
  COMMAND bash -c "PATH='${prefix}/bin':$PATH; source '${share}/bash-completion/completions/nanobanana-cli'
    COMP_WORDS=(nanobanana-cli ge); COMP_CWORD=1; _nanobanana_cli; echo \"\${COMPREPLY[*]}\"
    COMP_WORDS=(nanobanana-cli generate --re); COMP_CWORD=2; _nanobanana_cli; echo \"\${COMPREPLY[*]}\""
  OUTPUT_VARIABLE completed RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT completed STREQUAL "generate\n--resolution --ref\n")
  message(FATAL_ERROR "the bash completion completed:\n${completed}")
endif()
file(REMOVE_RECURSE ${prefix})

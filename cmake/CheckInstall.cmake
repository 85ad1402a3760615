# The install/desktop test (cmake -P): installs BUILD_DIR into a scratch prefix and checks what
# a desktop reads there: both binaries, the launcher entry, the icon and the metainfo, valid
# under desktop-file-validate and appstreamcli, and naming each other consistently.
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
        share/icons/hicolor/48x48/apps/${APP_ID}.png share/icons/hicolor/256x256/apps/${APP_ID}.png)
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
file(REMOVE_RECURSE ${prefix})

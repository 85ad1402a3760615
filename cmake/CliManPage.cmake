# Writes nanobanana-cli's man page from the CLI's own help (its command table), so the page
# cannot drift from the program (cmake -P, run by the build after the CLI is linked):
#   cmake -DCLI=<nanobanana-cli> -DOUT=<nanobanana-cli.1> -DVERSION=<x.y.z> -P CliManPage.cmake
# The help is read in the C locale: the page is the English one.
set(ENV{LC_ALL} C.UTF-8)
set(ENV{LANGUAGE} "")

function(run_help out_var)
  execute_process(COMMAND ${CLI} ${ARGN} --help RESULT_VARIABLE rc OUTPUT_VARIABLE text
                  ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${CLI} ${ARGN} --help failed (${rc}): ${err}")
  endif()
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# roff: backslashes and hyphens escaped, a leading dot or quote neutralised.
function(roff out_var text)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REPLACE "-" "\\-" text "${text}")
  string(REGEX REPLACE "^([.'])" "\\\\&\\1" text "${text}")
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# The "  term   description" rows of the section starting with `heading` (up to a blank line)
# as .TP paragraphs; a term too long for its column has its description on the next line.
function(rows_of out_var help heading)
  string(REPLACE ";" "\\;" help "${help}")
  string(REPLACE "\n" ";" lines "${help}")
  set(inside FALSE)
  set(page "")
  foreach(line IN LISTS lines)
    if(line STREQUAL heading)
      set(inside TRUE)
      continue()
    endif()
    if(NOT inside)
      continue()
    endif()
    if(line STREQUAL "")
      break()
    endif()
    if(line MATCHES "^  ([^ ].*[^ ])  +([^ ].*)$")
      roff(term "${CMAKE_MATCH_1}")
      roff(text "${CMAKE_MATCH_2}")
      string(APPEND page ".TP\n.B ${term}\n${text}\n")
    elseif(line MATCHES "^  ([^ ].*)$")
      roff(term "${CMAKE_MATCH_1}")
      string(APPEND page ".TP\n.B ${term}\n")
    elseif(line MATCHES "^ +([^ ].*)$")
      roff(text "${CMAKE_MATCH_1}")
      string(APPEND page "${text}\n")
    endif()
  endforeach()
  set(${out_var} "${page}" PARENT_SCOPE)
endfunction()

run_help(main)
string(REGEX MATCH "usage: nanobanana-cli ([^\n]*)" _ "${main}")
roff(synopsis "${CMAKE_MATCH_1}")
string(REGEX MATCH "\n\n([^\n]+)\n\ncommands:" _ "${main}")
roff(description "${CMAKE_MATCH_1}")
string(REGEX MATCH "exit codes: ([^\n]*)" _ "${main}")
roff(exit_codes "${CMAKE_MATCH_1}")

set(commands "")
string(REGEX MATCH "commands:\n(.*)\n\nglobal options:" _ "${main}")
string(REPLACE "\n" ";" command_lines "${CMAKE_MATCH_1}")
foreach(line IN LISTS command_lines)
  if(NOT line MATCHES "^  ([a-z]+)([^ ]| [^ ])*  +([^ ].*)$")
    continue()
  endif()
  set(name ${CMAKE_MATCH_1})
  roff(summary "${CMAKE_MATCH_3}")
  string(REGEX MATCH "^  ([^ ].*[^ ])  +" _ "${line}")
  roff(term "${CMAKE_MATCH_1}")
  run_help(command_help ${name})
  rows_of(options "${command_help}" "options:")
  string(APPEND commands ".SS ${term}\n${summary}.\n")
  if(NOT options STREQUAL "")
    string(APPEND commands ".RS\n${options}.RE\n")
  endif()
endforeach()
rows_of(globals "${main}" "global options:")

file(WRITE ${OUT} ".\\\" Generated from `nanobanana-cli --help` by cmake/CliManPage.cmake; do not edit.
.TH NANOBANANA\\-CLI 1 \"\" \"nanobanana\\-cli ${VERSION}\" \"User Commands\"
.SH NAME
nanobanana\\-cli \\- NanoBanana Studio from the command line
.SH SYNOPSIS
.B nanobanana\\-cli
${synopsis}
.SH DESCRIPTION
${description}
.PP
Progress goes to standard error, results to standard output (with \\-\\-json: one JSON
document). \\fBnanobanana\\-cli \\fICOMMAND\\fB \\-\\-help\\fR shows a command's options.
.SH COMMANDS
${commands}.SH GLOBAL OPTIONS
${globals}.SH ENVIRONMENT
.TP
.B NANOBANANA_SERVER
the backend origin when \\-\\-server is not given
.TP
.B NANOBANANA_PROFILE
the profile folder when \\-\\-profile is not given
.TP
.B XDG_DATA_HOME
holds the default profile, shared with the desktop app:
\\fI$XDG_DATA_HOME/nanobanana\\-studio/profiles/default\\fR
(\\fI~/.local/share/...\\fR when unset)
.SH EXIT STATUS
${exit_codes}
.SH SEE ALSO
.BR nanobanana\\-studio (1)
")

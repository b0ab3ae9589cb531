# SPDX-License-Identifier: Apache-2.0
# The core must never include wxWidgets (STYLE.md rule 2). Configuration fails if a file under
# src/core includes a wx header, so the rule cannot erode silently; the core targets also never link wx.
function(par_check_core_is_wx_free dir)
    file(GLOB_RECURSE core_files "${dir}/*.hpp" "${dir}/*.cpp" "${dir}/*.h")
    foreach(f IN LISTS core_files)
        file(STRINGS "${f}" wx_lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]wx/")
        if(wx_lines)
            message(FATAL_ERROR "${f} includes wxWidgets; src/core must stay wx-free (see STYLE.md)")
        endif()
    endforeach()
endfunction()

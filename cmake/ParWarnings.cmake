# Compiler warnings and sanitizers, applied to every par-audit target through par_apply_options().
function(par_apply_options target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    if(PAR_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

if(PAR_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
    add_link_options(-fsanitize=address,undefined)
endif()

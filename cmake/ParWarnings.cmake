# SPDX-License-Identifier: Apache-2.0
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

# The fuzzing build (fuzz/, docs/reliability.md): every library is instrumented for libFuzzer's
# coverage and checked by ASan and UBSan; only the harnesses link the fuzzer's main().
if(PAR_BUILD_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "PAR_BUILD_FUZZ needs Clang (e.g. -DCMAKE_CXX_COMPILER=clang++-14)")
    endif()
    add_compile_options(-fsanitize=address,undefined,fuzzer-no-link -fno-omit-frame-pointer
                        -fno-sanitize-recover=all)
    add_link_options(-fsanitize=address,undefined)
endif()

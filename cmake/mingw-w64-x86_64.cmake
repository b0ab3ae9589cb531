# SPDX-License-Identifier: Apache-2.0
# CMake toolchain for Windows x86-64 with Debian 12's MinGW-w64 (packages g++-mingw-w64-x86-64-posix,
# gcc-mingw-w64-x86-64-posix: the "posix" thread model, which C++17's std::thread and std::mutex need).
# Used by scripts/build-windows-deps.sh (the libraries) and scripts/build-windows.sh (par-audit).
# PAR_MINGW_PREFIX: the prefix the libraries are installed into (scripts/build-windows-deps.sh prints it).
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(PAR_MINGW_TRIPLET x86_64-w64-mingw32)

set(CMAKE_C_COMPILER ${PAR_MINGW_TRIPLET}-gcc-posix)
set(CMAKE_CXX_COMPILER ${PAR_MINGW_TRIPLET}-g++-posix)
set(CMAKE_RC_COMPILER ${PAR_MINGW_TRIPLET}-windres)
set(CMAKE_AR ${PAR_MINGW_TRIPLET}-gcc-ar-posix CACHE FILEPATH "")
set(CMAKE_RANLIB ${PAR_MINGW_TRIPLET}-gcc-ranlib-posix CACHE FILEPATH "")

if(NOT PAR_MINGW_PREFIX AND DEFINED ENV{PAR_MINGW_PREFIX})
    set(PAR_MINGW_PREFIX $ENV{PAR_MINGW_PREFIX})
endif()
# try_compile projects see the toolchain file again, without the cache: pass the prefix on.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES PAR_MINGW_PREFIX)

set(CMAKE_FIND_ROOT_PATH /usr/${PAR_MINGW_TRIPLET} ${PAR_MINGW_PREFIX})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
set(CMAKE_PREFIX_PATH ${PAR_MINGW_PREFIX})

# Everything static (one .exe per program, no MinGW runtime DLLs beside it).
set(BUILD_SHARED_LIBS OFF CACHE BOOL "")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static -static-libgcc -static-libstdc++")
# Static ICU, libzip and libical must not be declared dllimport by their headers; ICU is built
# without the parts par-audit does not use (scripts/build-windows-deps.sh), said to its users too.
set(PAR_MINGW_DEFS "-DU_STATIC_IMPLEMENTATION -DZIP_STATIC -DLIBICAL_STATIC -DUCONFIG_NO_FORMATTING=1 \
-DUCONFIG_NO_TRANSLITERATION=1 -DUCONFIG_NO_IDNA=1 -DUCONFIG_NO_SERVICE=1")
set(CMAKE_C_FLAGS_INIT "${PAR_MINGW_DEFS}")
set(CMAKE_CXX_FLAGS_INIT "${PAR_MINGW_DEFS}")
# What the static OpenSSL, libzip (Windows crypto) and wxWidgets need from Windows.
set(CMAKE_C_STANDARD_LIBRARIES "-lws2_32 -lcrypt32 -lbcrypt -ladvapi32 -luser32 -lkernel32" CACHE STRING "")
set(CMAKE_CXX_STANDARD_LIBRARIES "-lws2_32 -lcrypt32 -lbcrypt -ladvapi32 -luser32 -lkernel32" CACHE STRING "")

# Tests and tools run through Wine (Debian's `wine`).
find_program(PAR_WINE NAMES wine)
if(PAR_WINE)
    set(CMAKE_CROSSCOMPILING_EMULATOR ${PAR_WINE})
endif()

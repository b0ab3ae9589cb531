#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds, for Windows x86-64 (x86_64-w64-mingw32), the libraries par-audit links, from Debian 12's own
# source packages (`apt-get source`; scripts/install-deps-windows.sh adds the deb-src entry), as static
# libraries, into a prefix outside the clone:
#     /var/cache/par-audit/mingw-<first 12 hex digits of the SHA-256 of this script and
#     cmake/mingw-w64-x86_64.cmake, comment lines left out>
# (PAR_MINGW_CACHE overrides /var/cache/par-audit). Changing either file's code changes the prefix; a
# prefix that is complete is left alone (each library has a stamp, so an interrupted run goes on where it
# stopped). Only what par-audit uses is built, with the optional parts off:
#   zlib           Debian's binary libz-mingw-w64-dev (already a MinGW build from Debian's zlib)
#   boost, CLI11, nlohmann-json, Catch2: header-only; the headers of Debian's -dev packages are
#                  platform-independent and are copied (Boost.DateTime's Gregorian calendar is
#                  header-only since Boost 1.73)
#   tinyxml2, simdjson, libharu (no PNG), libxlsxwriter (its own minizip), libzip (zlib + Windows
#   crypto; no bzip2/lzma/zstd), libical (no glib/ICU/C++ bindings), HarfBuzz (core + hb-subset only),
#   ICU (uc, i18n with the regular expressions, and the data; no formatting, transliteration, io,
#   tools, layoutex, samples, tests; Debian's icu-devtools stand in for a native build of its tools), OpenSSL (libcrypto only: no libssl, apps, tests, engines, modules),
#   wxWidgets (MSW, core + base; no png/jpeg/tiff/expat/regex/svg/html/xrc/stc/richtext/ribbon/
#   propgrid/aui/webview/media/...), ISA-L (Debian's libisal: its igzip inflater and CRCs only,
#   with its own make file for MinGW and nasm; XLSX dossier logs are inflated with it)
# Prints the prefix as its last line. Run under `nice -n 19` on a shared machine.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
# The hash covers what decides the libraries: this script and the toolchain file, comment lines left
# out (a reworded comment or the SPDX header does not throw a 30-minute prefix away).
HASH=$(grep -hv '^[[:space:]]*#' "${BASH_SOURCE[0]}" "$ROOT/cmake/mingw-w64-x86_64.cmake" | sha256sum | cut -c1-12)
CACHE=${PAR_MINGW_CACHE:-/var/cache/par-audit}
# PAR_MINGW_PREFIX_OVERRIDE pins the prefix while this script itself is being worked on.
PREFIX=${PAR_MINGW_PREFIX_OVERRIDE:-$CACHE/mingw-$HASH}
WORK=$PREFIX.work
STAMPS=$PREFIX/.stamps
HOST=x86_64-w64-mingw32
JOBS=${JOBS:-2}
TOOLCHAIN=$ROOT/cmake/mingw-w64-x86_64.cmake
export PAR_MINGW_PREFIX=$PREFIX

# PAR_WINDOWS_GUI=OFF: everything but wxWidgets (the CLI and the tests), marked .complete-core.
GUI=${PAR_WINDOWS_GUI:-ON}
MARK=$PREFIX/.complete
[ "$GUI" = OFF ] && MARK=$PREFIX/.complete-core
if [ -f "$MARK" ] || { [ "$GUI" = OFF ] && [ -f "$PREFIX/.complete" ]; }; then
    echo "build-windows-deps: $PREFIX is complete"
    echo "$PREFIX"
    exit 0
fi

mkdir -p "$PREFIX"/{include,lib,bin,share} "$STAMPS" "$WORK"
export CC=$HOST-gcc-posix CXX=$HOST-g++-posix AR=$HOST-gcc-ar-posix RANLIB=$HOST-gcc-ranlib-posix
export PKG_CONFIG_LIBDIR=$PREFIX/lib/pkgconfig:/usr/$HOST/lib/pkgconfig
unset PKG_CONFIG_PATH
export CCACHE_DISABLE=1   # the objects of these one-time builds would only crowd the shared cache

log() { echo "build-windows-deps: $(date -u +%H:%M:%S) $*"; }

# fetch <source package>: unpacks Debian's source package (with Debian's patches applied) under
# $WORK/<package> and prints the source directory.
fetch() {
    local pkg=$1 dir=$WORK/$1
    if [ ! -f "$dir/.fetched" ]; then
        rm -rf "$dir" && mkdir -p "$dir"
        # --download-only then dpkg-source: a file the mirror lacks is reported, not fatal when it is
        # only Debian's packaging (then the upstream tarball is used without Debian's patches).
        (cd "$dir" && apt-get source --download-only -qq "$pkg" >"$dir/fetch.log" 2>&1) || true
        local dsc; dsc=$(ls "$dir"/*.dsc 2>/dev/null | head -n1)
        if ! ls "$dir"/*.orig.tar.* >/dev/null 2>&1; then
            echo "build-windows-deps: apt-get source $pkg failed (deb-src entry missing? run" \
                 "scripts/install-deps-windows.sh); see $dir/fetch.log" >&2
            exit 1
        fi
        if [ -z "$dsc" ] || ! (cd "$dir" && dpkg-source -x "$dsc" src >>"$dir/fetch.log" 2>&1); then
            echo "build-windows-deps: WARNING: $pkg: Debian's packaging is missing from the mirror;" \
                 "building the upstream tarball of the source package without Debian's patches" >&2
            rm -rf "$dir/src" && mkdir -p "$dir/src"
            tar -xf "$(ls "$dir"/*.orig.tar.* | grep -v '\.asc$' | head -n1)" -C "$dir/src" --strip-components=1
        fi
        touch "$dir/.fetched"
    fi
    echo "$dir/src"
}

cmake_lib() {  # cmake_lib <source dir> <build dir> <cmake args...>
    local src=$1 bld=$2; shift 2
    cmake -S "$src" -B "$bld" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$TOOLCHAIN" -DPAR_MINGW_PREFIX="$PREFIX" \
        -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$PREFIX" -DCMAKE_INSTALL_LIBDIR=lib \
        -DBUILD_SHARED_LIBS=OFF "$@" >"$bld.configure.log" 2>&1 || { tail -40 "$bld.configure.log"; exit 1; }
    cmake --build "$bld" -j"$JOBS" >"$bld.build.log" 2>&1 || { tail -40 "$bld.build.log"; exit 1; }
    cmake --install "$bld" >"$bld.install.log" 2>&1 || { tail -40 "$bld.install.log"; exit 1; }
}

step() {  # step <name>: runs build_<name> unless its stamp exists; times it
    local name=$1 t0
    if [ -f "$STAMPS/$name" ]; then log "$name: present"; return; fi
    t0=$(date +%s)
    log "$name: building"
    "build_$name"
    echo "$(( $(date +%s) - t0 ))" >"$STAMPS/$name"
    log "$name: done in $(cat "$STAMPS/$name") s"
}

build_headers() {
    # Platform-independent headers from the installed Debian -dev packages (scripts/install-deps.sh).
    cp -a /usr/include/boost "$PREFIX/include/"
    cp -a /usr/include/CLI "$PREFIX/include/"
    cp -a /usr/include/nlohmann "$PREFIX/include/"
    cp -a /usr/include/catch2 "$PREFIX/include/"
    mkdir -p "$PREFIX/lib/cmake"
    cp -a /usr/share/cmake/nlohmann_json "$PREFIX/lib/cmake/"
    cp -a /usr/lib/cmake/Catch2 "$PREFIX/lib/cmake/"
    # Catch2's CMake package also names its main() library: built here for Windows (the project
    # has its own main, tests/catch_main.cpp, but the package must be complete to be found).
    printf '#define CATCH_CONFIG_MAIN\n#include <catch2/catch.hpp>\n' >"$WORK/catch_main.cpp"
    $CXX -std=c++17 -O1 -I"$PREFIX/include" -c "$WORK/catch_main.cpp" -o "$WORK/catch_main.o"
    $AR rcs "$PREFIX/lib/libCatch2WithMain.a" "$WORK/catch_main.o"
    if [ -d /usr/share/cmake/CLI11 ]; then cp -a /usr/share/cmake/CLI11 "$PREFIX/lib/cmake/"; fi
    if [ -d /usr/lib/x86_64-linux-gnu/cmake/CLI11 ]; then cp -a /usr/lib/x86_64-linux-gnu/cmake/CLI11 "$PREFIX/lib/cmake/"; fi
}

build_tinyxml2() {
    local src; src=$(fetch tinyxml2)
    cmake_lib "$src" "$WORK/tinyxml2-build" -Dtinyxml2_BUILD_TESTING=OFF
}

build_simdjson() {
    local src; src=$(fetch simdjson)
    cmake_lib "$src" "$WORK/simdjson-build" -DSIMDJSON_DEVELOPER_MODE=OFF -DSIMDJSON_JUST_LIBRARY=ON \
        -DSIMDJSON_BUILD_STATIC=ON -DSIMDJSON_ENABLE_THREADS=OFF
}

build_libharu() {
    local src; src=$(fetch libharu)
    cmake_lib "$src" "$WORK/libharu-build" -DLIBHPDF_SHARED=OFF -DLIBHPDF_STATIC=ON \
        -DLIBHPDF_EXAMPLES=OFF -DCMAKE_DISABLE_FIND_PACKAGE_PNG=ON -DPNG_FOUND=OFF \
        -DZLIB_INCLUDE_DIR=/usr/$HOST/include -DZLIB_LIBRARY=/usr/$HOST/lib/libz.a
    # libharu 2.3 installs libhpdfs.a for the static library; par-audit looks for hpdf.
    if [ -f "$PREFIX/lib/libhpdfs.a" ] && [ ! -f "$PREFIX/lib/libhpdf.a" ]; then
        cp "$PREFIX/lib/libhpdfs.a" "$PREFIX/lib/libhpdf.a"
    fi
}

build_libxlsxwriter() {
    local src; src=$(fetch libxlsxwriter)
    # USE_NO_MD5: its own MD5 (for image deduplication, which par-audit never needs: it inserts no
    # image) defines MD5_Init & co. as libcrypto does: the app, which links both, did not link.
    cmake_lib "$src" "$WORK/libxlsxwriter-build" -DUSE_SYSTEM_MINIZIP=OFF -DBUILD_TESTS=OFF \
        -DBUILD_EXAMPLES=OFF -DUSE_STATIC_MSVC_RUNTIME=OFF -DUSE_NO_MD5=ON \
        -DZLIB_INCLUDE_DIR=/usr/$HOST/include -DZLIB_LIBRARY=/usr/$HOST/lib/libz.a
}

build_libzip() {
    local src; src=$(fetch libzip)
    cmake_lib "$src" "$WORK/libzip-build" -DENABLE_BZIP2=OFF -DENABLE_LZMA=OFF -DENABLE_ZSTD=OFF \
        -DENABLE_OPENSSL=OFF -DENABLE_GNUTLS=OFF -DENABLE_MBEDTLS=OFF -DENABLE_COMMONCRYPTO=OFF \
        -DENABLE_WINDOWS_CRYPTO=ON -DBUILD_TOOLS=OFF -DBUILD_REGRESS=OFF -DBUILD_EXAMPLES=OFF \
        -DBUILD_DOC=OFF -DZLIB_INCLUDE_DIR=/usr/$HOST/include -DZLIB_LIBRARY=/usr/$HOST/lib/libz.a
}

build_libical() {
    local src; src=$(fetch libical3)
    cmake_lib "$src" "$WORK/libical-build" -DSTATIC_ONLY=ON -DSHARED_ONLY=OFF -DICAL_GLIB=OFF \
        -DGOBJECT_INTROSPECTION=OFF -DICAL_BUILD_DOCS=OFF -DLIBICAL_BUILD_TESTING=OFF \
        -DWITH_CXX_BINDINGS=OFF -DENABLE_GTK_DOC=OFF -DCMAKE_DISABLE_FIND_PACKAGE_ICU=ON \
        -DCMAKE_DISABLE_FIND_PACKAGE_BDB=ON -DCMAKE_DISABLE_FIND_PACKAGE_Doxygen=ON \
        -DUSE_BUILTIN_TZDATA=ON -DICAL_GLIB_VAPI=OFF
}

build_harfbuzz() {
    local src; src=$(fetch harfbuzz) bld=$WORK/harfbuzz-build
    cat >"$WORK/meson-cross.txt" <<EOF
[binaries]
c = '$HOST-gcc-posix'
cpp = '$HOST-g++-posix'
ar = '$HOST-gcc-ar-posix'
strip = '$HOST-strip'
windres = '$HOST-windres'
pkg-config = 'pkg-config'
[host_machine]
system = 'windows'
cpu_family = 'x86_64'
cpu = 'x86_64'
endian = 'little'
EOF
    rm -rf "$bld"
    meson setup "$bld" "$src" --cross-file "$WORK/meson-cross.txt" --prefix "$PREFIX" --libdir lib \
        --buildtype release --default-library static -Dglib=disabled -Dgobject=disabled \
        -Dcairo=disabled -Dchafa=disabled -Dicu=disabled -Dgraphite=disabled -Dfreetype=disabled \
        -Dgdi=disabled -Ddirectwrite=disabled -Dcoretext=disabled -Dtests=disabled \
        -Dintrospection=disabled -Ddocs=disabled -Dbenchmark=disabled \
        -Dexperimental_api=false >"$bld.configure.log" 2>&1 || { tail -40 "$bld.configure.log"; exit 1; }
    ninja -C "$bld" -j"$JOBS" >"$bld.build.log" 2>&1 || { tail -40 "$bld.build.log"; exit 1; }
    ninja -C "$bld" install >"$bld.install.log" 2>&1 || { tail -40 "$bld.install.log"; exit 1; }
}

# What par-audit uses of ICU: UnicodeString, Normalizer2, character properties, Locale, Collator,
# and the regular expressions of form patterns (core/common/Pattern: RegexPattern, matched by
# characters with a time limit). Formatting, transliteration, IDNA and the service registry are
# compiled out (most of i18n's size and build time); cmake/mingw-w64-x86_64.cmake gives the consumers
# the same.
ICU_CONFIG="-DU_STATIC_IMPLEMENTATION -DUCONFIG_NO_FORMATTING=1 -DUCONFIG_NO_TRANSLITERATION=1 \
-DUCONFIG_NO_IDNA=1 -DUCONFIG_NO_SERVICE=1"
build_icu() {
    local src; src=$(fetch icu)
    src=$src/source
    local native=$WORK/icu-native cross=$WORK/icu-mingw
    # ICU packages its data with its own tools, run on the build machine: instead of a native build
    # of ICU, Debian's icu-devtools of the same version (72.1) stand in for it (--with-cross-build
    # only needs config/icucross.mk and the tools in bin/). The data is the prebuilt
    # source/data/in/icudt72l.dat of the source package, linked in statically.
    rm -rf "$native" "$cross" && mkdir -p "$native/config" "$native/bin" "$native/lib" "$cross"
    local v; v=$(dpkg-query -W -f='${Version}' icu-devtools 2>/dev/null | cut -d- -f1)
    [ "${v%%.*}" = "$(sed -n 's/^#define U_ICU_VERSION_MAJOR_NUM \([0-9]*\).*/\1/p' "$src/common/unicode/uvernum.h")" ] \
        || { echo "build-windows-deps: icu-devtools $v does not match the ICU source" >&2; exit 1; }
    for t in icupkg pkgdata genccode gencmn genrb genbrk gencfu gencnval gendict gennorm2 gensprep makeconv; do
        ln -s "$(command -v $t || echo /usr/sbin/$t)" "$native/bin/$t"
    done
    cat >"$native/config/icucross.mk" <<EOF2
CROSS_ICU_VERSION=$v
TOOLEXEEXT=
TOOLBINDIR=\$(cross_buildroot)/bin
TOOLLIBDIR=\$(cross_buildroot)/lib
INVOKE=
PKGDATA_INVOKE=
EOF2
    echo 'CURR_FULL_DIR?=$(shell pwd | sed '"'"'s/ /\\ /g'"'"')' >"$native/config/icucross.inc"
    (cd "$cross" && "$src/configure" --host=$HOST --with-cross-build="$native" --prefix="$PREFIX" \
        --disable-shared --enable-static --disable-tests --disable-samples --disable-extras \
        --disable-icuio --disable-layoutex --disable-tools --with-data-packaging=static \
        CFLAGS="-O2" CXXFLAGS="-O2 -std=c++17" CPPFLAGS="$ICU_CONFIG" >configure.log 2>&1 \
        && make -j"$JOBS" >build.log 2>&1 && make install >install.log 2>&1) \
        || { tail -40 "$cross"/*.log; exit 1; }
    # pkgdata (Debian's, for Linux) names the data archive sicudt.a and `make install` then puts the
    # stub data library in its place: the real one (icudt72l.dat, some 30 MB) is copied over.
    cp "$cross/lib/sicudt.a" "$PREFIX/lib/libsicudt.a"
    [ "$(stat -c %s "$PREFIX/lib/libsicudt.a")" -gt 1000000 ] \
        || { echo "build-windows-deps: ICU data library missing" >&2; exit 1; }
}

build_openssl() {
    local src; src=$(fetch openssl)
    local bld=$WORK/openssl-build
    rm -rf "$bld" && cp -a "$src" "$bld"
    (cd "$bld" && CC=gcc CXX=g++ AR=ar RANLIB=ranlib ./Configure mingw64 \
        --cross-compile-prefix=$HOST- --prefix="$PREFIX" --libdir=lib no-shared no-tests \
        no-engine no-module no-legacy no-dso no-ssl3 no-dtls no-srp no-comp no-ct \
        no-ocsp no-ui-console no-autoload-config >configure.log 2>&1 \
        && make -j"$JOBS" build_generated >build.log 2>&1 \
        && make -j"$JOBS" libcrypto.a libcrypto.pc >>build.log 2>&1) \
        || { tail -40 "$bld"/*.log; exit 1; }
    cp "$bld/libcrypto.a" "$PREFIX/lib/"
    mkdir -p "$PREFIX/include/openssl" "$PREFIX/lib/pkgconfig"
    cp "$bld"/include/openssl/*.h "$PREFIX/include/openssl/"
    cp "$bld/libcrypto.pc" "$PREFIX/lib/pkgconfig/"
}

build_isal() {
    # ISA-L's own make file has a MinGW target (make.inc: arch=mingw); its assembly is built with
    # nasm, as Debian's own build of the package does (the make file's MinGW default is yasm).
    # Only the units par-audit uses: igzip (inflate) and crc.
    local src; src=$(fetch libisal)
    local bld=$WORK/isal-build
    rm -rf "$bld" && cp -a "$src" "$bld"
    (cd "$bld" && make -f Makefile.unx arch=mingw AS=nasm host_cpu=x86_64 units="igzip crc" \
        CC=$HOST-gcc-posix AR=$HOST-gcc-ar-posix -j"$JOBS" lib >build.log 2>&1) \
        || { tail -40 "$bld/build.log"; exit 1; }
    mkdir -p "$PREFIX/include/isa-l" "$PREFIX/lib/pkgconfig"
    cp "$bld/bin/isa-l.a" "$PREFIX/lib/libisal.a"
    cp "$bld"/include/*.h "$PREFIX/include/isa-l/"
    printf 'prefix=%s\nlibdir=${prefix}/lib\nincludedir=${prefix}/include\n\nName: libisal\nDescription: Intel ISA-L (igzip, crc), static, MinGW\nVersion: %s\nLibs: -L${libdir} -lisal\nCflags: -I${includedir}\n' \
        "$PREFIX" "$(sed -n 's/^Version: //p' "$WORK/libisal"/*.dsc | head -n1)" \
        >"$PREFIX/lib/pkgconfig/libisal.pc"
}

build_wxwidgets() {
    local src; src=$(fetch wxwidgets3.2)
    local bld=$WORK/wx-build
    rm -rf "$bld" && mkdir -p "$bld"
    (cd "$bld" && "$src/configure" --host=$HOST --prefix="$PREFIX" --with-msw --disable-shared \
        --enable-unicode --disable-debug_info --with-zlib=sys --without-libpng --without-libjpeg \
        --without-libtiff --without-expat --without-regex --without-liblzma --without-libcurl \
        --without-opengl --disable-svg --disable-html --disable-htmlhelp --disable-xrc \
        --disable-stc --disable-richtext --disable-ribbon --disable-propgrid --disable-aui \
        --disable-webview --disable-mediactrl --disable-sound --disable-webrequest \
        --disable-secretstore --disable-help --disable-mshtmlhelp --disable-sockets --disable-url \
        --disable-protocol --disable-fs_inet --disable-tests \
        CPPFLAGS="-I/usr/$HOST/include" LDFLAGS="-L/usr/$HOST/lib" >configure.log 2>&1 \
        && make -j"$JOBS" >build.log 2>&1 && make install >install.log 2>&1) \
        || { tail -40 "$bld"/*.log; exit 1; }
}

T0=$(date +%s)
log "prefix $PREFIX"
if [ $# -gt 0 ]; then  # build-windows-deps.sh STEP...: only these (when working on this script)
    for s in "$@"; do step "$s"; done
    exit 0
fi
step headers
step tinyxml2
step simdjson
step libharu
step libxlsxwriter
step libzip
step libical
step harfbuzz
step isal
# The three large ones side by side (each with JOBS compilers): on a machine shared with other
# builds at higher priority, more runnable jobs get more of the idle time.
pids=()
step openssl & pids+=($!)
step icu & pids+=($!)
if [ "$GUI" != OFF ]; then step wxwidgets & pids+=($!); fi
for p in "${pids[@]}"; do wait "$p"; done
log "all built in $(( $(date +%s) - T0 )) s this run; per library (s): $(cd "$STAMPS" && for f in *; do printf '%s=%s ' "$f" "$(cat "$f")"; done)"
du -sh "$PREFIX" | sed 's/^/build-windows-deps: size /'
touch "$MARK"
if [ "$GUI" != OFF ]; then rm -rf "$WORK"; fi
echo "$PREFIX"

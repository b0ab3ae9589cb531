// SPDX-License-Identifier: Apache-2.0
// inflate_parts.cpp - what inflating costs, and nothing else: every deflated part of a workbook
// larger than 1 MB inflated from its compressed bytes (read once into memory) by zlib and by
// ISA-L, streaming into a 1 MB buffer that is overwritten, each ROUNDS times; prints the best
// time of each with the CRC-32 of the output checked against the package's. Built with
// libdeflate (optional), also libdeflate's whole-buffer inflate into the part's full size, then
// its CRC-32: what a non-streaming inflater would cost (and hold in memory). The floor under the
// XLSX path's time (docs/performance.md, "XLSX on every core"). "ISA-L+wide" is how par-audit
// inflates now: ISA-L without its CRC, the CRC by zipCrc32 (256-bit folding where the processor
// has it) over each 128 KB as it is made.
#include "core/dossier/ZipCrc.hpp"
//
//   inflate_parts WORKBOOK.xlsx [ROUNDS]
#include <isa-l/igzip_lib.h>
#ifdef PAR_BENCH_LIBDEFLATE
#include <libdeflate.h>
#endif
#include <zip.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

double seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

constexpr size_t kOut = 1u << 20;

// zlib, raw deflate, CRC-32 of the output as libzip computes it.
bool withZlib(const std::vector<unsigned char>& in, unsigned long& crc, size_t& total) {
    std::vector<unsigned char> out(kOut);
    z_stream z{};
    if (inflateInit2(&z, -15) != Z_OK)
        return false;
    z.next_in = const_cast<unsigned char*>(in.data());
    z.avail_in = static_cast<uInt>(in.size());
    crc = crc32(0, nullptr, 0);
    total = 0;
    int e = Z_OK;
    while (e == Z_OK) {
        z.next_out = out.data();
        z.avail_out = static_cast<uInt>(kOut);
        e = inflate(&z, Z_NO_FLUSH);
        const size_t n = kOut - z.avail_out;
        crc = crc32(crc, out.data(), static_cast<uInt>(n));
        total += n;
    }
    inflateEnd(&z);
    return e == Z_STREAM_END;
}

// ISA-L, raw deflate with the gzip CRC-32 computed as it inflates (as par-audit uses it).
bool withIsal(const std::vector<unsigned char>& in, unsigned long& crc, size_t& total) {
    std::vector<unsigned char> out(kOut);
    inflate_state s;
    isal_inflate_init(&s);
    s.crc_flag = ISAL_GZIP_NO_HDR;
    s.next_in = const_cast<unsigned char*>(in.data());
    s.avail_in = static_cast<uint32_t>(in.size());
    total = 0;
    for (;;) {
        s.next_out = out.data();
        s.avail_out = static_cast<uint32_t>(kOut);
        if (isal_inflate(&s) != ISAL_DECOMP_OK)
            return false;
        total += kOut - s.avail_out;
        if (s.block_state == ISAL_BLOCK_FINISH)
            break;
        if (s.avail_in == 0 && s.avail_out == kOut)
            return false;
    }
    crc = s.crc;
    return true;
}

// ISA-L without its CRC; par-audit's zipCrc32 over each 128 KB piece of output as it is made.
bool withIsalWide(const std::vector<unsigned char>& in, unsigned long& crc, size_t& total) {
    constexpr size_t kPiece = 128u << 10;
    std::vector<unsigned char> out(kOut);
    inflate_state s;
    isal_inflate_init(&s);
    s.crc_flag = ISAL_DEFLATE;
    s.next_in = const_cast<unsigned char*>(in.data());
    s.avail_in = static_cast<uint32_t>(in.size());
    total = 0;
    std::uint32_t c = 0;
    for (size_t at = 0;; at = (at + kPiece) % kOut) {
        s.next_out = out.data() + at;
        s.avail_out = static_cast<uint32_t>(kPiece);
        if (isal_inflate(&s) != ISAL_DECOMP_OK)
            return false;
        const size_t n = kPiece - s.avail_out;
        c = par::dossier::zipCrc32(c, out.data() + at, n);
        total += n;
        if (s.block_state == ISAL_BLOCK_FINISH)
            break;
        if (s.avail_in == 0 && n == 0)
            return false;
    }
    crc = c;
    return true;
}

#ifdef PAR_BENCH_LIBDEFLATE
// libdeflate: the whole part into one buffer of its full size, then the CRC-32.
bool withLibdeflate(const std::vector<unsigned char>& in, std::vector<unsigned char>& out, unsigned long& crc,
                    size_t& total) {
    libdeflate_decompressor* d = libdeflate_alloc_decompressor();
    if (d == nullptr)
        return false;
    size_t got = 0;
    const bool ok = libdeflate_deflate_decompress(d, in.data(), in.size(), out.data(), out.size(), &got) ==
                    LIBDEFLATE_SUCCESS;
    libdeflate_free_decompressor(d);
    total = got;
    crc = libdeflate_crc32(0, out.data(), got);
    return ok;
}
#endif

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: inflate_parts WORKBOOK.xlsx [ROUNDS]\n");
        return 2;
    }
    const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    int err = 0;
    zip_t* z = zip_open(argv[1], ZIP_RDONLY, &err);
    if (z == nullptr) {
        std::fprintf(stderr, "inflate_parts: cannot open %s\n", argv[1]);
        return 2;
    }
    std::printf("%-32s %10s %10s %10s %10s %12s", "part", "inflated", "zlib s", "ISA-L s",
                "zlib/ISA-L", "ISA-L+wide s");
#ifdef PAR_BENCH_LIBDEFLATE
    std::printf(" %13s", "libdeflate s");
#endif
    std::printf("\n");
    double sumZ = 0, sumI = 0, sumW = 0, sumD = 0;
    for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
        zip_stat_t st;
        if (zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st) != 0 ||
            st.comp_method != ZIP_CM_DEFLATE || st.size < (1u << 20))
            continue;
        std::vector<unsigned char> in(st.comp_size);
        zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), ZIP_FL_COMPRESSED);
        if (f == nullptr || zip_fread(f, in.data(), in.size()) != static_cast<zip_int64_t>(in.size())) {
            std::fprintf(stderr, "inflate_parts: cannot read %s\n", st.name);
            return 2;
        }
        zip_fclose(f);
        double bestZ = 1e9, bestI = 1e9, bestW = 1e9;
        for (int r = 0; r < rounds; ++r) {
            unsigned long crc = 0;
            size_t total = 0;
            double t = seconds();
            const bool okZ = withZlib(in, crc, total);
            bestZ = std::min(bestZ, seconds() - t);
            if (!okZ || crc != st.crc || total != st.size) {
                std::fprintf(stderr, "inflate_parts: zlib: %s does not inflate to its size and CRC\n", st.name);
                return 1;
            }
            t = seconds();
            const bool okI = withIsal(in, crc, total);
            bestI = std::min(bestI, seconds() - t);
            if (!okI || crc != st.crc || total != st.size) {
                std::fprintf(stderr, "inflate_parts: ISA-L: %s does not inflate to its size and CRC\n", st.name);
                return 1;
            }
            t = seconds();
            const bool okW = withIsalWide(in, crc, total);
            bestW = std::min(bestW, seconds() - t);
            if (!okW || crc != st.crc || total != st.size) {
                std::fprintf(stderr,
                             "inflate_parts: ISA-L+wide: %s does not inflate to its size and CRC\n",
                             st.name);
                return 1;
            }
        }
        sumW += bestW;
        sumZ += bestZ;
        sumI += bestI;
        std::printf("%-32s %7.1f MB %10.3f %10.3f %9.1fx %12.3f", st.name,
                    static_cast<double>(st.size) / 1e6, bestZ, bestI, bestZ / bestI, bestW);
#ifdef PAR_BENCH_LIBDEFLATE
        double bestD = 1e9;
        std::vector<unsigned char> whole(st.size);
        for (int r = 0; r < rounds; ++r) {
            unsigned long crc = 0;
            size_t total = 0;
            const double t = seconds();
            const bool okD = withLibdeflate(in, whole, crc, total);
            bestD = std::min(bestD, seconds() - t);
            if (!okD || crc != st.crc || total != st.size) {
                std::fprintf(stderr, "inflate_parts: libdeflate: %s does not inflate to its size and CRC\n", st.name);
                return 1;
            }
        }
        sumD += bestD;
        std::printf(" %13.3f", bestD);
#endif
        std::printf("\n");
    }
    std::printf("%-32s %10s %10.3f %10.3f %9.1fx %12.3f", "all", "", sumZ, sumI, sumZ / sumI, sumW);
#ifdef PAR_BENCH_LIBDEFLATE
    std::printf(" %13.3f", sumD);
#else
    (void)sumD;
#endif
    std::printf("\n");
    zip_close(z);
    return 0;
}

// SPDX-License-Identifier: Apache-2.0
// ZipCrc.cpp - CRC-32 by folding with carry-less multiplication, after Intel's "Fast CRC
// Computation for Generic Polynomials Using PCLMULQDQ Instruction" (Gopal et al., 2009), 256 bits
// wide. ISA-L's own (Debian's 2.30) folds 128 bits at a time unless the processor has AVX-512:
// on an AMD Zen 3 it was 5-7% of an XLSX's CPU.
#include "core/dossier/ZipCrc.hpp"

#include <array>

#if defined(PAR_HAVE_ISAL)
#include <isa-l/crc.h>
#endif
#if (defined(__x86_64__) || defined(_M_X64)) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define PAR_CRC_WIDE 1
#endif

namespace par::dossier {

namespace {

const std::array<std::uint32_t, 256>& table() {
    static const std::array<std::uint32_t, 256> t = [] {
        std::array<std::uint32_t, 256> r{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            r[i] = c;
        }
        return r;
    }();
    return t;
}

std::uint32_t narrow(std::uint32_t crc, const unsigned char* p, size_t n) {
#if defined(PAR_HAVE_ISAL)
    return crc32_gzip_refl(crc, p, n);
#else
    return zipCrc32Bytewise(crc, p, n);
#endif
}

#if defined(PAR_CRC_WIDE)
// Folding constants: x^(N+32) and x^(N-32) modulo the polynomial, bit-reflected and shifted left
// by one, for lanes N bits apart (the paper's k1/k2; N = 128 gives the kernel's and ISA-L's
// well-known 0x1751997d0 and 0xccaa009e). A lane's low half, the earlier bytes, is multiplied by
// the first, its high half by the second.
constexpr long long kFar1 = 0x1e88ef372LL, kFar2 = 0x14a7fe880LL;   // N = 1024: 128 bytes ahead
constexpr long long kNear1 = 0x1751997d0LL, kNear2 = 0xccaa009eLL;  // N = 128: the next lane

#define PAR_CRC_TARGET __attribute__((target("avx2,pclmul,vpclmulqdq")))

PAR_CRC_TARGET inline __m256i load256(const unsigned char* p) {
    return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
}

// Each 128-bit lane of x moved 1024 bits on (multiplied by x^1024 modulo the polynomial, in a
// congruent 128-bit value) and the data there added.
PAR_CRC_TARGET inline __m256i foldFar(__m256i x, __m256i k, const unsigned char* p) {
    return _mm256_xor_si256(_mm256_xor_si256(_mm256_clmulepi64_epi128(x, k, 0x00),
                                             _mm256_clmulepi64_epi128(x, k, 0x11)),
                            load256(p));
}

PAR_CRC_TARGET inline __m128i foldNear(__m128i x, __m128i k, __m128i next) {
    return _mm_xor_si128(
        _mm_xor_si128(_mm_clmulepi64_si128(x, k, 0x00), _mm_clmulepi64_si128(x, k, 0x11)), next);
}

// n >= 128. The message's first four bytes take the register's start (~crc): from there the
// CRC is linear in the bytes, and eight 16-byte lanes carry it 128 bytes a step. The lanes are
// then folded into one, whose CRC from a zero register, continued over the bytes left, is the
// message's.
PAR_CRC_TARGET std::uint32_t wide(std::uint32_t crc, const unsigned char* p, size_t n) {
    __m256i x0 = _mm256_xor_si256(load256(p),
                                  _mm256_setr_epi32(static_cast<int>(~crc), 0, 0, 0, 0, 0, 0, 0));
    __m256i x1 = load256(p + 32), x2 = load256(p + 64), x3 = load256(p + 96);
    p += 128;
    n -= 128;
    const __m256i far = _mm256_setr_epi64x(kFar1, kFar2, kFar1, kFar2);
    for (; n >= 128; p += 128, n -= 128) {
        x0 = foldFar(x0, far, p);
        x1 = foldFar(x1, far, p + 32);
        x2 = foldFar(x2, far, p + 64);
        x3 = foldFar(x3, far, p + 96);
    }
    const __m128i near = _mm_set_epi64x(kNear2, kNear1);
    __m128i acc = _mm256_castsi256_si128(x0);
    acc = foldNear(acc, near, _mm256_extracti128_si256(x0, 1));
    acc = foldNear(acc, near, _mm256_castsi256_si128(x1));
    acc = foldNear(acc, near, _mm256_extracti128_si256(x1, 1));
    acc = foldNear(acc, near, _mm256_castsi256_si128(x2));
    acc = foldNear(acc, near, _mm256_extracti128_si256(x2, 1));
    acc = foldNear(acc, near, _mm256_castsi256_si128(x3));
    acc = foldNear(acc, near, _mm256_extracti128_si256(x3, 1));
    unsigned char last[16];
    _mm_storeu_si128(reinterpret_cast<__m128i*>(last), acc);
    // zlib's convention inverts the register before and after: from a zero register is from
    // ~0xFFFFFFFF.
    return narrow(zipCrc32Bytewise(0xFFFFFFFFu, last, 16), p, n);
}

bool haveWide() {
    static const bool yes = [] {
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("pclmul") &&
               __builtin_cpu_supports("vpclmulqdq");
    }();
    return yes;
}
#endif

}  // namespace

std::uint32_t zipCrc32Bytewise(std::uint32_t crc, const void* data, size_t n) {
    const auto& t = table();
    const auto* p = static_cast<const unsigned char*>(data);
    crc = ~crc;
    for (size_t i = 0; i < n; ++i)
        crc = t[(crc ^ p[i]) & 0xFFu] ^ (crc >> 8);
    return ~crc;
}

bool zipCrc32IsWide() {
#if defined(PAR_CRC_WIDE)
    return haveWide();
#else
    return false;
#endif
}

std::uint32_t zipCrc32(std::uint32_t crc, const void* data, size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
#if defined(PAR_CRC_WIDE)
    if (n >= 256 && haveWide())
        return wide(crc, p, n);
#endif
    return narrow(crc, p, n);
}

}  // namespace par::dossier

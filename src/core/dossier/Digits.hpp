// SPDX-License-Identifier: Apache-2.0
// Digits.hpp - ASCII digits read eight at a time from a 64-bit word, without a branch per byte:
// the XLSX cell readers (XlsxScan.cpp) and the date serials (DossierDates.cpp). Internal to
// par_dossier.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace par::dossier {

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "leadingDigits and digitsValue read the first byte of a word as its lowest");

// Eight bytes as loaded from memory (the first one lowest): how many of them, from the first,
// are ASCII digits (0 to 8), without a branch per byte. A byte b is not a digit when b - 0x30
// borrows or leaves its top bit set (b < '0' or b >= 0xB0), or when b + 0x46 reaches its top bit
// (b > '9'); a borrow or carry out of a byte only starts at a byte that is not a digit, so the
// bytes before the first such byte are told right.
inline int leadingDigits(std::uint64_t word) {
    const std::uint64_t notDigit =
        ((word - 0x3030303030303030ULL) | (word + 0x4646464646464646ULL)) & 0x8080808080808080ULL;
    return notDigit == 0 ? 8 : __builtin_ctzll(notDigit) / 8;
}

// The value of the first n (1 to 8) bytes of `word`, all ASCII digits, the first the most
// significant: the digits moved up so that the bytes below them read as leading zeros, then
// pairs, fours and eights combined (each step multiplies the higher part by 10, 100, 10,000).
inline std::uint32_t digitsValue(std::uint64_t word, int n) {
    std::uint64_t v = (word - 0x3030303030303030ULL) << (8 * (8 - n));
    v = (v * 10 + (v >> 8)) & 0x00FF00FF00FF00FFULL;
    v = (v * 100 + (v >> 16)) & 0x0000FFFF0000FFFFULL;
    v = (v * 10000 + (v >> 32)) & 0x00000000FFFFFFFFULL;
    return static_cast<std::uint32_t>(v);
}

// Up to eight bytes at p, of which `avail` may be read (the rest read as zero bytes, which are
// not digits): for text whose end may be the end of its buffer.
inline std::uint64_t loadWord(const char* p, size_t avail) {
    std::uint64_t word = 0;
    if (avail >= 8) {
        std::memcpy(&word, p, 8);  // (a fixed size: one load, not a call)
    } else {
        for (size_t i = 0; i < avail; ++i)
            word |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
    }
    return word;
}

}  // namespace par::dossier

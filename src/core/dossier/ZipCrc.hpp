// SPDX-License-Identifier: Apache-2.0
// ZipCrc.hpp - the CRC-32 a zip package keeps for each part (the gzip polynomial, reflected),
// checked over every inflated byte of an XLSX (XlsxReader.cpp).
#pragma once

#include <cstddef>
#include <cstdint>

namespace par::dossier {

// The CRC-32 of `n` bytes continued from `crc`, as zlib's crc32() gives it (0 to start;
// zipCrc32(zipCrc32(0, a), b) is the CRC of a followed by b). On a processor with 256-bit
// carry-less multiplication (VPCLMULQDQ with AVX2) 128 bytes a step; otherwise ISA-L's
// crc32_gzip_refl where the build has ISA-L, or a table.
std::uint32_t zipCrc32(std::uint32_t crc, const void* data, size_t n);

// The same a byte at a time (the tests' reference).
std::uint32_t zipCrc32Bytewise(std::uint32_t crc, const void* data, size_t n);

// Whether zipCrc32 takes 128 bytes a step on this processor (from 256 bytes on).
bool zipCrc32IsWide();

}  // namespace par::dossier

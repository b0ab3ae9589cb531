// SPDX-License-Identifier: Apache-2.0
// zipCrc32, the CRC-32 checked over every inflated byte of an XLSX: the same as a byte at a time
// (itself checked against the standard check value) for every length and alignment around the
// wide steps, from any starting value, and continued across any cut.
#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <vector>

#include "core/dossier/ZipCrc.hpp"

using namespace par::dossier;

TEST_CASE("zipCrc32: the standard check value, a byte at a time and wide", "[dossier][crc]") {
    const std::string nine = "123456789";
    CHECK(zipCrc32Bytewise(0, nine.data(), nine.size()) == 0xCBF43926u);
    CHECK(zipCrc32(0, nine.data(), nine.size()) == 0xCBF43926u);
    std::string many;
    for (int i = 0; i < 100; ++i)
        many += nine;  // 900 bytes: the wide steps where the processor has them
    CHECK(zipCrc32(0, many.data(), many.size()) == zipCrc32Bytewise(0, many.data(), many.size()));
    CHECK(zipCrc32(0, nullptr, 0) == 0u);
}

TEST_CASE("zipCrc32: every length and alignment, any start, any cut", "[dossier][crc]") {
    INFO("128 bytes a step on this processor: " << (zipCrc32IsWide() ? "yes" : "no"));
    std::mt19937 rng(20261207);
    std::vector<unsigned char> bytes(4096 + 64);
    for (auto& b : bytes)
        b = static_cast<unsigned char>(rng());
    long mismatches = 0;
    for (size_t offset = 0; offset < 17; ++offset)
        for (size_t n = 0; n <= 1100; ++n) {
            const std::uint32_t start = static_cast<std::uint32_t>(rng());
            const unsigned char* p = bytes.data() + offset;
            if (zipCrc32(start, p, n) != zipCrc32Bytewise(start, p, n))
                ++mismatches;
        }
    CHECK(mismatches == 0);
    for (int round = 0; round < 200; ++round) {
        const size_t n = 256 + rng() % 3800, cut = rng() % (n + 1);
        const std::uint32_t whole = zipCrc32(0, bytes.data(), n);
        CHECK(zipCrc32(zipCrc32(0, bytes.data(), cut), bytes.data() + cut, n - cut) == whole);
        CHECK(whole == zipCrc32Bytewise(0, bytes.data(), n));
    }
    // One bit changed anywhere changes the CRC.
    std::vector<unsigned char> changed(bytes.begin(), bytes.begin() + 4096);
    const std::uint32_t before = zipCrc32(0, changed.data(), changed.size());
    for (size_t at : {size_t{0}, size_t{3}, size_t{127}, size_t{128}, size_t{2000}, size_t{4095}}) {
        changed[at] ^= 0x10;
        CHECK(zipCrc32(0, changed.data(), changed.size()) != before);
        changed[at] ^= 0x10;
    }
}

// SPDX-License-Identifier: Apache-2.0
// par::unitKey: the same unit whatever the Unicode form, case, spacing and tone placement; never
// the same across a real diacritic difference.
#include <catch2/catch.hpp>

#include "core/common/UnitName.hpp"

using par::sameUnitName;
using par::unitKey;

TEST_CASE("unitKey: forms, case, spaces and tone placement do not change a name", "[unitname]") {
    // NFC vs NFD
    CHECK(sameUnitName("UBND xã Ngọc Sơn",
                       "UBND xa\xCC\x83 Ngo\xCC\xA3"
                       "c So\xCC\x9Bn"));
    // case
    CHECK(sameUnitName("UBND XÃ NGỌC SƠN", "ubnd xã ngọc sơn"));
    // white space: runs, tabs, no-break spaces, ends
    CHECK(sameUnitName("  UBND\txã   Ngọc\xC2\xA0Sơn ", "UBND xã Ngọc Sơn"));
    // old / new tone placement
    CHECK(sameUnitName("UBND phường Hoà Bình", "UBND phường Hòa Bình"));
    CHECK(sameUnitName("UBND xã Tiến Thuỷ", "UBND xã Tiến Thủy"));
    CHECK(sameUnitName("Xã Thuý Sơn", "Xã Thúy Sơn"));
    CHECK(sameUnitName("XÃ KHOẺ", "xã khỏe"));
    // tone and vowel mark together (ệ: dot below + circumflex), NFD with either mark order
    CHECK(sameUnitName("Tiệp", "Tie\xCC\x82\xCC\xA3p"));
    CHECK(sameUnitName("Tiệp", "Tie\xCC\xA3\xCC\x82p"));
}

TEST_CASE("unitKey: any real diacritic difference keeps names apart", "[unitname]") {
    CHECK_FALSE(sameUnitName("UBND xã Tân Thành", "UBND xã Tân Thạnh"));  // grave vs dot below
    CHECK_FALSE(sameUnitName("Hòa", "Hóa"));
    CHECK_FALSE(sameUnitName("Sơn", "Son"));      // horn
    CHECK_FALSE(sameUnitName("Tân", "Tan"));      // circumflex
    CHECK_FALSE(sameUnitName("Đông", "Dông"));    // đ / d
    CHECK_FALSE(sameUnitName("Mỹ Lý", "Mỹ Lí"));  // i / y is a spelling, not a tone place
    CHECK_FALSE(sameUnitName("Hòa Bình", "Hòa-Bình"));
    CHECK_FALSE(sameUnitName("UBND xã Quỳnh Lưu", "UBND huyện Quỳnh Lưu"));
    // a tone moved to another syllable is another name
    CHECK_FALSE(sameUnitName("Hoa Bình", "Hòa Binh"));
}

TEST_CASE("unitKey: empty, spaces only and invalid UTF-8", "[unitname]") {
    CHECK(unitKey("") == unitKey("   \t"));
    CHECK(unitKey("") == "");
    CHECK(unitKey("\xFF\xFE") != unitKey("\xEF\xBF\xBD"));  // not merged with U+FFFD
    CHECK(unitKey("\xFF") == unitKey("\xFF"));
}

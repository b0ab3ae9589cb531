// SPDX-License-Identifier: Apache-2.0
// File names for one output per unit (UnitFileName.hpp): ASCII slugs, a disambiguator for names that
// fold the same but are different units, Windows device names, empty and long names.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "core/tracking/UnitFileName.hpp"

using par::track::unitFileStems;
using par::track::unitSlug;

TEST_CASE("unit slugs are ASCII, lower case, dashes between words", "[tracking][filenames]") {
    CHECK(unitSlug("UBND huyện Quỳnh Lưu") == "ubnd-huyen-quynh-luu");
    CHECK(unitSlug("  Phòng Nội vụ / Đảng ủy: xã Đông Sơn  ") == "phong-noi-vu-dang-uy-xa-dong-son");
    CHECK(unitSlug("UBND xã Tân Thành") == unitSlug("UBND xã Tân Thạnh"));
    CHECK(unitSlug("“—”").empty());
    std::string longName(200, 'a');
    longName[100] = ' ';
    CHECK(unitSlug(longName).size() <= 60);
}

TEST_CASE("units that fold the same get two different, stable stems", "[tracking][filenames]") {
    auto a = unitFileStems({"UBND xã Tân Thành", "UBND xã Tân Thạnh", "UBND huyện Quỳnh Lưu"});
    REQUIRE(a.size() == 3);
    std::regex suffixed("ubnd-xa-tan-thanh-[0-9a-f]{6}");
    CHECK(std::regex_match(a[0], suffixed));
    CHECK(std::regex_match(a[1], suffixed));
    CHECK(a[0] != a[1]);
    CHECK(a[2] == "ubnd-huyen-quynh-luu");
    // The suffix depends on the name, not on the order.
    auto b = unitFileStems({"UBND xã Tân Thạnh", "UBND xã Tân Thành"});
    CHECK(b[0] == a[1]);
    CHECK(b[1] == a[0]);
    // Alone, Tân Thành needs no suffix.
    CHECK(unitFileStems({"UBND xã Tân Thành"})[0] == "ubnd-xa-tan-thanh");
    // The same unit written two ways (case, spacing, NFD) is one identity: no suffix either.
    CHECK(unitFileStems({"UBND xã Tân Thành", "ubnd  XÃ Tân Thành"})[0] == "ubnd-xa-tan-thanh");
}

TEST_CASE("Windows device names and empty slugs are never file stems", "[tracking][filenames]") {
    auto s = unitFileStems({"Con", "LPT1", "Com 9", "“…”"});
    CHECK(std::regex_match(s[0], std::regex("con-[0-9a-f]{6}")));
    CHECK(std::regex_match(s[1], std::regex("lpt1-[0-9a-f]{6}")));
    CHECK(s[2] == "com-9");
    CHECK(std::regex_match(s[3], std::regex("don-vi-[0-9a-f]{6}")));
}

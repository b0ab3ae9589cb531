// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "core/common/Text.hpp"

using namespace par;

TEST_CASE("nfc composes decomposed Vietnamese", "[text]") {
    // "Hồ sơ" typed as base letters plus combining marks.
    std::string decomposed = "Ho\xCC\x82\xCC\x80 so\xCC\x9B";
    CHECK(nfc(decomposed) == "Hồ sơ");
    CHECK(nfc("plain ascii") == "plain ascii");
}

TEST_CASE("foldKey ignores case, diacritics and spacing", "[text]") {
    CHECK(foldKey("Mã Hồ  Sơ") == "ma ho so");
    CHECK(foldKey("  ĐƠN VỊ ") == "don vi");
    CHECK(foldKey("Ngày tiếp nhận") == foldKey("ngay tiep nhan"));
    CHECK(foldKey("Ngày tiếp nhận") != foldKey("ngay tra ket qua"));
}

TEST_CASE("utf-8 validation", "[text]") {
    CHECK(isValidUtf8("Quỳnh Lưu"));
    CHECK_FALSE(isValidUtf8("\xC3"));
    CHECK_FALSE(isValidUtf8("\xC0\xAF"));      // overlong
    CHECK_FALSE(isValidUtf8("\xED\xA0\x80"));  // surrogate
    // Past the eight-bytes-at-a-time ASCII stretch, at every offset.
    for (size_t pad = 0; pad < 20; ++pad) {
        std::string ascii(pad, 'a');
        CHECK(isValidUtf8(ascii + "Quỳnh Lưu" + ascii));
        CHECK_FALSE(isValidUtf8(ascii + "\xC3"));
        CHECK_FALSE(isValidUtf8(ascii + "\xFF" + ascii));
        CHECK_FALSE(isValidUtf8(ascii + "\xE1\xBB" + ascii));
    }
}

TEST_CASE("nfc: text already composed is kept, decomposed text is composed", "[text]") {
    CHECK(nfc("Nguyễn Văn An") == "Nguyễn Văn An");
    CHECK(nfc("Nguye\xCC\x82\xCC\x83n") == "Nguyễn");
    CHECK(nfc("\xE2\x84\xA6") == "\xCE\xA9");  // OHM SIGN → GREEK CAPITAL OMEGA
    CHECK(nfc("a\xC3") == "a\xEF\xBF\xBD");  // ill-formed: replaced, as before
}

TEST_CASE("format and tr", "[text]") {
    CHECK(fmt("{} of {}", "1", "2") == "1 of 2");
    setLanguage(Language::English);
    CHECK(std::string(tr("có", "yes")) == "yes");
    setLanguage(Language::Vietnamese);
    CHECK(std::string(tr("có", "yes")) == "có");
}

TEST_CASE("splitList trims and drops empties", "[text]") {
    auto v = splitList(" a; b ;;c\n", ";\n");
    REQUIRE(v.size() == 3);
    CHECK(v[0] == "a");
    CHECK(v[2] == "c");
}

TEST_CASE("Vietnamese alphabetical order", "[text]") {
    // Đ after D and before E (in bytes it comes after every ASCII letter); Ă, Â after A.
    CHECK(vietnameseLess("Dương", "Đông"));
    CHECK(vietnameseLess("Đông", "Em"));
    CHECK_FALSE(std::string("Đông") < std::string("Em"));
    CHECK(vietnameseLess("An", "Ăn"));
    CHECK(vietnameseLess("Ăn", "Ân"));
    CHECK(vietnameseLess("UBND huyện Quỳnh Lưu", "UBND xã Ngọc Sơn"));
    CHECK_FALSE(vietnameseLess("Sở Y tế", "Sở Y tế"));
    std::vector<std::string> names{"Thủy", "Thuỷ", "Ân", "Đức", "Bình", "An"};
    std::sort(names.begin(), names.end(), vietnameseLess);
    CHECK(names.front() == "An");
    CHECK(names[1] == "Ân");
    CHECK(names[2] == "Bình");
    CHECK(names[3] == "Đức");
}

TEST_CASE("displayWidth counts letters, not bytes or combining marks", "[text]") {
    CHECK(par::displayWidth("") == 0);
    CHECK(par::displayWidth("Quỳnh Lưu") == 9);
    // The same name decomposed (u + U+0300 grave, u + U+031B horn): still nine columns.
    CHECK(par::displayWidth("Qu\x79\xcc\x80nh Lu\xcc\x9bu") == 9);
    CHECK(par::displayWidth("[####......] 100%") == 17);
}

TEST_CASE("clipToWidth cuts a long name at a letter and ends it with an ellipsis", "[text]") {
    const std::string unit = "Chi nhánh Văn phòng Đăng ký đất đai huyện Quỳnh Lưu";  // 51
    CHECK(par::clipToWidth(unit, 51) == unit);
    CHECK(par::clipToWidth(unit, 60) == unit);
    CHECK(par::clipToWidth(unit, 20) == "Chi nhánh Văn phòng…");
    CHECK(par::displayWidth(par::clipToWidth(unit, 20)) == 20);
    CHECK(par::clipToWidth(unit, 1) == "…");
    CHECK(par::clipToWidth(unit, 0).empty());
    // Decomposed: the marks after the last letter kept stay with it.
    CHECK(par::clipToWidth("Qu\x79\xcc\x80nh Lu\xcc\x9bu", 4) == "Qu\x79\xcc\x80…");
    CHECK(par::clipToWidth("Quỳnh", 4) == "Quỳ…");
}

// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "core/common/XmlReader.hpp"

using namespace par;

TEST_CASE("malformed XML reports the file and line", "[xml]") {
    try {
        XmlReader::parse("<a>\n<b>\n</a>", "bad.xml");
        FAIL("no exception");
    } catch (const ParseError& e) {
        CHECK(e.where().file == "bad.xml");
        CHECK(e.where().line >= 2);
        CHECK_THAT(e.what(), Catch::Contains("bad.xml:"));
    }
}

TEST_CASE("missing attribute names the element and line", "[xml]") {
    auto x = XmlReader::parse("<form format-version='1'>\n  <section/>\n</form>", "f.xml");
    const auto& root = x.root("form");
    const auto* s = root.FirstChildElement("section");
    REQUIRE(s != nullptr);
    REQUIRE_THROWS_WITH(x.attr(*s, "id"), Catch::Contains("f.xml:2") && Catch::Contains("'id'"));
}

TEST_CASE("newer format-version is refused", "[xml]") {
    auto x = XmlReader::parse("<audit format-version='9'/>", "a.xml");
    REQUIRE_THROWS_WITH(x.checkFormatVersion(x.root("audit"), 1, "audit"), Catch::Contains("format-version 9"));
    auto ok = XmlReader::parse("<audit format-version='1'/>", "a.xml");
    CHECK(ok.checkFormatVersion(ok.root("audit"), 1, "audit") == 1);
}

TEST_CASE("wrong root, bad int, bad date, invalid UTF-8", "[xml]") {
    auto x = XmlReader::parse("<x n='abc' d='2018-02-31'/>", "x.xml");
    REQUIRE_THROWS_WITH(x.root("form"), Catch::Contains("<form>"));
    const auto& r = x.root("x");
    REQUIRE_THROWS_WITH(x.optIntAttr(r, "n"), Catch::Contains("abc"));
    REQUIRE_THROWS_WITH(x.optDateAttr(r, "d"), Catch::Contains("2018-02-31"));
    REQUIRE_THROWS_WITH(XmlReader::parse("<x a='\xC3'/>", "u.xml"), Catch::Contains("UTF-8"));
}

namespace {
par::ParseError xmlErrorOf(std::string_view text) {
    try {
        XmlReader::parse(text, "e.xml");
    } catch (const par::ParseError& e) {
        return e;
    }
    FAIL("no ParseError");
    return par::ParseError({}, "");
}
}  // namespace

// Issue #19, item 11: invalid UTF-8 was reported without a line, and a file with CR-only line ends
// (old Mac editors) always at line 1.
TEST_CASE("invalid UTF-8, NUL bytes and CR-only line ends are reported at their line", "[xml]") {
    auto e = xmlErrorOf("<a>\n<b>ok</b>\n\n<c>Ng\xF5"
                        "c</c></a>");
    CHECK(e.where().line == 4);
    CHECK_THAT(e.what(), Catch::Contains("e.xml:4") && Catch::Contains("UTF-8"));
    e = xmlErrorOf("<a>\r\n<b/>\r\n\xC3</a>");  // CR LF line ends, a truncated sequence
    CHECK(e.where().line == 3);
    e = xmlErrorOf(std::string_view("<a>\n\n<b>\0</b></a>", sizeof("<a>\n\n<b>\0</b></a>") - 1));
    CHECK(e.where().line == 3);
    CHECK_THAT(e.what(), Catch::Contains("NUL"));
    // CR-only: the malformed element is on line 3, the missing attribute on line 2.
    e = xmlErrorOf("<a>\r<b/>\r<c</a>");
    CHECK(e.where().line == 3);
    auto x = XmlReader::parse("<form format-version='1'>\r  <section/>\r</form>", "f.xml");
    const auto* s = x.root("form").FirstChildElement("section");
    REQUIRE(s != nullptr);
    CHECK_THROWS_WITH(x.attr(*s, "id"), Catch::Contains("f.xml:2"));
    // Line ends in text are normalised as XML says: CR and CR LF become LF.
    auto t = XmlReader::parse("<a>one\rtwo\r\nthree</a>", "t.xml");
    CHECK(t.rawText(t.root("a")) == "one\ntwo\nthree");
}

TEST_CASE("property: the line of a fault is right whatever the line ends", "[xml][property]") {
    std::mt19937 rng(11);
    const char* ends[] = {"\n", "\r\n", "\r"};
    for (int round = 0; round < 200; ++round) {
        const int lines = 2 + static_cast<int>(rng() % 60);
        const int faulty = 2 + static_cast<int>(rng() % static_cast<unsigned>(lines - 1));  // after <form>
        const bool utf8Fault = rng() % 2 == 0;
        std::string text = "<form format-version='1'>";
        for (int line = 2; line <= lines; ++line) {
            text += ends[rng() % 3];
            if (line != faulty)
                text += "<q id='Nội vụ'/>";
            else
                text += utf8Fault ? "<q id='Ng\xF5" "c'/>" : "<q/>";
        }
        text += "</form>";
        INFO("round " << round << ", fault on line " << faulty);
        if (utf8Fault) {
            CHECK(xmlErrorOf(text).where().line == faulty);
            continue;
        }
        auto x = XmlReader::parse(text, "p.xml");
        int seen = 0;
        for (const auto& q : children(x.root("form"), "q")) {
            try {
                x.attr(q, "id");
            } catch (const par::ParseError& e) {
                CHECK(e.where().line == faulty);
                ++seen;
            }
        }
        CHECK(seen == 1);
    }
}

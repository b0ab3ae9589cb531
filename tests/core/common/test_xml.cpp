#include <catch2/catch.hpp>

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

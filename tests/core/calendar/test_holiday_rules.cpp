// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "core/calendar/HolidayRules.hpp"
#include "core/common/DataPaths.hpp"
#include "core/common/Error.hpp"

using namespace par;
using namespace par::cal;

namespace {
const char* const kMinimal = R"(<holiday-rules format-version="1">
  <weekly-rest days="sat sun" source="QĐ 188/1999/QĐ-TTg"/>
  <law id="A" from="2000-01-01" source="Luật A">
    <solar name="Tết Dương lịch" month="1" day="1"/>
    <tet name="Tết Nguyên đán" days="5" placement="lunar" days-before="1"/>
  </law>
</holiday-rules>)";
}

TEST_CASE("the bundled rules load and cover the working range", "[calendar][rules]") {
    const HolidayRules r = HolidayRules::load(dataPath("calendars/rules.xml"));
    REQUIRE(r.laws().size() == 3);
    CHECK(r.lawAt(Date(2000, 1, 1))->id == "BLLĐ-1994");
    CHECK(r.lawAt(Date(2013, 5, 1))->id == "BLLĐ-2012");
    CHECK(r.lawAt(Date(2199, 12, 31))->id == "BLLĐ-2019");
    CHECK(r.isWeeklyRest(Date(2025, 3, 8)));
    CHECK_FALSE(r.isWeeklyRest(Date(2025, 3, 7)));
    // 2021 under Labour Code 2019: 2/9 Thursday plus Friday 3/9.
    for (const auto& occ : r.holidaysOf(2021))
        if (occ.name == "Quốc khánh")
            CHECK(occ.days == std::vector<Date>{Date(2021, 9, 2), Date(2021, 9, 3)});
}

TEST_CASE("lunar placement of Tết puts days before mùng 1", "[calendar][rules]") {
    const HolidayRules r = HolidayRules::parse(kMinimal, "rules.xml");
    const auto hs = r.holidaysOf(2025);
    REQUIRE(hs.size() == 2);
    CHECK(hs[1].name == "Tết Nguyên đán");
    CHECK(hs[1].days.front() == Date(2025, 1, 28));
    CHECK(hs[1].days.back() == Date(2025, 2, 1));
    CHECK(hs[1].source == "Luật A [M]");
}

TEST_CASE("malformed rules are reported with file and line", "[calendar][rules]") {
    CHECK_THROWS_WITH(HolidayRules::parse("<holiday-rules format-version='2'/>", "r.xml"),
                      Catch::Contains("r.xml:1") && Catch::Contains("format-version 2"));
    CHECK_THROWS_WITH(HolidayRules::parse(R"(<holiday-rules format-version="1">
<weekly-rest days="sat sunday" source="x"/>
</holiday-rules>)",
                                          "r.xml"),
                      Catch::Contains("r.xml:2") && Catch::Contains("sunday"));
    CHECK_THROWS_WITH(HolidayRules::parse(R"(<holiday-rules format-version="1">
<weekly-rest days="sat sun" source="x"/>
<law id="A" from="2000-01-01" source="x">
  <solar name="X" month="13" day="1"/>
</law></holiday-rules>)",
                                          "r.xml"),
                      Catch::Contains("r.xml:4") && Catch::Contains("month"));
    CHECK_THROWS_WITH(HolidayRules::parse(R"(<holiday-rules format-version="1">
<weekly-rest days="sat sun" source="x"/>
<law id="A" from="2000-01-01" to="2010-12-31" source="x"/>
<law id="B" from="2011-02-01" source="x"/>
</holiday-rules>)",
                                          "r.xml"),
                      Catch::Contains("r.xml:4") && Catch::Contains("contiguous") ||
                          Catch::Contains("liên tiếp"));
    CHECK_THROWS_WITH(HolidayRules::parse(R"(<holiday-rules format-version="1">
<weekly-rest days="sat sun" source="x"/>
<law id="A" from="2000-01-01" source="x"><tet name="T" days="5" placement="middle"/></law>
</holiday-rules>)",
                                          "r.xml"),
                      Catch::Contains("r.xml:3") && Catch::Contains("middle"));
}

// SPDX-License-Identifier: Apache-2.0
// Where calendar data comes from (installation, the user's folder, the workspace's calendars/,
// --overrides), which one wins and what conflicts are reported; and the forecast marks of years
// without an announced Tết schedule.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "TestSupport.hpp"
#include "core/calendar/WorkingCalendar.hpp"
#include "core/common/DataPaths.hpp"
#include "core/common/Error.hpp"
#include "core/common/Text.hpp"

using namespace par;
using namespace par::cal;
using par::test::ScratchDir;
using par::test::writeText;

namespace {

std::string schedule(const std::string& document, const std::string& body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<calendar-schedule format-version=\"1\">\n"
           "  <announcement document=\"" +
           document + "\" confidence=\"H\">\n" + body + "  </announcement>\n</calendar-schedule>\n";
}

// Points $XDG_DATA_HOME at a scratch folder for the life of the object.
struct UserFolder {
    ScratchDir home{"par-xdg"};
    std::string previous;
    UserFolder() {
        if (const char* p = std::getenv("XDG_DATA_HOME"))
            previous = p;
        ::setenv("XDG_DATA_HOME", home.path().c_str(), 1);
        std::filesystem::create_directories(std::filesystem::u8path(calendars()));
    }
    ~UserFolder() { ::setenv("XDG_DATA_HOME", previous.c_str(), 1); }
    std::string calendars() const { return home.path() + "/par-audit/calendars"; }
};

const char* kTet2027 =
    "    <holiday name=\"Tết Nguyên đán\" year=\"2027\" from=\"2027-02-04\" to=\"2027-02-12\"/>\n";

}  // namespace

TEST_CASE("years after the last announced Tết schedule are forecasts", "[calendar][forecast]") {
    const WorkingCalendar c = WorkingCalendar::standard();
    const int last = c.lastAnnouncedYear();
    REQUIRE(last >= 2026);  // calendars/announced/2026.xml: Tết 2026 (9441/TB-BNV)
    const Date lastDay(static_cast<unsigned short>(last), 12, 31);
    const Date next(static_cast<unsigned short>(last + 1), 3, 1);
    CHECK_FALSE(c.isForecast(lastDay));
    CHECK(c.isForecast(next));
    CHECK(c.isForecast(lastDay, next));
    CHECK(c.isForecast(next, lastDay));  // either order
    CHECK(c.forecastYear(Date(2026, 1, 1), next) == last + 1);
    CHECK_FALSE(c.forecastYear(Date(2026, 1, 1), lastDay));
    CHECK(c.note(next).forecast);
    CHECK_FALSE(c.note(lastDay).forecast);
    setLanguage(Language::Vietnamese);
    CHECK(WorkingCalendar::forecastNote(2027) == "dự kiến: lịch nghỉ Tết 2027 chưa công bố");
    CHECK(c.forecastNote(lastDay, lastDay).empty());
    setLanguage(Language::English);
    CHECK(WorkingCalendar::forecastNote(2027) ==
          "forecast: the 2027 Tết holiday schedule has not been announced");
    setLanguage(Language::Vietnamese);

    // Only a Tết period announces a year: a single day off does not.
    WorkingCalendar r(HolidayRules::load(dataPath("calendars/rules.xml")));
    CHECK(r.lastAnnouncedYear() == 0);
    r.addSchedule(ScheduleFile::parse(
        schedule("1/TB", "    <off date=\"2028-05-02\" name=\"Nghỉ bù\"/>\n"), "a.xml"));
    CHECK(r.lastAnnouncedYear() == 0);
    r.addSchedule(ScheduleFile::parse(schedule("2/TB", kTet2027), "b.xml"));
    CHECK(r.lastAnnouncedYear() == 2027);
    CHECK(r.isForecast(Date(2028, 1, 1)));
}

TEST_CASE("each day says its source, confidence and data file", "[calendar]") {
    const WorkingCalendar c = WorkingCalendar::standard();
    auto tet = c.note(Date(2026, 2, 16));
    CHECK(tet.source == "9441/TB-BNV [M]");
    CHECK(tet.confidence == "M");
    CHECK(tet.file == dataPath("calendars/announced/2026.xml"));
    auto weekday = c.note(Date(2026, 3, 4));
    CHECK(weekday.working);
    CHECK(weekday.name.empty());
    CHECK(weekday.confidence == "M");  // the weekly-rest rule, Decision 188/1999 [M]
    CHECK(weekday.file == dataPath("calendars/rules.xml"));
    auto newYear = c.note(Date(2030, 1, 1));
    CHECK(newYear.confidence == "H");  // Labour Code 2019 Art. 112 [H]
}

TEST_CASE("the user's folder adds schedules and may replace the rules", "[calendar][sources]") {
    UserFolder user;
    writeText(user.calendars() + "/tet-2027.xml", schedule("99/TB-BNV", kTet2027));
    WorkingCalendar c = WorkingCalendar::standard();
    CHECK(c.lastAnnouncedYear() == 2027);
    CHECK_FALSE(c.isForecast(Date(2027, 6, 1)));
    CHECK_FALSE(c.isWorkingDay(Date(2027, 2, 12)));  // the rules alone end Tết on 2027-02-09
    CHECK(c.note(Date(2027, 2, 12)).source == "99/TB-BNV [H]");
    CHECK(c.note(Date(2027, 2, 12)).file == user.calendars() + "/tet-2027.xml");
    bool listed = false;
    for (const auto& f : c.files())
        listed = listed || (f.layer == WorkingCalendar::Layer::User && !f.rules);
    CHECK(listed);

    // A corrected rules.xml replaces the installation's, whole.
    std::ifstream in(dataPath("calendars/rules.xml"));
    std::stringstream rules;
    rules << in.rdbuf();
    std::string text = rules.str();
    const std::string anchor = "<solar name=\"Quốc khánh\" month=\"9\" day=\"2\">";
    const size_t at = text.rfind(anchor);
    REQUIRE(at != std::string::npos);
    text.insert(at, "<solar name=\"Ngày thử nghiệm\" month=\"11\" day=\"20\"/>\n    ");
    writeText(user.calendars() + "/rules.xml", text);
    WorkingCalendar corrected = WorkingCalendar::standard();
    CHECK(corrected.note(Date(2030, 11, 20)).name == "Ngày thử nghiệm");
    CHECK(corrected.note(Date(2030, 11, 20)).file == user.calendars() + "/rules.xml");
    CHECK(WorkingCalendar::standard("").note(Date(2026, 2, 16)).source == "9441/TB-BNV [M]");

    // A broken file there stops every command with its file and line.
    writeText(user.calendars() + "/broken.xml",
              schedule("1/TB", "    <off date=\"2027-02-30\" name=\"x\"/>\n"));
    try {
        WorkingCalendar::standard();
        FAIL("a broken schedule was accepted");
    } catch (const ParseError& e) {
        CHECK_THAT(std::string(e.what()), Catch::Contains("broken.xml:4"));
    }
}

TEST_CASE("precedence: installation < user < workspace < --overrides, conflicts listed",
          "[calendar][sources]") {
    UserFolder user;
    ScratchDir ws("par-ws");
    std::filesystem::create_directories(std::filesystem::u8path(ws.file("calendars/announced")));
    // The user's office says 16/2/2026 is worked (against 9441/TB-BNV); the workspace says it is
    // off again for a province's own reason; an overrides file says it is worked.
    writeText(user.calendars() + "/a.xml",
              schedule("1/UBND", "    <work date=\"2026-02-16\" name=\"Làm bù\"/>\n"));
    writeText(ws.file("calendars/announced/b.xml"),
              schedule("2/UBND", "    <off date=\"2026-02-16\" name=\"Nghỉ theo tỉnh\"/>\n"));
    writeText(ws.file("x.audit.xml"), "<audit/>");
    writeText(ws.file("c.xml"),
              schedule("3/UBND", "    <work date=\"2026-02-16\" name=\"Làm theo quyết định\"/>\n"));

    WorkingCalendar userOnly = WorkingCalendar::standard();
    CHECK(userOnly.isWorkingDay(Date(2026, 2, 16)));
    REQUIRE(userOnly.conflicts().size() == 1);
    CHECK(userOnly.conflicts()[0].date == Date(2026, 2, 16));
    CHECK(userOnly.conflicts()[0].earlierFile == dataPath("calendars/announced/2026.xml"));
    CHECK(userOnly.conflicts()[0].laterFile == user.calendars() + "/a.xml");
    CHECK_THAT(userOnly.conflicts()[0].earlier, Catch::Contains("9441/TB-BNV"));

    // The workspace may be given as its folder or as an audit file in it.
    for (const std::string& where : {ws.path(), ws.file("x.audit.xml")}) {
        WorkingCalendar c = WorkingCalendar::standard(where);
        CHECK_FALSE(c.isWorkingDay(Date(2026, 2, 16)));
        CHECK(c.note(Date(2026, 2, 16)).name == "Nghỉ theo tỉnh");
        CHECK(c.conflicts().size() == 2);
        c.addOverrides(ws.file("c.xml"));
        CHECK(c.isWorkingDay(Date(2026, 2, 16)));
        CHECK(c.conflicts().size() == 3);
        CHECK(c.files().back().layer == WorkingCalendar::Layer::Overrides);
    }
    CHECK(WorkingCalendar::workspaceCalendarFolder(ws.file("x.audit.xml")) == ws.file("calendars"));
    // The installation's own folder is never read twice (an audit kept in the source tree).
    WorkingCalendar inTree = WorkingCalendar::standard(dataPath(""));
    CHECK(inTree.files().size() == userOnly.files().size());
}

TEST_CASE("the user folder follows XDG: $XDG_DATA_HOME, else ~/.local/share", "[calendar]") {
    UserFolder user;
    CHECK(userDataDirectory() == user.home.path() + "/par-audit");
    ::setenv("XDG_DATA_HOME", "relative/path", 1);  // ignored, as the XDG rule says
#ifdef _WIN32  // Windows: the roaming profile's application data
    const char* appData = std::getenv("APPDATA");
    REQUIRE(appData != nullptr);
    CHECK(userDataDirectory() == std::string(appData) + "/par-audit");
#else
    const char* home = std::getenv("HOME");
    if (home != nullptr && *home != '\0')
        CHECK(userDataDirectory() == std::string(home) + "/.local/share/par-audit");
#endif
}

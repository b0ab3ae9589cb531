// SPDX-License-Identifier: Apache-2.0
// The register across a workspace: scanning (fast path and fallback), working days overdue, the
// filters, the per-unit summary, and the exports read back (CSV, JSON, XLSX through libzip and
// TinyXML-2, ICS through libical).
#include <catch2/catch.hpp>

#include <sstream>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include <libical/ical.h>
#include <tinyxml2.h>
#include <zip.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "TestSupport.hpp"
#include "TrackingFixtures.hpp"
#include "core/common/AtomicFile.hpp"
#include "core/common/Sanitizers.hpp"
#include "core/common/Text.hpp"
#include "core/model/AuditReader.hpp"
#include "core/model/AuditWriter.hpp"
#include "core/tracking/ActionPlan.hpp"
#include "core/tracking/Register.hpp"
#include "core/tracking/RegisterFormats.hpp"

using namespace par;
using namespace par::track;
using par::test::calendar;
using par::test::trackedAudit;

namespace {
const Date kAsOf(2019, 2, 1);

std::vector<Audit> workspaceAudits() { return test::trackedWorkspace(); }

void writeWorkspace(const test::ScratchDir& dir) {
    auto audits = workspaceAudits();
    std::filesystem::create_directories(dir.file("2019"));
    AuditWriter::save(audits[0], dir.file("t1.audit.xml"));
    AuditWriter::save(audits[1], dir.file("2019/t2.audit.xml"));
    test::writeText(dir.file("broken.audit.xml"), "<audit format-version='1'>\n<unit/>\n</audit>");
    test::writeText(dir.file("t1.audit.xml.bak"), "not read");
    test::writeText(dir.file("notes.xml"), "<x/>");
}

const RegisterEntry* find(const std::vector<RegisterEntry>& es, const std::string& audit,
                          const std::string& action) {
    for (const auto& e : es)
        if (e.auditId() == audit && e.action().id == action)
            return &e;
    return nullptr;
}

std::string zipEntry(const std::string& bytes, const char* name) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    REQUIRE(src != nullptr);
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
    REQUIRE(z != nullptr);
    zip_file_t* f = zip_fopen(z, name, 0);
    REQUIRE(f != nullptr);
    std::string out;
    char buf[4096];
    zip_int64_t n;
    while ((n = zip_fread(f, buf, sizeof buf)) > 0)
        out.append(buf, static_cast<size_t>(n));
    zip_fclose(f);
    zip_close(z);
    return out;
}

// The cells of a worksheet as strings (shared strings resolved, numbers as written), row by row.
std::vector<std::vector<std::string>> sheetCells(const std::string& xlsx, const char* sheet) {
    tinyxml2::XMLDocument ss;
    std::string ssText = zipEntry(xlsx, "xl/sharedStrings.xml");
    REQUIRE(ss.Parse(ssText.data(), ssText.size()) == tinyxml2::XML_SUCCESS);
    std::vector<std::string> strings;
    for (auto* si = ss.RootElement()->FirstChildElement("si"); si;
         si = si->NextSiblingElement("si"))
        strings.push_back(
            si->FirstChildElement("t")->GetText() ? si->FirstChildElement("t")->GetText() : "");
    tinyxml2::XMLDocument ws;
    std::string wsText = zipEntry(xlsx, sheet);
    REQUIRE(ws.Parse(wsText.data(), wsText.size()) == tinyxml2::XML_SUCCESS);
    std::vector<std::vector<std::string>> rows;
    auto* data = ws.RootElement()->FirstChildElement("sheetData");
    for (auto* row = data->FirstChildElement("row"); row; row = row->NextSiblingElement("row")) {
        std::vector<std::string> cells;
        for (auto* c = row->FirstChildElement("c"); c; c = c->NextSiblingElement("c")) {
            const char* t = c->Attribute("t");
            const char* v = c->FirstChildElement("v") ? c->FirstChildElement("v")->GetText() : "";
            if (t != nullptr && std::string(t) == "s")
                cells.push_back(strings.at(std::stoul(v)));
            else
                cells.push_back(v ? v : "");
        }
        rows.push_back(cells);
    }
    return rows;
}
}  // namespace

TEST_CASE("register: scan a workspace, overdue in working days", "[tracking][register]") {
    test::ScratchDir dir;
    writeWorkspace(dir);
    NullProgress progress;
    Register reg = Register::scan(dir.path(), kAsOf, calendar(), progress, 2);
    CHECK(reg.auditCount == 2);
    REQUIRE(reg.issues.size() == 1);
    CHECK_THAT(reg.issues[0].file, Catch::EndsWith("broken.audit.xml"));
    CHECK_THAT(reg.issues[0].message, Catch::Contains("broken.audit.xml:2"));
    REQUIRE(reg.entries.size() == 6);
    CHECK(reg.agencyName == "SỞ NỘI VỤ");

    const RegisterEntry* late = find(reg.entries, "T-1", "A-002");
    REQUIRE(late != nullptr);
    CHECK(late->action().deadline == Date(2018, 12, 20));
    CHECK(late->overdue);
    CHECK(late->daysOverdue == calendar().workingDaysBetween(Date(2018, 12, 20), kAsOf));
    // 25/1/2019 (Fri) to 1/2 (Fri): 28, 29, 30, 31/1 and 1/2.
    const RegisterEntry* t2late = find(reg.entries, "T-2", "A-002");
    REQUIRE(t2late != nullptr);
    CHECK(t2late->action().deadline == Date(2019, 1, 25));
    CHECK(t2late->daysOverdue == 5);
    CHECK_FALSE(find(reg.entries, "T-1", "A-001")->overdue);  // accepted
    CHECK(find(reg.entries, "T-1", "A-001")->noticeRef() == "05/TB-SNV");
    CHECK(find(reg.entries, "T-2", "A-001")->inspectedUnit() == "UBND xã Ngọc Sơn");
    // Sorted by responsible unit, then deadline: the scan's integer keys give registerOrder.
    for (size_t i = 1; i < reg.entries.size(); ++i)
        CHECK(reg.entries[i - 1].action().responsible <= reg.entries[i].action().responsible);
    CHECK(std::is_sorted(reg.entries.begin(), reg.entries.end(), registerOrder));
    std::vector<RegisterEntry> shuffled(reg.entries.rbegin(), reg.entries.rend());
    std::sort(shuffled.begin(), shuffled.end(), registerOrder);
    for (size_t i = 0; i < shuffled.size(); ++i)
        CHECK(shuffled[i].auditId() + shuffled[i].action().id ==
              reg.entries[i].auditId() + reg.entries[i].action().id);
}

TEST_CASE("register: a copied audit file is reported with both paths and counted once",
          "[tracking][register][duplicate]") {
    test::ScratchDir dir;
    writeWorkspace(dir);
    // As Windows Explorer names a copy.
    std::filesystem::copy_file(dir.file("t1.audit.xml"), dir.file("t1 - Copy.audit.xml"));
    NullProgress progress;
    for (unsigned threads : {1u, 2u}) {
        Register reg = Register::scan(dir.path(), kAsOf, calendar(), progress, threads);
        CHECK(reg.auditCount == 2);
        CHECK(reg.entries.size() == 6);  // not 9
        REQUIRE(reg.issues.size() == 2);  // broken.audit.xml and the duplicate
        const ScanIssue* dup = nullptr;
        for (const auto& i : reg.issues)
            if (i.message.find("T-1") != std::string::npos)
                dup = &i;
        REQUIRE(dup != nullptr);
        // Both paths: the file left out and the one counted.
        CHECK_THAT(dup->file, Catch::EndsWith("t1.audit.xml"));
        CHECK_THAT(dup->message, Catch::Contains("t1 - Copy.audit.xml") &&
                                     Catch::Contains("tính một lần"));
        auto units = Register::summarise(reg.entries);
        CHECK(units.back().actions == 6);
    }
}

TEST_CASE("register: units are grouped by identity, not by spelling or by folded letters",
          "[tracking][register][unit]") {
    Audit a = test::trackedAudit("U-1");
    a.findings[0].recommendation.responsible = "UBND xã Tân Thành";
    a.findings[1].recommendation.responsible = "UBND xã Tân Thạnh";
    a.findings[2].recommendation.responsible = "UBND xã Hoà Sơn";
    makeActions(a, calendar());
    Audit b = test::trackedAudit("U-2");
    b.findings[0].recommendation.responsible = "UBND  xã\tTân Thành";  // double space, tab
    b.findings[1].recommendation.responsible = "UBND xã Hòa Sơn";      // new tone placement
    b.findings[2].recommendation.responsible = "ubnd xã tân thạnh";
    makeActions(b, calendar());
    Register reg = Register::fromAudits({a, b}, kAsOf, calendar());
    auto units = Register::summarise(reg.entries);
    REQUIRE(units.size() == 4);  // Tân Thành, Tân Thạnh, Hoà Sơn, and the total
    for (size_t i = 0; i + 1 < units.size(); ++i)
        CHECK(units[i].actions == 2);
    RegisterView v{kAsOf, 2, reg.entries, units, std::nullopt};
    std::string table = registerTable(v);
    INFO(table);
    // One heading per unit (a line of its own, before the summary): three, not six.
    size_t headings = 0;
    std::istringstream lines(table);
    for (std::string line; std::getline(lines, line);) {
        if (line.find("Tổng") != std::string::npos)
            break;
        if (line.rfind("UBND", 0) == 0 || line.rfind("ubnd", 0) == 0)
            ++headings;
    }
    CHECK(headings == 3);
    RegisterFilter f;
    f.unit = "UBND xã Tân Thạnh";
    CHECK(reg.filtered(f, calendar()).size() == 2);
    f.unit = "UBND xã Hòa Sơn";
    CHECK(reg.filtered(f, calendar()).size() == 2);
    f.unit = "UBND xã Tan Thanh";
    CHECK(reg.filtered(f, calendar()).empty());
    // The order groups one identity together.
    CHECK(std::is_sorted(reg.entries.begin(), reg.entries.end(), registerOrder));
}

TEST_CASE("register: the fast path reads what the full reader reads", "[tracking][register]") {
    test::ScratchDir dir;
    auto audits = workspaceAudits();
    std::string path = dir.file("t1.audit.xml");
    AuditWriter::save(audits[0], path);
    Audit fast = loadForRegister(path);
    Audit full = AuditReader::load(path);
    CHECK(fast.id == full.id);
    CHECK(fast.unit.name == full.unit.name);
    CHECK(fast.notice.date == full.notice.date);
    CHECK(fast.body.name == full.body.name);
    REQUIRE(fast.actions.size() == full.actions.size());
    bool someHistory = false;
    for (size_t i = 0; i < full.actions.size(); ++i) {
        Action expected = full.actions[i];
        someHistory = someHistory || !expected.history.empty();
        expected.history.clear();  // the register never shows histories: the fast path skips them
        CHECK(fast.actions[i] == expected);
    }
    CHECK(someHistory);
    CHECK(fast.answers.answers.empty());  // skipped
    // A hand-edited file with a comment holding "<actions>" is read in full, correctly.
    std::string text = readFile(path);
    text.insert(text.find("<unit"), "<!-- <actions><action id='A-999'/></actions> -->\n");
    test::writeText(dir.file("c.audit.xml"), text);
    CHECK(loadForRegister(dir.file("c.audit.xml")).actions.size() == 3);
    // An error is reported with the file's real line.
    std::string bad = readFile(path);
    auto p = bad.find("status=\"open\"");
    bad.replace(p, 13, "status=\"done\"");
    test::writeText(dir.file("b.audit.xml"), bad);
    int line =
        1 + static_cast<int>(std::count(bad.begin(), bad.begin() + static_cast<long>(p), '\n'));
    REQUIRE_THROWS_WITH(
        loadForRegister(dir.file("b.audit.xml")),
        Catch::Contains("b.audit.xml:" + std::to_string(line)) && Catch::Contains("'done'"));
}

TEST_CASE("register filters", "[tracking][register]") {
    Register reg = Register::fromAudits(workspaceAudits(), kAsOf, calendar());
    auto count = [&](RegisterFilter f) { return reg.filtered(f, calendar()).size(); };
    CHECK(count({}) == 6);
    RegisterFilter unit;
    unit.unit = "PHÒNG NỘI VỤ\thuyện  Quỳnh Lưu";  // responsible unit: case and spacing ignored
    CHECK(count(unit) == 2);
    unit.unit = "phong noi vu huyen quynh luu";  // diacritics are not: another name
    CHECK(count(unit) == 0);
    unit.unit = "UBND xã Ngọc Sơn";  // inspected or responsible
    CHECK(count(unit) == 3);
    RegisterFilter status;
    status.status = ActionStatus::Accepted;
    CHECK(count(status) == 1);
    status.status = ActionStatus::Open;
    CHECK(count(status) == 5);
    RegisterFilter overdue;
    overdue.overdueOnly = true;
    auto o = reg.filtered(overdue, calendar());
    REQUIRE(o.size() == 2);
    for (const auto& e : o)
        CHECK(e.action().id == "A-002");
    // Due within N working days: T-2 A-003 (12/2/2019, after Tết) is n working days away.
    int n = calendar().workingDaysBetween(kAsOf, Date(2019, 2, 12));
    RegisterFilter due;
    due.dueWithin = n;
    auto d = reg.filtered(due, calendar());
    REQUIRE(d.size() == 1);
    CHECK(d[0].auditId() == "T-2");
    CHECK(d[0].action().id == "A-003");
    due.dueWithin = n - 1;
    CHECK(count(due) == 0);
    RegisterFilter both = overdue;
    both.unit = "UBND xã Ngọc Sơn";
    CHECK(count(both) == 1);
}

TEST_CASE("register entries share their audit and outlive the register", "[tracking][register]") {
    std::vector<RegisterEntry> kept;
    {
        Register reg = Register::fromAudits(workspaceAudits(), kAsOf, calendar());
        REQUIRE(reg.entries.size() == 6);
        // The actions of one audit point to one shared copy of its fields.
        const RegisterEntry* a1 = find(reg.entries, "T-1", "A-001");
        const RegisterEntry* a3 = find(reg.entries, "T-1", "A-003");
        REQUIRE(a1 != nullptr);
        REQUIRE(a3 != nullptr);
        CHECK(a1->audit.get() == a3->audit.get());
        CHECK(a1->audit.get() != find(reg.entries, "T-2", "A-001")->audit.get());
        RegisterFilter overdue;
        overdue.overdueOnly = true;
        kept = reg.filtered(overdue, calendar());
    }
    // The register is gone; the filtered copies still read their audit and action (ASan checks).
    REQUIRE(kept.size() == 2);
    CHECK(kept[0].action().id == "A-002");
    CHECK(kept[0].action().responsible == "Phòng Nội vụ huyện Quỳnh Lưu");
    CHECK(kept[0].noticeRef() == "05/TB-SNV");
    CHECK(kept[1].inspectedUnit() == "UBND xã Ngọc Sơn");
    CHECK(kept[1].daysOverdue > 0);
}

TEST_CASE("register summary per unit and on-time rate", "[tracking][register]") {
    Register reg = Register::fromAudits(workspaceAudits(), kAsOf, calendar());
    auto units = Register::summarise(reg.entries);
    REQUIRE(units.size() == 4);  // three units and the total
    const UnitSummary* ql = nullptr;
    const UnitSummary* pnv = nullptr;
    const UnitSummary* ns = nullptr;
    for (const auto& u : units) {
        if (u.unit == "UBND huyện Quỳnh Lưu")
            ql = &u;
        if (u.unit == "Phòng Nội vụ huyện Quỳnh Lưu")
            pnv = &u;
        if (u.unit == "UBND xã Ngọc Sơn")
            ns = &u;
    }
    REQUIRE((ql && pnv && ns));
    CHECK(ql->actions == 2);
    CHECK(ql->accepted == 1);
    CHECK(ql->open == 1);
    CHECK(ql->onTimeRate() == Approx(1.0));
    CHECK(pnv->overdue == 2);
    CHECK(pnv->onTimeRate() == Approx(0.0));
    CHECK_FALSE(ns->onTimeRate().has_value());
    CHECK(units.back().unit.empty());
    CHECK(units.back().actions == 6);
    CHECK(units.back().overdue == 2);
    CHECK(units.back().onTimeRate() == Approx(1.0 / 3.0));
    setLanguage(Language::Vietnamese);
    CHECK(rateText(units.back().onTimeRate()) == "33,3%");
    CHECK(rateText(std::nullopt) == "—");
}

TEST_CASE("register exports: table, CSV and JSON", "[tracking][register][formats]") {
    Register reg = Register::fromAudits(workspaceAudits(), kAsOf, calendar());
    RegisterView v{kAsOf, 2, reg.entries, Register::summarise(reg.entries), std::nullopt};
    std::string table = registerTable(v);
    CHECK_THAT(table, Catch::Contains("01/02/2019") && Catch::Contains("quá hạn 5 ngày làm việc") &&
                          Catch::Contains("Tổng cộng"));
    std::string csv = registerCsv(v);
    CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 7);
    CHECK_THAT(csv, Catch::Contains("T-2,UBND xã Ngọc Sơn,05/TB-SNV,A-002,F-002") &&
                        Catch::Contains("2019-01-25"));
    auto j = nlohmann::json::parse(registerJson(v));
    CHECK(j["as_of"] == "2019-02-01");
    REQUIRE(j["actions"].size() == 6);
    int overdue = 0;
    for (const auto& a : j["actions"])
        overdue += a["overdue"].get<bool>() ? 1 : 0;
    CHECK(overdue == 2);
    CHECK(j["total"]["actions"] == 6);
    CHECK(j["units"].size() == 3);
}

TEST_CASE("register exports mark deadlines in a year without an announced schedule",
          "[tracking][register][formats][forecast]") {
    setLanguage(Language::Vietnamese);
    Register reg = Register::fromAudits(workspaceAudits(), kAsOf, calendar());
    RegisterView v{kAsOf, 2, reg.entries, Register::summarise(reg.entries), std::nullopt};
    // Unset: nothing is marked (callers that do not know the calendar).
    CHECK(registerTable(v).find("dự kiến") == std::string::npos);
    v.lastAnnouncedYear = 2019;  // the register's deadlines are all in 2019 at the latest
    CHECK(registerTable(v).find("dự kiến") == std::string::npos);
    v.lastAnnouncedYear = 2018;  // 2019 not announced: every dated action is a forecast
    const std::string note = "dự kiến: lịch nghỉ Tết 2019 chưa công bố";
    size_t dated = 0;
    for (const auto& e : v.entries)
        if (e.action().deadline) {
            ++dated;
            CHECK(forecastYear(v, e) == 2019);
            CHECK(forecastNote(v, e) == note);
        }
    REQUIRE(dated > 0);
    std::string table = registerTable(v);
    CHECK_THAT(table, Catch::Contains(" (" + note + ")"));
    std::string csv = registerCsv(v);
    CHECK_THAT(csv,
               Catch::Contains(",Lịch nghỉ dự kiến\r\n") && Catch::Contains("," + note + "\r\n"));
    auto j = nlohmann::json::parse(registerJson(v));
    size_t marked = 0;
    for (const auto& a : j["actions"])
        if (!a["forecast"].is_null()) {
            CHECK(a["forecast"]["year"] == 2019);
            CHECK(a["forecast"]["note"] == note);
            ++marked;
        }
    CHECK(marked == dated);
    CHECK_THAT(registerIcs(v), Catch::Contains("chưa công bố"));
}

TEST_CASE("register XLSX reads back", "[tracking][register][formats]") {
    setLanguage(Language::Vietnamese);
    Register reg = Register::fromAudits(workspaceAudits(), kAsOf, calendar());
    RegisterView v{kAsOf, 2, reg.entries, Register::summarise(reg.entries), std::nullopt};
    std::string xlsx = registerXlsx(v);
    REQUIRE(xlsx.size() > 1000);
    CHECK(xlsx.substr(0, 2) == "PK");
    std::string workbook = zipEntry(xlsx, "xl/workbook.xml");
    CHECK_THAT(workbook, Catch::Contains("Hành động") && Catch::Contains("Tổng hợp"));
    auto rows = sheetCells(xlsx, "xl/worksheets/sheet1.xml");
    REQUIRE(rows.size() == 7);
    CHECK(rows[0][0] == "Đơn vị chịu trách nhiệm");
    bool sawLate = false;
    for (size_t i = 1; i < rows.size(); ++i) {
        if (rows[i][1] == "T-2" && rows[i][4] == "A-002") {
            sawLate = true;
            CHECK(rows[i][6] == "Ban hành lại quy định chức năng, nhiệm vụ.");
            CHECK(rows[i][7] == "43490");  // 2019-01-25 as an Excel serial date
            CHECK(rows[i][8] == "Chưa thực hiện");
            CHECK(rows[i][9] == "5");
        }
    }
    CHECK(sawLate);
    auto summary = sheetCells(xlsx, "xl/worksheets/sheet2.xml");
    REQUIRE(summary.size() == 5);
    CHECK(summary[4][0] == "Tổng cộng");
    CHECK(summary[4][1] == "6");
}

TEST_CASE("register ICS reads back with libical", "[tracking][register][formats]") {
    Register reg = Register::fromAudits(workspaceAudits(), kAsOf, calendar());
    RegisterView v{kAsOf, 2, reg.entries, Register::summarise(reg.entries), std::nullopt};
    std::string ics = registerIcs(v);
    CHECK(ics.rfind("BEGIN:VCALENDAR", 0) == 0);
    icalcomponent* cal = icalparser_parse_string(ics.c_str());
    REQUIRE(cal != nullptr);
    int events = 0;
    bool found = false;
    for (icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
         ev != nullptr; ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
        ++events;
        std::string uid = icalcomponent_get_uid(ev);
        if (uid == "T-2-A-002@par-audit") {
            found = true;
            icaltimetype start = icalcomponent_get_dtstart(ev);
            CHECK(start.is_date == 1);
            CHECK(start.year == 2019);
            CHECK(start.month == 1);
            CHECK(start.day == 25);
            CHECK_THAT(std::string(icalcomponent_get_summary(ev)),
                       Catch::Contains("Ban hành lại quy định"));
            CHECK_THAT(std::string(icalcomponent_get_description(ev)), Catch::Contains("T-2"));
            CHECK(icalcomponent_get_first_component(ev, ICAL_VALARM_COMPONENT) != nullptr);
        }
    }
    CHECK(events == 6);
    CHECK(found);
    icalcomponent_free(cal);
}

// Issue #19, code review: the scan's workers caught only par::Error; anything else thrown while a
// file was read (here std::bad_alloc, the machine out of memory) ended the whole process through
// std::terminate. Run in a child whose address space is capped just above what it uses (40 MB more:
// a worker thread's stack, not a 63 MB file).
#if !PAR_ADDRESS_SANITIZER
#define PAR_TEST_CAN_CAP_MEMORY 1
#endif
// The child of the test below, in a fresh process (a heap the earlier tests used could serve a
// large allocation even under the cap): scans $PAR_TEST_OOM_DIR with its address space capped.
TEST_CASE("register: scan under a memory cap (run by the test below)", "[.][oom-child]") {
    const char* dir = std::getenv("PAR_TEST_OOM_DIR");
    if (dir == nullptr)
        return;
    long pages = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld", &pages) != 1)
            pages = 0;
        std::fclose(f);
    }
    struct rlimit cap {};
    cap.rlim_cur = cap.rlim_max = static_cast<rlim_t>(pages) * ::sysconf(_SC_PAGESIZE) + 40u * 1024 * 1024;
    ::setrlimit(RLIMIT_AS, &cap);
    int code = 2;
    try {
        NullProgress progress;
        Register reg = Register::scan(dir, kAsOf, calendar(), progress, 2);
        int bigIssues = 0;
        for (const auto& i : reg.issues) {
            std::fprintf(stderr, "%s: %s\n", i.file.c_str(), i.message.c_str());
            bigIssues += i.file.find("big") != std::string::npos && i.message.find("bad_alloc") != std::string::npos;
        }
        code = reg.auditCount == 2 && bigIssues == 2 ? 0 : 1;
    } catch (...) {
    }
    std::fflush(stderr);
    ::_exit(code);
}

TEST_CASE("register: a file that cannot be read for lack of memory is an issue, not a crash",
          "[tracking][register]") {
#ifndef PAR_TEST_CAN_CAP_MEMORY
    SUCCEED("AddressSanitizer reserves terabytes of address space: the cap cannot be set");
#else
    test::ScratchDir dir;
    writeWorkspace(dir);
    for (const char* name : {"big1.audit.xml", "big2.audit.xml"}) {
        // 63 MB (under the 64 MiB bound of audit files), sparse: nothing on disk.
        test::writeText(dir.file(name), "");
        std::filesystem::resize_file(dir.file(name), 63u * 1024 * 1024);
    }
    auto r = test::run("PAR_TEST_OOM_DIR=" + dir.path() + " /proc/" + std::to_string(::getpid()) +
                       "/exe '[oom-child]'");
    INFO(r.err);
    // 134: SIGABRT, std::terminate from a worker thread, as before the fix.
    CHECK(r.exitCode == 0);
#endif
}

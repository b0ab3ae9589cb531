// SPDX-License-Identifier: Apache-2.0
// The tracker view's state: rows and filters (the same as the register's), highlight and due-soon
// flags, the as-of date, the notice shown at open, the follow-up report data, and the inspectors'
// changes written into the audit files (lock, outdated rows, transitions, import of a response).
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "TestSupport.hpp"
#include "core/actions/ChangeText.hpp"
#include "core/common/Text.hpp"
#include "core/model/AuditReader.hpp"
#include "core/model/AuditWriter.hpp"
#include "core/tracking/ActionPlan.hpp"
#include "core/tracking/AuditLock.hpp"
#include "core/tracking/PlanExchange.hpp"
#include "core/tracking/RegisterCache.hpp"
#include "core/tracking/TrackingFixtures.hpp"
#include "core/wizard/TrackerReport.hpp"
#include "core/wizard/TrackerState.hpp"

using namespace par;
using namespace par::track;
using namespace par::wizard;
using par::test::calendar;
using par::test::trackedAudit;

namespace {
const Date kAsOf(2019, 2, 1);

// The tracker reads through the user's register cache: the tests' goes to a scratch folder.
const test::ScratchDir& cacheHome() {
    static test::ScratchDir dir("par-test-tracker-cache");
    static const bool set = ::setenv("XDG_CACHE_HOME", dir.path().c_str(), 1) == 0;
    (void)set;
    return dir;
}
const bool cacheHomeSet = !cacheHome().path().empty();

// test::trackedWorkspace(): T-1 (Quỳnh Lưu): A-001 accepted, A-002 overdue, A-003 due 31/3/2019;
// T-2 (Ngọc Sơn): A-002 overdue, A-003 due 12/2/2019 (two working days after 1/2: Tết).
void writeWorkspace(const test::ScratchDir& dir) {
    std::vector<Audit> audits = test::trackedWorkspace();
    std::filesystem::create_directories(dir.file("2019"));
    AuditWriter::save(audits[0], dir.file("t1.audit.xml"));
    AuditWriter::save(audits[1], dir.file("2019/t2.audit.xml"));
}

TrackerState open(const test::ScratchDir& dir, Date asOf = kAsOf) {
    NullProgress progress;
    return TrackerState(dir.path(), TrackerState::scan(dir.path(), asOf, calendar(), progress),
                        calendar());
}

// The visible row showing this action; npos when hidden.
size_t rowOf(const TrackerState& s, const std::string& audit, const std::string& action) {
    for (size_t i = 0; i < s.rows().size(); ++i)
        if (s.entryOf(i).auditId() == audit && s.entryOf(i).action().id == action)
            return i;
    return std::string::npos;
}

std::vector<std::string> keys(const TrackerState& s) {
    std::vector<std::string> out;
    for (size_t i = 0; i < s.rows().size(); ++i)
        out.push_back(s.entryOf(i).auditId() + "/" + s.entryOf(i).action().id);
    return out;
}

std::vector<std::string> keys(const std::vector<RegisterEntry>& es) {
    std::vector<std::string> out;
    for (const auto& e : es)
        out.push_back(e.auditId() + "/" + e.action().id);
    return out;
}

class CancelAtOnce : public Progress {
public:
    void update(double, std::string_view) override {}
    bool cancelled() const override { return true; }
};
}  // namespace

TEST_CASE("tracker: rows, texts and highlight", "[wizard][tracker]") {
    test::ScratchDir dir;
    writeWorkspace(dir);
    TrackerState s = open(dir);
    CHECK(s.auditCount() == 2);
    CHECK(s.issues().empty());
    REQUIRE(s.rows().size() == 6);
    size_t late = rowOf(s, "T-1", "A-002");
    REQUIRE(late != std::string::npos);
    const TrackerRow& r = s.rows()[late];
    CHECK(r.unit == "UBND huyện Quỳnh Lưu");
    CHECK(r.audit == "T-1 (05/TB-SNV)");
    CHECK_THAT(r.action, Catch::StartsWith("A-002 (F-002): Ban hành lại"));
    CHECK(r.responsible == "Phòng Nội vụ huyện Quỳnh Lưu");
    CHECK(r.deadline == "20/12/2018");
    CHECK(r.highlight);
    CHECK(r.overdue == std::to_string(calendar().workingDaysBetween(Date(2018, 12, 20), kAsOf)));
    const TrackerRow& done = s.rows()[rowOf(s, "T-1", "A-001")];
    CHECK_FALSE(done.highlight);
    CHECK(done.overdue.empty());
    CHECK(s.rows()[rowOf(s, "T-2", "A-003")].dueSoon);  // 12/2/2019: Tết in between
    CHECK_FALSE(s.rows()[rowOf(s, "T-1", "A-003")].dueSoon);
    CHECK(s.units() == std::vector<std::string>{"Phòng Nội vụ huyện Quỳnh Lưu",
                                                "UBND huyện Quỳnh Lưu", "UBND xã Ngọc Sơn"});
}

TEST_CASE("tracker: filters give the register's rows", "[wizard][tracker]") {
    test::ScratchDir dir;
    writeWorkspace(dir);
    TrackerState s = open(dir);
    NullProgress progress;
    Register reg = Register::scan(dir.path(), kAsOf, calendar(), progress);
    std::vector<std::pair<TrackerFilter, RegisterFilter>> cases;
    TrackerFilter t;
    RegisterFilter f;
    t.unit = f.unit = "ubnd xa ngoc son";  // without case and diacritics
    cases.emplace_back(t, f);
    t = {};
    f = {};
    t.overdueOnly = f.overdueOnly = true;
    cases.emplace_back(t, f);
    t = {};
    f = {};
    t.status = f.status = ActionStatus::Accepted;
    cases.emplace_back(t, f);
    t = {};
    f = {};
    t.dueWithin = f.dueWithin = 5;
    cases.emplace_back(t, f);
    t.unit = f.unit = "Phòng Nội vụ huyện Quỳnh Lưu";
    t.overdueOnly = f.overdueOnly = true;
    cases.emplace_back(t, f);
    for (const auto& [tf, rf] : cases) {
        s.setFilter(tf);
        CHECK(keys(s) == keys(reg.filtered(rf, calendar())));
    }
    TrackerFilter overdue;
    overdue.overdueOnly = true;
    s.setFilter(overdue);
    CHECK(keys(s) == std::vector<std::string>{"T-1/A-002", "T-2/A-002"});
    for (const auto& row : s.rows())
        CHECK(row.highlight);
    s.setFilter({});
    CHECK(s.rows().size() == 6);
}

TEST_CASE("tracker: rows ordered by a column, kept across filters", "[wizard][tracker]") {
    test::ScratchDir dir;
    writeWorkspace(dir);
    TrackerState s = open(dir);
    const std::vector<std::string> registerOrder = keys(s);
    REQUIRE(registerOrder.size() == 6);

    // Deadlines as dates (20/12/2018 before 25/01/2019 before 12/02/2019 ...), not as texts.
    s.setSort(TrackerColumn::Deadline, true);
    REQUIRE(s.sortColumn() == TrackerColumn::Deadline);
    for (size_t i = 1; i < s.rows().size(); ++i)
        CHECK(*s.entryOf(i - 1).action().deadline <= *s.entryOf(i).action().deadline);
    CHECK(keys(s).front() == "T-1/A-002");
    s.setSort(TrackerColumn::Deadline, false);
    for (size_t i = 1; i < s.rows().size(); ++i)
        CHECK(*s.entryOf(i - 1).action().deadline >= *s.entryOf(i).action().deadline);

    // Most overdue first; the rows not overdue after, in the register's order.
    s.setSort(TrackerColumn::Overdue, false);
    CHECK(keys(s)[0] == "T-1/A-002");
    CHECK(keys(s)[1] == "T-2/A-002");
    CHECK(s.rows()[2].overdue.empty());

    // Statuses in the order they call for attention: the accepted action last.
    s.setSort(TrackerColumn::Status, true);
    CHECK(keys(s).back() == "T-1/A-001");
    CHECK(s.entryOf(0).action().status == ActionStatus::Open);

    // Inspected units: "huyện" before "xã"; within a unit the register's order is kept.
    s.setSort(TrackerColumn::Unit, true);
    std::vector<std::string> byUnit = keys(s);
    CHECK(std::vector<std::string>(byUnit.begin(), byUnit.begin() + 3) ==
          std::vector<std::string>{"T-1/A-002", "T-1/A-001", "T-1/A-003"});

    // A filter keeps the order chosen; nullopt goes back to the register's.
    s.setSort(TrackerColumn::Overdue, false);
    TrackerFilter overdue;
    overdue.overdueOnly = true;
    s.setFilter(overdue);
    CHECK(keys(s) == std::vector<std::string>{"T-1/A-002", "T-2/A-002"});
    s.setFilter({});
    s.setSort(std::nullopt);
    CHECK(keys(s) == registerOrder);
}

TEST_CASE("tracker: another as-of date recomputes what is overdue", "[wizard][tracker]") {
    test::ScratchDir dir;
    writeWorkspace(dir);
    TrackerState s = open(dir);
    s.setAsOf(Date(2018, 12, 21));  // the day after T-1 A-002's deadline (a Friday)
    const TrackerRow& r = s.rows()[rowOf(s, "T-1", "A-002")];
    CHECK(r.highlight);
    CHECK(r.overdue == "1");
    CHECK_FALSE(s.rows()[rowOf(s, "T-2", "A-002")].highlight);
    CHECK(s.asOf() == Date(2018, 12, 21));
    s.setAsOf(Date(2018, 12, 1));
    for (const auto& row : s.rows())
        CHECK_FALSE(row.highlight);
    CHECK(s.notice().text.empty());
}

TEST_CASE("tracker: the notice at open and the summary", "[wizard][tracker]") {
    setLanguage(Language::Vietnamese);
    test::ScratchDir dir;
    writeWorkspace(dir);
    test::writeText(dir.file("broken.audit.xml"), "<audit format-version='1'>\n<unit/>\n</audit>");
    TrackerState s = open(dir);
    TrackerNotice n = s.notice();
    CHECK(n.overdue == 2);
    CHECK(n.overdueUnits == 1);  // both A-002 are for Phòng Nội vụ huyện Quỳnh Lưu
    CHECK(n.dueSoon == 1);
    CHECK(n.unreadable == 1);
    CHECK(n.text ==
          "Tính đến ngày 01/02/2019: 2 hành động quá hạn (1 đơn vị chịu trách nhiệm); 1 hành động "
          "đến hạn trong 5 ngày làm việc tới; 1 tệp không đọc được.");
    TrackerFilter f;
    f.overdueOnly = true;
    s.setFilter(f);
    CHECK(s.notice().overdue == 2);  // the notice ignores the filter
    CHECK(s.summary() ==
          "Hiển thị 2 trên 6 hành động (2 tệp kiểm tra); 2 quá hạn; tính đến ngày 01/02/2019");
}

TEST_CASE("tracker: exports take the visible rows, the follow-up report data",
          "[wizard][tracker]") {
    setLanguage(Language::Vietnamese);
    test::ScratchDir dir;
    writeWorkspace(dir);
    TrackerState s = open(dir);
    TrackerFilter f;
    f.overdueOnly = true;
    f.unit = "UBND xã Ngọc Sơn";
    s.setFilter(f);
    RegisterView v = s.view();
    REQUIRE(v.entries.size() == 1);
    CHECK(v.units.size() == 2);  // the unit and the total
    CHECK(registerIcs(v).find("T-2-A-002@par-audit") != std::string::npos);
    report::Data d = followUpReportData(s);
    CHECK(d["count"].str() == "1");
    CHECK(d["as_of"].str() == "01/02/2019");
    CHECK(d["agency"]["name"].str() == "SỞ NỘI VỤ");
    CHECK(d["scope"].str() == "Đơn vị: UBND xã Ngọc Sơn. Chỉ các hành động quá hạn.");
    REQUIRE(d["rows"].items().size() == 1);
    CHECK(d["rows"].items()[0]["overdue"].str() == "5");
    CHECK(d["units"].items().back()["unit"].str() == "Tổng cộng");
}

TEST_CASE("tracker: a workspace read again comes from the cache", "[wizard][tracker]") {
    test::ScratchDir dir;
    writeWorkspace(dir);
    // Files saved in the last 2 s are never cached (docs/tracking.md): date them a minute back.
    const auto minuteAgo = std::filesystem::file_time_type::clock::now() - std::chrono::minutes(1);
    for (const char* f : {"t1.audit.xml", "2019/t2.audit.xml"})
        std::filesystem::last_write_time(dir.file(f), minuteAgo);
    NullProgress progress;
    track::Register first = TrackerState::scan(dir.path(), kAsOf, calendar(), progress);
    CHECK(first.parsedFiles == 2);
    CHECK(std::filesystem::exists(track::RegisterCache::defaultFolder()));
    track::Register again = TrackerState::scan(dir.path(), kAsOf, calendar(), progress);
    CHECK(again.parsedFiles == 0);
    REQUIRE(again.entries.size() == first.entries.size());
    for (size_t i = 0; i < again.entries.size(); ++i) {
        CHECK(again.entries[i].auditId() == first.entries[i].auditId());
        CHECK(again.entries[i].action() == first.entries[i].action());
        CHECK(again.entries[i].daysOverdue == first.entries[i].daysOverdue);
    }
}

TEST_CASE("tracker: scanning can be cancelled", "[wizard][tracker]") {
    test::ScratchDir dir;
    writeWorkspace(dir);
    CancelAtOnce cancel;
    CHECK_THROWS_AS(TrackerState::scan(dir.path(), kAsOf, calendar(), cancel), Cancelled);
    NullProgress progress;
    CHECK_THROWS_AS(TrackerState::scan(dir.file("none"), kAsOf, calendar(), progress), IoError);
}

TEST_CASE("tracker: accept, reopen, extend are saved into the audit file", "[wizard][tracker]") {
    test::ScratchDir dir;
    writeWorkspace(dir);
    TrackerState s = open(dir);
    const std::string t2 = dir.file("2019/t2.audit.xml");

    size_t row = rowOf(s, "T-2", "A-002");
    CHECK_FALSE(s.canAccept(row));  // open: the unit has not reported
    CHECK_FALSE(s.canReopen(row));
    CHECK(s.canExtend(row));
    CHECK_THROWS_AS(s.accept(row, "", "tp"), TransitionError);
    CHECK_THROWS_WITH(s.extend(row, "31/02/2019", "x", "tp"), Catch::Contains("31/02/2019"));
    CHECK_THROWS_AS(s.extend(row, "28/02/2019", "", "tp"), UsageError);  // reason required
    int revision = AuditReader::load(t2).revision;

    s.extend(row, "28/02/2019", "Chờ ý kiến của Sở Tư pháp", "Trần Thị Bình");
    Audit a = AuditReader::load(t2);
    CHECK(a.revision == revision + 1);
    const Action* act = a.findAction("A-002");
    REQUIRE(act != nullptr);
    CHECK(act->deadline == Date(2019, 2, 28));
    REQUIRE_FALSE(act->history.empty());
    CHECK(act->history.back().kind == ActionEvent::Kind::Extension);
    CHECK(act->history.back().by == "Trần Thị Bình");
    CHECK(a.changeLog.back().code == "action.extend");
    CHECK(a.changeLog.back().by == "Trần Thị Bình");
    CHECK_THAT(actions::describe(a.changeLog.back(), Language::Vietnamese),
               Catch::Contains("A-002") && Catch::Contains("28/02/2019"));
    // The rows were read again: no longer overdue.
    row = rowOf(s, "T-2", "A-002");
    CHECK_FALSE(s.rows()[row].highlight);
    CHECK(s.rows()[row].deadline == "28/02/2019");
    CHECK(s.rows().size() == 6);
    CHECK_FALSE(std::filesystem::exists(AuditLock::lockPath(t2)));  // released

    // The unit reports (imported elsewhere); the inspectors accept, then reopen.
    {
        Audit b = AuditReader::load(t2);
        ActionReport r;
        r.date = Date(2019, 2, 20);
        reportAction(*b.findAction("A-002"), r, "unit");
        AuditWriter::save(b, t2);
    }
    row = rowOf(s, "T-2", "A-002");
    // The register still shows it open: refused, and the row is read again.
    CHECK_THROWS_WITH(s.extend(row, "15/03/2019", "x", "tp"),
                      Catch::Contains("A-002") && Catch::Contains(t2));
    row = rowOf(s, "T-2", "A-002");
    CHECK(s.entryOf(row).action().status == ActionStatus::Reported);
    CHECK(s.canAccept(row));
    s.accept(row, "Đã kiểm tra văn bản", "tp");
    CHECK(AuditReader::load(t2).findAction("A-002")->status == ActionStatus::Accepted);
    row = rowOf(s, "T-2", "A-002");
    CHECK_FALSE(s.canExtend(row));
    CHECK(s.canReopen(row));
    CHECK_THROWS_AS(s.reopen(row, "", "tp"), UsageError);  // a reason is required
    s.reopen(row, "Văn bản chưa đúng thẩm quyền", "tp");
    CHECK(AuditReader::load(t2).findAction("A-002")->status == ActionStatus::Reopened);
}

TEST_CASE("tracker: a change is refused while someone else holds the lock", "[wizard][tracker]") {
    test::ScratchDir dir;
    writeWorkspace(dir);
    TrackerState s = open(dir);
    const std::string t1 = dir.file("t1.audit.xml");
    std::string before = test::readText(t1);
    AuditLock other(t1, LockOptions{std::chrono::hours(12), "Nguyễn Văn An"});
    size_t row = rowOf(s, "T-1", "A-003");
    CHECK_THROWS_AS(s.extend(row, "30/04/2019", "x", "tp"), LockedError);
    CHECK(test::readText(t1) == before);
    other.release();
    s.extend(row, "30/04/2019", "x", "tp");
    CHECK(test::readText(t1) != before);
}

TEST_CASE("tracker: import of a unit's response into the right audit", "[wizard][tracker]") {
    test::ScratchDir dir;
    writeWorkspace(dir);
    TrackerState s = open(dir);
    // T-2: a plan holding an accepted action cannot come back (the import refuses any action
    // that says "accepted"), so the unit is Ngọc Sơn, whose actions are all pending.
    const std::string t1 = dir.file("2019/t2.audit.xml");
    PlanFile plan = exportPlan(AuditReader::load(t1), "UBND xã Ngọc Sơn");
    ActionReport r;
    r.date = Date(2019, 3, 1);
    r.doc = "40/BC-UBND";
    respond(plan, "A-003", ActionStatus::Reported, r, "vp");
    test::writeText(dir.file("response.xml"), plan.toXml());

    TrackerImport im = s.importResponse(dir.file("response.xml"), "tp");
    CHECK(im.auditFile == t1);
    CHECK(im.unit == "UBND xã Ngọc Sơn");
    CHECK(im.result.merged == std::vector<std::string>{"A-003"});
    CHECK(s.entryOf(rowOf(s, "T-2", "A-003")).action().status == ActionStatus::Reported);
    const ActionReport in = AuditReader::load(t1).findAction("A-003")->report;
    CHECK((in.date == r.date && in.doc == r.doc && in.seq == 1));
    std::string after = test::readText(t1);
    // The second time changes nothing, not even the file.
    TrackerImport again = s.importResponse(dir.file("response.xml"), "tp");
    CHECK_FALSE(again.result.changed());
    CHECK(again.result.unchanged == std::vector<std::string>{"A-003"});
    CHECK(test::readText(t1) == after);

    // A tampered response (a new answer, with the action's content edited in the file): that
    // action is refused with the core's message; nothing merged.
    PlanFile newer = plan;
    r.doc = "41/BC-UBND";
    respond(newer, "A-003", ActionStatus::Reported, r, "vp");
    std::string text = newer.toXml();
    const std::string content = "Đề xuất sáng kiến.";
    auto p = text.find(content);
    REQUIRE(p != std::string::npos);
    text.replace(p, content.size(), "Không làm gì.");
    test::writeText(dir.file("tampered.xml"), text);
    TrackerImport bad = s.importResponse(dir.file("tampered.xml"), "tp");
    CHECK_FALSE(bad.result.changed());
    REQUIRE(bad.result.refused.size() == 1);
    CHECK(bad.result.refused[0].actionId == "A-003");
    CHECK_THAT(bad.result.refused[0].reason, Catch::Contains("A-003"));
    CHECK(test::readText(t1) == after);

    // A response for an audit not in this workspace.
    plan.auditId = "X-9";
    test::writeText(dir.file("other.xml"), plan.toXml());
    CHECK_THROWS_WITH(s.importResponse(dir.file("other.xml"), "tp"), Catch::Contains("X-9"));
}

TEST_CASE("tracker: an import's outcome per action, with the reasons", "[wizard][tracker][import]") {
    par::setLanguage(par::Language::Vietnamese);
    par::wizard::TrackerImport im;
    im.result.merged = {"A-002"};
    im.result.unchanged = {"A-001"};
    im.result.setAside = {{"A-010", "A-010 đã được gia hạn sau khi xuất kế hoạch: xuất lại kế hoạch cho đơn vị"}};
    im.result.refused = {{"A-003", "A-003: ngày báo cáo sau hôm nay"}};
    auto lines = par::wizard::importLines(im);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].actionId == "A-001");
    CHECK(lines[0].outcome == par::wizard::ImportLine::Outcome::Unchanged);
    CHECK(lines[1].actionId == "A-002");
    CHECK(lines[1].label == "Đã nhập");
    CHECK(lines[2].actionId == "A-003");
    CHECK(lines[2].outcome == par::wizard::ImportLine::Outcome::Refused);
    CHECK(lines[2].reason == "A-003: ngày báo cáo sau hôm nay");
    CHECK(lines[3].label == "Để riêng");
    CHECK(lines[3].reason.find("gia hạn") != std::string::npos);
}

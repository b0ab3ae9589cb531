// SPDX-License-Identifier: Apache-2.0
// Actions: deadlines for each rule (Civil Code 147-148 for calendar days), making actions from
// findings without duplicates, stale flags, status transitions allowed and refused, extensions,
// the audit file round trip with <actions>, the conclusions fingerprint and the revision check.
#include <catch2/catch.hpp>

#include "TestSupport.hpp"
#include "TrackingFixtures.hpp"
#include "core/common/AtomicFile.hpp"
#include "core/model/AuditReader.hpp"
#include "core/model/AuditWriter.hpp"
#include "core/tracking/ActionPlan.hpp"
#include "core/tracking/Deadlines.hpp"

using namespace par;
using namespace par::track;
using par::test::calendar;
using par::test::trackedAudit;

namespace {
std::optional<Date> deadlineOf(const char* rule, std::optional<Date> notice = Date(2018, 12, 5)) {
    return computeDeadline(*DeadlineRule::parse(rule), notice, calendar());
}
}  // namespace

TEST_CASE("deadline: N working days from the notice date", "[tracking][deadline]") {
    // Dec 2018: 6-7, 10-14, 17-21, 24-28 (17 days); 31/12 off and 1/1 a holiday (2018-19 swap);
    // 2-4/1, Saturday 5/1 worked (21); 7-11/1 (26); 14-17/1 → the 30th working day is 17/01/2019.
    CHECK(deadlineOf("30 working-days") == Date(2019, 1, 17));
    CHECK(deadlineOf("1 working-days") == Date(2018, 12, 6));
    // A notice on a Friday: the first working day is the Monday.
    CHECK(deadlineOf("1 working-days", Date(2018, 12, 7)) == Date(2018, 12, 10));
}

TEST_CASE("deadline: N calendar days per Civil Code Art. 147-148", "[tracking][deadline]") {
    // Art. 147: the period starts the day after the notice; 15 days from 5/12 end on Thu 20/12.
    CHECK(deadlineOf("15 calendar-days") == Date(2018, 12, 20));
    // Art. 148: ending on Saturday 15/12 moves to Monday 17/12.
    CHECK(deadlineOf("10 calendar-days") == Date(2018, 12, 17));
    // Ending inside Tết 2019 (2-10/2 off) moves past it: 60 days from 5/12/2018 = 3/2/2019 → 11/2.
    CHECK(deadlineOf("60 calendar-days") == Date(2019, 2, 11));
    CHECK(deadlineOf("60 calendar-days") == calendar().addCalendarDays(Date(2018, 12, 5), 60));
}

TEST_CASE("deadline: a fixed date, no rule, no notice date", "[tracking][deadline]") {
    CHECK(deadlineOf("2019-03-31") == Date(2019, 3, 31));
    CHECK(deadlineOf("2019-03-31", std::nullopt) == Date(2019, 3, 31));
    CHECK_FALSE(deadlineOf("").has_value());
    CHECK_FALSE(deadlineOf("30 working-days", std::nullopt).has_value());
}

TEST_CASE("overdue is computed from an as-of date in working days", "[tracking][deadline]") {
    Action a;
    a.deadline = Date(2019, 1, 17);  // Thursday
    CHECK_FALSE(isOverdue(a, Date(2019, 1, 17)));
    CHECK(isOverdue(a, Date(2019, 1, 18)));
    CHECK(workingDaysOverdue(a, Date(2019, 1, 18), calendar()) == 1);
    CHECK(workingDaysOverdue(a, Date(2019, 1, 20), calendar()) == 1);  // the weekend does not count
    CHECK(workingDaysOverdue(a, Date(2019, 1, 21), calendar()) == 2);
    a.status = ActionStatus::Reported;
    CHECK_FALSE(isOverdue(a, Date(2019, 1, 21)));
    CHECK(workingDaysOverdue(a, Date(2019, 1, 21), calendar()) == 0);
    a.status = ActionStatus::Reopened;
    CHECK(isOverdue(a, Date(2019, 1, 21)));
}

TEST_CASE("plan make: one action per finding, never duplicated", "[tracking][actions]") {
    Audit a = trackedAudit();
    MakeReport r = makeActions(a, calendar());
    REQUIRE(r.added == std::vector<std::string>{"A-001", "A-002", "A-003"});
    CHECK(a.actions[0].finding == "F-001");
    CHECK(a.actions[0].responsible == "UBND huyện Quỳnh Lưu");  // default: the inspected unit
    CHECK(a.actions[1].responsible == "Phòng Nội vụ huyện Quỳnh Lưu");
    CHECK(a.actions[0].content == "Bãi bỏ thành phần hồ sơ thừa.");
    CHECK(a.actions[0].deadlineRule.str() == "30 working-days");
    CHECK(a.actions[0].deadline == Date(2019, 1, 17));
    CHECK(a.actions[1].deadline == Date(2018, 12, 20));
    CHECK(a.actions[2].deadline == Date(2019, 3, 31));
    MakeReport again = makeActions(a, calendar());
    CHECK_FALSE(again.changed());
    CHECK(a.actions.size() == 3);

    // A second action for F-001, then regenerating still adds nothing.
    std::string id =
        addAction(a, "F-001", "Niêm yết lại bộ thủ tục.", "", DeadlineRule{}, calendar());
    CHECK(id == "A-004");
    CHECK(a.actions.back().deadline == Date(2019, 1, 17));
    CHECK_FALSE(makeActions(a, calendar()).changed());
    CHECK_THROWS_AS(addAction(a, "F-999", "x", "", DeadlineRule{}, calendar()), UsageError);
    CHECK_THROWS_AS(addAction(a, "F-001", "  ", "", DeadlineRule{}, calendar()), UsageError);
}

TEST_CASE("plan make: stale or removed findings flag their actions, never delete them",
          "[tracking][actions]") {
    Audit a = trackedAudit();
    makeActions(a, calendar());
    a.findings[1].state = FindingState::Stale;
    a.findings.erase(a.findings.begin() + 2);
    MakeReport r = makeActions(a, calendar());
    CHECK(r.staled == std::vector<std::string>{"A-002", "A-003"});
    CHECK(a.actions.size() == 3);
    CHECK(a.actions[1].stale);
    CHECK(a.actions[2].stale);
    a.findings[1].state = FindingState::Active;
    CHECK(makeActions(a, calendar()).unstaled == std::vector<std::string>{"A-002"});
    CHECK_FALSE(a.actions[1].stale);
    // A stale finding makes no new action.
    Audit b = trackedAudit();
    b.findings[0].state = FindingState::Stale;
    makeActions(b, calendar());
    CHECK(b.actions.size() == 2);
}

TEST_CASE("plan make: deadlines follow the notice date until extended", "[tracking][actions]") {
    Audit a = trackedAudit();
    a.notice.date.reset();
    makeActions(a, calendar());
    CHECK_FALSE(a.actions[0].deadline.has_value());
    CHECK(a.actions[2].deadline == Date(2019, 3, 31));
    a.notice.date = Date(2018, 12, 5);
    MakeReport r = makeActions(a, calendar());
    CHECK(r.redated == std::vector<std::string>{"A-001", "A-002"});
    CHECK(a.actions[0].deadline == Date(2019, 1, 17));
    extendAction(a.actions[0], Date(2019, 2, 28), "Chờ hướng dẫn của tỉnh", "tp");
    a.notice.date = Date(2018, 12, 10);
    makeActions(a, calendar());
    CHECK(a.actions[0].deadline == Date(2019, 2, 28));  // extended: kept
}

TEST_CASE("status transitions: allowed and refused", "[tracking][status]") {
    using S = ActionStatus;
    CHECK(transitionAllowed(S::Open, S::Reported));
    CHECK(transitionAllowed(S::Reported, S::Accepted));
    CHECK(transitionAllowed(S::Reported, S::Reopened));
    CHECK(transitionAllowed(S::Reopened, S::Reported));
    CHECK(transitionAllowed(S::Accepted, S::Reopened));
    CHECK(transitionAllowed(S::Reported, S::Reported));  // a corrected report
    CHECK_FALSE(transitionAllowed(S::Open, S::Accepted));
    CHECK_FALSE(transitionAllowed(S::Open, S::Reopened));
    CHECK_FALSE(transitionAllowed(S::Reopened, S::Accepted));
    CHECK_FALSE(transitionAllowed(S::Accepted, S::Reported));
    CHECK_FALSE(transitionAllowed(S::Accepted, S::Accepted));
    for (S s : {S::Open, S::Reported, S::Accepted, S::Reopened})
        CHECK_FALSE(transitionAllowed(s, S::Open));

    Audit a = trackedAudit();
    makeActions(a, calendar());
    Action& x = a.actions[0];
    REQUIRE_THROWS_AS(acceptAction(x, "tp"), TransitionError);
    REQUIRE_THROWS_WITH(acceptAction(x, "tp"),
                        Catch::Contains("A-001") && Catch::Contains("Chưa thực hiện"));
    ActionReport r;
    r.doc = "12/BC-UBND";
    CHECK_THROWS_AS(reportAction(x, r, "xa"), UsageError);  // no date
    r.date = Date(2019, 1, 10);
    r.evidence = {"quyet-dinh.pdf"};
    reportAction(x, r, "xa");
    CHECK(x.status == S::Reported);
    CHECK_THROWS_AS(reopenAction(x, "tp", " "), UsageError);  // a reason is required
    reopenAction(x, "tp", "Chưa niêm yết lại");
    CHECK(x.status == S::Reopened);
    CHECK_THROWS_AS(acceptAction(x, "tp"), TransitionError);
    r.date = Date(2019, 1, 15);
    reportAction(x, r, "xa");
    acceptAction(x, "tp", "Đã kiểm tra");
    CHECK(x.status == S::Accepted);
    CHECK_THROWS_AS(reportAction(x, r, "xa"), TransitionError);
    REQUIRE(x.history.size() == 4);
    CHECK(x.history[0].from == S::Open);
    CHECK(x.history[0].to == S::Reported);
    CHECK(x.history[1].note == "Chưa niêm yết lại");
    CHECK(x.history[3].to == S::Accepted);
    CHECK(x.history[3].by == "tp");
    CHECK(completedOnTime(x));
}

TEST_CASE("extension: new deadline, old one kept in the history", "[tracking][status]") {
    Audit a = trackedAudit();
    makeActions(a, calendar());
    Action& x = a.actions[0];
    CHECK_THROWS_AS(extendAction(x, Date(2019, 1, 10), "sớm hơn", "tp"), UsageError);
    CHECK_THROWS_AS(extendAction(x, Date(2019, 2, 28), "", "tp"), UsageError);
    extendAction(x, Date(2019, 2, 28), "Chờ văn bản của Bộ", "tp");
    CHECK(x.deadline == Date(2019, 2, 28));
    CHECK(x.deadlineRule.str() == "2019-02-28");
    REQUIRE(x.history.size() == 1);
    CHECK(x.history[0].kind == ActionEvent::Kind::Extension);
    CHECK(x.history[0].oldDeadline == Date(2019, 1, 17));
    CHECK(x.history[0].oldRule == "30 working-days");
    CHECK(x.history[0].note == "Chờ văn bản của Bộ");
    x.status = ActionStatus::Accepted;
    CHECK_THROWS_AS(extendAction(x, Date(2019, 3, 30), "x", "tp"), TransitionError);
}

TEST_CASE("audit round trip with actions, reports and history", "[tracking][audit]") {
    test::ScratchDir dir;
    Audit a = trackedAudit();
    makeActions(a, calendar());
    ActionReport r;
    r.date = Date(2019, 1, 10);
    r.doc = "12/BC-UBND";
    r.note = "Đã bãi bỏ.\nĐính kèm quyết định & danh mục <mới>.";
    r.evidence = {"qd-15.pdf", "danh-muc.xlsx"};
    reportAction(a.actions[0], r, "Văn phòng UBND");
    reopenAction(a.actions[0], "tp", "Thiếu danh mục");
    extendAction(a.actions[1], Date(2019, 1, 31), "Chờ sáp nhập", "tp");
    a.actions[2].stale = true;
    std::string path = dir.file("t.audit.xml");
    AuditWriter::save(a, path);
    Audit b = AuditReader::load(path);
    REQUIRE(b.actions.size() == 3);
    CHECK(b.actions[0] == a.actions[0]);
    CHECK(b.actions[1] == a.actions[1]);
    CHECK(b.actions[2] == a.actions[2]);
    CHECK(b.actions[0].report.note == r.note);
    CHECK(AuditWriter::toXml(b) == AuditWriter::toXml(a));
    CHECK(b.fingerprint() == a.fingerprint());
    CHECK(b.conclusionsFingerprint() == a.conclusionsFingerprint());
}

TEST_CASE("an audit without actions is written as before", "[tracking][audit]") {
    Audit a = trackedAudit();
    std::string xml = AuditWriter::toXml(a);
    CHECK(xml.find("<actions") == std::string::npos);
    CHECK(AuditReader::parse(xml, "a.audit.xml").actions.empty());
    // The shipped sample (no actions) still reads.
    CHECK(AuditReader::load(test::sourcePath("samples/quynh-luu-2018/quynh-luu-2018.audit.xml"))
              .actions.empty());
}

TEST_CASE("bad <actions> content names file and line", "[tracking][audit]") {
    auto parse = [](const std::string& actions) {
        return AuditReader::parse(
            "<audit format-version='1'><unit name='x'/><form id='f'/>\n<actions>\n" + actions +
                "</actions></audit>",
            "a.audit.xml");
    };
    REQUIRE_THROWS_WITH(parse("<action id='A-001' status='done'/>"),
                        Catch::Contains("a.audit.xml:3") && Catch::Contains("'done'"));
    REQUIRE_THROWS_WITH(parse("<action id='A-001'/>\n<action id='A-001'/>"),
                        Catch::Contains("a.audit.xml:4") && Catch::Contains("A-001"));
    REQUIRE_THROWS_WITH(parse("<action id='A-001' deadline-rule='soon'/>"),
                        Catch::Contains("'soon'"));
    REQUIRE_THROWS_WITH(parse("<action id='A-001' deadline='2019-02-30'/>"),
                        Catch::Contains("2019-02-30"));
    REQUIRE_THROWS_WITH(parse("<action id='A-001'><history><moved at='x'/></history></action>"),
                        Catch::Contains("<moved>"));
    REQUIRE_THROWS_WITH(parse("<task id='A-001'/>"), Catch::Contains("<task>"));
}

TEST_CASE("the conclusions fingerprint covers conclusions, not responses",
          "[tracking][fingerprint]") {
    Audit a = trackedAudit();
    makeActions(a, calendar());
    const std::string base = a.conclusionsFingerprint();
    Audit b = a;
    ActionReport r;
    r.date = Date(2019, 1, 10);
    reportAction(b.actions[0], r, "x");
    acceptAction(b.actions[0], "tp");
    b.actions[1].stale = true;
    b.answers.answers["q"] = Answer{"q", false, "yes", {}, {}, 0};
    b.logChange("x");
    b.revision = 7;
    CHECK(b.conclusionsFingerprint() == base);
    CHECK(b.fingerprint() != a.fingerprint());
    auto changed = [&](auto edit) {
        Audit c = a;
        edit(c);
        return c.conclusionsFingerprint() != base;
    };
    CHECK(changed([](Audit& c) { c.findings[0].text += "."; }));
    CHECK(changed([](Audit& c) { c.findings[0].recommendation.text += "."; }));
    CHECK(changed([](Audit& c) { c.actions[0].content += "."; }));
    CHECK(changed([](Audit& c) { c.actions[0].responsible = "UBND xã Quỳnh Châu"; }));
    CHECK(changed([](Audit& c) { c.actions[0].deadline = Date(2019, 1, 18); }));
    CHECK(changed(
        [](Audit& c) { c.actions[0].deadlineRule = *DeadlineRule::parse("31 working-days"); }));
    CHECK(changed([](Audit& c) { c.unit.name = "UBND thị xã Hoàng Mai"; }));
    CHECK(changed([](Audit& c) { c.id = "T-2"; }));
    CHECK(changed([](Audit& c) { c.actions.pop_back(); }));
}

TEST_CASE("a save over a newer revision is refused with who and when", "[tracking][revision]") {
    test::ScratchDir dir;
    std::string path = dir.file("t.audit.xml");
    Audit a = trackedAudit();
    AuditWriter::save(a, path);  // revision 1
    Audit mine = AuditReader::load(path);
    Audit theirs = AuditReader::load(path);
    theirs.logChange("Trả lời 3 câu hỏi", "Trần Thị Bình");
    AuditWriter::save(theirs, path);  // revision 2
    const std::string onDisk = readFile(path);
    mine.unit.province = "Hà Tĩnh";
    try {
        AuditWriter::save(mine, path);
        FAIL("no conflict");
    } catch (const RevisionConflict& e) {
        CHECK(e.diskRevision() == 2);
        CHECK(e.loadedRevision() == 1);
        CHECK(e.lastBy() == "Trần Thị Bình");
        CHECK_THAT(std::string(e.what()), Catch::Contains("Trần Thị Bình") &&
                                              Catch::Contains("phiên bản 2") &&
                                              Catch::Contains(theirs.changeLog.back().at));
    }
    CHECK(readFile(path) == onDisk);
    CHECK(mine.revision == 1);
    // Saving what one loaded, again and again, is fine; so is replacing another audit's file.
    AuditWriter::save(theirs, path);
    CHECK(theirs.revision == 3);
    Audit other = trackedAudit("OTHER");
    AuditWriter::save(other, path);
    CHECK(AuditReader::load(path).id == "OTHER");
}

// The plan exchange: export → respond → import round trip, every tampering case refused with a
// message naming what changed (and nothing merged), idempotent re-import, outdated plans.
#include <catch2/catch.hpp>

#include "TestSupport.hpp"
#include "TrackingFixtures.hpp"
#include "core/model/AuditReader.hpp"
#include "core/model/AuditWriter.hpp"
#include "core/tracking/ActionPlan.hpp"
#include "core/tracking/PlanExchange.hpp"

using namespace par;
using namespace par::track;
using par::test::calendar;
using par::test::trackedAudit;

using par::test::withActions;

namespace {
ActionReport aReport() {
    ActionReport r;
    r.date = Date(2019, 1, 10);
    r.doc = "15/BC-UBND";
    r.note = "Đã ban hành Quyết định số 15/QĐ-UBND bãi bỏ.";
    r.evidence = {"qd-15.pdf"};
    return r;
}

// The response of "UBND huyện Quỳnh Lưu" on, as text.
std::string responseText(const Audit& a) {
    PlanFile p = exportPlan(a, "ubnd huyen quynh luu");  // matched without case and diacritics
    respond(p, "A-001", ActionStatus::Reported, aReport(), "Văn phòng UBND huyện");
    ActionReport r3 = aReport();
    r3.date = Date(2019, 3, 1);
    r3.doc = "40/BC-UBND";
    respond(p, "A-003", ActionStatus::Reported, r3, "Văn phòng UBND huyện");
    return p.toXml();
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    auto p = s.find(from);
    REQUIRE(p != std::string::npos);
    return s.replace(p, from.size(), to);
}

// Imports `text` into a copy of `a`; returns the refusal message ("" when accepted) and checks that
// a refused import left the audit exactly as it was.
std::string refusal(const Audit& a, const std::string& text) {
    Audit copy = a;
    try {
        importResponse(copy, PlanFile::parse(text, "r.xml"), "tp");
    } catch (const ImportRefused& e) {
        CHECK(AuditWriter::toXml(copy) == AuditWriter::toXml(a));
        return e.what();
    }
    return "";
}
}  // namespace

TEST_CASE("plan export: one unit's actions with the audit's id and fingerprint",
          "[tracking][exchange]") {
    Audit a = withActions();
    PlanFile p = exportPlan(a, "UBND huyện Quỳnh Lưu");
    CHECK(p.kind == PlanFile::Kind::Plan);
    CHECK(p.auditId == "T-1");
    CHECK(p.fingerprint == a.conclusionsFingerprint());
    CHECK(p.unit == "UBND huyện Quỳnh Lưu");
    REQUIRE(p.actions.size() == 2);  // A-002 is the Phòng Nội vụ's
    CHECK(p.actions[0].action.id == "A-001");
    CHECK(p.actions[1].action.id == "A-003");
    CHECK(p.actions[0].findingText == a.findings[0].text);
    CHECK(p.noticeNumber == "05/TB-SNV");
    // The file reads back as written.
    PlanFile q = PlanFile::parse(p.toXml(), "plan.xml");
    CHECK(q.toXml() == p.toXml());
    CHECK(q.actions[0].action.deadline == Date(2019, 1, 17));
    REQUIRE_THROWS_WITH(
        exportPlan(a, "UBND xã Quỳnh Châu"),
        Catch::Contains("UBND xã Quỳnh Châu") && Catch::Contains("Phòng Nội vụ huyện Quỳnh Lưu"));
}

TEST_CASE("plan respond: only 'reported', with a date", "[tracking][exchange]") {
    Audit a = withActions();
    PlanFile p = exportPlan(a, "UBND huyện Quỳnh Lưu");
    CHECK_THROWS_AS(respond(p, "A-001", ActionStatus::Accepted, aReport(), ""), TransitionError);
    CHECK_THROWS_WITH(respond(p, "A-002", ActionStatus::Reported, aReport(), ""),
                      Catch::Contains("A-002"));
    CHECK_THROWS_AS(respond(p, "A-001", ActionStatus::Reported, ActionReport{}, ""), UsageError);
    CHECK(p.kind == PlanFile::Kind::Plan);
    respond(p, "A-001", ActionStatus::Reported, aReport(), "vp");
    CHECK(p.kind == PlanFile::Kind::Response);
    CHECK(p.actions[0].action.status == ActionStatus::Reported);
    CHECK(p.actions[0].action.report == aReport());
    // A response read back can be answered again (a second action, or a correction).
    PlanFile q = PlanFile::parse(p.toXml(), "r.xml");
    CHECK(q.kind == PlanFile::Kind::Response);
    CHECK(q.actions[0].action.report == aReport());
}

TEST_CASE("export → respond → import round trip, then idempotent re-import",
          "[tracking][exchange]") {
    test::ScratchDir dir;
    Audit a = withActions();
    std::string path = dir.file("t.audit.xml");
    AuditWriter::save(a, path);
    std::string response = responseText(a);

    Audit loaded = AuditReader::load(path);
    ImportResult r = importResponse(loaded, PlanFile::parse(response, "r.xml"), "tp");
    CHECK(r.merged == std::vector<std::string>{"A-001", "A-003"});
    CHECK(loaded.actions[0].status == ActionStatus::Reported);
    CHECK(loaded.actions[0].report == aReport());
    CHECK(loaded.actions[1].status == ActionStatus::Open);
    CHECK(loaded.actions[2].report.doc == "40/BC-UBND");
    REQUIRE(loaded.actions[0].history.size() == 1);
    CHECK(loaded.actions[0].history[0].by == "Văn phòng UBND huyện");
    // The change-log entry is returned for the caller's transaction to log (core/actions).
    CHECK(r.change.code == "plan.import");
    REQUIRE(r.change.args.size() == 3);
    CHECK(r.change.args[1].find("r.xml") != std::string::npos);
    CHECK(r.change.args[2] == "A-001, A-003");
    AuditWriter::save(loaded, path);

    // The same response again: nothing changes, not even the change log.
    Audit again = AuditReader::load(path);
    const std::string before = AuditWriter::toXml(again);
    ImportResult r2 = importResponse(again, PlanFile::parse(response, "r.xml"), "tp");
    CHECK_FALSE(r2.changed());
    CHECK(r2.unchanged == std::vector<std::string>{"A-001", "A-003"});
    CHECK(AuditWriter::toXml(again) == before);

    // Inspectors accept A-001: the old response still imports as "nothing new", and the
    // conclusions fingerprint (statuses excluded) still matches.
    acceptAction(again.actions[0], "tp");
    CHECK_FALSE(importResponse(again, PlanFile::parse(response, "r.xml"), "tp").changed());
    CHECK(again.actions[0].status == ActionStatus::Accepted);
    // After a reopen, re-sending the old report changes nothing either: a new report is needed.
    reopenAction(again.actions[0], "tp", "Thiếu danh mục");
    CHECK_FALSE(importResponse(again, PlanFile::parse(response, "r.xml"), "tp").changed());
    CHECK(again.actions[0].status == ActionStatus::Reopened);
}

TEST_CASE("every tampering case is refused, naming what changed", "[tracking][exchange][tamper]") {
    Audit a = withActions();
    const std::string good = responseText(a);
    REQUIRE(refusal(a, good).empty());

    SECTION("action content") {
        auto m = refusal(a, replaced(good, "Bãi bỏ thành phần hồ sơ thừa.", "Xem xét bãi bỏ."));
        CHECK_THAT(m, Catch::Contains("A-001") && Catch::Contains("nội dung hành động") &&
                          Catch::Contains("Xem xét bãi bỏ."));
    }
    SECTION("deadline date") {
        auto m = refusal(a, replaced(good, "deadline=\"2019-01-17\"", "deadline=\"2019-06-17\""));
        CHECK_THAT(m, Catch::Contains("A-001") && Catch::Contains("thời hạn") &&
                          Catch::Contains("2019-06-17"));
    }
    SECTION("deadline rule") {
        auto m = refusal(a, replaced(good, "deadline-rule=\"30 working-days\"",
                                     "deadline-rule=\"90 working-days\""));
        CHECK_THAT(m, Catch::Contains("cách tính thời hạn") && Catch::Contains("90 working-days"));
    }
    SECTION("finding text") {
        auto m = refusal(a, replaced(good, "yêu cầu thừa thành phần", "yêu cầu đủ thành phần"));
        CHECK_THAT(m, Catch::Contains("A-001") && Catch::Contains("nội dung phát hiện"));
    }
    SECTION("the finding an action remedies") {
        auto m = refusal(a, replaced(good, "finding=\"F-001\"", "finding=\"F-003\""));
        CHECK_THAT(m, Catch::Contains("phát hiện liên quan"));
    }
    SECTION("responsible unit of an action") {
        auto m = refusal(a, replaced(good, "responsible=\"UBND huyện Quỳnh Lưu\"",
                                     "responsible=\"UBND xã Quỳnh Châu\""));
        CHECK_THAT(
            m, Catch::Contains("đơn vị chịu trách nhiệm") && Catch::Contains("UBND xã Quỳnh Châu"));
    }
    SECTION("another unit's action slipped in") {
        auto m = refusal(a, replaced(good, "id=\"A-003\"", "id=\"A-002\""));
        CHECK_THAT(m, Catch::Contains("A-002") && Catch::Contains("Phòng Nội vụ huyện Quỳnh Lưu"));
    }
    SECTION("an action the conclusions do not have") {
        auto m = refusal(a, replaced(good, "id=\"A-003\"", "id=\"A-099\""));
        CHECK_THAT(m, Catch::Contains("A-099") && Catch::Contains("không có hành động này"));
    }
    SECTION("a unit marking its own action accepted") {
        auto m = refusal(a, replaced(good, "status=\"reported\"", "status=\"accepted\""));
        CHECK_THAT(m, Catch::Contains("A-001") && Catch::Contains("đã hoàn thành"));
    }
    SECTION("another audit") {
        auto m = refusal(a, replaced(good, "audit=\"T-1\"", "audit=\"T-2\""));
        CHECK_THAT(m, Catch::Contains("'T-2'") && Catch::Contains("'T-1'"));
    }
    SECTION("another unit") {
        auto m = refusal(a, replaced(good, "unit=\"UBND huyện Quỳnh Lưu\" inspected",
                                     "unit=\"UBND xã Quỳnh Châu\" inspected"));
        CHECK_THAT(m, Catch::Contains("UBND xã Quỳnh Châu"));
    }
    SECTION("the fingerprint") {
        auto fp = a.conclusionsFingerprint();
        auto m = refusal(a, replaced(good, fp, std::string(fp.size(), '0')));
        CHECK_THAT(m, Catch::Contains("dấu vân tay"));
    }
    SECTION("the inspected unit") {
        auto m = refusal(a, replaced(good, "inspected-unit=\"UBND huyện Quỳnh Lưu\"",
                                     "inspected-unit=\"UBND huyện Diễn Châu\""));
        CHECK_THAT(m, Catch::Contains("Diễn Châu"));
    }
    SECTION("the notice") {
        auto m = refusal(a, replaced(good, "date=\"2018-12-05\"", "date=\"2018-12-20\""));
        CHECK_THAT(m, Catch::Contains("thông báo kết luận") && Catch::Contains("2018-12-20"));
    }
    SECTION("a plan instead of a response") {
        auto m = refusal(a, exportPlan(a, "UBND huyện Quỳnh Lưu").toXml());
        CHECK_THAT(m, Catch::Contains("tệp kế hoạch"));
    }
    SECTION("several changes are all named") {
        auto t = replaced(good, "Bãi bỏ thành phần hồ sơ thừa.", "Xem xét.");
        t = replaced(t, "deadline=\"2019-03-31\"", "deadline=\"2019-12-31\"");
        auto m = refusal(a, t);
        CHECK_THAT(m, Catch::Contains("A-001") && Catch::Contains("A-003") &&
                          Catch::Contains("2019-12-31"));
    }
}

TEST_CASE("a response to outdated conclusions is refused", "[tracking][exchange]") {
    Audit a = withActions();
    const std::string response = responseText(a);
    // The Department extends the Phòng Nội vụ's action: the conclusions changed after export.
    extendAction(a.actions[1], Date(2019, 1, 31), "Chờ sáp nhập", "tp");
    auto m = refusal(a, response);
    CHECK_THAT(m, Catch::Contains("dấu vân tay") && Catch::Contains("plan export"));
    // Extending one of this unit's actions is named precisely.
    Audit b = withActions();
    extendAction(b.actions[0], Date(2019, 2, 28), "Chờ văn bản", "tp");
    CHECK_THAT(refusal(b, response), Catch::Contains("A-001") && Catch::Contains("2019-02-28"));
}

TEST_CASE("a report on an accepted action is refused", "[tracking][exchange]") {
    Audit a = withActions();
    const std::string response = responseText(a);
    // Meanwhile an earlier report of the unit (another date) was imported and accepted.
    ActionReport r = aReport();
    r.date = Date(2019, 1, 2);
    reportAction(a.actions[0], r, "x");
    acceptAction(a.actions[0], "tp");
    CHECK_THAT(refusal(a, response), Catch::Contains("A-001") && Catch::Contains("đã công nhận"));
}

TEST_CASE("a plan re-exported after an acceptance: the accepted action rides along, the others import",
          "[tracking][exchange]") {
    Audit a = withActions();
    reportAction(a.actions[0], aReport(), "x");  // A-001 reported, then accepted
    acceptAction(a.actions[0], "tp");
    PlanFile p = exportPlan(a, "UBND huyện Quỳnh Lưu");
    REQUIRE(p.actions.size() == 2);
    CHECK(p.actions[0].action.status == ActionStatus::Accepted);
    ActionReport r3 = aReport();
    r3.date = Date(2019, 3, 1);
    r3.doc = "40/BC-UBND";
    respond(p, "A-003", ActionStatus::Reported, r3, "Văn phòng UBND huyện");
    const std::string text = p.toXml();

    Audit copy = a;
    ImportResult r = importResponse(copy, PlanFile::parse(text, "r.xml"), "tp");
    CHECK(r.merged == std::vector<std::string>{"A-003"});
    CHECK(copy.actions[0].status == ActionStatus::Accepted);
    CHECK(copy.actions[2].report.doc == "40/BC-UBND");

    // Editing the accepted action's report in the file is still refused.
    CHECK_THAT(refusal(a, replaced(text, "15/BC-UBND", "99/BC-UBND")),
               Catch::Contains("A-001") && Catch::Contains("không được sửa"));
}

TEST_CASE("plan files: bad input names file and line", "[tracking][exchange]") {
    REQUIRE_THROWS_WITH(PlanFile::parse("<audit format-version='1'/>", "p.xml"),
                        Catch::Contains("<plan>"));
    REQUIRE_THROWS_WITH(
        PlanFile::parse("<plan format-version='2' audit='a' fingerprint='f' unit='u'/>", "p.xml"),
        Catch::Contains("format-version 2"));
    REQUIRE_THROWS_WITH(PlanFile::parse("<plan format-version='1' audit='a' unit='u'/>", "p.xml"),
                        Catch::Contains("fingerprint"));
    REQUIRE_THROWS_WITH(
        PlanFile::parse("<plan format-version='1' audit='a' fingerprint='f' unit='u'>\n\n"
                        "<action id='A-001' status='done'/></plan>",
                        "p.xml"),
        Catch::Contains("p.xml:3") && Catch::Contains("'done'"));
    REQUIRE_THROWS_WITH(
        PlanFile::parse("<plan format-version='1' audit='a' fingerprint='f' unit='u'>\n"
                        "<action id='A-001'/>\n<action id='A-001'/></plan>",
                        "p.xml"),
        Catch::Contains("p.xml:3"));
}

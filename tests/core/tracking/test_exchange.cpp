// SPDX-License-Identifier: Apache-2.0
// The plan exchange, format 2: export → respond → import per action; answers kept when another is
// added; changed actions set aside in neutral words while the others merge; older or replayed
// answers refused; report dates bounded; forged statuses and edited files refused per action;
// whole-file refusals; unit identity (Tân Thành ≠ Tân Thạnh, Hòa = Hoà).
#include <catch2/catch.hpp>

#include <cstdlib>

#include "TestSupport.hpp"
#include "TrackingFixtures.hpp"
#include "core/common/Text.hpp"
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
// Fixes the clock (PAR_AUDIT_NOW) for the scope: `made` stamps and "today".
struct At {
    explicit At(const char* iso) { ::setenv("PAR_AUDIT_NOW", iso, 1); }
    ~At() { ::unsetenv("PAR_AUDIT_NOW"); }
};

ActionReport aReport(Date d = Date(2019, 1, 10), const std::string& doc = "15/BC-UBND") {
    ActionReport r;
    r.date = d;
    r.doc = doc;
    r.note = "Đã ban hành Quyết định số 15/QĐ-UBND bãi bỏ.";
    return r;
}

const char* kUnit = "UBND huyện Quỳnh Lưu";

// The response of Quỳnh Lưu on, as text.
std::string responseText(const Audit& a) {
    At at("2019-03-02T08:00:00");
    PlanFile p = exportPlan(a, kUnit);
    respond(p, "A-001", ActionStatus::Reported, aReport(), "Văn phòng UBND huyện");
    respond(p, "A-003", ActionStatus::Reported, aReport(Date(2019, 3, 1), "40/BC-UBND"),
            "Văn phòng UBND huyện");
    return p.toXml();
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    auto p = s.find(from);
    REQUIRE(p != std::string::npos);
    return s.replace(p, from.size(), to);
}

ImportResult import(Audit& a, const std::string& text) {
    return importResponse(a, PlanFile::parse(text, "r.xml"), "tp");
}

// The whole-file refusal message ("" when not refused as a whole); a refused import leaves the
// audit exactly as it was.
std::string refusal(const Audit& a, const std::string& text) {
    Audit copy = a;
    try {
        import(copy, text);
    } catch (const ImportRefused& e) {
        CHECK(AuditWriter::toXml(copy) == AuditWriter::toXml(a));
        return e.what();
    }
    return "";
}

// The reasons of the actions refused or set aside, one per line.
std::string issues(const std::vector<ActionIssue>& list) {
    std::string out;
    for (const auto& i : list)
        out += i.actionId + ": " + i.reason + "\n";
    return out;
}
}  // namespace

TEST_CASE("plan export: one unit's actions, each with its fingerprint and the inspectors' notes",
          "[tracking][exchange]") {
    Audit a = withActions();
    reportAction(a.actions[0], aReport(), "x");
    reopenAction(a.actions[0], "tp", "Thiếu danh mục hồ sơ");
    extendAction(a.actions[2], Date(2019, 4, 30), "Chờ ý kiến của tỉnh", "tp");
    PlanFile p = exportPlan(a, kUnit);
    CHECK(p.kind == PlanFile::Kind::Plan);
    CHECK(p.formatVersion == 2);
    CHECK(p.auditId == "T-1");
    CHECK(p.unit == kUnit);
    CHECK(p.exportId.size() == 32);
    REQUIRE(p.actions.size() == 2);  // A-002 is the Phòng Nội vụ's
    CHECK(p.actions[0].fingerprint ==
          actionFingerprint(a.actions[0], a.findings[0].text, inspectorDecisions(a.actions[0])));
    CHECK(inspectorDecisions(a.actions[0]) == 1);
    REQUIRE(p.actions[0].notes.size() == 1);
    CHECK(p.actions[0].notes[0].kind == InspectorNote::Kind::Reopen);
    CHECK(p.actions[0].notes[0].text == "Thiếu danh mục hồ sơ");
    REQUIRE(p.actions[1].notes.size() == 1);
    CHECK(p.actions[1].notes[0].kind == InspectorNote::Kind::Extension);
    CHECK(p.actions[1].notes[0].text == "Chờ ý kiến của tỉnh");
    CHECK_FALSE(p.actions[0].answered);
    CHECK(p.actions[0].action.report.doc == "15/BC-UBND");  // the held report, shown
    const std::string xml = p.toXml();
    CHECK_THAT(xml, Catch::Contains("<inspector-note kind=\"reopen\"") &&
                        Catch::Contains("Thiếu danh mục hồ sơ") &&
                        Catch::Contains("export-id=\"" + p.exportId + "\""));
    // The file reads back as written.
    PlanFile q = PlanFile::parse(xml, "plan.xml");
    CHECK(q.toXml() == xml);
    CHECK(q.actions[1].action.deadline == Date(2019, 4, 30));
    // The fingerprint moves with the decisions and the inspectors' fields, not with the report.
    Action x = a.actions[0];
    const std::string fp = actionFingerprint(x, "t", 1);
    x.report.doc = "other";
    x.status = ActionStatus::Reported;
    CHECK(actionFingerprint(x, "t", 1) == fp);
    CHECK(actionFingerprint(x, "t", 2) != fp);
    x.content += ".";
    CHECK(actionFingerprint(x, "t", 1) != fp);
}

TEST_CASE("plan export: an unknown unit is refused with the units and near names",
          "[tracking][exchange][unit]") {
    Audit a = withActions();
    REQUIRE_THROWS_WITH(exportPlan(a, "UBND xã Quỳnh Châu"),
                        Catch::Contains("không có đơn vị 'UBND xã Quỳnh Châu'") &&
                            Catch::Contains("Phòng Nội vụ huyện Quỳnh Lưu"));
    // Without diacritics: not the unit, but suggested.
    REQUIRE_THROWS_WITH(exportPlan(a, "ubnd huyen quynh luu"),
                        Catch::Contains("có phải: UBND huyện Quỳnh Lưu?"));
    // Case, spaces and tabs do not change a unit.
    CHECK(exportPlan(a, "  ubnd\tHUYỆN   quỳnh lưu ").actions.size() == 2);
}

TEST_CASE("plan respond: only 'reported', with a date, answers accumulate with made and seq",
          "[tracking][exchange]") {
    Audit a = withActions();
    PlanFile p = exportPlan(a, kUnit);
    CHECK_THROWS_AS(respond(p, "A-001", ActionStatus::Accepted, aReport(), ""), TransitionError);
    CHECK_THROWS_WITH(respond(p, "A-002", ActionStatus::Reported, aReport(), ""),
                      Catch::Contains("A-002"));
    CHECK_THROWS_AS(respond(p, "A-001", ActionStatus::Reported, ActionReport{}, ""), UsageError);
    ActionReport withName = aReport();
    withName.evidence = {"qd.pdf"};
    CHECK_THROWS_WITH(respond(p, "A-001", ActionStatus::Reported, withName, ""),
                      Catch::Contains("--evidence"));
    CHECK(p.kind == PlanFile::Kind::Plan);
    {
        At at("2019-01-10T09:00:00");
        respond(p, "A-001", ActionStatus::Reported, aReport(), "Nguyễn Văn A");
    }
    CHECK(p.kind == PlanFile::Kind::Response);
    const std::string rid = p.responseId;
    CHECK(rid.size() == 32);
    CHECK(p.declaredBy == "Nguyễn Văn A");
    CHECK(p.actions[0].answered);
    CHECK(p.actions[0].action.report.made == "2019-01-10T09:00:00");
    CHECK(p.actions[0].action.report.seq == 1);
    // Read back and answered again: the other answer stays, the response id too.
    PlanFile q = PlanFile::parse(p.toXml(), "r.xml");
    {
        At at("2019-01-11T09:00:00");
        respond(q, "A-003", ActionStatus::Reported, aReport(Date(2019, 1, 11), "16/BC"), "");
        respond(q, "A-001", ActionStatus::Reported, aReport(Date(2019, 1, 11), "17/BC"), "");
    }
    CHECK(q.responseId == rid);
    CHECK(q.declaredBy == "Nguyễn Văn A");
    CHECK(q.actions[0].action.report.doc == "17/BC");
    CHECK(q.actions[0].action.report.seq == 2);
    CHECK(q.actions[1].answered);
    CHECK(q.actions[1].action.report.seq == 1);
    PlanFile r = PlanFile::parse(q.toXml(), "r.xml");
    CHECK(r.toXml() == q.toXml());
    CHECK(r.actions[0].action.report.made == "2019-01-11T09:00:00");
}

TEST_CASE("export → respond → import round trip, then idempotent re-import",
          "[tracking][exchange]") {
    test::ScratchDir dir;
    Audit a = withActions();
    std::string path = dir.file("t.audit.xml");
    AuditWriter::save(a, path);
    std::string response = responseText(a);

    Audit loaded = AuditReader::load(path);
    ImportResult r = import(loaded, response);
    CHECK(r.complete());
    CHECK(r.merged == std::vector<std::string>{"A-001", "A-003"});
    CHECK(loaded.actions[0].status == ActionStatus::Reported);
    CHECK(loaded.actions[0].report.doc == "15/BC-UBND");
    CHECK(loaded.actions[0].report.made == "2019-03-02T08:00:00");
    CHECK(loaded.actions[0].report.seq == 1);
    CHECK(loaded.actions[0].report.responseId.size() == 32);
    CHECK(loaded.actions[1].status == ActionStatus::Open);
    CHECK(loaded.actions[2].report.doc == "40/BC-UBND");
    REQUIRE(loaded.actions[0].history.size() == 1);
    // Who imported, and who the file says answered: declared, not authenticated.
    CHECK(loaded.actions[0].history[0].by == "tp");
    CHECK(loaded.actions[0].history[0].declaredBy == "Văn phòng UBND huyện");
    CHECK(loaded.actions[0].history[0].source == "r.xml");
    CHECK(r.change.code == "plan.import.declared");
    REQUIRE(r.change.args.size() == 4);
    CHECK(r.change.args[1] == "Văn phòng UBND huyện");
    CHECK(r.change.args[2] == "r.xml");
    CHECK(r.change.args[3] == "A-001, A-003");
    // Accepted since: re-importing the same response is still "already imported".
    Audit acc = loaded;
    acceptAction(acc.actions[0], "tp");
    ImportResult ra = import(acc, response);
    CHECK(ra.complete());
    CHECK(ra.unchanged == std::vector<std::string>{"A-001", "A-003"});
    AuditWriter::save(loaded, path);

    // The audit keeps made, seq, response id, declared-by and source.
    Audit again = AuditReader::load(path);
    CHECK(again.actions[0].report == loaded.actions[0].report);
    CHECK(again.actions[0].history == loaded.actions[0].history);
    const std::string before = AuditWriter::toXml(again);
    ImportResult r2 = import(again, response);
    CHECK_FALSE(r2.changed());
    CHECK(r2.complete());
    CHECK(r2.unchanged == std::vector<std::string>{"A-001", "A-003"});
    CHECK(AuditWriter::toXml(again) == before);
}

TEST_CASE("an extension between export and import: the others merge, the extended one is set aside",
          "[tracking][exchange]") {
    Audit a = withActions();
    const std::string response = responseText(a);
    extendAction(a.actions[2], Date(2019, 4, 30), "Chờ ý kiến của tỉnh", "tp");
    extendAction(a.actions[1], Date(2019, 1, 31), "Chờ sáp nhập", "tp");  // another unit's
    ImportResult r = import(a, response);
    CHECK(r.merged == std::vector<std::string>{"A-001"});
    CHECK(r.refused.empty());
    REQUIRE(r.setAside.size() == 1);
    CHECK(r.setAside[0].actionId == "A-003");
    CHECK(r.setAside[0].reason ==
          "A-003 đã được gia hạn sau khi xuất kế hoạch: xuất lại kế hoạch cho đơn vị");
    CHECK_FALSE(r.complete());
    CHECK(a.actions[2].status == ActionStatus::Open);
    CHECK(a.actions[0].status == ActionStatus::Reported);
}

TEST_CASE("a reopen or an edit since export is named neutrally", "[tracking][exchange]") {
    Audit a = withActions();
    reportAction(a.actions[0], aReport(Date(2019, 1, 2)), "x");
    const std::string response = responseText(a);
    reopenAction(a.actions[0], "tp", "Thiếu danh mục");
    a.actions[2].content = "Đề xuất hai sáng kiến.";
    ImportResult r = import(a, response);
    CHECK(r.merged.empty());
    CHECK_THAT(issues(r.setAside),
               Catch::Contains("A-001 đã được yêu cầu làm lại sau khi xuất kế hoạch") &&
                   Catch::Contains("A-003 đã được sửa nội dung sau khi xuất kế hoạch"));
}

TEST_CASE("an older response replayed after a newer one is refused", "[tracking][exchange]") {
    Audit a = withActions();
    PlanFile p = exportPlan(a, kUnit);
    PlanFile copy1 = p, copy2 = p;  // two copies of the same plan, answered on different days
    {
        At at("2019-01-10T08:00:00");
        respond(copy1, "A-001", ActionStatus::Reported, aReport(Date(2019, 1, 10), "10/BC"), "");
    }
    {
        At at("2019-01-20T08:00:00");
        respond(copy2, "A-001", ActionStatus::Reported, aReport(Date(2019, 1, 20), "20/BC"), "");
    }
    const std::string older = copy1.toXml(), newer = copy2.toXml();
    CHECK(import(a, newer).merged == std::vector<std::string>{"A-001"});
    ImportResult r = import(a, older);
    CHECK_FALSE(r.changed());
    REQUIRE(r.refused.size() == 1);
    CHECK_THAT(r.refused[0].reason, Catch::Contains("A-001") &&
                                        Catch::Contains("08:00 ngày 10/01/2019") &&
                                        Catch::Contains("không mới hơn"));
    CHECK(a.actions[0].report.doc == "20/BC");
    REQUIRE(a.actions[0].history.size() == 1);

    // Within one response file, an earlier revision (lower seq) is refused too.
    PlanFile same = PlanFile::parse(newer, "r.xml");
    {
        At at("2019-01-21T08:00:00");
        respond(same, "A-001", ActionStatus::Reported, aReport(Date(2019, 1, 21), "21/BC"), "");
    }
    const std::string rev2 = same.toXml();
    CHECK(import(a, rev2).merged == std::vector<std::string>{"A-001"});
    ImportResult back = import(a, newer);
    REQUIRE(back.refused.size() == 1);
    CHECK_THAT(back.refused[0].reason, Catch::Contains("lần sửa 1") && Catch::Contains("lần 2"));
    CHECK(a.actions[0].report.doc == "21/BC");
}

TEST_CASE("re-import after two reopen cycles does not set the action back to reported",
          "[tracking][exchange]") {
    Audit a = withActions();
    std::string first;
    {
        At at("2019-01-10T08:00:00");
        PlanFile p = exportPlan(a, kUnit);
        respond(p, "A-001", ActionStatus::Reported, aReport(Date(2019, 1, 10), "1/BC"), "");
        first = p.toXml();
    }
    CHECK(import(a, first).merged.size() == 1);
    reopenAction(a.actions[0], "tp", "Lần 1: thiếu");
    std::string second;
    {
        At at("2019-02-10T08:00:00");
        PlanFile p = exportPlan(a, kUnit);
        respond(p, "A-001", ActionStatus::Reported, aReport(Date(2019, 2, 10), "2/BC"), "");
        second = p.toXml();
    }
    CHECK(import(a, second).merged.size() == 1);
    reopenAction(a.actions[0], "tp", "Lần 2: vẫn thiếu");
    // The first answer: its action was reopened since (set aside).
    ImportResult r1 = import(a, first);
    CHECK_FALSE(r1.changed());
    REQUIRE(r1.setAside.size() == 1);
    CHECK_THAT(r1.setAside[0].reason, Catch::Contains("yêu cầu làm lại"));
    // The second: the answer the audit holds already (nothing to do, no status change).
    ImportResult r2 = import(a, second);
    CHECK_FALSE(r2.changed());
    CHECK(r2.unchanged == std::vector<std::string>{"A-001"});
    CHECK(a.actions[0].status == ActionStatus::Reopened);
    CHECK(a.actions[0].report.doc == "2/BC");
}

TEST_CASE("report dates before the notice or after today are refused", "[tracking][exchange]") {
    Audit a = withActions();
    PlanFile p = exportPlan(a, kUnit);
    {
        At at("2019-01-15T08:00:00");
        // Refused where the unit answers (session 9: taken, and refused days later at the import).
        CHECK_THROWS_WITH(respond(p, "A-001", ActionStatus::Reported, aReport(Date(2018, 12, 1)), ""),
                          Catch::Contains("A-001: ngày báo cáo 01/12/2018 trước ngày thông báo kết luận 05/12/2018"));
        CHECK_THROWS_WITH(respond(p, "A-003", ActionStatus::Reported, aReport(Date(2019, 1, 16)), ""),
                          Catch::Contains("A-003: ngày báo cáo 16/01/2019 sau ngày hôm nay 15/01/2019"));
        CHECK_FALSE(p.find("A-001")->answered);
        respond(p, "A-001", ActionStatus::Reported, aReport(Date(2019, 1, 10)), "");
        respond(p, "A-003", ActionStatus::Reported, aReport(Date(2019, 1, 15)), "");
    }
    // The import checks again: a response from another tool, or edited, with the same dates.
    p.find("A-001")->action.report.date = Date(2018, 12, 1);
    p.find("A-003")->action.report.date = Date(2019, 1, 16);
    ImportInput in;
    in.today = Date(2019, 1, 15);
    ImportResult r = importResponse(a, PlanFile::parse(p.toXml(), "r.xml"), "tp", in);
    CHECK(r.merged.empty());
    CHECK_THAT(issues(r.refused),
               Catch::Contains("A-001: ngày báo cáo 01/12/2018 trước ngày thông báo kết luận "
                               "05/12/2018") &&
                   Catch::Contains("A-003: ngày báo cáo 16/01/2019 sau ngày hôm nay 15/01/2019"));
    // An answer "made" after today: the unit's clock is wrong (it would make true answers look
    // older later).
    PlanFile future = exportPlan(a, kUnit);
    {
        At at("2030-01-01T08:00:00");
        respond(future, "A-001", ActionStatus::Reported, aReport(Date(2019, 1, 10)), "");
    }
    ImportResult rf = importResponse(a, PlanFile::parse(future.toXml(), "r.xml"), "tp", in);
    REQUIRE(rf.refused.size() == 1);
    CHECK_THAT(rf.refused[0].reason, Catch::Contains("08:00 ngày 01/01/2030") &&
                                         Catch::Contains("đồng hồ"));
        // Today from the clock (PAR_AUDIT_NOW).
    At at("2019-01-16T10:00:00");
    Audit b = withActions();
    ImportResult r2 = import(b, p.toXml());
    CHECK(r2.merged == std::vector<std::string>{"A-003"});
}

TEST_CASE("bad answers are refused per action, the others still merge",
          "[tracking][exchange][tamper]") {
    Audit a = withActions();
    const std::string good = responseText(a);
    auto refusedOnly = [&](const std::string& text) {
        Audit copy = a;
        ImportResult r = import(copy, text);
        CHECK(r.merged == std::vector<std::string>{"A-003"});  // A-001 is the tampered one
        return issues(r.refused) + issues(r.setAside);
    };
    SECTION("action content edited in the file") {
        CHECK_THAT(refusedOnly(replaced(good, "Bãi bỏ thành phần hồ sơ thừa.", "Xem xét.")),
                   Catch::Contains("A-001") && Catch::Contains("dấu vân tay"));
    }
    SECTION("deadline pushed back in the file") {
        CHECK_THAT(refusedOnly(replaced(good, "deadline=\"2019-01-17\"", "deadline=\"2019-06-17\"")),
                   Catch::Contains("A-001") && Catch::Contains("đã bị sửa"));
    }
    SECTION("the fingerprint replaced") {
        PlanFile p = PlanFile::parse(good, "r.xml");
        CHECK_THAT(refusedOnly(replaced(good, p.actions[0].fingerprint, std::string(64, '0'))),
                   Catch::Contains("A-001") && Catch::Contains("dấu vân tay"));
    }
    SECTION("a unit marking its own action accepted") {
        // As an answer...
        CHECK_THAT(refusedOnly(replaced(good, "status=\"reported\"", "status=\"accepted\"")),
                   Catch::Contains("A-001") && Catch::Contains("'reported'"));
    }
    SECTION("...or as an unanswered action") {
        Audit copy = a;
        PlanFile p = exportPlan(a, kUnit);
        respond(p, "A-003", ActionStatus::Reported, aReport(Date(2019, 3, 1)), "");
        std::string t = replaced(p.toXml(), "status=\"open\"", "status=\"accepted\"");
        ImportResult r = import(copy, t);
        CHECK(r.merged == std::vector<std::string>{"A-003"});
        REQUIRE(r.refused.size() == 1);
        CHECK_THAT(r.refused[0].reason, Catch::Contains("A-001") && Catch::Contains("đã hoàn thành"));
    }
    SECTION("an action the conclusions do not have") {
        CHECK_THAT(refusedOnly(replaced(good, "id=\"A-001\"", "id=\"A-099\"")),
                   Catch::Contains("A-099") && Catch::Contains("không có hành động này"));
    }
    SECTION("another unit's action slipped in") {
        CHECK_THAT(refusedOnly(replaced(good, "id=\"A-001\"", "id=\"A-002\"")),
                   Catch::Contains("A-002") && Catch::Contains("Phòng Nội vụ huyện Quỳnh Lưu"));
    }
    SECTION("a report on an accepted action") {
        Audit copy = a;
        reportAction(copy.actions[0], aReport(Date(2019, 1, 2)), "x");
        acceptAction(copy.actions[0], "tp");
        // The acceptance is a decision: the answer is set aside ("đã được công nhận").
        ImportResult r = import(copy, good);
        CHECK_THAT(issues(r.setAside), Catch::Contains("A-001 đã được công nhận hoàn thành"));
    }
}

TEST_CASE("whole-file refusals: another audit, unit, inspected unit, notice, a plan, format 1",
          "[tracking][exchange][tamper]") {
    Audit a = withActions();
    const std::string good = responseText(a);
    REQUIRE(refusal(a, good).empty());
    CHECK_THAT(refusal(a, replaced(good, "audit=\"T-1\"", "audit=\"T-2\"")),
               Catch::Contains("'T-2'") && Catch::Contains("'T-1'"));
    CHECK_THAT(refusal(a, replaced(good, "unit=\"UBND huyện Quỳnh Lưu\" inspected",
                                   "unit=\"UBND xã Quỳnh Châu\" inspected")),
               Catch::Contains("UBND xã Quỳnh Châu"));
    CHECK_THAT(refusal(a, replaced(good, "inspected-unit=\"UBND huyện Quỳnh Lưu\"",
                                   "inspected-unit=\"UBND huyện Diễn Châu\"")),
               Catch::Contains("Diễn Châu"));
    CHECK_THAT(refusal(a, replaced(good, "date=\"2018-12-05\"", "date=\"2018-12-20\"")),
               Catch::Contains("thông báo kết luận") && Catch::Contains("20/12/2018"));
    CHECK_THAT(refusal(a, exportPlan(a, kUnit).toXml()), Catch::Contains("tệp kế hoạch"));
    const std::string v1 =
        "<response format-version='1' audit='T-1' fingerprint='f' unit='UBND huyện Quỳnh Lưu'>"
        "<notice number='05/TB-SNV' date='2018-12-05'/></response>";
    CHECK_THAT(refusal(a, v1), Catch::Contains("định dạng cũ") && Catch::Contains("xuất lại"));
    PlanFile v1plan = PlanFile::parse(
        "<plan format-version='1' audit='T-1' fingerprint='f' unit='u'>"
        "<action id='A-001'/></plan>",
        "old.plan.xml");
    CHECK_THROWS_WITH(respond(v1plan, "A-001", ActionStatus::Reported, aReport(), ""),
                      Catch::Contains("old.plan.xml") && Catch::Contains("xuất lại"));
}

TEST_CASE("Tân Thành and Tân Thạnh are two units, Hòa and Hoà one", "[tracking][exchange][unit]") {
    Audit a = trackedAudit();
    a.findings[0].recommendation.responsible = "UBND xã Tân Thành";
    a.findings[1].recommendation.responsible = "UBND xã Tân Thạnh";
    a.findings[2].recommendation.responsible = "UBND xã Hoà Sơn";
    makeActions(a, calendar());
    REQUIRE(responsibleUnits(a).size() == 3);
    PlanFile thanh = exportPlan(a, "UBND xã Tân Thành");
    PlanFile thanh2 = exportPlan(a, "UBND xã Tân Thạnh");
    REQUIRE(thanh.actions.size() == 1);
    REQUIRE(thanh2.actions.size() == 1);
    CHECK(thanh.actions[0].action.id == "A-001");
    CHECK(thanh2.actions[0].action.id == "A-002");
    // Old and new tone placement, NFD and case name the same unit.
    CHECK(exportPlan(a, "UBND xã Hòa Sơn").actions.size() == 1);
    CHECK(exportPlan(a, "ubnd xã ho\xCC\x80" "a sơn").actions.size() == 1);
    // Without diacritics: both suggested, neither chosen.
    REQUIRE_THROWS_WITH(exportPlan(a, "Tan Thanh"),
                        Catch::Contains("không có đơn vị 'Tan Thanh'; có phải: UBND xã Tân Thành, "
                                        "UBND xã Tân Thạnh?"));
    // Tân Thạnh's response does not report Tân Thành's action.
    respond(thanh2, "A-002", ActionStatus::Reported, aReport(), "");
    std::string text = replaced(thanh2.toXml(), "id=\"A-002\"", "id=\"A-001\"");
    ImportResult r = import(a, text);
    CHECK(r.merged.empty());
    CHECK_THAT(issues(r.refused), Catch::Contains("A-001") && Catch::Contains("UBND xã Tân Thành"));
    // A response whose unit is written with the other tone placement imports.
    PlanFile hoa = exportPlan(a, "UBND xã Hòa Sơn");
    respond(hoa, "A-003", ActionStatus::Reported, aReport(), "");
    std::string hoaText = replaced(hoa.toXml(), "unit=\"UBND xã Hoà Sơn\"", "unit=\"UBND xã Hòa Sơn\"");
    CHECK(import(a, hoaText).merged == std::vector<std::string>{"A-003"});
}

TEST_CASE("plan files: bad input names file and line", "[tracking][exchange]") {
    REQUIRE_THROWS_WITH(PlanFile::parse("<audit format-version='1'/>", "p.xml"),
                        Catch::Contains("<plan>"));
    REQUIRE_THROWS_WITH(
        PlanFile::parse("<plan format-version='3' audit='a' export-id='e' unit='u'/>", "p.xml"),
        Catch::Contains("format-version 3"));
    REQUIRE_THROWS_WITH(PlanFile::parse("<plan format-version='2' audit='a' unit='u'/>", "p.xml"),
                        Catch::Contains("export-id"));
    REQUIRE_THROWS_WITH(
        PlanFile::parse("<plan format-version='2' audit='a' export-id='e' unit='u'>\n\n"
                        "<action id='A-001' status='done'/></plan>",
                        "p.xml"),
        Catch::Contains("p.xml:3") && Catch::Contains("'done'"));
    REQUIRE_THROWS_WITH(
        PlanFile::parse("<plan format-version='2' audit='a' export-id='e' unit='u'>\n"
                        "<action id='A-001' fingerprint='x'/></plan>",
                        "p.xml"),
        Catch::Contains("p.xml:2") && Catch::Contains("64"));
    const std::string fp(64, 'a');
    REQUIRE_THROWS_WITH(
        PlanFile::parse("<response format-version='2' audit='a' export-id='e' response-id='r' "
                        "unit='u'>\n<action id='A-001' fingerprint='" + fp +
                            "' status='reported'>\n<report date='2019-01-10' made='hôm qua' "
                            "seq='1'/></action></response>",
                        "r.xml"),
        Catch::Contains("r.xml:3") && Catch::Contains("YYYY-MM-DDTHH:MM:SS"));
    REQUIRE_THROWS_WITH(
        PlanFile::parse("<response format-version='2' audit='a' export-id='e' response-id='r' "
                        "unit='u'>\n<action id='A-001' fingerprint='" + fp +
                            "' status='reported'>\n<report date='2019-01-10' "
                            "made='2019-01-10T08:00:00' seq='1'>\n<evidence file='a.pdf' "
                            "size='3'/></report></action></response>",
                        "r.xml"),
        Catch::Contains("r.xml:4") && Catch::Contains("sha256"));
    REQUIRE_THROWS_WITH(
        PlanFile::parse("<response format-version='2' audit='a' export-id='e' unit='u'/>", "r.xml"),
        Catch::Contains("response-id"));
}

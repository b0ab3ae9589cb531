// SPDX-License-Identifier: Apache-2.0
// Respond mode's state: drafts per action, validation (every problem at once), evidence kept as
// bare file names, the response built exactly as `par-audit plan respond` builds it, reopening a
// response, and the saved response imported into the audit.
#include <catch2/catch.hpp>

#include "core/tracking/ResponseArchive.hpp"

#include "TestSupport.hpp"
#include "core/common/Text.hpp"
#include "core/tracking/ActionPlan.hpp"
#include "core/tracking/PlanExchange.hpp"
#include "core/tracking/ResponseArchive.hpp"
#include "core/tracking/TrackingFixtures.hpp"
#include "core/wizard/RespondState.hpp"

using namespace par;
using namespace par::track;
using namespace par::wizard;
using par::test::calendar;
using par::test::trackedAudit;

using par::test::withActions;

namespace {
// The plan of "UBND huyện Quỳnh Lưu" written to `dir`/quynh-luu.plan.xml.
std::string writePlan(const test::ScratchDir& dir, const Audit& a) {
    std::string path = dir.file("quynh-luu.plan.xml");
    test::writeText(path, exportPlan(a, "UBND huyện Quỳnh Lưu").toXml());
    return path;
}

ResponseDraft aDraft() {
    ResponseDraft d;
    d.report = true;
    d.date = "10/01/2019";
    d.doc = "15/BC-UBND";
    d.note = "Đã ban hành Quyết định số 15/QĐ-UBND bãi bỏ.";
    return d;
}

// The response text without its time of response, which differs between two runs.
std::string withoutTime(PlanFile p) {
    p.respondedAt.clear();
    p.responseId.clear();  // random, once per response file
    for (auto& a : p.actions) a.action.report.made.clear();
    return p.toXml();
}
}  // namespace

TEST_CASE("respond: a plan opens with nothing reported", "[wizard][respond]") {
    setLanguage(Language::Vietnamese);
    test::ScratchDir dir;
    RespondState s = RespondState::open(writePlan(dir, withActions()));
    REQUIRE(s.count() == 2);
    CHECK(s.action(0).action.id == "A-001");
    CHECK_FALSE(s.action(0).findingText.empty());
    CHECK(s.title(0) == "A-001 · hạn 17/01/2019 · Chưa thực hiện");
    CHECK(s.reportedCount() == 0);
    CHECK_FALSE(s.dirty());
    auto ps = s.problems();
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].actionId.empty());
    CHECK_THROWS_AS(s.build("vp"), UsageError);
    CHECK(s.defaultOutput() == dir.file("quynh-luu.response.xml"));  // nothing attached
}

TEST_CASE("respond: the response equals `plan respond`", "[wizard][respond]") {
    test::ScratchDir dir;
    Audit a = withActions();
    std::string planPath = writePlan(dir, a);
    RespondState s = RespondState::open(planPath);
    s.setDraft(0, aDraft());
    CHECK(s.dirty());
    CHECK(s.problems().empty());
    PlanFile built = s.build("Văn phòng UBND huyện");

    PlanFile cli = PlanFile::load(planPath);
    ActionReport r;
    r.date = Date(2019, 1, 10);
    r.doc = "15/BC-UBND";
    r.note = "Đã ban hành Quyết định số 15/QĐ-UBND bãi bỏ.";
    respond(cli, "A-001", ActionStatus::Reported, r, "Văn phòng UBND huyện");
    CHECK(withoutTime(built) == withoutTime(cli));
    CHECK(built.kind == PlanFile::Kind::Response);

    // Saved, it imports into the audit.
    s.save(s.defaultOutput(), "Văn phòng UBND huyện");
    CHECK_FALSE(s.dirty());
    PlanFile saved = PlanFile::load(dir.file("quynh-luu.response.xml"));
    ImportResult res = importResponse(a, saved, "tp");
    CHECK(res.merged == std::vector<std::string>{"A-001"});
    const ActionReport& in = a.findAction("A-001")->report;
    CHECK(in.date == r.date);
    CHECK(in.doc == r.doc);
    CHECK(in.note == r.note);
    CHECK(in.seq == 1);
    CHECK(in.responseId == saved.responseId);
}

TEST_CASE("respond: every problem at once, naming the action", "[wizard][respond]") {
    setLanguage(Language::Vietnamese);
    test::ScratchDir dir;
    RespondState s = RespondState::open(writePlan(dir, withActions()));
    ResponseDraft d = aDraft();
    d.date = "";
    s.setDraft(0, d);
    d.date = "31/02/2019";
    s.setDraft(1, d);
    auto ps = s.problems();
    REQUIRE(ps.size() == 2);
    CHECK(ps[0].actionId == "A-001");
    CHECK(ps[0].message == "A-001: cần ngày báo cáo");
    CHECK(ps[1].actionId == "A-003");
    CHECK_THAT(ps[1].message, Catch::Contains("31/02/2019"));
    CHECK_THROWS_WITH(s.build("vp"), Catch::Contains("A-001") && Catch::Contains("A-003"));
    d.date = "2019-03-01";  // ISO is accepted too
    s.setDraft(1, d);
    d.report = false;  // no longer reporting A-001: its empty date does not matter
    s.setDraft(0, d);
    CHECK(s.problems().empty());
    PlanFile p = s.build("vp");
    CHECK(p.actions[0].action.status == ActionStatus::Open);
    CHECK(p.actions[1].action.status == ActionStatus::Reported);
    CHECK(p.actions[1].action.report.date == Date(2019, 3, 1));
}

TEST_CASE("respond: picked evidence files are packed into the .response.zip and import",
          "[wizard][respond][evidence]") {
    setLanguage(Language::Vietnamese);
    test::ScratchDir dir;
    Audit a = withActions();
    RespondState s = RespondState::open(writePlan(dir, a));
    s.setDraft(0, aDraft());
    CHECK_FALSE(s.addEvidence(0, ""));
    test::writeText(dir.file("biên bản.pdf"), "%PDF biên bản");
    CHECK(s.addEvidence(0, dir.file("biên bản.pdf")));
    CHECK(s.problems().empty());
    CHECK(s.defaultOutput() == dir.file("quynh-luu.response.zip"));
    // Asked for the .xml, a response with evidence is written as the .zip beside it (as `plan
    // respond` does), and says so by the path it returns.
    CHECK(s.save(dir.file("quynh-luu.response.xml"), "vp") == dir.file("quynh-luu.response.zip"));
    s.save(s.defaultOutput(), "vp");
    // Reopened from the zip: the evidence is still there, and saving again keeps it.
    RespondState again = RespondState::open(dir.file("quynh-luu.response.zip"));
    CHECK(again.draft(0).evidence == std::vector<std::string>{"biên bản.pdf"});
    CHECK(again.problems().empty());
    again.save(again.defaultOutput(), "vp");
    ResponsePackage pkg = readResponsePackage(dir.file("quynh-luu.response.zip"));
    REQUIRE(pkg.evidence.count("A-001/biên bản.pdf") == 1);
    ImportInput in;
    in.evidence = pkg.evidence;
    ImportResult r = importResponse(a, pkg.response, "tp", in);
    CHECK(r.merged == std::vector<std::string>{"A-001"});
    CHECK(r.evidence.at("A-001").at("biên bản.pdf") == "%PDF biên bản");
    // A bare name without its file cannot be saved.
    RespondState bare = RespondState::open(writePlan(dir, a));
    ResponseDraft d = aDraft();
    d.evidence = {"khong-co.pdf"};
    bare.setDraft(0, d);
    REQUIRE(bare.problems().size() == 1);
    CHECK_THAT(bare.problems()[0].message, Catch::Contains("khong-co.pdf") && Catch::Contains("Thêm tệp"));
}

TEST_CASE("respond: evidence keeps bare file names only", "[wizard][respond]") {
    CHECK(RespondState::evidenceName("/home/vp/Tài liệu/qd-15.pdf") == "qd-15.pdf");
    CHECK(RespondState::evidenceName("C:\\Users\\vp\\bc 40.docx") == "bc 40.docx");
    CHECK(RespondState::evidenceName("../../etc/passwd") == "passwd");
    CHECK(RespondState::evidenceName("  anh-chup.jpg ") == "anh-chup.jpg");
    CHECK_FALSE(RespondState::evidenceName(".."));
    CHECK_FALSE(RespondState::evidenceName("hs/.."));
    CHECK_FALSE(RespondState::evidenceName("a/b/"));
    CHECK_FALSE(RespondState::evidenceName(""));
    CHECK_FALSE(RespondState::evidenceName("a\nb.pdf"));
    CHECK_FALSE(RespondState::evidenceName(std::string(252, 'a') + ".pdf"));  // 256 bytes
    CHECK(RespondState::evidenceName(std::string(251, 'a') + ".pdf"));
    CHECK_FALSE(RespondState::evidenceName("\xff\xfe.pdf"));
    // Decomposed diacritics (as some file systems give them) are stored composed (NFC).
    CHECK(RespondState::evidenceName("Quye\xcc\x82\xcc\x81t-dinh.pdf") == "Quy\xe1\xba\xbft-dinh.pdf");

    test::ScratchDir dir;
    RespondState s = RespondState::open(writePlan(dir, withActions()));
    CHECK(s.addEvidence(0, "/tmp/x/qd-15.pdf"));
    CHECK_FALSE(s.addEvidence(0, "/other/qd-15.pdf"));  // already there
    CHECK_FALSE(s.addEvidence(0, "/tmp/.."));
    CHECK(s.addEvidence(0, "bc.pdf"));
    CHECK(s.draft(0).evidence == std::vector<std::string>{"qd-15.pdf", "bc.pdf"});
    CHECK(s.evidenceSource(0, "qd-15.pdf") == "/tmp/x/qd-15.pdf");
    s.removeEvidence(0, 0);
    CHECK(s.draft(0).evidence == std::vector<std::string>{"bc.pdf"});
    CHECK(s.evidenceSource(0, "qd-15.pdf").empty());
    // A name with a folder typed into a draft directly is a problem; so is a name without its file.
    ResponseDraft d = aDraft();
    d.evidence = {"../qd.pdf", "qd.pdf"};
    s.setDraft(1, d);
    auto ps = s.problems(1);
    REQUIRE(ps.size() == 2);
    CHECK_THAT(ps[0].message, Catch::Contains("../qd.pdf"));
    CHECK_THAT(ps[1].message, Catch::Contains("qd.pdf") && Catch::Contains("Thêm tệp"));
    // A name Windows cannot hold (a device name) is refused with the reason.
    test::writeText(dir.file("CON.pdf"), "x");
    d.evidence.clear();
    s.setDraft(1, d);
    CHECK(s.addEvidence(1, dir.file("CON.pdf")));
    ps = s.problems(1);
    REQUIRE(ps.size() == 1);
    CHECK_THAT(ps[0].message, Catch::Contains("CON.pdf"));
}

TEST_CASE("respond: evidence files travel in the zip and the import keeps them",
          "[wizard][respond][evidence]") {
    setLanguage(Language::Vietnamese);
    test::ScratchDir dir;
    Audit a = withActions();
    RespondState s = RespondState::open(writePlan(dir, a));
    test::writeText(dir.file("qd-15.pdf"), "%PDF-1.4 quyết định 15");
    s.setDraft(0, aDraft());
    REQUIRE(s.addEvidence(0, dir.file("qd-15.pdf")));
    CHECK(s.problems().empty());
    CHECK(s.defaultOutput() == dir.file("quynh-luu.response.zip"));
    // Asked to write .xml with evidence: the zip beside it is written.
    std::string out = s.save(dir.file("quynh-luu.response.xml"), "vp");
    CHECK(out == dir.file("quynh-luu.response.zip"));
    CHECK_FALSE(s.dirty());
    ResponsePackage pkg = readResponsePackage(out);
    REQUIRE(pkg.zipped);
    REQUIRE(pkg.evidence.count("A-001/qd-15.pdf") == 1);
    CHECK(pkg.evidence.at("A-001/qd-15.pdf") == "%PDF-1.4 quyết định 15");
    const PlanAction* pa = pkg.response.find("A-001");
    REQUIRE(pa != nullptr);
    REQUIRE(pa->evidence.size() == 1);
    CHECK(pa->evidence[0].size == std::string("%PDF-1.4 quyết định 15").size());
    CHECK(pa->evidence[0].sha256.size() == 64);

    // The plan opened again continues that response (its answer and file kept), and a second
    // action answered adds to it.
    RespondState again = RespondState::open(dir.file("quynh-luu.plan.xml"));
    CHECK(again.file().kind == PlanFile::Kind::Response);
    CHECK(again.draft(0).evidence == std::vector<std::string>{"qd-15.pdf"});
    again.setDraft(1, aDraft());
    CHECK(again.save(again.defaultOutput(), "vp") == out);
    ResponsePackage both = readResponsePackage(out);
    CHECK(both.evidence.count("A-001/qd-15.pdf") == 1);
    CHECK(both.response.find("A-001")->answered);
    CHECK(both.response.find("A-003")->answered);

    // Imported: both merge, the file lands in the audit's evidence folder check (hash verified).
    ImportInput in;
    in.evidence = both.evidence;
    // Today is the clock's (the default): the answers were written ('made') now, and an answer
    // made after the import's today is refused as a wrong clock.
    both.response.file = out;
    ImportResult res = importResponse(a, both.response, "tp", in);
    for (const auto& i : res.refused) UNSCOPED_INFO(i.reason);
    for (const auto& i : res.setAside) UNSCOPED_INFO(i.reason);
    CHECK(res.merged == std::vector<std::string>{"A-001", "A-003"});
    CHECK(res.complete());
    CHECK(res.evidence.at("A-001").at("qd-15.pdf") == "%PDF-1.4 quyết định 15");
}

TEST_CASE("respond: a response reopens with its reports, accepted actions cannot be reported",
          "[wizard][respond]") {
    test::ScratchDir dir;
    Audit a = withActions();
    RespondState s = RespondState::open(writePlan(dir, a));
    s.setDraft(0, aDraft());
    std::string out = s.defaultOutput();
    s.save(out, "vp");
    PlanFile first = PlanFile::load(out);

    RespondState again = RespondState::open(out);
    CHECK(again.defaultOutput() == out);  // a response is updated in place
    CHECK(again.draft(0).report);
    CHECK(again.draft(0).date == "10/01/2019");
    CHECK(again.draft(0).doc == "15/BC-UBND");
    CHECK(again.draft(0).evidence.empty());  // aDraft() attaches none
    CHECK_FALSE(again.draft(1).report);
    CHECK(again.title(0) == fmt(tr("{} · hạn {} · {}", "{} · due {} · {}"), "A-001", "17/01/2019",
                                actionStatusLabel(ActionStatus::Reported)));
    // Saved unchanged: the same report, no second history entry, the same time of response.
    CHECK(again.build("vp").toXml() == first.toXml());

    // The Department accepted A-001, then sent the plan again.
    ActionReport r;
    r.date = Date(2019, 1, 10);
    reportAction(a.actions[0], r, "vp");
    acceptAction(a.actions[0], "tp");
    RespondState accepted(exportPlan(a, "UBND huyện Quỳnh Lưu"));
    CHECK_FALSE(accepted.canReport(0));
    CHECK(accepted.canReport(1));
    accepted.setDraft(0, aDraft());
    auto ps = accepted.problems();
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].actionId == "A-001");
}

TEST_CASE("respond: plan and response files are told from audits", "[wizard][respond]") {
    test::ScratchDir dir;
    std::string plan = writePlan(dir, withActions());
    CHECK(RespondState::isPlanFile(plan));
    test::writeText(dir.file("r.xml"), "<?xml version=\"1.0\"?>\n<!-- <plan> -->\n<response\n a='1'/>");
    CHECK(RespondState::isPlanFile(dir.file("r.xml")));
    CHECK_FALSE(RespondState::isPlanFile(test::sourcePath("samples/quynh-luu-2018/quynh-luu-2018.audit.xml")));
    test::writeText(dir.file("p.xml"), "<planned/>");
    CHECK_FALSE(RespondState::isPlanFile(dir.file("p.xml")));
    CHECK_FALSE(RespondState::isPlanFile(dir.file("none.xml")));
}

// (session 9: the page and `plan respond` took them; the import refused them days later)
TEST_CASE("respond: a report date before the notice or after today is shown on the page", "[wizard][respond]") {
    setLanguage(Language::Vietnamese);
    test::ScratchDir dir;
    RespondState s = RespondState::open(writePlan(dir, withActions()));
    ::setenv("PAR_AUDIT_NOW", "2019-01-15T08:00:00", 1);  // today, for this case
    ResponseDraft d = aDraft();
    d.date = "01/12/2018";
    s.setDraft(0, d);
    auto ps = s.problems(0);
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].actionId == "A-001");
    CHECK(ps[0].message == "A-001: ngày báo cáo 01/12/2018 trước ngày thông báo kết luận 05/12/2018");
    d.date = "16/01/2019";
    s.setDraft(0, d);
    REQUIRE(s.problems(0).size() == 1);
    CHECK(s.problems(0)[0].message == "A-001: ngày báo cáo 16/01/2019 sau ngày hôm nay 15/01/2019");
    CHECK_THROWS_AS(s.build("vp"), UsageError);
    d.date = "15/01/2019";
    s.setDraft(0, d);
    CHECK(s.problems().empty());
    ::unsetenv("PAR_AUDIT_NOW");
}

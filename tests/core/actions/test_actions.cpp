// SPDX-License-Identifier: Apache-2.0
// The core's user actions: details, notice, team, findings, what a document needs, the change log
// stored as codes and put into words in either language, audit files of format 1 still opening.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <thread>

#include "TestSupport.hpp"
#include "core/actions/AuditCreation.hpp"
#include "core/actions/AuditTransaction.hpp"
#include "core/actions/ChangeText.hpp"
#include "core/actions/DetailsActions.hpp"
#include "core/actions/FindingActions.hpp"
#include "core/actions/NoticeActions.hpp"
#include "core/actions/NoticeReadiness.hpp"
#include "core/actions/TeamActions.hpp"
#include "core/common/Error.hpp"
#include "core/model/AuditBundle.hpp"
#include "core/model/AuditReader.hpp"
#include "core/model/AuditWriter.hpp"

using namespace par;
using namespace par::actions;
using namespace par::test;

namespace {
std::string sample() { return sourcePath("samples/quynh-luu-2018/quynh-luu-2018.audit.xml"); }

// The sample with the catalog and registry it refers to.
void copySample(const ScratchDir& dir) {
    namespace fs = std::filesystem;  // (not `cp`: the test runs on Windows too)
    for (const auto& e : fs::directory_iterator(fs::u8path(sourcePath("samples/quynh-luu-2018"))))
        if (e.path().extension() == ".xml")
            fs::copy_file(e.path(), fs::u8path(dir.path()) / e.path().filename());
}

Form twoAreas() {
    Form f;
    f.id = "f";
    f.areas.push_back({"procedures", {}});
    f.areas.push_back({"leadership", {}});
    f.categories.push_back({"other", {}});
    return f;
}
}  // namespace

TEST_CASE("details: set, clear, refuse with the field named", "[actions]") {
    Audit a;
    a.unit.name = "UBND xã Ngọc Sơn";
    auto c = setDetail(a, "plan-issuer", "  UBND tỉnh Nghệ An ");
    REQUIRE(c);
    CHECK(a.plan.issuer == "UBND tỉnh Nghệ An");
    CHECK(c->code == "details.set");
    CHECK_FALSE(setDetail(a, "plan-issuer", "UBND tỉnh Nghệ An"));  // unchanged: nothing to log
    REQUIRE(setDetail(a, "visit-start", "02/03/2026"));
    CHECK(a.visitStart == Date(2026, 3, 2));
    CHECK_THROWS_WITH(setDetail(a, "visit-end", "01/03/2026"), Catch::Contains("visit-end") && Catch::Contains("trước"));
    CHECK_FALSE(a.visitEnd);  // refused: unchanged
    CHECK_THROWS_WITH(setDetail(a, "plan-date", "31/02/2026"), Catch::Contains("plan-date") && Catch::Contains("31/02/2026"));
    CHECK_THROWS_WITH(setDetail(a, "colour", "x"), Catch::Contains("'colour'") && Catch::Contains("plan-issuer"));
    CHECK_THROWS_AS(setDetail(a, "unit-name", " "), UsageError);
    auto cleared = setDetail(a, "plan-issuer", "");
    REQUIRE(cleared);
    CHECK(cleared->code == "details.clear");
}

TEST_CASE("notice: fields, lists, checks and suggestions", "[actions]") {
    Audit a;
    a.unit.name = "UBND xã Ngọc Sơn";
    a.body = {"UBND TỈNH NGHỆ AN", "SỞ NỘI VỤ", "SNV", "Nghệ An"};
    a.plan = {"257/KH-UBND", Date(2026, 1, 15), "UBND tỉnh Nghệ An"};
    a.decision = {"12/QĐ-SNV", Date(2026, 2, 20), ""};
    a.visitStart = Date(2026, 3, 2);
    Form form = twoAreas();
    REQUIRE(setNoticeField(a, "number", "05"));
    CHECK_THROWS_WITH(setNoticeField(a, "number", "05/TB-SNV"), Catch::Contains("symbol"));
    CHECK_THROWS_WITH(setNoticeField(a, "symbol", "TB SNV"), Catch::Contains("TB-SNV"));
    CHECK_THROWS_WITH(setNoticeField(a, "date", "01/03/2026"), Catch::Contains("trước ngày kiểm tra"));
    CHECK_FALSE(a.notice.date);
    REQUIRE(setNoticeField(a, "date", "2026-03-20"));
    CHECK_THROWS_WITH(setNoticeField(a, "report-by", "19/03/2026"), Catch::Contains("trước ngày thông báo"));
    CHECK_THROWS_WITH(setNoticeField(a, "sign-for", "GIÁM ĐỐC"), Catch::Contains("KT."));
    REQUIRE(setNoticeField(a, "sign-for", "KT. GIÁM ĐỐC"));
    CHECK(noticeValue(a, "date") == "20/03/2026");

    addNoticeItem(a, form, "area-summary", "procedures: Đã niêm yết");
    CHECK(a.notice.areaSummaries.at(0).area == "procedures");
    CHECK(a.notice.areaSummaries.at(0).text == "Đã niêm yết");
    CHECK_THROWS_WITH(addNoticeItem(a, form, "area-summary", "nowhere:x"), Catch::Contains("'nowhere'") && Catch::Contains("procedures"));
    CHECK_THROWS_WITH(addNoticeItem(a, form, "area-summary", "no colon"), Catch::Contains("AREA:TEXT") || Catch::Contains("LĨNH_VỰC"));
    CHECK_THROWS_AS(addNoticeItem(a, form, "strength", "  "), UsageError);
    addNoticeItem(a, form, "recipient", "Sở Tư pháp");
    addNoticeItem(a, form, "recipient", "UBND xã Ngọc Sơn");
    auto removed = removeNoticeItem(a, "recipient", 1);
    CHECK(removed.args.at(2) == "Sở Tư pháp");
    CHECK(a.notice.recipients == std::vector<std::string>{"UBND xã Ngọc Sơn"});
    CHECK_THROWS_WITH(removeNoticeItem(a, "recipient", 3), Catch::Contains("1"));

    auto filled = fillNoticeDefaults(a);
    CHECK(a.notice.symbol == "TB-SNV");
    CHECK(a.notice.summary == "Kết luận kiểm tra công tác cải cách hành chính tại UBND xã Ngọc Sơn");
    REQUIRE(a.notice.bases.size() == 2);
    CHECK(a.notice.bases[0] == "Kế hoạch số 257/KH-UBND ngày 15/01/2026 của UBND tỉnh Nghệ An về kiểm tra công tác cải cách hành chính");
    CHECK(a.notice.bases[1] == "Quyết định số 12/QĐ-SNV ngày 20/02/2026 của Sở Nội vụ thành lập Đoàn kiểm tra");
    CHECK(a.notice.recipients.size() == 1);  // recipients were not empty: left alone
    CHECK(fillNoticeDefaults(a).empty());    // a second time fills nothing
}

TEST_CASE("team: roles read in both languages, one leader", "[actions]") {
    Audit a;
    addTeamMember(a, "Nguyễn Văn An", "Trưởng đoàn", "Phó Giám đốc");
    addTeamMember(a, "Trần Thị Bình", "thu ky", "");
    addTeamMember(a, "Lê Văn Cường", "deputy", "");
    CHECK(a.team.at(0).role == "leader");
    CHECK(a.team.at(1).role == "secretary");
    CHECK(a.team.at(2).role == "deputy-leader");
    CHECK_THROWS_WITH(addTeamMember(a, "X", "leader", ""), Catch::Contains("Nguyễn Văn An"));
    CHECK_THROWS_WITH(addTeamMember(a, "Y", "boss", ""), Catch::Contains("'boss'"));
    CHECK_THROWS_AS(addTeamMember(a, "Trần Thị Bình", "member", ""), UsageError);
    CHECK_THROWS_WITH(removeTeamMember(a, "Z"), Catch::Contains("Nguyễn Văn An"));
    removeTeamMember(a, "Trần Thị Bình");
    CHECK(a.team.size() == 2);
    CHECK(teamRoleLabel("deputy-leader", Language::Vietnamese) == "Phó Trưởng đoàn");
    CHECK(teamRoleLabel("secretary", Language::English) == "Secretary");
}

TEST_CASE("findings: add, edit keeps the team's wording, dismiss, restore, merge", "[actions]") {
    AuditBundle b = AuditBundle::open(sample());
    Audit& a = b.audit;
    const Form& form = *b.form;
    FindingsEngine(form, b.reference).apply(a);  // the rules' findings, as `findings --save` stores them
    FindingInput in;
    in.area = form.areas.front().id;
    in.severity = "cao";
    in.text = "Chưa ban hành quy chế";
    in.deadline = "30 ngày làm việc";
    ChangeCode added = addFinding(a, form, in);
    const std::string id = added.args.at(0);
    Finding* f = a.findFinding(id);
    REQUIRE(f != nullptr);
    CHECK(f->origin == FindingOrigin::Manual);
    CHECK(f->severity == Severity::High);
    CHECK(f->recommendation.responsible == a.unit.name);
    CHECK(f->recommendation.deadline.str() == "30 working-days");

    FindingInput bad;
    bad.area = "nowhere";
    CHECK_THROWS_WITH(editFinding(a, form, id, bad), Catch::Contains("'nowhere'"));
    FindingInput missing;
    missing.text = "x";
    CHECK_THROWS_AS(addFinding(a, form, missing), UsageError);  // area and severity required

    auto firstRule = std::find_if(a.findings.begin(), a.findings.end(), [](const Finding& x) { return x.origin == FindingOrigin::Rule; });
    REQUIRE(firstRule != a.findings.end());
    Finding& rule = *firstRule;
    const std::string ruleId = rule.id;
    FindingInput rec;
    rec.recommendation = "Kiến nghị của đoàn";
    REQUIRE(editFinding(a, form, rule.id, rec));
    CHECK(a.findFinding(ruleId)->edited);  // the next evaluation keeps it

    CHECK_THROWS_AS(dismissFinding(a, id, "  "), UsageError);
    dismissFinding(a, id, "Trùng");
    CHECK_FALSE(a.findFinding(id)->inEffect());
    REQUIRE(restoreFinding(a, id));
    CHECK(a.findFinding(id)->inEffect());
    CHECK_FALSE(restoreFinding(a, id));

    ChangeCode m = mergeFindings(a, ruleId, {id});
    CHECK(m.args == std::vector<std::string>{ruleId, id});
    CHECK(a.findFinding(id)->dismissed);
    CHECK(a.findFinding(id)->duplicateOf == ruleId);
    CHECK_THROWS_AS(mergeFindings(a, id, {ruleId}), UsageError);  // the kept one must be in effect
    CHECK_THROWS_AS(mergeFindings(a, ruleId, {ruleId}), UsageError);

    // Saved and read back: the duplicate relation survives.
    std::string xml = AuditWriter::toXml(a);
    Audit back = AuditReader::parse(xml, "x.audit.xml");
    CHECK(back.findFinding(id)->duplicateOf == ruleId);
}

TEST_CASE("deadlines as people type them", "[actions]") {
    CHECK(parseDeadlineInput("30 ngày làm việc").str() == "30 working-days");
    CHECK(parseDeadlineInput("15 ngày").str() == "15 calendar-days");
    CHECK(parseDeadlineInput("31/03/2026").str() == "2026-03-31");
    CHECK(parseDeadlineInput("").kind == DeadlineRule::Kind::None);
    CHECK_THROWS_WITH(parseDeadlineInput("sớm"), Catch::Contains("'sớm'"));
}

TEST_CASE("what a notice needs before it is printed for signing", "[actions]") {
    Audit a;
    auto missing = missingParts(a, DocumentKind::Notice);
    auto has = [&](const std::string& f) {
        for (const auto& m : missing)
            if (m.field == f && m.required) return true;
        return false;
    };
    CHECK(has("number"));
    CHECK(has("date"));
    CHECK(has("signer"));
    CHECK(has("body-name"));
    CHECK_FALSE(readyToPrint(missing));
    CHECK(fixCommand(missing.front(), "my audit.audit.xml").find("'my audit.audit.xml'") != std::string::npos);
    AuditBundle b = AuditBundle::open(sample());
    CHECK(readyToPrint(missingParts(b.audit, DocumentKind::Notice)));  // the 2018 sample is complete
    CHECK(readyToPrint(missingParts(b.audit, DocumentKind::Minutes)));
}

TEST_CASE("the change log holds codes and values, read in the reader's language", "[actions]") {
    ChangeCode c{"notice.set", {"date", "2026-03-20"}};
    CHECK(describe(c, Language::Vietnamese) == "Thông báo kết luận: ngày thông báo = 20/03/2026");
    CHECK(describe(c, Language::English) == "Conclusion notice: notice date = 20/03/2026");
    ChangeCode merge{"finding.merge", {"F-002", "F-005", "F-006"}};
    CHECK(describe(merge, Language::Vietnamese) == "Gộp vào phát hiện F-002 các phát hiện trùng: F-005, F-006");
    ChangeCode team{"team.add", {"Nguyễn Văn An", "leader"}};
    CHECK(describe(team, Language::English) == "Team: added Nguyễn Văn An (Team leader)");
    CHECK(describe(ChangeCode{"future.thing", {"x"}}, Language::Vietnamese) == "future.thing x");

    Audit a;
    a.unit.name = "x";
    a.form.id = "cchc-xa";
    a.logChange(c, "thu-ky");
    a.logChange("Một câu cũ", "thu-ky");
    Audit back = AuditReader::parse(AuditWriter::toXml(a), "x.audit.xml");
    REQUIRE(back.changeLog.size() == 2);
    CHECK(back.changeLog[0].code == "notice.set");
    CHECK(back.changeLog[0].args == c.args);
    CHECK(back.changeLog[0].what.empty());
    CHECK(describe(back.changeLog[1], Language::English) == "Một câu cũ");
}

TEST_CASE("format 1 audits open, save as format 2 and keep their fingerprint", "[actions][migration]") {
    ScratchDir dir;
    const std::string copy = dir.file("quynh-luu-2018.audit.xml");
    copySample(dir);
    REQUIRE(readText(copy).find("format-version=\"1\"") != std::string::npos);
    Audit before = AuditReader::load(copy);
    const std::string fp = before.fingerprint();
    auto r = modifyAudit(copy, [](AuditBundle& b) {
        auto c = setDetail(b.audit, "plan-issuer", "UBND tỉnh Nghệ An");
        return std::vector<ChangeCode>{*c};
    });
    CHECK(r.changes.size() == 1);
    std::string saved = readText(copy);
    CHECK(saved.find("format-version=\"2\"") != std::string::npos);
    CHECK(saved.find("issuer=\"UBND tỉnh Nghệ An\"") != std::string::npos);
    Audit after = AuditReader::load(copy);
    CHECK(after.changeLog.size() == before.changeLog.size() + 1);
    CHECK(after.changeLog.front().what == before.changeLog.front().what);  // old sentences kept
    // Without the new attribute, the same content gives the same fingerprint as before.
    after.plan.issuer.clear();
    CHECK(after.fingerprint() == fp);
}

TEST_CASE("a transaction that throws writes nothing", "[actions]") {
    ScratchDir dir;
    const std::string copy = dir.file("quynh-luu-2018.audit.xml");
    copySample(dir);
    std::string before = readText(copy);
    CHECK_THROWS_AS(modifyAudit(copy,
                                [](AuditBundle& b) -> std::vector<ChangeCode> {
                                    setDetail(b.audit, "plan-issuer", "X");
                                    throw UsageError("no");
                                }),
                    UsageError);
    CHECK(readText(copy) == before);
    auto r = modifyAudit(copy, [](AuditBundle&) { return std::vector<ChangeCode>{}; });
    CHECK(r.changes.empty());
    CHECK(readText(copy) == before);  // nothing to do: not even the revision moves
}

TEST_CASE("a language scope changes the calling thread only", "[actions][language]") {
    setLanguage(Language::Vietnamese);
    LanguageScope scope(Language::English);
    CHECK(language() == Language::English);
    Language other = Language::English;
    std::thread t([&] { other = language(); });
    t.join();
    CHECK(other == Language::Vietnamese);
}

TEST_CASE("a new audit's id: the visit's year, and never an id the folder already has",
          "[actions][id]") {
    ScratchDir dir;
    const std::string path = dir.file("quynh-luu.audit.xml");
    CHECK(deriveAuditId(path, std::nullopt) == "quynh-luu");
    CHECK(deriveAuditId(path, Date(2026, 3, 2)) == "quynh-luu-2026");
    CHECK(deriveAuditId(dir.file("quynh-luu-2026.audit.xml"), Date(2026, 3, 2)) == "quynh-luu-2026");
    // Last year's audit, saved in the same folder under this year's would-be id.
    writeText(dir.file("nam-truoc.audit.xml"),
              "<?xml version=\"1.0\"?>\n<audit format-version=\"2\" id=\"quynh-luu-2026\" revision=\"1\">\n"
              "<unit name=\"x\"/></audit>\n");
    CHECK(deriveAuditId(path, Date(2026, 3, 2)) == "quynh-luu-2026-2");
    // Two years of the same file name do not collide.
    CHECK(deriveAuditId(path, Date(2025, 11, 20)) == "quynh-luu-2025");
}

// SPDX-License-Identifier: Apache-2.0
// A 2026 inspection of a commune from a blank audit to the signed notice, with commands alone and
// no hand edits (the user guide's walk), and the parity of the CLI and the app: the same sequence of
// user actions through `par-audit` and through the app's page states saves byte-identical audits.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "TestSupport.hpp"
#include "core/actions/FindingActions.hpp"
#include "core/wizard/AnswerEditor.hpp"
#include "core/wizard/AuditSession.hpp"
#include "core/wizard/DetailsPageState.hpp"
#include "core/wizard/FindingsReview.hpp"
#include "core/wizard/NoticePageState.hpp"

using namespace par;
using namespace par::test;

namespace {
std::string cli() { return binaryPath("par-audit") + " --lang vi"; }

// Every change is stamped with this time and user, so that two runs can be compared byte for byte.
struct FixedClock {
    FixedClock() {
        ::setenv("PAR_AUDIT_NOW", "2026-03-20T09:00:00", 1);
        ::setenv("PAR_AUDIT_USER", "thu-ky", 1);
    }
    ~FixedClock() {
        ::unsetenv("PAR_AUDIT_NOW");
        ::unsetenv("PAR_AUDIT_USER");
    }
};

CommandResult must(const std::string& command) {
    CommandResult r = run(command);
    INFO(command << "\n" << r.out << r.err);
    REQUIRE(r.exitCode == 0);
    return r;
}

// The PDF's text in reading order, white space (line breaks included) folded to one space.
std::string pdfText(const std::string& pdf) {
    CommandResult r = run("pdftotext " + q(pdf) + " -");
    REQUIRE(r.exitCode == 0);
    std::string out;
    for (char c : r.out) {
        bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
    }
    return out;
}

// The sequence both paths take, as command lines. `A` is the audit file.
void authorWithCli(const std::string& a) {
    must(cli() + " new --form cchc-xa --unit 'UBND xã Ngọc Sơn' --visit 02/03/2026 -o " + q(a));
    must(cli() + " details " + q(a) +
         " --set body-parent='UBND TỈNH NGHỆ AN' --set body-name='SỞ NỘI VỤ' --set body-code=SNV"
         " --set body-place='Nghệ An' --set plan-number=257/KH-UBND --set plan-date=15/01/2026"
         " --set plan-issuer='UBND tỉnh Nghệ An' --set decision-number=12/QĐ-SNV --set decision-date=20/02/2026"
         " --set visit-end=03/03/2026");
    must(cli() + " team " + q(a) +
         " --add 'Nguyễn Văn An' --role leader --title 'Phó Giám đốc Sở Nội vụ'"
         " --add 'Trần Thị Bình' --role secretary --title 'Chuyên viên'");
    must(cli() + " answer " + q(a) + " ld_ke_hoach=không tthc_niem_yet=không ld_sang_kien=không");
    must(cli() + " findings --save " + q(a));
    must(cli() + " finding add " + q(a) +
         " --area procedures --severity high --text 'Yêu cầu công dân nộp bản sao giấy khai sinh đã có trong Cơ sở dữ liệu quốc gia về dân cư'"
         " --recommendation 'Không yêu cầu giấy tờ đã có trong cơ sở dữ liệu quốc gia' --deadline '30 ngày làm việc'");
    must(cli() + " finding add " + q(a) +
         " --area procedures --severity medium --text 'Niêm yết thủ tục chưa đầy đủ (trùng)' --recommendation 'Niêm yết đủ'");
    must(cli() + " finding merge " + q(a) + " F-003 F-005");
    must(cli() + " notice " + q(a) +
         " --set number=05 --set date=20/03/2026 --set signer='Lê Đình Lý' --set signer-title='PHÓ GIÁM ĐỐC'"
         " --set sign-for='KT. GIÁM ĐỐC' --add strength='Ban hành kịp thời các văn bản chỉ đạo cải cách hành chính năm 2026'"
         " --add area-summary='procedures:Đã công bố và niêm yết phần lớn thủ tục hành chính' --defaults");
}

void authorWithApp(const std::string& a) {
    using namespace par::wizard;
    auto s = AuditSession::create(NewAuditRequest{"cchc-xa", "UBND xã Ngọc Sơn", "", "", "", "02/03/2026", "", ""});
    s->save(a);
    DetailsPageState details(*s);
    const std::pair<DetailField, const char*> fields[] = {
        {DetailField::BodyParent, "UBND TỈNH NGHỆ AN"}, {DetailField::BodyName, "SỞ NỘI VỤ"},
        {DetailField::BodyCode, "SNV"},                 {DetailField::BodyPlace, "Nghệ An"},
        {DetailField::PlanNumber, "257/KH-UBND"},       {DetailField::PlanDate, "15/01/2026"},
        {DetailField::PlanIssuer, "UBND tỉnh Nghệ An"}, {DetailField::DecisionNumber, "12/QĐ-SNV"},
        {DetailField::DecisionDate, "20/02/2026"},      {DetailField::VisitEnd, "03/03/2026"}};
    for (const auto& [f, v] : fields) REQUIRE(details.set(f, v));
    s->save();
    details.addMember("Nguyễn Văn An", "leader", "Phó Giám đốc Sở Nội vụ");
    details.addMember("Trần Thị Bình", "secretary", "Chuyên viên");
    s->save();
    AnswerEditor answers(*s);
    for (const char* qid : {"ld_ke_hoach", "tthc_niem_yet", "ld_sang_kien"})
        REQUIRE(answers.enter(FieldPath::scalar(qid), "không"));
    s->save();
    FindingsReview review(*s);
    review.refresh();
    s->save();
    actions::FindingInput one;
    one.area = "procedures";
    one.severity = "high";
    one.text = "Yêu cầu công dân nộp bản sao giấy khai sinh đã có trong Cơ sở dữ liệu quốc gia về dân cư";
    one.recommendation = "Không yêu cầu giấy tờ đã có trong cơ sở dữ liệu quốc gia";
    one.deadline = "30 ngày làm việc";
    review.add(one);
    s->save();
    actions::FindingInput two;
    two.area = "procedures";
    two.severity = "medium";
    two.text = "Niêm yết thủ tục chưa đầy đủ (trùng)";
    two.recommendation = "Niêm yết đủ";
    review.add(two);
    s->save();
    review.merge("F-003", {"F-005"});
    s->save();
    NoticePageState notice(*s);
    for (const auto& [f, v] : std::vector<std::pair<std::string, std::string>>{{"number", "05"},
                                                                                {"date", "20/03/2026"},
                                                                                {"signer", "Lê Đình Lý"},
                                                                                {"signer-title", "PHÓ GIÁM ĐỐC"},
                                                                                {"sign-for", "KT. GIÁM ĐỐC"}})
        REQUIRE(notice.set(f, v));
    notice.add("strength", "Ban hành kịp thời các văn bản chỉ đạo cải cách hành chính năm 2026");
    notice.add("area-summary", "procedures:Đã công bố và niêm yết phần lớn thủ tục hành chính");
    notice.fillDefaults();
    s->save();
}
}  // namespace

TEST_CASE("a 2026 commune inspection from a blank audit to the notice, minutes and plan with commands alone",
          "[cli][authoring]") {
    FixedClock clock;
    ScratchDir dir;
    const std::string a = dir.file("ngoc-son-2026.audit.xml");
    authorWithCli(a);

    // Before the number and the plan, the notice could not be printed for signing: checked on a copy.
    must(cli() + " findings " + q(a));
    auto show = must(cli() + " notice " + q(a));
    CHECK_THAT(show.out, Catch::Contains("Thông báo đã đủ thông tin để in."));

    // Before `plan make` the annex has no action codes: printed, with the command to run.
    auto early = must(cli() + " report " + q(a) + " --document plan -o " + q(dir.file("kh0.pdf")));
    CHECK_THAT(early.err, Catch::Contains("mã hành động khắc phục trong phụ lục") &&
                              Catch::Contains("par-audit plan make " + a));
    must(cli() + " plan make " + q(a));
    auto printed = must(cli() + " report " + q(a) + " -o " + q(dir.file("tb.pdf")));
    CHECK_THAT(printed.err, !Catch::Contains("nên có thêm"));  // nothing recommended is empty
    must(cli() + " report " + q(a) + " --document plan -o " + q(dir.file("kh.pdf")));
    must(cli() + " report " + q(a) + " --document minutes -o " + q(dir.file("bb.pdf")));

    std::string notice = pdfText(dir.file("tb.pdf"));
    CHECK_THAT(notice, Catch::Contains("UBND TỈNH NGHỆ AN") && Catch::Contains("SỞ NỘI VỤ"));
    CHECK_THAT(notice, Catch::Contains("Số: 05/TB-SNV"));
    CHECK_THAT(notice, Catch::Contains("Nghệ An, ngày 20 tháng 3 năm 2026"));
    CHECK_THAT(notice, Catch::Contains("Kế hoạch số 257/KH-UBND ngày 15/01/2026 của UBND tỉnh"));
    CHECK_THAT(notice, Catch::Contains("KT. GIÁM ĐỐC") && Catch::Contains("PHÓ GIÁM ĐỐC") && Catch::Contains("Lê Đình Lý"));
    CHECK_THAT(notice, Catch::Contains("Cơ sở dữ liệu quốc gia về dân cư"));
    CHECK_THAT(notice, Catch::Contains("Ban hành kịp thời các văn bản chỉ đạo"));
    CHECK_THAT(notice, Catch::Contains("UBND xã Ngọc Sơn (để thực hiện);") && Catch::Contains("Lưu: VT, SNV."));
    CHECK_THAT(notice, Catch::Contains("Nguyễn Văn An") && Catch::Contains("Trưởng đoàn"));
    // The merged duplicate is not in the notice; nothing marks a draft; no fingerprint on the page.
    CHECK_THAT(notice, !Catch::Contains("(trùng)"));
    CHECK_THAT(notice, !Catch::Contains("DỰ THẢO"));
    CHECK_THAT(notice, !Catch::Contains("SHA-256"));
    CHECK_THAT(notice, !Catch::Contains("Số:      /"));

    std::string plan = pdfText(dir.file("kh.pdf"));
    CHECK_THAT(plan, Catch::Contains("Không yêu cầu giấy tờ đã có trong cơ sở dữ liệu quốc gia"));
    std::string minutes = pdfText(dir.file("bb.pdf"));
    CHECK_THAT(minutes, Catch::Contains("UBND xã Ngọc Sơn"));

    // The notice's fingerprint is in the PDF's metadata, and verify finds it.
    auto verify = must(cli() + " verify " + q(a) + " " + q(dir.file("tb.pdf")));
    CHECK_THAT(verify.out, Catch::Contains("KHỚP"));
}

TEST_CASE("report refuses a notice without number, date or signer, and prints a marked draft", "[cli][authoring]") {
    ScratchDir dir;
    const std::string a = dir.file("blank.audit.xml");
    must(cli() + " new --form cchc-xa --unit 'UBND xã Tân Thạnh' --visit 02/03/2026 -o " + q(a));
    auto r = run(cli() + " report " + q(a) + " -o " + q(dir.file("tb.pdf")));
    INFO(r.out << r.err);
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.err, Catch::Contains(a) && Catch::Contains("số thông báo") && Catch::Contains("người ký") &&
                          Catch::Contains("ngày thông báo") && Catch::Contains("--set number=05"));
    std::ifstream none(dir.file("tb.pdf"));
    CHECK_FALSE(none.good());  // nothing half-written

    auto draft = must(cli() + " report " + q(a) + " --draft -o " + q(dir.file("draft.pdf")));
    CHECK_THAT(draft.out, Catch::Contains("bản dự thảo"));
    std::string text = pdfText(dir.file("draft.pdf"));
    CommandResult pages = run("pdfinfo " + q(dir.file("draft.pdf")) + " | grep Pages");
    int count = std::atoi(pages.out.substr(pages.out.find_last_of(' ') + 1).c_str());
    REQUIRE(count >= 1);
    size_t marks = 0;
    for (size_t at = text.find("DỰ THẢO"); at != std::string::npos; at = text.find("DỰ THẢO", at + 1)) ++marks;
    CHECK(marks == static_cast<size_t>(count));  // every page
    CHECK_THAT(text, Catch::Contains("SHA-256"));    // a draft carries its fingerprint on the page
}

TEST_CASE("a notice without area results or strengths is printed, with a note naming what to add",
          "[cli][authoring]") {
    ScratchDir dir;
    const std::string a = dir.file("thin.audit.xml");
    must(cli() + " new --form cchc-xa --unit 'UBND xã Tân Thạnh' --visit 07/12/2026 -o " + q(a));
    must(cli() + " details " + q(a) + " --set body-name='SỞ NỘI VỤ' --set body-code=SNV --set body-place='Nghệ An'");
    must(cli() + " team " + q(a) + " --add 'Nguyễn Văn An' --role leader");
    must(cli() + " notice " + q(a) +
         " --set number=05 --set date=18/12/2026 --set signer='Lê Đình Lý' --set signer-title='PHÓ GIÁM ĐỐC' --defaults");
    // Before session 9 both said nothing, and section II was printed as a heading alone.
    auto show = must(cli() + " notice " + q(a));
    CHECK_THAT(show.out, Catch::Contains("đủ thông tin để in; nên có thêm:") &&
                             Catch::Contains("kết quả theo lĩnh vực (nên có)") && Catch::Contains("ưu điểm (nên có)") &&
                             Catch::Contains("--add area-summary="));
    auto printed = must(cli() + " report " + q(a) + " -o " + q(dir.file("tb.pdf")));
    CHECK_THAT(printed.err, Catch::Contains("lưu ý: văn bản đã in nhưng nên có thêm:") &&
                                Catch::Contains("kết quả theo lĩnh vực") && Catch::Contains("ưu điểm"));
    // The minutes' "1. Kết quả ghi nhận" comes from the same list.
    auto minutes = must(cli() + " report " + q(a) + " --document minutes -o " + q(dir.file("bb.pdf")));
    CHECK_THAT(minutes.err, Catch::Contains("nên có thêm:") && Catch::Contains("kết quả theo lĩnh vực"));
    // In the messages' language, not the document's (a Vietnamese notice, messages in English).
    auto english = must(binaryPath("par-audit") + " --lang en report " + q(a) + " -o " + q(dir.file("tb-en.pdf")));
    CHECK_THAT(english.err, Catch::Contains("note: printed, but the document should also have:") &&
                                Catch::Contains("area summaries") && !Catch::Contains("kết quả theo lĩnh vực"));
    must(cli() + " notice " + q(a) + " --add area-summary='procedures:Đã công khai 100% thủ tục' --add strength='Ban hành kịp thời kế hoạch'");
    // (this thin audit still lacks the parent body and the bases: listed as before)
    CHECK_THAT(must(cli() + " notice " + q(a)).out, !Catch::Contains("kết quả theo lĩnh vực (nên có)") &&
                                                         !Catch::Contains("ưu điểm (nên có)"));
    printed = must(cli() + " report " + q(a) + " -o " + q(dir.file("tb.pdf")));
    CHECK_THAT(printed.err, !Catch::Contains("kết quả theo lĩnh vực") && !Catch::Contains("ưu điểm"));
    CHECK_THAT(must(cli() + " report " + q(a) + " --document minutes -o " + q(dir.file("bb.pdf"))).err,
               !Catch::Contains("kết quả theo lĩnh vực"));
    CHECK_THAT(pdfText(dir.file("tb.pdf")), Catch::Contains("Đã công khai 100% thủ tục"));
}

TEST_CASE("invalid values change nothing and say what is wrong", "[cli][authoring]") {
    ScratchDir dir;
    const std::string a = dir.file("x.audit.xml");
    must(cli() + " new --form cchc-xa --unit 'UBND xã Tân Thành' --visit 02/03/2026 -o " + q(a));
    std::string before = readText(a);
    auto r = run(cli() + " notice " + q(a) + " --set number=5/TB --set date=01/01/2026 --set sign-for='GIÁM ĐỐC' --add area-summary=x:y");
    CHECK(r.exitCode == 2);
    CHECK_THAT(r.err, Catch::Contains("number=5/TB") && Catch::Contains("trước ngày kiểm tra") &&
                          Catch::Contains("KT., TM.") && Catch::Contains("không có lĩnh vực 'x'") &&
                          Catch::Contains("không ghi gì"));
    auto t = run(cli() + " team " + q(a) + " --add 'A' --role leader --add 'B' --role leader");
    CHECK(t.exitCode == 2);
    CHECK_THAT(t.err, Catch::Contains("đã có trưởng đoàn"));
    auto f = run(cli() + " finding dismiss " + q(a) + " F-009 --reason x");
    CHECK(f.exitCode == 2);
    CHECK_THAT(f.err, Catch::Contains("F-009"));
    CHECK(readText(a) == before);
}

TEST_CASE("parity: the CLI and the app's page states save the same audit file", "[cli][authoring][parity]") {
    FixedClock clock;
    ScratchDir dir;
    const std::string viaCli = dir.file("cli/ngoc-son-2026.audit.xml");
    const std::string viaApp = dir.file("app/ngoc-son-2026.audit.xml");
    run("mkdir -p " + q(dir.file("cli")) + " " + q(dir.file("app")));
    authorWithCli(viaCli);
    authorWithApp(viaApp);
    std::string c = readText(viaCli), g = readText(viaApp);
    if (c != g) {
        auto d = run("diff " + q(viaCli) + " " + q(viaApp));
        INFO(d.out);
        CHECK(c == g);
    }
    CHECK_THAT(c, Catch::Contains("code=\"finding.merge\"") && Catch::Contains("code=\"notice.set\""));
}

TEST_CASE("the follow-up report is a state document: number, place and date, signature, recipients",
          "[cli][authoring][tracking]") {
    FixedClock clock;
    ScratchDir dir;
    run("mkdir -p " + q(dir.file("ws")));
    const std::string a = dir.file("ws/ngoc-son-2026.audit.xml");
    authorWithCli(a);
    must(cli() + " plan make " + q(a));
    must(cli() + " track " + q(dir.file("ws")) + " --as-of 2026-06-01 --format pdf -o " + q(dir.file("bc.pdf")) +
         " --number 12 --symbol BC-SNV --date 05/06/2026 --place 'Nghệ An' --signer 'Lê Đình Lý'"
         " --signer-title 'PHÓ GIÁM ĐỐC' --sign-for 'KT. GIÁM ĐỐC' --recipient 'Giám đốc Sở (để báo cáo)'");
    std::string text = pdfText(dir.file("bc.pdf"));
    CHECK_THAT(text, Catch::Contains("Số: 12/BC-SNV") && Catch::Contains("Nghệ An, ngày 05 tháng 6 năm 2026"));
    CHECK_THAT(text, Catch::Contains("Nơi nhận:") && Catch::Contains("- Giám đốc Sở (để báo cáo);") &&
                         Catch::Contains("- Lưu: VT."));
    CHECK_THAT(text, Catch::Contains("KT. GIÁM ĐỐC") && Catch::Contains("Lê Đình Lý"));
    CHECK_THAT(text, Catch::Contains("A-001") || Catch::Contains("05/TB-SNV"));
    auto bad = run(cli() + " track " + q(dir.file("ws")) + " --as-of 2026-06-01 --format pdf -o " + q(dir.file("x.pdf")) +
                   " --date 31/02/2026");
    CHECK(bad.exitCode == 2);
    CHECK_THAT(bad.err, Catch::Contains("31/02/2026"));
}

TEST_CASE("the notice gives the on-time rate both ways: resolved on time, and per Decision 766",
          "[cli][authoring][dossier]") {
    FixedClock clock;
    ScratchDir dir;
    const std::string a = dir.file("ngoc-son-2026.audit.xml");
    authorWithCli(a);
    // 2025: 100 received, 50 early, 30 on time, 10 late, 8 pending in time, 2 pending overdue.
    must(cli() + " answer " + q(a) +
         " ket_qua_giai_quyet.1.nam=2025 ket_qua_giai_quyet.1.tiep_nhan=100 ket_qua_giai_quyet.1.truoc_han=50"
         " ket_qua_giai_quyet.1.dung_han=30 ket_qua_giai_quyet.1.qua_han=10"
         " ket_qua_giai_quyet.1.chua_giai_quyet_trong_han=8 ket_qua_giai_quyet.1.chua_giai_quyet_qua_han=2"
         " ket_qua_giai_quyet.1.phieu_xin_loi=10");
    // 2024: resolved 90 of 100 and nothing said of the 10 pending: the 766 rate cannot be known.
    must(cli() + " answer " + q(a) +
         " ket_qua_giai_quyet.2.nam=2024 ket_qua_giai_quyet.2.tiep_nhan=100 ket_qua_giai_quyet.2.truoc_han=60"
         " ket_qua_giai_quyet.2.dung_han=30");
    must(cli() + " report " + q(a) + " -o " + q(dir.file("tb.pdf")));
    CommandResult layout = run("pdftotext -layout " + q(dir.file("tb.pdf")) + " -");
    INFO(layout.out);
    CHECK_THAT(layout.out, Catch::Contains("QĐ 766"));
    // The table's row of a year, its cells separated by single spaces (no std::regex: libstdc++'s
    // recursive matcher overflows the stack on a whole page under ASan).
    auto row = [&](const std::string& year) {
        std::istringstream lines(layout.out);
        for (std::string line; std::getline(lines, line);) {
            std::istringstream words(line);
            std::string first, folded;
            words >> first;
            if (first != year) continue;
            folded = first;
            for (std::string w; words >> w;) folded += " " + w;
            return folded;
        }
        return std::string();
    };
    // (50 + 30) / 90 resolved = 88,9 %; (50 + 30 + 8) / 100 received = 88 %.
    CHECK(row("2025") == "2025 100 90 80 10 88,9% 88% 10");
    CHECK(row("2024") == "2024 100 90 90 100% —");
}

// SPDX-License-Identifier: Apache-2.0
// End-to-end tests of `plan export --all` and `plan remind` on the Quỳnh Lưu sample with two
// communes whose names differ by one tone mark ("UBND xã Tân Thành" / "UBND xã Tân Thạnh": two
// places) and a unit with nothing due: one file per unit, reminder letters checked through
// pdftotext (white space folded) and qpdf --check, refusals that write nothing.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <regex>
#include <sstream>

#include "TestSupport.hpp"

using namespace par::test;
namespace fs = std::filesystem;

namespace {
std::string cli() {
    return binaryPath("par-audit");
}

// The sample with its actions made, plus A-018 for Tân Thành (10 working days: 19/12/2018),
// A-019 for Tân Thạnh (01/03/2019) and A-020 for a unit whose deadline is far (31/12/2019).
std::string workspace(const ScratchDir& dir) {
    // `plan remind` keeps the register's cache in the user's cache folder: a scratch one here.
    static ScratchDir cache("par-test-cache");
    ::setenv("XDG_CACHE_HOME", cache.path().c_str(), 1);
    fs::create_directories(dir.file("ws"));
    std::string a = dir.file("ws/quynh-luu-2018.audit.xml");
    for (const char* f : {"quynh-luu-2018.audit.xml", "thu-tuc.xml", "van-ban-bo-sung.xml"})
        fs::copy_file(sourcePath(std::string("samples/quynh-luu-2018/") + f),
                      dir.file(std::string("ws/") + f));
    std::string text = readText(a);
    auto p = text.find("href=\"../../forms/cchc-huyen.xml\"");
    REQUIRE(p != std::string::npos);
    text.replace(p, 33, "href=\"" + sourcePath("forms/cchc-huyen.xml") + "\"");
    writeText(a, text);
    for (std::string cmd : {" findings --save " + a, " plan make " + a,
                            " plan add " + a + " --finding F-001 --content " + q("Sửa quy chế") +
                                " --responsible " + q("UBND xã Tân Thành") + " --deadline " +
                                q("10 ngày làm việc"),
                            " plan add " + a + " --finding F-001 --content " + q("Sửa quy chế khác") +
                                " --responsible " + q("UBND xã Tân Thạnh") + " --deadline 2019-03-01",
                            " plan add " + a + " --finding F-001 --content " + q("Việc còn xa") +
                                " --responsible " + q("UBND xã Xa Hạn") + " --deadline 2019-12-31"}) {
        auto r = run(cli() + cmd);
        INFO(cmd << "\n" << r.out << r.err);
        REQUIRE(r.exitCode == 0);
    }
    return a;
}

// pdftotext's words in page layout (a table row's cells on one line), every run of white space
// one space.
std::string pdfWords(const std::string& pdf) {
    auto r = run("pdftotext -layout -enc UTF-8 " + q(pdf) + " -");
    REQUIRE(r.exitCode == 0);
    return std::regex_replace(r.out, std::regex("\\s+"), " ");
}

std::vector<std::string> filesIn(const std::string& dir) {
    std::vector<std::string> out;
    if (fs::exists(dir))
        for (const auto& e : fs::directory_iterator(dir))
            out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

const std::string kSigned =
    " --number 15 --symbol SNV-CCHC --date 21/02/2019 --place " + q("Nghệ An") + " --signer " +
    q("Lê Đình Lý") + " --signer-title " + q("PHÓ GIÁM ĐỐC") + " --sign-for " + q("KT. GIÁM ĐỐC") +
    " --recipient " + q("Giám đốc Sở (để b/c)");
}  // namespace

TEST_CASE("plan remind: one letter per unit with something due, Decree 30 layout",
          "[cli][tracking][remind]") {
    ScratchDir dir;
    workspace(dir);
    auto r = run(cli() + " plan remind " + dir.file("ws") + " --as-of 2019-02-20 -o " +
                 dir.file("out") + kSigned);
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    std::vector<std::string> files = filesIn(dir.file("out"));
    // Quỳnh Lưu, Tân Thành, Tân Thạnh; not Xa Hạn (due 31/12/2019, beyond 10 working days).
    REQUIRE(files.size() == 3);
    CHECK(files[0] == "ubnd-huyen-quynh-luu.don-doc-khac-phuc.pdf");
    CHECK(std::regex_match(files[1], std::regex("ubnd-xa-tan-thanh-[0-9a-f]{6}\\.don-doc-khac-phuc\\.pdf")));
    CHECK(std::regex_match(files[2], std::regex("ubnd-xa-tan-thanh-[0-9a-f]{6}\\.don-doc-khac-phuc\\.pdf")));
    CHECK(files[1] != files[2]);
    CHECK_THAT(r.out, Catch::Contains("UBND xã Tân Thành: 1 nội dung (1 quá hạn)") &&
                          Catch::Contains("UBND xã Tân Thạnh: 1 nội dung (0 quá hạn)") &&
                          !Catch::Contains("Xa Hạn"));

    std::string thanh, thanhDot;
    for (const auto& f : files) {
        std::string path = dir.file("out/" + f);
        auto check = run("qpdf --check " + q(path));
        INFO(f << ": " << check.out << check.err);
        CHECK(check.exitCode == 0);
        std::string words = pdfWords(path);
        CHECK_THAT(words, Catch::Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") &&
                              Catch::Contains("SỞ NỘI VỤ") && Catch::Contains("Số: 15/SNV-CCHC") &&
                              Catch::Contains("V/v đôn đốc thực hiện kết luận kiểm tra") &&
                              Catch::Contains("Nghệ An, ngày 21 tháng 02 năm 2019") &&
                              Catch::Contains("Thông báo số 05/TB-SNV ngày 05/12/2018") &&
                              Catch::Contains("Nơi nhận:") && Catch::Contains("- Như trên;") &&
                              Catch::Contains("- Giám đốc Sở (để b/c);") &&
                              Catch::Contains("- Lưu: VT.") && Catch::Contains("KT. GIÁM ĐỐC") &&
                              Catch::Contains("PHÓ GIÁM ĐỐC") && Catch::Contains("Lê Đình Lý") &&
                              !Catch::Contains("DỰ THẢO"));
        if (words.find("Kính gửi: UBND xã Tân Thành.") != std::string::npos)
            thanh = words;
        if (words.find("Kính gửi: UBND xã Tân Thạnh.") != std::string::npos)
            thanhDot = words;
        if (f.rfind("ubnd-huyen", 0) == 0) {
            // 19/12/2018 → 20/02/2019: 39 working days (Tết 2019 skipped); 05/03 is 9 days ahead.
            CHECK_THAT(words, Catch::Contains("Kính gửi: UBND huyện Quỳnh Lưu.") &&
                                  Catch::Contains("A-008") && Catch::Contains("19/12/2018 39") &&
                                  Catch::Contains("A-005") &&
                                  Catch::Contains("A-005 Nghiên cứu, đề xuất") &&
                                  Catch::Contains("05/03/2019 Chưa quá hạn") &&
                                  Catch::Contains("(còn 9 ngày") &&
                                  !Catch::Contains("A-004") && !Catch::Contains("A-018"));
        }
    }
    // The two communes each get their own letter with their own action only.
    REQUIRE(!thanh.empty());
    REQUIRE(!thanhDot.empty());
    CHECK_THAT(thanh, Catch::Contains("1 A-018 Sửa quy chế 19/12/2018 39") && !Catch::Contains("A-019"));
    CHECK_THAT(thanhDot, Catch::Contains("1 A-019 Sửa quy chế khác 01/03/2019 Chưa quá hạn") &&
                             Catch::Contains("(còn 7 ngày") &&
                             !Catch::Contains("A-018"));
}

TEST_CASE("plan remind --format docx: the same letters as Word files", "[cli][tracking][remind]") {
    ScratchDir dir;
    workspace(dir);
    auto r = run(cli() + " plan remind " + dir.file("ws") + " --as-of 2019-02-20 --format docx -o " +
                 dir.file("out") + kSigned);
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    std::vector<std::string> files = filesIn(dir.file("out"));
    REQUIRE(files.size() == 3);
    CHECK(files[0] == "ubnd-huyen-quynh-luu.don-doc-khac-phuc.docx");
    // The body's text as Word holds it (runs joined): the addressee, the notice, the action rows.
    auto x = run("unzip -p " + q(dir.file("out/" + files[0])) + " word/document.xml");
    REQUIRE(x.exitCode == 0);
    // (a line break, as in the summary line's even break, reads as a space)
    std::string text = std::regex_replace(std::regex_replace(x.out, std::regex("<w:br/>"), " "), std::regex("<[^>]*>"), "");
    CHECK_THAT(text, Catch::Contains("Kính gửi: UBND huyện Quỳnh Lưu.") &&
                         Catch::Contains("V/v đôn đốc thực hiện kết luận kiểm tra") &&
                         Catch::Contains("A-008") && Catch::Contains("19/12/2018") &&
                         Catch::Contains("Lê Đình Lý") && !Catch::Contains("A-018"));
    // An unknown format is a usage error and writes nothing.
    auto bad = run(cli() + " plan remind " + dir.file("ws") + " --as-of 2019-02-20 --format odt -o " +
                   dir.file("bad") + kSigned);
    CHECK(bad.exitCode == 2);
    CHECK_THAT(bad.err, Catch::Contains("odt"));
    CHECK(!fs::exists(dir.file("bad")));
}

TEST_CASE("plan remind: refusals and nothing to remind write nothing", "[cli][tracking][remind]") {
    ScratchDir dir;
    workspace(dir);
    // For signing without number, date or signer: refused, the parts named, no file.
    auto bare = run(cli() + " plan remind " + dir.file("ws") + " --as-of 2019-02-20 -o " + dir.file("out"));
    CHECK(bare.exitCode == 2);
    CHECK_THAT(bare.err, Catch::Contains("--number") && Catch::Contains("--date") &&
                             Catch::Contains("--signer") && Catch::Contains("--draft"));
    CHECK(filesIn(dir.file("out")).empty());
    // A draft: printed with blanks and the mark.
    auto draft = run(cli() + " plan remind " + dir.file("ws") + " --as-of 2019-02-20 --draft -o " + dir.file("out"));
    INFO(draft.out << draft.err);
    REQUIRE(draft.exitCode == 0);
    REQUIRE(filesIn(dir.file("out")).size() == 3);
    std::string words = pdfWords(dir.file("out/ubnd-huyen-quynh-luu.don-doc-khac-phuc.pdf"));
    CHECK_THAT(words, Catch::Contains("DỰ THẢO") && Catch::Contains("ngày … tháng … năm …"));
    // Before the first deadline and with --soon 0 nothing is due: no letter, no folder.
    auto none = run(cli() + " plan remind " + dir.file("ws") + " --as-of 2018-12-06 --soon 0 -o " +
                    dir.file("none") + kSigned);
    CHECK(none.exitCode == 0);
    CHECK_THAT(none.out, Catch::Contains("không ghi tệp nào"));
    CHECK(!fs::exists(dir.file("none")));
    // A bad date is a usage error.
    auto badDate = run(cli() + " plan remind " + dir.file("ws") + " --as-of 2019-02-30 -o " + dir.file("x") + kSigned);
    CHECK(badDate.exitCode == 2);
    CHECK_THAT(badDate.err, Catch::Contains("2019-02-30"));
}

TEST_CASE("plan export --all: one plan per unit, Tân Thành and Tân Thạnh apart",
          "[cli][tracking][batch]") {
    ScratchDir dir;
    std::string a = workspace(dir);
    auto r = run(cli() + " plan export " + a + " --all -o " + dir.file("plans"));
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    std::vector<std::string> files = filesIn(dir.file("plans"));
    REQUIRE(files.size() == 4);
    CHECK(files[0] == "ubnd-huyen-quynh-luu.plan.xml");
    CHECK(std::regex_match(files[1], std::regex("ubnd-xa-tan-thanh-[0-9a-f]{6}\\.plan\\.xml")));
    CHECK(std::regex_match(files[2], std::regex("ubnd-xa-tan-thanh-[0-9a-f]{6}\\.plan\\.xml")));
    CHECK(files[3] == "ubnd-xa-xa-han.plan.xml");
    int thanh = 0, thanhDot = 0;
    for (const auto& f : files) {
        std::string xml = readText(dir.file("plans/" + f));
        CHECK_THAT(r.out, Catch::Contains(dir.file("plans/" + f)));
        if (xml.find("unit=\"UBND xã Tân Thành\"") != std::string::npos) {
            ++thanh;
            CHECK_THAT(xml, Catch::Contains("A-018") && !Catch::Contains("A-019"));
        }
        if (xml.find("unit=\"UBND xã Tân Thạnh\"") != std::string::npos) {
            ++thanhDot;
            CHECK_THAT(xml, Catch::Contains("A-019") && !Catch::Contains("A-018"));
        }
    }
    CHECK(thanh == 1);
    CHECK(thanhDot == 1);
    // Each file is a plan `plan respond` accepts.
    auto re = run(cli() + " plan respond " + dir.file("plans/ubnd-xa-xa-han.plan.xml") +
                  " A-020 --status reported --date 2019-01-10 -o " + dir.file("xa.response.xml"));
    INFO(re.out << re.err);
    CHECK(re.exitCode == 0);

    // The browser form and the workbook, one per unit the same way.
    for (std::string format : {"html", "xlsx"}) {
        auto f = run(cli() + " plan export " + a + " --all --format " + format + " -o " +
                     dir.file(format));
        INFO(f.out << f.err);
        REQUIRE(f.exitCode == 0);
        std::vector<std::string> got = filesIn(dir.file(format));
        REQUIRE(got.size() == 4);
        for (size_t i = 0; i < 4; ++i)
            CHECK(got[i] == files[i].substr(0, files[i].size() - 3) + format);
    }
    CHECK_THAT(readText(dir.file("html/ubnd-xa-xa-han.plan.html")), Catch::Contains("A-020"));

    auto both = run(cli() + " plan export " + a + " --all --unit x -o " + dir.file("p2"));
    CHECK(both.exitCode == 2);
    auto neither = run(cli() + " plan export " + a + " -o " + dir.file("p3"));
    CHECK(neither.exitCode == 2);
    CHECK_THAT(neither.err, Catch::Contains("--all"));
}

namespace {
// Fills the answer sheet of a plan workbook with openpyxl (Debian python3-openpyxl: /usr/bin/python3,
// not the pyenv python3 on PATH). `edits` are Python statements run with `row(id)` (the row of that
// action on the answer sheet) and `ws` (the sheet); each prints the cell it wrote.
CommandResult fillWorkbook(const ScratchDir& dir, const std::string& in, const std::string& out,
                           const std::string& edits) {
    std::string script = "import datetime, openpyxl\n"
                         "wb = openpyxl.load_workbook('" + in + "')\n"
                         "ws = wb['Trả lời']\n"
                         "def row(i):\n"
                         "    for r in range(2, ws.max_row + 1):\n"
                         "        if ws.cell(r, 1).value == i: return r\n"
                         "    raise SystemExit('no row for ' + i)\n" +
                         edits + "wb.save('" + out + "')\n";
    writeText(dir.file("fill.py"), script);
    return run("/usr/bin/python3 " + dir.file("fill.py"));
}
}  // namespace

TEST_CASE("plan export --format xlsx: filled in Excel's way, imported through the same checks",
          "[cli][tracking][xlsx]") {
    ScratchDir dir;
    std::string a = workspace(dir);
    std::string unit = "UBND huyện Quỳnh Lưu";
    auto ex = run(cli() + " plan export " + a + " --unit " + q(unit) + " --format xlsx -o " +
                  dir.file("ql.plan.xlsx"));
    INFO(ex.out << ex.err);
    REQUIRE(ex.exitCode == 0);

    // The workbook as a reader sees it: the three sheets, the plan sheet's dates as dd/mm/yyyy.
    auto look = run("/usr/bin/python3 -c \"import openpyxl; wb = openpyxl.load_workbook('" +
                    dir.file("ql.plan.xlsx") +
                    "'); print(wb.sheetnames); print(wb['Dữ liệu'].sheet_state); "
                    "ws = wb['Trả lời']; print(ws.protection.sheet, ws.column_dimensions['G'].hidden, "
                    "ws.cell(1, 4).value); p = wb['Kế hoạch']; "
                    "print([c.number_format for c in p['E'] if c.value is not None and not isinstance(c.value, str)][:1]); "
                    "print([v.prompt for v in ws.data_validations.dataValidation])\"");
    INFO(look.err);
    REQUIRE(look.exitCode == 0);
    CHECK_THAT(look.out, Catch::Contains("['Kế hoạch', 'Trả lời', 'Dữ liệu']") &&
                             Catch::Contains("hidden") &&
                             Catch::Contains("True True Ngày báo cáo (DD/MM/YYYY)") &&
                             Catch::Contains("['dd/mm/yyyy']"));
    // The date rule the import applies, where the clerk types (session 9).
    CHECK_THAT(look.out, Catch::Contains("không trước ngày thông báo kết luận 05/12/2018; không sau ngày gửi báo cáo"));

    // A-001 answered with the date typed as text, A-002 with a real Excel date.
    auto fill = fillWorkbook(dir, dir.file("ql.plan.xlsx"), dir.file("ql-filled.xlsx"),
                             "r = row('A-001'); ws.cell(r, 4).value = '10/01/2019'; "
                             "ws.cell(r, 5).value = '15/BC-UBND'; ws.cell(r, 6).value = 'Đã ban hành quy chế'\n"
                             "r = row('A-002'); ws.cell(r, 4).value = datetime.datetime(2019, 1, 12); "
                             "ws.cell(r, 5).value = '16/BC-UBND'\n");
    INFO(fill.out << fill.err);
    REQUIRE(fill.exitCode == 0);
    auto im = run(cli() + " plan import " + a + " " + dir.file("ql-filled.xlsx"));
    INFO(im.out << im.err);
    REQUIRE(im.exitCode == 0);
    CHECK_THAT(im.out, Catch::Contains("A-001") && Catch::Contains("A-002"));
    std::string merged = readText(a);
    CHECK_THAT(merged, Catch::Contains("15/BC-UBND") && Catch::Contains("16/BC-UBND") &&
                           Catch::Contains("Đã ban hành quy chế") &&
                           Catch::Contains("date=\"2019-01-10\"") &&
                           Catch::Contains("date=\"2019-01-12\""));
    // The same workbook again changes nothing.
    auto again = run(cli() + " plan import " + a + " " + dir.file("ql-filled.xlsx"));
    INFO(again.out << again.err);
    CHECK(again.exitCode == 0);
    CHECK(readText(a) == merged);
}

TEST_CASE("plan import of a workbook: wrong or blank cells named by sheet and cell",
          "[cli][tracking][xlsx]") {
    ScratchDir dir;
    std::string a = workspace(dir);
    auto ex = run(cli() + " plan export " + a + " --unit " + q("UBND huyện Quỳnh Lưu") +
                  " --format xlsx -o " + dir.file("ql.plan.xlsx"));
    REQUIRE(ex.exitCode == 0);
    auto fill = fillWorkbook(
        dir, dir.file("ql.plan.xlsx"), dir.file("bad.xlsx"),
        "r = row('A-001'); ws.cell(r, 4).value = '31/02/2019'; print('D%d' % r)\n"
        "r = row('A-002'); ws.cell(r, 5).value = '16/BC-UBND'; print('D%d' % r)\n"
        "r = row('A-003'); ws.cell(r, 4).value = '12/01/2019'; ws.cell(r, 7).value = 'x' * 64; print('G%d' % r)\n"
        "r = row('A-004'); ws.cell(r, 1).value = 'A-999'; ws.cell(r, 4).value = '12/01/2019'; print('A%d' % r)\n");
    INFO(fill.out << fill.err);
    REQUIRE(fill.exitCode == 0);
    std::string before = readText(a);
    auto im = run(cli() + " plan import " + a + " " + dir.file("bad.xlsx"));
    INFO(im.out << im.err);
    CHECK(im.exitCode != 0);
    std::istringstream cells(fill.out);
    std::string cell;
    int n = 0;
    while (cells >> cell) {
        CHECK_THAT(im.err, Catch::Contains("Trả lời!" + cell));
        ++n;
    }
    CHECK(n == 4);
    CHECK_THAT(im.err, Catch::Contains("31/02/2019") && Catch::Contains("A-999") &&
                           Catch::Contains("thiếu ngày báo cáo của A-002") &&
                           Catch::Contains("mã kiểm tra của A-003"));
    CHECK(readText(a) == before);  // nothing merged

    // A column inserted before "Ngày báo cáo": the headings no longer match, named by cell.
    auto moved = fillWorkbook(dir, dir.file("ql.plan.xlsx"), dir.file("moved.xlsx"),
                              "ws.protection.sheet = False\nws.insert_cols(4)\n"
                              "r = row('A-001'); ws.cell(r, 5).value = '12/01/2019'\n");
    REQUIRE(moved.exitCode == 0);
    auto col = run(cli() + " plan import " + a + " " + dir.file("moved.xlsx"));
    CHECK(col.exitCode == 1);
    CHECK_THAT(col.err, Catch::Contains("Trả lời!D1") && Catch::Contains("Ngày báo cáo (DD/MM/YYYY)"));
    // The hidden sheet altered: not read as a plan (exit 2), saying which cell.
    auto hidden = fillWorkbook(dir, dir.file("ql.plan.xlsx"), dir.file("hidden.xlsx"),
                               "wb['Dữ liệu'].cell(1, 1).value = 'x'\n"
                               "r = row('A-001'); ws.cell(r, 4).value = '12/01/2019'\n");
    REQUIRE(hidden.exitCode == 0);
    auto h = run(cli() + " plan import " + a + " " + dir.file("hidden.xlsx"));
    CHECK(h.exitCode == 2);
    CHECK_THAT(h.err, Catch::Contains("Dữ liệu") && Catch::Contains("A1"));
    CHECK(readText(a) == before);

    // Nothing filled in: refused, saying so.
    auto empty = run(cli() + " plan import " + a + " " + dir.file("ql.plan.xlsx"));
    CHECK(empty.exitCode != 0);
    CHECK_THAT(empty.err, Catch::Contains("chưa có trả lời nào"));
    // Another workbook (the register): not a plan workbook.
    auto reg = run(cli() + " track " + dir.file("ws") + " --format xlsx -o " + dir.file("reg.xlsx"));
    REQUIRE(reg.exitCode == 0);
    auto other = run(cli() + " plan import " + a + " " + dir.file("reg.xlsx"));
    CHECK(other.exitCode == 2);
    CHECK_THAT(other.err, Catch::Contains("không phải bảng tính kế hoạch"));
    CHECK(readText(a) == before);
}

TEST_CASE("plan export --all writes every file or none", "[cli][tracking][batch]") {
    ScratchDir dir;
    std::string a = workspace(dir);
    fs::create_directories(dir.file("plans"));
    // One target exists read-only: nothing at all is written, the old file is intact.
    writeText(dir.file("plans/ubnd-xa-xa-han.plan.xml"), "old");
    fs::permissions(dir.file("plans/ubnd-xa-xa-han.plan.xml"), fs::perms::owner_read | fs::perms::group_read |
                                                                   fs::perms::others_read);
    auto r = run(cli() + " plan export " + a + " --all -o " + dir.file("plans"));
    INFO(r.out << r.err);
    CHECK(r.exitCode == 2);
    CHECK_THAT(r.err, Catch::Contains("ubnd-xa-xa-han.plan.xml") && Catch::Contains("không ghi tệp nào"));
    CHECK(filesIn(dir.file("plans")) == std::vector<std::string>{"ubnd-xa-xa-han.plan.xml"});
    CHECK(readText(dir.file("plans/ubnd-xa-xa-han.plan.xml")) == "old");
    // An audit without actions: refused, nothing written.
    std::string bare = dir.file("bare.audit.xml");
    fs::copy_file(sourcePath("samples/quynh-luu-2018/quynh-luu-2018.audit.xml"), bare);
    auto none = run(cli() + " plan export " + bare + " --all -o " + dir.file("none"));
    CHECK(none.exitCode == 2);
    CHECK_THAT(none.err, Catch::Contains("plan make"));
    CHECK(!fs::exists(dir.file("none")));
}

TEST_CASE("plan import of workbooks: an older workbook never replaces a newer answer",
          "[cli][tracking][xlsx]") {
    ScratchDir dir;
    std::string a = workspace(dir);
    auto ex = run(cli() + " plan export " + a + " --unit " + q("UBND huyện Quỳnh Lưu") +
                  " --format xlsx -o " + dir.file("ql.plan.xlsx"));
    REQUIRE(ex.exitCode == 0);
    // Two copies filled on different days (docProps/core.xml: when each was last saved, by whom).
    auto newer = fillWorkbook(dir, dir.file("ql.plan.xlsx"), dir.file("newer.xlsx"),
                              "r = row('A-001'); ws.cell(r, 4).value = '20/01/2019'; ws.cell(r, 6).value = 'Bản mới'\n"
                              "wb.properties.modified = datetime.datetime(2019, 1, 20, 9, 0, 0)\n"
                              "wb.properties.lastModifiedBy = 'Nguyễn Văn A'\n");
    REQUIRE(newer.exitCode == 0);
    auto older = fillWorkbook(dir, dir.file("ql.plan.xlsx"), dir.file("older.xlsx"),
                              "r = row('A-001'); ws.cell(r, 4).value = '10/01/2019'; ws.cell(r, 6).value = 'Bản cũ'\n"
                              "wb.properties.modified = datetime.datetime(2019, 1, 10, 9, 0, 0)\n");
    REQUIRE(older.exitCode == 0);
    auto first = run(cli() + " plan import " + a + " " + dir.file("newer.xlsx"));
    INFO(first.out << first.err);
    REQUIRE(first.exitCode == 0);
    std::string merged = readText(a);
    CHECK_THAT(merged, Catch::Contains("Bản mới") && Catch::Contains("Nguyễn Văn A"));
    auto second = run(cli() + " plan import " + a + " " + dir.file("older.xlsx"));
    INFO(second.out << second.err);
    CHECK(second.exitCode == 1);
    CHECK_THAT(second.err, Catch::Contains("A-001"));
    std::string after = readText(a);
    CHECK_THAT(after, Catch::Contains("Bản mới") && !Catch::Contains("Bản cũ"));
}

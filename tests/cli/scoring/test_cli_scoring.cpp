// SPDX-License-Identifier: Apache-2.0
// End-to-end tests of `par-audit score` and `par-audit rank` on a generated workspace: the Quỳnh
// Lưu sample copied under other unit names and years, answers changed with `par-audit answer`, a xã
// audit made with `par-audit new`, and a broken file. Outputs read back: text, CSV, JSON, the XLSX
// (unzipped sheet XML) and the PDF (pdftotext, and the bars as stroked paths in the page content).
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "TestSupport.hpp"

using namespace par::test;

namespace {

std::string cli() {
    return "PAR_AUDIT_DATA=" + sourcePath("") + " " + binaryPath("par-audit");
}

std::string replaceAll(std::string s, const std::string& from, const std::string& to) {
    for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
        s.replace(p, from.size(), to);
    return s;
}

// The sample with absolute form and reference paths, another unit name and another visit date.
std::string variant(const std::string& unit, const std::string& date) {
    std::string t = readText(sourcePath("samples/quynh-luu-2018/quynh-luu-2018.audit.xml"));
    t = replaceAll(t, "href=\"../../forms/cchc-huyen.xml\"",
                   "href=\"" + sourcePath("forms/cchc-huyen.xml") + "\"");
    t = replaceAll(t, "catalog=\"thu-tuc.xml\"",
                   "catalog=\"" + sourcePath("samples/quynh-luu-2018/thu-tuc.xml") + "\"");
    t = replaceAll(t, "registry=\"van-ban-bo-sung.xml\"",
                   "registry=\"" + sourcePath("samples/quynh-luu-2018/van-ban-bo-sung.xml") + "\"");
    t = replaceAll(t, "<unit name=\"UBND huyện Quỳnh Lưu\"", "<unit name=\"" + unit + "\"");
    t = replaceAll(t, "<visit start=\"2018-11-28\" end=\"2018-11-28\"/>",
                   "<visit start=\"" + date + "\" end=\"" + date + "\"/>");
    // Each variant is another audit: its own id (a workspace counts one audit per id).
    t = replaceAll(t, "id=\"NA-SNV-2018-QL\"",
                   "id=\"V-" + date + "-" + std::to_string(std::hash<std::string>{}(unit) % 100000) + "\"");
    return t;
}

// 2018: Yên Thành (better answers), Diễn Châu and Quỳnh Lưu (the sample's answers: tied), a xã;
// 2017: Quỳnh Lưu without a LAN (e-government loses 1 of 12 points); and a broken file.
struct Workspace {
    ScratchDir dir{"par-rank"};
    Workspace() {
        run("mkdir -p " + dir.file("2018/xa") + " " + dir.file("2017"));
        writeText(dir.file("2018/quynh-luu.audit.xml"),
                  variant("UBND huyện Quỳnh Lưu", "2018-11-28"));
        writeText(dir.file("2018/dien-chau.audit.xml"),
                  variant("UBND huyện Diễn Châu", "2018-10-02"));
        writeText(dir.file("2018/yen-thanh.audit.xml"),
                  variant("UBND huyện Yên Thành", "2018-09-12"));
        writeText(dir.file("2017/quynh-luu.audit.xml"),
                  variant("UBND  huyện quỳnh lưu", "2017-11-20"));
        writeText(dir.file("broken.audit.xml"),
                  "<audit format-version='1'>\n<unit name='x'>\n</audit>");
        answer(dir.file("2018/yen-thanh.audit.xml"), "ld_phan_cong=yes ld_huong_dan_co_so=yes");
        answer(dir.file("2017/quynh-luu.audit.xml"), "cntt_mang_lan=no");
        auto made =
            run(cli() + " new --form cchc-xa --unit " + q("UBND xã Ngọc Sơn") +
                " --type xa --visit 02/12/2018 -o " + dir.file("2018/xa/ngoc-son.audit.xml"));
        REQUIRE(made.exitCode == 0);
        answer(dir.file("2018/xa/ngoc-son.audit.xml"),
               "ld_ke_hoach=yes tthc_mot_cua_thanh_lap=yes");
    }
    void answer(const std::string& file, const std::string& assignments) {
        auto r = run(cli() + " answer " + file + " " + assignments);
        INFO(r.out << r.err);
        REQUIRE(r.exitCode == 0);
    }
    std::string rank(const std::string& args) const {
        return cli() + " rank " + dir.path() + " --year 2018 " + args;
    }
};

}  // namespace

TEST_CASE("score prints the breakdown, total, band and what lost points", "[cli][scoring]") {
    Workspace ws;
    std::string audit = ws.dir.file("2018/quynh-luu.audit.xml");
    auto r = run(cli() + " score " + audit);
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    CHECK_THAT(r.out, Catch::Contains("Điểm công tác CCHC: UBND huyện Quỳnh Lưu"));
    CHECK_THAT(r.out, Catch::Contains("Cải cách thủ tục hành chính"));
    CHECK_THAT(r.out, Catch::Contains("TỔNG ĐIỂM") && Catch::Contains("Xếp loại: "));
    CHECK_THAT(r.out, Catch::Contains("VÍ DỤ"));
    CHECK_THAT(r.out, Catch::Contains("Mất điểm ở câu hỏi") && Catch::Contains("ld_phan_cong"));
    CHECK_THAT(r.out,
               Catch::Contains("Trừ điểm theo phát hiện") && Catch::Contains("R-TTHC-THUA-TP"));

    auto j = run(cli() + " score --json " + audit);
    REQUIRE(j.exitCode == 0);
    auto doc = nlohmann::json::parse(j.out);
    double total = doc["total"].get<double>();
    CHECK(total > 0);
    CHECK(total < 100);
    CHECK(doc["band"].is_object());
    CHECK(doc["bands"]["example"] == true);
    CHECK(!doc["lost"].empty());
    CHECK(!doc["penalties"].empty());
    double areas = 0;
    for (const auto& a : doc["areas"])
        areas += a["points"].get<double>();
    CHECK(areas == Approx(total).margin(0.05));
    CHECK(doc["unsavedFindings"].get<int>() > 0);  // the sample stores no findings
    // Unanswered questions are listed as not assessed, never counted as zero.
    CHECK(!doc["notAssessed"].empty());
    for (const auto& l : doc["lost"])
        CHECK(l["state"] == "answered");
    CHECK(doc["coverage"]["assessed"].get<int>() < doc["coverage"]["assessable"].get<int>());
    CHECK(doc["provisional"] == true);  // the sample records about a third of the criteria
    CHECK_THAT(r.out, Catch::Contains("Phạm vi chấm: đã chấm ") && Catch::Contains("(tạm tính)") &&
                          Catch::Contains("Chưa chấm ("));

    // The better-answered copy scores higher.
    auto better = nlohmann::json::parse(
        run(cli() + " score --json " + ws.dir.file("2018/yen-thanh.audit.xml")).out);
    CHECK(better["total"].get<double>() > total);
}

// (session 9: an area none of whose criteria was answered yet was listed as having none)
TEST_CASE("score tells an area not yet assessed from one with nothing to score", "[cli][scoring]") {
    Workspace ws;
    auto r = run(cli() + " score " + ws.dir.file("2018/xa/ngoc-son.audit.xml"));
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    const size_t table = r.out.find("Cải cách thể chế");
    REQUIRE(table != std::string::npos);
    const std::string line = r.out.substr(table, r.out.find('\n', table) - table);
    CHECK_THAT(line, Catch::Contains("(chưa chấm câu nào trong ") && Catch::Contains(" tiêu chí)"));
    // and a section that really scores nothing (the commune's sub-units) still says so
    CHECK_THAT(r.out, Catch::Contains("không tính (không có câu hỏi chấm điểm)"));
}

// The seed (../shared/domain/seed-article.txt): the Deputy Director "ghi nhận đánh giá cao" the
// district's results. Scored on what the sample records, it must not fall in the weakest band of
// the default scale (it scored 12,40, "Yếu", while unanswered questions counted 0 and penalties
// repeated what questions had lost).
TEST_CASE("the 2018 sample is not in the weakest band, its penalties never repeat a question",
          "[cli][scoring]") {
    auto r = run(cli() + " score --json " +
                 sourcePath("samples/quynh-luu-2018/quynh-luu-2018.audit.xml"));
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    auto doc = nlohmann::json::parse(r.out);
    REQUIRE(doc["band"].is_object());
    CHECK(doc["band"]["id"] != "yeu");
    CHECK(doc["total"].get<double>() >= 50);
    for (const auto& p : doc["penalties"]) {
        CHECK(p["applied"].get<double>() + p["offset"].get<double>() <=
              p["penalty"].get<double>() + 1e-9);
    }
    for (const auto& s : doc["sections"])
        CHECK(s["penalties"].get<double>() <= s["points"].get<double>() + 1e-9);
}

// The example: a commune whose dossiers were 87,5 % on time got 0/25 for procedures,
// because the late-dossier and on-time-rate penalties were deducted on top of its lost points.
TEST_CASE("a commune with an 87,5 % on-time rate keeps its procedure points", "[cli][scoring]") {
    ScratchDir dir("par-xa");
    const std::string a = dir.file("xa.audit.xml");
    auto made = run(cli() + " new --form cchc-xa --unit " + q("UBND xã Thử") +
                    " --type xa --visit 02/12/2025 -o " + a);
    REQUIRE(made.exitCode == 0);
    auto answered = run(cli() + " answer " + a +
                        " tthc_mot_cua_thanh_lap=yes tthc_bo_day_du=yes tthc_niem_yet=yes"
                        " ket_qua_giai_quyet.1.nam=2025 ket_qua_giai_quyet.1.tiep_nhan=100"
                        " ket_qua_giai_quyet.1.dung_han=70 ket_qua_giai_quyet.1.qua_han=10"
                        " ket_qua_giai_quyet.1.phieu_xin_loi=10");
    INFO(answered.out << answered.err);
    REQUIRE(answered.exitCode == 0);
    auto r = run(cli() + " score --json " + a);
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    auto doc = nlohmann::json::parse(r.out);
    std::vector<std::string> fired;
    for (const auto& p : doc["penalties"])
        fired.push_back(p["rule"]);
    CHECK(std::find(fired.begin(), fired.end(), "R-HS-TY-LE") != fired.end());
    CHECK(std::find(fired.begin(), fired.end(), "R-HS-QUA-HAN") != fired.end());
    bool seen = false;
    for (const auto& s : doc["sections"])
        if (s["area"] == "procedures" && s["max"].get<double>() > 0) {
            seen = true;
            // 6 question points + the criteria of the rules that did not fire, minus 3 + 2.
            CHECK(s["points"].get<double>() - s["penalties"].get<double>() > 0);
        }
    CHECK(seen);
    for (const auto& ar : doc["areas"])
        if (ar["id"] == "procedures")
            CHECK(ar["percent"].get<double>() > 40);
}

TEST_CASE("score and rank refuse a bad band scale with file:line", "[cli][scoring]") {
    Workspace ws;
    writeText(ws.dir.file("bands.xml"),
              "<bands format-version='1' id='x'>\n<band label='A' from='80'/>\n"
              "<band label='B' from='0' below='60'/>\n</bands>");
    auto r = run(cli() + " score --bands " + ws.dir.file("bands.xml") + " " +
                 ws.dir.file("2018/quynh-luu.audit.xml"));
    CHECK(r.exitCode == 2);
    CHECK_THAT(r.out + r.err,
               Catch::Contains(ws.dir.file("bands.xml") + ":3") && Catch::Contains("khoảng trống"));
    auto k = run(ws.rank("--bands " + ws.dir.file("bands.xml")));
    CHECK(k.exitCode == 2);
    writeText(ws.dir.file("abc.xml"), readText(sourcePath("bands/vi-du-abc-2015.xml")));
    auto abc = run(cli() + " score --bands " + ws.dir.file("abc.xml") + " " +
                   ws.dir.file("2018/quynh-luu.audit.xml"));
    CHECK(abc.exitCode == 0);
    CHECK_THAT(abc.out, Catch::Contains("A/B/C"));
}

TEST_CASE("rank: table with ties, change since last year, skipped files", "[cli][scoring]") {
    Workspace ws;
    auto r = run(ws.rank("--type huyen"));
    INFO(r.out << r.err);
    CHECK(r.exitCode == 1);  // the broken file was skipped
    CHECK_THAT(r.err, Catch::Contains("broken.audit.xml") && Catch::Contains("bỏ qua"));
    CHECK_THAT(r.out, Catch::Contains(
                          "XẾP HẠNG CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2018 (loại đơn vị: huyen)"));
    CHECK_THAT(r.out, Catch::Contains("Hạng") && Catch::Contains("Tổng điểm") &&
                          Catch::Contains("So với 2017"));
    CHECK_THAT(r.out, Catch::Contains("Đồng hạng 2: UBND huyện Diễn Châu và UBND huyện Quỳnh Lưu"));
    CHECK_THAT(r.out, Catch::Contains("hạng tiếp theo là 4"));
    CHECK_THAT(r.out, Catch::Contains("không ảnh hưởng đến thứ hạng"));
    CHECK(r.out.find("Ngọc Sơn") == std::string::npos);
    CHECK(r.out.find("Yên Thành") < r.out.find("Diễn Châu"));
    CHECK(r.out.find("Diễn Châu") < r.out.find("Quỳnh Lưu"));  // tie shown in alphabetical order
}

TEST_CASE("rank: a copied audit file is counted once and reported with both paths",
          "[cli][scoring][duplicate]") {
    Workspace ws;
    auto before = run(ws.rank("--type huyen --format json"));
    std::filesystem::copy_file(ws.dir.file("2018/dien-chau.audit.xml"),
                               ws.dir.file("2018/dien-chau - Copy.audit.xml"));
    auto r = run(ws.rank("--type huyen --format json"));
    INFO(r.err);
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.err, Catch::Contains("dien-chau - Copy.audit.xml") &&
                          Catch::Contains("dien-chau.audit.xml") && Catch::Contains("tính một lần"));
    auto a = nlohmann::json::parse(before.out), b = nlohmann::json::parse(r.out);
    REQUIRE(a["entries"].size() == b["entries"].size());
    for (size_t i = 0; i < a["entries"].size(); ++i)
        CHECK(a["entries"][i]["total"] == b["entries"][i]["total"]);
}

TEST_CASE("rank: CSV and JSON read back", "[cli][scoring]") {
    Workspace ws;
    auto c = run(ws.rank("--type huyen --format csv -o " + ws.dir.file("out/x.csv")));
    CHECK(c.exitCode == 2);  // the folder of -o does not exist: nothing written
    auto csvRun = run(ws.rank("--type huyen --format csv -o " + ws.dir.file("x.csv")));
    CHECK(csvRun.exitCode == 1);
    std::string csv = readText(ws.dir.file("x.csv"));
    REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    std::vector<std::string> lines;
    for (size_t p = 3, e; (e = csv.find("\r\n", p)) != std::string::npos; p = e + 2)
        lines.push_back(csv.substr(p, e - p));
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].rfind(
              "Hạng,Đồng hạng,Đơn vị,Loại,Tổng điểm,Xếp loại,Tổng điểm năm 2017,Thay đổi,", 0) ==
          0);
    CHECK(lines[1].rfind("1,,UBND huyện Yên Thành,huyen,", 0) == 0);
    CHECK(lines[2].rfind("2,có,UBND huyện Diễn Châu,huyen,", 0) == 0);
    CHECK(lines[3].rfind("2,có,UBND huyện Quỳnh Lưu,huyen,", 0) == 0);

    auto j = run(ws.rank("--format json"));
    CHECK(j.exitCode == 1);
    auto doc = nlohmann::json::parse(j.out);
    REQUIRE(doc["entries"].size() == 4);  // all types: the xã too
    nlohmann::json ql;
    for (const auto& e : doc["entries"])
        if (e["unit"]["name"] == "UBND huyện Quỳnh Lưu")
            ql = e;
    REQUIRE(ql.is_object());
    // The xã audit has 2 answers: its score covers few criteria and is marked provisional; it
    // ranks by its total all the same (rank 1), so the tied districts are 3=.
    nlohmann::json ns;
    for (const auto& e : doc["entries"])
        if (e["unit"]["name"] == "UBND xã Ngọc Sơn")
            ns = e;
    REQUIRE(ns.is_object());
    CHECK(ns["provisional"] == true);
    CHECK(ns["coverage"]["assessed"].get<int>() < ns["coverage"]["assessable"].get<int>());
    CHECK(ql["rank"] == ns["rank"].get<int>() + 2);
    CHECK(ql["tied"] == true);
    REQUIRE(ql["previous"].is_object());
    CHECK(ql["previous"]["year"] == 2017);
    CHECK(ql["change"].get<double>() > 0);  // 2017 had no LAN
    CHECK(ql["change"].get<double>() ==
          Approx(ql["total"].get<double>() - ql["previous"]["total"].get<double>()).margin(0.001));
    CHECK(doc["ties"][0]["units"].size() == 2);
}

TEST_CASE("rank: XLSX workbook read back", "[cli][scoring]") {
    Workspace ws;
    auto r = run(ws.rank("--format xlsx"));
    CHECK(r.exitCode == 2);  // xlsx needs -o
    auto x = run(ws.rank("--type huyen --format xlsx -o " + ws.dir.file("x.xlsx")));
    INFO(x.err);
    CHECK(x.exitCode == 1);
    auto strings = run("unzip -p " + ws.dir.file("x.xlsx") + " xl/sharedStrings.xml");
    REQUIRE(strings.exitCode == 0);
    CHECK_THAT(strings.out,
               Catch::Contains("UBND huyện Yên Thành") && Catch::Contains("Tổng điểm"));
    auto book = run("unzip -p " + ws.dir.file("x.xlsx") + " xl/workbook.xml");
    CHECK_THAT(book.out,
               Catch::Contains("name=\"Xếp hạng\"") && Catch::Contains("name=\"Ghi chú\""));
    auto sheet = run("unzip -p " + ws.dir.file("x.xlsx") + " xl/worksheets/sheet1.xml");
    CHECK_THAT(sheet.out, Catch::Contains("<pane") && Catch::Contains("<c r=\"A5\""));
    CHECK_THAT(sheet.out, Catch::Contains("<c r=\"A7\" s=\"") && Catch::Contains("<v>2</v>"));
}

TEST_CASE("rank: PDF with the bar chart drawn as vector strokes", "[cli][scoring][pdf]") {
    Workspace ws;
    std::string pdf = ws.dir.file("xep-hang.pdf");
    auto r = run("SOURCE_DATE_EPOCH=1700000000 " + ws.rank("--type huyen --format pdf -o " + pdf));
    INFO(r.out << r.err);
    if (r.exitCode == 2 && r.err.find("par_pdf") != std::string::npos) {
        WARN("par-audit built without the PDF engine: PDF not checked");
        return;
    }
    REQUIRE(r.exitCode == 1);
    auto text = run("pdftotext -layout " + pdf + " -");
    REQUIRE(text.exitCode == 0);
    CHECK_THAT(text.out, Catch::Contains("XẾP HẠNG CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2018"));
    CHECK_THAT(text.out, Catch::Contains("Biểu đồ tổng điểm") && Catch::Contains("Bảng xếp hạng"));
    CHECK_THAT(text.out, Catch::Contains("1. UBND huyện Yên Thành") &&
                             Catch::Contains("2= UBND huyện Quỳnh Lưu"));
    CHECK_THAT(text.out, Catch::Contains("Đồng hạng 2"));
    CHECK_THAT(text.out, Catch::Contains("VÍ DỤ"));
    // The bars: 7-point-wide stroked lines in the page content (no image in the file).
    auto content = run("qpdf --qdf --object-streams=disable " + pdf + " -");
    CHECK_THAT(content.out, Catch::Contains("7 w"));
    CHECK(content.out.find("/Subtype /Image") == std::string::npos);
}

TEST_CASE("rank: bad usage exits 2", "[cli][scoring]") {
    ScratchDir dir;
    CHECK(run(cli() + " rank " + dir.file("none") + " --year 2018").exitCode == 2);
    CHECK(run(cli() + " rank " + dir.path()).exitCode == 2);  // --year is required
    CHECK(run(cli() + " rank " + dir.path() + " --year 2018 --format docx").exitCode == 2);
    auto empty = run(cli() + " rank " + dir.path() + " --year 2018");
    CHECK(empty.exitCode == 0);
    CHECK_THAT(empty.out, Catch::Contains("không có cuộc kiểm tra nào"));
    auto help = run(cli() + " rank --help");
    CHECK_THAT(help.out, Catch::Contains("Năm kiểm tra") && Catch::Contains("Định dạng"));
}

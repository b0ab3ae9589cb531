// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "PdfTestSupport.hpp"
#include "TestSupport.hpp"
#include "core/report/SampleData.hpp"
#include "pdf/PdfWriter.hpp"
#include "pdf/Template.hpp"

using namespace par;
using namespace par::pdf;
using test::BoxWord;

namespace {
const double kMm = 72.0 / 25.4;

RenderResult renderTemplate(const std::string& name, const report::Data& d,
                            const std::string& out) {
    Document doc = Template::load(test::templatePath(name)).render(d);
    RenderOptions o;
    o.sourceDateEpoch = 1543968000;  // 2018-12-05
    RenderResult r = renderPdf(doc, o);
    test::writeText(out, r.pdf);
    return r;
}

void checkMargins(const std::vector<BoxWord>& words) {
    for (const auto& w : words) {
        INFO("page " << w.page << " word '" << w.text << "'");
        CHECK(w.xMin >= 30 * kMm - 0.5);
        CHECK(w.xMax <= w.pageWidth - 15 * kMm + 0.5);
        CHECK(w.yMin >= 5 * kMm);
        CHECK(w.yMax <= w.pageHeight - 5 * kMm);
    }
}
}  // namespace

TEST_CASE("the notice reads back: content, order, fonts, structure", "[pdf][readback]") {
    test::ScratchDir dir("par-pdf");
    std::string pdf = dir.file("notice.pdf");
    report::Data d = report::sampleNoticeData();
    RenderResult r = renderTemplate("thong-bao-ket-luan.xml", d, pdf);

    auto text = test::run("pdftotext -layout '" + pdf + "' -");
    REQUIRE(text.exitCode == 0);
    CHECK(
        text.err.empty());  // no "Invalid 'begincidrange'" warning: the ToUnicode CMap is repaired
    std::vector<std::string> order{"UBND TỈNH NGHỆ AN",
                                   "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                   "SỞ NỘI VỤ",
                                   "Độc lập - Tự do - Hạnh phúc",
                                   "Số: 05/TB-SNV",
                                   "Nghệ An, ngày 05 tháng 12 năm 2018",
                                   "THÔNG BÁO",
                                   "Căn cứ Quyết định số 4780/QĐ-UBND",
                                   "I. THỜI GIAN, THÀNH PHẦN",
                                   "Lê Đình Lý, Phó Giám đốc Sở Nội vụ - Trưởng đoàn;",
                                   "II. KẾT QUẢ THỰC HIỆN",
                                   "17.334",
                                   "1. Ưu điểm",
                                   "2. Tồn tại, hạn chế",
                                   "thừa thành phần hồ sơ",
                                   "IV. YÊU CẦU",
                                   "Nơi nhận:",
                                   "KT. GIÁM ĐỐC",
                                   "Lê Đình Lý",
                                   "Phụ lục",
                                   "Biện pháp khắc phục"};
    size_t pos = 0;
    for (const auto& s : order) {
        size_t at = text.out.find(s, pos);
        INFO("expected in order: " << s);
        REQUIRE(at != std::string::npos);
        pos = at;
    }

    auto fonts = test::run("pdffonts '" + pdf + "'");
    REQUIRE(fonts.exitCode == 0);
    int faces = 0;
    std::string body = fonts.out.substr(fonts.out.find("---"));
    for (size_t at = body.find('\n'); at != std::string::npos && at + 1 < body.size();
         at = body.find('\n', at + 1)) {
        std::string line = body.substr(at + 1, body.find('\n', at + 1) - at - 1);
        if (line.empty())
            continue;
        ++faces;
        CHECK(line.find('+') == 6);  // subset tag "ABCDEF+"
        CHECK_THAT(line, Catch::Contains("yes yes yes"));
    }
    CHECK(faces == 4);

    auto qpdf = test::run("qpdf --check '" + pdf + "'");
    CHECK(qpdf.exitCode == 0);
    CHECK_THAT(qpdf.out, Catch::Contains("No syntax or stream encoding errors"));

    auto info = test::run("pdfinfo '" + pdf + "'");
    CHECK_THAT(info.out, Catch::Contains("par-audit-sha256:" + d.path("fingerprint")->str()));
    CHECK_THAT(info.out, Catch::Contains("2018"));  // CreationDate from the epoch
    CHECK_THAT(info.out, Catch::Contains("(A4)"));
    // Title, subject and author in Vietnamese with their diacritics (UTF-16BE text strings).
    CHECK_THAT(info.out, Catch::Contains("Title:           Thông báo kết luận kiểm tra 05/TB-SNV"));
    CHECK_THAT(info.out, Catch::Contains("Subject:         Kết luận kiểm tra công tác cải cách hành chính"));
}

TEST_CASE("positions: margins, page numbers, header columns", "[pdf][readback]") {
    test::ScratchDir dir("par-pdf");
    std::string pdf = dir.file("notice.pdf");
    RenderResult r = renderTemplate("thong-bao-ket-luan.xml", report::sampleNoticeData(40), pdf);
    auto words = test::bboxWords(pdf);
    REQUIRE(!words.empty());
    checkMargins(words);

    // Page 1: nothing in the top margin. Later pages: the number, centred over the text, in the
    // margin.
    int pages = words.back().page;
    REQUIRE(pages >= 3);
    REQUIRE(static_cast<size_t>(pages) == r.pages.size());
    int unnumbered = 0;
    for (const auto& w : words)
        if (w.page == 1)
            CHECK(w.yMin >= 20 * kMm - 1);
    for (int p = 2; p <= pages; ++p) {
        bool found = false;
        for (const auto& w : words) {
            if (w.page != p || w.yMax > 20 * kMm)
                continue;
            found = true;
            CHECK(w.text.find_first_not_of("0123456789") == std::string::npos);
            double centre = (w.xMin + w.xMax) / 2;
            CHECK(centre == Approx(30 * kMm + (w.pageWidth - 45 * kMm) / 2).margin(1.0));
        }
        CHECK(found == r.pages[p - 1].numbered);
        if (!found)
            ++unnumbered;
    }
    CHECK(unnumbered == 1);  // the annex's first page: it is numbered on its own
    // Header: agency in the left column, Quốc hiệu in the right; "Số" and the date on one line.
    const double split = 30 * kMm + (595.28 - 45 * kMm) * 0.38;
    CHECK(test::findWord(words, "NỘI", 1).xMax < split);
    CHECK(test::findWord(words, "CỘNG", 1).xMin > split);
    const auto& so = test::findWord(words, "Số:", 1);
    const auto& place = test::findWord(words, "Nghệ", 1);
    CHECK(so.xMax < split);
    CHECK(place.xMin > split);
    CHECK(so.yMin == Approx(place.yMin).margin(1.0));
    const auto& tb = test::findWord(words, "THÔNG", 1);
    CHECK((tb.xMin + tb.xMax) / 2 == Approx(30 * kMm + (595.28 - 45 * kMm) / 2).margin(25));
}

TEST_CASE("output is byte-identical for the same input", "[pdf][readback]") {
    report::Data d = report::sampleNoticeData(10);
    Document doc = Template::load(test::templatePath("thong-bao-ket-luan.xml")).render(d);
    RenderOptions o;
    o.sourceDateEpoch = 1700000000;
    CHECK(renderPdf(doc, o).pdf == renderPdf(doc, o).pdf);
}

TEST_CASE("hostile content lays out without clipping", "[pdf][readback]") {
    test::ScratchDir dir("par-pdf");
    std::string pdf = dir.file("hostile.pdf");
    report::Data d = report::sampleNoticeData();
    // The notice prints the findings grouped by area.
    auto& findings = d["shortcomings"].items()[0]["findings"].items();
    findings[0].set("text", "");
    findings[1].set("text", "Từ" + std::string(400, 'W') + " cuối");
    auto& plan = d["plan"].items();
    std::string huge;
    for (int i = 0; i < 1500; ++i)
        huge += "nội dung rất dài " + std::to_string(i) + " ";
    plan[0].set("action", huge);
    plan[1].set("responsible", std::string(300, 'R'));
    renderTemplate("thong-bao-ket-luan.xml", d, pdf);
    auto words = test::bboxWords(pdf);
    checkMargins(words);
    size_t rs = 0, ws = 0;
    for (const auto& w : words) {
        rs += static_cast<size_t>(std::count(w.text.begin(), w.text.end(), 'R'));
        ws += static_cast<size_t>(std::count(w.text.begin(), w.text.end(), 'W'));
    }
    CHECK(rs >= 300);  // cut across lines, not lost
    CHECK(ws >= 400);
    CHECK(test::run("qpdf --check '" + pdf + "'").exitCode == 0);
}

// Golden images: the sample notice rendered at 40 dpi in grey and compared with tests/pdf/golden/.
// Regenerate after an intended layout change with PAR_UPDATE_GOLDEN=1 (see docs/templates.md).
TEST_CASE("pages match the golden images", "[pdf][golden]") {
    test::ScratchDir dir("par-pdf");
    std::string pdf = dir.file("notice.pdf");
    RenderResult r = renderTemplate("thong-bao-ket-luan.xml", report::sampleNoticeData(), pdf);
    if (r.fontFamily != "Liberation Serif") {
        WARN("golden images are made with Liberation Serif; skipped with " << r.fontFamily);
        return;
    }
    REQUIRE(
        test::run("pdftoppm -r 40 -gray -png '" + pdf + "' '" + dir.file("page") + "'").exitCode ==
        0);
    const bool update = std::getenv("PAR_UPDATE_GOLDEN") != nullptr;
    for (size_t i = 1; i <= r.pages.size(); ++i) {
        std::string name = "notice-" + std::to_string(i) + ".png";
        std::string got = dir.file("page-" + std::to_string(i) + ".png");
        std::string ref = test::sourcePath("tests/pdf/golden/" + name);
        if (update) {
            REQUIRE(test::run("cp '" + got + "' '" + ref + "'").exitCode == 0);
            continue;
        }
        // Normalised RMSE over all pixels; a moved line or paragraph gives well above 0.02.
        auto cmp = test::run("compare -metric RMSE '" + got + "' '" + ref + "' null: 2>&1");
        INFO(name << ": " << cmp.out);
        size_t open = cmp.out.find('(');
        REQUIRE(open != std::string::npos);
        double rmse = std::stod(cmp.out.substr(open + 1));
        CHECK(rmse < 0.02);
    }
}

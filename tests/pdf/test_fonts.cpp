// SPDX-License-Identifier: Apache-2.0
// test_fonts.cpp - the embedded fonts are real subsets (src/pdf/FontSubsetter.cpp): every
// Vietnamese letter printed in each face reads back with its diacritics, a face the document does
// not print is not embedded, and the fonts no longer weigh hundreds of kilobytes.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "PdfTestSupport.hpp"
#include "TestSupport.hpp"
#include "pdf/PdfWriter.hpp"

using namespace par;
using namespace par::pdf;

namespace {

// Every letter of the Vietnamese alphabet with every tone mark, lower and upper case, as words.
const std::vector<std::string> kLetters = {
    "aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "bcdđ",   "eèéẻẽẹ", "êềếểễệ",   "ghiìíỉĩị", "klmn",
    "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "pqrst",  "uùúủũụ", "ưừứửữự",   "vxyỳýỷỹỵ", "AÀÁẢÃẠ",
    "ĂẰẮẲẴẶ", "ÂẦẤẨẪẬ", "BCDĐ",   "EÈÉẺẼẸ", "ÊỀẾỂỄỆ", "GHIÌÍỈĨỊ", "KLMN",     "OÒÓỎÕỌ",
    "ÔỒỐỔỖỘ", "ƠỜỚỞỠỢ", "PQRST",  "UÙÚỦŨỤ", "ƯỪỨỬỮỰ", "VXYỲÝỶỸỴ"};

Paragraph paragraph(const std::string& text, FontStyle style) {
    Paragraph p;
    p.align = Align::Left;
    p.runs.push_back({text, style});
    return p;
}

Document document(const std::vector<FontStyle>& styles) {
    std::string all;
    for (const auto& w : kLetters)
        all += w + " ";
    Section s;
    s.pageNumbers = false;
    for (FontStyle st : styles)
        s.blocks.push_back(Block::of(paragraph(all, st)));
    Document d;
    d.sections.push_back(s);
    return d;
}

RenderResult render(const Document& doc, const std::string& path) {
    RenderOptions o;
    o.sourceDateEpoch = 1543968000;
    RenderResult r = renderPdf(doc, o);
    test::writeText(path, r.pdf);
    return r;
}

// The font lines of `pdffonts`, after its two header lines.
std::vector<std::string> fontLines(const std::string& pdf) {
    auto fonts = test::run("pdffonts '" + pdf + "'");
    REQUIRE(fonts.exitCode == 0);
    std::vector<std::string> lines;
    size_t pos = fonts.out.find('\n', fonts.out.find("----"));
    while (pos != std::string::npos && pos + 1 < fonts.out.size()) {
        size_t end = fonts.out.find('\n', pos + 1);
        std::string line = fonts.out.substr(pos + 1, end - pos - 1);
        pos = end;
        if (!line.empty())
            lines.push_back(line);
    }
    return lines;
}

}  // namespace

TEST_CASE("every Vietnamese letter reads back from the font subsets", "[pdf][fonts]") {
    test::ScratchDir dir("par-pdf");
    std::string pdf = dir.file("letters.pdf");
    RenderResult r = render(
        document({FontStyle::Regular, FontStyle::Bold, FontStyle::Italic, FontStyle::BoldItalic}),
        pdf);

    auto text = test::run("pdftotext -enc UTF-8 '" + pdf + "' -");
    REQUIRE(text.exitCode == 0);
    for (const auto& w : kLetters) {
        INFO(w);
        size_t n = 0;
        for (size_t at = text.out.find(w); at != std::string::npos; at = text.out.find(w, at + 1))
            ++n;
        CHECK(n == 4);  // once per face
    }

    auto lines = fontLines(pdf);
    CHECK(lines.size() == 4);
    for (const auto& line : lines) {
        INFO(line);
        CHECK(line.find('+') == 6);
        CHECK_THAT(line, Catch::Contains("yes yes yes"));  // embedded, subset, ToUnicode
    }
    auto qpdf = test::run("qpdf --check '" + pdf + "'");
    INFO(qpdf.out << qpdf.err);
    CHECK(qpdf.exitCode == 0);
    // Four subsets of about 200 glyphs come to about 10 KB each; the whole faces libharu embedded
    // on its own came to about 200 KB.
    CHECK(r.pdf.size() < 64 * 1024);
}

TEST_CASE("a face the document does not print is not embedded", "[pdf][fonts]") {
    test::ScratchDir dir("par-pdf");
    std::string pdf = dir.file("two-faces.pdf");
    render(document({FontStyle::Regular, FontStyle::Bold}), pdf);
    auto lines = fontLines(pdf);
    REQUIRE(lines.size() == 2);
    for (const auto& line : lines) {
        INFO(line);
        CHECK(line.find("Italic") == std::string::npos);
    }
    auto raw = test::run("qpdf --qdf --object-streams=disable '" + pdf + "' -");
    REQUIRE(raw.exitCode == 0);
    size_t files = 0;
    for (size_t at = raw.out.find("/FontFile2"); at != std::string::npos;
         at = raw.out.find("/FontFile2", at + 1))
        ++files;
    CHECK(files == 2);
}

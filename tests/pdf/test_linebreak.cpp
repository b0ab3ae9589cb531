// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "PdfTestSupport.hpp"
#include "pdf/LineBreaker.hpp"

using namespace par::pdf;
using par::test::FixedMeasurer;

namespace {
Paragraph para(const std::string& text, Align align = Align::Justify) {
    Paragraph p;
    p.runs.push_back({text, FontStyle::Regular});
    p.align = align;
    p.fontSize = 10;  // 5 pt per character, 5 pt per space
    return p;
}

std::string lineText(const Line& l) {
    std::string s;
    for (const auto& w : l.words) {
        if (!s.empty())
            s += ' ';
        for (const auto& pc : w.pieces)
            s += pc.text;
    }
    return s;
}
}  // namespace

TEST_CASE("lines break at word boundaries and never exceed the width", "[pdf][layout]") {
    FixedMeasurer m;
    auto lines = breakLines(para("một hai ba bốn năm sáu bảy tám chín mười"), m,
                            60);  // 12 characters a line
    REQUIRE(lines.size() == 4);
    CHECK(lineText(lines[0]) == "một hai ba");
    CHECK(lineText(lines[1]) == "bốn năm sáu");
    CHECK(lineText(lines[3]) == "mười");
    for (const auto& l : lines)
        CHECK(l.natural <= l.available + 1e-9);
    CHECK(lines.back().endsParagraph);
}

TEST_CASE("justification widens the spaces between words only", "[pdf][layout]") {
    FixedMeasurer m;
    auto lines = breakLines(para("aa bb cc dd ee ff gg hh"), m, 66);
    REQUIRE(lines.size() >= 2);
    const Line& l = lines[0];  // "aa bb cc dd": natural 55 of 66
    auto xs = wordPositions(l, Align::Justify);
    REQUIRE(xs.size() == 4);
    double right = xs.back() + l.words.back().width;
    CHECK(right == Approx(66));
    double gap1 = xs[1] - (xs[0] + l.words[0].width);
    double gap2 = xs[2] - (xs[1] + l.words[1].width);
    CHECK(gap1 == Approx(gap2));
    CHECK(gap1 > 5);  // 5 natural + 11 / 3
    for (const auto& w : l.words)
        CHECK(w.width == Approx(10));  // letters keep their advance
    // The last line stays ragged, with natural spaces.
    auto last = wordPositions(lines.back(), Align::Justify);
    if (last.size() > 1)
        CHECK(last[1] - last[0] == Approx(lines.back().words[0].width + 5));
}

TEST_CASE("first-line indent narrows the first line only", "[pdf][layout]") {
    FixedMeasurer m;
    Paragraph p = para("aaaa bbbb cccc dddd eeee ffff");
    p.firstIndent = 20;
    auto lines = breakLines(p, m, 70);
    REQUIRE(lines.size() >= 2);
    CHECK(lines[0].indent == 20);
    CHECK(lines[0].available == 50);
    CHECK(lines[1].indent == 0);
    CHECK(lines[1].available == 70);
}

TEST_CASE("a word wider than the line is cut, never clipped", "[pdf][layout]") {
    FixedMeasurer m;
    std::string longWord(50, 'x');
    auto lines = breakLines(para("đầu " + longWord + " cuối"), m, 60);
    std::string joined;
    for (const auto& l : lines) {
        CHECK(l.natural <= l.available + 1e-9);
        for (const auto& w : l.words)
            for (const auto& pc : w.pieces)
                joined += pc.text;
    }
    CHECK(joined == "đầu" + longWord + "cuối");
    CHECK(lines.size() >= 5);
}

TEST_CASE("forced breaks and style changes inside a word", "[pdf][layout]") {
    FixedMeasurer m;
    Paragraph p = para("");
    p.runs = {{"Điều 1", FontStyle::Bold}, {". Nội dung\nDòng mới", FontStyle::Regular}};
    auto lines = breakLines(p, m, 500);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].forcedBreak);
    REQUIRE(lines[0].words.size() == 4);
    REQUIRE(lines[0].words[1].pieces.size() == 2);  // "1" bold + "." regular
    CHECK(lines[0].words[1].pieces[0].style == FontStyle::Bold);
    auto xs = wordPositions(lines[0], Align::Justify);  // forced break: not stretched
    CHECK(xs[1] - xs[0] == Approx(lines[0].words[0].width + 5));
}

TEST_CASE("empty paragraph gives one empty line", "[pdf][layout]") {
    FixedMeasurer m;
    auto lines = breakLines(para(""), m, 100);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].words.empty());
}

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

// (session 9: the notice's summary line under THÔNG BÁO ended "… tại UBND xã Ngọc / Sơn")
TEST_CASE("centred lines come out even, before a phrase's first word when one fits", "[pdf][layout]") {
    FixedMeasurer m;
    const std::string title = "Kết luận kiểm tra công tác cải cách hành chính tại UBND xã Ngọc Sơn";
    // 320 pt: 64 characters a line; first fit leaves "Sơn" alone.
    auto greedy = breakLines(para(title, Align::Center), m, 320);
    REQUIRE(greedy.size() == 2);
    CHECK(lineText(greedy[1]) == "Sơn");
    auto even = breakLinesBalanced(para(title, Align::Center), m, 320);
    REQUIRE(even.size() == 2);
    CHECK(lineText(even[0]) == "Kết luận kiểm tra công tác cải cách hành chính");
    CHECK(lineText(even[1]) == "tại UBND xã Ngọc Sơn");
    CHECK(even[1].endsParagraph);
    for (const auto& l : even) {
        CHECK(l.available == Approx(320));  // centred in the whole box
        auto xs = wordPositions(l, Align::Center);
        CHECK(xs.front() + l.natural / 2 == Approx(160));
    }
    // Not centred: first fit, as before.
    auto justified = breakLinesBalanced(para(title), m, 320);
    REQUIRE(justified.size() == 2);
    CHECK(lineText(justified[1]) == "Sơn");
}

TEST_CASE("centred lines without a phrase word break at the most even point", "[pdf][layout]") {
    FixedMeasurer m;
    // 100 pt: 20 characters; first fit "aaa bbb ccc ddd eee" / "f".
    auto even = breakLinesBalanced(para("aaa bbb ccc ddd eee f", Align::Center), m, 100);
    REQUIRE(even.size() == 2);
    CHECK(lineText(even[0]) == "aaa bbb ccc");
    CHECK(lineText(even[1]) == "ddd eee f");
    // A phrase word that would leave a line under a third of the other is not taken.
    auto skewed = breakLinesBalanced(para("aaaaaaaaaaaaaaaaa bbb của c", Align::Center), m, 110);
    REQUIRE(skewed.size() == 2);
    CHECK(lineText(skewed[1]) != "của c");
    // More lines: as many as first fit, none longer than first fit's longest, the last not a stub.
    const std::string ten = "một hai ba bốn năm sáu bảy tám chín mười";
    auto greedy = breakLines(para(ten, Align::Center), m, 60);
    auto lines = breakLinesBalanced(para(ten, Align::Center), m, 60);
    REQUIRE(greedy.size() == 4);
    REQUIRE(lines.size() == 4);
    CHECK(lines.back().natural > greedy.back().natural);
    for (const auto& l : lines) {
        CHECK(l.natural <= 60 + 1e-9);
        CHECK(l.available == Approx(60));
    }
    // The author's own line breaks stay.
    auto forced = breakLinesBalanced(para("aa bb\ncc dd ee ff gg hh", Align::Center), m, 60);
    auto plain = breakLines(para("aa bb\ncc dd ee ff gg hh", Align::Center), m, 60);
    REQUIRE(forced.size() == plain.size());
    for (size_t i = 0; i < forced.size(); ++i)
        CHECK(lineText(forced[i]) == lineText(plain[i]));
}

TEST_CASE("centred lines are not broken inside a two-syllable word or a name", "[pdf][layout]") {
    FixedMeasurer m;
    // 100 pt: first fit "aaa bbb thực hiện" / "ccc ddd"; the most even break, "thực / hiện", splits
    // a word (the reminder's "V/v đôn đốc thực / hiện kết luận kiểm tra" did).
    auto word = breakLinesBalanced(para("aaa bbb thực hiện ccc ddd", Align::Center), m, 100);
    REQUIRE(word.size() == 2);
    CHECK(lineText(word[0]) == "aaa bbb");
    CHECK(lineText(word[1]) == "thực hiện ccc ddd");
    auto name = breakLinesBalanced(para("aaa bbb Ngọc Sơn ccc ddd", Align::Center), m, 100);
    REQUIRE(name.size() == 2);
    CHECK(lineText(name[0]) == "aaa bbb");
    // All in capitals every break is between capitals: the most even, as without names.
    auto caps = breakLinesBalanced(para("AAA BBB CCCC DDD EEE FFF", Align::Center), m, 100);
    REQUIRE(caps.size() == 2);
    CHECK(lineText(caps[0]) == "AAA BBB CCCC");
}

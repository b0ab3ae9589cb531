// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "PdfTestSupport.hpp"
#include "pdf/Layout.hpp"

using namespace par::pdf;
using par::test::FixedMeasurer;

namespace {
Paragraph para(const std::string& text, double size = 10) {
    Paragraph p;
    p.runs.push_back({text, FontStyle::Regular});
    p.fontSize = size;
    p.spaceAfter = 0;
    return p;
}

std::string words(const std::string& prefix, int n) {
    std::string s;
    for (int i = 0; i < n; ++i)
        s += (i ? " " : "") + prefix + std::to_string(i);
    return s;
}

// Baselines on each page holding a text starting with `prefix`.
std::map<int, std::set<double>> linesByPage(const std::vector<PageLayout>& pages,
                                            const std::string& prefix) {
    std::map<int, std::set<double>> r;
    for (size_t i = 0; i < pages.size(); ++i)
        for (const auto& t : pages[i].texts)
            if (t.text.rfind(prefix, 0) == 0)
                r[static_cast<int>(i)].insert(t.baseline);
    return r;
}

void checkInsideMargins(const std::vector<PageLayout>& pages, const Section& s,
                        const TextMeasurer& m) {
    for (const auto& p : pages)
        for (const auto& t : p.texts) {
            CHECK(t.x >= s.marginLeft - 0.01);
            CHECK(t.x + m.width(t.text, t.style, t.size) <= p.width - s.marginRight + 0.01);
        }
}
}  // namespace

TEST_CASE("widow and orphan control keeps two lines on each side of a break", "[pdf][layout]") {
    FixedMeasurer m;
    for (int filler = 50; filler <= 62; ++filler) {  // move the paragraph across the page end
        Document doc;
        Section s;
        for (int i = 0; i < filler; ++i)
            s.blocks.push_back(Block::of(para("dòng " + std::to_string(i))));
        s.blocks.push_back(Block::of(para(words("w", 300))));  // about 11 lines
        doc.sections.push_back(s);
        auto pages = layoutDocument(doc, m);
        for (const auto& [page, lines] : linesByPage(pages, "w")) {
            INFO("filler " << filler << " page " << page);
            CHECK(lines.size() >= 2);
        }
    }
}

TEST_CASE("a heading is never the last line of a page", "[pdf][layout]") {
    FixedMeasurer m;
    for (int filler = 55; filler <= 60; ++filler) {
        Document doc;
        Section s;
        for (int i = 0; i < filler; ++i)
            s.blocks.push_back(Block::of(para("dòng " + std::to_string(i))));
        Paragraph h = para("HEADING");
        h.keepWithNext = true;
        s.blocks.push_back(Block::of(h));
        s.blocks.push_back(Block::of(para("body")));
        doc.sections.push_back(s);
        auto pages = layoutDocument(doc, m);
        auto hs = linesByPage(pages, "HEADING");
        auto bs = linesByPage(pages, "body");
        REQUIRE(hs.size() == 1);
        CHECK(hs.begin()->first == bs.begin()->first);
    }
}

TEST_CASE("long tables break between rows and repeat their header row", "[pdf][layout]") {
    FixedMeasurer m;
    Table t;
    t.columnWidths = {1, 4, 2};
    TableRow head;
    head.header = true;
    for (const char* h : {"STT", "HEADER", "Hạn"})
        head.cells.push_back({{Block::of(para(h))}, 1});
    t.rows.push_back(head);
    for (int i = 1; i <= 120; ++i) {
        TableRow r;
        r.cells.push_back({{Block::of(para(std::to_string(i)))}, 1});
        r.cells.push_back({{Block::of(para("row" + std::to_string(i) + " " + words("x", 12)))}, 1});
        r.cells.push_back({{Block::of(para("31/12/2025"))}, 1});
        t.rows.push_back(r);
    }
    Document doc;
    Section s;
    s.orientation = Orientation::Landscape;
    s.blocks.push_back(Block::of(t));
    doc.sections.push_back(s);
    auto pages = layoutDocument(doc, m);
    REQUIRE(pages.size() >= 4);
    for (const auto& p : pages) {
        CHECK(p.width > p.height);
        double headerY = -1, firstRowY = 1e9;
        for (const auto& tx : p.texts) {
            if (tx.text == "HEADER")
                headerY = tx.baseline;
            if (tx.text.rfind("row", 0) == 0)
                firstRowY = std::min(firstRowY, tx.baseline);
            CHECK(tx.baseline <= p.height - s.marginBottom);
        }
        CHECK(headerY > 0);
        CHECK(headerY < firstRowY);
    }
    // Every row appears exactly once.
    std::set<std::string> rows;
    for (const auto& p : pages)
        for (const auto& tx : p.texts)
            if (tx.text.rfind("row", 0) == 0)
                CHECK(rows.insert(tx.text.substr(0, tx.text.find(' '))).second);
    CHECK(rows.size() == 120);
    checkInsideMargins(pages, s, m);
}

TEST_CASE("a table row taller than a page is cut between lines", "[pdf][layout]") {
    FixedMeasurer m;
    Table t;
    t.columnWidths = {1, 1};
    TableRow r;
    r.cells.push_back({{Block::of(para("ngắn"))}, 1});
    r.cells.push_back({{Block::of(para(words("y", 3000)))}, 1});
    t.rows.push_back(r);
    Document doc;
    Section s;
    s.pageNumbers = false;
    s.blocks.push_back(Block::of(t));
    doc.sections.push_back(s);
    auto pages = layoutDocument(doc, m);
    CHECK(pages.size() >= 3);
    for (const auto& p : pages)
        for (const auto& tx : p.texts) {
            CHECK(tx.baseline <= p.height - s.marginBottom + 0.01);
            CHECK(tx.baseline >= s.marginTop);
        }
    checkInsideMargins(pages, s, m);
}

TEST_CASE("a keep-together block moves whole to the next page", "[pdf][layout]") {
    FixedMeasurer m;
    for (int filler = 50; filler <= 60; ++filler) {
        Document doc;
        Section s;
        for (int i = 0; i < filler; ++i)
            s.blocks.push_back(Block::of(para("dòng " + std::to_string(i))));
        KeepTogether k;
        for (const char* l : {"SIGN-authority", "SIGN-title"})
            k.blocks.push_back(Block::of(para(l)));
        k.blocks.push_back(Block::of(Spacer{60}));
        k.blocks.push_back(Block::of(para("SIGN-name")));
        s.blocks.push_back(Block::of(k));
        doc.sections.push_back(s);
        auto pages = layoutDocument(doc, m);
        CHECK(linesByPage(pages, "SIGN").size() == 1);
    }
}

TEST_CASE("page numbers: none on page 1, centred in the top margin after, per section",
          "[pdf][layout]") {
    FixedMeasurer m;
    Document doc;
    Section a;
    for (int i = 0; i < 150; ++i)
        a.blocks.push_back(Block::of(para("a" + std::to_string(i))));
    Section b = a;
    b.orientation = Orientation::Landscape;
    doc.sections = {a, b};
    auto pages = layoutDocument(doc, m);
    REQUIRE(pages.size() >= 6);
    int previousSection = -1;
    for (const auto& p : pages) {
        bool first = p.section != previousSection;
        previousSection = p.section;
        CHECK(p.numbered == !first);
        CHECK(first == (p.numberInSection == 1));
        const TextOp* num = nullptr;
        for (const auto& t : p.texts)
            if (t.baseline < a.marginTop)
                num = &t;
        if (first) {
            CHECK(num == nullptr);
        } else {
            REQUIRE(num != nullptr);
            CHECK(num->text == std::to_string(p.numberInSection));
            double centre = num->x + m.width(num->text, num->style, num->size) / 2;
            CHECK(centre == Approx(a.marginLeft + (p.width - a.marginLeft - a.marginRight) / 2));
        }
    }
}

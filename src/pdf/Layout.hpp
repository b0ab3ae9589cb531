// SPDX-License-Identifier: Apache-2.0
// Layout.hpp - turns a Document into positioned pages. Blocks become "strips" (a paragraph line, a
// table row, a band of columns) that the paginator stacks on pages, honouring keep-with-next chains
// (headings, widow/orphan control: at least two lines of a paragraph on each side of a break,
// keep-together groups), repeating table header rows on each page a table continues on, cutting
// rows taller than a page, and numbering pages per section (none on a section's first page).
#pragma once

#include <string>
#include <vector>

#include "pdf/Document.hpp"
#include "pdf/Fonts.hpp"

namespace par::pdf {

// Column widths that add up to `total`: n columns in proportion to `weights` (missing weights 1, none
// below 0.01). The PDF layout and the DOCX table grid share it.
std::vector<double> scaledWidths(const std::vector<double>& weights, size_t n, double total);

// Coordinates on a laid-out page: points from the top-left corner, y growing downwards.
struct TextOp {
    double x = 0;
    double baseline = 0;
    std::string text;
    FontStyle style = FontStyle::Regular;
    double size = 13;
};

struct LineOp {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double width = 0.5;
};

struct PageLayout {
    double width = 0;
    double height = 0;
    int section = 0;          // index in Document::sections
    int numberInSection = 0;  // 1-based
    bool numbered = false;    // the page number is drawn
    std::vector<TextOp> texts;
    std::vector<LineOp> lines;
};

std::vector<PageLayout> layoutDocument(const Document& doc, const TextMeasurer& m);

}  // namespace par::pdf

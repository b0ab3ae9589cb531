// SPDX-License-Identifier: Apache-2.0
// LineBreaker.hpp - breaks a paragraph into lines at word boundaries with the font's real metrics,
// and places the words of each line: justified lines get the slack spread evenly over the spaces
// between words (never between letters), the last line and lines ended by "\n" stay ragged. A word
// wider than the line is cut between characters so nothing is ever clipped.
#pragma once

#include <string>
#include <vector>

#include "pdf/Document.hpp"
#include "pdf/Fonts.hpp"

namespace par::pdf {

// A piece of a word in one style (a word can change style mid-way: "<b>Điều 1</b>.").
struct Piece {
    std::string text;
    FontStyle style = FontStyle::Regular;
    double width = 0;
};

struct Word {
    std::vector<Piece> pieces;
    double width = 0;
    double spaceWidth = 0;    // natural space after it, in the style of its last piece
    bool breakAfter = false;  // "\n" follows
};

struct Line {
    std::vector<Word> words;
    double indent = 0;     // from the paragraph's left edge
    double available = 0;  // width the line may fill
    double natural = 0;    // words plus natural spaces
    bool endsParagraph = false;
    bool forcedBreak = false;
};

// Words of the paragraph (label first), measured.
std::vector<Word> splitWords(const Paragraph& p, const TextMeasurer& m);

// Greedy first-fit breaking into lines for a paragraph box `width` points wide.
std::vector<Line> breakLines(const Paragraph& p, const TextMeasurer& m, double width);

// Centred paragraphs (titles, the summary line under THÔNG BÁO, names in the header): as many
// lines as breakLines gives, with the lines about as long as each other instead of a word alone on
// the last line. Two lines break before a word that opens a phrase ("tại", "của", "năm"…) when
// one fits evenly enough ("… cải cách hành chính / tại UBND xã Ngọc Sơn"), else at the most even
// point; more lines take the narrowest box that keeps their number. Each line is still centred in
// the whole box. Any other paragraph, or one with a forced break or a word cut between
// characters: breakLines unchanged.
std::vector<Line> breakLinesBalanced(const Paragraph& p, const TextMeasurer& m, double width);

// Left edges of the words of a line, from the paragraph's left edge, honouring the alignment
// (justified lines widen the inter-word gaps only).
std::vector<double> wordPositions(const Line& line, Align align);

}  // namespace par::pdf

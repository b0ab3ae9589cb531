// SPDX-License-Identifier: Apache-2.0
// PdfTestSupport.hpp - helpers for the document engine tests: a fixed-width measurer for layout
// unit tests, and readers of the poppler tools' output (pdftotext -bbox words with their boxes).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pdf/Fonts.hpp"

namespace par::test {

// Every character is `size * 0.5` wide (a UTF-8 sequence counts once); lines are `size * 1.2` high.
class FixedMeasurer : public pdf::TextMeasurer {
public:
    double width(std::string_view utf8, pdf::FontStyle, double size) const override;
    double ascent(double size) const override { return size * 0.9; }
    double lineHeight(double size) const override { return size * 1.2; }
};

struct BoxWord {
    int page = 0;  // 1-based
    double pageWidth = 0, pageHeight = 0;
    double xMin = 0, yMin = 0, xMax = 0, yMax = 0;  // points, y from the top
    std::string text;
};

// Runs `pdftotext -bbox` on the file and parses its words.
std::vector<BoxWord> bboxWords(const std::string& pdfPath);

// The first word equal to `text` (on `page` when > 0); fails the test when absent.
const BoxWord& findWord(const std::vector<BoxWord>& words, const std::string& text, int page = 0);

// The bundled templates folder.
std::string templatePath(const std::string& name);

}  // namespace par::test

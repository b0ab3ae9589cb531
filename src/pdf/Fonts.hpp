// Fonts.hpp - text measurement for the layout engine. `TextMeasurer` is what the line breaker
// needs; `HaruFonts` implements it with the real metrics of the TrueType fonts loaded into a
// libharu document (Times New Roman when installed, else Liberation Serif, which has the same
// metrics), and hands the writer the libharu font handles. Fonts are embedded as subsets through
// libharu's UTF-8 encoder.
#pragma once

#include <hpdf.h>

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>

#include "pdf/Document.hpp"

namespace par::pdf {

class TextMeasurer {
public:
    virtual ~TextMeasurer() = default;
    // Advance width of UTF-8 text in points.
    virtual double width(std::string_view utf8, FontStyle style, double size) const = 0;
    // Distance from the top of a line box to the baseline, and the line box height at single
    // spacing, both for `size`.
    virtual double ascent(double size) const { return size * 0.891; }
    virtual double lineHeight(double size) const { return size * 1.15; }
};

// The four faces of one family, as files.
struct FontFiles {
    std::string family;
    std::array<std::string, 4> paths;  // indexed by FontStyle
};

// Times New Roman when all four faces are installed, else Liberation Serif; $PAR_FONT_DIR (a folder
// with LiberationSerif-*.ttf or times*.ttf) overrides. Throws IoError when none is found.
FontFiles findSerifFonts();

class HaruFonts : public TextMeasurer {
public:
    // Loads the four faces into `doc` (embedding them); throws IoError.
    HaruFonts(HPDF_Doc doc, const FontFiles& files);

    double width(std::string_view utf8, FontStyle style, double size) const override;
    HPDF_Font font(FontStyle style) const { return fonts_[static_cast<int>(style)]; }
    const std::string& family() const { return family_; }

private:
    std::array<HPDF_Font, 4> fonts_{};
    std::string family_;
    // Widths in 1/1000 em of words already measured, per style: body text repeats words a lot.
    mutable std::array<std::unordered_map<std::string, double>, 4> cache_;
};

}  // namespace par::pdf

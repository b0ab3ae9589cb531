// SPDX-License-Identifier: Apache-2.0
// Fonts.hpp - text measurement for the layout engine and the fonts of the output. `TextMeasurer` is
// what the line breaker needs; `HaruFonts` implements it with the real metrics of the full TrueType
// faces (Times New Roman when installed, else Liberation Serif, which has the same metrics), loaded
// into a libharu document of its own and never embedded. Once the layout is known, `embedSubsets`
// puts into the output document each face cut down to the characters it prints (FontSubsetter),
// through libharu's UTF-8 encoder.
#pragma once

#include <hpdf.h>

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

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
    // Loads the four full faces, for measuring only; throws IoError.
    explicit HaruFonts(const FontFiles& files);

    double width(std::string_view utf8, FontStyle style, double size) const override;
    const std::string& family() const { return files_.family; }
    const FontFiles& files() const { return files_; }

private:
    struct DocDeleter {
        void operator()(HPDF_Doc d) const { HPDF_Free(d); }
    };
    FontFiles files_;
    std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocDeleter> doc_;
    std::array<HPDF_Font, 4> fonts_{};
    // Widths in 1/1000 em of words already measured, per style: body text repeats words a lot.
    mutable std::array<std::unordered_map<std::string, double>, 4> cache_;
};

// The characters each face prints (indexed by FontStyle), sorted, without duplicates.
using UsedCharacters = std::array<std::vector<char32_t>, 4>;

// Embeds into `doc` each face of `files` that prints something, cut down to its characters, and
// returns the libharu fonts ("UTF-8" encoder) by FontStyle; a face that prints nothing is neither
// loaded nor embedded (nullptr). The subset tag ("ABCDEF+") is derived from the subset's bytes, so
// the output stays deterministic. Throws IoError.
std::array<HPDF_Font, 4> embedSubsets(HPDF_Doc doc, const FontFiles& files,
                                      const std::array<bool, 4>& used, const UsedCharacters& chars);

}  // namespace par::pdf

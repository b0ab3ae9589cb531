// SPDX-License-Identifier: Apache-2.0
// FontSubsetter.hpp - cuts a TrueType face down to the characters a document prints, with
// HarfBuzz's hb-subset, before libharu embeds it. libharu 2.3.0 "subsets" by emptying the outlines
// of unused glyphs only: every glyph keeps its loca/hmtx slot, and the full cmap, hinting programs
// and post glyph names go into the PDF (24-35 KB per Liberation Serif face, and /W arrays over the
// whole cmap). A real subset has only the used glyphs, renumbered, with a cmap of the used code
// points, so libharu's UTF-8 encoder still maps every printed character.
#pragma once

#include <string>
#include <vector>

namespace par::pdf {

// The face in the file `path` reduced to the glyphs of `codepoints` (plus .notdef and the parts of
// composite glyphs): glyph ids renumbered, cmap, hmtx and outlines kept for those, advance widths
// unchanged; no hinting, no glyph names, no OpenType layout or kerning tables (the PDF positions
// every word itself). The bytes of a TrueType file. Throws IoError when the file cannot be read or
// HarfBuzz cannot subset it.
std::string subsetTrueType(const std::string& path, const std::vector<char32_t>& codepoints);

}  // namespace par::pdf

// SPDX-License-Identifier: Apache-2.0
// ToUnicode.hpp - repairs the ToUnicode CMap libharu 2.3.0 writes for UTF-8 CID fonts. libharu
// gives it a "begincidrange" section, which is not valid in a ToUnicode CMap (poppler warns
// "Invalid 'begincidrange' operator" and text extraction or search in some viewers fails). With the
// UTF-8 encoder the character codes are the Unicode code points, so the correct map is the identity
// over the codes the font prints, written here as bfrange (runs) and bfchar sections. Uses
// libharu's (installed) internal object API.
#pragma once

#include <hpdf.h>

#include <vector>

namespace par::pdf {

// Rewrites the ToUnicode stream of a Type0 font loaded with the "UTF-8" encoding as the identity
// over `codes` (sorted, without duplicates: the characters the document prints with it).
void fixToUnicode(HPDF_Doc doc, HPDF_Font font, const std::vector<char32_t>& codes);

}  // namespace par::pdf

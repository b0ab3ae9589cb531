// ToUnicode.hpp - repairs the ToUnicode CMap libharu 2.3.0 writes for UTF-8 CID fonts. libharu
// gives it a "begincidrange" section, which is not valid in a ToUnicode CMap (poppler warns
// "Invalid 'begincidrange' operator" and text extraction or search in some viewers fails). With the
// UTF-8 encoder the character codes are the Unicode code points, so the correct map is the identity
// over the BMP, written here as bfrange sections. Uses libharu's (installed) internal object API.
#pragma once

#include <hpdf.h>

namespace par::pdf {

// Rewrites the ToUnicode stream of a Type0 font loaded with the "UTF-8" encoding.
void fixToUnicode(HPDF_Doc doc, HPDF_Font font);

}  // namespace par::pdf

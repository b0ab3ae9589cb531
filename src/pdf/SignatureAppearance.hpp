// SPDX-License-Identifier: Apache-2.0
// SignatureAppearance.hpp - what a visible signature shows, drawn by libharu as a one-page PDF of
// the box's size: the image (the signer's signature or the agency's seal, PNG with transparency or
// JPEG, fitted and centred) above, and lines of text (the signer's name, agency and signing time)
// centred below, in the documents' serif font (Vietnamese, embedded as a subset). PdfSigner copies
// that page in as the widget's appearance stream.
#pragma once

#include <string>
#include <vector>

namespace par::pdf {

// Throws IoError (image unreadable or not PNG/JPEG, fonts missing) or Error (libharu).
std::string drawAppearance(double width, double height, const std::string& imagePath,
                           const std::vector<std::string>& lines, double fontSize);

}  // namespace par::pdf

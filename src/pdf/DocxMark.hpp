// SPDX-License-Identifier: Apache-2.0
// DocxMark.hpp - what `verify` can say about a Word file par-audit made, or a PDF printed from one.
// The DOCX carries the data fingerprint in its core properties (keywords, after
// kDocxFingerprintMarker), but a Word file is made to be edited: the fingerprint tells which audit
// data it was made from, never that its text is still what par-audit wrote. A PDF that Word or
// LibreOffice printed from it carries those keywords too (LibreOffice as a UTF-16BE hex string),
// never the PDF marker `par-audit-sha256:`, so `verify` cannot take it for a document par-audit
// printed itself.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace par::pdf {

// Whether the file starts like a zip container ("PK\3\4"), as a DOCX does.
bool looksLikeZipFile(const std::string& path);

struct DocxMark {
    bool isDocx = false;                     // a zip with word/document.xml
    std::optional<std::string> fingerprint;  // 64 hex digits after kDocxFingerprintMarker
};
// Reads docProps/core.xml of a DOCX (at most 1 MiB of it). Throws IoError when the file cannot be
// opened as a zip.
DocxMark readDocxMark(const std::string& path);

// Whether PDF bytes carry the DOCX marker: in ASCII, or as UTF-16BE (raw or hex).
bool mentionsDocxMarker(std::string_view pdfBytes);
// The same for a file, streamed, of at most `maxBytes`.
bool fileMentionsDocxMarker(const std::string& path, std::uint64_t maxBytes);

}  // namespace par::pdf

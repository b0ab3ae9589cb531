// SPDX-License-Identifier: Apache-2.0
// Fingerprint.hpp - the mark that ties a printed document to the audit data it was made from. The
// templates put "par-audit-sha256:<64 hex digits>" (Audit::fingerprint()) in the PDF's Keywords.
// libharu writes the Info dictionary as a plain, uncompressed object (only page content and font
// streams are compressed), so reading the mark back needs no PDF parser: a byte search for the
// marker is exact. The last occurrence wins, as a PDF updated incrementally appends its new Info
// dictionary at the end.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace par::pdf {

constexpr std::string_view kFingerprintMarker = "par-audit-sha256:";
// The largest PDF `verify` reads (streamed: the bound is about time, not memory). par-audit's own
// documents are a few megabytes.
constexpr std::uint64_t kMaxPdfBytes = 1024u * 1024u * 1024u;

// Whether the bytes start like a PDF file ("%PDF-").
bool looksLikePdf(std::string_view bytes);

// The 64-digit lower-case hex fingerprint after the last marker, or nullopt when there is none
// (not made by par-audit, or damaged).
std::optional<std::string> readFingerprint(std::string_view pdfBytes);

// The same two answers for a file, read in pieces of `chunkBytes` (memory stays constant whatever
// its size; a mark split between two pieces is found). The file must be a regular file of at most
// `maxBytes` (InputFile: IoError, or ParseError "file too large").
struct PdfFileMark {
    bool looksLikePdf = false;
    std::optional<std::string> fingerprint;
};
PdfFileMark readFingerprintFromFile(const std::string& path, std::uint64_t maxBytes,
                                    size_t chunkBytes = 1u << 20);

}  // namespace par::pdf

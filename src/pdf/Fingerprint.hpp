// Fingerprint.hpp - the mark that ties a printed document to the audit data it was made from. The
// templates put "par-audit-sha256:<64 hex digits>" (Audit::fingerprint()) in the PDF's Keywords.
// libharu writes the Info dictionary as a plain, uncompressed object (only page content and font
// streams are compressed), so reading the mark back needs no PDF parser: a byte search for the
// marker is exact. The last occurrence wins, as a PDF updated incrementally appends its new Info
// dictionary at the end.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace par::pdf {

constexpr std::string_view kFingerprintMarker = "par-audit-sha256:";

// Whether the bytes start like a PDF file ("%PDF-").
bool looksLikePdf(std::string_view bytes);

// The 64-digit lower-case hex fingerprint after the last marker, or nullopt when there is none
// (not made by par-audit, or damaged).
std::optional<std::string> readFingerprint(std::string_view pdfBytes);

}  // namespace par::pdf

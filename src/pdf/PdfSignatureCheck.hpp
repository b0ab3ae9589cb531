// SPDX-License-Identifier: Apache-2.0
// PdfSignatureCheck.hpp - every signature of a PDF, checked the way `par-audit verify` reports it:
// the byte ranges (from 0, around exactly the /Contents hex string, within the file), the CMS
// (message digest over those ranges, the signature itself, signing-certificate-v2), the time-stamp,
// the certificate chain against a trust folder at the signing time, and whether bytes were added
// after the last signature (a change after signing). Messages in the current language (tr()).
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/signature/Signer.hpp"

#include "core/signature/Cms.hpp"
#include "core/signature/TrustStore.hpp"

namespace par::pdf {

struct PdfSignatureInfo {
    std::string field;                    // /T
    std::string subFilter;                // /SubFilter
    std::optional<std::time_t> claimedTime;  // /M
    size_t rangeEnd = 0;                  // where the signed revision ends
    bool coversWholeFile = false;
    std::vector<std::string> problems;    // empty = valid
    sig::CmsCheck cms;
};

struct PdfSignatureReport {
    std::vector<PdfSignatureInfo> signatures;  // in file order (first signed first)
    size_t fileSize = 0;
    bool modifiedAfterLastSignature = false;   // bytes after the last signed revision
    bool ok() const;
};

// Throws ParseError when the file cannot be read as a PDF.
PdfSignatureReport checkPdfSignatures(std::string_view pdf, const std::string& name, const sig::TrustStore* trust);

// The report as lines of text in the current language, as `verify` prints it and the app shows it:
// one line per signature (field, signer, time), then "HỢP LỆ…" or "KHÔNG HỢP LỆ:" with each
// problem, then the change after the last signature if any.
std::vector<std::string> describeSignatures(const PdfSignatureReport& report, bool trustChecked);

// The user action "check the signatures of a PDF file", once for the CLI's `verify` and the app:
// reads the file (at most kMaxPdfBytes), the trust folder when given ("" = certificates not checked),
// checks, and describes. `ok`: every signature holds and nothing follows the last one; an unsigned
// file is ok only without a trust folder. Throws IoError / ParseError / Error (trust folder).
struct SignedFileCheck {
    PdfSignatureReport report;
    std::vector<std::string> lines;
    bool ok = false;
};
SignedFileCheck checkSignedFile(const std::string& pdfPath, const std::string& trustDir);

// A time as "06/12/2026 15:30:00 +07:00" in Vietnam's time (UTC+07:00, no daylight saving), as
// the signature's appearance shows it, whatever the machine's time zone.
std::string vietnamTimeText(std::time_t t);

// "D:20261206153000+07'00'" -> UTC seconds.
std::optional<std::time_t> parsePdfDate(std::string_view d);

}  // namespace par::pdf

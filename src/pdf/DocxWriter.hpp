// SPDX-License-Identifier: Apache-2.0
// DocxWriter.hpp - the second back end of the document engine: the same Document the templates
// build (and the PDF writer lays out) as an editable Word file (WordprocessingML, ISO/IEC 29500),
// in Decree 30/2020's terms: A4 sections with the template's margins and orientation, Times New
// Roman, named styles per paragraph role, real numbered lists (numbering.xml), real tables, the
// page-1 header and the signature block as borderless tables, the short rules under the agency
// name and the motto as paragraph borders of limited width, page numbers in a header field from
// each section's page 2 (titlePg), every section numbered from 1. What the PDF engine computes for
// layout (line and page breaks, page numbers) is left to Word, except the even breaks of centred
// paragraphs (titles), written as line breaks where Word's first fit would break elsewhere. XML through TinyXML-2, the package
// through libzip. Deterministic: no date in the file unless SOURCE_DATE_EPOCH is set.
#pragma once

#include <optional>
#include <string>

#include "pdf/Document.hpp"

namespace par::pdf {

// The marker of the data fingerprint in a DOCX's keywords. Not kFingerprintMarker: a PDF printed
// from the (maybe edited) Word file carries these keywords, and `verify` must not take it for a
// document par-audit printed itself.
constexpr const char* kDocxFingerprintMarker = "par-audit-docx-sha256:";

struct DocxOptions {
    // Creation date (seconds since 1970, UTC); default: $SOURCE_DATE_EPOCH when set, else none.
    std::optional<long long> sourceDateEpoch;
};

struct DocxResult {
    std::string docx;  // the package's bytes
    size_t sections = 0;
    size_t paragraphs = 0;
    size_t tables = 0;
};

// Throws par::Error when the package cannot be built.
DocxResult renderDocx(const Document& doc, const DocxOptions& options = {});

}  // namespace par::pdf

// SPDX-License-Identifier: Apache-2.0
// PdfWriter.hpp - renders a Document to PDF bytes with libharu: loads and embeds the serif fonts
// (subsets), lays the document out with their real metrics, and draws every page (text word by word
// at the positions the layout chose, rules as stroked lines). Output is deterministic: no date in
// the file unless SOURCE_DATE_EPOCH is set, and then that date.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "pdf/Document.hpp"
#include "pdf/Layout.hpp"

namespace par::pdf {

struct RenderOptions {
    // Creation date (seconds since 1970, UTC); default: $SOURCE_DATE_EPOCH when set, else no date.
    std::optional<long long> sourceDateEpoch;
    bool compress = true;
};

struct RenderResult {
    std::string pdf;                // the file's bytes
    std::vector<PageLayout> pages;  // what was drawn, for tests and diagnostics
    std::string fontFamily;         // the family that was embedded
};

// Throws par::Error (libharu failure) or IoError (fonts missing).
RenderResult renderPdf(const Document& doc, const RenderOptions& options = {});

// Renders and writes to a stream.
void writePdf(const Document& doc, std::ostream& out, const RenderOptions& options = {});

// $SOURCE_DATE_EPOCH as a number, or nullopt when unset or malformed.
std::optional<long long> sourceDateEpochFromEnvironment();

}  // namespace par::pdf

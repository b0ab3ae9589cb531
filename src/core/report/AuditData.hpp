// SPDX-License-Identifier: Apache-2.0
// AuditData.hpp - what the printed documents say about an audit: builds the report::Data tree the
// templates of templates/ bind to (notice, remediation plan, minutes) from an opened AuditBundle.
// The form's rules are evaluated and merged in memory (FindingsEngine::apply), so a fresh audit
// prints its rule findings; stale findings are left out, manual ones kept. Remediation deadlines
// are computed with the working-day calendar when the notice has a date. The fields are listed in
// docs/templates.md ("Data fields").
#pragma once

#include <optional>
#include <string>

#include "core/common/Dates.hpp"
#include "core/common/Error.hpp"
#include "core/common/Text.hpp"
#include "core/model/AuditBundle.hpp"
#include "core/model/Deadline.hpp"
#include "core/report/Data.hpp"

namespace par::cal {
class WorkingCalendar;
}

namespace par::report {

struct AuditDataOptions {
    // Language of the document's generated words (role names, deadlines, dates, area labels and
    // the rules' texts where the form has them in English). The audit's own texts are printed as
    // typed. Set for the calling thread only (LanguageScope): other threads keep theirs.
    Language language = Language::Vietnamese;
    // A draft: every page carries "DỰ THẢO" at the top and the audit's fingerprint at the bottom
    // (a document for signing carries the fingerprint in its metadata only, Decree 30 Art. 8.3).
    bool draft = false;
    // Working-day calendar for deadlines; nullptr = WorkingCalendar::standard().
    const cal::WorkingCalendar* calendar = nullptr;
    // Receives the rules that could not be evaluated (the document is built without them).
    ValidationResult* problems = nullptr;
};

// The data tree for the audit in `bundle` (which is not modified). Throws UsageError for a date
// outside the calendar's range.
Data auditData(const AuditBundle& bundle, const AuditDataOptions& options = {});

// Figures in Vietnamese style: 17334 → "17.334"; negative numbers keep their sign.
std::string groupThousands(long long n);
// A ratio as a percentage with one decimal and a decimal comma: 0.99666 → "99,7%".
std::string percent(double ratio);
// The state-document date in the given language: "ngày 05 tháng 12 năm 2018" / "5 December 2018".
std::string documentDate(const Date& d, Language lang);
// An agency's name in running text from its upper-case heading: "SỞ NỘI VỤ" → "Sở Nội vụ".
std::string agencyTitle(const std::string& upperName);
// A document number as printed: numbers below 10 zero-padded ("5" → "05"); other text as is.
std::string documentNumber(const std::string& number);

}  // namespace par::report

// SPDX-License-Identifier: Apache-2.0
// DocumentPrinter.hpp - the user action "print a document of the audit", once for the CLI's
// `report` and the app's documents page: checks the audit holds what the document needs (unless a
// draft is asked for), builds the report data in the language asked for (on the calling thread
// only), renders the bundled or given template, writes the PDF or the DOCX (the same Document
// through either back end) atomically. Nothing is written when anything fails.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/actions/NoticeReadiness.hpp"
#include "core/common/Error.hpp"
#include "core/common/Text.hpp"
#include "core/model/AuditBundle.hpp"
#include "core/report/ReminderData.hpp"
#include "core/scoring/Ranking.hpp"

namespace par::pdf {

using actions::DocumentKind;
struct Document;

// The two back ends of one template: PDF (par-audit lays the pages out) and DOCX (Word does).
enum class OutputFormat { Pdf, Docx };
// ".docx" (any case) → Docx, anything else → Pdf.
OutputFormat formatOfPath(const std::string& path);
// "pdf", "docx"; nullopt otherwise.
std::optional<OutputFormat> parseOutputFormat(const std::string& name);
const char* extensionOf(OutputFormat format);  // "pdf", "docx"

// A rendered Document as the bytes of the format; `pages` gets the PDF's page count (0 for DOCX,
// whose pages Word makes).
std::string renderDocument(const Document& doc, OutputFormat format, size_t* pages = nullptr);

struct PrintRequest {
    DocumentKind kind = DocumentKind::Notice;
    std::string templateFile;  // "" = the bundled template of the kind
    Language language = Language::Vietnamese;
    bool draft = false;  // print even when parts are missing, "DỰ THẢO" on every page
    OutputFormat format = OutputFormat::Pdf;
};

struct PrintResult {
    size_t pages = 0;     // PDF only; 0 for DOCX
    size_t sections = 0;  // the notice and its annex: 2
    size_t bytes = 0;
    size_t findings = 0;
    std::string fingerprint;
    std::vector<std::string> problems;         // rules that could not be evaluated
    std::vector<actions::MissingPart> missing; // what a draft still lacks (recommended parts too)
};

// The document lacks required parts and no draft was asked for; nothing was written.
class NotReadyError : public UsageError {
public:
    NotReadyError(const std::string& message, std::vector<actions::MissingPart> missing)
        : UsageError(message), missing_(std::move(missing)) {}
    const std::vector<actions::MissingPart>& missing() const { return missing_; }

private:
    std::vector<actions::MissingPart> missing_;
};

// Throws NotReadyError, ParseError (a bad template), IoError (cannot write), UsageError.
PrintResult printDocument(const AuditBundle& bundle, const PrintRequest& request, const std::string& outputPath);

std::string bundledTemplate(DocumentKind kind);

// The yearly ranking as PDF bytes, with its bar chart of the totals (`par-audit rank --format pdf`).
std::string rankingPdf(const scoring::Ranking& ranking, std::size_t audits, const std::string& templatePath);
// The same in either format; in DOCX the chart is a table with grey bars (barChartTable).
std::string rankingDocument(const scoring::Ranking& ranking, std::size_t audits,
                            const std::string& templatePath, OutputFormat format);
// One reminder letter written by printReminders.
struct ReminderLetter {
    std::string unit;
    std::string path;
    size_t actions = 0, overdue = 0, pages = 0;
};

// The reminder letters of `plan remind` (templates/don-doc-khac-phuc.xml or `templateFile`), one PDF
// (or Word file, `format`) per unit in `folder`, named "<unit stem>.don-doc-khac-phuc.pdf" (.docx) (UnitFileName.hpp). A letter for
// signing needs its number, symbol, date, place, signer and title: without them (and no draft in
// `document`) UsageError lists what is missing. Every letter is rendered in memory, then all are
// written together (FileSet.hpp): nothing is written when anything fails.
std::vector<ReminderLetter> printReminders(const std::vector<report::Reminder>& reminders,
                                           const report::ReminderDocument& document,
                                           const std::string& templateFile, const std::string& folder,
                                           OutputFormat format = OutputFormat::Pdf);

// "thông báo kết luận", "kế hoạch khắc phục", … in the current language.
std::string documentLabel(DocumentKind kind);
// A file name beside the audit: "<audit id>.thong-bao-ket-luan.pdf" (or .docx).
std::string suggestedName(const Audit& audit, DocumentKind kind, OutputFormat format = OutputFormat::Pdf);

}  // namespace par::pdf

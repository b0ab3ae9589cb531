// SPDX-License-Identifier: Apache-2.0
#include "pdf/DocumentPrinter.hpp"

#include <algorithm>
#include <cctype>

#include "core/actions/ChangeText.hpp"
#include "core/common/AtomicFile.hpp"
#include "core/common/DataPaths.hpp"
#include "core/common/FileSet.hpp"
#include "core/common/Text.hpp"
#include "core/tracking/UnitFileName.hpp"
#include "core/report/AuditData.hpp"
#include "core/report/RankingData.hpp"
#include "core/scoring/RankingFormats.hpp"
#include "pdf/BarChart.hpp"
#include "pdf/DocxWriter.hpp"
#include "pdf/PdfWriter.hpp"
#include "pdf/Template.hpp"

namespace par::pdf {

namespace {
const char* fileStem(DocumentKind kind) {
    switch (kind) {
        case DocumentKind::Plan: return "ke-hoach-khac-phuc";
        case DocumentKind::Minutes: return "bien-ban-kiem-tra";
        case DocumentKind::Notice: break;
    }
    return "thong-bao-ket-luan";
}
}  // namespace

OutputFormat formatOfPath(const std::string& path) {
    std::string ext = path.size() >= 5 ? path.substr(path.size() - 5) : std::string();
    for (auto& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".docx" ? OutputFormat::Docx : OutputFormat::Pdf;
}

std::optional<OutputFormat> parseOutputFormat(const std::string& name) {
    if (name == "pdf")
        return OutputFormat::Pdf;
    if (name == "docx")
        return OutputFormat::Docx;
    return std::nullopt;
}

const char* extensionOf(OutputFormat format) {
    return format == OutputFormat::Docx ? "docx" : "pdf";
}

std::string renderDocument(const Document& doc, OutputFormat format, size_t* pages) {
    if (format == OutputFormat::Docx) {
        if (pages != nullptr)
            *pages = 0;
        return renderDocx(doc).docx;
    }
    RenderResult r = renderPdf(doc);
    if (pages != nullptr)
        *pages = r.pages.size();
    return std::move(r.pdf);
}

std::string bundledTemplate(DocumentKind kind) { return dataPath(std::string("templates/") + fileStem(kind) + ".xml"); }

std::string documentLabel(DocumentKind kind) {
    switch (kind) {
        case DocumentKind::Plan: return tr("kế hoạch khắc phục", "remediation plan");
        case DocumentKind::Minutes: return tr("biên bản kiểm tra", "inspection minutes");
        case DocumentKind::Notice: break;
    }
    return tr("thông báo kết luận", "conclusion notice");
}

std::string suggestedName(const Audit& audit, DocumentKind kind, OutputFormat format) {
    std::string stem = audit.id.empty() ? std::string("kiem-tra") : audit.id;
    return stem + "." + fileStem(kind) + "." + extensionOf(format);
}

PrintResult printDocument(const AuditBundle& bundle, const PrintRequest& request, const std::string& outputPath) {
    PrintResult r;
    {
        // In the messages' language (the caller's), not the document's: `--lang en report` of a
        // Vietnamese notice says what is missing in English.
        r.missing = actions::missingParts(bundle.audit, request.kind);
        if (!actions::readyToPrint(r.missing) && !request.draft) {
            std::string list;
            for (const auto& m : r.missing)
                if (m.required) list += "\n  - " + m.label + ": " + actions::fixCommand(m, bundle.audit.file);
            throw NotReadyError(fmt(tr("{}: chưa đủ thông tin để in {} để ký ban hành; còn thiếu:{}\n"
                                       "Điền các phần trên, hoặc in bản dự thảo với --draft.",
                                       "{}: not enough to print the {} for signing; missing:{}\n"
                                       "Fill these in, or print a draft with --draft."),
                                    bundle.audit.file, documentLabel(request.kind), list),
                                r.missing);
        }
    }
    // The template first: a bad template is reported before any work on the audit.
    Template tpl = Template::load(request.templateFile.empty() ? bundledTemplate(request.kind) : request.templateFile);
    ValidationResult problems;
    report::AuditDataOptions options;
    options.language = request.language;
    options.problems = &problems;
    options.draft = request.draft;
    report::Data data = report::auditData(bundle, options);
    Document doc = tpl.render(data);
    std::string bytes = renderDocument(doc, request.format, &r.pages);
    AtomicWriteOptions atomic;
    atomic.keepBackup = false;
    writeFileAtomically(outputPath, bytes, atomic);
    r.sections = doc.sections.size();
    r.bytes = bytes.size();
    r.findings = data.path("findings")->items().size();
    // The plan (and the notice's annex) lists the tracked actions with their codes once `plan
    // make` has run; before, the recommendations alone, the "Mã" column empty: recommended.
    if (request.kind != DocumentKind::Minutes) {
        const auto& rows = data.path("plan")->items();
        if (std::any_of(rows.begin(), rows.end(), [](const report::Data& row) { return row.path("id")->str().empty(); }))
            r.missing.push_back({"plan-make", actions::fieldLabel("plan-make", language()), "plan make", false});
    }
    r.fingerprint = data.path("fingerprint")->str();
    for (const auto& p : problems.problems()) r.problems.push_back(p.str());
    return r;
}

std::vector<ReminderLetter> printReminders(const std::vector<report::Reminder>& reminders,
                                           const report::ReminderDocument& document,
                                           const std::string& templateFile, const std::string& folder,
                                           OutputFormat format) {
    if (!document.draft) {
        std::vector<std::string> missing = report::reminderMissingParts(document);
        if (!missing.empty()) {
            std::string list;
            for (const auto& m : missing)
                list += "\n  - " + m;
            throw UsageError(fmt(tr("chưa đủ thông tin để in công văn đôn đốc để ký ban hành; còn thiếu:{}\n"
                                    "Điền các phần trên, hoặc in bản dự thảo với --draft.",
                                    "not enough to print the reminder letters for signing; missing:{}\n"
                                    "Fill these in, or print drafts with --draft."),
                                 list));
        }
    }
    Template tpl = Template::load(templateFile.empty() ? dataPath("templates/don-doc-khac-phuc.xml") : templateFile);
    std::vector<std::string> units;
    for (const auto& r : reminders)
        units.push_back(r.unit);
    std::vector<std::string> stems = track::unitFileStems(units);
    std::vector<ReminderLetter> letters;
    std::vector<OutputFile> files;
    std::string dir = folder.empty() ? std::string(".") : folder;
    if (dir.size() > 1 && dir.back() == '/')
        dir.pop_back();
    for (size_t i = 0; i < reminders.size(); ++i) {
        size_t pages = 0;
        std::string bytes = renderDocument(tpl.render(reminders[i].data), format, &pages);
        ReminderLetter l;
        l.unit = reminders[i].unit;
        l.path = dir + "/" + stems[i] + ".don-doc-khac-phuc." + extensionOf(format);
        l.actions = reminders[i].entries.size();
        l.overdue = size_t(reminders[i].overdue);
        l.pages = pages;  // 0 for a Word file: Word makes the pages
        letters.push_back(l);
        files.push_back({l.path, std::move(bytes)});
    }
    writeFilesTogether(files);
    return letters;
}

std::string rankingPdf(const scoring::Ranking& r, std::size_t audits, const std::string& templatePath) {
    return rankingDocument(r, audits, templatePath, OutputFormat::Pdf);
}

std::string rankingDocument(const scoring::Ranking& r, std::size_t audits, const std::string& templatePath,
                            OutputFormat format) {
    Template t = Template::load(templatePath);
    Document doc = t.render(report::rankingData(r, audits));
    BarChartSpec spec;
    for (const auto& e : r.entries)
        spec.items.push_back({std::to_string(e.rank) + (e.tied ? "= " : ". ") + e.unitName, e.total,
                              scoring::formatScore(e.total)});
    // Without a marker in the template the chart goes at the end of the first section.
    BlockList chart = format == OutputFormat::Docx ? BlockList{Block::of(barChartTable(spec))} : barChart(spec);
    if (replaceMarker(doc, report::kRankingChartMarker, chart) == 0 && !doc.sections.empty())
        doc.sections.front().blocks.insert(doc.sections.front().blocks.end(), chart.begin(),
                                           chart.end());
    return renderDocument(doc, format);
}

}  // namespace par::pdf

// SPDX-License-Identifier: Apache-2.0
// TrackCommand.cpp - `par-audit track DIR --as-of D [--unit U] [--status S] [--overdue]
// [--due-within N] [--format table|csv|json|xlsx|ics|pdf|docx] [-o FILE] [--no-cache]`: the register of
// every remediation action in a workspace (a folder of audit files), with a summary per responsible
// unit (docs/tracking.md); unchanged files come from the user's cache unless --no-cache. The PDF is
// the follow-up report "Báo cáo theo dõi kết quả khắc phục", drawn from
// templates/theo-doi-khac-phuc.xml by the document engine; the DOCX is the same report as an
// editable Word file (the engine's second back end). Exit 1 when some audit file could
// not be read (the others are still listed).
#include <iostream>
#include <set>
#include <sstream>

#include "cli/CliSupport.hpp"
#include "cli/Command.hpp"
#include "core/calendar/WorkingCalendar.hpp"
#include "core/common/AtomicFile.hpp"
#include "core/common/DataPaths.hpp"
#include "core/common/Text.hpp"
#include "core/common/UnitName.hpp"
#include "core/tracking/Register.hpp"
#include "core/tracking/RegisterCache.hpp"
#include "core/tracking/RegisterFormats.hpp"
#if PAR_HAVE_PDF
#include "core/report/FollowUpData.hpp"
#include "pdf/DocumentPrinter.hpp"
#include "pdf/Template.hpp"
#endif

namespace par::cli::track_command {

namespace {
using namespace par::track;

struct Options {
    std::string dir;
    std::string asOf;
    std::string unit;
    std::string status;
    bool overdue = false;
    int dueWithin = -1;
    std::string format = "table";
    std::string output;
    std::string templ;
    std::vector<std::string> overrides;
    bool noCache = false;
    // The follow-up report as a state document (--format pdf).
    IssueOptions issue;  // the PDF/DOCX report's number, date, signer…
};

#if PAR_HAVE_PDF
// The follow-up report's scope sentence for the filters given on the command line.
std::string scopeText(const Options& o) {
    std::string scope;
    if (!o.unit.empty())
        scope += fmt(tr("Đơn vị: {}. ", "Unit: {}. "), o.unit);
    if (o.overdue)
        scope += tr("Chỉ các hành động quá hạn. ", "Overdue actions only. ");
    if (!o.status.empty())
        scope += fmt(tr("Trạng thái: {}. ", "Status: {}. "),
                     actionStatusLabel(*parseActionStatus(o.status)));
    if (o.dueWithin >= 0)
        scope += fmt(tr("Đến hạn trong {} ngày làm việc. ", "Due within {} working days. "),
                     std::to_string(o.dueWithin));
    return trim(scope);
}
#endif

void install(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand(
        "track", tr("Theo dõi khắc phục: mọi hành động trong một thư mục tệp kiểm tra",
                    "Remediation register: every action in a folder of audits"));
    cmd->add_option("dir", o->dir,
                    tr("Thư mục chứa các tệp *.audit.xml (đọc cả thư mục con)",
                       "Folder of *.audit.xml files (sub-folders included)"))
        ->required()
        ->check(CLI::ExistingDirectory);
    cmd->add_option("--as-of", o->asOf,
                    tr("Tính đến ngày (mặc định: hôm nay)", "As of (default: today)"));
    cmd->add_option("--unit", o->unit,
                    tr("Chỉ đơn vị này (chịu trách nhiệm hoặc được kiểm tra)", "Only this unit"));
    cmd->add_option("--status", o->status, tr("Chỉ trạng thái này", "Only this status"))
        ->check(CLI::IsMember({"open", "reported", "accepted", "reopened"}));
    cmd->add_flag("--overdue", o->overdue, tr("Chỉ các hành động quá hạn", "Overdue actions only"));
    cmd->add_option("--due-within", o->dueWithin,
                    tr("Chỉ hành động chưa xong đến hạn trong N ngày làm việc",
                       "Pending actions due within N working days"))
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--format", o->format,
                    tr("Định dạng: table, csv, json, xlsx, ics, pdf, docx (Word)",
                       "Format: table, csv, json, xlsx, ics, pdf, docx (Word)"))
        ->check(CLI::IsMember({"table", "csv", "json", "xlsx", "ics", "pdf", "docx"}));
    cmd->add_option(
        "-o,--output", o->output,
        tr("Tệp kết quả (mặc định: in ra màn hình)", "Output file (default: standard output)"));
    o->issue.add(cmd, "PDF/Word", "PDF/Word");
    cmd->add_option("--template", o->templ,
                    tr("Mẫu báo cáo PDF (mặc định: templates/theo-doi-khac-phuc.xml)",
                       "PDF template (default: templates/theo-doi-khac-phuc.xml)"));
    cmd->add_option(
        "--overrides", o->overrides,
        tr("Tệp lịch nghỉ địa phương; có thể lặp lại", "Local schedule file; may be repeated"));
    cmd->add_flag("--no-cache", o->noCache,
                  tr("Đọc lại mọi tệp, không dùng và không ghi bộ nhớ đệm (~/.cache/par-audit)",
                     "Parse every file; neither use nor write the cache (~/.cache/par-audit)"));
    cmd->callback([o, &ctx]() {
        Date asOf = boost::gregorian::day_clock::local_day();
        if (!o->asOf.empty()) {
            auto d = parseUserDate(o->asOf);
            if (!d)
                throw UsageError(
                    fmt(tr("ngày '{}' không hợp lệ (YYYY-MM-DD)", "invalid date '{}' (YYYY-MM-DD)"),
                        o->asOf));
            asOf = *d;
        }
        if ((o->format == "xlsx" || o->format == "pdf" || o->format == "docx") && o->output.empty())
            throw UsageError(
                fmt(tr("định dạng {} cần -o TỆP", "format {} needs -o FILE"), o->format));
        // The tracked folder's own calendars/ (a province's announced schedule) counts too.
        cal::WorkingCalendar calendar = cal::WorkingCalendar::standard(o->dir);
        for (const auto& f : o->overrides)
            calendar.addOverrides(f);
        NullProgress progress;
        ScanOptions scan;
        if (!o->noCache)
            scan.cacheFolder = RegisterCache::defaultFolder();
        Register reg = Register::scan(o->dir, asOf, calendar, progress, scan);
        for (const auto& i : reg.issues)
            std::cerr << i.message << "\n";

        RegisterFilter filter;
        filter.unit = o->unit;
        if (!o->status.empty())
            filter.status = parseActionStatus(o->status);
        filter.overdueOnly = o->overdue;
        if (o->dueWithin >= 0)
            filter.dueWithin = o->dueWithin;
        RegisterView view;
        view.asOf = asOf;
        view.lastAnnouncedYear = calendar.lastAnnouncedYear();
        view.audits = reg.auditCount;
        view.entries = reg.filtered(filter, calendar);
        view.units = Register::summarise(view.entries);
        if (!o->unit.empty()) {
            // No unit of that identity: the names holding it without diacritics are only suggested
            // ("Tan Thanh" is neither "Tân Thành" nor "Tân Thạnh").
            const std::string key = unitKey(o->unit), folded = foldKey(o->unit);
            std::set<std::string_view> names;
            for (const auto& e : reg.entries) {
                names.insert(e.action().responsible);
                names.insert(e.inspectedUnit());
            }
            bool known = false;
            std::vector<std::string> near;
            std::set<std::string> nearKeys;
            for (std::string_view n : names) {
                const std::string k = unitKey(n);
                known = known || k == key;
                if (!folded.empty() && foldKey(n).find(folded) != std::string::npos &&
                    nearKeys.insert(k).second)
                    near.emplace_back(n);
            }
            if (!known) {
                std::string list;
                for (const auto& n : near)
                    list += (list.empty() ? "" : ", ") + n;
                std::cerr << (near.empty()
                                  ? fmt(tr("Lưu ý: không có đơn vị '{}' trong thư mục.",
                                           "Note: no unit '{}' in the folder."),
                                        o->unit)
                                  : fmt(tr("Lưu ý: không có đơn vị '{}'; có phải: {}?",
                                           "Note: no unit '{}'; did you mean: {}?"),
                                        o->unit, list))
                          << "\n";
            }
        }

        std::string out;
        if (o->format == "table")
            out = registerTable(view);
        else if (o->format == "csv")
            out = registerCsv(view);
        else if (o->format == "json")
            out = registerJson(view);
        else if (o->format == "ics")
            out = registerIcs(view);
        else if (o->format == "xlsx")
            out = registerXlsx(view);
        else {
#if PAR_HAVE_PDF
            std::string path =
                o->templ.empty() ? dataPath("templates/theo-doi-khac-phuc.xml") : o->templ;
            pdf::Template t = pdf::Template::load(path);
            report::FollowUpDocument doc;
            o->issue.fill(doc);
            out = pdf::renderDocument(
                t.render(report::followUpData(view, reg.agencyParent, reg.agencyName, scopeText(*o), doc)),
                o->format == "docx" ? pdf::OutputFormat::Docx : pdf::OutputFormat::Pdf);
#else
            throw UsageError(tr("bản par-audit này được dựng không có bộ tạo PDF",
                                "this par-audit was built without the PDF engine"));
#endif
        }
        if (o->output.empty())
            std::cout << out;
        else
            writeFileAtomically(o->output, out, AtomicWriteOptions{false});
        if (!o->output.empty())
            std::cerr << fmt(tr("Đã ghi {} hành động ({} đợt kiểm tra) vào {}",
                                "Wrote {} actions ({} audits) to {}"),
                             std::to_string(view.entries.size()), std::to_string(view.audits),
                             o->output)
                      << "\n";
        if (!reg.issues.empty())
            ctx.exitCode = kProblems;
    });
}

const bool registered = registerCommand(95, install);
}  // namespace

}  // namespace par::cli::track_command

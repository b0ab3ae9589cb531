// SPDX-License-Identifier: Apache-2.0
// PlanRemindCommand.cpp - `par-audit plan remind WORKSPACE --as-of D -o DIR [--soon N]
// [--number --symbol --date --place --signer --signer-title --sign-for --recipient…] [--draft]`:
// one reminder letter ("công văn đôn đốc thực hiện kết luận kiểm tra", Decree 30 format) per
// responsible unit with pending actions overdue or due within N working days across the workspace's
// audits (docs/tracking.md, "Reminders"). The data is built in core (report::reminders), the PDFs
// printed and written together by pdf::printReminders. Installed after `plan` (order 91) as its
// sub-command. Exit 1 when some audit file could not be read (the others still count).
#include <filesystem>
#include <iostream>

#include "cli/CliSupport.hpp"
#include "cli/Command.hpp"
#include "core/calendar/WorkingCalendar.hpp"
#include "core/common/Dates.hpp"
#include "core/common/Text.hpp"
#include "core/tracking/Register.hpp"
#include "core/tracking/RegisterCache.hpp"
#if PAR_HAVE_PDF
#include "core/report/ReminderData.hpp"
#include "pdf/DocumentPrinter.hpp"
#endif

namespace par::cli::plan_remind_command {

namespace {
struct Options {
    std::string dir, asOf, output, templ, format = "pdf";
    int soon = 10;
    bool draft = false, noCache = false;
    std::vector<std::string> overrides;
    IssueOptions issue;
};

Date userDate(const std::string& text, const char* option) {
    auto d = parseUserDate(text);
    if (!d)
        throw UsageError(fmt(tr("{} '{}' không phải ngày hợp lệ (YYYY-MM-DD hoặc DD/MM/YYYY)",
                                "{} '{}' is not a valid date (YYYY-MM-DD or DD/MM/YYYY)"),
                             option, text));
    return *d;
}

void run(const Options& o, Context& ctx) {
#if PAR_HAVE_PDF
    const std::optional<pdf::OutputFormat> format = pdf::parseOutputFormat(o.format);
    if (!format)
        throw UsageError(fmt(tr("--format '{}' không hợp lệ: chọn pdf hoặc docx", "--format '{}' is not valid: pdf or docx"),
                             o.format));
    Date asOf = o.asOf.empty() ? boost::gregorian::day_clock::local_day() : userDate(o.asOf, "--as-of");
    report::ReminderOptions ro;
    ro.asOf = asOf;
    ro.soonDays = o.soon;
    report::ReminderDocument& doc = ro.document;
    o.issue.fill(doc);
    doc.draft = o.draft;
    // Refused before the workspace is read: the letters could not be printed anyway.
    if (!o.draft && !report::reminderMissingParts(doc).empty())
        pdf::printReminders({}, doc, o.templ, o.output);

    cal::WorkingCalendar calendar = cal::WorkingCalendar::standard(o.dir);
    for (const auto& f : o.overrides)
        calendar.addOverrides(f);
    NullProgress progress;
    track::ScanOptions scan;
    if (!o.noCache)
        scan.cacheFolder = track::RegisterCache::defaultFolder();
    track::Register reg = track::Register::scan(o.dir, asOf, calendar, progress, scan);
    for (const auto& i : reg.issues)
        std::cerr << i.message << "\n";
    if (!reg.issues.empty())
        ctx.exitCode = kProblems;
    ro.agencyParent = reg.agencyParent;
    ro.agencyName = reg.agencyName;
    std::vector<report::Reminder> letters = report::reminders(reg.entries, calendar, ro);
    if (letters.empty()) {
        std::cout << fmt(tr("Tính đến {}, không đơn vị nào có nội dung khắc phục quá hạn hoặc đến hạn "
                            "trong {} ngày làm việc ({} đợt kiểm tra); không ghi tệp nào.",
                            "As of {}, no unit has remediation actions overdue or due within {} "
                            "working days ({} audits); nothing written."),
                         vietnameseDate(asOf), std::to_string(o.soon),
                         std::to_string(reg.auditCount))
                  << "\n";
        return;
    }
    std::error_code ec;
    std::filesystem::create_directories(o.output, ec);
    if (ec)
        throw IoError(fmt(tr("{}: không tạo được thư mục ({})", "{}: cannot create the folder ({})"),
                          o.output, ec.message()));
    for (const auto& l : pdf::printReminders(letters, doc, o.templ, o.output, *format))
        std::cout << fmt(tr("{}: {} nội dung ({} quá hạn) → {}",
                            "{}: {} actions ({} overdue) → {}"),
                         l.unit, std::to_string(l.actions), std::to_string(l.overdue), l.path)
                  << "\n";
    std::cout << fmt(tr("Đã ghi {} công văn đôn đốc{} vào {}", "Wrote {} reminder letters{} to {}"),
                     std::to_string(letters.size()),
                     o.draft ? std::string(tr(" (bản dự thảo)", " (drafts)")) : std::string(),
                     o.output)
              << "\n";
#else
    (void)o;
    (void)ctx;
    throw UsageError(tr("bản par-audit này được dựng không có bộ tạo PDF",
                        "this par-audit was built without the PDF engine"));
#endif
}

void install(CLI::App& app, Context& ctx) {
    CLI::App* plan = app.get_subcommand("plan");
    auto o = std::make_shared<Options>();
    CLI::App* s = plan->add_subcommand(
        "remind", tr("Công văn đôn đốc cho mỗi đơn vị có nội dung khắc phục quá hạn hoặc sắp đến hạn",
                     "Reminder letters to each unit with overdue or soon-due actions"));
    s->add_option("workspace", o->dir,
                  tr("Thư mục chứa các tệp *.audit.xml (đọc cả thư mục con)",
                     "Folder of *.audit.xml files (sub-folders included)"))
        ->required()
        ->check(CLI::ExistingDirectory);
    s->add_option("--as-of", o->asOf, tr("Tính đến ngày (mặc định: hôm nay)", "As of (default: today)"));
    s->add_option("-o,--output", o->output, tr("Thư mục ghi các công văn (PDF hoặc Word)", "Folder for the letters (PDF or Word)"))
        ->required();
    s->add_option("--soon", o->soon,
                  tr("Cũng nhắc nội dung đến hạn trong N ngày làm việc (mặc định 10)",
                     "Also remind actions due within N working days (default 10)"))
        ->check(CLI::NonNegativeNumber);
    o->issue.add(s, "Công văn", "The letters");
    s->add_flag("--draft", o->draft,
                tr("In bản dự thảo (được thiếu số, ngày, người ký; có chữ DỰ THẢO)",
                   "Print drafts (number, date, signer may be missing; marked DỰ THẢO)"));
    s->add_option("--format", o->format,
                  tr("pdf (mặc định) hoặc docx: công văn dạng Word để sửa lời văn trước khi ký",
                     "pdf (default) or docx: the letters as Word files, to revise before signing"));
    s->add_option("--template", o->templ,
                  tr("Mẫu công văn (mặc định: templates/don-doc-khac-phuc.xml)",
                     "Letter template (default: templates/don-doc-khac-phuc.xml)"));
    s->add_option("--overrides", o->overrides,
                  tr("Tệp lịch nghỉ địa phương; có thể lặp lại", "Local schedule file; may be repeated"));
    s->add_flag("--no-cache", o->noCache, tr("Đọc lại mọi tệp, không dùng bộ nhớ đệm", "Parse every file; no cache"));
    s->callback([o, &ctx]() { run(*o, ctx); });
}

const bool registered = registerCommand(91, install);
}  // namespace

}  // namespace par::cli::plan_remind_command

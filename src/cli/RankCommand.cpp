// SPDX-License-Identifier: Apache-2.0
// RankCommand.cpp - `par-audit rank DIR --year YYYY [--type T] [--format table|csv|json|xlsx|pdf|docx]
// [-o FILE] [--bands FILE] [--template FILE]`: scores every *.audit.xml under DIR and ranks the
// units inspected in the year (docs/scoring.md). Files that cannot be read are skipped with a
// warning (exit 1), never fatal. The PDF goes through the document engine (templates/xep-hang.xml)
// with a bar chart of the totals drawn as vector strokes (pdf/BarChart.hpp); the DOCX is the same
// document as a Word file, its chart a table of grey bars.
#include <iostream>

#include "cli/Command.hpp"
#include "core/common/AtomicFile.hpp"
#include "core/common/DataPaths.hpp"
#include "core/common/Text.hpp"
#include "core/scoring/BandScale.hpp"
#include "core/scoring/Ranking.hpp"
#include "core/scoring/RankingFormats.hpp"

#ifdef PAR_HAVE_PDF
#include "pdf/DocumentPrinter.hpp"
#endif

namespace par::cli::rank_command {

namespace {

using namespace par::scoring;

struct Options {
    std::string dir;
    int year = 0;
    std::string type;
    std::string format = "table";
    std::string output;
    std::string bands;
    std::string templ;
};

std::string render(const Options& o, const Ranking& r, size_t audits) {
    if (o.format == "table")
        return rankingTable(r);
    if (o.format == "csv")
        return rankingCsv(r);
    if (o.format == "json")
        return rankingJson(r).dump(2) + "\n";
    if (o.format == "xlsx")
        return rankingXlsx(r);
#ifdef PAR_HAVE_PDF
    return pdf::rankingDocument(r, audits, o.templ.empty() ? dataPath("templates/xep-hang.xml") : o.templ,
                                o.format == "docx" ? pdf::OutputFormat::Docx : pdf::OutputFormat::Pdf);
#else
    (void)audits;
    throw UsageError(tr("bản par-audit này được dựng không có bộ tạo PDF (par_pdf)",
                        "this par-audit was built without the PDF engine (par_pdf)"));
#endif
}

void install(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand(
        "rank", tr("Chấm điểm và xếp hạng các đơn vị được kiểm tra trong một năm",
                   "Score and rank the units inspected in a year"));
    cmd->add_option("dir", o->dir,
                    tr("Thư mục chứa các tệp *.audit.xml (đọc cả thư mục con)",
                       "Folder of *.audit.xml files (sub-folders included)"))
        ->required()
        ->check(CLI::ExistingDirectory);
    cmd->add_option("--year", o->year,
                    tr("Năm kiểm tra (năm của ngày kiểm tra, không có thì năm của thông báo)",
                       "Year (of the visit, else of the notice)"))
        ->required()
        ->check(CLI::Range(1900, 2200));
    cmd->add_option("--type", o->type,
                    tr("Chỉ xếp hạng một loại đơn vị: xa, phuong, dac-khu, so, huyen, …",
                       "Rank one unit type only: xa, phuong, dac-khu, so, huyen, …"));
    cmd->add_option("--format", o->format,
                    tr("Định dạng: table (mặc định), csv, json, xlsx, pdf, docx (Word)",
                       "Format: table (default), csv, json, xlsx, pdf, docx (Word)"))
        ->check(CLI::IsMember({"table", "csv", "json", "xlsx", "pdf", "docx"}));
    cmd->add_option(
        "-o,--output", o->output,
        tr("Ghi ra tệp (bắt buộc với xlsx, pdf, docx)", "Write to a file (required for xlsx, pdf, docx)"));
    cmd->add_option(
        "--bands", o->bands,
        tr("Thang xếp loại của tỉnh (mặc định: bands/vi-du-mac-dinh.xml, chỉ là VÍ DỤ)",
           "The province's band scale (default: bands/vi-du-mac-dinh.xml, an EXAMPLE only)"));
    cmd->add_option("--template", o->templ,
                    tr("Mẫu PDF (mặc định: templates/xep-hang.xml)",
                       "PDF template (default: templates/xep-hang.xml)"));
    cmd->callback([o, &ctx]() {
        if ((o->format == "xlsx" || o->format == "pdf" || o->format == "docx") && o->output.empty())
            throw UsageError(fmt(tr("định dạng {} cần tệp ra: thêm -o TỆP",
                                    "format {} needs an output file: add -o FILE"),
                                 o->format));
        BandScale bands = BandScale::load(o->bands.empty() ? BandScale::defaultPath() : o->bands);
        WorkspaceScan scan = scanWorkspace(o->dir);
        for (const auto& p : scan.skipped)
            std::cerr << p.where.str() << ": " << tr("bỏ qua: ", "skipped: ") << p.message << "\n";
        Ranking r = rankAudits(scan.audits, o->year, o->type, bands);
        std::string bytes = render(*o, r, scan.audits.size());
        if (o->output.empty())
            std::cout << bytes;
        else {
            writeFileAtomically(o->output, bytes, {false});
            std::cerr << fmt(tr("Đã ghi {} ({} đơn vị).", "Wrote {} ({} units)."), o->output,
                             std::to_string(r.entries.size()))
                      << "\n";
        }
        if (!scan.skipped.empty())
            ctx.exitCode = kProblems;
    });
}

const bool registered = registerCommand(85, install);
}  // namespace

}  // namespace par::cli::rank_command

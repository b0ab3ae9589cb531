// ReportCommand.cpp - `par-audit report AUDIT -o OUT.pdf [--document notice|plan|minutes]
// [--template FILE] [--lang vi|en]` prints a document of the audit (findings evaluated in memory,
// never saved) through a template of templates/, and `par-audit verify AUDIT OUT.pdf` says whether
// a printed document still matches the audit (the fingerprint in its metadata) and, when it is
// signed, whether every signature holds (`--trust DIR` checks the signers' certificates). The PDF is built in
// memory and written atomically: on any error nothing is written.
#include <iostream>
#include <memory>
#include <string>

#include "cli/Command.hpp"
#include "core/common/AtomicFile.hpp"
#include "core/common/DataPaths.hpp"
#include "core/common/Error.hpp"
#include "core/common/Text.hpp"
#include "core/model/AuditBundle.hpp"
#include "core/report/AuditData.hpp"
#include "pdf/DocumentPrinter.hpp"
#include "pdf/Fingerprint.hpp"
#include "pdf/PdfSignatureCheck.hpp"
#include "pdf/PdfWriter.hpp"
#include "pdf/Template.hpp"

namespace par::cli {

namespace {

struct ReportOptions {
    std::string audit;
    std::string output;
    std::string document = "notice";
    std::string templateFile;
    std::string lang = "vi";
    bool draft = false;
};

pdf::DocumentKind kindOf(const std::string& document) {
    if (document == "plan") return pdf::DocumentKind::Plan;
    if (document == "minutes") return pdf::DocumentKind::Minutes;
    return pdf::DocumentKind::Notice;
}

void runReport(const ReportOptions& o) {
    AuditBundle bundle = AuditBundle::open(o.audit);
    pdf::PrintRequest request;
    request.kind = kindOf(o.document);
    request.templateFile = o.templateFile;
    request.language = o.lang == "en" ? Language::English : Language::Vietnamese;
    request.draft = o.draft;
    pdf::PrintResult result = pdf::printDocument(bundle, request, o.output);
    for (const auto& p : result.problems) std::cerr << p << "\n";
    std::cout << fmt(tr("Đã ghi {} ({}{}): {} trang, {} byte, {} phát hiện.",
                        "Wrote {} ({}{}): {} pages, {} bytes, {} findings."),
                     o.output, pdf::documentLabel(request.kind),
                     o.draft ? std::string(tr(", bản dự thảo", ", draft")) : std::string(),
                     std::to_string(result.pages),
                     language() == Language::English ? std::to_string(result.bytes)
                                                     : report::groupThousands(static_cast<long long>(result.bytes)),
                     std::to_string(result.findings))
              << "\n"
              << fmt(tr("SHA-256 của dữ liệu kiểm tra: {}", "SHA-256 of the audit data: {}"), result.fingerprint) << "\n";
    if (o.draft && !result.missing.empty()) {
        std::cout << tr("Bản dự thảo còn thiếu:", "The draft still lacks:") << "\n";
        for (const auto& m : result.missing)
            std::cout << "  - " << m.label << (m.required ? "" : tr(" (nên có)", " (recommended)")) << ": " << actions::fixCommand(m, o.audit) << "\n";
    }
}

// Every signature of the PDF (docs/signing.md); true when all hold.
bool reportSignatures(const std::string& pdfPath, const std::string& trustDir) {
    pdf::SignedFileCheck c = pdf::checkSignedFile(pdfPath, trustDir);
    for (const auto& line : c.lines) std::cout << line << "\n";
    return c.ok;
}

int runVerify(const std::string& auditPath, const std::string& pdfPath, const std::string& trustDir) {
    // Streamed, from a regular file of at most 1 GiB; an error names the file and why.
    const pdf::PdfFileMark mark = pdf::readFingerprintFromFile(pdfPath, pdf::kMaxPdfBytes);
    if (!mark.looksLikePdf)
        throw UsageError(fmt(tr("'{}' không phải là tệp PDF", "'{}' is not a PDF file"), pdfPath));
    const std::optional<std::string>& printed = mark.fingerprint;
    if (!printed)
        throw UsageError(fmt(tr("'{}' không có dấu SHA-256 của par-audit (không do par-audit tạo "
                                "hoặc đã bị sửa)",
                                "'{}' carries no par-audit SHA-256 mark (not made by par-audit, "
                                "or altered)"),
                             pdfPath));
    AuditBundle bundle = AuditBundle::open(auditPath);
    std::string now = bundle.audit.fingerprint();
    if (*printed == now) {
        std::cout << fmt(tr("KHỚP: {} được tạo từ dữ liệu hiện tại của {} (SHA-256 {}).",
                            "MATCH: {} was made from the current data of {} (SHA-256 {})."),
                         pdfPath, auditPath, now)
                  << "\n";
        return reportSignatures(pdfPath, trustDir) ? kOk : kProblems;
    }
    std::cout << fmt(tr("KHÔNG KHỚP: {} được tạo từ dữ liệu kiểm tra khác với {} hiện nay; "
                        "dữ liệu đã thay đổi sau khi in. Cần in lại văn bản.\n"
                        "  SHA-256 trong văn bản: {}\n  SHA-256 hiện tại:      {}",
                        "MISMATCH: {} was made from other data than {} holds now; the audit "
                        "changed after printing. Print the document again.\n"
                        "  SHA-256 in the document: {}\n  SHA-256 now:             {}"),
                     pdfPath, auditPath, *printed, now)
              << "\n";
    reportSignatures(pdfPath, trustDir);
    return kProblems;
}

void install(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<ReportOptions>();
    auto* cmd = app.add_subcommand(
        "report", tr("In văn bản (PDF) của cuộc kiểm tra", "Print a document (PDF) of the audit"));
    cmd->add_option("audit", o->audit, tr("Tệp kiểm tra", "Audit file"))
        ->required()
        ->check(CLI::ExistingFile);
    cmd->add_option("-o,--output", o->output, tr("Tệp PDF sẽ ghi", "PDF file to write"))
        ->required();
    cmd->add_option("--document", o->document,
                    tr("Văn bản: notice (thông báo kết luận, mặc định), plan (kế hoạch khắc "
                       "phục), minutes (biên bản kiểm tra)",
                       "Document: notice (conclusion notice, default), plan (remediation plan), "
                       "minutes (inspection minutes)"))
        ->check(CLI::IsMember({"notice", "plan", "minutes"}));
    cmd->add_option("--template", o->templateFile,
                    tr("Dùng mẫu văn bản này thay cho mẫu kèm theo",
                       "Use this template instead of the bundled one"));
    cmd->add_option("--lang", o->lang,
                    tr("Ngôn ngữ của phần chữ cố định: vi (mặc định) hoặc en (bản dịch tham "
                       "khảo)",
                       "Language of the fixed wording: vi (default) or en (reference "
                       "translation)"))
        ->check(CLI::IsMember({"vi", "en"}));
    cmd->add_flag("--draft", o->draft,
                  tr("In bản dự thảo dù còn thiếu số, ngày, người ký (ghi \"DỰ THẢO\" trên mọi trang)",
                     "Print a draft even when the number, date or signer is missing (\"DỰ THẢO\" on every page)"));
    cmd->callback([o, &ctx]() {
        try {
            runReport(*o);
        } catch (const pdf::NotReadyError& e) {
            std::cerr << e.what() << "\n";
            ctx.exitCode = kProblems;
        }
    });

    auto vAudit = std::make_shared<std::string>();
    auto vPdf = std::make_shared<std::string>();
    auto vTrust = std::make_shared<std::string>();
    auto* verify =
        app.add_subcommand("verify", tr("Kiểm tra văn bản PDF còn khớp với dữ liệu kiểm tra không",
                                        "Check whether a PDF still matches the audit data"));
    verify->add_option("audit", *vAudit, tr("Tệp kiểm tra", "Audit file"))
        ->required()
        ->check(CLI::ExistingFile);
    verify->add_option("pdf", *vPdf, tr("Tệp PDF do par-audit tạo", "PDF made by par-audit"))
        ->required();
    verify->add_option("--trust", *vTrust,
                       tr("Thư mục chứng thư số tin cậy (PEM) để kiểm tra người ký (docs/signing.md)",
                          "Trust folder of PEM certificates to check the signers against (docs/signing.md)"))
        ->check(CLI::ExistingDirectory);
    verify->callback([vAudit, vPdf, vTrust, &ctx]() { ctx.exitCode = runVerify(*vAudit, *vPdf, *vTrust); });
}

const bool registered = registerCommand(70, install);

}  // namespace

}  // namespace par::cli

// SPDX-License-Identifier: Apache-2.0
// ReportCommand.cpp - `par-audit report AUDIT -o OUT.pdf|OUT.docx [--format pdf|docx]
// [--document notice|plan|minutes] [--template FILE] [--lang vi|en]` prints a document of the audit
// (findings evaluated in memory, never saved) through a template of templates/, as PDF or as an
// editable Word file (format from --format, else from the extension), and `par-audit verify AUDIT
// FILE [--trust DIR]` says whether a printed document still matches the audit (the fingerprint in its
// metadata; for a Word file, or a PDF printed from one, that the fingerprint no longer vouches for the
// text) and, when it is signed, whether every signature holds (`--trust DIR` checks the signers'
// certificates). The file is built in memory and written atomically: on any error nothing is written.
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
#include "pdf/DocxMark.hpp"
#include "pdf/Fingerprint.hpp"
#include "pdf/PdfSignatureCheck.hpp"
#include "pdf/PdfWriter.hpp"
#include "pdf/Template.hpp"

namespace par::cli::report_command {

namespace {

struct ReportOptions {
    std::string audit;
    std::string output;
    std::string document = "notice";
    std::string templateFile;
    std::string lang = "vi";
    std::string format;  // "" = from the output's extension
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
    request.format = o.format.empty() ? pdf::formatOfPath(o.output) : *pdf::parseOutputFormat(o.format);
    pdf::PrintResult result = pdf::printDocument(bundle, request, o.output);
    for (const auto& p : result.problems) std::cerr << p << "\n";
    const std::string bytes = language() == Language::English
                                  ? std::to_string(result.bytes)
                                  : report::groupThousands(static_cast<long long>(result.bytes));
    const std::string draft = o.draft ? std::string(tr(", bản dự thảo", ", draft")) : std::string();
    if (request.format == pdf::OutputFormat::Docx)
        std::cout << fmt(tr("Đã ghi {} ({}{}, tệp Word): {} phần, {} byte, {} phát hiện. Số trang do Word tính.",
                            "Wrote {} ({}{}, Word file): {} sections, {} bytes, {} findings. Word makes the pages."),
                         o.output, pdf::documentLabel(request.kind), draft, std::to_string(result.sections),
                         bytes, std::to_string(result.findings));
    else
        std::cout << fmt(tr("Đã ghi {} ({}{}): {} trang, {} byte, {} phát hiện.",
                            "Wrote {} ({}{}): {} pages, {} bytes, {} findings."),
                         o.output, pdf::documentLabel(request.kind), draft, std::to_string(result.pages),
                         bytes, std::to_string(result.findings));
    std::cout << "\n"
              << fmt(tr("SHA-256 của dữ liệu kiểm tra: {}", "SHA-256 of the audit data: {}"), result.fingerprint) << "\n";
    if (o.draft && !result.missing.empty()) {
        std::cout << tr("Bản dự thảo còn thiếu:", "The draft still lacks:") << "\n";
        for (const auto& m : result.missing)
            std::cout << "  - " << m.label << (m.required ? "" : tr(" (nên có)", " (recommended)")) << ": " << actions::fixCommand(m, o.audit) << "\n";
    } else if (!result.missing.empty()) {
        // Printed for signing, but a part the document should have is empty (an empty section II,
        // no recipients…): said on stderr, so that it is seen before the file goes for signature.
        std::cerr << tr("lưu ý: văn bản đã in nhưng nên có thêm:", "note: printed, but the document should also have:") << "\n";
        for (const auto& m : result.missing)
            std::cerr << "  - " << m.label << ": " << actions::fixCommand(m, o.audit) << "\n";
    }
}

// Every signature of the PDF (docs/signing.md); true when all hold.
bool reportSignatures(const std::string& pdfPath, const std::string& trustDir) {
    pdf::SignedFileCheck c = pdf::checkSignedFile(pdfPath, trustDir);
    for (const auto& line : c.lines) std::cout << line << "\n";
    return c.ok;
}

// A Word file par-audit made: it says which data the file was made from, and that this proves
// nothing about its text, which may have been edited. Exit 1: the document cannot be verified.
int runVerifyDocx(const std::string& auditPath, const std::string& docxPath) {
    const pdf::DocxMark mark = pdf::readDocxMark(docxPath);
    if (!mark.isDocx || !mark.fingerprint)
        throw UsageError(fmt(tr("'{}' không phải là tệp Word do par-audit tạo (không có dấu SHA-256 của par-audit)",
                                "'{}' is not a Word file made by par-audit (no par-audit SHA-256 mark)"),
                             docxPath));
    AuditBundle bundle = AuditBundle::open(auditPath);
    const std::string now = bundle.audit.fingerprint();
    std::cout << fmt(tr("KHÔNG KIỂM TRA ĐƯỢC: {} là tệp Word. Tệp Word sửa được, nên dấu SHA-256 của dữ liệu "
                        "không còn xác nhận nội dung văn bản: lời văn có thể đã được sửa sau khi tạo.",
                        "CANNOT VERIFY: {} is a Word file. A Word file can be edited, so the data's SHA-256 "
                        "no longer vouches for the text: the wording may have been changed after it was made."),
                     docxPath)
              << "\n"
              << (*mark.fingerprint == now
                      ? fmt(tr("  Tệp được tạo từ dữ liệu hiện tại của {} (SHA-256 {}).",
                               "  It was made from the current data of {} (SHA-256 {})."),
                            auditPath, now)
                      : fmt(tr("  Tệp được tạo từ dữ liệu khác với {} hiện nay; dữ liệu đã thay đổi sau đó.\n"
                               "  SHA-256 trong tệp: {}\n  SHA-256 hiện tại: {}",
                               "  It was made from other data than {} holds now; the audit changed since.\n"
                               "  SHA-256 in the file: {}\n  SHA-256 now:         {}"),
                            auditPath, *mark.fingerprint, now))
              << "\n"
              << tr("  Đối chiếu văn bản đã sửa bằng mắt với bản in của par-audit (par-audit report ... -o "
                    "tệp.pdf), hoặc in lại từ dữ liệu.",
                    "  Compare the edited text by eye with par-audit's own print (par-audit report ... -o "
                    "file.pdf), or print again from the data.")
              << "\n";
    return kProblems;
}

int runVerify(const std::string& auditPath, const std::string& pdfPath, const std::string& trustDir) {
    if (pdf::looksLikeZipFile(pdfPath))
        return runVerifyDocx(auditPath, pdfPath);
    // Streamed, from a regular file of at most 1 GiB; an error names the file and why.
    const pdf::PdfFileMark mark = pdf::readFingerprintFromFile(pdfPath, pdf::kMaxPdfBytes);
    if (!mark.looksLikePdf)
        throw UsageError(fmt(tr("'{}' không phải là tệp PDF hay tệp Word", "'{}' is neither a PDF nor a Word file"),
                             pdfPath));
    const std::optional<std::string>& printed = mark.fingerprint;
    if (!printed && pdf::fileMentionsDocxMarker(pdfPath, pdf::kMaxPdfBytes)) {
        std::cout << fmt(tr("KHÔNG KIỂM TRA ĐƯỢC: {} được in ra PDF từ một tệp Word do par-audit tạo (bằng Word hoặc "
                            "LibreOffice). Nội dung có thể đã được sửa trong Word, nên dấu SHA-256 của dữ liệu không "
                            "còn xác nhận văn bản. Đối chiếu bằng mắt với bản in của par-audit, hoặc in lại từ dữ liệu.",
                            "CANNOT VERIFY: {} was printed to PDF from a Word file par-audit made (by Word or "
                            "LibreOffice). Its text may have been edited in Word, so the data's SHA-256 no longer "
                            "vouches for it. Compare it by eye with par-audit's own print, or print again from the data."),
                         pdfPath)
                  << "\n";
        return kProblems;
    }
    if (!printed)
        throw UsageError(fmt(tr("'{}' không có dấu SHA-256 của par-audit (không do par-audit tạo "
                                "hoặc đã bị sửa; bản PDF in từ tệp Word đã sửa thì không kiểm tra được)",
                                "'{}' carries no par-audit SHA-256 mark (not made by par-audit, "
                                "or altered; a PDF printed from an edited Word file cannot be verified)"),
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
        "report", tr("In văn bản (PDF hoặc Word) của cuộc kiểm tra", "Print a document (PDF or Word) of the audit"));
    cmd->add_option("audit", o->audit, tr("Tệp kiểm tra", "Audit file"))
        ->required()
        ->check(CLI::ExistingFile);
    cmd->add_option("-o,--output", o->output,
                    tr("Tệp sẽ ghi: .pdf, hoặc .docx (Word, sửa được)", "File to write: .pdf, or .docx (Word, editable)"))
        ->required();
    cmd->add_option("--format", o->format,
                    tr("Định dạng: pdf hoặc docx (mặc định: theo đuôi tệp -o)",
                       "Format: pdf or docx (default: from the -o file's extension)"))
        ->check(CLI::IsMember({"pdf", "docx"}));
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
    verify->add_option("pdf", *vPdf, tr("Tệp PDF do par-audit tạo (với tệp Word .docx: cho biết vì sao không kiểm tra được)", "PDF made by par-audit (for a Word .docx: says why it cannot be verified)"))
        ->required();
    verify->add_option("--trust", *vTrust,
                       tr("Thư mục chứng thư số tin cậy (PEM) để kiểm tra người ký (docs/signing.md)",
                          "Trust folder of PEM certificates to check the signers against (docs/signing.md)"))
        ->check(CLI::ExistingDirectory);
    verify->callback([vAudit, vPdf, vTrust, &ctx]() { ctx.exitCode = runVerify(*vAudit, *vPdf, *vTrust); });
}

const bool registered = registerCommand(70, install);

}  // namespace

}  // namespace par::cli::report_command

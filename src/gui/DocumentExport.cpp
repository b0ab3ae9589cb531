#include "gui/DocumentExport.hpp"

#include "core/common/AtomicFile.hpp"
#include "core/common/DataPaths.hpp"
#include "core/common/Text.hpp"
#include "core/report/AuditData.hpp"
#include "pdf/PdfWriter.hpp"
#include "pdf/Template.hpp"

namespace par::gui {

DocumentExport::Result DocumentExport::write(const AuditBundle& bundle, Kind kind, const std::string& pdfPath) {
    pdf::Template tpl = pdf::Template::load(
        dataPath(kind == Kind::Plan ? "templates/ke-hoach-khac-phuc.xml" : "templates/thong-bao-ket-luan.xml"));
    ValidationResult problems;
    report::AuditDataOptions options;
    options.language = language();
    options.problems = &problems;
    report::Data data = report::auditData(bundle, options);
    pdf::RenderResult rendered = pdf::renderPdf(tpl.render(data));
    AtomicWriteOptions atomic;
    atomic.keepBackup = false;
    writeFileAtomically(pdfPath, rendered.pdf, atomic);
    Result r;
    r.pages = rendered.pages.size();
    r.bytes = rendered.pdf.size();
    for (const auto& p : problems.problems()) r.problems.push_back(p.message);
    return r;
}

std::string DocumentExport::suggestedName(const Audit& audit, Kind kind) {
    std::string stem = audit.id.empty() ? std::string("kiem-tra") : audit.id;
    return stem + (kind == Kind::Plan ? ".ke-hoach-khac-phuc.pdf" : ".thong-bao-ket-luan.pdf");
}

}  // namespace par::gui

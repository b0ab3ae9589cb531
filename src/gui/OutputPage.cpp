// SPDX-License-Identifier: Apache-2.0
#include "gui/OutputPage.hpp"

#include <wx/sizer.h>
#include <wx/wrapsizer.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/statbox.h>
#include <wx/utils.h>

#include "core/wizard/FindingsReview.hpp"
#include "core/wizard/NoticePageState.hpp"
#include "gui/AuditEditorPanel.hpp"
#ifdef PAR_GUI_HAS_PDF
#include "pdf/DocumentPrinter.hpp"
#include "pdf/Fingerprint.hpp"
#include "pdf/PdfSignatureCheck.hpp"
#endif
#include <wx/msgdlg.h>
#include "gui/GuiUtil.hpp"
#include "gui/MainFrame.hpp"

namespace par::gui {

using namespace par::wizard;

OutputPage::OutputPage(wxWindow* parent, AuditEditorPanel& editor) : EditorPage(parent, editor) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Documents and saving"));
    title->SetFont(title->GetFont().Scaled(1.3f).Bold());
    top->Add(title, 0, wxALL, 10);
    summary_ = new wxStaticText(this, wxID_ANY, "");
    top->Add(summary_, 0, wxLEFT | wxRIGHT | wxBOTTOM, 10);

    auto* saveBox = new wxStaticBoxSizer(wxVERTICAL, this, _("The audit file"));
    where_ = new wxStaticText(saveBox->GetStaticBox(), wxID_ANY, "");
    saveBox->Add(where_, 0, wxALL, 6);
    auto* saveRow = new wxBoxSizer(wxHORIZONTAL);
    auto* save = new wxButton(saveBox->GetStaticBox(), wxID_ANY, _("&Save the audit"));
    auto* saveAs = new wxButton(saveBox->GetStaticBox(), wxID_ANY, _("Save &as..."));
    saveRow->Add(save, 0, wxRIGHT, 6);
    saveRow->Add(saveAs, 0);
    saveBox->Add(saveRow, 0, wxALL, 6);
    top->Add(saveBox, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 10);

    auto* docBox = new wxStaticBoxSizer(wxVERTICAL, this, _("Documents (PDF or Word)"));
    // The buttons flow onto a second line when the page is narrower than the five (on Linux at
    // 1200 px the last one was cut at the page's edge).
    auto* docRow = new wxWrapSizer(wxHORIZONTAL);
    auto* notice = new wxButton(docBox->GetStaticBox(), wxID_ANY, _("Make the &notice..."));
    auto* plan = new wxButton(docBox->GetStaticBox(), wxID_ANY, _("Make the remediation &plan..."));
    auto* minutes = new wxButton(docBox->GetStaticBox(), wxID_ANY, _("Make the &minutes..."));
    open_ = new wxButton(docBox->GetStaticBox(), wxID_ANY, _("&Open the document"));
    open_->Disable();
    auto* check = new wxButton(docBox->GetStaticBox(), wxID_ANY, _("&Check a signed document..."));
    for (wxButton* b : {notice, plan, minutes, open_, check}) docRow->Add(b, 0, wxRIGHT | wxBOTTOM, 6);
    docBox->Add(docRow, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 6);
    documentStatus_ = new wxStaticText(docBox->GetStaticBox(), wxID_ANY, "");
    docBox->Add(documentStatus_, 0, wxALL, 6);
#ifndef PAR_GUI_HAS_PDF
    documentStatus_->SetLabel(_("The report engine is not part of this build yet: use \"par-audit report\" "
                                "once it is available."));
    notice->Disable();
    plan->Disable();
    minutes->Disable();
    check->Disable();
#endif
    top->Add(docBox, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 10);
    SetSizer(top);

    notice->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { chooseAndMake(0); });
    plan->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { chooseAndMake(1); });
    minutes->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { chooseAndMake(2); });
    open_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!lastDocument_.empty()) wxLaunchDefaultApplication(lastDocument_);
    });
    check->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { chooseAndCheck(); });
    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { editor_.frame().save(); reload(); });
    saveAs->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { editor_.frame().saveAs(); reload(); });
}

void OutputPage::reload() {
    auto& session = editor_.session();
    Completeness c = session.validator().completeness(session.audit());
    size_t errors = 0;
    for (const auto& p : session.problems())
        if (p.problem.severity == Problem::Severity::Error) ++errors;
    errors += session.inputErrors().size();
    FindingsReview review(session);
    wxString text = wxString::Format(_("Inspected unit: %s"), wx(session.audit().unit.name)) + "\n" +
                    wxString::Format(_("Required questions answered: %zu of %zu"), c.answered, c.required) + "\n" +
                    wxString::Format(_("Answers with errors: %zu"), errors) + "\n" +
                    wxString::Format(_("Findings: %zu (to review: %zu)"), review.findings().size(), review.staleCount());
    summary_->SetLabel(text);
    where_->SetLabel(session.path().empty() ? _("Not saved yet.")
                                            : wxString::Format(_("Saved in %s"), wx(session.path())) +
                                                  (session.dirty() ? " " + _("(with unsaved changes)") : wxString()));
    Layout();
}

}  // namespace par::gui

namespace par::gui {

#ifdef PAR_GUI_HAS_PDF
namespace {
pdf::DocumentKind kindOf(int kind) {
    return kind == 1 ? pdf::DocumentKind::Plan : kind == 2 ? pdf::DocumentKind::Minutes : pdf::DocumentKind::Notice;
}

// PDF (filter 0) or an editable Word file (filter 1), the same template through either back end.
wxString kDocumentWildcard() {
    return _("PDF documents (*.pdf)|*.pdf|Word documents, editable (*.docx)|*.docx");
}

// The file name with the chosen filter's extension when it has neither (GTK does not add it).
wxString withExtension(const wxString& path, int filter) {
    wxString ext = wxFileName(path).GetExt().Lower();
    if (ext == "pdf" || ext == "docx") return path;
    return path + (filter == 1 ? ".docx" : ".pdf");
}
}  // namespace
#endif

void OutputPage::chooseAndMake(int kind) {
#ifdef PAR_GUI_HAS_PDF
    const auto& session = editor_.session();
    pdf::DocumentKind k = kindOf(kind);
    wxString dir = session.path().empty() ? wxString() : wxPathOnly(wx(session.path()));
    wxFileDialog dlg(this, wxString::Format(_("Save the %s as"), wx(pdf::documentLabel(k))), dir,
                     wx(pdf::suggestedName(session.audit(), k)), kDocumentWildcard(),
                     wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dlg.ShowModal() != wxID_OK) return;
    const wxString path = withExtension(dlg.GetPath(), dlg.GetFilterIndex());
    // What the document still lacks: the same check as `par-audit report`, asked before printing.
    auto missing = actions::missingParts(session.audit(), k);
    bool draft = false;
    if (!actions::readyToPrint(missing)) {
        wxString list;
        for (const auto& m : missing)
            if (m.required)
                list += "\n  - " + wx(m.label) + " " +
                        (NoticePageState::onThisPage(m.field) ? _("(Conclusion notice page)") : _("(Audit details page)"));
        // msgids stay ASCII: wx converts them with the C library's locale, which may not be UTF-8.
        wxMessageDialog ask(this,
                            wxString::Format(_("The %s cannot be signed yet; it lacks:%s\n\nFill these in, or print a "
                                               "draft marked %s on every page."),
                                             wx(pdf::documentLabel(k)), list, wx("\"DỰ THẢO\"")),
                            _("Document incomplete"), wxOK | wxCANCEL | wxICON_WARNING);
        ask.SetOKCancelLabels(_("Print a &draft"), _("&Cancel"));
        if (ask.ShowModal() != wxID_OK) return;
        draft = true;
    }
    if (makeDocument(kind, path, draft)) open_->SetFocus();
#else
    (void)kind;
#endif
}

void OutputPage::chooseAndCheck() {
#ifdef PAR_GUI_HAS_PDF
    const auto& session = editor_.session();
    wxString dir = session.path().empty() ? wxString() : wxPathOnly(wx(session.path()));
    wxFileDialog dlg(this, _("Check a signed document"), dir, wxString(), _("PDF documents (*.pdf)|*.pdf"),
                     wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dlg.ShowModal() != wxID_OK) return;
    wxString text;
    bool ok = false;
    try {
        wxBusyCursor busy;
        ok = checkDocument(dlg.GetPath(), text);
    } catch (const std::exception& e) {
        showError(this, _("Cannot check the document"), e);
        return;
    }
    wxMessageBox(text, _("Signed document"), wxOK | (ok ? wxICON_INFORMATION : wxICON_WARNING), this);
#endif
}

bool OutputPage::checkDocument(const wxString& path, wxString& text) {
#ifdef PAR_GUI_HAS_PDF
    // The same checks as `par-audit verify`: the data fingerprint, then every signature, against
    // the trust folder "tin-cay" beside the audit when there is one (docs/signing.md).
    const auto& session = editor_.session();
    pdf::PdfFileMark mark = pdf::readFingerprintFromFile(std8(path), pdf::kMaxPdfBytes);
    bool same = mark.fingerprint && *mark.fingerprint == session.audit().fingerprint();
    text = same ? _("The document was made from the current data of this audit.")
                : _("The document was NOT made from the current data of this audit: print it again.");
    std::string trust;
    if (!session.path().empty()) {
        wxFileName t(wx(session.path()));
        t.AppendDir("tin-cay");
        if (wxDirExists(t.GetPath())) trust = std8(t.GetPath());
    }
    pdf::SignedFileCheck c = pdf::checkSignedFile(std8(path), trust);
    for (const auto& line : c.lines) text += "\n" + wx(line);
    return same && c.ok;
#else
    (void)path;
    (void)text;
    return false;
#endif
}

bool OutputPage::makeDocument(int kind, const wxString& path, bool draft) {
#ifdef PAR_GUI_HAS_PDF
    auto& frame = editor_.frame();
    if (editor_.session().dirty() || editor_.session().path().empty()) {
        if (!frame.save()) return false;
    }
    pdf::PrintRequest request;
    request.kind = kindOf(kind);
    request.language = language();
    request.draft = draft;
    request.format = pdf::formatOfPath(std8(path));
    pdf::PrintResult r;
    try {
        wxBusyCursor busy;
        r = pdf::printDocument(editor_.session().bundle(), request, std8(path));
    } catch (const std::exception& e) {
        showError(this, _("Cannot make the document"), e);
        return false;
    }
    lastDocument_ = path;
    open_->Enable();
    wxString text = request.format == pdf::OutputFormat::Docx
                        ? wxString::Format(_("Wrote %s (Word file: Word makes the pages)."), path)
                        : wxString::Format(_("Wrote %s: %zu pages."), path, r.pages);
    if (draft) text += " " + _("(draft)");
    if (!r.problems.empty()) text += "\n" + _("Some rules could not be evaluated: ") + wx(r.problems.front());
    // What the CLI's `report` notes on stderr: printed, but the document should also have these
    // (an empty section II, no action codes in the annex before `plan make`…).
    wxString should;
    for (const auto& m : r.missing)
        if (!m.required) should += (should.empty() ? "" : ", ") + wx(m.label);
    if (!should.empty()) text += "\n" + _("Recommended: ") + should + ".";
    documentStatus_->SetLabel(text);
    documentStatus_->Wrap(kWrapWidth);
    reload();
    return true;
#else
    (void)kind;
    (void)path;
    (void)draft;
    return false;
#endif
}

}  // namespace par::gui

// SPDX-License-Identifier: Apache-2.0
#include "gui/RespondPanel.hpp"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "core/common/Dates.hpp"
#include "core/common/Text.hpp"
#include "gui/GuiUtil.hpp"
#include "gui/MainFrame.hpp"

namespace par::gui {

using namespace par::wizard;

RespondPanel::RespondPanel(wxWindow* parent, MainFrame& frame, RespondState state)
    : wxPanel(parent), frame_(frame), state_(std::move(state)) {
    const auto& f = state_.file();
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Report on the remediation plan"));
    title->SetFont(title->GetFont().Scaled(1.3f).Bold());
    top->Add(title, 0, wxALL, 10);
    wxString notice = f.noticeNumber.empty() ? wxString("—") : wx(f.noticeNumber);
    if (f.noticeDate) notice += " " + wxString::Format(_("of %s"), wx(vietnameseDate(*f.noticeDate)));
    auto* about = new wxStaticText(
        this, wxID_ANY,
        wxString::Format(_("Responsible unit: %s\nAudit: %s (inspected unit: %s), conclusion notice %s\nFile: %s"),
                         wx(f.unit), wx(f.auditId), wx(f.inspectedUnit), notice, wx(f.file)));
    top->Add(about, 0, wxLEFT | wxRIGHT | wxBOTTOM, 10);

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(new wxStaticText(this, wxID_ANY, _("A&ctions:")), 0, wxBOTTOM, 4);
    actions_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(330, -1));
    left->Add(actions_, 1, wxEXPAND);
    row->Add(left, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);

    auto* right = new wxFlexGridSizer(2, 6, 8);
    auto label = [&](const wxString& text) {
        right->Add(new wxStaticText(this, wxID_ANY, text), 0, wxALIGN_TOP | wxTOP, 3);
    };
    label(_("Finding:"));
    findingText_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(-1, 60),
                                  wxTE_MULTILINE | wxTE_READONLY);
    right->Add(findingText_, 1, wxEXPAND);
    label(_("Action:"));
    content_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(-1, 60), wxTE_MULTILINE | wxTE_READONLY);
    right->Add(content_, 1, wxEXPAND);
    label(_("Deadline:"));
    deadline_ = new wxStaticText(this, wxID_ANY, "");
    right->Add(deadline_, 0, wxTOP, 3);
    right->AddSpacer(0);
    report_ = new wxCheckBox(this, wxID_ANY, _("&Report on this action (status: reported)"));
    right->Add(report_, 0);
    label(_("Report &date (DD/MM/YYYY):"));
    date_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(140, -1));
    right->Add(date_, 0);
    label(_("Document &number:"));
    doc_ = new wxTextCtrl(this, wxID_ANY, "");
    right->Add(doc_, 1, wxEXPAND);
    label(_("&Note:"));
    note_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(-1, 80), wxTE_MULTILINE);
    right->Add(note_, 1, wxEXPAND);
    label(_("&Evidence files:"));
    auto* ev = new wxBoxSizer(wxHORIZONTAL);
    evidence_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 70));
    ev->Add(evidence_, 1, wxEXPAND | wxRIGHT, 6);
    auto* evButtons = new wxBoxSizer(wxVERTICAL);
    addEvidence_ = new wxButton(this, wxID_ANY, _("&Add files..."));
    removeEvidence_ = new wxButton(this, wxID_ANY, _("Re&move"));
    evButtons->Add(addEvidence_, 0, wxEXPAND | wxBOTTOM, 4);
    evButtons->Add(removeEvidence_, 0, wxEXPAND);
    ev->Add(evButtons, 0);
    right->Add(ev, 1, wxEXPAND);
    right->AddGrowableCol(1);
    row->Add(right, 1, wxEXPAND | wxRIGHT, 10);
    top->Add(row, 1, wxEXPAND);

    problems_ = new wxStaticText(this, wxID_ANY, "");
    top->Add(problems_, 0, wxALL, 10);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* save = new wxButton(this, wxID_ANY, _("&Save the response"));
    auto* saveAsButton = new wxButton(this, wxID_ANY, _("Save the response &as..."));
    buttons->Add(save, 0, wxRIGHT, 6);
    buttons->Add(saveAsButton, 0, wxRIGHT, 6);
    top->Add(buttons, 0, wxLEFT | wxRIGHT | wxBOTTOM, 10);
    SetSizer(top);

    actions_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& e) {
        if (e.GetSelection() >= 0) showAction(static_cast<size_t>(e.GetSelection()));
    });
    auto edited = [this](wxCommandEvent&) { storeDraft(); };
    report_->Bind(wxEVT_CHECKBOX, edited);
    for (wxTextCtrl* t : {date_, doc_, note_}) t->Bind(wxEVT_TEXT, edited);
    addEvidence_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxFileDialog dlg(this, _("Evidence files (sent inside the response file)"), "", "", _("All files (*)|*"),
                         wxFD_OPEN | wxFD_FILE_MUST_EXIST | wxFD_MULTIPLE);
        if (dlg.ShowModal() != wxID_OK) return;
        wxArrayString paths;
        dlg.GetPaths(paths);
        for (const auto& p : paths) state_.addEvidence(current_, std8(p));
        showAction(current_);
    });
    removeEvidence_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        int k = evidence_->GetSelection();
        if (k == wxNOT_FOUND) return;
        state_.removeEvidence(current_, static_cast<size_t>(k));
        showAction(current_);
    });
    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { saveTo(""); });
    saveAsButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { saveAs(); });

    refreshList();
    if (state_.count() > 0) {
        actions_->SetSelection(0);
        showAction(0);
    }
    actions_->SetFocus();
}

void RespondPanel::refreshList() {
    for (size_t i = 0; i < state_.count(); ++i) {
        wxString title = wx(state_.title(i));
        if (i < actions_->GetCount()) {
            if (actions_->GetString(static_cast<unsigned>(i)) != title) actions_->SetString(static_cast<unsigned>(i), title);
        } else {
            actions_->Append(title);
        }
    }
}

void RespondPanel::showAction(size_t i) {
    if (i >= state_.count()) return;
    loading_ = true;
    current_ = i;
    const auto& pa = state_.action(i);
    const auto& d = state_.draft(i);
    findingText_->ChangeValue(wx(pa.findingText));
    content_->ChangeValue(wx(pa.action.content));
    deadline_->SetLabel(pa.action.deadline ? wx(vietnameseDate(*pa.action.deadline)) : wxString("—"));
    report_->SetValue(d.report);
    report_->Enable(state_.canReport(i));
    date_->ChangeValue(wx(d.date));
    doc_->ChangeValue(wx(d.doc));
    note_->ChangeValue(wx(d.note));
    evidence_->Clear();
    for (const auto& e : d.evidence) evidence_->Append(wx(e));
    for (wxWindow* w : {static_cast<wxWindow*>(date_), static_cast<wxWindow*>(doc_), static_cast<wxWindow*>(note_),
                        static_cast<wxWindow*>(evidence_), static_cast<wxWindow*>(addEvidence_),
                        static_cast<wxWindow*>(removeEvidence_)})
        w->Enable(d.report);
    loading_ = false;
    showProblems();
}

void RespondPanel::storeDraft() {
    if (loading_ || current_ >= state_.count()) return;
    ResponseDraft d = state_.draft(current_);
    bool wasReported = d.report;
    d.report = report_->IsChecked();
    d.date = std8(date_->GetValue());
    d.doc = std8(doc_->GetValue());
    d.note = std8(note_->GetValue());
    if (d.report && !wasReported && d.date.empty()) d.date = vietnameseDate(boost::gregorian::day_clock::local_day());
    state_.setDraft(current_, d);
    if (d.report != wasReported) showAction(current_);
    refreshList();
    showProblems();
    frame_.respondChanged();
}

void RespondPanel::showProblems() {
    std::vector<std::string> errors;
    for (const auto& p : state_.problems(current_)) errors.push_back(p.message);
    if (errors.empty() && state_.reportedCount() == 0)
        for (const auto& p : state_.problems()) errors.push_back(p.message);
    setMessages(problems_, errors, {});
    Layout();
}

bool RespondPanel::saveTo(const wxString& path) {
    wxString target = path.empty() ? wx(state_.defaultOutput()) : path;
    try {
        target = wx(state_.save(std8(target)));  // with evidence: the .response.zip
    } catch (const std::exception& e) {
        showError(this, _("Cannot save the response"), e);
        return false;
    }
    savedTo_ = target;
    frame_.SetStatusText(wxString::Format(_("Saved the response to %s: send this file to the inspecting body."), target));
    frame_.respondChanged();
    return true;
}

bool RespondPanel::saveAs() {
    wxFileName name(wx(state_.defaultOutput()));
    wxFileDialog dlg(this, _("Save the response as"), name.GetPath(), name.GetFullName(),
                     state_.hasEvidence() ? _("Response with evidence (*.response.zip)|*.zip")
                                          : _("Response files (*.response.xml)|*.xml"),
                     wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dlg.ShowModal() != wxID_OK) return false;
    return saveTo(dlg.GetPath());
}

void RespondPanel::simulate(size_t i, const wxString& date, const wxString& doc, const wxString& note,
                            const wxString& evidencePath) {
    actions_->SetSelection(static_cast<int>(i));
    showAction(i);
    report_->SetValue(true);
    storeDraft();
    date_->SetValue(date);  // SetValue sends wxEVT_TEXT, as typing does
    doc_->SetValue(doc);
    note_->SetValue(note);
    if (!evidencePath.empty()) {
        state_.addEvidence(current_, std8(evidencePath));
        showAction(current_);
    }
}

}  // namespace par::gui

// SPDX-License-Identifier: Apache-2.0
#include "gui/FindingsPage.hpp"

#include <wx/choicdlg.h>

#include <wx/button.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/textdlg.h>

#include "core/common/Text.hpp"
#include "gui/AuditEditorPanel.hpp"
#include "gui/FindingDialog.hpp"
#include "gui/GuiUtil.hpp"

namespace par::gui {

using namespace par::wizard;

namespace {
std::string labelOfId(const std::vector<par::NamedItem>& items, const std::string& id) {
    for (const auto& i : items)
        if (i.id == id) return i.label.get();
    return id;
}
}  // namespace

FindingsPage::FindingsPage(wxWindow* parent, AuditEditorPanel& editor)
    : EditorPage(parent, editor), review_(editor.session()) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Findings review"));
    title->SetFont(title->GetFont().Scaled(1.3f).Bold());
    top->Add(title, 0, wxALL, 10);
    summary_ = new wxStaticText(this, wxID_ANY, "");
    top->Add(summary_, 0, wxLEFT | wxRIGHT | wxBOTTOM, 10);
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 420), wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->AppendColumn(_("No."), wxLIST_FORMAT_LEFT, 60);
    list_->AppendColumn(_("Source"), wxLIST_FORMAT_LEFT, 90);
    list_->AppendColumn(_("Severity"), wxLIST_FORMAT_LEFT, 100);
    list_->AppendColumn(_("Area"), wxLIST_FORMAT_LEFT, 190);
    list_->AppendColumn(_("Finding"), wxLIST_FORMAT_LEFT, 520);
    list_->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, 160);
    top->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, 10);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* evaluateButton = new wxButton(this, wxID_ANY, _("Evaluate the &rules again"));
    auto* add = new wxButton(this, wxID_ANY, _("&Add a finding"));
    auto* editButton = new wxButton(this, wxID_ANY, _("&Edit..."));
    auto* removeButton = new wxButton(this, wxID_ANY, _("Re&move"));
    dismiss_ = new wxButton(this, wxID_ANY, _("&Dismiss..."));
    dismiss_->SetToolTip(_("Keep this rule finding in the audit but leave it out of the documents, the plan and "
                           "the score, with the team's reason"));
    restore_ = new wxButton(this, wxID_ANY, _("&Undo the dismissal"));
    restore_->SetToolTip(_("Undo the dismissal: the finding counts again"));
    merge_ = new wxButton(this, wxID_ANY, _("Mer&ge duplicates..."));
    merge_->SetToolTip(_("Keep the selected finding; the ones you pick are dismissed as its duplicates"));
    for (auto* b : {evaluateButton, add, editButton, removeButton, dismiss_, restore_, merge_}) buttons->Add(b, 0, wxRIGHT, 6);
    top->Add(buttons, 0, wxALL, 10);
    SetSizer(top);

    evaluateButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { evaluate(); });
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        std::string id = addManual();
        FindingDialog* dlg = makeDialog(id);
        if (dlg->ShowModal() != wxID_OK && review_.at(id).text.empty()) review_.remove(id);
        dlg->Destroy();
        reload();
        editor_.changed();
    });
    editButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit(); });
    removeButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { remove(); });
    dismiss_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { dismissSelected(); });
    restore_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { restoreSelected(); });
    merge_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { mergeIntoSelected(); });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { updateButtons(); });
    list_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { updateButtons(); });
    updateButtons();
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { edit(); });
}

void FindingsPage::entered() {
    evaluate();
}

void FindingsPage::evaluate() {
    MergeReport r;
    try {
        r = review_.refresh();
    } catch (const std::exception& e) {
        showError(this, _("Cannot evaluate the rules"), e);
    }
    lastAdded_ = r.added.size();
    lastRefreshed_ = r.refreshed.size();
    lastProblem_ = r.problems.ok() ? wxString() : wx(r.problems.problems().front().message);
    reload();
    editor_.changed();
}

void FindingsPage::reload() {
    const Form& form = editor_.session().form();
    list_->DeleteAllItems();
    long i = 0;
    for (const auto& f : review_.findings()) {
        long item = list_->InsertItem(i++, wx(f.id));
        list_->SetItem(item, 1, f.origin == FindingOrigin::Rule ? _("Rule") : _("Team"));
        list_->SetItem(item, 2, wx(severityLabel(f.severity)));
        list_->SetItem(item, 3, wx(labelOfId(form.areas, f.area)));
        list_->SetItem(item, 4, f.text.empty() ? _("(no text yet)") : wx(f.text));
        wxString status;
        if (f.dismissed && !f.duplicateOf.empty()) status = wxString::Format(_("Merged: a duplicate of %s"), wx(f.duplicateOf));
        else if (f.dismissed) status = wxString::Format(_("Dismissed: %s"), wx(f.dismissReason));
        else if (f.state == FindingState::Stale) status = _("Review: condition no longer holds");
        else if (f.edited) status = _("Edited by the team");
        list_->SetItem(item, 5, status);
        if (f.dismissed) {
            wxFont struck = list_->GetFont();
            struck.SetStrikethrough(true);
            list_->SetItemFont(item, struck);
            list_->SetItemTextColour(item, wxColour(140, 140, 140));
        } else if (f.state == FindingState::Stale) {
            list_->SetItemBackgroundColour(item, wxColour(255, 236, 200));
        }
        if (f.text.empty()) list_->SetItemBackgroundColour(item, wxColour(255, 215, 215));
    }
    updateButtons();
    showSummary();
}

void FindingsPage::showSummary() {
    wxString text = wxString::Format(_("%zu findings: %zu new, %zu updated, %zu to review."), review_.findings().size(),
                                     lastAdded_, lastRefreshed_, review_.staleCount());
    if (review_.dismissedCount() > 0)
        text += " " + wxString::Format(_("%zu dismissed (left out of the documents and the score)."),
                                       review_.dismissedCount());
    if (!lastProblem_.empty()) text += "\n" + _("Some rules could not be evaluated: ") + lastProblem_;
    summary_->SetLabel(text);
}

void FindingsPage::updateButtons() {
    std::string id = selectedId();
    const Finding* f = id.empty() ? nullptr : editor_.session().audit().findFinding(id);
    dismiss_->Enable(f != nullptr && f->origin == FindingOrigin::Rule && !f->dismissed);
    restore_->Enable(f != nullptr && f->dismissed);
    merge_->Enable(f != nullptr && f->inEffect() && review_.findings().size() > 1);
}

bool FindingsPage::merge(const std::string& keep, const std::vector<std::string>& others) {
    try {
        review_.merge(keep, others);
    } catch (const std::exception& e) {
        showError(this, _("Cannot merge the findings"), e);
        return false;
    }
    reload();
    editor_.changed();
    return true;
}

void FindingsPage::mergeIntoSelected() {
    std::string keep = selectedId();
    if (keep.empty()) return;
    wxArrayString choices;
    std::vector<std::string> ids;
    for (const auto& f : review_.findings()) {
        if (f.id == keep || f.dismissed) continue;
        ids.push_back(f.id);
        choices.Add(wx(f.id) + " - " + wx(f.text));
    }
    if (ids.empty()) return;
    wxMultiChoiceDialog pick(this, wxString::Format(_("Which findings repeat %s? They are kept in the audit, dismissed as its duplicates."), wx(keep)),
                             _("Merge duplicate findings"), choices);
    if (pick.ShowModal() != wxID_OK) return;
    std::vector<std::string> others;
    for (int i : pick.GetSelections()) others.push_back(ids[static_cast<size_t>(i)]);
    if (!others.empty()) merge(keep, others);
}

bool FindingsPage::dismiss(const std::string& id, const std::string& reason) {
    try {
        review_.dismiss(id, reason);
    } catch (const std::exception& e) {
        showError(this, _("Cannot dismiss the finding"), e);
        return false;
    }
    reload();
    editor_.changed();
    return true;
}

bool FindingsPage::restore(const std::string& id) {
    try {
        review_.restore(id);
    } catch (const std::exception& e) {
        showError(this, _("Cannot restore the finding"), e);
        return false;
    }
    reload();
    editor_.changed();
    return true;
}

bool FindingsPage::shownDismissed(const std::string& id) const {
    for (long i = 0; i < list_->GetItemCount(); ++i)
        if (std8(list_->GetItemText(i)) == id) return list_->GetItemFont(i).GetStrikethrough();
    return false;
}

void FindingsPage::dismissSelected() {
    std::string id = selectedId();
    if (id.empty() || !review_.canDismiss(id)) return;
    wxTextEntryDialog ask(this, wxString::Format(_("Why does finding %s not apply? The reason is kept in the audit."), wx(id)),
                          _("Dismiss the finding"), "", wxOK | wxCANCEL | wxTE_MULTILINE);
    while (ask.ShowModal() == wxID_OK) {
        if (dismiss(id, std8(ask.GetValue()))) return;
    }
}

void FindingsPage::restoreSelected() {
    std::string id = selectedId();
    if (!id.empty()) restore(id);
}

std::string FindingsPage::selectedId() const {
    long item = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return item < 0 ? std::string() : std8(list_->GetItemText(item));
}

std::string FindingsPage::addManual() {
    std::string id = review_.addManual();
    reload();
    return id;
}

FindingDialog* FindingsPage::makeDialog(const std::string& id) {
    return new FindingDialog(this, review_, editor_.session().form(), id);
}

void FindingsPage::edit() {
    std::string id = selectedId();
    if (id.empty()) return;
    FindingDialog* dlg = makeDialog(id);
    dlg->ShowModal();
    dlg->Destroy();
    reload();
    editor_.changed();
}

void FindingsPage::remove() {
    std::string id = selectedId();
    if (id.empty()) return;
    if (!review_.canRemove(id)) {
        wxMessageBox(_("A finding from the rules cannot be removed: change the answers, or edit its text."),
                     _("Remove the finding"), wxOK | wxICON_INFORMATION, this);
        return;
    }
    wxMessageDialog ask(this, wxString::Format(_("Remove finding %s?"), wx(id)), _("Remove the finding"),
                        wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
    if (ask.ShowModal() != wxID_YES) return;
    review_.remove(id);
    reload();
    editor_.changed();
}

}  // namespace par::gui

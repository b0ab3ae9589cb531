// SPDX-License-Identifier: Apache-2.0
#include "gui/RepeatPanel.hpp"

#include <wx/button.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>

#include "core/wizard/AnswerEditor.hpp"
#include "core/wizard/InputFormat.hpp"
#include "gui/AuditEditorPanel.hpp"
#include "gui/GuiUtil.hpp"
#include "gui/SubUnitDialog.hpp"

namespace par::gui {

using namespace par::wizard;

RepeatPanel::RepeatPanel(wxWindow* parent, AuditEditorPanel& editor, const par::Question& q)
    : wxPanel(parent), editor_(editor), q_(q) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    addQuestionHeader(this, top, q);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    list_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(420, 140));
    row->Add(list_, 0, wxRIGHT, 8);
    auto* buttons = new wxBoxSizer(wxVERTICAL);
    auto* add = new wxButton(this, wxID_ANY, _("Add a sub-unit..."));
    auto* open = new wxButton(this, wxID_ANY, _("Edit the sub-unit..."));
    auto* remove = new wxButton(this, wxID_ANY, _("Remove the sub-unit"));
    for (auto* b : {add, open, remove}) buttons->Add(b, 0, wxEXPAND | wxBOTTOM, 4);
    row->Add(buttons, 0);
    top->Add(row, 0, wxBOTTOM, 3);
    message_ = makeMessageLabel(this);
    top->Add(message_, 0);
    SetSizer(top);

    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit(static_cast<int>(addInstance())); });
    open->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { edit(list_->GetSelection()); });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->remove(); });
    list_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) { edit(list_->GetSelection()); });
}

void RepeatPanel::reload() {
    const Answer* a = editor_.session().audit().answers.find(q_.id);
    wxArrayString items;
    if (a != nullptr)
        for (size_t i = 0; i < a->instances.size(); ++i) items.Add(wx(instanceTitle(q_, a->instances[i], i)));
    int sel = list_->GetSelection();
    list_->Set(items);
    if (!items.empty()) list_->SetSelection(sel >= 0 && sel < static_cast<int>(items.size()) ? sel : 0);
}

void RepeatPanel::setMessages(const std::vector<std::string>& errors, const std::vector<std::string>& warnings) {
    par::gui::setMessages(message_, errors, warnings);
}

size_t RepeatPanel::addInstance() {
    size_t i = AnswerEditor(editor_.session()).addRow(q_.id);
    reload();
    list_->SetSelection(static_cast<int>(i));
    editor_.changed();
    return i;
}

SubUnitDialog* RepeatPanel::makeDialog(size_t instance) { return new SubUnitDialog(this, editor_, q_, instance); }

void RepeatPanel::edit(int instance) {
    if (instance < 0) return;
    SubUnitDialog* dlg = makeDialog(static_cast<size_t>(instance));
    dlg->ShowModal();
    dlg->Destroy();
    reload();
    editor_.changed();
}

void RepeatPanel::remove() {
    int i = list_->GetSelection();
    if (i < 0) return;
    wxMessageDialog ask(this, wxString::Format(_("Remove %s and its answers?"), list_->GetString(static_cast<unsigned>(i))),
                        _("Remove the sub-unit"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
    if (ask.ShowModal() != wxID_YES) return;
    AnswerEditor(editor_.session()).removeRow(q_.id, static_cast<size_t>(i));
    reload();
    editor_.changed();
}

}  // namespace par::gui

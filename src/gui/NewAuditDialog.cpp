// SPDX-License-Identifier: Apache-2.0
#include "gui/NewAuditDialog.hpp"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "gui/GuiUtil.hpp"

namespace par::gui {

using namespace par::wizard;

NewAuditDialog::NewAuditDialog(wxWindow* parent)
    : wxDialog(parent, wxID_ANY, _("New audit"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      forms_(bundledForms()),
      levels_(unitLevelLabels()) {
    auto* grid = new wxFlexGridSizer(2, wxSize(10, 8));
    grid->AddGrowableCol(1);
    auto label = [&](const wxString& text) {
        grid->Add(new wxStaticText(this, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL);
    };
    label(_("&Form:"));
    form_ = new wxChoice(this, wxID_ANY);
    for (const auto& f : forms_) form_->Append(wx(f.title));
    grid->Add(form_, 1, wxEXPAND);
    label(_("Inspected &unit:"));
    unit_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(420, -1));
    unit_->SetHint(_("e.g. People's Committee of Quynh Hung commune"));
    grid->Add(unit_, 1, wxEXPAND);
    label(_("Unit &type:"));
    type_ = new wxChoice(this, wxID_ANY);
    grid->Add(type_, 1, wxEXPAND);
    label(_("&Level:"));
    level_ = new wxChoice(this, wxID_ANY);
    for (const auto& l : levels_) level_->Append(wx(l.label));
    grid->Add(level_, 1, wxEXPAND);
    label(_("&Province:"));
    province_ = new wxTextCtrl(this, wxID_ANY);
    grid->Add(province_, 1, wxEXPAND);

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(grid, 1, wxEXPAND | wxALL, 12);
    top->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 12);
    SetSizerAndFit(top);

    if (!forms_.empty()) form_->SetSelection(0);
    fillUnitTypes();
    form_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { fillUnitTypes(); });
    Bind(wxEVT_BUTTON, &NewAuditDialog::onOk, this, wxID_OK);
    unit_->SetFocus();
    CentreOnParent();
}

void NewAuditDialog::fillUnitTypes() {
    type_->Clear();
    types_.clear();
    int f = form_->GetSelection();
    auto all = unitTypeLabels();
    if (f == wxNOT_FOUND) return;
    for (const auto& id : forms_[static_cast<size_t>(f)].unitTypes) types_.push_back({id, labelOf(all, id)});
    for (const auto& t : types_) type_->Append(wx(t.label));
    if (!types_.empty()) type_->SetSelection(0);
    // The level follows from the first unit type of the form.
    std::string first = types_.empty() ? "" : types_.front().id;
    std::string level = first == "so" || first == "ban-nganh" ? "province"
                        : first == "huyen" || first == "thi-xa" || first == "thanh-pho-thuoc-tinh" ? "district"
                                                                                                     : "commune";
    for (size_t i = 0; i < levels_.size(); ++i)
        if (levels_[i].id == level) level_->SetSelection(static_cast<int>(i));
}

void NewAuditDialog::onOk(wxCommandEvent&) {
    int f = form_->GetSelection();
    if (f == wxNOT_FOUND) {
        wxMessageBox(_("Choose a form."), _("New audit"), wxOK | wxICON_WARNING, this);
        return;
    }
    NewAuditRequest r;
    r.form = forms_[static_cast<size_t>(f)].path;
    r.unitName = std8(unit_->GetValue());
    int t = type_->GetSelection();
    if (t != wxNOT_FOUND) r.unitType = types_[static_cast<size_t>(t)].id;
    int l = level_->GetSelection();
    if (l != wxNOT_FOUND) r.unitLevel = levels_[static_cast<size_t>(l)].id;
    r.province = std8(province_->GetValue());
    try {
        session_ = AuditSession::create(r);
    } catch (const std::exception& e) {
        showError(this, _("Cannot start the audit"), e);
        unit_->SetFocus();
        return;
    }
    EndModal(wxID_OK);
}

}  // namespace par::gui

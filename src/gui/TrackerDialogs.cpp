// SPDX-License-Identifier: Apache-2.0
#include "gui/TrackerDialogs.hpp"

#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "core/common/Dates.hpp"
#include "gui/GuiUtil.hpp"

namespace par::gui {

ExtendDialog::ExtendDialog(wxWindow* parent, const par::track::RegisterEntry& entry)
    : wxDialog(parent, wxID_ANY, _("Extend the deadline")) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    wxString current = entry.action().deadline ? wx(vietnameseDate(*entry.action().deadline)) : wxString("—");
    auto* what = new wxStaticText(this, wxID_ANY,
                                  wxString::Format(_("%s: %s\nCurrent deadline: %s"), wx(entry.action().id),
                                                   wx(entry.action().content), current));
    what->Wrap(460);
    top->Add(what, 0, wxALL, 10);
    auto* grid = new wxFlexGridSizer(2, 6, 8);
    grid->Add(new wxStaticText(this, wxID_ANY, _("New &deadline (DD/MM/YYYY):")), 0, wxALIGN_CENTER_VERTICAL);
    deadline_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(140, -1));
    grid->Add(deadline_, 0);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Reason:")), 0, wxALIGN_TOP);
    reason_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(320, 70), wxTE_MULTILINE);
    grid->Add(reason_, 1, wxEXPAND);
    grid->AddGrowableCol(1);
    top->Add(grid, 1, wxEXPAND | wxLEFT | wxRIGHT, 10);
    top->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 10);
    SetSizerAndFit(top);
    deadline_->SetFocus();
}

wxString ExtendDialog::deadline() const { return deadline_->GetValue(); }
wxString ExtendDialog::reason() const { return reason_->GetValue(); }

}  // namespace par::gui

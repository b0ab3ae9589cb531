// SPDX-License-Identifier: Apache-2.0
#include "gui/StartPanel.hpp"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "gui/GuiUtil.hpp"
#include "gui/MainFrame.hpp"

namespace par::gui {

StartPanel::StartPanel(wxWindow* parent, MainFrame& frame) : wxPanel(parent), frame_(frame) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Inspection of public administration reform"));
    title->SetFont(title->GetFont().Scaled(1.6f).Bold());
    top->Add(title, 0, wxALL, 20);
    auto* intro = new wxStaticText(this, wxID_ANY,
                                   _("Start a new audit of an inspected unit, or continue one you have saved."));
    top->Add(intro, 0, wxLEFT | wxRIGHT | wxBOTTOM, 20);

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* actions = new wxBoxSizer(wxVERTICAL);
    auto* newButton = new wxButton(this, wxID_NEW, _("&New audit..."));
    auto* openButton = new wxButton(this, wxID_OPEN, _("&Open an audit..."));
    auto* workspace = new wxButton(this, wxID_ANY, _("Open a &workspace (tracker)..."));
    workspace->SetToolTip(_("Every remediation action of a folder of audit files: deadlines, overdue, responses."));
    auto* plan = new wxButton(this, wxID_ANY, _("Open a remediation &plan (unit)..."));
    plan->SetToolTip(_("For an inspected unit: report on the actions of the plan the Department sent."));
    for (auto* b : {newButton, openButton, workspace, plan}) actions->Add(b, 0, wxEXPAND | wxBOTTOM, 8);
    row->Add(actions, 0, wxLEFT | wxRIGHT, 20);

    auto* recentBox = new wxBoxSizer(wxVERTICAL);
    recentBox->Add(new wxStaticText(this, wxID_ANY, _("&Recent audits:")), 0, wxBOTTOM, 4);
    recent_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(560, 220));
    recentBox->Add(recent_, 1, wxEXPAND);
    auto* openRecentButton = new wxButton(this, wxID_ANY, _("Open the &selected audit"));
    recentBox->Add(openRecentButton, 0, wxTOP, 6);
    row->Add(recentBox, 1, wxEXPAND | wxRIGHT, 20);
    top->Add(row, 1, wxEXPAND | wxBOTTOM, 20);
    SetSizer(top);

    newButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { frame_.newAudit(); });
    openButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { frame_.openDialog(); });
    workspace->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { frame_.openWorkspaceDialog(); });
    plan->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { frame_.openPlanDialog(); });
    openRecentButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { openRecent(); });
    recent_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) { openRecent(); });
    newButton->SetFocus();
}

void StartPanel::refreshRecent() {
    recent_->Clear();
    auto& h = frame_.history();
    for (size_t i = 0; i < h.GetCount(); ++i) recent_->Append(h.GetHistoryFile(i));
    if (!recent_->IsEmpty()) recent_->SetSelection(0);
}

void StartPanel::openRecent() {
    int i = recent_->GetSelection();
    if (i != wxNOT_FOUND) frame_.openPath(recent_->GetString(static_cast<unsigned>(i)));
}

}  // namespace par::gui

// SPDX-License-Identifier: Apache-2.0
#include "gui/ScorePage.hpp"

#include <wx/sizer.h>
#include <wx/statbox.h>

#include "gui/AuditEditorPanel.hpp"
#include "gui/GuiUtil.hpp"

namespace par::gui {

using namespace par::wizard;

ScorePage::ScorePage(wxWindow* parent, AuditEditorPanel& editor) : EditorPage(parent, editor) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Score and band"));
    title->SetFont(title->GetFont().Scaled(1.3f).Bold());
    top->Add(title, 0, wxALL, 10);

    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("Result"));
    wxWindow* b = box->GetStaticBox();
    auto* grid = new wxFlexGridSizer(2, wxSize(12, 6));
    grid->Add(new wxStaticText(b, wxID_ANY, _("Total score:")), 0, wxALIGN_CENTER_VERTICAL);
    total_ = new wxStaticText(b, wxID_ANY, "");
    total_->SetFont(total_->GetFont().Scaled(1.4f).Bold());
    grid->Add(total_, 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(new wxStaticText(b, wxID_ANY, _("Band:")), 0, wxALIGN_CENTER_VERTICAL);
    band_ = new wxStaticText(b, wxID_ANY, "");
    band_->SetFont(band_->GetFont().Scaled(1.2f).Bold());
    grid->Add(band_, 0, wxALIGN_CENTER_VERTICAL);
    box->Add(grid, 0, wxALL, 6);
    scale_ = new wxStaticText(b, wxID_ANY, "");
    box->Add(scale_, 0, wxALL, 6);
    top->Add(box, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 10);

    top->Add(new wxStaticText(this, wxID_ANY, _("By &section: (points - penalties) / maximum x share of the total")), 0,
             wxLEFT | wxRIGHT, 10);
    sections_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 330), wxLC_REPORT | wxLC_SINGLE_SEL);
    sections_->AppendColumn(_("Section"), wxLIST_FORMAT_LEFT, 300);
    sections_->AppendColumn(_("Points"), wxLIST_FORMAT_RIGHT, 65);
    sections_->AppendColumn(_("Penalties"), wxLIST_FORMAT_RIGHT, 80);
    sections_->AppendColumn(_("Maximum"), wxLIST_FORMAT_RIGHT, 70);
    sections_->AppendColumn(_("Share"), wxLIST_FORMAT_RIGHT, 80);
    sections_->AppendColumn(_("Part of the total"), wxLIST_FORMAT_RIGHT, 120);
    top->Add(sections_, 0, wxEXPAND | wxALL, 10);
    notes_ = makeMessageLabel(this);
    top->Add(notes_, 0, wxLEFT | wxRIGHT | wxBOTTOM, 10);
    auto* how = new wxStaticText(
        this, wxID_ANY,
        _("The score follows the points and weights of the form (docs/scoring.md): unanswered "
          "and \"not applicable\" questions leave the maximum (the coverage says how many "
          "criteria were assessed; below the scale's threshold the band is provisional), and "
          "a rule with a penalty is a criterion lost once when it fires, never twice with its "
          "question; dismissed findings do not count."));
    how->Wrap(740);
    top->Add(how, 0, wxLEFT | wxRIGHT | wxBOTTOM, 10);
    SetSizer(top);

    try {
        state_ = std::make_unique<ScorePageState>(editor.session());
    } catch (const std::exception& e) {
        showError(this, _("Cannot read the band scale"), e);
    }
}

void ScorePage::refreshState() {
    if (state_ && state_->refresh()) reload();
}

void ScorePage::reload() {
    if (!state_) {
        total_->SetLabel(wxString::FromUTF8("—"));
        return;
    }
    state_->refresh();
    total_->SetLabel(wx(state_->totalText()));
    band_->SetLabel(wx(state_->bandText()) + "  (" + wx(state_->coverageText()) + ")");
    scale_->SetLabel(wx(state_->scaleText()));
    if (state_->exampleScale()) {
        scale_->SetForegroundColour(warningColour());
        scale_->SetLabel(scale_->GetLabel() + "\n" +
                         _("The band scale shipped with par-audit is an EXAMPLE: the province sets its own "
                           "(par-audit score --bands FILE)."));
    }
    scale_->Wrap(740);
    sections_->DeleteAllItems();
    long i = 0;
    for (const auto& r : state_->sections()) {
        long item = sections_->InsertItem(i++, wx(r.label));
        sections_->SetItem(item, 1, r.scored ? wx(r.points) : wxString::FromUTF8("—"));
        sections_->SetItem(item, 2, wx(r.penalties));
        sections_->SetItem(item, 3, wx(r.max));
        sections_->SetItem(item, 4, wx(r.share));
        sections_->SetItem(item, 5, wx(r.contribution));
        if (!r.scored) sections_->SetItemTextColour(item, wxColour(130, 130, 130));
    }
    setMessages(notes_, {}, state_->notes());
    Layout();
    FitInside();
}

}  // namespace par::gui

// SPDX-License-Identifier: Apache-2.0
#include "gui/FindingDialog.hpp"

#include <wx/sizer.h>
#include <wx/stattext.h>

#include "core/common/Text.hpp"
#include "gui/GuiUtil.hpp"

namespace par::gui {

using namespace par::wizard;

namespace {
const Severity kSeverities[] = {Severity::High, Severity::Medium, Severity::Low};
}

FindingDialog::FindingDialog(wxWindow* parent, FindingsReview& review, const par::Form& form, const std::string& id)
    : wxDialog(parent, wxID_ANY, wxString::Format(_("Finding %s"), wx(id)), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      review_(review),
      form_(form),
      id_(id) {
    FindingEdit e = review.editOf(id);
    const Finding& f = review.at(id);
    auto* grid = new wxFlexGridSizer(2, wxSize(8, 6));
    grid->AddGrowableCol(1);
    auto label = [&](const wxString& text) { grid->Add(new wxStaticText(this, wxID_ANY, text), 0, wxALIGN_TOP | wxTOP, 4); };

    label(_("&Text:"));
    text_ = new wxTextCtrl(this, wxID_ANY, wx(e.text), wxDefaultPosition, wxSize(620, 90), wxTE_MULTILINE);
    grid->Add(text_, 1, wxEXPAND);
    label(_("&Severity:"));
    severity_ = new wxChoice(this, wxID_ANY);
    for (Severity s : kSeverities) {
        severity_->Append(wx(severityLabel(s)));
        if (s == e.severity) severity_->SetSelection(static_cast<int>(severity_->GetCount() - 1));
    }
    grid->Add(severity_, 0);
    label(_("&Area:"));
    area_ = new wxChoice(this, wxID_ANY);
    for (const auto& a : form.areas) {
        area_->Append(wx(a.label.get()));
        if (a.id == e.area) area_->SetSelection(static_cast<int>(area_->GetCount() - 1));
    }
    grid->Add(area_, 0);
    label(_("&Category:"));
    category_ = new wxChoice(this, wxID_ANY);
    for (const auto& c : form.categories) {
        category_->Append(wx(c.label.get()));
        if (c.id == e.category) category_->SetSelection(static_cast<int>(category_->GetCount() - 1));
    }
    grid->Add(category_, 0);
    label(_("&Legal basis (one per line):"));
    wxString basis;
    for (const auto& b : e.legalBasis) basis += (basis.empty() ? "" : "\n") + wx(b);
    basis_ = new wxTextCtrl(this, wxID_ANY, basis, wxDefaultPosition, wxSize(620, 60), wxTE_MULTILINE);
    grid->Add(basis_, 1, wxEXPAND);
    label(_("&Recommendation:"));
    recommendation_ = new wxTextCtrl(this, wxID_ANY, wx(e.recommendation), wxDefaultPosition, wxSize(620, 70), wxTE_MULTILINE);
    grid->Add(recommendation_, 1, wxEXPAND);
    label(_("Res&ponsible unit:"));
    responsible_ = new wxTextCtrl(this, wxID_ANY, wx(e.responsible));
    grid->Add(responsible_, 1, wxEXPAND);
    label(_("&Deadline:"));
    deadline_ = new wxTextCtrl(this, wxID_ANY, wx(e.deadline));
    deadline_->SetHint(_("e.g. 30 working days, 15 days, 31/03/2019"));
    grid->Add(deadline_, 1, wxEXPAND);

    auto* top = new wxBoxSizer(wxVERTICAL);
    if (f.origin == FindingOrigin::Rule) {
        wxString note = wxString::Format(_("Found by rule %s. Editing the text keeps your wording when the rules are "
                                           "evaluated again."),
                                         wx(f.rule));
        if (f.state == FindingState::Stale) note += "\n" + _("Its condition no longer holds: check whether it still applies.");
        auto* n = new wxStaticText(this, wxID_ANY, note);
        n->Wrap(700);
        if (f.state == FindingState::Stale) n->SetForegroundColour(warningColour());
        top->Add(n, 0, wxALL, 12);
    }
    top->Add(grid, 1, wxEXPAND | wxLEFT | wxRIGHT, 12);
    top->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 12);
    SetSizerAndFit(top);
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (apply()) EndModal(wxID_OK);
    }, wxID_OK);
    text_->SetFocus();
    CentreOnParent();
}

bool FindingDialog::apply() {
    FindingEdit e;
    e.text = std8(text_->GetValue());
    int s = severity_->GetSelection();
    e.severity = s < 0 ? Severity::Medium : kSeverities[s];
    int a = area_->GetSelection();
    if (a >= 0) e.area = form_.areas[static_cast<size_t>(a)].id;
    int c = category_->GetSelection();
    if (c >= 0) e.category = form_.categories[static_cast<size_t>(c)].id;
    e.legalBasis = splitList(std8(basis_->GetValue()), "\n");
    e.recommendation = std8(recommendation_->GetValue());
    e.responsible = std8(responsible_->GetValue());
    e.deadline = std8(deadline_->GetValue());
    try {
        review_.edit(id_, e);
    } catch (const std::exception& ex) {
        showError(this, _("Cannot change the finding"), ex);
        return false;
    }
    return true;
}

void FindingDialog::simulate(const std::string& text, const std::string& recommendation, const std::string& deadline) {
    text_->SetValue(wx(text));
    recommendation_->SetValue(wx(recommendation));
    deadline_->SetValue(wx(deadline));
}

}  // namespace par::gui

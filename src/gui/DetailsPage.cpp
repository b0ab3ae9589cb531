// SPDX-License-Identifier: Apache-2.0
#include "gui/DetailsPage.hpp"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/statbox.h>

#include <algorithm>

#include "gui/AuditEditorPanel.hpp"
#include "gui/GuiUtil.hpp"

namespace par::gui {

using namespace par::wizard;
using F = DetailField;

DetailsPage::DetailsPage(wxWindow* parent, AuditEditorPanel& editor)
    : EditorPage(parent, editor), state_(editor.session()), roles_(teamRoleLabels()) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Audit details"));
    title->SetFont(title->GetFont().Scaled(1.3f).Bold());
    top->Add(title, 0, wxALL, 10);

    // Label | control with its message under it (a third column would fall off the page's right
    // edge beside the step list).
    auto group = [&](const wxString& caption) {
        auto* box = new wxStaticBoxSizer(wxVERTICAL, this, caption);
        auto* grid = new wxFlexGridSizer(2, wxSize(8, 6));
        grid->AddGrowableCol(1);
        box->Add(grid, 0, wxEXPAND | wxALL, 6);
        top->Add(box, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 10);
        return std::make_pair(box->GetStaticBox(), grid);
    };
    const auto& form = editor.session().form();
    std::vector<IdLabel> types;
    for (const auto& t : unitTypeLabels()) types.push_back(t);

    auto [unitBox, unit] = group(_("Inspected unit"));
    addField(unitBox, unit, F::UnitName, _("&Name:"));
    addChoice(unitBox, unit, F::UnitType, _("&Type:"), types);
    addChoice(unitBox, unit, F::UnitLevel, _("Le&vel:"), unitLevelLabels());
    addField(unitBox, unit, F::Province, _("&Province:"));

    auto [bodyBox, body] = group(_("Inspecting body"));
    addField(bodyBox, body, F::BodyParent, _("Parent a&uthority:"));
    addField(bodyBox, body, F::BodyName, _("Inspecting &body:"));
    addField(bodyBox, body, F::BodyCode, _("Code in document &symbols:"));
    addField(bodyBox, body, F::BodyPlace, _("Place (for the date line):"));

    auto [docBox, docs] = group(_("Plan, decision, dates"));
    addField(docBox, docs, F::PlanNumber, _("Inspection p&lan number:"));
    addField(docBox, docs, F::PlanDate, _("Plan date:"));
    addField(docBox, docs, F::PlanIssuer, _("Plan issued by:"));
    addField(docBox, docs, F::DecisionNumber, _("&Decision number (team):"));
    addField(docBox, docs, F::DecisionDate, _("Decision date:"));
    addField(docBox, docs, F::VisitStart, _("Visit &from:"));
    addField(docBox, docs, F::VisitEnd, _("Visit &to:"));
    addField(docBox, docs, F::PeriodStart, _("Period &start:"));
    addField(docBox, docs, F::PeriodEnd, _("Period &end:"));
    auto* formLabel = new wxStaticText(docBox, wxID_ANY, _("Form:"));
    labels_.push_back(formLabel);
    docs->Add(formLabel, 0);
    auto* formText = new wxStaticText(docBox, wxID_ANY, wx(form.title.get() + " (" + form.id + " " + form.version + ")"));
    formText->Wrap(kFieldWrap);
    docs->Add(formText, 0);
    // One label width in every box, so that the controls line up from box to box.
    int labelWidth = 0;
    for (auto* l : labels_) labelWidth = std::max(labelWidth, l->GetBestSize().x);
    for (auto* l : labels_) l->SetMinSize(wxSize(labelWidth, -1));

    auto* teamBox = new wxStaticBoxSizer(wxVERTICAL, this, _("Inspection team"));
    team_ = new wxGrid(teamBox->GetStaticBox(), wxID_ANY);
    team_->CreateGrid(0, 3);
    team_->SetColLabelValue(0, _("Name"));
    team_->SetColLabelValue(1, _("Role"));
    team_->SetColLabelValue(2, _("Title"));
    team_->SetColSize(0, 200);
    team_->SetColSize(1, 130);
    team_->SetColSize(2, 380);
    team_->SetRowLabelSize(30);
    wxArrayString roleLabels;
    for (const auto& r : roles_) roleLabels.Add(wx(r.label));
    auto* roleAttr = new wxGridCellAttr;
    roleAttr->SetEditor(new wxGridCellChoiceEditor(roleLabels));
    team_->SetColAttr(1, roleAttr);
    team_->SetTabBehaviour(wxGrid::Tab_Leave);
    teamBox->Add(team_, 0, wxALL, 6);
    auto* teamButtons = new wxBoxSizer(wxHORIZONTAL);
    auto* add = new wxButton(teamBox->GetStaticBox(), wxID_ANY, _("Add &member"));
    auto* remove = new wxButton(teamBox->GetStaticBox(), wxID_ANY, _("Remove member"));
    teamButtons->Add(add, 0, wxRIGHT, 6);
    teamButtons->Add(remove, 0);
    teamBox->Add(teamButtons, 0, wxLEFT | wxBOTTOM, 6);
    teamMessage_ = makeMessageLabel(teamBox->GetStaticBox());
    teamBox->Add(teamMessage_, 0, wxLEFT | wxBOTTOM, 6);
    top->Add(teamBox, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 10);
    SetSizer(top);

    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        state_.addMember();
        reloadTeam();
        editor_.changed();
    });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        int r = team_->GetGridCursorRow();
        if (r < 0) return;
        state_.removeMember(static_cast<size_t>(r));
        reloadTeam();
        editor_.changed();
    });
    team_->Bind(wxEVT_GRID_CELL_CHANGED, [this](wxGridEvent& e) { teamCellChanged(e.GetRow(), e.GetCol()); });
}

wxSizer* DetailsPage::addRow(wxWindow* parent, wxSizer* grid, F field, const wxString& label, wxWindow* control) {
    auto* l = new wxStaticText(parent, wxID_ANY, label);
    labels_.push_back(l);
    // Level with the control's text, however tall the control is drawn.
    grid->Add(l, 0, wxTOP, std::max(0, (control->GetBestSize().y - l->GetBestSize().y) / 2));
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(control, 0);
    auto* m = makeMessageLabel(parent);
    column->Add(m, 0, wxTOP, 2);
    grid->Add(column, 0, wxEXPAND);
    messages_[field] = m;
    return column;
}

void DetailsPage::addField(wxWindow* parent, wxSizer* grid, F field, const wxString& label) {
    bool date = DetailsPageState::isDate(field);
    auto* t = new wxTextCtrl(parent, wxID_ANY, "", wxDefaultPosition, wxSize(date ? 130 : 380, -1));
    if (date) t->SetHint(_("DD/MM/YYYY"));
    addRow(parent, grid, field, label, t);
    texts_[field] = t;
    t->Bind(wxEVT_TEXT, [this, field, t](wxCommandEvent&) {
        if (loading_) return;
        state_.set(field, std8(t->GetValue()));
        editor_.changed();
    });
}

void DetailsPage::addChoice(wxWindow* parent, wxSizer* grid, F field, const wxString& label,
                            const std::vector<IdLabel>& options) {
    auto* c = new wxChoice(parent, wxID_ANY);
    c->Append("");
    for (const auto& o : options) c->Append(wx(o.label));
    addRow(parent, grid, field, label, c);
    choices_[field] = c;
    options_[field] = options;
    c->Bind(wxEVT_CHOICE, [this, field, c](wxCommandEvent&) {
        if (loading_) return;
        int i = c->GetSelection();
        state_.set(field, i <= 0 ? std::string() : options_[field][static_cast<size_t>(i - 1)].id);
        editor_.changed();
    });
}

void DetailsPage::reload() {
    loading_ = true;
    for (auto& [field, t] : texts_)
        if (!editor_.session().inputError(FieldPath::scalar(std::string("$details.") + DetailsPageState::fieldKey(field))))
            t->ChangeValue(wx(state_.get(field)));
    for (auto& [field, c] : choices_) {
        std::string v = state_.get(field);
        auto& opts = options_[field];
        int sel = 0;
        for (size_t i = 0; i < opts.size(); ++i)
            if (opts[i].id == v) sel = static_cast<int>(i + 1);
        if (sel == 0 && !v.empty()) {  // an id the app has no label for: shown as it is
            opts.push_back({v, v});
            c->Append(wx(v));
            sel = static_cast<int>(opts.size());
        }
        c->SetSelection(sel);
    }
    loading_ = false;
    reloadTeam();
    refreshState();
}

void DetailsPage::reloadTeam() {
    const auto& team = state_.team();
    int rows = static_cast<int>(team.size());
    if (team_->GetNumberRows() > rows) team_->DeleteRows(rows, team_->GetNumberRows() - rows);
    if (team_->GetNumberRows() < rows) team_->AppendRows(rows - team_->GetNumberRows());
    for (int r = 0; r < rows; ++r) {
        const auto& m = team[static_cast<size_t>(r)];
        team_->SetCellValue(r, 0, wx(m.name));
        team_->SetCellValue(r, 1, wx(labelOf(roles_, m.role)));
        team_->SetCellValue(r, 2, wx(m.title));
    }
    Layout();
    FitInside();
}

void DetailsPage::teamCellChanged(int row, int) {
    TeamMember m;
    m.name = std8(team_->GetCellValue(row, 0));
    m.role = idOf(roles_, std8(team_->GetCellValue(row, 1)));
    m.title = std8(team_->GetCellValue(row, 2));
    state_.setMember(static_cast<size_t>(row), m);
    reloadTeam();  // a refused change shows the member as stored, with the message below
    editor_.changed();
}

void DetailsPage::refreshState() {
    std::map<F, std::vector<std::string>> errors, warnings;
    for (const auto& e : state_.errors()) errors[e.field].push_back(e.message);
    for (const auto& w : state_.warnings()) warnings[w.field].push_back(w.message);
    for (auto& [field, label] : messages_) {
        setMessages(label, errors[field], warnings[field]);
        if (label->IsShown()) label->Wrap(kFieldWrap);
    }
    setMessages(teamMessage_, errors[F::Team], warnings[F::Team]);
    Layout();
    FitInside();
}

void DetailsPage::simulateInput(F field, const std::string& text) {
    if (auto it = texts_.find(field); it != texts_.end()) it->second->SetValue(wx(text));
}

void DetailsPage::simulateMember(size_t index, const std::string& name, const std::string& role, const std::string& title) {
    while (state_.team().size() <= index) state_.addMember();
    reloadTeam();
    int r = static_cast<int>(index);
    team_->SetCellValue(r, 0, wx(name));
    team_->SetCellValue(r, 1, wx(labelOf(roles_, role)));
    team_->SetCellValue(r, 2, wx(title));
    teamCellChanged(r, 0);
}

wxString DetailsPage::shownValue(F field) const {
    auto it = texts_.find(field);
    return it == texts_.end() ? wxString() : it->second->GetValue();
}

}  // namespace par::gui

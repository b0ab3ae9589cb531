// SPDX-License-Identifier: Apache-2.0
// DetailsPage.hpp - the audit details page: inspected unit (name, type, level, province), inspecting
// body, plan and decision (number, date), visit dates, period, the form (read-only), and the team
// with each member's role. Values are stored through par::wizard::DetailsPageState as they are typed.
#pragma once

#include <wx/choice.h>
#include <wx/grid.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <map>
#include <vector>

#include "core/wizard/DetailsPageState.hpp"
#include "core/wizard/Labels.hpp"
#include "gui/EditorPage.hpp"

namespace par::gui {

class DetailsPage : public EditorPage {
public:
    DetailsPage(wxWindow* parent, AuditEditorPanel& editor);
    void reload() override;
    void refreshState() override;

    // Test hooks.
    void simulateInput(par::wizard::DetailField field, const std::string& text);
    void simulateMember(size_t index, const std::string& name, const std::string& role, const std::string& title);
    wxString shownValue(par::wizard::DetailField field) const;

private:
    // The label, then the control with its message under it; returns the control's column.
    wxSizer* addRow(wxWindow* parent, wxSizer* grid, par::wizard::DetailField field, const wxString& label,
                    wxWindow* control);
    void addField(wxWindow* parent, wxSizer* grid, par::wizard::DetailField field, const wxString& label);
    void addChoice(wxWindow* parent, wxSizer* grid, par::wizard::DetailField field, const wxString& label,
                   const std::vector<par::wizard::IdLabel>& options);
    void teamCellChanged(int row, int col);
    void reloadTeam();

    par::wizard::DetailsPageState state_;
    std::map<par::wizard::DetailField, wxTextCtrl*> texts_;
    std::map<par::wizard::DetailField, wxChoice*> choices_;
    std::map<par::wizard::DetailField, std::vector<par::wizard::IdLabel>> options_;
    std::map<par::wizard::DetailField, wxStaticText*> messages_;
    std::vector<wxStaticText*> labels_;  // of the fields, given one width
    static constexpr int kFieldWrap = 520;  // messages under a control
    std::vector<par::wizard::IdLabel> roles_;
    wxGrid* team_ = nullptr;
    wxStaticText* teamMessage_ = nullptr;
    bool loading_ = false;
};

}  // namespace par::gui

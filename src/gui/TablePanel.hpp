// SPDX-License-Identifier: Apache-2.0
// TablePanel.hpp - a table question: a grid with one column per form column (choice columns offer
// their labels), rows added and removed with buttons, each cell stored through the core as soon as
// it is edited; a cell that cannot be stored turns red and its message shows under the grid.
#pragma once

#include <wx/grid.h>
#include <wx/panel.h>
#include <wx/stattext.h>

#include "core/model/Form.hpp"

namespace par::gui {

class AuditEditorPanel;

class TablePanel : public wxPanel {
public:
    TablePanel(wxWindow* parent, AuditEditorPanel& editor, const par::Question& q);
    const par::Question& question() const { return q_; }
    void reload();
    void setMessages(const std::vector<std::string>& errors, const std::vector<std::string>& warnings);

    // Test hooks: the same paths as the buttons and a cell edit.
    void addRow();
    void simulateCell(int row, const std::string& column, const std::string& text);

private:
    void removeRow();
    void cellChanged(int row, int col);

    AuditEditorPanel& editor_;
    const par::Question& q_;
    wxGrid* grid_ = nullptr;
    wxStaticText* message_ = nullptr;
};

}  // namespace par::gui

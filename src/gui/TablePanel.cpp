// SPDX-License-Identifier: Apache-2.0
#include "gui/TablePanel.hpp"

#include <wx/button.h>
#include <wx/sizer.h>

#include <algorithm>

#include "core/wizard/AnswerEditor.hpp"
#include "core/wizard/InputFormat.hpp"
#include "gui/AuditEditorPanel.hpp"
#include "gui/GuiUtil.hpp"

namespace par::gui {

using namespace par::wizard;

TablePanel::TablePanel(wxWindow* parent, AuditEditorPanel& editor, const par::Question& q)
    : wxPanel(parent), editor_(editor), q_(q) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    addQuestionHeader(this, top, q);
    grid_ = new wxGrid(this, wxID_ANY);
    grid_->CreateGrid(0, static_cast<int>(q.columns.size()));
    grid_->SetRowLabelSize(36);
    grid_->SetDefaultCellOverflow(false);
    for (size_t c = 0; c < q.columns.size(); ++c) {
        const Question& col = q.columns[c];
        int ci = static_cast<int>(c);
        bool wide = col.type == QuestionType::Text;
        grid_->SetColLabelValue(ci, wrapLabel(wx(col.label.get()) + (col.required ? " *" : ""), wide ? 30 : 15));
        auto* attr = new wxGridCellAttr;
        if (isChoiceType(col.type) && col.type != QuestionType::Multiple) {
            wxArrayString labels;
            labels.Add("");
            for (const auto& o : choiceOptions(col)) labels.Add(wx(o.label));
            attr->SetEditor(new wxGridCellChoiceEditor(labels));
        } else if (col.type == QuestionType::Text) {
            attr->SetEditor(new wxGridCellAutoWrapStringEditor);
            attr->SetRenderer(new wxGridCellAutoWrapStringRenderer);
        }
        grid_->SetColAttr(ci, attr);
        grid_->SetColSize(ci, wide ? 230 : 120);
    }
    grid_->SetColLabelSize(wxGRID_AUTOSIZE);
    grid_->SetMinSize(wxSize(kWrapWidth, 120));
    top->Add(grid_, 0, wxBOTTOM, 4);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* add = new wxButton(this, wxID_ANY, _("Add row"));
    auto* remove = new wxButton(this, wxID_ANY, _("Remove row"));
    buttons->Add(add, 0, wxRIGHT, 6);
    buttons->Add(remove, 0);
    top->Add(buttons, 0, wxBOTTOM, 3);
    message_ = makeMessageLabel(this);
    top->Add(message_, 0);
    SetSizer(top);

    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { addRow(); });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { removeRow(); });
    grid_->Bind(wxEVT_GRID_CELL_CHANGED, [this](wxGridEvent& e) { cellChanged(e.GetRow(), e.GetCol()); });
    // Tab leaves the grid at its last cell instead of trapping the keyboard.
    grid_->SetTabBehaviour(wxGrid::Tab_Leave);
}

void TablePanel::reload() {
    AnswerEditor ed(editor_.session());
    int rows = static_cast<int>(ed.rowCount(q_.id));
    if (grid_->GetNumberRows() > rows) grid_->DeleteRows(rows, grid_->GetNumberRows() - rows);
    if (grid_->GetNumberRows() < rows) grid_->AppendRows(rows - grid_->GetNumberRows());
    for (int r = 0; r < rows; ++r) {
        for (size_t c = 0; c < q_.columns.size(); ++c) {
            FieldPath f = FieldPath::cell(q_.id, r, q_.columns[c].id);
            int ci = static_cast<int>(c);
            bool bad = editor_.session().inputError(f).has_value();
            if (!bad) grid_->SetCellValue(r, ci, wx(displayValue(q_.columns[c], ed.value(f))));
            grid_->SetCellBackgroundColour(r, ci, bad ? wxColour(255, 215, 215) : *wxWHITE);
        }
    }
    grid_->AutoSizeRows(false);
    // Tall enough for the header and every row (up to a limit; the grid scrolls beyond it).
    grid_->SetMinSize(wxSize(kWrapWidth, std::max(120, std::min(grid_->GetBestSize().y + 24, 460))));
}

void TablePanel::setMessages(const std::vector<std::string>& errors, const std::vector<std::string>& warnings) {
    par::gui::setMessages(message_, errors, warnings);
}

void TablePanel::addRow() {
    AnswerEditor(editor_.session()).addRow(q_.id);
    reload();
    editor_.changed();
    GetParent()->Layout();
    grid_->SetGridCursor(grid_->GetNumberRows() - 1, 0);
    grid_->SetFocus();
}

void TablePanel::removeRow() {
    int r = grid_->GetGridCursorRow();
    if (r < 0 || r >= grid_->GetNumberRows()) return;
    AnswerEditor(editor_.session()).removeRow(q_.id, static_cast<size_t>(r));
    reload();
    editor_.changed();
}

void TablePanel::cellChanged(int row, int col) {
    const Question& column = q_.columns[static_cast<size_t>(col)];
    std::string text = std8(grid_->GetCellValue(row, col));
    // Choice cells show labels; the core stores the choice's value.
    if (isChoiceType(column.type)) text = idOf(choiceOptions(column), text);
    AnswerEditor(editor_.session()).enter(FieldPath::cell(q_.id, row, column.id), text);
    bool bad = editor_.session().inputError(FieldPath::cell(q_.id, row, column.id)).has_value();
    grid_->SetCellBackgroundColour(row, col, bad ? wxColour(255, 215, 215) : *wxWHITE);
    grid_->ForceRefresh();
    editor_.changed();
}

void TablePanel::simulateCell(int row, const std::string& column, const std::string& text) {
    for (size_t c = 0; c < q_.columns.size(); ++c) {
        if (q_.columns[c].id != column) continue;
        grid_->SetCellValue(row, static_cast<int>(c), wx(text));
        cellChanged(row, static_cast<int>(c));
    }
}

}  // namespace par::gui

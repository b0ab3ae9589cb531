// SPDX-License-Identifier: Apache-2.0
// StepListPanel.hpp - the list of wizard steps at the editor's left: where the inspector is, and a
// mark per step (✓ complete, ○ something missing, ✗ errors) with the counts. Selecting a step goes
// there when the step list allows it. A title too long for the column ends in "…" (the mark and the
// counts always stay visible) and is shown whole in the tooltip of its line.
#pragma once

#include <wx/listbox.h>
#include <wx/panel.h>

#include <array>
#include <functional>
#include <vector>

#include "core/wizard/StepList.hpp"
#include "gui/GuiUtil.hpp"

namespace par::gui {

class StepListPanel : public wxPanel {
public:
    StepListPanel(wxWindow* parent, std::function<void(size_t)> onPick);
    void update(const std::vector<par::wizard::Step>& steps, size_t current);

    // Test hook: the text shown for a step and its tooltip.
    wxString shownText(size_t step) const;
    wxString fullText(size_t step) const;

private:
    // Fits every line to the list's width.
    void fit();

    wxListBox* list_ = nullptr;
    std::function<void(size_t)> onPick_;
    bool updating_ = false;
    // Per step: the mark, the title, the counts.
    std::vector<std::array<wxString, 3>> lines_;
    StatusMarks marks_;
    int tipShown_ = -2;
};

}  // namespace par::gui

// StepListPanel.hpp - the list of wizard steps at the editor's left: where the inspector is, and a
// mark per step (✓ complete, ○ something missing, ✗ errors) with the counts. Selecting a step goes
// there when the step list allows it.
#pragma once

#include <wx/listbox.h>
#include <wx/panel.h>

#include <functional>
#include <vector>

#include "core/wizard/StepList.hpp"

namespace par::gui {

class StepListPanel : public wxPanel {
public:
    StepListPanel(wxWindow* parent, std::function<void(size_t)> onPick);
    void update(const std::vector<par::wizard::Step>& steps, size_t current);

private:
    wxListBox* list_ = nullptr;
    std::function<void(size_t)> onPick_;
    bool updating_ = false;
};

}  // namespace par::gui

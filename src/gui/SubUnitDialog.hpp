// SPDX-License-Identifier: Apache-2.0
// SubUnitDialog.hpp - the sub-form of one sampled sub-unit (a commune, a department) of a repeat:
// one QuestionPanel per question of the repeat, relevance evaluated inside the instance, each answer
// stored through the core as it is entered. Close (or Escape) returns to the section page.
#pragma once

#include <wx/dialog.h>
#include <wx/stattext.h>

#include <vector>

#include "core/model/Form.hpp"

namespace par::gui {

class AuditEditorPanel;
class QuestionPanel;

class SubUnitDialog : public wxDialog {
public:
    SubUnitDialog(wxWindow* parent, AuditEditorPanel& editor, const par::Question& repeat, size_t instance);
    // Test hook: enter an answer as a person would.
    void simulateInput(const std::string& child, const std::string& text);

private:
    void reload();
    void refreshState();

    AuditEditorPanel& editor_;
    const par::Question& repeat_;
    size_t instance_;
    std::vector<QuestionPanel*> panels_;
    wxStaticText* message_ = nullptr;
};

}  // namespace par::gui

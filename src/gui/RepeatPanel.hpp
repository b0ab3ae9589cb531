// SPDX-License-Identifier: Apache-2.0
// RepeatPanel.hpp - a repeat question: the list of sampled sub-units (communes, departments), each
// with its own sub-form opened in a SubUnitDialog; sub-units are added and removed with buttons.
#pragma once

#include <wx/listbox.h>
#include <wx/panel.h>
#include <wx/stattext.h>

#include "core/model/Form.hpp"

namespace par::gui {

class AuditEditorPanel;
class SubUnitDialog;

class RepeatPanel : public wxPanel {
public:
    RepeatPanel(wxWindow* parent, AuditEditorPanel& editor, const par::Question& q);
    const par::Question& question() const { return q_; }
    void reload();
    void setMessages(const std::vector<std::string>& errors, const std::vector<std::string>& warnings);

    // Adds a sub-unit; returns its index.
    size_t addInstance();
    // The sub-form of a sub-unit, not yet shown (the test hook fills it without a modal loop).
    SubUnitDialog* makeDialog(size_t instance);

private:
    void edit(int instance);
    void remove();

    AuditEditorPanel& editor_;
    const par::Question& q_;
    wxListBox* list_ = nullptr;
    wxStaticText* message_ = nullptr;
};

}  // namespace par::gui

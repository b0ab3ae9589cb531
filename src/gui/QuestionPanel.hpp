// SPDX-License-Identifier: Apache-2.0
// QuestionPanel.hpp - one scalar question on a page: its label and help, the right control for its
// type (a choice for yes/no, yes/partly/no and single; a check list for multiple; a text field for
// numbers, dates and text), "not applicable" when the form allows it, and its inline messages.
// Every change is handed to the owner at once (live relevance); the owner stores it through the core.
#pragma once

#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <functional>
#include <string>
#include <vector>

#include "core/model/Form.hpp"
#include "core/wizard/Labels.hpp"

namespace par::gui {

class QuestionPanel : public wxPanel {
public:
    using InputFn = std::function<void(const std::string& input)>;
    using NaFn = std::function<void(bool na)>;

    QuestionPanel(wxWindow* parent, const par::Question& q, InputFn onInput, NaFn onNa = {});

    const par::Question& question() const { return q_; }
    // Shows a stored value (file form) without reporting it as input. `keepText`: a text field keeps
    // what was typed (a value that could not be stored stays visible next to its message).
    void setValue(const std::string& fileForm, bool na, bool keepText = false);
    void setMessages(const std::vector<std::string>& errors, const std::vector<std::string>& warnings);
    // Test hook: what a person would type or pick ("có", "12", "28/11/2018", a choice value or label).
    void simulateInput(const std::string& text);
    bool hasError() const { return hasError_; }

private:
    void fire();

    const par::Question& q_;
    InputFn onInput_;
    NaFn onNa_;
    std::vector<par::wizard::IdLabel> options_;
    wxChoice* choice_ = nullptr;
    wxCheckListBox* multi_ = nullptr;
    wxTextCtrl* text_ = nullptr;
    wxCheckBox* na_ = nullptr;
    wxStaticText* message_ = nullptr;
    bool loading_ = false;
    bool hasError_ = false;
};

}  // namespace par::gui

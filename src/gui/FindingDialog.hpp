// SPDX-License-Identifier: Apache-2.0
// FindingDialog.hpp - edits one finding: text, severity, area, category, legal basis (one per line),
// recommendation, responsible unit and deadline. OK applies the edit through
// par::wizard::FindingsReview; a problem (empty text, unreadable deadline) is shown and the dialog
// stays open.
#pragma once

#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/textctrl.h>

#include <string>

#include "core/wizard/FindingsReview.hpp"

namespace par::gui {

class FindingDialog : public wxDialog {
public:
    FindingDialog(wxWindow* parent, par::wizard::FindingsReview& review, const par::Form& form, const std::string& id);
    // Applies the fields; false (with the message shown) when the core refused them.
    bool apply();
    // Test hook: fill the fields as a person would.
    void simulate(const std::string& text, const std::string& recommendation, const std::string& deadline);

private:
    par::wizard::FindingsReview& review_;
    const par::Form& form_;
    std::string id_;
    wxTextCtrl* text_ = nullptr;
    wxChoice* severity_ = nullptr;
    wxChoice* area_ = nullptr;
    wxChoice* category_ = nullptr;
    wxTextCtrl* basis_ = nullptr;
    wxTextCtrl* recommendation_ = nullptr;
    wxTextCtrl* responsible_ = nullptr;
    wxTextCtrl* deadline_ = nullptr;
};

}  // namespace par::gui

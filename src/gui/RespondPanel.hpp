// SPDX-License-Identifier: Apache-2.0
// RespondPanel.hpp - respond mode, for an inspected unit: the actions of the plan file the
// Department sent, and per action whether the unit reports, the report date, document number,
// note and evidence files (picked; their bytes go into the response); saving writes the response
// file to send back (NAME.response.zip with the evidence, or .xml without), the same file
// `par-audit plan respond` makes. Every rule is
// par::wizard::RespondState's; this class draws it.
#pragma once

#include <wx/panel.h>

#include <memory>

#include "core/wizard/RespondState.hpp"

class wxButton;
class wxCheckBox;
class wxListBox;
class wxStaticText;
class wxTextCtrl;

namespace par::gui {

class MainFrame;

class RespondPanel : public wxPanel {
public:
    RespondPanel(wxWindow* parent, MainFrame& frame, par::wizard::RespondState state);

    par::wizard::RespondState& state() { return state_; }
    const wxString& savedTo() const { return savedTo_; }
    // Saves to `path` (empty: where `par-audit plan respond` would); shows the problems and returns
    // false when the response is not complete.
    bool saveTo(const wxString& path);
    bool saveAs();

    // The smoke test's hook: types into the controls of action i.
    void simulate(size_t i, const wxString& date, const wxString& doc, const wxString& note,
                  const wxString& evidencePath);

private:
    void showAction(size_t i);
    void storeDraft();
    void refreshList();
    void showProblems();

    MainFrame& frame_;
    par::wizard::RespondState state_;
    size_t current_ = 0;
    bool loading_ = false;
    wxString savedTo_;

    wxListBox* actions_ = nullptr;
    wxTextCtrl* findingText_ = nullptr;
    wxTextCtrl* content_ = nullptr;
    wxStaticText* deadline_ = nullptr;
    wxCheckBox* report_ = nullptr;
    wxTextCtrl* date_ = nullptr;
    wxTextCtrl* doc_ = nullptr;
    wxTextCtrl* note_ = nullptr;
    wxListBox* evidence_ = nullptr;
    wxButton* addEvidence_ = nullptr;
    wxButton* removeEvidence_ = nullptr;
    wxStaticText* problems_ = nullptr;
};

}  // namespace par::gui

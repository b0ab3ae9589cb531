// SPDX-License-Identifier: Apache-2.0
// NewAuditDialog.hpp - asks what a new audit needs before its first page: the form, and the inspected
// unit's name, type, level and province. The session is created by the core (AuditSession::create);
// its errors are shown here and the dialog stays open.
#pragma once

#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/textctrl.h>

#include <memory>
#include <vector>

#include "core/wizard/AuditSession.hpp"
#include "core/wizard/BundledForms.hpp"
#include "core/wizard/Labels.hpp"

namespace par::gui {

class NewAuditDialog : public wxDialog {
public:
    explicit NewAuditDialog(wxWindow* parent);
    std::unique_ptr<par::wizard::AuditSession> takeSession() { return std::move(session_); }

private:
    void fillUnitTypes();
    void onOk(wxCommandEvent& event);

    std::vector<par::wizard::FormSummary> forms_;
    std::vector<par::wizard::IdLabel> types_;
    std::vector<par::wizard::IdLabel> levels_;
    wxChoice* form_ = nullptr;
    wxTextCtrl* unit_ = nullptr;
    wxChoice* type_ = nullptr;
    wxChoice* level_ = nullptr;
    wxTextCtrl* province_ = nullptr;
    std::unique_ptr<par::wizard::AuditSession> session_;
};

}  // namespace par::gui

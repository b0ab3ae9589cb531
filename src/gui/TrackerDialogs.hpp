// SPDX-License-Identifier: Apache-2.0
// TrackerDialogs.hpp - the small dialog of the tracker: extending an action's deadline (new date
// and the reason, both required by the core, which checks them when the extension is saved).
#pragma once

#include <wx/dialog.h>

#include "core/tracking/Register.hpp"

class wxTextCtrl;

namespace par::gui {

class ExtendDialog : public wxDialog {
public:
    ExtendDialog(wxWindow* parent, const par::track::RegisterEntry& entry);
    wxString deadline() const;
    wxString reason() const;

private:
    wxTextCtrl* deadline_ = nullptr;
    wxTextCtrl* reason_ = nullptr;
};

}  // namespace par::gui

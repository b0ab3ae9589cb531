// SPDX-License-Identifier: Apache-2.0
// StartPanel.hpp - what the app shows with nothing open: new audit, open, the recent audits, open
// a workspace (the tracker) and open a remediation plan (respond mode, for inspected units).
#pragma once

#include <wx/listbox.h>
#include <wx/panel.h>

namespace par::gui {

class MainFrame;

class StartPanel : public wxPanel {
public:
    StartPanel(wxWindow* parent, MainFrame& frame);
    void refreshRecent();

private:
    void openRecent();

    MainFrame& frame_;
    wxListBox* recent_ = nullptr;
};

}  // namespace par::gui

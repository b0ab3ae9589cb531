// SPDX-License-Identifier: Apache-2.0
// AuditEditorPanel.hpp - the audit wizard: the step list at the left, the current page, and the
// < Back / Next > buttons with the reason when Next is blocked. Pages report every edit through
// changed(), which refreshes the step marks, the page's messages and the window title.
#pragma once

#include <wx/button.h>
#include <wx/panel.h>
#include <wx/simplebook.h>
#include <wx/stattext.h>

#include <vector>

#include "core/wizard/AuditSession.hpp"
#include "core/wizard/StepList.hpp"

namespace par::gui {

class EditorPage;
class MainFrame;
class StepListPanel;

class AuditEditorPanel : public wxPanel {
public:
    AuditEditorPanel(wxWindow* parent, par::wizard::AuditSession& session, MainFrame& frame);

    par::wizard::AuditSession& session() { return session_; }
    MainFrame& frame() { return frame_; }
    par::wizard::StepList& steps() { return steps_; }

    // Every page calls this after it changed the session.
    void changed();
    bool goNext();
    bool goBack();
    bool goTo(size_t step);
    // Flushes the current page's pending edits.
    void commit();
    EditorPage* page(size_t step) { return pages_[step]; }
    EditorPage* currentPage() { return pages_[steps_.current()]; }

private:
    void showCurrent();
    void updateNavigation();

    par::wizard::AuditSession& session_;
    MainFrame& frame_;
    par::wizard::StepList steps_;
    StepListPanel* stepList_ = nullptr;
    wxSimplebook* book_ = nullptr;
    std::vector<EditorPage*> pages_;
    wxButton* back_ = nullptr;
    wxButton* next_ = nullptr;
    wxStaticText* blocked_ = nullptr;
    bool inChange_ = false;
};

}  // namespace par::gui

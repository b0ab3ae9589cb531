// SPDX-License-Identifier: Apache-2.0
// EditorPage.hpp - the base of every page of the audit editor: a scrolled panel that shows the
// session's state (reload), refreshes messages and visibility after an edit (refreshState) and
// flushes edits still in a text field (commit).
#pragma once

#include <wx/scrolwin.h>

namespace par::gui {

class AuditEditorPanel;

class EditorPage : public wxScrolledWindow {
public:
    EditorPage(wxWindow* parent, AuditEditorPanel& editor)
        : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxTAB_TRAVERSAL),
          editor_(editor) {
        SetScrollRate(0, 12);
    }
    // Shows the session's values in every control.
    virtual void reload() = 0;
    // After an edit anywhere: messages, visibility, enabled states.
    virtual void refreshState() {}
    // The page becomes the current one.
    virtual void entered() { reload(); }
    // Stores what is still being typed (before Next, Save, Close).
    virtual void commit() {}

protected:
    AuditEditorPanel& editor_;
};

}  // namespace par::gui

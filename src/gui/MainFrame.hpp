// SPDX-License-Identifier: Apache-2.0
// MainFrame.hpp - the main window: the start page, the open audit's editor, the tracker of a
// workspace or respond mode (a unit's plan file); the menus (new, open, open workspace, open plan,
// save, save as, close, language, about); `openPath` sends a folder to the tracker, a plan or
// response file to respond mode and anything else to the editor; the title with the unit and an unsaved-changes mark,
// autosave to a recovery file every minute, and the question before closing with unsaved changes.
#pragma once

#include <wx/filehistory.h>
#include <wx/frame.h>
#include <wx/simplebook.h>
#include <wx/timer.h>

#include <memory>

#include "core/wizard/AuditSession.hpp"
#include "core/wizard/RecoveryStore.hpp"

namespace par::gui {

class StartPanel;
class AuditEditorPanel;
class TrackerPanel;
class RespondPanel;

class MainFrame : public wxFrame {
public:
    // `testMode`: no recovery files, no recent-file history (the self-test must leave no trace).
    explicit MainFrame(bool testMode = false);
    ~MainFrame() override;

    // Opens a workspace folder (tracker), a plan or response file (respond mode) or an audit file;
    // shows an error and returns false when it cannot be read.
    bool openPath(const wxString& path);
    bool openAudit(const wxString& path);
    // The tracker on a folder of audit files (read in the background).
    bool openWorkspace(const wxString& dir);
    void openWorkspaceDialog();
    // Respond mode on a plan or response file.
    bool openPlan(const wxString& path);
    void openPlanDialog();
    // Closes the tracker or respond mode (asking first when the response has unsaved changes);
    // false when the user cancelled.
    bool closeView();
    TrackerPanel* tracker() { return tracker_; }
    RespondPanel* respond() { return respond_; }
    void respondChanged();
    bool newAudit();
    void openDialog();
    bool save();
    bool saveAs();
    bool saveTo(const wxString& path);
    // Closes the audit, asking first when it has unsaved changes; false when the user cancelled.
    bool closeAudit();
    void offerRecovery();

    AuditEditorPanel* editor() { return editor_; }
    par::wizard::AuditSession* session() { return session_.get(); }
    wxFileHistory& history() { return history_; }
    // Refreshes the title and the recovery file after an edit.
    void sessionChanged();

private:
    void buildMenus();
    void showPage(wxWindow* page);
    void enableAuditMenus(bool on);
    void show(std::unique_ptr<par::wizard::AuditSession> session);
    void updateTitle();
    void writeRecovery();
    void discardRecovery();
    void onClose(wxCloseEvent& event);
    void onAutosave(wxTimerEvent& event);
    void onLanguage(const wxString& lang);

    bool testMode_;
    wxSimplebook* book_ = nullptr;
    StartPanel* start_ = nullptr;
    AuditEditorPanel* editor_ = nullptr;
    TrackerPanel* tracker_ = nullptr;
    RespondPanel* respond_ = nullptr;
    std::unique_ptr<par::wizard::AuditSession> session_;
    wxFileHistory history_;
    wxTimer autosave_;
    par::wizard::RecoveryStore recovery_;
    std::string recoveryFile_;
    unsigned long recoveredAt_ = ~0UL;
};

}  // namespace par::gui

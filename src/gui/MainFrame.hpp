// MainFrame.hpp - the main window: the start page or the open audit's editor, the menus (new, open,
// save, save as, close, language, about), the title with the unit and an unsaved-changes mark,
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

class MainFrame : public wxFrame {
public:
    // `testMode`: no recovery files, no recent-file history (the self-test must leave no trace).
    explicit MainFrame(bool testMode = false);
    ~MainFrame() override;

    // Opens an audit file; shows an error and returns false when it cannot be read.
    bool openPath(const wxString& path);
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
    std::unique_ptr<par::wizard::AuditSession> session_;
    wxFileHistory history_;
    wxTimer autosave_;
    par::wizard::RecoveryStore recovery_;
    std::string recoveryFile_;
    unsigned long recoveredAt_ = ~0UL;
};

}  // namespace par::gui

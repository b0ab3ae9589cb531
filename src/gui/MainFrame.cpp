// SPDX-License-Identifier: Apache-2.0
#include "gui/MainFrame.hpp"

#include <wx/aboutdlg.h>
#include <wx/config.h>
#include <wx/dirdlg.h>
#include <wx/filename.h>
#include <wx/filedlg.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/stdpaths.h>

#include "core/common/Text.hpp"
#include "par/Version.hpp"
#include "core/wizard/RespondState.hpp"
#include "gui/AuditEditorPanel.hpp"
#include "gui/GuiUtil.hpp"
#include "gui/Localization.hpp"
#include "gui/NewAuditDialog.hpp"
#include "gui/RespondPanel.hpp"
#include "gui/StartPanel.hpp"
#include "gui/TrackerPanel.hpp"

namespace par::gui {

namespace {
enum { ID_LANG_VI = wxID_HIGHEST + 1, ID_LANG_EN, ID_OPEN_WORKSPACE, ID_OPEN_PLAN };
constexpr int kAutosaveMs = 60 * 1000;

wxString auditWildcard() { return _("Audit files (*.audit.xml)|*.audit.xml|All files (*)|*"); }
}  // namespace

MainFrame::MainFrame(bool testMode)
    : wxFrame(nullptr, wxID_ANY, _("par-audit: PAR inspection"), wxDefaultPosition, wxSize(1100, 760)),
      testMode_(testMode),
      history_(9),
      autosave_(this),
      recovery_(std8(wxStandardPaths::Get().GetUserDataDir()) + "/recovery") {
    buildMenus();
    CreateStatusBar();
    book_ = new wxSimplebook(this);
    start_ = new StartPanel(book_, *this);
    book_->AddPage(start_, "start");
    if (!testMode_) {
        history_.Load(*wxConfigBase::Get());
        start_->refreshRecent();
    }
    Bind(wxEVT_CLOSE_WINDOW, &MainFrame::onClose, this);
    Bind(wxEVT_TIMER, &MainFrame::onAutosave, this);
    if (!testMode_) autosave_.Start(kAutosaveMs);
    SetMinSize(wxSize(800, 560));
    Centre();
}

MainFrame::~MainFrame() {
    if (!testMode_) {
        history_.Save(*wxConfigBase::Get());
        wxConfigBase::Get()->Flush();
    }
}

void MainFrame::buildMenus() {
    auto* file = new wxMenu;
    file->Append(wxID_NEW, _("&New audit...\tCtrl+N"));
    file->Append(wxID_OPEN, _("&Open...\tCtrl+O"));
    file->Append(ID_OPEN_WORKSPACE, _("Open a &workspace (tracker)...\tCtrl+Shift+O"));
    file->Append(ID_OPEN_PLAN, _("Open a remediation &plan (unit)...\tCtrl+Shift+P"));
    file->AppendSeparator();
    file->Append(wxID_SAVE, _("&Save\tCtrl+S"));
    file->Append(wxID_SAVEAS, _("Save &as...\tCtrl+Shift+S"));
    file->Append(wxID_CLOSE, _("&Close audit\tCtrl+W"));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));
    auto* settings = new wxMenu;
    settings->AppendRadioItem(ID_LANG_VI, wxString::FromUTF8("Tiếng &Việt"));
    settings->AppendRadioItem(ID_LANG_EN, "&English");
    settings->Check(Localization::current() == "en" ? ID_LANG_EN : ID_LANG_VI, true);
    auto* help = new wxMenu;
    help->Append(wxID_ABOUT, _("&About par-audit"));
    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(settings, _("&Language"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);

    Bind(wxEVT_MENU, [this](wxCommandEvent&) { newAudit(); }, wxID_NEW);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { openDialog(); }, wxID_OPEN);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { openWorkspaceDialog(); }, ID_OPEN_WORKSPACE);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { openPlanDialog(); }, ID_OPEN_PLAN);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { save(); }, wxID_SAVE);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { saveAs(); }, wxID_SAVEAS);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        if (session_) closeAudit();
        else closeView();
    }, wxID_CLOSE);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { onLanguage("vi"); }, ID_LANG_VI);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { onLanguage("en"); }, ID_LANG_EN);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        wxAboutDialogInfo info;
        info.SetName("par-audit");
        info.SetVersion(PAR_VERSION);
        info.SetDescription(_("Inspection of public administration reform (PAR) for Departments of Home Affairs."));
        wxAboutBox(info, this);
    }, wxID_ABOUT);
    for (int id : {wxID_SAVE, wxID_SAVEAS, wxID_CLOSE}) bar->Enable(id, false);
}

void MainFrame::onLanguage(const wxString& lang) {
    Localization::save(lang);
    wxMessageBox(_("The language will change the next time par-audit starts."), _("Language"),
                 wxOK | wxICON_INFORMATION, this);
}

void MainFrame::show(std::unique_ptr<par::wizard::AuditSession> session) {
    session_ = std::move(session);
    editor_ = new AuditEditorPanel(book_, *session_, *this);
    book_->AddPage(editor_, "editor", true);
    enableAuditMenus(true);
    updateTitle();
}

void MainFrame::enableAuditMenus(bool on) {
    for (int id : {wxID_SAVE, wxID_SAVEAS, wxID_CLOSE}) GetMenuBar()->Enable(id, on);
}

void MainFrame::showPage(wxWindow* page) {
    book_->AddPage(page, "view", true);
    SetStatusText("");
    page->SetFocus();
}

bool MainFrame::openPath(const wxString& path) {
    if (wxFileName::DirExists(path)) return openWorkspace(path);
    if (par::wizard::RespondState::isPlanFile(std8(path))) return openPlan(path);
    return openAudit(path);
}

bool MainFrame::openWorkspace(const wxString& dir) {
    if (session_ && !closeAudit()) return false;
    if (!closeView()) return false;
    tracker_ = new TrackerPanel(book_, *this);
    showPage(tracker_);
    GetMenuBar()->Enable(wxID_CLOSE, true);
    tracker_->openWorkspace(dir);
    updateTitle();
    return true;
}

void MainFrame::openWorkspaceDialog() {
    wxDirDialog dlg(this, _("Open a workspace: the folder of audit files"), "", wxDD_DEFAULT_STYLE | wxDD_DIR_MUST_EXIST);
    if (dlg.ShowModal() == wxID_OK) openWorkspace(dlg.GetPath());
}

bool MainFrame::openPlan(const wxString& path) {
    if (session_ && !closeAudit()) return false;
    if (!closeView()) return false;
    try {
        respond_ = new RespondPanel(book_, *this, par::wizard::RespondState::open(std8(path)));
    } catch (const std::exception& e) {
        showError(this, _("Cannot open the remediation plan"), e);
        return false;
    }
    showPage(respond_);
    enableAuditMenus(true);
    updateTitle();
    return true;
}

void MainFrame::openPlanDialog() {
    wxFileDialog dlg(this, _("Open a remediation plan"), "", "",
                     _("Plan and response files (*.xml;*.response.zip)|*.xml;*.response.zip|All files (*)|*"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dlg.ShowModal() == wxID_OK) openPlan(dlg.GetPath());
}

bool MainFrame::closeView() {
    if (respond_ != nullptr && respond_->state().dirty()) {
        wxMessageDialog ask(this, _("The response has changes that are not saved. Save them?"), _("Unsaved changes"),
                            wxYES_NO | wxCANCEL | wxICON_QUESTION);
        ask.SetYesNoCancelLabels(_("&Save"), _("&Don't save"), _("&Cancel"));
        int answer = ask.ShowModal();
        if (answer == wxID_CANCEL) return false;
        if (answer == wxID_YES && !respond_->saveTo("")) return false;
    }
    book_->ChangeSelection(0);
    for (wxWindow* page : {static_cast<wxWindow*>(tracker_), static_cast<wxWindow*>(respond_)}) {
        if (page == nullptr) continue;
        book_->RemovePage(book_->FindPage(page));
        page->Destroy();  // the tracker's destructor stops its worker thread first
    }
    tracker_ = nullptr;
    respond_ = nullptr;
    enableAuditMenus(false);
    updateTitle();
    return true;
}

void MainFrame::respondChanged() { updateTitle(); }

bool MainFrame::openAudit(const wxString& path) {
    if (session_ && !closeAudit()) return false;
    if (!closeView()) return false;
    try {
        show(par::wizard::AuditSession::open(std8(path)));
    } catch (const std::exception& e) {
        showError(this, _("Cannot open the audit"), e);
        return false;
    }
    if (!testMode_) {
        history_.AddFileToHistory(path);
        start_->refreshRecent();
    }
    return true;
}

bool MainFrame::newAudit() {
    if (session_ && !closeAudit()) return false;
    NewAuditDialog dlg(this);
    if (dlg.ShowModal() != wxID_OK) return false;
    show(dlg.takeSession());
    return true;
}

void MainFrame::openDialog() {
    wxFileDialog dlg(this, _("Open an audit"), "", "", auditWildcard(), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dlg.ShowModal() == wxID_OK) openPath(dlg.GetPath());
}

bool MainFrame::save() {
    if (respond_ != nullptr) return respond_->saveTo("");
    if (!session_) return false;
    if (session_->path().empty()) return saveAs();
    if (editor_ != nullptr) editor_->commit();
    try {
        session_->save();
    } catch (const std::exception& e) {
        showError(this, _("Cannot save the audit"), e);
        return false;
    }
    discardRecovery();
    updateTitle();
    SetStatusText(_("Saved."));
    return true;
}

bool MainFrame::saveAs() {
    if (respond_ != nullptr) return respond_->saveAs();
    if (!session_) return false;
    wxFileDialog dlg(this, _("Save the audit as"), "", wx(session_->audit().id) + ".audit.xml", auditWildcard(),
                     wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dlg.ShowModal() != wxID_OK) return false;
    return saveTo(dlg.GetPath());
}

bool MainFrame::saveTo(const wxString& path) {
    if (!session_) return false;
    if (editor_ != nullptr) editor_->commit();
    try {
        session_->save(std8(path));
    } catch (const std::exception& e) {
        showError(this, _("Cannot save the audit"), e);
        return false;
    }
    discardRecovery();
    if (!testMode_) history_.AddFileToHistory(path);
    updateTitle();
    SetStatusText(_("Saved."));
    return true;
}

bool MainFrame::closeAudit() {
    if (!session_) return true;
    if (editor_ != nullptr) editor_->commit();
    if (session_->dirty()) {
        wxMessageDialog ask(this, _("The audit has changes that are not saved. Save them?"), _("Unsaved changes"),
                            wxYES_NO | wxCANCEL | wxICON_QUESTION);
        ask.SetYesNoCancelLabels(_("&Save"), _("&Don't save"), _("&Cancel"));
        int answer = ask.ShowModal();
        if (answer == wxID_CANCEL) return false;
        if (answer == wxID_YES && !save()) return false;
    }
    discardRecovery();
    book_->ChangeSelection(0);
    if (editor_ != nullptr) {
        book_->RemovePage(book_->FindPage(editor_));
        editor_->Destroy();
        editor_ = nullptr;
    }
    session_.reset();
    enableAuditMenus(false);
    start_->refreshRecent();
    updateTitle();
    return true;
}

void MainFrame::updateTitle() {
    wxString title = _("par-audit: PAR inspection");
    if (session_) {
        title = wx(session_->audit().unit.name);
        if (!session_->path().empty()) title += " (" + wx(session_->path()) + ")";
        else title += " (" + _("not saved yet") + ")";
        if (session_->dirty()) title = "*" + title;
        title += " - par-audit";
    } else if (respond_ != nullptr) {
        title = wx(respond_->state().file().unit) + " (" + wx(respond_->state().file().file) + ")";
        if (respond_->state().dirty()) title = "*" + title;
        title += " - par-audit";
    } else if (tracker_ != nullptr) {
        title = wxString::Format(_("Tracker: %s"), tracker_->dir()) + " - par-audit";
    }
    SetTitle(title);
}

void MainFrame::sessionChanged() { updateTitle(); }

void MainFrame::writeRecovery() {
    if (testMode_ || !session_ || !session_->dirty() || recoveredAt_ == session_->changeCount()) return;
    try {
        recoveryFile_ = recovery_.write(*session_, recoveryFile_);
        recoveredAt_ = session_->changeCount();
    } catch (const std::exception& e) {
        SetStatusText(_("Autosave failed: ") + wx(e.what()));
    }
}

void MainFrame::discardRecovery() {
    if (!recoveryFile_.empty()) recovery_.discard(recoveryFile_);
    recoveryFile_.clear();
    recoveredAt_ = ~0UL;
}

void MainFrame::onAutosave(wxTimerEvent&) { writeRecovery(); }

void MainFrame::offerRecovery() {
    for (const auto& entry : recovery_.pending()) {
        wxString where = entry.original.empty() ? _("an audit never saved") : wx(entry.original);
        wxString text = wxString::Format(_("par-audit did not close properly. An autosaved copy of %s (%s) from %s "
                                           "exists. Restore it?"),
                                         wx(entry.unit), where, wx(entry.savedAt));
        wxMessageDialog ask(this, text, _("Restore autosaved audit"), wxYES_NO | wxCANCEL | wxICON_QUESTION);
        ask.SetYesNoCancelLabels(_("&Restore"), _("&Discard"), _("&Later"));
        int answer = ask.ShowModal();
        if (answer == wxID_CANCEL) continue;
        if (answer == wxID_YES) {
            try {
                auto s = par::wizard::RecoveryStore::restore(entry);
                if (session_ && !closeAudit()) return;
                show(std::move(s));
            } catch (const std::exception& e) {
                showError(this, _("Cannot restore the audit"), e);
                continue;
            }
        }
        recovery_.discard(entry.file);
        if (session_) {
            writeRecovery();  // the restored audit is protected again at once
            return;
        }
    }
}

void MainFrame::onClose(wxCloseEvent& event) {
    if (event.CanVeto() && (!closeAudit() || !closeView())) {
        event.Veto();
        return;
    }
    autosave_.Stop();
    Destroy();
}

}  // namespace par::gui

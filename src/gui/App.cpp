// SPDX-License-Identifier: Apache-2.0
#include "gui/App.hpp"

#include <wx/config.h>
#include <wx/stdpaths.h>

#include <clocale>
#include <exception>

#include "gui/GuiUtil.hpp"
#include "gui/Localization.hpp"
#include "gui/MainFrame.hpp"
#include "gui/SelfTestWalk.hpp"
#include "gui/TrackerSelfTest.hpp"

wxIMPLEMENT_APP(par::gui::App);

namespace par::gui {

void App::OnInitCmdLine(wxCmdLineParser& parser) {
    wxApp::OnInitCmdLine(parser);
    // Options are described in English: the language is not chosen yet when --help prints.
    parser.AddOption("", "lang", "language of the interface: vi (default) or en");
    parser.AddOption("", "self-test-walk", "test hook: walk the wizard on FILE, save to this path, reopen, compare");
    parser.AddOption("", "self-test-tracker", "test hook: open the workspace given as FILE in the tracker, then this plan in respond mode");
    parser.AddOption("", "screenshot", "test hook: folder for screenshots of the main pages");
    parser.AddParam("audit, plan or workspace to open", wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_OPTIONAL);
}

bool App::OnCmdLineParsed(wxCmdLineParser& parser) {
    if (!wxApp::OnCmdLineParsed(parser)) return false;
    parser.Found("lang", &lang_);
    parser.Found("self-test-walk", &selfTestOut_);
    parser.Found("self-test-tracker", &selfTestPlan_);
    parser.Found("screenshot", &screenshotDir_);
    if (parser.GetParamCount() > 0) file_ = parser.GetParam(0);
    return true;
}

bool App::OnInit() {
    // Numbers and dates are formatted by the core, never by the C locale.
    std::setlocale(LC_NUMERIC, "C");
    SetAppName("par-audit-gui");
    SetVendorName("par-audit");
    wxStandardPaths::Get().SetFileLayout(wxStandardPaths::FileLayout_XDG);
    if (!wxApp::OnInit()) return false;
    wxInitAllImageHandlers();

    Localization::apply(lang_.empty() ? Localization::saved() : lang_);
    SetAppDisplayName(_("par-audit: PAR inspection"));

    frame_ = new MainFrame(!selfTestOut_.empty() || !selfTestPlan_.empty());
    frame_->Show();
    if (!selfTestOut_.empty()) {
        // The walk runs from the event loop, once the window is on screen.
        auto* walk = new SelfTestWalk(*frame_, file_, selfTestOut_, screenshotDir_);
        CallAfter([walk]() { walk->start(); });
        return true;
    }
    if (!selfTestPlan_.empty()) {
        auto* walk = new TrackerSelfTest(*frame_, file_, selfTestPlan_, screenshotDir_);
        CallAfter([walk]() { walk->start(); });
        return true;
    }
    if (!file_.empty()) frame_->openPath(file_);
    else CallAfter([this]() { frame_->offerRecovery(); });
    return true;
}

bool App::OnExceptionInMainLoop() {
    // Event handlers catch the core's errors themselves; anything here is a bug: say it, keep running.
    try {
        throw;
    } catch (const std::exception& e) {
        showError(frame_, _("Unexpected error"), e);
    }
    return true;
}

int App::OnRun() {
    int rc = wxApp::OnRun();
    return SelfTestWalk::failed() || TrackerSelfTest::failed() ? 1 : rc;
}

int App::OnExit() {
    delete wxConfigBase::Set(nullptr);
    return wxApp::OnExit();
}

}  // namespace par::gui

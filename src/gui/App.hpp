// SPDX-License-Identifier: Apache-2.0
// App.hpp - the wxApp of par-audit-gui: reads the command line (`par-audit-gui [FILE|FOLDER]
// [--lang vi|en]`: an audit, a plan or response file, or a workspace folder; the test hooks
// `--self-test-walk OUT.audit.xml` and `--self-test-tracker PLAN`, with `[--screenshot DIR]`),
// sets up the language once, opens the main window, and offers to restore audits left by a crash.
#pragma once

#include <wx/app.h>
#include <wx/cmdline.h>

namespace par::gui {

class MainFrame;

class App : public wxApp {
public:
    bool OnInit() override;
    void OnInitCmdLine(wxCmdLineParser& parser) override;
    bool OnCmdLineParsed(wxCmdLineParser& parser) override;
    bool OnExceptionInMainLoop() override;
    int OnExit() override;
    int OnRun() override;

private:
    wxString file_;
    wxString lang_;
    wxString selfTestOut_;
    wxString selfTestPlan_;
    wxString screenshotDir_;
    MainFrame* frame_ = nullptr;
};

}  // namespace par::gui

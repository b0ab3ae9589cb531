// SPDX-License-Identifier: Apache-2.0
// SelfTestWalk.hpp - the GUI smoke test's hook (`--self-test-walk OUT --screenshot DIR`): opens the
// audit given on the command line, walks every page of the wizard entering values through the real
// controls (typing into fields, picking choices, adding table rows, a sub-unit and a manual finding,
// trying an invalid value and checking that Next is blocked, importing the sample one-stop export on
// the dossier page and waiting for its worker, dismissing a rule finding, showing the score), saves
// to OUT, makes the same edits through the core alone, reopens both and compares them, and writes
// screenshots of the main pages. The process exits with 1 when any check failed.
#pragma once

#include <wx/event.h>
#include <wx/timer.h>

#include <functional>
#include <vector>

namespace par::gui {

class MainFrame;
class SectionPage;

class SelfTestWalk : public wxEvtHandler {
public:
    SelfTestWalk(MainFrame& frame, const wxString& input, const wxString& output, const wxString& screenshots);
    void start();
    static bool failed();

private:
    void plan();
    void runNext(wxTimerEvent& event);
    void check(bool condition, const wxString& what);
    void shot(const wxString& name);
    // Goes forward with Next until the section with this id is shown.
    SectionPage* goToSection(const std::string& id);
    bool compareWithCoreOnly();
    void finish();

    MainFrame& frame_;
    wxString input_, output_, shots_;
    std::vector<std::pair<wxString, std::function<void()>>> steps_;
    size_t next_ = 0;
    wxTimer timer_;
};

}  // namespace par::gui

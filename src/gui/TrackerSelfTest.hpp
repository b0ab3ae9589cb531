// SPDX-License-Identifier: Apache-2.0
// TrackerSelfTest.hpp - the smoke test's hook for the tracker and respond mode
// (`par-audit-gui WORKSPACE --self-test-tracker PLAN [--screenshot DIR]`): opens the workspace,
// waits for the background scan, checks the rows and the notice, sets an as-of date and a filter
// through the controls, exports XLSX / ICS (/ PDF), then opens the plan in respond mode, fills in
// a report through the controls (an evidence file picked with its folders, kept as a bare name),
// saves the response, reopens the workspace and imports the response; screenshots on the way.
// The process exits with 1 when any check failed.
#pragma once

#include <wx/event.h>
#include <wx/timer.h>

#include <functional>
#include <vector>

namespace par::gui {

class MainFrame;

class TrackerSelfTest : public wxEvtHandler {
public:
    TrackerSelfTest(MainFrame& frame, const wxString& workspace, const wxString& plan, const wxString& screenshots);
    void start();
    static bool failed();

private:
    void plan();
    void runNext(wxTimerEvent& event);
    void check(bool condition, const wxString& what);
    void shot(const wxString& name);
    void finish();

    MainFrame& frame_;
    wxString workspace_, plan_, shots_, response_;
    std::vector<std::pair<wxString, std::function<bool()>>> steps_;  // false: run again later
    size_t next_ = 0;
    int waited_ = 0;
    wxTimer timer_;
};

}  // namespace par::gui

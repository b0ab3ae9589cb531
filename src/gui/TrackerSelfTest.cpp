#include "gui/TrackerSelfTest.hpp"

#include <wx/filename.h>
#include <wx/utils.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/tracking/PlanFile.hpp"
#include "core/tracking/ResponseArchive.hpp"
#include "core/wizard/TrackerState.hpp"
#include "gui/GuiUtil.hpp"
#include "gui/MainFrame.hpp"
#include "gui/RespondPanel.hpp"
#include "gui/TrackerModel.hpp"
#include "gui/TrackerPanel.hpp"

namespace par::gui {

namespace {
bool g_failed = false;
constexpr int kStepMs = 300;
constexpr int kMaxWaits = 200;  // 60 s for the scan

// The report the walk enters in respond mode.
const char* kDate = "10/01/2019";
const char* kDoc = "15/BC-UBND";
const char* kNote = "Đã ban hành Quyết định số 15/QĐ-UBND quy định rõ phân công, phân cấp nhiệm vụ CCHC.";
const char* kEvidenceName = "qd-15-ubnd.pdf";  // written beside the plan, packed into the zip
}  // namespace

TrackerSelfTest::TrackerSelfTest(MainFrame& frame, const wxString& workspace, const wxString& plan,
                                 const wxString& shots)
    : frame_(frame), workspace_(workspace), plan_(plan), shots_(shots), timer_(this) {
    Bind(wxEVT_TIMER, &TrackerSelfTest::runNext, this);
}

bool TrackerSelfTest::failed() { return g_failed; }

void TrackerSelfTest::check(bool condition, const wxString& what) {
    if (condition) return;
    g_failed = true;
    std::fprintf(stderr, "tracker self-test: FAILED: %s\n", what.utf8_str().data());
}

void TrackerSelfTest::shot(const wxString& name) {
    if (shots_.empty()) return;
    check(!screenshotWindow(frame_, shots_, name).empty(), "screenshot " + shots_ + "/" + name + ".png");
}

void TrackerSelfTest::start() {
    setHeadless(true);
    frame_.SetSize(0, 0, 1200, 800);
    if (!shots_.empty()) std::filesystem::create_directories(std8(shots_));
    plan();
    timer_.Start(kStepMs, wxTIMER_ONE_SHOT);
}

void TrackerSelfTest::runNext(wxTimerEvent&) {
    if (next_ >= steps_.size() || g_failed) return finish();
    auto& [name, fn] = steps_[next_];
    bool done = true;
    try {
        done = fn();
    } catch (const std::exception& e) {
        check(false, name + ": " + wx(e.what()));
    }
    if (done) {
        std::fprintf(stderr, "tracker self-test: %s\n", name.utf8_str().data());
        ++next_;
        waited_ = 0;
    } else if (++waited_ > kMaxWaits) {
        check(false, name + ": timed out");
    }
    timer_.Start(kStepMs, wxTIMER_ONE_SHOT);
}

void TrackerSelfTest::plan() {
    auto add = [this](const wxString& name, std::function<bool()> fn) { steps_.emplace_back(name, std::move(fn)); };
    auto scanned = [this] {
        TrackerPanel* t = frame_.tracker();
        return t != nullptr && !t->scanning() && t->state() != nullptr;
    };
    add("open the workspace", [this] {
        check(frame_.openPath(workspace_) && frame_.tracker() != nullptr, "open the workspace " + workspace_);
        return true;
    });
    add("the scan ends in the background", scanned);
    add("rows and the notice", [this] {
        const auto* s = frame_.tracker()->state();
        check(s->auditCount() >= 1, "at least one audit read");
        check(!s->rows().empty(), "actions listed");
        check(s->issues().empty(), "every file read");
        check(!frame_.tracker()->noticeText().empty(), "a notice of what is overdue today");
        return true;
    });
    add("as of a date in the remediation period", [this] {
        TrackerPanel* t = frame_.tracker();
        t->setAsOfText("15/01/2019");
        const auto* s = t->state();
        check(s->asOf() == Date(2019, 1, 15), "the as-of date is applied");
        size_t highlighted = 0;
        for (const auto& r : s->rows()) highlighted += r.highlight ? 1 : 0;
        check(highlighted > 0 && highlighted < s->rows().size(), "some rows overdue on 15/01/2019, not all");
        t->selectRow(0);
        return true;
    });
    add("tracker: screenshot", [this] {
        shot("tracker");
        return true;
    });
    add("overdue only", [this] {
        TrackerPanel* t = frame_.tracker();
        t->setOverdueOnly(true);
        for (const auto& r : t->state()->rows()) check(r.highlight, "only overdue rows shown");
        t->setOverdueOnly(false);
        return true;
    });
    add("rows ordered by a column title", [this] {
        TrackerPanel* t = frame_.tracker();
        t->selectRow(0);
        const std::string selected = t->selectedKey();
        check(!selected.empty(), "a row selected before ordering");
        t->sortBy(TrackerModel::Deadline);  // first click: ascending
        t->sortBy(TrackerModel::Deadline);  // second: descending, the latest deadline first
        check(t->selectedKey() == selected, "the same action stays selected when the rows move");
        check(t->selectedRow() != 0, "… which is no longer the first row");
        const auto* s = t->state();
        check(s->sortColumn() == par::wizard::TrackerColumn::Deadline && !s->sortAscending(),
              "ordered by deadline, descending");
        for (size_t i = 1; i < s->rows().size(); ++i)
            check(*s->entryOf(i - 1).action().deadline >= *s->entryOf(i).action().deadline,
                  "deadlines (as dates) never increase down the table");
        check(s->rows().size() > 1 && s->entryOf(0).action().deadline != s->entryOf(s->rows().size() - 1).action().deadline,
              "the sample's deadlines differ");
        return true;
    });
    add("ordered rows: screenshot", [this] {  // a step of its own: the table repaints first
        shot("tracker-sorted");
        return true;
    });
    add("a third click on the title: the register's order", [this] {
        TrackerPanel* t = frame_.tracker();
        t->sortBy(TrackerModel::Deadline);
        check(!t->state()->sortColumn(), "third click: the register's order");
        return true;
    });
    add("exports", [this] {
        TrackerPanel* t = frame_.tracker();
        wxString base = wxFileName(plan_).GetPath() + "/register";
        check(t->exportTo(base + ".xlsx", 0) && wxFileName(base + ".xlsx").GetSize() > 1000, "XLSX export");
        check(t->exportTo(base + ".ics", 1) && wxFileName(base + ".ics").GetSize() > 100, "ICS export");
#ifdef PAR_GUI_HAS_PDF
        check(t->exportTo(base + ".pdf", 2) && wxFileName(base + ".pdf").GetSize() > 1000, "PDF export");
#endif
        return true;
    });
    add("respond mode: open the plan", [this] {
        check(frame_.openPath(plan_) && frame_.respond() != nullptr, "open the plan " + plan_);
        return true;
    });
    add("respond mode: a report through the controls", [this] {
        RespondPanel* r = frame_.respond();
        // Exchange format 2 carries the evidence file itself: a real file, picked by its path.
        const wxString evidence = wxFileName(plan_).GetPath() + "/" + wx(kEvidenceName);
        { std::ofstream(std8(evidence), std::ios::binary) << "%PDF-1.4 minh chứng"; }
        r->simulate(0, kDate, kDoc, wx(kNote), evidence);  // UTF-8, not the C locale
        const auto& d = r->state().draft(0);
        check(d.report && d.date == kDate && d.doc == kDoc, "the draft holds what was typed");
        check(d.evidence == std::vector<std::string>{"qd-15-ubnd.pdf"}, "evidence kept as a bare name");
        check(r->state().problems().empty(), "nothing to correct");
        return true;
    });
    add("respond mode: screenshot", [this] {
        shot("respond");
        return true;
    });
    add("respond mode: save", [this] {
        RespondPanel* r = frame_.respond();
        check(r->saveTo(""), "save the response");
        response_ = r->savedTo();
        auto p = par::track::readResponsePackage(std8(response_)).response;  // .response.zip
        check(p.kind == par::track::PlanFile::Kind::Response, "a response file");
        check(!p.actions.empty() && p.actions[0].action.status == ActionStatus::Reported &&
                  p.actions[0].action.report.doc == kDoc,
              "the first action is reported");
        check(!r->state().dirty(), "saved: no unsaved changes");
        return true;
    });
    add("the workspace again", [this] {
        check(frame_.openPath(workspace_) && frame_.tracker() != nullptr, "reopen the workspace");
        return true;
    });
    add("the scan ends again", scanned);
    add("import the response", [this] {
        check(frame_.tracker()->importFile(response_), "import " + response_);
        return true;
    });
    add("tracker after the import: as of 15/01/2019", [this] {
        TrackerPanel* t = frame_.tracker();
        t->setAsOfText("15/01/2019");
        check(t->state()->rows().size() == t->state()->entries().size(), "every action shown");
        return true;
    });
    add("tracker after the import: screenshot", [this] {  // once the table has been drawn
        shot("tracker-imported");
        return true;
    });
}

void TrackerSelfTest::finish() {
    timer_.Stop();
    check(headlessErrorCount() == 0, "no error was reported to the user");
    std::fprintf(stderr, "tracker self-test: %s\n", g_failed ? "FAILED" : "passed");
    frame_.Close(true);
}

}  // namespace par::gui

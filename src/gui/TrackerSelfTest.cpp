// SPDX-License-Identifier: Apache-2.0
#include "gui/TrackerSelfTest.hpp"

#include <wx/filename.h>
#include <wx/utils.h>

#include <cstdio>
#include <filesystem>

#include "core/actions/AuditTransaction.hpp"
#include "core/actions/PlanActions.hpp"
#include "core/common/AtomicFile.hpp"
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
const char* kEvidence = "Tài liệu/qd-15-ubnd.pdf";  // beside the plan; travels under its bare name
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
        // The same report as a Word file (the extension chooses the back end).
        check(t->exportTo(base + ".docx", 2) && wxFileName(base + ".docx").GetSize() > 1000, "DOCX export");
#endif
        return true;
    });
    add("respond mode: open the plan", [this] {
        check(frame_.openPath(plan_) && frame_.respond() != nullptr, "open the plan " + plan_);
        return true;
    });
    add("respond mode: a report through the controls", [this] {
        RespondPanel* r = frame_.respond();
        // A real file to attach: the response carries it.
        const std::string evidence = std8(wxFileName(plan_).GetPath()) + "/" + kEvidence;
        std::filesystem::create_directories(std::filesystem::u8path(evidence).parent_path());
        writeFileAtomically(evidence, "%PDF-1.4 Quyết định 15/QĐ-UBND", AtomicWriteOptions{false});
        r->simulate(0, kDate, kDoc, wx(kNote), wx(evidence));  // UTF-8, not the C locale
        const auto& d = r->state().draft(0);
        check(d.report && d.date == kDate && d.doc == kDoc, "the draft holds what was typed");
        check(d.evidence == std::vector<std::string>{"qd-15-ubnd.pdf"}, "evidence named by its bare name");
        check(r->state().problems().empty(), "nothing to correct");
        // A second action, answered without evidence: the inspectors extend it before the import.
        r->simulate(1, kDate, "16/BC-UBND", wx(kNote), "");
        check(r->state().reportedCount() == 2 && r->state().problems().empty(), "two actions answered");
        r->simulate(0, kDate, kDoc, wx(kNote), "");  // back to the first, for the screenshot
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
        check(response_.EndsWith(".response.zip"), "with evidence, the response is a zip: " + response_);
        auto pkg = par::track::readResponsePackage(std8(response_));
        const auto& p = pkg.response;
        check(p.kind == par::track::PlanFile::Kind::Response, "a response file");
        check(!p.actions.empty() && p.actions[0].action.status == ActionStatus::Reported &&
                  p.actions[0].action.report.doc == kDoc,
              "the first action is reported");
        check(pkg.evidence.count(p.actions[0].action.id + "/qd-15-ubnd.pdf") == 1, "the evidence file is inside");
        check(!r->state().dirty(), "saved: no unsaved changes");
        return true;
    });
    add("the workspace again", [this] {
        check(frame_.openPath(workspace_) && frame_.tracker() != nullptr, "reopen the workspace");
        return true;
    });
    add("the scan ends again", scanned);
    add("the inspectors extend the second action after the export", [this] {
        frame_.tracker()->setAsOfText("15/01/2019");  // the remediation period, as the screenshots show it
        const auto& es = frame_.tracker()->state()->entries();
        check(!es.empty(), "the workspace has actions");
        if (es.empty()) return true;
        const std::string audit = es.front().auditFile();
        const std::string second = "A-002";
        par::actions::modifyAuditFile(
            audit,
            [&](Audit& a) -> std::vector<ChangeCode> {
                return {par::actions::extendPlanAction(a, second, Date(2019, 3, 29),
                                                       "Chờ hướng dẫn của UBND tỉnh", "Smoke test")};
            },
            par::actions::TransactionOptions{"Smoke test"});
        return true;
    });
    add("import the response: one merged, one set aside", [this] {
        // false: not everything merged (A-002 changed since the export).
        check(!frame_.tracker()->importFile(response_), "import " + response_ + " (partly set aside)");
        const auto& lines = frame_.tracker()->lastImport();
        using O = par::wizard::ImportLine::Outcome;
        check(lines.size() == 2 && lines[0].actionId == "A-001" && lines[0].outcome == O::Merged,
              "A-001 merged, shown per action");
        check(lines.size() == 2 && lines[1].actionId == "A-002" && lines[1].outcome == O::SetAside &&
                  lines[1].reason.find("gia hạn") != std::string::npos,
              "A-002 set aside: extended after the export");
        return true;
    });
    add("import result: screenshot", [this] {
        shot("tracker-import-result");
        return true;
    });
    add("the same response again: A-001 already in", [this] {
        frame_.tracker()->importFile(response_);
        const auto& again = frame_.tracker()->lastImport();
        check(!again.empty() && again[0].outcome == par::wizard::ImportLine::Outcome::Unchanged,
              "imported again: already in");
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

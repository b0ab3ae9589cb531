// SPDX-License-Identifier: Apache-2.0
// TrackerPanel.hpp - the tracker view of a workspace (a folder of audit files): every remediation
// action in a wxDataViewCtrl with filters (unit, status, overdue only, due within N working days,
// as-of date), overdue rows highlighted, the inspectors' status updates (accept, reopen, extend),
// import of a unit's response, export to XLSX / ICS / PDF, and a notice of what is overdue or due
// this week in an info bar. The folder is read in a worker thread with a progress gauge, so the
// window stays responsive. Every decision is par::wizard::TrackerState's; this class draws it.
#pragma once

#include <wx/infobar.h>  // not declared ahead: on Windows wxInfoBar is a macro (wxInfoBarGeneric)
#include <wx/panel.h>

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/calendar/WorkingCalendar.hpp"
#include "core/common/Dates.hpp"
#include "core/wizard/TrackerState.hpp"

class wxCheckBox;
class wxChoice;
class wxDataViewCtrl;
class wxGauge;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;
class wxButton;
class wxListCtrl;

namespace par::gui {

class MainFrame;
class TrackerModel;

class TrackerPanel : public wxPanel {
public:
    TrackerPanel(wxWindow* parent, MainFrame& frame);
    ~TrackerPanel() override;

    // Starts reading `dir` in the background (as of today); the rows appear when it is done.
    void openWorkspace(const wxString& dir);
    // Reads the folder again (after changes made elsewhere).
    void rescan();
    bool scanning() const { return worker_.joinable() && !done_; }
    const par::wizard::TrackerState* state() const { return state_.get(); }
    const wxString& dir() const { return dir_; }

    // Also used by the smoke test's hook.
    void setAsOfText(const wxString& text);
    void setOverdueOnly(bool on);
    void selectRow(size_t row);
    // A click on a column's title: that column ascending, then descending, then the register's
    // order again (an arrow in the title shows which). Column numbers are TrackerModel's.
    void sortBy(int column);
    long selectedRow() const;
    // The action of the selected row, "audit file|action id"; "" when none (the smoke test's check).
    std::string selectedKey() const;
    // Imports a response (.response.zip, .xml, a filled workbook) and lists each action's outcome
    // below the table; false when anything was set aside or refused, or the file was refused.
    bool importFile(const wxString& path);
    const std::vector<par::wizard::ImportLine>& lastImport() const { return importLines_; }
    bool exportTo(const wxString& path, int format);  // 0 XLSX, 1 ICS, 2 PDF
    wxString noticeText() const { return notice_; }

private:
    void buildControls();
    void scanDone(std::shared_ptr<par::track::Register> reg, const wxString& error);
    void stopWorker();
    void applyFilters();
    // The selected row as its action (audit file and action id), so that the same action stays
    // selected when the rows are filtered, re-ordered or read again; its row number is the
    // fallback when the action is no longer shown.
    struct Selection {
        long row = -1;
        std::string file, action;
    };
    Selection selection() const;
    void refresh(const Selection& keep);
    void updateButtons();
    void showNotice();
    void onAccept();
    void onReopen();
    void onExtend();
    void onImport();
    void showImportLines(const wxString& title, const std::vector<par::wizard::ImportLine>& lines);
    void onExport(int format);

    MainFrame& frame_;
    wxString dir_;
    par::cal::WorkingCalendar calendar_;
    std::unique_ptr<par::wizard::TrackerState> state_;
    wxString notice_;

    std::thread worker_;
    std::atomic<bool> cancel_{false};
    std::atomic<bool> done_{true};

    wxStaticText* title_ = nullptr;
    wxInfoBar* info_ = nullptr;
    wxChoice* unit_ = nullptr;
    wxChoice* status_ = nullptr;
    wxCheckBox* overdue_ = nullptr;
    wxCheckBox* dueWithin_ = nullptr;
    wxSpinCtrl* dueDays_ = nullptr;
    wxTextCtrl* asOf_ = nullptr;
    wxStaticText* asOfError_ = nullptr;
    wxDataViewCtrl* view_ = nullptr;
    std::vector<wxString> titles_;  // the columns' titles without the sort arrow
    // The order chosen by the user; kept when the folder is read again.
    std::optional<par::wizard::TrackerColumn> sortColumn_;
    bool sortAscending_ = true;
    TrackerModel* model_ = nullptr;  // owned by the control (DecRef)
    wxGauge* gauge_ = nullptr;
    wxStaticText* progressText_ = nullptr;
    wxButton* accept_ = nullptr;
    wxButton* reopen_ = nullptr;
    wxButton* extend_ = nullptr;
    wxButton* import_ = nullptr;
    wxStaticText* importTitle_ = nullptr;
    wxListCtrl* importResults_ = nullptr;
    std::vector<par::wizard::ImportLine> importLines_;
    wxButton* export_ = nullptr;
    wxButton* rescan_ = nullptr;
    wxButton* cancelScan_ = nullptr;
};

}  // namespace par::gui

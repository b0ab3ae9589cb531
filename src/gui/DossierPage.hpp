// SPDX-License-Identifier: Apache-2.0
// DossierPage.hpp - the dossier data page: choose the one-stop export (CSV/XLSX) and an optional
// column-mapping file, run the analysis on a worker thread (std::thread; the gauge follows the
// shared progress through a timer, the result comes back with CallAfter; Cancel really stops the
// worker), then show what was written into the late-handling table, the file's bad rows
// ("file:line: reason") and the on-time rate by unit and by month as bar charts. The logic is
// par::wizard::DossierPageState.
#pragma once

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/gauge.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/timer.h>

#include <memory>
#include <thread>

#include "core/wizard/DossierPageState.hpp"
#include "gui/EditorPage.hpp"

namespace par::gui {

class ChartPanel;

class DossierPage : public EditorPage {
public:
    DossierPage(wxWindow* parent, AuditEditorPanel& editor);
    ~DossierPage() override;
    void reload() override;

    // Starts the import in the background; false when the inputs do not allow it.
    bool startImport();
    void cancelImport();
    bool running() const { return worker_.joinable(); }
    // Test hooks.
    void simulateFiles(const std::string& log, const std::string& mapping, const std::string& asOf,
                       bool allUnits = false);
    const par::wizard::DossierPageState& state() const { return state_; }
    // What is wrong with the year table as drawn, "" when nothing: a column narrower than its
    // header, the table wider than the page (on Windows the first column once took the whole width).
    wxString tableProblem() const;

private:
    void browse(wxTextCtrl* field, bool mapping);
    void inputsChanged();
    void finished(std::shared_ptr<par::wizard::DossierOutcome> outcome);
    void showResults();

    par::wizard::DossierPageState state_;
    std::thread worker_;
    std::shared_ptr<par::wizard::SharedProgress> progress_;
    wxTimer timer_;
    wxTextCtrl* log_ = nullptr;
    wxTextCtrl* mapping_ = nullptr;
    wxTextCtrl* asOf_ = nullptr;
    wxTextCtrl* units_ = nullptr;
    wxCheckBox* allUnits_ = nullptr;
    wxButton* import_ = nullptr;
    wxButton* cancel_ = nullptr;
    wxGauge* gauge_ = nullptr;
    wxStaticText* blocker_ = nullptr;
    wxStaticText* status_ = nullptr;
    wxStaticText* reminders_ = nullptr;
    wxListCtrl* years_ = nullptr;
    wxListBox* badRows_ = nullptr;
    wxStaticText* badRowsLabel_ = nullptr;
    ChartPanel* byUnit_ = nullptr;
    ChartPanel* byMonth_ = nullptr;
    bool loading_ = false;
};

}  // namespace par::gui

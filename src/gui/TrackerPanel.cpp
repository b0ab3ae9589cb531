// SPDX-License-Identifier: Apache-2.0
#include "gui/TrackerPanel.hpp"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/gauge.h>
#include <wx/infobar.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>

#include <functional>
#include <stdexcept>

#include "core/common/AtomicFile.hpp"
#include "core/common/Text.hpp"
#include "core/tracking/RegisterFormats.hpp"
#include "gui/GuiUtil.hpp"
#include "gui/MainFrame.hpp"
#include "gui/TrackerDialogs.hpp"
#include "gui/TrackerModel.hpp"
#ifdef PAR_GUI_HAS_PDF
#include "core/common/DataPaths.hpp"
#include "core/wizard/TrackerReport.hpp"
#include "pdf/DocumentPrinter.hpp"
#include "pdf/PdfWriter.hpp"
#include "pdf/Template.hpp"
#endif

namespace par::gui {

using namespace par::wizard;

namespace {

// Progress of the scan, reported from the worker thread through a callback that posts to the GUI.
class CallbackProgress : public Progress {
public:
    CallbackProgress(std::function<void(int, std::string)> post, const std::atomic<bool>& cancel)
        : post_(std::move(post)), cancel_(cancel) {}
    void update(double fraction, std::string_view label) override {
        int percent = static_cast<int>(fraction * 100.0);
        if (percent == last_) return;  // at most a hundred events
        last_ = percent;
        post_(percent, std::string(label));
    }
    bool cancelled() const override { return cancel_; }

private:
    std::function<void(int, std::string)> post_;
    const std::atomic<bool>& cancel_;
    int last_ = -1;
};

Date today() { return boost::gregorian::day_clock::local_day(); }

const ActionStatus kStatuses[] = {ActionStatus::Open, ActionStatus::Reported, ActionStatus::Accepted,
                                  ActionStatus::Reopened};
}  // namespace

TrackerPanel::TrackerPanel(wxWindow* parent, MainFrame& frame)
    : wxPanel(parent), frame_(frame), calendar_(par::cal::WorkingCalendar::standard()) {
    buildControls();
}

TrackerPanel::~TrackerPanel() { stopWorker(); }

void TrackerPanel::buildControls() {
    auto* top = new wxBoxSizer(wxVERTICAL);
    title_ = new wxStaticText(this, wxID_ANY, _("Remediation tracker"));
    title_->SetFont(title_->GetFont().Scaled(1.3f).Bold());
    top->Add(title_, 0, wxALL, 10);
    info_ = new wxInfoBar(this);
    top->Add(info_, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);

    auto* filters = new wxFlexGridSizer(2, 6, 6, 8);
    filters->Add(new wxStaticText(this, wxID_ANY, _("&Unit:")), 0, wxALIGN_CENTER_VERTICAL);
    unit_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(280, -1));
    filters->Add(unit_, 0, wxEXPAND);
    filters->Add(new wxStaticText(this, wxID_ANY, _("S&tatus:")), 0, wxALIGN_CENTER_VERTICAL);
    status_ = new wxChoice(this, wxID_ANY);
    status_->Append(_("(all statuses)"));
    for (ActionStatus s : kStatuses) status_->Append(wx(actionStatusLabel(s)));
    status_->SetSelection(0);
    filters->Add(status_, 0, wxEXPAND);
    filters->Add(new wxStaticText(this, wxID_ANY, _("&As of (DD/MM/YYYY):")), 0, wxALIGN_CENTER_VERTICAL);
    asOf_ = new wxTextCtrl(this, wxID_ANY, wx(vietnameseDate(today())), wxDefaultPosition, wxSize(120, -1),
                           wxTE_PROCESS_ENTER);
    filters->Add(asOf_, 0);
    overdue_ = new wxCheckBox(this, wxID_ANY, _("&Overdue only"));
    filters->Add(overdue_, 0, wxALIGN_CENTER_VERTICAL);
    filters->AddSpacer(0);
    dueWithin_ = new wxCheckBox(this, wxID_ANY, _("Due &within (working days):"));
    filters->Add(dueWithin_, 0, wxALIGN_CENTER_VERTICAL);
    dueDays_ = new wxSpinCtrl(this, wxID_ANY, "5", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 0, 250, 5);
    filters->Add(dueDays_, 0);
    filters->AddSpacer(0);
    asOfError_ = new wxStaticText(this, wxID_ANY, "");
    asOfError_->SetForegroundColour(errorColour());
    filters->Add(asOfError_, 0, wxALIGN_CENTER_VERTICAL);
    top->Add(filters, 0, wxEXPAND | wxALL, 10);

    view_ = new wxDataViewCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                               wxDV_SINGLE | wxDV_ROW_LINES | wxDV_VERT_RULES);
    model_ = new TrackerModel;
    view_->AssociateModel(model_);
    model_->DecRef();  // the control owns it
    struct Col {
        wxString title;
        int width;
    };
    const Col cols[] = {{_("Inspected unit"), 150}, {_("Audit"), 160}, {_("Finding / action"), 360},
                        {_("Responsible unit"), 160}, {_("Deadline"), 90}, {_("Status"), 120},
                        {_("Working days overdue"), 110}};
    for (unsigned i = 0; i < TrackerModel::ColumnCount; ++i) {
        titles_.push_back(cols[i].title);
        view_->AppendTextColumn(cols[i].title, i, wxDATAVIEW_CELL_INERT, cols[i].width,
                                i == TrackerModel::Overdue ? wxALIGN_RIGHT : wxALIGN_LEFT,
                                wxDATAVIEW_COL_RESIZABLE);
    }
    // Sorting is TrackerState's (dates as dates, units in Vietnamese order), not the control's.
    view_->Bind(wxEVT_DATAVIEW_COLUMN_HEADER_CLICK, [this](wxDataViewEvent& e) {
        if (e.GetDataViewColumn() != nullptr)
            sortBy(static_cast<int>(e.GetDataViewColumn()->GetModelColumn()));
    });
    top->Add(view_, 1, wxEXPAND | wxLEFT | wxRIGHT, 10);

    auto* progress = new wxBoxSizer(wxHORIZONTAL);
    gauge_ = new wxGauge(this, wxID_ANY, 100, wxDefaultPosition, wxSize(260, -1));
    progressText_ = new wxStaticText(this, wxID_ANY, "");
    cancelScan_ = new wxButton(this, wxID_ANY, _("Sto&p reading"));
    progress->Add(gauge_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
    progress->Add(progressText_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
    progress->Add(cancelScan_, 0);
    top->Add(progress, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 10);

    // The last import, one line per action (merged, already in, set aside, refused) with the reason.
    importTitle_ = new wxStaticText(this, wxID_ANY, "");
    importTitle_->SetFont(importTitle_->GetFont().Bold());
    top->Add(importTitle_, 0, wxLEFT | wxRIGHT | wxTOP, 10);
    importResults_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 130), wxLC_REPORT | wxLC_SINGLE_SEL);
    importResults_->AppendColumn(_("Action"), wxLIST_FORMAT_LEFT, 80);
    importResults_->AppendColumn(_("Result"), wxLIST_FORMAT_LEFT, 110);
    importResults_->AppendColumn(_("Why"), wxLIST_FORMAT_LEFT, 820);
    top->Add(importResults_, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
    importTitle_->Hide();
    importResults_->Hide();

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    accept_ = new wxButton(this, wxID_ANY, _("A&ccept..."));
    reopen_ = new wxButton(this, wxID_ANY, _("&Reopen..."));
    extend_ = new wxButton(this, wxID_ANY, _("&Extend..."));
    import_ = new wxButton(this, wxID_ANY, _("&Import a unit's response..."));
    export_ = new wxButton(this, wxID_ANY, _("E&xport..."));
    rescan_ = new wxButton(this, wxID_ANY, _("Read the folder a&gain"));
    for (auto* b : {accept_, reopen_, extend_, import_, export_, rescan_}) buttons->Add(b, 0, wxRIGHT, 6);
    top->Add(buttons, 0, wxALL, 10);
    SetSizer(top);
    gauge_->Hide();
    progressText_->Hide();
    cancelScan_->Hide();

    auto filtersChanged = [this](wxCommandEvent&) { applyFilters(); };
    unit_->Bind(wxEVT_CHOICE, filtersChanged);
    status_->Bind(wxEVT_CHOICE, filtersChanged);
    overdue_->Bind(wxEVT_CHECKBOX, filtersChanged);
    dueWithin_->Bind(wxEVT_CHECKBOX, filtersChanged);
    dueDays_->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) {
        if (dueWithin_->IsChecked()) applyFilters();
    });
    asOf_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { setAsOfText(asOf_->GetValue()); });
    asOf_->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
        setAsOfText(asOf_->GetValue());
        e.Skip();
    });
    view_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { updateButtons(); });
    accept_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onAccept(); });
    reopen_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onReopen(); });
    extend_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onExtend(); });
    import_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onImport(); });
    export_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxMenu menu;
        menu.Append(1, _("Excel workbook (.&xlsx)..."));
        menu.Append(2, _("&Calendar of deadlines (.ics)..."));
#ifdef PAR_GUI_HAS_PDF
        menu.Append(3, _("&Follow-up report (PDF)..."));
#endif
        int chosen = GetPopupMenuSelectionFromUser(menu, export_->GetPosition() + wxPoint(0, export_->GetSize().y));
        if (chosen >= 1 && chosen <= 3) onExport(chosen - 1);
    });
    rescan_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { rescan(); });
    cancelScan_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { cancel_ = true; });
    updateButtons();
}

void TrackerPanel::openWorkspace(const wxString& dir) {
    stopWorker();
    dir_ = dir;
    title_->SetLabel(wxString::Format(_("Remediation tracker: %s"), dir));
    state_.reset();
    // The workspace's own calendars/ folder (an announced schedule dropped by the office) counts.
    try {
        calendar_ = par::cal::WorkingCalendar::standard(std8(dir));
    } catch (const std::exception& e) {
        showError(this, _("Cannot read the calendar files"), e);
    }
    model_->show(nullptr);
    info_->Dismiss();
    notice_.clear();
    cancel_ = false;
    done_ = false;
    gauge_->SetValue(0);
    progressText_->SetLabel(_("Reading the audit files..."));
    for (wxWindow* w : {static_cast<wxWindow*>(gauge_), static_cast<wxWindow*>(progressText_),
                        static_cast<wxWindow*>(cancelScan_)})
        w->Show();
    Layout();
    updateButtons();

    auto asOf = parseUserDate(trim(std8(asOf_->GetValue())));
    Date day = asOf ? *asOf : today();
    std::string folder = std8(dir);
    worker_ = std::thread([this, folder, day]() {
        CallbackProgress progress(
            [this](int percent, std::string label) {
                CallAfter([this, percent, label]() {
                    gauge_->SetValue(percent);
                    progressText_->SetLabel(wx(label));
                });
            },
            cancel_);
        std::shared_ptr<par::track::Register> reg;
        wxString error;
        try {
            reg = std::make_shared<par::track::Register>(TrackerState::scan(folder, day, calendar_, progress));
        } catch (const Cancelled&) {
            // reg stays empty: stopped by the user
        } catch (const std::exception& e) {
            error = wxString::FromUTF8(e.what());
        }
        CallAfter([this, reg, error]() { scanDone(reg, error); });
        done_ = true;
    });
}

void TrackerPanel::rescan() {
    if (!dir_.empty()) openWorkspace(dir_);
}

void TrackerPanel::stopWorker() {
    cancel_ = true;
    if (worker_.joinable()) worker_.join();
}

void TrackerPanel::scanDone(std::shared_ptr<par::track::Register> reg, const wxString& error) {
    if (worker_.joinable()) worker_.join();
    done_ = true;
    for (wxWindow* w : {static_cast<wxWindow*>(gauge_), static_cast<wxWindow*>(progressText_),
                        static_cast<wxWindow*>(cancelScan_)})
        w->Hide();
    Layout();
    if (!error.empty()) {
        showError(this, _("Cannot read the workspace"), std::runtime_error(std8(error)));
    } else if (!reg) {
        frame_.SetStatusText(_("Reading the folder was stopped."));
    } else {
        state_ = std::make_unique<TrackerState>(std8(dir_), std::move(*reg), calendar_);
        state_->setSort(sortColumn_, sortAscending_);
        unit_->Clear();
        unit_->Append(_("(all units)"));
        for (const auto& u : state_->units()) unit_->Append(wx(u));
        unit_->SetSelection(0);
        setAsOfText(asOf_->GetValue());
        applyFilters();
        showNotice();
    }
    updateButtons();
}

void TrackerPanel::showNotice() {
    if (!state_) return;
    notice_ = wx(state_->notice().text);
    if (notice_.empty()) info_->Dismiss();
    else info_->ShowMessage(notice_, state_->notice().overdue > 0 ? wxICON_WARNING : wxICON_INFORMATION);
}

void TrackerPanel::setAsOfText(const wxString& text) {
    if (asOf_->GetValue() != text) asOf_->ChangeValue(text);
    auto d = parseUserDate(trim(std8(text)));
    if (!d) {
        asOfError_->SetLabel(wxString::Format(_("'%s' is not a date (DD/MM/YYYY)"), text));
        Layout();
        return;
    }
    asOfError_->SetLabel("");
    if (!state_ || state_->asOf() == *d) return;
    const Selection keep = selection();
    state_->setAsOf(*d);
    refresh(keep);
    showNotice();
}

void TrackerPanel::setOverdueOnly(bool on) {
    overdue_->SetValue(on);
    applyFilters();
}

void TrackerPanel::applyFilters() {
    if (!state_) return;
    TrackerFilter f;
    if (unit_->GetSelection() > 0) f.unit = std8(unit_->GetStringSelection());
    if (status_->GetSelection() > 0) f.status = kStatuses[status_->GetSelection() - 1];
    f.overdueOnly = overdue_->IsChecked();
    if (dueWithin_->IsChecked()) f.dueWithin = dueDays_->GetValue();
    const Selection keep = selection();
    state_->setFilter(f);
    refresh(keep);
}

TrackerPanel::Selection TrackerPanel::selection() const {
    Selection s;
    s.row = selectedRow();
    if (s.row >= 0) {
        const auto& e = state_->entryOf(static_cast<size_t>(s.row));
        s.file = e.auditFile();
        s.action = e.action().id;
    }
    return s;
}

std::string TrackerPanel::selectedKey() const {
    Selection s = selection();
    return s.row < 0 ? "" : s.file + "|" + s.action;
}

void TrackerPanel::refresh(const Selection& keep) {
    model_->show(state_.get());
    if (state_) {
        frame_.SetStatusText(wx(state_->summary()));
        long row = -1;
        for (size_t i = 0; keep.row >= 0 && i < state_->rows().size(); ++i) {
            const auto& e = state_->entryOf(i);
            if (e.action().id == keep.action && e.auditFile() == keep.file) {
                row = static_cast<long>(i);
                break;
            }
        }
        if (row < 0 && keep.row >= 0 && static_cast<size_t>(keep.row) < state_->rows().size()) row = keep.row;
        if (row >= 0) selectRow(static_cast<size_t>(row));
    }
    updateButtons();
}

void TrackerPanel::sortBy(int column) {
    if (column < 0 || column >= TrackerModel::ColumnCount) return;
    const auto col = static_cast<TrackerColumn>(column);
    if (sortColumn_ != col) {
        sortColumn_ = col;
        sortAscending_ = true;
    } else if (sortAscending_) {
        sortAscending_ = false;
    } else {
        sortColumn_.reset();
    }
    for (unsigned i = 0; i < titles_.size(); ++i) {
        wxString title = titles_[i];
        if (sortColumn_ && static_cast<unsigned>(*sortColumn_) == i)  // in front: long titles are cut
            title = (sortAscending_ ? wxString::FromUTF8("▲ ") : wxString::FromUTF8("▼ ")) + title;
        view_->GetColumn(i)->SetTitle(title);
    }
    if (!state_) return;
    const Selection keep = selection();
    state_->setSort(sortColumn_, sortAscending_);
    refresh(keep);
}

void TrackerPanel::selectRow(size_t row) {
    if (!state_ || row >= state_->rows().size()) return;
    wxDataViewItem item = model_->GetItem(static_cast<unsigned>(row));
    view_->Select(item);
    view_->EnsureVisible(item);
    updateButtons();
}

long TrackerPanel::selectedRow() const {
    if (!state_ || !view_->HasSelection()) return -1;
    unsigned row = model_->GetRow(view_->GetSelection());
    return row < state_->rows().size() ? static_cast<long>(row) : -1;
}

void TrackerPanel::updateButtons() {
    bool ready = state_ != nullptr && done_;
    long row = selectedRow();
    bool selected = ready && row >= 0;
    accept_->Enable(selected && state_->canAccept(static_cast<size_t>(row)));
    reopen_->Enable(selected && state_->canReopen(static_cast<size_t>(row)));
    extend_->Enable(selected && state_->canExtend(static_cast<size_t>(row)));
    for (wxWindow* w : {static_cast<wxWindow*>(import_), static_cast<wxWindow*>(export_),
                        static_cast<wxWindow*>(unit_), static_cast<wxWindow*>(status_),
                        static_cast<wxWindow*>(overdue_), static_cast<wxWindow*>(dueWithin_),
                        static_cast<wxWindow*>(dueDays_), static_cast<wxWindow*>(asOf_)})
        w->Enable(ready);
    rescan_->Enable(done_ && !dir_.empty());
}

void TrackerPanel::onAccept() {
    long row = selectedRow();
    if (row < 0) return;
    const auto& e = state_->entryOf(static_cast<size_t>(row));
    wxTextEntryDialog dlg(this, wxString::Format(_("Accept %s as done. Verification note (optional):"), wx(e.action().id)),
                          _("Accept the action"));
    if (dlg.ShowModal() != wxID_OK) return;
    const Selection keep = selection();
    try {
        state_->accept(static_cast<size_t>(row), std8(dlg.GetValue()));
    } catch (const std::exception& ex) {
        showError(this, _("Cannot accept the action"), ex);
    }
    refresh(keep);
}

void TrackerPanel::onReopen() {
    long row = selectedRow();
    if (row < 0) return;
    const auto& e = state_->entryOf(static_cast<size_t>(row));
    wxTextEntryDialog dlg(this, wxString::Format(_("Reopen %s. Reason (required):"), wx(e.action().id)),
                          _("Reopen the action"));
    if (dlg.ShowModal() != wxID_OK) return;
    const Selection keep = selection();
    try {
        state_->reopen(static_cast<size_t>(row), std8(dlg.GetValue()));
    } catch (const std::exception& ex) {
        showError(this, _("Cannot reopen the action"), ex);
    }
    refresh(keep);
}

void TrackerPanel::onExtend() {
    long row = selectedRow();
    if (row < 0) return;
    ExtendDialog dlg(this, state_->entryOf(static_cast<size_t>(row)));
    if (dlg.ShowModal() != wxID_OK) return;
    const Selection keep = selection();
    try {
        state_->extend(static_cast<size_t>(row), std8(dlg.deadline()), std8(dlg.reason()));
    } catch (const std::exception& ex) {
        showError(this, _("Cannot extend the deadline"), ex);
    }
    refresh(keep);
}

void TrackerPanel::onImport() {
    wxFileDialog dlg(this, _("Import a unit's response"), dir_, "",
                     _("Responses (*.response.zip, *.xml, filled workbooks *.xlsx)|*.zip;*.xml;*.xlsx|All files (*)|*"),
                     wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dlg.ShowModal() == wxID_OK) importFile(dlg.GetPath());
}

bool TrackerPanel::importFile(const wxString& path) {
    if (!state_) return false;
    const Selection keep = selection();
    try {
        TrackerImport im = state_->importResponse(std8(path));
        const auto& r = im.result;
        wxString text;
        if (!r.changed() && r.complete())
            text = wxString::Format(_("Nothing new: this response of %s was already imported."), wx(im.unit));
        else
            text = wxString::Format(_("Response of %s into %s: %d merged, %d set aside, %d refused."), wx(im.unit),
                                    wx(im.auditFile), static_cast<int>(r.merged.size()),
                                    static_cast<int>(r.setAside.size()), static_cast<int>(r.refused.size()));
        info_->ShowMessage(text, r.complete() ? wxICON_INFORMATION : wxICON_WARNING);
        showImportLines(wxString::Format(_("Last import: %s"), path), importLines(im));
        refresh(keep);
        return r.complete();
    } catch (const par::track::ImportRefused& e) {
        showError(this, _("The response was refused; nothing was changed in the audit"), e);
    } catch (const std::exception& e) {
        showError(this, _("Cannot import the response"), e);
    }
    refresh(keep);
    return false;
}

void TrackerPanel::showImportLines(const wxString& title, const std::vector<ImportLine>& lines) {
    importLines_ = lines;
    importResults_->DeleteAllItems();
    for (const auto& l : lines) {
        long row = importResults_->InsertItem(importResults_->GetItemCount(), wx(l.actionId));
        importResults_->SetItem(row, 1, wx(l.label));
        importResults_->SetItem(row, 2, wx(l.reason));
        if (l.outcome == ImportLine::Outcome::Refused || l.outcome == ImportLine::Outcome::SetAside)
            importResults_->SetItemTextColour(row, errorColour());
    }
    importTitle_->SetLabel(title);
    importTitle_->Show(!lines.empty());
    importResults_->Show(!lines.empty());
    Layout();
}

void TrackerPanel::onExport(int format) {
    const wxString wildcards[] = {_("Excel workbooks (*.xlsx)|*.xlsx"), _("iCalendar files (*.ics)|*.ics"),
                                  _("PDF documents (*.pdf)|*.pdf|Word documents, editable (*.docx)|*.docx")};
    const char* names[] = {"theo-doi-khac-phuc.xlsx", "han-khac-phuc.ics", "bao-cao-theo-doi-khac-phuc.pdf"};
    wxFileDialog dlg(this, _("Export the register"), dir_, names[format], wildcards[format],
                     wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dlg.ShowModal() != wxID_OK) return;
    wxString path = dlg.GetPath();
    // The follow-up report as PDF or Word: GTK does not add the chosen filter's extension.
    if (format == 2 && dlg.GetFilterIndex() == 1 && wxFileName(path).GetExt().Lower() != "docx") path += ".docx";
    exportTo(path, format);
}

bool TrackerPanel::exportTo(const wxString& path, int format) {
    if (!state_) return false;
    try {
        std::string bytes;
        if (format == 0) {
            bytes = par::track::registerXlsx(state_->view());
        } else if (format == 1) {
            bytes = par::track::registerIcs(state_->view());
        } else {
#ifdef PAR_GUI_HAS_PDF
            pdf::Template tpl = pdf::Template::load(dataPath("templates/theo-doi-khac-phuc.xml"));
            bytes = pdf::renderDocument(tpl.render(followUpReportData(*state_)), pdf::formatOfPath(std8(path)));
#else
            return false;
#endif
        }
        writeFileAtomically(std8(path), bytes, AtomicWriteOptions{false});
        frame_.SetStatusText(wxString::Format(_("Wrote %lu actions to %s"), static_cast<unsigned long>(state_->rows().size()), path));
        return true;
    } catch (const std::exception& e) {
        showError(this, _("Cannot export the register"), e);
        return false;
    }
}

}  // namespace par::gui

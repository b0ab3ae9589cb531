// SPDX-License-Identifier: Apache-2.0
#include "gui/DossierPage.hpp"

#include <algorithm>
#include <wx/checkbox.h>
#include <wx/filedlg.h>
#include <wx/sizer.h>
#include <wx/statbox.h>

#include "gui/AuditEditorPanel.hpp"
#include "gui/ChartPanel.hpp"
#include "gui/GuiUtil.hpp"

namespace par::gui {

using namespace par::wizard;

namespace {
constexpr int kPollMs = 100;
// The forms' target for the on-time rate (rule R-HS-TY-LE: under 95 % is a finding).
constexpr double kTargetRate = 0.95;
}  // namespace

DossierPage::DossierPage(wxWindow* parent, AuditEditorPanel& editor)
    : EditorPage(parent, editor), state_(editor.session()), timer_(this) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("One-stop dossier data"));
    title->SetFont(title->GetFont().Scaled(1.3f).Bold());
    top->Add(title, 0, wxALL, 10);
    auto* intro = new wxStaticText(this, wxID_ANY,
                                   _("Import the one-stop system's export (CSV or XLSX): the figures per year of receipt "
                                     "go into the dossier results table, as \"par-audit dossiers apply\" does. The "
                                     "apology slips and notes you entered are kept."));
    intro->Wrap(700);  // within the page on Windows too, its scrollbar shown (760 ran under it)
    top->Add(intro, 0, wxLEFT | wxRIGHT | wxBOTTOM, 10);

    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("The export"));
    wxWindow* b = box->GetStaticBox();
    auto* grid = new wxFlexGridSizer(3, wxSize(8, 6));
    grid->AddGrowableCol(1);
    grid->Add(new wxStaticText(b, wxID_ANY, _("&Export file (CSV, XLSX):")), 0, wxALIGN_CENTER_VERTICAL);
    log_ = new wxTextCtrl(b, wxID_ANY, "", wxDefaultPosition, wxSize(300, -1));
    grid->Add(log_, 1, wxEXPAND);
    auto* browseLog = new wxButton(b, wxID_ANY, _("Bro&wse..."));
    grid->Add(browseLog, 0);
    grid->Add(new wxStaticText(b, wxID_ANY, _("Column &mapping (optional):")), 0, wxALIGN_CENTER_VERTICAL);
    mapping_ = new wxTextCtrl(b, wxID_ANY, "");
    grid->Add(mapping_, 1, wxEXPAND);
    auto* browseMap = new wxButton(b, wxID_ANY, _("C&hoose..."));
    grid->Add(browseMap, 0);
    grid->Add(new wxStaticText(b, wxID_ANY, _("Figures &as of (DD/MM/YYYY):")), 0, wxALIGN_CENTER_VERTICAL);
    asOf_ = new wxTextCtrl(b, wxID_ANY, "", wxDefaultPosition, wxSize(130, -1));
    grid->Add(asOf_, 0);
    grid->AddSpacer(1);
    // The unit filter of `dossiers apply --unit/--all-units`: only these units' rows, received
    // within the audit's period, are counted.
    grid->Add(new wxStaticText(b, wxID_ANY, _("&Units in the log (one per line):")), 0, wxALIGN_TOP | wxTOP, 3);
    units_ = new wxTextCtrl(b, wxID_ANY, "", wxDefaultPosition, wxSize(300, 52), wxTE_MULTILINE);
    grid->Add(units_, 1, wxEXPAND);
    grid->AddSpacer(1);
    grid->AddSpacer(1);
    allUnits_ = new wxCheckBox(b, wxID_ANY, _("The whole &log is the audited unit's"));
    grid->Add(allUnits_, 0);
    grid->AddSpacer(1);
    box->Add(grid, 0, wxEXPAND | wxALL, 6);

    auto* run = new wxBoxSizer(wxHORIZONTAL);
    import_ = new wxButton(b, wxID_ANY, _("&Import and analyse"));
    cancel_ = new wxButton(b, wxID_ANY, _("&Cancel"));
    cancel_->Disable();
    gauge_ = new wxGauge(b, wxID_ANY, 1000, wxDefaultPosition, wxSize(260, -1));
    run->Add(import_, 0, wxRIGHT, 6);
    run->Add(cancel_, 0, wxRIGHT, 12);
    run->Add(gauge_, 0, wxALIGN_CENTER_VERTICAL);
    box->Add(run, 0, wxALL, 6);
    blocker_ = makeMessageLabel(b);
    box->Add(blocker_, 0, wxLEFT | wxRIGHT | wxBOTTOM, 6);
    top->Add(box, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 10);

    status_ = new wxStaticText(this, wxID_ANY, "");
    top->Add(status_, 0, wxLEFT | wxRIGHT | wxBOTTOM, 10);
    reminders_ = makeMessageLabel(this);
    top->Add(reminders_, 0, wxLEFT | wxRIGHT | wxBOTTOM, 10);

    years_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 90), wxLC_REPORT | wxLC_SINGLE_SEL);
    const wxString heads[] = {_("Year"),         _("Received"),         _("Early"),
                              _("On time"),      _("Late"),             _("Pending, in time"),
                              _("Pending, overdue"), _("Wrong appointment"), _("Table row")};
    // Each column as wide as its header (or a seven-digit count), set once all exist: on Windows
    // wxLIST_AUTOSIZE_USEHEADER makes the last column fill the control, and each column is the last
    // when appended, so the first took the whole width and the others were out of sight.
    const int digits = years_->GetTextExtent("9999999").x;
    for (const auto& h : heads) {
        const int width = std::max(years_->GetTextExtent(h).x, digits) + years_->FromDIP(20);
        years_->AppendColumn(h, wxLIST_FORMAT_RIGHT, width);
    }
    // As wide as the page gives (wxEXPAND), never wider: the columns past its edge scroll inside
    // it. Its best size is the columns' sum, which on Windows widened the whole page.
    years_->SetMinSize(wxSize(FromDIP(300), FromDIP(90)));
    years_->SetInitialSize(wxSize(FromDIP(300), FromDIP(90)));
    top->Add(years_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 10);

    const wxString target = wxString::Format(_("target %s"), wx(DossierPageState::formatPercent(kTargetRate)));
    byMonth_ = new ChartPanel(this, _("On-time rate by month of receipt"), _("Month of receipt"), _("On-time rate"));
    byMonth_->setTarget(kTargetRate, target);
    top->Add(byMonth_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 10);
    byUnit_ = new ChartPanel(this, _("On-time rate by unit"), _("Receiving unit"), _("On-time rate"), true);
    byUnit_->setTarget(kTargetRate, target);
    top->Add(byUnit_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 10);

    badRowsLabel_ = new wxStaticText(this, wxID_ANY, "");
    top->Add(badRowsLabel_, 0, wxLEFT | wxRIGHT, 10);
    badRows_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 110));
    top->Add(badRows_, 0, wxEXPAND | wxALL, 10);
    SetSizer(top);

    browseLog->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { browse(log_, false); });
    browseMap->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { browse(mapping_, true); });
    for (wxTextCtrl* t : {log_, mapping_, asOf_, units_}) t->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { inputsChanged(); });
    allUnits_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { inputsChanged(); });
    import_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { startImport(); });
    cancel_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { cancelImport(); });
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        if (progress_) gauge_->SetValue(static_cast<int>(progress_->fraction() * 1000));
    });
    reload();
}

DossierPage::~DossierPage() {
    // The worker holds a copy of its job, but finished() would reach this page: stop it first.
    timer_.Stop();
    if (progress_) progress_->cancel();
    if (worker_.joinable()) worker_.join();
}

void DossierPage::reload() {
    loading_ = true;
    log_->ChangeValue(wx(state_.log));
    mapping_->ChangeValue(wx(state_.mapping));
    asOf_->ChangeValue(wx(state_.asOfText));
    units_->ChangeValue(wx(state_.unitsText));
    allUnits_->SetValue(state_.allUnits);
    loading_ = false;
    inputsChanged();
    showResults();
}

void DossierPage::inputsChanged() {
    if (loading_) return;
    state_.log = std8(log_->GetValue());
    state_.mapping = std8(mapping_->GetValue());
    state_.asOfText = std8(asOf_->GetValue());
    state_.unitsText = std8(units_->GetValue());
    state_.allUnits = allUnits_->GetValue();
    bool isRunning = running();
    import_->Enable(!isRunning && state_.canStart());
    cancel_->Enable(isRunning);
    for (wxWindow* w : std::initializer_list<wxWindow*>{log_, mapping_, asOf_, allUnits_}) w->Enable(!isRunning);
    units_->Enable(!isRunning && !state_.allUnits);
    std::string blocker = isRunning ? std::string() : state_.startBlocker();
    // An empty file field is the normal start, not a problem: say it in the neutral colour.
    setMessages(blocker_, {}, blocker.empty() ? std::vector<std::string>{} : std::vector<std::string>{blocker});
    Layout();
}

void DossierPage::browse(wxTextCtrl* field, bool mapping) {
    wxString wildcard = mapping ? _("Mapping files (*.txt)|*.txt|All files|*")
                                : _("One-stop exports (*.csv;*.xlsx)|*.csv;*.CSV;*.xlsx;*.XLSX|All files|*");
    wxFileDialog dlg(this, mapping ? _("Choose the column mapping file") : _("Choose the one-stop export"), "", "",
                     wildcard, wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dlg.ShowModal() != wxID_OK) return;
    field->SetValue(dlg.GetPath());  // sends wxEVT_TEXT → inputsChanged()
}

bool DossierPage::startImport() {
    if (running()) return false;
    DossierJob job;
    try {
        job = state_.start();
    } catch (const std::exception& e) {
        showError(this, _("Cannot import the file"), e);
        inputsChanged();
        return false;
    }
    progress_ = std::make_shared<SharedProgress>();
    gauge_->SetValue(0);
    // The worker owns copies of the job and the progress; it reaches the page only through
    // CallAfter, which the page's destructor makes safe by joining first.
    worker_ = std::thread([this, job, progress = progress_] {
        auto outcome = std::make_shared<DossierOutcome>(DossierPageState::run(job, *progress));
        CallAfter([this, outcome] { finished(outcome); });
    });
    timer_.Start(kPollMs);
    status_->SetForegroundColour(GetForegroundColour());
    status_->SetLabel(wx(state_.summary()));
    inputsChanged();
    cancel_->SetFocus();
    return true;
}

void DossierPage::cancelImport() {
    if (progress_) progress_->cancel();
    cancel_->Disable();
}

void DossierPage::finished(std::shared_ptr<DossierOutcome> outcome) {
    if (worker_.joinable()) worker_.join();
    timer_.Stop();
    state_.finish(std::move(*outcome));
    gauge_->SetValue(state_.status() == DossierPageState::Status::Done ? 1000 : 0);
    progress_.reset();
    inputsChanged();
    showResults();
    import_->SetFocus();
    editor_.changed();
}

void DossierPage::showResults() {
    using Status = DossierPageState::Status;
    status_->SetLabel(wx(state_.summary()));
    status_->SetForegroundColour(state_.status() == Status::Failed ? errorColour() : GetForegroundColour());
    status_->Wrap(700);
    setMessages(reminders_, {}, state_.reminders());

    years_->DeleteAllItems();
    long i = 0;
    for (const auto& y : state_.years()) {
        const auto& c = y.counts;
        long item = years_->InsertItem(i++, wxString::Format("%d", y.year));
        const long long values[] = {c.received,      c.finishedEarly,  c.finishedOnTime,
                                    c.finishedLate,  c.pendingInTime,  c.pendingOverdue, c.wrongAppointment};
        for (int col = 0; col < 7; ++col) years_->SetItem(item, col + 1, wxString::Format("%lld", values[col]));
        years_->SetItem(item, 8, y.added ? _("new row") : _("updated"));
    }

    byUnit_->setSeries(state_.byUnit());
    byMonth_->setSeries(state_.byMonth());

    badRows_->Clear();
    for (const auto& r : state_.badRows()) badRows_->Append(wx(r));
    long long more = state_.badRowCount() - static_cast<long long>(state_.badRows().size());
    if (more > 0) badRows_->Append(wxString::Format(_("... and %lld more rows with errors"), more));
    badRowsLabel_->SetLabel(wxString::Format(_("&Rows with errors (file:line: reason): %lld"), state_.badRowCount()));
    Layout();
    FitInside();
}

wxString DossierPage::tableProblem() const {
    for (int c = 0; c < years_->GetColumnCount(); ++c) {
        wxListItem col;
        col.SetMask(wxLIST_MASK_TEXT);
        years_->GetColumn(c, col);
        if (years_->GetColumnWidth(c) < years_->GetTextExtent(col.GetText()).x)
            return wxString::Format("column %d (%s) is %d px, its header %d px", c, col.GetText(),
                                    years_->GetColumnWidth(c), years_->GetTextExtent(col.GetText()).x);
    }
    if (years_->GetSize().x > GetClientSize().x)
        return wxString::Format("the table is %d px wide, the page %d px", years_->GetSize().x, GetClientSize().x);
    return wxString();
}

void DossierPage::simulateFiles(const std::string& log, const std::string& mapping, const std::string& asOf,
                                bool allUnits) {
    log_->SetValue(wx(log));
    mapping_->SetValue(wx(mapping));
    asOf_->SetValue(wx(asOf));
    allUnits_->SetValue(allUnits);
    inputsChanged();  // SetValue on a check box sends no event
}

}  // namespace par::gui

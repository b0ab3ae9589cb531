// SPDX-License-Identifier: Apache-2.0
#include "gui/SelfTestWalk.hpp"

#include <wx/app.h>
#include <wx/file.h>
#include <wx/filename.h>
#include <wx/utils.h>
#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "core/common/Text.hpp"
#include "core/wizard/AnswerEditor.hpp"
#include "core/wizard/AuditSession.hpp"
#include "core/wizard/DetailsPageState.hpp"
#include "core/wizard/DossierPageState.hpp"
#include "core/wizard/FindingsReview.hpp"
#include "core/wizard/NoticePageState.hpp"
#include "gui/AuditEditorPanel.hpp"
#include "gui/DetailsPage.hpp"
#include "gui/DossierPage.hpp"
#include "gui/FindingDialog.hpp"
#include "gui/FindingsPage.hpp"
#include "gui/GuiUtil.hpp"
#include "gui/MainFrame.hpp"
#include "gui/NoticePage.hpp"
#include "gui/OutputPage.hpp"
#include "gui/QuestionPanel.hpp"
#include "gui/RepeatPanel.hpp"
#include "gui/ScorePage.hpp"
#include "gui/SectionPage.hpp"
#include "gui/SubUnitDialog.hpp"
#include "gui/TablePanel.hpp"

namespace par::gui {

using namespace par::wizard;

namespace {
bool g_failed = false;
constexpr int kStepMs = 350;

// What the walk enters, used both through the GUI and through the core alone.
const char* kDecision = "457/QĐ-SNV";
const char* kMemberName = "Phạm Thị Dung";
const char* kMemberTitle = "Chuyên viên Phòng Cải cách hành chính, Sở Nội vụ";
const char* kManualText = "Chưa có giải pháp, sáng kiến mới trong công tác cải cách hành chính.";
const char* kManualRecommendation = "Nghiên cứu, đề xuất ít nhất một sáng kiến cải cách hành chính trong năm.";
const char* kManualDeadline = "60 ngày làm việc";
const char* kDossierAsOf = "30/10/2018";
const char* kDismissReason = "Đoàn đã đối chiếu hồ sơ gốc: đơn vị khắc phục ngay trong buổi kiểm tra.";
// The notice: the sample's signer typed again after being cleared, a new number and date, one more
// legal basis, recipient and area summary, the last strength removed, the symbol and the summary line
// cleared so that the suggestions fill them again.
const char* kNoticeNumber = "06";
const char* kNoticeDate = "06/12/2018";
const char* kSigner = "Lê Đình Lý";
const char* kSignerTitle = "PHÓ GIÁM ĐỐC";
const char* kSignFor = "KT. GIÁM ĐỐC";
const char* kBadSignFor = "GIÁM ĐỐC";  // no KT./TM./…: refused, the page invalid
const char* kBasis = "Căn cứ Kế hoạch cải cách hành chính năm 2018 của UBND huyện Quỳnh Lưu";
const char* kRecipient = "Phòng Nội vụ huyện Quỳnh Lưu";
const char* kAreaSummaryArea = "civil-service";
const char* kAreaSummary = "Đã rà soát vị trí việc làm của các phòng chuyên môn thuộc UBND huyện.";
const size_t kStrengthRemoved = 4;

// The sample one-stop export, beside the sample audit's folder (samples/mot-cua/).
std::string sampleDossierLog(const wxString& audit) {
    return (std::filesystem::u8path(std8(audit)).parent_path().parent_path() / "mot-cua" / "quynh-luu-2018.csv")
        .u8string();  // UTF-8 both ways: a plain string() is in the ANSI code page on Windows
}

// A one-stop export as a damaged workbook: the sample's header, then a row whose first cell lost
// its value's end tag (as a copy cut short and patched by hand would). Written with libzip beside the
// walk's output; "" when it cannot be written.
std::string damagedWorkbook(const wxString& output) {
    const std::string path = std8(output) + ".hong.xlsx";
    const char* header[] = {"STT", "Mã hồ sơ", "Mã thủ tục", "Tên thủ tục", "Cơ quan tiếp nhận", "Người nộp",
                            "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày có kết quả"};
    std::string row1 = "<row r=\"1\">";
    char column = 'A';
    for (const char* h : header)
        row1 += std::string("<c r=\"") + column++ + "1\" t=\"inlineStr\"><is><t>" + h + "</t></is></c>";
    row1 += "</row>";
    const std::string ns = "http://schemas.openxmlformats.org/";
    const std::pair<const char*, std::string> parts[] = {
        {"[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"" + ns + "package/2006/content-types\"/>"},
        {"xl/_rels/workbook.xml.rels",
         "<?xml version=\"1.0\"?><Relationships xmlns=\"" + ns + "package/2006/relationships\"><Relationship " +
             "Id=\"rId1\" Type=\"" + ns + "officeDocument/2006/relationships/worksheet\" " +
             "Target=\"worksheets/sheet1.xml\"/></Relationships>"},
        {"xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"" + ns + "spreadsheetml/2006/main\" xmlns:r=\"" +
                                ns + "officeDocument/2006/relationships\"><sheets><sheet name=\"Sổ\" sheetId=\"1\" " +
                                "r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><worksheet xmlns=\"" + ns +
                                         "spreadsheetml/2006/main\"><sheetData>" + row1 +
                                         "<row r=\"2\"><c r=\"A2\"><v>1</c></row></sheetData></worksheet>"}};
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (z == nullptr) return "";
    for (const auto& [name, text] : parts) {
        zip_source_t* src = zip_source_buffer(z, text.data(), text.size(), 0);  // read at zip_close
        if (src == nullptr || zip_file_add(z, name, src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) < 0) {
            if (src != nullptr) zip_source_free(src);
            zip_discard(z);
            return "";
        }
    }
    return zip_close(z) == 0 ? path : "";
}

// The first rule finding: the one the walk dismisses, through the GUI and through the core.
std::string firstRuleFinding(const std::vector<par::Finding>& findings) {
    for (const auto& f : findings)
        if (f.origin == par::FindingOrigin::Rule) return f.id;
    return "";
}

// Goes forward with Next until a step of this kind is shown.
bool goToKind(AuditEditorPanel* ed, StepKind kind) {
    for (size_t guard = 0; guard < 50; ++guard) {
        if (ed->steps().step(ed->steps().current()).kind == kind) return true;
        if (!ed->goNext()) return false;
    }
    return false;
}
}  // namespace

SelfTestWalk::SelfTestWalk(MainFrame& frame, const wxString& input, const wxString& output, const wxString& shots)
    : frame_(frame), input_(input), output_(output), shots_(shots), timer_(this) {
    Bind(wxEVT_TIMER, &SelfTestWalk::runNext, this);
}

bool SelfTestWalk::failed() { return g_failed; }

void SelfTestWalk::check(bool condition, const wxString& what) {
    if (condition) return;
    g_failed = true;
    std::fprintf(stderr, "self-test: FAILED: %s\n", what.utf8_str().data());
}

void SelfTestWalk::shot(const wxString& name) {
    if (shots_.empty()) return;
    // Everything drawn as it now is: GTK repaints a button made insensitive only when asked to.
    frame_.Refresh();
    wxTheApp->Yield(true);
    check(!screenshotWindow(frame_, shots_, name).empty(), "screenshot " + shots_ + "/" + name + ".png");
}

SectionPage* SelfTestWalk::goToSection(const std::string& id) {
    AuditEditorPanel* ed = frame_.editor();
    for (size_t guard = 0; guard < 50; ++guard) {
        Step s = ed->steps().step(ed->steps().current());
        if (s.kind == StepKind::Section && ed->session().form().sections[s.section].id == id)
            return dynamic_cast<SectionPage*>(ed->currentPage());
        if (!ed->goNext()) {
            check(false, "Next is blocked on the way to section " + wx(id) + ": " + wx(ed->steps().blockReason()));
            return nullptr;
        }
    }
    return nullptr;
}

void SelfTestWalk::start() {
    setHeadless(true);
    frame_.SetSize(0, 0, 1200, 800);
    if (!shots_.empty()) std::filesystem::create_directories(std8(shots_));
    plan();
    timer_.Start(kStepMs, wxTIMER_ONE_SHOT);
}

void SelfTestWalk::runNext(wxTimerEvent&) {
    if (next_ >= steps_.size()) return finish();
    auto& [name, fn] = steps_[next_++];
    std::fprintf(stderr, "self-test: %s\n", name.utf8_str().data());
    try {
        fn();
    } catch (const std::exception& e) {
        check(false, name + ": " + wx(e.what()));
    }
    if (g_failed && frame_.editor() == nullptr) return finish();
    timer_.Start(kStepMs, wxTIMER_ONE_SHOT);
}

void SelfTestWalk::plan() {
    auto add = [this](const wxString& name, std::function<void()> fn) { steps_.emplace_back(name, std::move(fn)); };
    add("start page", [this] { shot("start"); });
    add("open the audit", [this] { check(frame_.openPath(input_) && frame_.editor() != nullptr, "open " + input_); });
    add("details: decision, visit end, a team member", [this] {
        auto* page = dynamic_cast<DetailsPage*>(frame_.editor()->currentPage());
        check(page != nullptr, "the first page is the details page");
        page->simulateInput(DetailField::DecisionNumber, kDecision);
        page->simulateInput(DetailField::VisitEnd, "29/11/2018");
        page->simulateMember(4, kMemberName, "member", kMemberTitle);
        page->simulateInput(DetailField::PeriodEnd, "31/02/2018");
        check(!frame_.editor()->steps().canGoNext(), "Next is blocked by an impossible date");
        page->Scroll(0, 20);  // the period and its message in view
    });
    add("details: blocked", [this] { shot("details-error"); });
    add("details: corrected", [this] {
        auto* page = dynamic_cast<DetailsPage*>(frame_.editor()->currentPage());
        page->simulateInput(DetailField::PeriodEnd, "30/10/2018");
        check(frame_.editor()->steps().canGoNext(), "Next is allowed again");
    });
    add("details: the team", [this] {
        if (auto* page = dynamic_cast<DetailsPage*>(frame_.editor()->currentPage())) page->Scroll(0, 100);
    });
    add("details: screenshot of the team", [this] { shot("details-team"); });
    add("details: back to the top", [this] {
        if (auto* page = dynamic_cast<DetailsPage*>(frame_.editor()->currentPage())) page->Scroll(0, 0);
    });
    add("details: screenshot", [this] { shot("details"); });
    add("section I: relevance and an invalid number", [this] {
        SectionPage* p = goToSection("lanh_dao");
        check(p != nullptr, "section lanh_dao");
        if (p == nullptr) return;
        check(!p->isShown("ld_bao_cao_tre"), "ld_bao_cao_tre hidden while ld_bao_cao is unanswered");
        p->questionPanel("ld_bao_cao")->simulateInput("partly");
        check(p->isShown("ld_bao_cao_tre"), "ld_bao_cao_tre shown once ld_bao_cao is 'partly'");
        p->questionPanel("ld_bao_cao_tre")->simulateInput("nhiều");
        check(p->questionPanel("ld_bao_cao_tre")->hasError(), "an inline error for a word in a number field");
        check(!frame_.editor()->steps().canGoNext(), "Next is blocked by the invalid number");
    });
    add("section I: blocked", [this] { shot("section-error"); });
    add("section I: corrected", [this] {
        auto* p = dynamic_cast<SectionPage*>(frame_.editor()->currentPage());
        p->questionPanel("ld_bao_cao_tre")->simulateInput("2");
        check(frame_.editor()->steps().canGoNext(), "Next is allowed again");
    });
    add("section I: screenshot", [this] { shot("section"); });
    add("section III: a number and a table row", [this] {
        SectionPage* p = goToSection("tthc");
        if (p == nullptr) return;
        p->questionPanel("tthc_so_thu_tuc")->simulateInput("305");
        TablePanel* t = p->tablePanel("ket_qua_giai_quyet");
        t->addRow();
        t->simulateCell(2, "nam", "2019");
        t->simulateCell(2, "tiep_nhan", "1.200");
        t->simulateCell(2, "dung_han", "1150");
        t->simulateCell(2, "qua_han", "5");
        t->simulateCell(2, "phieu_xin_loi", "5");
        t->simulateCell(2, "ghi_chu", "quý I/2019");
        // Show the table: scroll so that it starts near the top of the page.
        int y = p->CalcUnscrolledPosition(t->GetPosition()).y;
        p->Scroll(0, std::max(0, y / 12 - 6));
    });
    add("section III: screenshot", [this] { shot("table"); });
    add("section IX: a sampled commune", [this] {
        SectionPage* p = goToSection("co_so");
        if (p == nullptr) return;
        RepeatPanel* r = p->repeatPanel("xa_kiem_tra");
        size_t i = r->addInstance();
        check(i == 2, "the new commune is the third");
        SubUnitDialog* dlg = r->makeDialog(i);
        dlg->simulateInput("xa_ten", "Quỳnh Hưng");
        dlg->simulateInput("xa_loai", "xa");
        dlg->simulateInput("xa_mot_cua", "yes");
        dlg->simulateInput("xa_ho_so_qua_han", "3");
        dlg->simulateInput("xa_phieu_xin_loi", "3");
        dlg->Move(200, 80);
        dlg->Show();
    });
    add("section IX: screenshot", [this] {
        shot("subunit");
        for (wxWindow* w : wxTopLevelWindows)
            if (auto* d = dynamic_cast<SubUnitDialog*>(w)) d->Destroy();
        if (auto* p = dynamic_cast<SectionPage*>(frame_.editor()->currentPage())) p->reload();
    });
    add("dossier: a damaged XLSX export", [this] {
        AuditEditorPanel* ed = frame_.editor();
        if (!goToKind(ed, StepKind::Dossier)) return check(false, "Next blocked before the dossier page");
        auto* page = dynamic_cast<DossierPage*>(ed->currentPage());
        check(page != nullptr, "the dossier data page");
        if (page == nullptr) return;
        const std::string bad = damagedWorkbook(output_);
        check(!bad.empty(), "write the damaged workbook");
        page->simulateFiles(bad, "", kDossierAsOf, true);
        check(page->startImport(), "the import of the damaged workbook starts");
        for (int i = 0; i < 500 && page->running(); ++i) {
            wxTheApp->Yield(true);
            wxMilliSleep(20);
        }
        // The page says which file, which row and what to do, in the red status line; nothing is
        // taken into the audit, and the next import starts from the same page.
        const std::string said = page->state().summary();
        check(!page->running() && page->state().status() == DossierPageState::Status::Failed,
              "the damaged workbook is refused: " + wx(said));
        check(said.find(".hong.xlsx") != std::string::npos && said.find(":2:") != std::string::npos &&
                  said.find("hãy xuất lại") != std::string::npos,
              "the message names the file and row and says what to do: " + wx(said));
        check(page->state().stats() == nullptr, "no figures from the damaged workbook");
    });
    add("dossier: screenshot of the refused workbook", [this] { shot("dossier-error"); });
    add("dossier: import the one-stop export in the background", [this] {
        auto* page = dynamic_cast<DossierPage*>(frame_.editor()->currentPage());
        check(page != nullptr, "still on the dossier page");
        if (page == nullptr) return;
        // The sample log is the whole district's (dossiers apply --all-units).
        page->simulateFiles(sampleDossierLog(input_), "", kDossierAsOf, true);
        check(page->startImport(), "the import starts");
    });
    add("dossier: wait for the worker", [this] {
        auto* page = dynamic_cast<DossierPage*>(frame_.editor()->currentPage());
        if (page == nullptr) return check(false, "still on the dossier page");
        // The window stays responsive: events are processed while the worker runs.
        for (int i = 0; i < 1500 && page->running(); ++i) {
            wxTheApp->Yield(true);
            wxMilliSleep(20);
        }
        check(!page->running(), "the worker finished");
        check(page->state().status() == DossierPageState::Status::Done, "the import is done: " + wx(page->state().summary()));
        check(page->state().stats() != nullptr && page->state().stats()->rowsTotal == 242, "242 rows read");
        check(!page->state().byUnit().empty() && !page->state().byMonth().empty(), "chart series");
        check(frame_.session()->dirty(), "the figures are in the audit");
        const wxString table = page->tableProblem();
        check(table.empty(), "the year table fits: " + table);
    });
    add("dossier: screenshot", [this] { shot("dossier"); });
    add("dossier: the charts", [this] {
        auto* page = dynamic_cast<DossierPage*>(frame_.editor()->currentPage());
        if (page != nullptr) page->Scroll(0, 26);
    });
    add("dossier: screenshot of the charts", [this] { shot("dossier-chart"); });
    add("dossier: the chart by unit", [this] {
        auto* page = dynamic_cast<DossierPage*>(frame_.editor()->currentPage());
        if (page != nullptr) page->Scroll(0, 52);
    });
    add("dossier: screenshot of the chart by unit", [this] { shot("dossier-units"); });
    add("findings: a manual finding", [this] {
        AuditEditorPanel* ed = frame_.editor();
        if (!goToKind(ed, StepKind::Findings)) return check(false, "Next blocked before the findings");
        auto* page = dynamic_cast<FindingsPage*>(ed->currentPage());
        check(page->count() > 0, "rule findings listed");
        std::string id = page->addManual();
        FindingDialog* dlg = page->makeDialog(id);
        dlg->simulate(kManualText, kManualRecommendation, kManualDeadline);
        check(dlg->apply(), "the manual finding is accepted");
        dlg->Destroy();
        page->reload();
        ed->changed();
        std::string rule = firstRuleFinding(ed->session().audit().findings);
        check(!rule.empty(), "a rule finding to dismiss");
        check(page->dismiss(rule, kDismissReason), "dismiss " + wx(rule));
        check(page->shownDismissed(rule), "the dismissed finding is struck through");
    });
    add("findings: screenshot", [this] { shot("findings"); });
    add("score", [this] {
        AuditEditorPanel* ed = frame_.editor();
        if (!goToKind(ed, StepKind::Score)) return check(false, "Next blocked before the score page");
        auto* page = dynamic_cast<ScorePage*>(ed->currentPage());
        check(page != nullptr, "the score page");
        if (page == nullptr) return;
        check(page->shownTotal().EndsWith(" / 100"), "a total is shown: " + page->shownTotal());
        check(page->shownBand() != wxString::FromUTF8("—"), "a band is shown");
    });
    add("score: screenshot", [this] { shot("score"); });
    add("notice: the sample's notice, then a cleared signer and a wrong signing authority", [this] {
        AuditEditorPanel* ed = frame_.editor();
        if (!goToKind(ed, StepKind::Notice)) return check(false, "Next blocked before the notice page");
        auto* page = dynamic_cast<NoticePage*>(ed->currentPage());
        check(page != nullptr, "the notice page");
        if (page == nullptr) return;
        check(page->shownValue("number") == "05", "the sample's notice number is shown: " + page->shownValue("number"));
        check(page->shownItems("basis") == 4, "the sample's four legal bases are listed");
        check(page->shownMissing() == _("The notice has what it needs to be signed."), "the sample's notice is whole");
        page->simulateInput("signer", "");
        page->simulateInput("signer-title", "");
        page->simulateInput("sign-for", kBadSignFor);
        Step st = ed->steps().step(ed->steps().current());
        check(st.status == StepStatus::Invalid && st.errors == 1, "the wrong signing authority makes the step invalid");
        check(!ed->steps().canGoNext(), "Next is blocked by the signing authority");
        check(!page->fieldMessage("sign-for").empty(), "the signing authority's message is shown");
        check(!page->fieldMessage("signer").empty(), "the cleared signer is marked as needed");
        check(page->shownMissing().StartsWith(_("Still needed before the notice can be signed: ")),
              "the page lists what is missing: " + page->shownMissing());
    });
    add("notice: blocked", [this] {
        wxWindow* next = frame_.editor()->FindWindow(wxID_FORWARD);
        check(next != nullptr && !next->IsEnabled(), "the Next button is disabled");
        shot("notice-error");
    });
    add("notice: number, date, signer, a basis and a recipient, suggestions", [this] {
        AuditEditorPanel* ed = frame_.editor();
        auto* page = dynamic_cast<NoticePage*>(ed->currentPage());
        if (page == nullptr) return check(false, "still on the notice page");
        page->simulateInput("number", kNoticeNumber);
        page->simulateInput("date", kNoticeDate);
        page->simulateInput("signer", kSigner);
        page->simulateInput("signer-title", kSignerTitle);
        page->simulateInput("sign-for", kSignFor);
        check(page->fieldMessage("sign-for").empty(), "the signing authority is accepted");
        check(ed->steps().canGoNext(), "Next is allowed again");
        page->simulateInput("symbol", "");
        page->simulateInput("summary", "");
        check(!page->simulateAdd("recipient", "   "), "an empty recipient is refused");
        check(page->simulateAdd("basis", kBasis), "a legal basis is added");
        check(page->simulateAdd("recipient", kRecipient), "a recipient is added");
        check(page->simulateAdd("area-summary", kAreaSummary, kAreaSummaryArea), "an area summary is added");
        size_t strengths = page->shownItems("strength");
        page->simulateRemove("strength", kStrengthRemoved);
        check(page->shownItems("strength") + 1 == strengths, "a strength is removed");
        size_t filled = page->simulateSuggestions();
        check(filled == 2, wxString::Format("the suggestions fill the symbol and the summary line (filled %zu)", filled));
        check(page->shownValue("symbol") == "TB-SNV", "the suggested symbol is shown: " + page->shownValue("symbol"));
        check(!page->shownValue("summary").empty(), "the suggested summary line is shown");
        check(page->shownItems("basis") == 5, "the suggestions add no basis to a list that has some");
        Step st = ed->steps().step(ed->steps().current());
        check(st.status == StepStatus::Complete, "the Notice step is complete");
        check(page->shownMissing() == _("The notice has what it needs to be signed."),
              "nothing is missing any more: " + page->shownMissing());
        page->Scroll(0, 0);
    });
    add("notice: screenshot", [this] { shot("notice"); });
    add("notice: the lists", [this] {
        if (auto* page = dynamic_cast<NoticePage*>(frame_.editor()->currentPage())) page->Scroll(0, 48);
    });
    add("notice: screenshot of the lists", [this] { shot("notice-lists"); });
    add("output: save", [this] {
        AuditEditorPanel* ed = frame_.editor();
        check(goToKind(ed, StepKind::Output), "Next to the output page");
        check(frame_.saveTo(output_), "save to " + output_);
        check(!frame_.session()->dirty(), "saved: no unsaved changes");
        ed->currentPage()->reload();
    });
#ifdef PAR_GUI_HAS_PDF
    add("output: the notice, the plan and the minutes as PDF, for signing", [this] {
        auto* page = dynamic_cast<OutputPage*>(frame_.editor()->currentPage());
        // Not drafts: the notice page filled what they need (the printer refuses otherwise).
        for (int kind : {0, 1, 2}) {
            wxString pdf = output_ + (kind == 0 ? ".notice.pdf" : kind == 1 ? ".plan.pdf" : ".minutes.pdf");
            check(page->makeDocument(kind, pdf, false), "make " + pdf);
            check(wxFileName(pdf).GetSize() > 1000, pdf + " is a document");
        }
        // The same notice as an editable Word file (the engine's DOCX back end): a zip package.
        wxString docx = output_ + ".notice.docx";
        check(page->makeDocument(0, docx, false), "make " + docx);
        wxFile f(docx);
        char head[2] = {};
        check(f.IsOpened() && f.Read(head, 2) == 2 && head[0] == 'P' && head[1] == 'K', docx + " is a DOCX (zip) package");
        check(!frame_.session()->dirty(), "making documents does not change the audit");
        // The check of a signed document (issue #20) on the notice just made: it matches this
        // audit's data and carries no signature, which without a trust folder is not a failure.
        wxString report;
        check(page->checkDocument(output_ + ".notice.pdf", report), "check the notice: " + report);
        check(report.Contains(_("The document was made from the current data of this audit.")), "the check matches the audit: " + report);
    });
#endif
    add("output: screenshot", [this] { shot("output"); });
    add("compare with the same edits made through the core", [this] { check(compareWithCoreOnly(), "saved audit = entered"); });
    add("reopen", [this] {
        check(frame_.closeAudit(), "close the saved audit without a question");
        check(frame_.openPath(output_), "reopen " + output_);
        auto* page = dynamic_cast<DetailsPage*>(frame_.editor()->currentPage());
        check(page != nullptr && std8(page->shownValue(DetailField::DecisionNumber)) == kDecision,
              "the reopened audit shows the decision number entered");
    });
    add("reopened: screenshot", [this] { shot("reopened"); });
}

bool SelfTestWalk::compareWithCoreOnly() {
    auto s = AuditSession::open(std8(input_));
    DetailsPageState d(*s);
    d.set(DetailField::DecisionNumber, kDecision);
    d.set(DetailField::VisitEnd, "29/11/2018");
    size_t m = d.addMember();
    d.setMember(m, {kMemberName, "member", kMemberTitle});
    AnswerEditor ed(*s);
    ed.enter(FieldPath::scalar("ld_bao_cao"), "partly");
    ed.enter(FieldPath::scalar("ld_bao_cao_tre"), "2");
    ed.enter(FieldPath::scalar("tthc_so_thu_tuc"), "305");
    size_t r = ed.addRow("ket_qua_giai_quyet");
    int row = static_cast<int>(r);
    ed.enter(FieldPath::cell("ket_qua_giai_quyet", row, "nam"), "2019");
    ed.enter(FieldPath::cell("ket_qua_giai_quyet", row, "tiep_nhan"), "1200");
    ed.enter(FieldPath::cell("ket_qua_giai_quyet", row, "dung_han"), "1150");
    ed.enter(FieldPath::cell("ket_qua_giai_quyet", row, "qua_han"), "5");
    ed.enter(FieldPath::cell("ket_qua_giai_quyet", row, "phieu_xin_loi"), "5");
    ed.enter(FieldPath::cell("ket_qua_giai_quyet", row, "ghi_chu"), "quý I/2019");
    int i = static_cast<int>(ed.addRow("xa_kiem_tra"));
    ed.enter(FieldPath::cell("xa_kiem_tra", i, "xa_ten"), "Quỳnh Hưng");
    ed.enter(FieldPath::cell("xa_kiem_tra", i, "xa_loai"), "xa");
    ed.enter(FieldPath::cell("xa_kiem_tra", i, "xa_mot_cua"), "yes");
    ed.enter(FieldPath::cell("xa_kiem_tra", i, "xa_ho_so_qua_han"), "3");
    ed.enter(FieldPath::cell("xa_kiem_tra", i, "xa_phieu_xin_loi"), "3");
    DossierPageState dossier(*s);
    dossier.log = sampleDossierLog(input_);
    dossier.asOfText = kDossierAsOf;
    dossier.allUnits = true;  // as the walk ticks it on the page
    SharedProgress progress;
    dossier.finish(DossierPageState::run(dossier.start(), progress));
    FindingsReview review(*s);
    review.refresh();
    std::string id = review.addManual();
    FindingEdit e = review.editOf(id);
    e.text = kManualText;
    e.recommendation = kManualRecommendation;
    e.deadline = kManualDeadline;
    review.edit(id, e);
    review.dismiss(firstRuleFinding(s->audit().findings), kDismissReason);
    NoticePageState notice(*s);
    notice.set("signer", "");
    notice.set("signer-title", "");
    notice.set("sign-for", kBadSignFor);
    for (const auto& [field, value] : std::vector<std::pair<std::string, std::string>>{
             {"number", kNoticeNumber}, {"date", kNoticeDate}, {"signer", kSigner}, {"signer-title", kSignerTitle},
             {"sign-for", kSignFor}, {"symbol", ""}, {"summary", ""}})
        notice.set(field, value);
    notice.add("basis", kBasis);
    notice.add("recipient", kRecipient);
    notice.add("area-summary", std::string(kAreaSummaryArea) + ":" + kAreaSummary);
    notice.remove("strength", kStrengthRemoved);
    notice.fillDefaults();
    // Saved beside the output, so both refer to the form and reference files the same way.
    std::string expected = std8(output_) + ".expected.xml";
    s->save(expected);
    auto saved = AuditSession::open(std8(output_));
    auto wanted = AuditSession::open(expected);
    bool same = saved->audit().sameContent(wanted->audit());
    if (same) {
        std::filesystem::remove(expected);
        std::filesystem::remove(expected + ".bak");
    } else {
        std::fprintf(stderr, "self-test: compare %s with %s\n", std8(output_).c_str(), expected.c_str());
    }
    return same;
}

void SelfTestWalk::finish() {
    check(headlessErrorCount() == 0, "no error was reported to the user");
    std::fprintf(stderr, "self-test: %s\n", g_failed ? "FAILED" : "passed");
    frame_.Close(true);
}

}  // namespace par::gui

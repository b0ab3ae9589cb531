// SPDX-License-Identifier: Apache-2.0
// test_wizard.cpp - the page states of the desktop app without wx: sessions, answer edits from typed
// input, relevance and validity of section pages, the details page and the step list.
#include <catch2/catch.hpp>

#include "TestSupport.hpp"
#include "core/common/Text.hpp"
#include "core/model/AuditReader.hpp"
#include "core/wizard/AnswerEditor.hpp"
#include "core/wizard/AuditSession.hpp"
#include "core/wizard/DetailsPageState.hpp"
#include "core/wizard/Labels.hpp"
#include "core/wizard/SectionPageState.hpp"
#include "core/wizard/StepList.hpp"

using namespace par;
using namespace par::wizard;

namespace {
const std::string kSample = "samples/quynh-luu-2018/quynh-luu-2018.audit.xml";

std::unique_ptr<AuditSession> openSample() { return AuditSession::open(test::sourcePath(kSample)); }

size_t sectionIndex(const AuditSession& s, const std::string& id) {
    for (size_t i = 0; i < s.form().sections.size(); ++i)
        if (s.form().sections[i].id == id) return i;
    FAIL("no section " << id);
    return 0;
}

const QuestionState& stateOf(const std::vector<QuestionState>& list, const std::string& id) {
    for (const auto& s : list)
        if (s.question->id == id) return s;
    FAIL("no question " << id);
    return list.front();
}
}  // namespace

TEST_CASE("a session opens the sample clean and counts changes", "[wizard]") {
    auto s = openSample();
    CHECK_FALSE(s->dirty());
    CHECK(s->path() == test::sourcePath(kSample));
    CHECK(s->form().id == "cchc-huyen");
    auto before = s->changeCount();
    s->touch();
    CHECK(s->dirty());
    CHECK(s->changeCount() > before);
}

TEST_CASE("a new session needs a unit name and takes the form's only unit type", "[wizard]") {
    CHECK_THROWS_AS(AuditSession::create({"cchc-so", "  ", "", "", "", "", "", ""}), UsageError);
    auto s = AuditSession::create({"cchc-huyen", "UBND huyện Yên Thành", "", "district", "Nghệ An", "", "", ""});
    CHECK(s->dirty());
    CHECK(s->path().empty());
    CHECK(s->audit().form.id == "cchc-huyen");
    CHECK(s->audit().unit.name == "UBND huyện Yên Thành");
    CHECK(s->audit().changeLog.size() == 1);
}

TEST_CASE("typed answers are normalised, bad ones kept as input errors until corrected", "[wizard]") {
    auto s = openSample();
    AnswerEditor ed(*s);
    size_t tthc = sectionIndex(*s, "tthc");
    SectionPageState page(*s, tthc);
    REQUIRE(page.valid());

    CHECK(ed.enter(FieldPath::scalar("tthc_so_thu_tuc"), "1.250"));
    CHECK(ed.value(FieldPath::scalar("tthc_so_thu_tuc")) == "1250");
    CHECK(s->dirty());

    CHECK_FALSE(ed.enter(FieldPath::scalar("tthc_so_thu_tuc"), "nhiều"));
    CHECK(ed.value(FieldPath::scalar("tthc_so_thu_tuc")) == "1250");  // the audit keeps the last good value
    CHECK_FALSE(page.valid());
    CHECK(stateOf(page.questions(), "tthc_so_thu_tuc").errors.size() == 1);

    CHECK(ed.enter(FieldPath::scalar("tthc_so_thu_tuc"), "9999"));  // stored, but out of range
    CHECK_FALSE(page.valid());
    CHECK(ed.enter(FieldPath::scalar("tthc_so_thu_tuc"), "303"));
    CHECK(page.valid());
}

TEST_CASE("relevance hides questions live and required ones count as missing", "[wizard]") {
    auto s = openSample();
    AnswerEditor ed(*s);
    SectionPageState page(*s, sectionIndex(*s, "lanh_dao"));
    CHECK_FALSE(stateOf(page.questions(), "ld_bao_cao_tre").visible);
    // ld_bao_cao is unanswered in the sample: "!= 'yes'" on null is null, so the question is hidden.
    size_t missingBefore = page.missingCount();
    REQUIRE(ed.enter(FieldPath::scalar("ld_bao_cao"), "một phần"));
    auto q = stateOf(page.questions(), "ld_bao_cao_tre");
    CHECK(q.visible);
    CHECK(q.required);
    CHECK_FALSE(q.answered);
    CHECK(page.missingCount() == missingBefore + 1);
    CHECK_FALSE(page.complete());
    CHECK(page.valid());  // missing is incomplete, not invalid
    REQUIRE(ed.enter(FieldPath::scalar("ld_bao_cao"), "có"));
    CHECK_FALSE(stateOf(page.questions(), "ld_bao_cao_tre").visible);
    CHECK(page.missingCount() == missingBefore);
}

TEST_CASE("table rows and repeat instances are added, filled and removed", "[wizard]") {
    auto s = openSample();
    AnswerEditor ed(*s);
    REQUIRE(ed.rowCount("ket_qua_giai_quyet") == 2);
    size_t r = ed.addRow("ket_qua_giai_quyet");
    CHECK(r == 2);
    CHECK(ed.enter(FieldPath::cell("ket_qua_giai_quyet", 2, "nam"), "2019"));
    CHECK_FALSE(ed.enter(FieldPath::cell("ket_qua_giai_quyet", 2, "tiep_nhan"), "abc"));
    SectionPageState page(*s, sectionIndex(*s, "tthc"));
    CHECK_FALSE(page.valid());
    ed.removeRow("ket_qua_giai_quyet", 2);
    CHECK(ed.rowCount("ket_qua_giai_quyet") == 2);
    CHECK(page.valid());
    CHECK_THROWS_AS(ed.enter(FieldPath::cell("ket_qua_giai_quyet", 5, "nam"), "2019"), UsageError);

    size_t i = ed.addRow("xa_kiem_tra");
    CHECK(i == 2);
    SectionPageState coSo(*s, sectionIndex(*s, "co_so"));
    CHECK(coSo.valid());
    CHECK(coSo.missingCount() == 1);  // the new commune has no name (required inside the repeat)
    CHECK(stateOf(coSo.questions(), "xa_kiem_tra").warnings.size() == 1);
    CHECK(ed.enter(FieldPath::cell("xa_kiem_tra", 2, "xa_ten"), "Quỳnh Hưng"));
    CHECK(coSo.missingCount() == 0);
    CHECK(ed.enter(FieldPath::cell("xa_kiem_tra", 2, "xa_loai"), "Xã"));
    CHECK(ed.value(FieldPath::cell("xa_kiem_tra", 2, "xa_loai")) == "xa");
    CHECK(coSo.valid());
    CHECK_FALSE(coSo.childVisible("xa_kiem_tra", 2, "xa_phieu_xin_loi"));
    CHECK(ed.enter(FieldPath::cell("xa_kiem_tra", 2, "xa_ho_so_qua_han"), "3"));
    CHECK(coSo.childVisible("xa_kiem_tra", 2, "xa_phieu_xin_loi"));
}

TEST_CASE("not applicable only where the form allows it", "[wizard]") {
    auto s = openSample();
    AnswerEditor ed(*s);
    ed.setNotApplicable("tthc_so_hoa", true);
    CHECK(ed.notApplicable("tthc_so_hoa"));
    ed.setNotApplicable("tthc_so_hoa", false);
    CHECK_FALSE(ed.notApplicable("tthc_so_hoa"));
    CHECK_THROWS_AS(ed.setNotApplicable("tthc_so_thu_tuc", true), UsageError);
}

TEST_CASE("details page: dates, ranges, missing details", "[wizard]") {
    auto s = openSample();
    DetailsPageState d(*s);
    CHECK(d.valid());
    CHECK(d.complete());
    CHECK(d.get(DetailField::VisitStart) == "28/11/2018");
    CHECK(d.get(DetailField::UnitName) == "UBND huyện Quỳnh Lưu");

    CHECK_FALSE(d.set(DetailField::VisitEnd, "31/02/2018"));
    CHECK_FALSE(d.valid());
    // An end before the start is refused (the core's details action) and shown on the field.
    CHECK_FALSE(d.set(DetailField::VisitEnd, "27/11/2018"));
    REQUIRE(d.errors().size() == 1);
    CHECK(d.errors()[0].field == DetailField::VisitEnd);
    CHECK_THAT(d.errors()[0].message, Catch::Contains("trước ngày bắt đầu"));
    CHECK(d.set(DetailField::VisitEnd, "2018-11-29"));
    CHECK(d.valid());
    CHECK(s->audit().inspectionDate() == Date(2018, 11, 29));

    CHECK_FALSE(d.set(DetailField::UnitName, "  "));  // refused: the name stays
    CHECK_FALSE(d.valid());
    CHECK(d.get(DetailField::UnitName) == "UBND huyện Quỳnh Lưu");
    CHECK(d.set(DetailField::UnitName, "UBND huyện Quỳnh Lưu"));
    CHECK(d.valid());

    d.setMember(0, {"Lê Đình Lý", "member", "Phó Giám đốc"});
    CHECK_FALSE(d.complete());  // no leader any more
    size_t m = d.addMember();
    d.setMember(m, {"Phan Văn D", "leader", "Giám đốc"});
    CHECK(d.complete());
    d.removeMember(m);
    CHECK(d.team().size() == 4);
}

TEST_CASE("labels of unit types, levels and roles", "[wizard]") {
    setLanguage(Language::Vietnamese);
    CHECK(labelOf(unitTypeLabels(), "xa") == "Xã");
    CHECK(idOf(teamRoleLabels(), "Thư ký") == "secretary");
    CHECK(labelOf(unitTypeLabels(), "khac") == "khac");
}

TEST_CASE("the step list follows the form and blocks Next on an invalid page", "[wizard]") {
    auto s = openSample();
    StepList steps(*s);
    size_t sections = s->form().sections.size();
    CHECK(steps.count() == sections + 4);
    CHECK(steps.step(0).kind == StepKind::Details);
    CHECK(steps.step(sections + 1).kind == StepKind::Findings);
    CHECK(steps.step(sections + 2).kind == StepKind::Notice);
    CHECK(steps.step(sections + 3).kind == StepKind::Output);
    StepList all(*s, {true, true});
    CHECK(all.count() == sections + 6);
    CHECK(all.step(sections + 3).kind == StepKind::Score);
    CHECK(all.step(sections + 4).kind == StepKind::Notice);

    CHECK(steps.canGoNext());
    CHECK(steps.blockReason().empty());
    AnswerEditor ed(*s);
    REQUIRE(steps.next());
    size_t ld = steps.current();
    CHECK(steps.step(ld).kind == StepKind::Section);
    CHECK_FALSE(ed.enter(FieldPath::scalar("ld_nghi_quyet"), "hmm"));
    CHECK(steps.step(ld).status == StepStatus::Invalid);
    CHECK_FALSE(steps.canGoNext());
    CHECK_FALSE(steps.next());
    CHECK_FALSE(steps.blockReason().empty());
    CHECK_FALSE(steps.goTo(steps.count() - 1));
    CHECK(steps.back());
    CHECK(steps.goTo(ld));
    CHECK(ed.enter(FieldPath::scalar("ld_nghi_quyet"), "có"));
    CHECK(steps.goTo(steps.indexOf(StepKind::Output)));
    CHECK(steps.current() == steps.count() - 1);
    CHECK_FALSE(steps.canGoNext());
}

TEST_CASE("save writes the audit where asked, with its references still found", "[wizard]") {
    test::ScratchDir dir("wizard-save");
    auto s = openSample();
    AnswerEditor ed(*s);
    REQUIRE(ed.enter(FieldPath::scalar("tthc_so_thu_tuc"), "304"));
    std::string out = dir.file("ql.audit.xml");
    s->save(out);
    CHECK_FALSE(s->dirty());
    CHECK(s->path() == out);
    auto again = AuditSession::open(out);
    CHECK(again->audit().sameContent(s->audit()));
    CHECK(again->audit().answers.find("tthc_so_thu_tuc")->value == "304");
    CHECK(again->reference()->catalog.find("MAU.XD.01") != nullptr);  // the sample's own catalog

    auto fresh = AuditSession::create({"cchc-xa", "UBND xã Quỳnh Hưng", "xa", "commune", "Nghệ An", "", "", ""});
    CHECK_THROWS_AS(fresh->save(), UsageError);
    fresh->save(dir.file("qh.audit.xml"));
    auto reopened = AuditSession::open(dir.file("qh.audit.xml"));
    CHECK(reopened->audit().form.href.front() != '/');
    CHECK(reopened->audit().sameContent(fresh->audit()));
}

// SPDX-License-Identifier: Apache-2.0
// test_findings_review.cpp - the findings review page's edits: re-evaluation, manual findings, edits
// that mark rule findings as edited, stale flags, deadlines as people type them.
#include <catch2/catch.hpp>

#include "TestSupport.hpp"
#include "core/common/Text.hpp"
#include "core/wizard/AnswerEditor.hpp"
#include "core/wizard/FindingsReview.hpp"

using namespace par;
using namespace par::wizard;

namespace {
std::unique_ptr<AuditSession> openSample() {
    return AuditSession::open(test::sourcePath("samples/quynh-luu-2018/quynh-luu-2018.audit.xml"));
}
}  // namespace

TEST_CASE("refresh derives the sample's rule findings", "[wizard][findings]") {
    auto s = openSample();
    FindingsReview r(*s);
    REQUIRE(r.findings().empty());
    MergeReport m = r.refresh();
    CHECK_FALSE(m.added.empty());
    CHECK(r.findings().size() == m.added.size());
    CHECK(s->dirty());
    CHECK(r.staleCount() == 0);
    CHECK(r.errorCount() == 0);
    MergeReport again = r.refresh();
    CHECK_FALSE(again.changed());
}

TEST_CASE("editing a rule finding's text marks it edited and survives re-evaluation", "[wizard][findings]") {
    auto s = openSample();
    FindingsReview r(*s);
    r.refresh();
    std::string id = r.findings().front().id;
    REQUIRE(r.findings().front().origin == FindingOrigin::Rule);
    FindingEdit e = r.editOf(id);
    e.text = "Nội dung do đoàn viết lại.";
    e.severity = Severity::Low;
    e.deadline = "45 ngày làm việc";
    e.legalBasis.push_back("  ");
    r.edit(id, e);
    const Finding& f = r.at(id);
    CHECK(f.edited);
    CHECK(f.severity == Severity::Low);
    CHECK(f.recommendation.deadline.kind == DeadlineRule::Kind::WorkingDays);
    CHECK(f.recommendation.deadline.count == 45);
    CHECK(f.legalBasis.size() == e.legalBasis.size() - 1);
    r.refresh();
    CHECK(r.at(id).text == "Nội dung do đoàn viết lại.");

    e.text = "";
    CHECK_THROWS_AS(r.edit(id, e), UsageError);
    e.text = "x";
    e.deadline = "sớm";
    CHECK_THROWS_AS(r.edit(id, e), UsageError);
    CHECK(r.at(id).text == "Nội dung do đoàn viết lại.");  // nothing changed
    CHECK_THROWS_AS(r.remove(id), UsageError);
}

TEST_CASE("manual findings are added and removed", "[wizard][findings]") {
    auto s = openSample();
    FindingsReview r(*s);
    r.refresh();
    size_t n = r.findings().size();
    std::string id = r.addManual();
    CHECK(r.findings().size() == n + 1);
    CHECK(r.at(id).origin == FindingOrigin::Manual);
    CHECK(r.errorCount() == 1);  // empty text until the inspector writes it
    FindingEdit e = r.editOf(id);
    e.text = "Chưa có sáng kiến mới trong công tác CCHC.";
    r.edit(id, e);
    CHECK(r.errorCount() == 0);
    CHECK_FALSE(r.at(id).edited);
    r.refresh();
    CHECK(r.findings().size() == n + 1);  // re-evaluation keeps manual findings
    r.remove(id);
    CHECK(r.findings().size() == n);
}

TEST_CASE("a rule finding whose condition no longer holds is flagged stale", "[wizard][findings]") {
    auto s = openSample();
    FindingsReview r(*s);
    r.refresh();
    size_t before = r.staleCount();
    AnswerEditor ed(*s);
    // The sample answers ld_xep_loai = no, which the form turns into a finding.
    REQUIRE(ed.enter(FieldPath::scalar("ld_xep_loai"), "có"));
    MergeReport m = r.refresh();
    CHECK_FALSE(m.staled.empty());
    CHECK(r.staleCount() == before + m.staled.size());
}

TEST_CASE("deadlines as people type them", "[wizard][findings]") {
    using K = DeadlineRule::Kind;
    CHECK(FindingsReview::parseDeadline("").kind == K::None);
    CHECK(FindingsReview::parseDeadline("30 working-days").kind == K::WorkingDays);
    CHECK(FindingsReview::parseDeadline("30 ngày làm việc").count == 30);
    CHECK(FindingsReview::parseDeadline("15 NGÀY").kind == K::CalendarDays);
    CHECK(FindingsReview::parseDeadline("31/03/2019").kind == K::FixedDate);
    CHECK_THROWS_AS(FindingsReview::parseDeadline("tuần sau"), UsageError);
    setLanguage(Language::Vietnamese);
    DeadlineRule r = FindingsReview::parseDeadline("30 ngày làm việc");
    CHECK(FindingsReview::deadlineText(r) == "30 ngày làm việc");
    CHECK(FindingsReview::parseDeadline(FindingsReview::deadlineText(FindingsReview::parseDeadline("2019-03-31"))).date ==
          Date(2019, 3, 31));
}

TEST_CASE("a dismissed rule finding keeps its reason through re-evaluation, save and reopen", "[wizard][findings]") {
    test::ScratchDir dir;
    auto s = openSample();
    FindingsReview r(*s);
    r.refresh();
    std::string id = r.findings().front().id;
    std::string manual = r.addManual();
    CHECK(r.canDismiss(id));
    CHECK_FALSE(r.canDismiss(manual));
    CHECK_THROWS_AS(r.dismiss(manual, "lý do"), UsageError);
    CHECK_THROWS_AS(r.dismiss(id, "   "), UsageError);
    CHECK_FALSE(r.at(id).dismissed);

    unsigned long before = s->changeCount();
    r.dismiss(id, "  Đơn vị đã khắc phục ngay trong buổi kiểm tra.  ");
    CHECK(s->changeCount() > before);
    CHECK(r.at(id).dismissed);
    CHECK(r.at(id).dismissReason == "Đơn vị đã khắc phục ngay trong buổi kiểm tra.");
    CHECK(r.dismissedCount() == 1);
    CHECK_FALSE(r.refresh().changed());
    CHECK(r.at(id).dismissed);
    r.remove(manual);

    std::string path = dir.file("d.audit.xml");
    s->save(path);
    auto reopened = AuditSession::open(path);
    FindingsReview r2(*reopened);
    REQUIRE(r2.at(id).dismissed);
    CHECK(r2.at(id).dismissReason == "Đơn vị đã khắc phục ngay trong buổi kiểm tra.");
    CHECK_FALSE(r2.refresh().changed());

    r2.restore(id);
    CHECK_FALSE(r2.at(id).dismissed);
    CHECK(r2.at(id).dismissReason.empty());
    CHECK(reopened->dirty());
    CHECK(r2.dismissedCount() == 0);
}

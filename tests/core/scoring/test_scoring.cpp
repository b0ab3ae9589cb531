// SPDX-License-Identifier: Apache-2.0
// Scoring arithmetic, "not applicable" and relevance, penalties, band scales and their errors,
// ranking order, ties and year-over-year change, and the ranking's CSV / JSON / text / XLSX forms.
#include <catch2/catch.hpp>

#include "../model/ModelFixtures.hpp"
#include "TestSupport.hpp"
#include "core/common/Text.hpp"
#include "core/scoring/BandScale.hpp"
#include "core/scoring/Ranking.hpp"
#include "core/scoring/RankingFormats.hpp"
#include "core/scoring/Scorer.hpp"

using namespace par;
using namespace par::scoring;
using Catch::Detail::Approx;

namespace {

// Three sections (weights 60, 40, 25) in three areas. Line layout does not matter here.
const char* kScoringForm = R"XML(<?xml version="1.0" encoding="UTF-8"?>
<form format-version="1" id="sc" version="1" unit-types="xa">
  <title>Chấm điểm</title>
  <areas><area id="leadership">Chỉ đạo</area><area id="procedures">TTHC</area><area id="impact">Tác động</area></areas>
  <categories><category id="c">C</category></categories>
  <section id="s1" area="leadership" weight="60">
    <label>I</label>
    <question id="yn" type="yes-no" points="2" score-yes="2" score-no="0"><label>YN</label></question>
    <question id="ypn" type="yes-partly-no" points="2"><label>YPN</label></question>
    <question id="na_q" type="yes-no" na-allowed="true" points="4"><label>NA</label></question>
    <question id="rel" type="yes-no" points="2" relevant="yn = true"><label>Rel</label></question>
    <question id="one" type="single" points="3"><label>Single</label>
      <choice value="a" score="3">A</choice><choice value="b" score="1">B</choice><choice value="c">C</choice></question>
    <question id="many" type="multiple" points="2"><label>Many</label>
      <choice value="x" score="1.5">X</choice><choice value="y" score="1">Y</choice><choice value="z" score="0.5">Z</choice></question>
    <question id="count" type="integer" points="5"><label>Count</label></question>
  </section>
  <section id="s2" area="procedures" weight="40">
    <label>II</label>
    <question id="p1" type="yes-no" points="4" score-yes="0" score-no="4"><label>Reversed</label></question>
    <question id="t" type="table"><label>T</label>
      <column id="nam" type="integer"><label>Năm</label></column><column id="qua_han" type="integer"><label>Q</label></column></question>
    <repeat id="xa"><label>Xã</label>
      <question id="xa_ten" type="text"><label>Tên</label></question>
      <question id="xa_mc" type="yes-no" points="1"><label>MC</label></question>
      <question id="xa_tt" type="yes-no" points="1" relevant="xa_mc = true"><label>TT</label></question>
    </repeat>
  </section>
  <section id="s3" area="impact" weight="25">
    <label>III</label>
    <question id="hl" type="yes-no" na-allowed="true" points="1"><label>HL</label></question>
  </section>
  <rules>
    <rule id="R-YN" category="c" area="leadership" when="yn = false" penalty="3"><text>Không có.</text></rule>
    <rule id="R-Q" category="c" area="procedures" for-each="t" key="nam" when="qua_han &gt; 0" penalty="2"><text>Năm {nam} quá hạn.</text></rule>
    <rule id="R-FREE" category="c" area="impact" when="yn = false"><text>Không trừ điểm.</text></rule>
  </rules>
</form>
)XML";

struct Fixture {
    std::shared_ptr<ReferenceData> ref = test::smallReference();
    FormLoad load = test::parseForm(kScoringForm, ref);
    expr::FunctionTable fns = formFunctions(ref, std::nullopt);
    Audit audit;

    Fixture() {
        INFO((load.problems.problems().empty() ? "" : load.problems.problems().front().str()));
        REQUIRE(load.problems.ok());
        audit.unit.name = "UBND xã Ngọc Sơn";
        audit.visitStart = Date(2025, 11, 28);
    }
    const Form& form() const { return *load.form; }
    const Question& q(const std::string& id) const { return *form().findQuestion(id); }
    void set(const std::string& id, const std::string& value) {
        Answer& a = audit.answers.answers[id];
        a.question = id;
        a.value = value;
    }
    void na(const std::string& id) {
        Answer& a = audit.answers.answers[id];
        a.question = id;
        a.na = true;
    }
    void row(const std::string& id, std::map<std::string, std::string> cells) {
        Answer& a = audit.answers.answers[id];
        a.question = id;
        a.rows.push_back(std::move(cells));
    }
    void instance(std::map<std::string, std::string> values) {
        Answer& a = audit.answers.answers["xa"];
        a.question = "xa";
        AnswerSet set;
        for (auto& [k, v] : values)
            set.answers[k] = Answer{k, false, v, {}, {}, 0};
        a.instances.push_back(std::move(set));
    }
    // The reference answers of the arithmetic test.
    void baseline() {
        set("yn", "yes");
        set("ypn", "partly");
        na("na_q");
        set("one", "b");
        set("many", "x;y");
        set("count", "5");
        set("p1", "no");
        instance({{"xa_ten", "Xã A"}, {"xa_mc", "yes"}, {"xa_tt", "no"}});
        instance({{"xa_ten", "Xã B"}, {"xa_mc", "no"}});
        na("hl");
    }
    AuditScore score() const { return Scorer(form(), ref, fns).score(audit); }
};

const QuestionScore* item(const AuditScore& s, const std::string& id, int instance = 0) {
    for (const auto& q : s.questions)
        if (q.question == id && q.instance == instance)
            return &q;
    return nullptr;
}

}  // namespace

TEST_CASE("points of one answer for each scored type", "[scoring]") {
    Fixture fx;
    CHECK(Scorer::answerPoints(fx.q("yn"), "yes") == Approx(2));
    CHECK(Scorer::answerPoints(fx.q("yn"), "no") == Approx(0));
    CHECK_FALSE(Scorer::answerPoints(fx.q("yn"), "partly"));          // yes-no has no partly
    CHECK(Scorer::answerPoints(fx.q("ypn"), "partly") == Approx(1));  // default: half the points
    CHECK(Scorer::answerPoints(fx.q("ypn"), "yes") == Approx(2));
    CHECK(Scorer::answerPoints(fx.q("p1"), "yes") == Approx(0));  // reversed question
    CHECK(Scorer::answerPoints(fx.q("p1"), "no") == Approx(4));
    CHECK(Scorer::answerPoints(fx.q("one"), "b") == Approx(1));
    CHECK(Scorer::answerPoints(fx.q("one"), "c") == Approx(0));  // choice without a score
    CHECK_FALSE(Scorer::answerPoints(fx.q("one"), "d"));
    CHECK(Scorer::answerPoints(fx.q("many"), "x") == Approx(1.5));
    CHECK(Scorer::answerPoints(fx.q("many"), "x;y;z") == Approx(2));  // sum capped at points
    CHECK_FALSE(Scorer::answerPoints(fx.q("yn"), "maybe"));
    CHECK(Scorer::questionMax(fx.q("many")) == Approx(2));
    CHECK_FALSE(Scorer::questionMax(fx.q("count")));  // counts give no points
    CHECK_FALSE(Scorer::questionMax(fx.q("t")));
    auto warnings = Scorer::checkForm(fx.form());
    REQUIRE(warnings.problems().size() == 1);
    CHECK_THAT(warnings.problems()[0].message, Catch::Contains("'count'"));
}

TEST_CASE("section ratios, normalised weights and the total", "[scoring]") {
    Fixture fx;
    fx.baseline();
    AuditScore s = fx.score();
    // s1: yn 2/2, ypn 1/2, na_q removed, rel not assessed (removed), one 1/3, many 2/2 → 6/9;
    // plus the criterion of R-YN (3 points, not fired, yn answered) → 9/12.
    const SectionScore* s1 = s.findSection("s1");
    REQUIRE(s1 != nullptr);
    CHECK(s1->points == Approx(9));
    CHECK(s1->max == Approx(12));
    // s2: p1 4/4, Xã A 1/1 + 0/1, Xã B 0/1 (xa_tt not relevant) → 5/7; R-Q is not assessed
    // (its table has no row), so it adds nothing.
    const SectionScore* s2 = s.findSection("s2");
    CHECK(s2->points == Approx(5));
    CHECK(s2->max == Approx(7));
    // s3: its only question is N/A → left out; weights 60 and 40 normalised to 0.6 and 0.4.
    CHECK(s.findSection("s3")->max == 0);
    CHECK(s1->share == Approx(0.6));
    CHECK(s2->share == Approx(0.4));
    CHECK(s.total == Approx(100 * (0.6 * 9 / 12 + 0.4 * 5 / 7)));
    CHECK(formatScore(s.total) == "73,57");
    CHECK(s.findArea("leadership")->max == Approx(60));
    CHECK(s.findArea("procedures")->points == Approx(40 * 5.0 / 7));
    CHECK(s.findArea("impact")->max == 0);
    CHECK(s.findArea("leadership")->points + s.findArea("procedures")->points == Approx(s.total));

    CHECK(item(s, "rel")->state == ItemState::NotAssessed);
    CHECK(item(s, "rel")->max == 0);
    CHECK(item(s, "rel")->possible == 2);
    CHECK(item(s, "na_q")->state == ItemState::NotApplicable);
    CHECK(item(s, "na_q")->max == 0);
    CHECK(item(s, "xa_tt", 2)->state == ItemState::NotRelevant);
    CHECK(item(s, "xa_tt", 1)->max == 1);
    CHECK(item(s, "count") == nullptr);
    // Coverage: s1 yn, ypn, one, many, R-YN of 6 (rel not assessed); s2 p1, xa_mc ×2, xa_tt of
    // Xã A of 5 (R-Q not assessed); na_q, hl and the irrelevant xa_tt are not counted.
    CHECK(s1->assessed == 5);
    CHECK(s1->assessable == 6);
    CHECK(s2->assessed == 4);
    CHECK(s2->assessable == 5);
    CHECK(s.assessed == 9);
    CHECK(s.assessable == 11);
    CHECK(s.coverage() == Approx(100.0 * 9 / 11));
    CHECK(coverageText(s) == "đã chấm 9/11 tiêu chí");
    CHECK_FALSE(s.provisional(80));
    CHECK(s.provisional(90));
    // What lost points: the most costly first (one: 2/12 of 60 = 10 points of the total).
    auto lost = lostPoints(s);
    REQUIRE(!lost.empty());
    CHECK(lost.front()->question == "one");
    CHECK(lost.front()->impact == Approx(60.0 * 2 / 12));
    CHECK(s.penalties.empty());
    CHECK(s.problems.ok());
}

TEST_CASE("not applicable, irrelevant and unanswered questions all leave the maximum",
          "[scoring]") {
    Fixture fx;
    fx.baseline();
    double withNa = fx.score().findSection("s1")->max;
    fx.set("na_q", "no");
    fx.audit.answers.answers["na_q"].na = false;
    CHECK(fx.score().findSection("s1")->max == Approx(withNa + 4));
    CHECK(fx.score().assessed == 10);
    // Unanswered: not a silent zero; left out of the maximum and counted against the coverage.
    fx.audit.answers.answers.erase("na_q");
    AuditScore unanswered = fx.score();
    CHECK(unanswered.findSection("s1")->max == Approx(withNa));
    CHECK(unanswered.findSection("s1")->points == Approx(9));
    CHECK(item(unanswered, "na_q")->state == ItemState::NotAssessed);
    CHECK(unanswered.assessed == 9);
    CHECK(unanswered.assessable == 12);
    fx.set("yn", "no");  // `rel` becomes irrelevant
    CHECK(item(fx.score(), "rel")->state == ItemState::NotRelevant);
    // N/A where the form does not allow it counts as not assessed, with a warning.
    fx.na("yn");
    AuditScore s = fx.score();
    CHECK(item(s, "yn")->state == ItemState::NotAssessed);
    CHECK(item(s, "yn")->max == 0);
    REQUIRE(!s.problems.problems().empty());
    CHECK_THAT(s.problems.problems()[0].message,
               Catch::Contains("'yn'") && Catch::Contains("chưa chấm"));
    // An answer that is not valid for the question: not assessed, with a warning.
    fx.set("one", "d");
    AuditScore invalid = fx.score();
    CHECK(item(invalid, "one")->state == ItemState::NotAssessed);
    bool warned = false;
    for (const auto& p : invalid.problems.problems())
        warned = warned || p.message.find("'d'") != std::string::npos;
    CHECK(warned);
    // A section whose questions are all N/A is left out and the other weights fill in.
    fx.set("hl", "yes");
    fx.audit.answers.answers["hl"].na = false;
    AuditScore withS3 = fx.score();
    CHECK(withS3.findSection("s3")->share == Approx(25.0 / 125));
    CHECK(withS3.findSection("s1")->share == Approx(60.0 / 125));
}

TEST_CASE("an empty audit is not assessed: no score, coverage 0, a form with nothing scored",
          "[scoring]") {
    Fixture fx;
    AuditScore s = fx.score();
    CHECK_FALSE(s.scorable);  // it used to score 0 of a full maximum: a silent zero
    CHECK(s.total == 0);
    CHECK(s.findSection("s1")->max == 0);
    // s1: yn, ypn, na_q, one, many, R-YN (rel is irrelevant: yn is null); s2: p1, R-Q; s3: hl.
    CHECK(s.assessable == 9);
    CHECK(s.assessed == 0);
    CHECK(s.coverage() == 0);
    CHECK(s.provisional(kDefaultMinCoverage));
    auto load = test::parseForm(
        "<form format-version='1' id='n' version='1'><title>T</title><areas><area "
        "id='a'>A</area></areas>"
        "<section id='s' area='a' weight='10'><label>S</label><question id='c' "
        "type='integer'><label>C</label>"
        "</question></section></form>");
    REQUIRE(load.problems.ok());
    auto fns = formFunctions(fx.ref, std::nullopt);
    AuditScore none = Scorer(*load.form, fx.ref, fns).score(fx.audit);
    CHECK_FALSE(none.scorable);
    CHECK(none.total == 0);
    CHECK(none.coverage() == 100);  // nothing to assess
}

TEST_CASE("a rule with a penalty is one criterion: lost once, never twice with its question",
          "[scoring]") {
    Fixture fx;
    fx.baseline();
    fx.set("yn", "no");  // R-YN (3 points, leadership) fires; `rel` becomes irrelevant
    fx.row("t", {{"nam", "2024"}, {"qua_han", "3"}});
    fx.row("t", {{"nam", "2025"}, {"qua_han", "1"}});  // R-Q on two rows (2 points, procedures)
    AuditScore s = fx.score();
    // s1: yn 0/2, ypn 1/2, one 1/3, many 2/2 = 4/9, plus R-YN's criterion 3/3 = 7/12. R-YN fired:
    // its 3 points are lost, except the 2 that `yn` (the question it reads) already lost.
    const SectionScore* s1 = s.findSection("s1");
    CHECK(s1->points == Approx(7));
    CHECK(s1->max == Approx(12));
    CHECK(s1->penalties == Approx(1));
    // s2: 5/7 plus R-Q's criterion 2/2 = 7/9; R-Q fired on two rows and loses its 2 points once.
    CHECK(s.findSection("s2")->points == Approx(7));
    CHECK(s.findSection("s2")->max == Approx(9));
    CHECK(s.findSection("s2")->penalties == Approx(2));
    CHECK(s.total == Approx(100 * (0.6 * 6 / 12 + 0.4 * 5 / 9)));
    REQUIRE(s.penalties.size() == 3);  // R-FREE has no penalty
    CHECK(s.penalties[0].rule == "R-YN");
    CHECK(s.penalties[0].section == "s1");
    CHECK(s.penalties[0].offset == Approx(2));
    CHECK(s.penalties[0].offsetBy == std::vector<std::string>{"yn"});
    CHECK(s.penalties[0].applied == Approx(1));
    CHECK(s.penalties[1].key == "2024");
    CHECK(s.penalties[1].section == "s2");
    CHECK(s.penalties[1].applied == Approx(2));
    CHECK(s.penalties[1].impact == Approx(40.0 * 2 / 9));
    CHECK(s.penalties[2].key == "2025");
    CHECK(s.penalties[2].counted);
    CHECK(s.penalties[2].applied == 0);
    CHECK(s.unsavedFindings == 4);  // the audit holds no findings yet

    // More rows never take more than the rule's criterion, and a section never goes below 0.
    fx.row("t", {{"nam", "2023"}, {"qua_han", "9"}});
    AuditScore more = fx.score();
    CHECK(more.findSection("s2")->penalties == Approx(2));
    CHECK(more.findSection("s2")->ratio() == Approx(5.0 / 9));
    CHECK(more.penalties.back().penalty == 2);
    CHECK(more.penalties.back().applied == 0);

    // The table has rows but none fires: R-Q's criterion is earned.
    fx.audit.answers.answers.erase("t");
    fx.row("t", {{"nam", "2025"}, {"qua_han", "0"}});
    AuditScore clean = fx.score();
    CHECK(clean.findSection("s2")->points == Approx(7));
    CHECK(clean.findSection("s2")->penalties == 0);

    // A stale stored finding deducts nothing: the condition no longer holds.
    fx.set("yn", "yes");
    Finding stale;
    stale.id = "F-009";
    stale.origin = FindingOrigin::Rule;
    stale.rule = "R-YN";
    stale.text = "cũ";
    fx.audit.findings.push_back(stale);
    AuditScore after = fx.score();
    CHECK(after.findSection("s1")->penalties == 0);
}

// ---- bands -------------------------------------------------------------------------------------

namespace {
BandScale defaultBands() {
    return BandScale::load(test::sourcePath("bands/vi-du-mac-dinh.xml"));
}

std::string bandsError(const std::string& body) {
    try {
        BandScale::parse("<bands format-version='1' id='x'>\n" + body + "</bands>", "b.xml");
    } catch (const ParseError& e) {
        return e.what();
    }
    return "";
}
}  // namespace

TEST_CASE("the provisional threshold is data: min-coverage in the band scale", "[scoring][bands]") {
    CHECK(defaultBands().minCoverage == Approx(70));
    BandScale fifty = BandScale::parse(
        "<bands format-version='1' id='x' min-coverage='50'>\n"
        "<band label='A' from='50'/><band label='B' from='0' below='50'/></bands>",
        "b.xml");
    CHECK(fifty.minCoverage == Approx(50));
    CHECK(bandLabel(fifty.classify(60), true) == "A (tạm tính)");
    CHECK(bandLabel(fifty.classify(60), false) == "A");
    CHECK(bandLabel(nullptr, true) == "—");
    std::string bad;
    try {
        BandScale::parse(
            "<bands format-version='1' id='x' min-coverage='120'>\n"
            "<band label='A' from='0'/></bands>",
            "b.xml");
    } catch (const ParseError& e) {
        bad = e.what();
    }
    CHECK_THAT(bad, Catch::Contains("b.xml:1") && Catch::Contains("min-coverage") &&
                        Catch::Contains("120"));
}

TEST_CASE("area percentages compare what was assessed, whatever else a unit left open",
          "[scoring][ranking]") {
    Fixture full;
    full.baseline();
    Fixture partial;
    partial.baseline();
    partial.audit.answers.answers.erase("p1");  // procedures: fewer criteria assessed
    partial.audit.answers.answers.erase("xa");
    AuditScore a = full.score(), b = partial.score();
    // Leadership was assessed alike in both: same percentage, although its part of the total
    // (points) differs because procedures weigh differently in each.
    CHECK(a.findArea("leadership")->percent() == Approx(b.findArea("leadership")->percent()));
    CHECK(a.findArea("leadership")->percent() == Approx(75));
    CHECK(b.findArea("procedures")->max == 0);
    CHECK(b.findArea("leadership")->points != Approx(a.findArea("leadership")->points));
}

TEST_CASE("band edges: a total exactly at a threshold takes the higher band", "[scoring][bands]") {
    BandScale b = defaultBands();
    CHECK(b.example);
    REQUIRE(b.bands.size() == 5);
    CHECK(b.bands.front().label == "Xuất sắc");
    CHECK(b.classify(100)->label == "Xuất sắc");
    CHECK(b.classify(90)->label == "Xuất sắc");
    CHECK(b.classify(89.99)->label == "Tốt");
    CHECK(b.classify(89.995)->label == "Xuất sắc");  // shown as 90,00: classified as shown
    CHECK(b.classify(89.994)->label == "Tốt");
    CHECK(b.classify(80)->label == "Tốt");
    CHECK(b.classify(79.999)->label == "Tốt");
    CHECK(b.classify(70)->label == "Khá");
    CHECK(b.classify(69.99)->label == "Trung bình");
    CHECK(b.classify(50)->label == "Trung bình");
    CHECK(b.classify(49.99)->label == "Yếu");
    CHECK(b.classify(0)->label == "Yếu");
    CHECK(b.classify(100.5) == nullptr);
    BandScale abc = BandScale::load(test::sourcePath("bands/vi-du-abc-2015.xml"));
    CHECK(abc.classify(70)->label == "C");
    CHECK(abc.classify(69.99)->label == "D");
}

TEST_CASE("band scales: every mistake reported with file:line", "[scoring][bands]") {
    std::string gap =
        bandsError("<band label='A' from='80'/>\n<band label='B' from='0' below='70'/>\n");
    CHECK_THAT(gap, Catch::Contains("b.xml:3") && Catch::Contains("khoảng trống") &&
                        Catch::Contains("70,00"));
    std::string overlap =
        bandsError("<band label='A' from='80'/>\n<band label='B' from='0' below='85'/>\n");
    CHECK_THAT(overlap, Catch::Contains("b.xml:3") && Catch::Contains("chồng"));
    std::string bottom =
        bandsError("<band label='A' from='80'/>\n<band label='B' from='10' below='80'/>\n");
    CHECK_THAT(bottom, Catch::Contains("b.xml:3") && Catch::Contains("từ 0"));
    std::string top = bandsError(
        "<band label='A' from='80' below='100'/>\n<band label='B' from='0' below='80'/>\n");
    CHECK_THAT(top, Catch::Contains("b.xml:2") && Catch::Contains("cao nhất"));
    std::string several = bandsError(
        "<band from='80'/>\n<band label='B' from='abc' below='80'/>\n<band label='C' "
        "from='120'/>\n");
    CHECK_THAT(several, Catch::Contains("b.xml:2") && Catch::Contains("b.xml:3") &&
                            Catch::Contains("b.xml:4"));
    CHECK_THAT(bandsError("<band label='A' from='50' below='40'/>\n"), Catch::Contains("below"));
    CHECK_THAT(bandsError(""), Catch::Contains("không có mức"));
    try {
        BandScale::parse("<bands format-version='2'/>", "v.xml");
        FAIL("newer format accepted");
    } catch (const ParseError& e) {
        CHECK_THAT(std::string(e.what()), Catch::Contains("v.xml"));
    }
}

// ---- ranking -----------------------------------------------------------------------------------

namespace {
ScoredAudit scored(const std::string& name, int year, double total, const std::string& type = "xa",
                   int month = 6, int assessed = 50) {
    ScoredAudit s;
    s.file =
        "/ws/" + name + "-" + std::to_string(year) + "-" + std::to_string(month) + ".audit.xml";
    s.unit.name = name;
    s.unit.type = type;
    s.date = Date(year, month, 1);
    s.year = year;
    s.score.total = total;
    s.score.scorable = true;
    s.score.assessed = assessed;
    s.score.assessable = 50;
    s.score.areas.push_back({"leadership", "Chỉ đạo", 60, total * 0.6});
    s.score.areas.push_back({"procedures", "Cải cách TTHC, một cửa", 40, total * 0.4});
    return s;
}

const RankEntry* entry(const Ranking& r, const std::string& name) {
    for (const auto& e : r.entries)
        if (e.unitName == name)
            return &e;
    return nullptr;
}
}  // namespace

TEST_CASE("ranking order, shared ranks and the tie explanation", "[scoring][ranking]") {
    std::vector<ScoredAudit> audits{
        scored("Xã Đông Sơn", 2025, 85.5), scored("Xã An Hòa", 2025, 90),
        scored("Xã Duy Tân", 2025, 85.504), scored("Xã Bình Minh", 2025, 80),
        scored("Xã Cẩm Lệ", 2025, 85.49)};
    Ranking r = rankAudits(audits, 2025, "", defaultBands());
    REQUIRE(r.entries.size() == 5);
    std::vector<std::string> order;
    std::vector<int> ranks;
    for (const auto& e : r.entries) {
        order.push_back(e.unitName);
        ranks.push_back(e.rank);
    }
    // 85.504 and 85.5 are both 85,50: tied at 2, listed D before Đ (Vietnamese order); 85.49 is
    // 4th.
    CHECK(order == std::vector<std::string>{"Xã An Hòa", "Xã Duy Tân", "Xã Đông Sơn", "Xã Cẩm Lệ",
                                            "Xã Bình Minh"});
    CHECK(ranks == std::vector<int>{1, 2, 2, 4, 5});
    CHECK(r.entries[1].tied);
    CHECK(r.entries[2].tied);
    CHECK_FALSE(r.entries[3].tied);
    REQUIRE(r.ties.size() == 1);
    CHECK(r.ties[0].units == std::vector<std::string>{"Xã Duy Tân", "Xã Đông Sơn"});
    auto why = r.tieExplanations();
    REQUIRE(why.size() == 2);
    CHECK_THAT(why[0], Catch::Contains("Đồng hạng 2") && Catch::Contains("85,50") &&
                           Catch::Contains("hạng tiếp theo là 4"));
    CHECK_THAT(why[1], Catch::Contains("không ảnh hưởng đến thứ hạng"));
    CHECK(r.entries[0].band == "Xuất sắc");
    CHECK(r.entries[4].band == "Tốt");
}

TEST_CASE("change since the same unit's audit of the year before", "[scoring][ranking]") {
    std::vector<ScoredAudit> audits{
        scored("UBND xã Ngọc Sơn", 2025, 87.5), scored("ubnd XÃ ngọc  sơn", 2024, 85.25),
        scored("UBND xã Quỳnh Châu", 2025, 70), scored("UBND xã Quỳnh Châu", 2024, 75, "phuong"),
        scored("UBND xã Quỳnh Châu", 2023, 60), scored("UBND xã Ngọc Sơn", 2026, 99)};
    Ranking r = rankAudits(audits, 2025, "", defaultBands());
    REQUIRE(r.entries.size() == 2);
    const RankEntry* ns = entry(r, "UBND xã Ngọc Sơn");
    REQUIRE(ns->previousTotal);
    CHECK(*ns->previousTotal == Approx(85.25));
    CHECK(*ns->change() == Approx(2.25));
    CHECK(formatChange(*ns->change()) == "+2,25");
    // Same name but another type in 2024, and 2023 is not the year before: no change.
    CHECK_FALSE(entry(r, "UBND xã Quỳnh Châu")->previousTotal);
    CHECK_FALSE(entry(r, "UBND xã Quỳnh Châu")->change());
    Ranking next = rankAudits(audits, 2026, "", defaultBands());
    CHECK(formatChange(*entry(next, "UBND xã Ngọc Sơn")->change()) == "+11,50");
    CHECK(formatChange(-1.5) == "−1,50");
}

TEST_CASE("type filter, duplicates in a year, unscorable audits", "[scoring][ranking]") {
    std::vector<ScoredAudit> audits{
        scored("Xã A", 2025, 70, "xa", 3), scored("Xã A", 2025, 80, "xa", 10),
        scored("Phường B", 2025, 90, "phuong"), scored("Sở C", 2025, 60, "so")};
    audits.push_back(scored("Xã D", 2025, 0));
    audits.back().score.scorable = false;
    Ranking xa = rankAudits(audits, 2025, "xa", defaultBands());
    REQUIRE(xa.entries.size() == 1);
    CHECK(xa.entries[0].total == 80);  // the later audit of the year counts
    REQUIRE(xa.notes.size() == 2);
    CHECK_THAT(xa.notes[0] + xa.notes[1],
               Catch::Contains("hai cuộc kiểm tra") && Catch::Contains("Xã D"));
    Ranking all = rankAudits(audits, 2025, "", defaultBands());
    CHECK(all.entries.size() == 3);
    CHECK(all.entries[0].unitName == "Phường B");
    CHECK(rankAudits(audits, 2030, "", defaultBands()).entries.empty());
}

TEST_CASE("same unit and year of an audit", "[scoring][ranking]") {
    // par::unitKey: case, spacing and tone placement are one unit; diacritics are not.
    InspectedUnit a{"UBND xã  Ngọc Sơn", "xa", "", ""}, b{"ubnd XÃ\tngọc sơn", "XA", "", ""},
        c{"UBND xã Ngọc Sơn", "phuong", "", ""}, d{"ubnd xa ngoc son", "xa", "", ""},
        e{"Xã An Hoà", "xa", "", ""}, f{"Xã An Hòa", "xa", "", ""},
        g{"UBND xã Tân Thành", "xa", "", ""}, h{"UBND xã Tân Thạnh", "xa", "", ""};
    CHECK(unitKey(a) == unitKey(b));
    CHECK(unitKey(a) != unitKey(c));
    CHECK(unitKey(a) != unitKey(d));
    CHECK(unitKey(e) == unitKey(f));
    CHECK(unitKey(g) != unitKey(h));
    Audit audit;
    audit.notice.date = Date(2019, 1, 5);
    CHECK(auditDate(audit)->year() == 2019);
    audit.visitStart = Date(2018, 12, 28);
    CHECK(auditDate(audit)->year() == 2018);
}

TEST_CASE("ranking as CSV, JSON, text and XLSX", "[scoring][ranking]") {
    std::vector<ScoredAudit> audits{
        scored("Xã \"Mới\", Bắc", 2025, 85.5), scored("Xã An Hòa", 2025, 85.5),
        scored("Xã Cũ", 2025, 60, "xa", 6, 20), scored("Xã Cũ", 2024, 62.75)};
    Ranking r = rankAudits(audits, 2025, "", defaultBands());
    std::string csv = rankingCsv(r);
    CHECK(csv.rfind("\xEF\xBB\xBFHạng,Đồng hạng,Đơn vị,", 0) == 0);
    // Area columns: percent of what was assessed, then points and maximum.
    CHECK_THAT(csv, Catch::Contains("\r\n1,có,Xã An Hòa,xa,85.50,Tốt,,,50,50,,85.50,51.30,60.00,"
                                    "85.50,34.20,40.00,/ws/"));
    CHECK_THAT(csv, Catch::Contains("1,có,\"Xã \"\"Mới\"\", Bắc\",xa,85.50"));
    // 20 of 50 criteria assessed: under the scale's 70 % the total is provisional.
    CHECK_THAT(csv, Catch::Contains("3,,Xã Cũ,xa,60.00,Trung bình,62.75,-2.75,20,50,có,"));
    CHECK(entry(r, "Xã Cũ")->provisional);
    CHECK_FALSE(entry(r, "Xã An Hòa")->provisional);

    auto j = rankingJson(r);
    CHECK(j["year"] == 2025);
    CHECK(j["bands"]["example"] == true);
    CHECK(j["entries"][0]["rank"] == 1);
    CHECK(j["entries"][1]["rank"] == 1);
    CHECK(j["entries"][1]["tied"] == true);
    CHECK(j["entries"][2]["change"].get<double>() == Approx(-2.75));
    CHECK(j["entries"][2]["previous"]["year"] == 2024);
    CHECK(j["entries"][0]["areas"]["leadership"]["max"].get<double>() == Approx(60));
    CHECK(j["entries"][0]["areas"]["leadership"]["percent"].get<double>() == Approx(85.5));
    CHECK(j["entries"][2]["provisional"] == true);
    CHECK(j["entries"][2]["coverage"]["assessed"] == 20);
    CHECK(j["bands"]["minCoverage"].get<double>() == Approx(70));
    CHECK(j["ties"][0]["units"].size() == 2);
    CHECK(j["explanations"].size() == 2);

    std::string table = rankingTable(r);
    CHECK_THAT(table, Catch::Contains("XẾP HẠNG CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2025"));
    CHECK_THAT(table, Catch::Contains("VÍ DỤ"));
    CHECK_THAT(table,
               Catch::Contains("1=") && Catch::Contains("−2,75") && Catch::Contains("I: Chỉ đạo"));
    CHECK_THAT(table, Catch::Contains("Trung bình (tạm tính)") && Catch::Contains("20/50") &&
                          Catch::Contains("I %") && Catch::Contains("tỷ lệ %"));
    // Aligned: the "Tổng điểm" column ends at the same place on every row.
    std::vector<std::string> lines;
    std::istringstream in(table);
    for (std::string l; std::getline(in, l);)
        if (l.find("85,50") != std::string::npos && l.find("1=") != std::string::npos &&
            l.find(" xa ") != std::string::npos)
            lines.push_back(l);
    REQUIRE(lines.size() == 2);
    CHECK(displayWidth(lines[0].substr(0, lines[0].find("85,50"))) ==
          displayWidth(lines[1].substr(0, lines[1].find("85,50"))));

    std::string xlsx = rankingXlsx(r);
    CHECK(xlsx.rfind("PK", 0) == 0);
    CHECK(xlsx.size() > 3000);
}

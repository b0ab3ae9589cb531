// SPDX-License-Identifier: Apache-2.0
// Scorer.hpp - scores one audit from its form (the rules are in docs/scoring.md): points per
// answer with partial credit; "not applicable", irrelevant and not yet assessed (unanswered)
// questions removed from the maximum, with the coverage (assessed / assessable criteria) reported
// so that a score on little evidence can be marked provisional; each section's points over its
// maximum, section weights normalised over the sections that have a maximum, penalties of the
// active rule findings deducted within their area, net of what the questions they read already
// lost; total out of 100 with the breakdown by reform area (the PAR Index fields).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/common/Error.hpp"
#include "core/expr/Functions.hpp"
#include "core/model/Audit.hpp"
#include "core/model/Form.hpp"
#include "core/model/Reference.hpp"

namespace par {
struct AuditBundle;
}

namespace par::scoring {

// What happened to one scored question.
enum class ItemState {
    Answered,       // points from the answer, counted in the maximum
    NotAssessed,    // no (valid) answer yet: removed from the maximum, counted against the coverage
    NotApplicable,  // "không áp dụng": removed from the maximum
    NotRelevant,    // its `relevant` condition is false: removed from the maximum
};
const char* itemStateName(ItemState s);  // "answered", "not-assessed", "na", "not-relevant"

struct QuestionScore {
    std::string question;  // question id
    std::string repeat;    // the repeat it belongs to, empty at the top level
    int instance = 0;      // 1-based sub-unit of the repeat, 0 at the top level
    std::string section;
    ItemState state = ItemState::Answered;
    std::string answer;  // as stored in the audit file
    double points = 0;
    double max = 0;       // 0 when removed from the maximum
    double possible = 0;  // the question's maximum, whatever its state
    double impact =
        0;  // points of the 100-point total lost here: (max - points) / section max × share

    double lost() const { return max - points; }
};

struct PenaltyScore {
    std::string finding;  // finding id (F-003)
    std::string rule;
    std::string key;  // row key of a for-each rule
    std::string area;
    std::string section;  // where it was deducted; empty when its area has no scored section
    std::string text;
    double penalty = 0;  // as the form's rule says
    // Points the questions the rule reads had already lost (each lost point offsets one penalty
    // point once): the same shortcoming is never deducted twice.
    double offset = 0;
    std::vector<std::string> offsetBy;  // those questions' ids
    double applied = 0;    // what was actually deducted: penalty - offset, on the rule's first row
    bool counted = false;  // another row of the same rule already took the rule's penalty
    double impact = 0;   // points of the 100-point total this cost
};

struct SectionScore {
    std::string id;
    std::string area;
    std::string label;
    double weight = 0;     // as the form says
    double share = 0;      // normalised weight (0-1); 0 when the section has no maximum
    // Rule criteria count as `penalty` points in both points and max; a rule that fired takes
    // them back through `penalties`, so points - penalties never goes below 0.
    double points = 0;     // from the answers and the rule criteria
    double penalties = 0;  // deducted (applied)
    double max = 0;        // 0: nothing to score here, the section is left out of the total
    int assessed = 0;      // scored questions answered
    int assessable = 0;    // answered + not assessed (not applicable and irrelevant ones excluded)

    // (points - penalties) / max; 0 when max is 0.
    double ratio() const;
    // The section's part of the 100-point total.
    double contribution() const { return 100.0 * share * ratio(); }
};

struct AreaScore {
    std::string id;
    std::string label;
    double max = 0;     // the area's part of the 100 points (sum of its sections' shares × 100)
    double points = 0;  // the area's part of the total

    // points / max × 100; 0 when max is 0.
    double percent() const;
};

struct AuditScore {
    std::vector<SectionScore> sections;  // form order
    std::vector<AreaScore> areas;        // form order (areas without any scored section too)
    std::vector<QuestionScore> questions;
    std::vector<PenaltyScore> penalties;
    double total = 0;            // 0-100
    bool scorable = false;       // at least one section has a maximum
    int assessed = 0;            // scored questions answered, all sections
    int assessable = 0;          // answered + not assessed
    size_t unsavedFindings = 0;  // rule findings added or staled by re-evaluation, not yet saved
    ValidationResult problems;   // answers that cannot be scored, rules that cannot be evaluated

    const SectionScore* findSection(const std::string& id) const;
    const AreaScore* findArea(const std::string& id) const;

    // assessed / assessable in percent (100 when nothing is assessable).
    double coverage() const;
    // Whether the coverage is below `minCoverage` (percent, BandScale::minCoverage): the total
    // and its band are then provisional ("tạm tính").
    bool provisional(double minCoverage) const { return coverage() + 1e-9 < minCoverage; }
};

// "đã chấm 41/58 tiêu chí" / "41/58 criteria assessed".
std::string coverageText(const AuditScore& score);

class Scorer {
public:
    // `functions` evaluate the relevance conditions (formFunctions of the audit's reference data).
    Scorer(const Form& form, std::shared_ptr<const ReferenceData> reference,
           const expr::FunctionTable& functions);

    AuditScore score(const Audit& audit) const;

    // The most points a question can give, or nullopt when the form does not score it (counts,
    // texts, dates, tables, questions without points or answer scores).
    static std::optional<double> questionMax(const Question& q);
    // Points of one answer in file form ("yes", "partly", "a;b"), within [0, max]; nullopt when the
    // text is not a valid answer of the question.
    static std::optional<double> answerPoints(const Question& q, const std::string& fileForm);

    // Scoring problems of a form that validation does not catch (points on a question that cannot
    // give points, answer scores above the points, a choice question without choice scores):
    // warnings.
    static ValidationResult checkForm(const Form& form);

private:
    const Form& form_;
    std::shared_ptr<const ReferenceData> reference_;
    const expr::FunctionTable& functions_;
};

// The questions that lost points (max > points), the most costly to the total first.
std::vector<const QuestionScore*> lostPoints(const AuditScore& score);

// Scores an opened audit with its own form and reference data.
AuditScore scoreBundle(const AuditBundle& bundle);

// Totals are compared and shown rounded to 2 decimals (half away from zero).
double roundScore(double v);
// "87,50" in Vietnamese, "87.50" in English (the message language).
std::string formatScore(double v);
// "+2,25", "−1,50", "0,00".
std::string formatChange(double v);

}  // namespace par::scoring

// SPDX-License-Identifier: Apache-2.0
#include "core/scoring/Scorer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/common/Text.hpp"
#include "core/findings/FindingsEngine.hpp"
#include "core/model/AuditBundle.hpp"
#include "core/model/AuditScope.hpp"

namespace par::scoring {

const char* itemStateName(ItemState s) {
    switch (s) {
        case ItemState::Answered:
            return "answered";
        case ItemState::NotAssessed:
            return "not-assessed";
        case ItemState::NotApplicable:
            return "na";
        case ItemState::NotRelevant:
            return "not-relevant";
    }
    return "answered";
}

double SectionScore::ratio() const {
    if (max <= 0)
        return 0;
    return std::clamp((points - penalties) / max, 0.0, 1.0);
}

double AreaScore::percent() const {
    return max <= 0 ? 0 : 100.0 * points / max;
}

const SectionScore* AuditScore::findSection(const std::string& id) const {
    for (const auto& s : sections)
        if (s.id == id)
            return &s;
    return nullptr;
}

const AreaScore* AuditScore::findArea(const std::string& id) const {
    for (const auto& a : areas)
        if (a.id == id)
            return &a;
    return nullptr;
}

double AuditScore::coverage() const {
    return assessable <= 0 ? 100.0 : 100.0 * assessed / assessable;
}

std::string coverageText(const AuditScore& score) {
    return fmt(tr("đã chấm {}/{} tiêu chí", "{}/{} criteria assessed"),
               std::to_string(score.assessed), std::to_string(score.assessable));
}

double roundScore(double v) {
    // The small bias absorbs binary noise (87.125 stored as 87.12499999) before rounding half up.
    double r = std::round(v * 100.0 + (v >= 0 ? 1e-7 : -1e-7)) / 100.0;
    return r == 0 ? 0 : r;  // no "-0,00"
}

std::string formatScore(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", roundScore(v));
    std::string s = buf;
    if (language() == Language::Vietnamese)
        std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

std::string formatChange(double v) {
    double r = roundScore(v);
    std::string s = formatScore(std::fabs(r));
    if (r > 0)
        return "+" + s;
    if (r < 0)
        return "−" + s;  // U+2212 MINUS SIGN
    return s;
}

namespace {

bool isYesNoType(QuestionType t) {
    return t == QuestionType::YesNo || t == QuestionType::YesPartlyNo;
}

bool hasChoiceScores(const Question& q) {
    return std::any_of(q.choices.begin(), q.choices.end(),
                       [](const Choice& c) { return c.score.has_value(); });
}

// Points for yes / partly / no when the form gives `points` but no score-* for that answer.
double defaultAnswerScore(const std::string& v, double max) {
    if (v == "yes")
        return max;
    if (v == "partly")
        return max / 2;
    return 0;
}

class Run {
public:
    Run(const Form& form, const Audit& audit, const expr::FunctionTable& fns, AuditScore& out)
        : form_(form), audit_(audit), fns_(fns), out_(out), scope_(form, audit) {}

    void questions() {
        for (const auto& s : form_.sections) {
            SectionScore ss;
            ss.id = s.id;
            ss.area = s.area;
            ss.label = s.label.get();
            ss.weight = s.weight;
            for (const auto& q : s.questions) {
                if (q.type == QuestionType::Repeat)
                    repeat(s, q, ss);
                else
                    item(s, q, audit_.answers, scope_, relevant(q, scope_, q.id), "", 0, ss);
            }
            out_.sections.push_back(std::move(ss));
        }
    }

private:
    bool relevant(const Question& q, const expr::Scope& scope, const std::string& top) {
        if (!q.relevant)
            return true;
        try {
            return q.relevant->isMet(scope, fns_);
        } catch (const Error& e) {
            out_.problems.warning(
                {audit_.file, 0, 0},
                fmt(tr("câu '{}': không tính được điều kiện hiển thị, vẫn chấm điểm: {}",
                       "question '{}': cannot evaluate its relevance, scored anyway: {}"),
                    top, e.what()));
            return true;
        }
    }

    void repeat(const Section& s, const Question& r, SectionScore& ss) {
        const Answer* a = audit_.answers.find(r.id);
        // A repeat that is irrelevant, not applicable or without sampled sub-units adds nothing.
        if (a == nullptr || a->na || !relevant(r, scope_, r.id))
            return;
        int n = 0;
        for (const auto& inst : a->instances) {
            ++n;
            InstanceScope scope(r, inst, scope_);
            for (const auto& c : r.children)
                item(s, c, inst, scope, relevant(c, scope, r.id), r.id, n, ss);
        }
    }

    void item(const Section& s, const Question& q, const AnswerSet& set, const expr::Scope&,
              bool isRelevant, const std::string& repeatId, int instance, SectionScore& ss) {
        std::optional<double> max = Scorer::questionMax(q);
        if (!max)
            return;
        QuestionScore qs;
        qs.question = q.id;
        qs.repeat = repeatId;
        qs.instance = instance;
        qs.section = s.id;
        const Answer* a = set.find(q.id);
        int line = a != nullptr ? a->line : 0;
        if (a != nullptr)
            qs.answer = a->na ? "na" : a->value;
        if (!isRelevant) {
            qs.state = ItemState::NotRelevant;
        } else if (a != nullptr && a->na && q.naAllowed) {
            qs.state = ItemState::NotApplicable;
        } else if (a == nullptr || a->value.empty() || a->na) {
            if (a != nullptr && a->na)
                out_.problems.warning({audit_.file, line, 0},
                                      fmt(tr("câu '{}' không cho phép \"không áp dụng\": tính là "
                                             "chưa chấm (không tính vào điểm tối đa)",
                                             "question '{}' does not allow \"not applicable\": "
                                             "counted as not assessed (left out of the maximum)"),
                                          q.id));
            qs.state = ItemState::NotAssessed;
        } else if (auto p = Scorer::answerPoints(q, a->value)) {
            qs.state = ItemState::Answered;
            qs.max = *max;
            qs.points = *p;
        } else {
            out_.problems.warning(
                {audit_.file, line, 0},
                fmt(tr("câu '{}': câu trả lời '{}' không hợp lệ, tính là chưa chấm",
                       "question '{}': answer '{}' is not valid, counted as not assessed"),
                    q.id, a->value));
            qs.state = ItemState::NotAssessed;
        }
        qs.possible = *max;
        if (qs.state == ItemState::Answered || qs.state == ItemState::NotAssessed) {
            ++ss.assessable;
            ++out_.assessable;
        }
        if (qs.state == ItemState::Answered) {
            ++ss.assessed;
            ++out_.assessed;
        }
        ss.points += qs.points;
        ss.max += qs.max;
        out_.questions.push_back(std::move(qs));
    }

    const Form& form_;
    const Audit& audit_;
    const expr::FunctionTable& fns_;
    AuditScore& out_;
    AuditScope scope_;
};

// The section a rule's criterion belongs to: the section of its for-each table or repeat when that
// section belongs to the rule's area, else the first section of the area that scores something,
// else the area's first section; nullptr when the form has no section of that area.
SectionScore* penaltySection(const Form& form, const FindingRule& rule, AuditScore& score) {
    if (!rule.forEach.empty()) {
        if (const Section* s = form.sectionOf(rule.forEach); s != nullptr && s->area == rule.area) {
            for (auto& ss : score.sections)
                if (ss.id == s->id)
                    return &ss;
        }
    }
    for (auto& ss : score.sections)
        if (ss.area == rule.area && ss.max > 0)
            return &ss;
    for (auto& ss : score.sections)
        if (ss.area == rule.area)
            return &ss;
    return nullptr;
}

// Whether the audit holds what a rule that did not fire was checked against: the rows of its
// for-each table or repeat, or an answer to every question its condition reads. A rule checked
// against nothing has not been assessed (as an unanswered question) and is left out.
bool ruleAssessed(const Form& form, const FindingRule& rule, const Audit& audit) {
    auto answered = [&](const std::string& id) {
        const Answer* a = audit.answers.find(id);
        return a != nullptr && !a->na &&
               (!a->value.empty() || !a->rows.empty() || !a->instances.empty());
    };
    if (!rule.forEach.empty())
        return answered(rule.forEach);
    for (const auto& name : rule.when.references())
        if (form.findQuestion(name) != nullptr && !answered(name))
            return false;
    return true;
}

// The 1-based row (repeat instance) of a for-each finding, found as FindingsEngine keys it; 0 when
// the rule is not for-each or no row has the finding's key.
int findingRow(const FindingRule& rule, const Finding& f, const expr::Scope& scope,
               const expr::FunctionTable& fns) {
    if (rule.forEach.empty())
        return 0;
    try {
        auto value = scope.lookup(rule.forEach);
        if (!value || value->isNull())
            return 0;
        const expr::Table& table = value->asTable();
        for (size_t i = 0; i < table.rows.size(); ++i) {
            std::string key = std::to_string(i + 1);
            if (rule.key) {
                expr::RowScope row(table, i, scope);
                expr::Value k = rule.key->evaluate(row, fns);
                if (!k.isNull() && !k.display().empty())
                    key = k.display();
            }
            if (key == f.key)
                return static_cast<int>(i) + 1;
        }
    } catch (const Error&) {
        // The finding still deducts; only the offset by its row's questions is lost.
    }
    return 0;
}

// What the questions a rule reads have lost and not yet offset another penalty, by question.
class LostCredit {
public:
    explicit LostCredit(const AuditScore& score) {
        for (const auto& q : score.questions)
            if (q.lost() > 1e-9)
                credit_[&q] = q.lost();
    }

    // Uses up to `penalty` of the lost points of the questions named in `names` (top level, or in
    // `row` of the repeat `repeat`); returns the points used and the questions that gave them.
    double take(const std::vector<std::string>& names, const std::string& repeat, int row,
                double penalty, std::vector<std::string>& by) {
        double used = 0;
        for (auto& [q, left] : credit_) {
            if (used >= penalty - 1e-12)
                break;
            if (left <= 1e-12 || std::find(names.begin(), names.end(), q->question) == names.end())
                continue;
            const bool here = q->repeat.empty() || (q->repeat == repeat && q->instance == row);
            if (!here)
                continue;
            const double t = std::min(left, penalty - used);
            left -= t;
            used += t;
            by.push_back(q->question);
        }
        return used;
    }

private:
    std::map<const QuestionScore*, double> credit_;
};

}  // namespace

Scorer::Scorer(const Form& form, std::shared_ptr<const ReferenceData> reference,
               const expr::FunctionTable& functions)
    : form_(form), reference_(std::move(reference)), functions_(functions) {}

std::optional<double> Scorer::questionMax(const Question& q) {
    std::optional<double> max;
    if (isYesNoType(q.type)) {
        if (q.points) {
            max = *q.points;
        } else if (!q.answerScores.empty()) {
            max = 0;
            for (const auto& [k, v] : q.answerScores)
                max = std::max(*max, v);
        }
    } else if (q.type == QuestionType::Single && hasChoiceScores(q)) {
        if (q.points) {
            max = *q.points;
        } else {
            max = 0;
            for (const auto& c : q.choices)
                max = std::max(*max, c.score.value_or(0));
        }
    } else if (q.type == QuestionType::Multiple && hasChoiceScores(q)) {
        if (q.points) {
            max = *q.points;
        } else {
            max = 0;
            for (const auto& c : q.choices)
                *max += std::max(0.0, c.score.value_or(0));
        }
    }
    if (max && *max <= 0)
        return std::nullopt;
    return max;
}

std::optional<double> Scorer::answerPoints(const Question& q, const std::string& fileForm) {
    std::optional<double> max = questionMax(q);
    if (!max)
        return std::nullopt;
    std::string v = trim(fileForm);
    double p = 0;
    if (isYesNoType(q.type)) {
        bool valid =
            v == "yes" || v == "no" || (v == "partly" && q.type == QuestionType::YesPartlyNo);
        if (!valid)
            return std::nullopt;
        auto it = q.answerScores.find(v);
        p = it != q.answerScores.end() ? it->second : defaultAnswerScore(v, *max);
    } else if (q.type == QuestionType::Single) {
        const Choice* c = q.findChoice(v);
        if (c == nullptr)
            return std::nullopt;
        p = c->score.value_or(0);
    } else {
        for (const auto& value : splitList(v, ";")) {
            const Choice* c = q.findChoice(value);
            if (c == nullptr)
                return std::nullopt;
            p += c->score.value_or(0);
        }
    }
    return std::clamp(p, 0.0, *max);
}

ValidationResult Scorer::checkForm(const Form& form) {
    ValidationResult v;
    auto check = [&](const Question& q) {
        bool scoredType = isYesNoType(q.type) || q.type == QuestionType::Single ||
                          q.type == QuestionType::Multiple;
        if (q.points && !scoredType)
            v.warning(q.where,
                      fmt(tr("câu '{}' kiểu {} không chấm điểm: bỏ qua points",
                             "question '{}' of type {} gives no points: 'points' is ignored"),
                          q.id, questionTypeName(q.type)));
        if (q.points && (q.type == QuestionType::Single || q.type == QuestionType::Multiple) &&
            !hasChoiceScores(q))
            v.warning(
                q.where,
                fmt(tr("câu '{}' có points nhưng không lựa chọn nào có score: không chấm điểm",
                       "question '{}' has points but no choice has a score: not scored"),
                    q.id));
        if (q.points)
            for (const auto& [k, s] : q.answerScores)
                if (s > *q.points)
                    v.warning(q.where,
                              fmt(tr("câu '{}': score-{} lớn hơn points, tính tối đa points",
                                     "question '{}': score-{} exceeds points, capped at points"),
                                  q.id, k));
    };
    for (const auto& s : form.sections)
        for (const auto& q : s.questions) {
            check(q);
            for (const auto& c : q.children)
                check(c);
            for (const auto& c : q.columns)
                if (c.points)
                    v.warning(c.where,
                              fmt(tr("cột '{}' của bảng không chấm điểm: bỏ qua points",
                                     "table column '{}' gives no points: 'points' is ignored"),
                                  c.id));
        }
    return v;
}

AuditScore Scorer::score(const Audit& audit) const {
    AuditScore out;
    Run(form_, audit, functions_, out).questions();

    // Findings as `par-audit findings` would leave them: rules re-evaluated on the answers and
    // merged with what the audit holds.
    Audit merged = audit;
    MergeReport report = FindingsEngine(form_, reference_).apply(merged);
    out.problems.merge(report.problems);
    out.unsavedFindings = report.added.size() + report.staled.size() + report.reactivated.size();
    // Each rule with a penalty is one criterion of its section worth `penalty` points: earned when
    // the rule does not fire, lost (once, however many rows fire) when it does, except what the
    // questions it reads already lost; left out when nothing it checks was recorded.
    AuditScope scope(form_, merged);
    LostCredit credit(out);
    std::map<std::string, std::vector<const Finding*>> fired;
    for (const auto& f : merged.findings)
        if (f.origin == FindingOrigin::Rule && f.inEffect())
            fired[f.rule].push_back(&f);
    for (const auto& rule : form_.rules) {
        if (!rule.penalty || *rule.penalty <= 0)
            continue;
        const double penalty = *rule.penalty;
        SectionScore* s = penaltySection(form_, rule, out);
        auto it = fired.find(rule.id);
        if (it == fired.end()) {
            if (s == nullptr)
                continue;
            ++s->assessable;
            ++out.assessable;
            if (!ruleAssessed(form_, rule, merged))
                continue;
            ++s->assessed;
            ++out.assessed;
            s->points += penalty;
            s->max += penalty;
            continue;
        }
        double offset = 0;
        std::vector<std::string> offsetBy;
        for (const Finding* f : it->second)
            offset +=
                credit.take(rule.when.references(), rule.forEach,
                            findingRow(rule, *f, scope, functions_), penalty - offset, offsetBy);
        if (s != nullptr) {
            ++s->assessable;
            ++out.assessable;
            ++s->assessed;
            ++out.assessed;
            s->points += penalty;
            s->max += penalty;
            s->penalties += penalty - offset;
        }
        bool first = true;
        for (const Finding* f : it->second) {
            PenaltyScore p;
            p.finding = f->id;
            p.rule = f->rule;
            p.key = f->key;
            p.area = rule.area;
            p.text = f->text;
            p.penalty = penalty;
            p.section = s != nullptr ? s->id : "";
            if (first && s != nullptr) {
                p.offset = offset;
                p.offsetBy = offsetBy;
                p.applied = penalty - offset;
            }
            p.counted = !first;
            first = false;
            out.penalties.push_back(std::move(p));
        }
    }

    // Shares: weights normalised over the sections that have a maximum; a form without weights
    // weighs sections by their maximum.
    double weights = 0, maxima = 0;
    for (const auto& s : out.sections)
        if (s.max > 0) {
            weights += s.weight;
            maxima += s.max;
        }
    out.scorable = maxima > 0;
    for (auto& s : out.sections) {
        if (s.max <= 0)
            continue;
        s.share = weights > 0 ? s.weight / weights : s.max / maxima;
        out.total += s.contribution();
    }
    out.total = std::clamp(out.total, 0.0, 100.0);

    for (auto& q : out.questions)
        if (const SectionScore* s = out.findSection(q.section); s != nullptr && s->max > 0)
            q.impact = 100.0 * s->share * q.lost() / s->max;
    for (auto& p : out.penalties)
        if (const SectionScore* s = out.findSection(p.section); s != nullptr && s->max > 0)
            p.impact = 100.0 * s->share * p.applied / s->max;

    for (const auto& a : form_.areas) {
        AreaScore as;
        as.id = a.id;
        as.label = a.label.get();
        for (const auto& s : out.sections)
            if (s.area == a.id) {
                as.max += 100.0 * s.share;
                as.points += s.contribution();
            }
        out.areas.push_back(std::move(as));
    }
    return out;
}

std::vector<const QuestionScore*> lostPoints(const AuditScore& score) {
    std::vector<const QuestionScore*> out;
    for (const auto& q : score.questions)
        if (q.lost() > 1e-9)
            out.push_back(&q);
    std::stable_sort(out.begin(), out.end(), [](const QuestionScore* a, const QuestionScore* b) {
        return a->impact > b->impact + 1e-12;
    });
    return out;
}

AuditScore scoreBundle(const AuditBundle& bundle) {
    return Scorer(*bundle.form, bundle.reference, bundle.functions).score(bundle.audit);
}

}  // namespace par::scoring

// SPDX-License-Identifier: Apache-2.0
#include "core/wizard/SectionPageState.hpp"

#include "core/common/Text.hpp"
#include "core/model/AuditScope.hpp"

namespace par::wizard {

bool isAnswered(const Answer* a) {
    return a != nullptr && (a->na || !a->value.empty() || !a->rows.empty() || !a->instances.empty());
}

SectionPageState::SectionPageState(const AuditSession& session, size_t sectionIndex)
    : session_(session), index_(sectionIndex) {
    if (sectionIndex >= session.form().sections.size())
        throw UsageError(fmt(tr("không có phần thứ {} trong biểu mẫu", "the form has no section {}"),
                             std::to_string(sectionIndex + 1)));
}

const Section& SectionPageState::section() const { return session_.form().sections[index_]; }

std::vector<QuestionState> SectionPageState::questions() const {
    const Audit& audit = session_.audit();
    const auto& problems = session_.problems();
    AuditScope scope(session_.form(), audit);
    std::vector<QuestionState> out;
    for (const auto& q : section().questions) {
        QuestionState s;
        s.question = &q;
        s.required = q.required;
        if (q.relevant) {
            try {
                s.visible = q.relevant->isMet(scope, session_.bundle().functions);
            } catch (const Error&) {
                s.visible = true;  // the validator reports the expression; better shown than lost
            }
        }
        s.answered = isAnswered(audit.answers.find(q.id));
        if (s.visible) {
            for (const auto& p : problems) {
                if (p.question != q.id) continue;
                if (p.problem.severity == Problem::Severity::Error) s.errors.push_back(p.problem.message);
                else s.warnings.push_back(p.problem.message);
            }
            for (const auto& [key, entry] : session_.inputErrors())
                if (entry.first.question == q.id) s.errors.push_back(entry.second);
        }
        out.push_back(std::move(s));
    }
    return out;
}

bool SectionPageState::valid() const { return errorCount() == 0; }

bool SectionPageState::complete() const { return missingCount() == 0; }

size_t SectionPageState::errorCount() const {
    size_t n = 0;
    for (const auto& s : questions())
        if (s.visible) n += s.errors.size();
    return n;
}

size_t SectionPageState::missingCount() const {
    size_t n = 0;
    // The validator warns once per required question left unanswered, inside repeat instances too.
    for (const auto& s : questions())
        if (s.visible) n += s.warnings.size();
    return n;
}

bool SectionPageState::childVisible(const std::string& repeat, size_t instance, const std::string& child) const {
    const Form& form = session_.form();
    const Question* r = form.findQuestion(repeat);
    const Answer* a = session_.audit().answers.find(repeat);
    if (r == nullptr || a == nullptr || instance >= a->instances.size()) return true;
    for (const auto& c : r->children) {
        if (c.id != child) continue;
        if (!c.relevant) return true;
        AuditScope scope(form, session_.audit());
        InstanceScope iscope(*r, a->instances[instance], scope);
        try {
            return c.relevant->isMet(iscope, session_.bundle().functions);
        } catch (const Error&) {
            return true;
        }
    }
    return true;
}

}  // namespace par::wizard

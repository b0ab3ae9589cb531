// SPDX-License-Identifier: Apache-2.0
#include "core/model/AnswerValidator.hpp"


#include "core/common/Text.hpp"
#include "core/model/AuditScope.hpp"

namespace par {

namespace {
class Checker {
public:
    Checker(const Form& form, const expr::FunctionTable& fns, const Audit& audit, std::vector<AnswerProblem>& out)
        : form_(form), fns_(fns), audit_(audit), out_(out), scope_(form, audit) {}

    void run() {
        for (const auto& [qid, a] : audit_.answers.answers) {
            const Question* q = form_.findQuestion(qid);
            if (q == nullptr || form_.parentRepeat(qid) != nullptr) {
                error(qid, a.line,
                      q == nullptr ? fmt(tr("câu hỏi '{}' không có trong biểu mẫu '{}'", "question '{}' is not in form '{}'"),
                                         qid, form_.id)
                                   : fmt(tr("câu '{}' thuộc danh sách '{}': phải trả lời trong từng <instance>",
                                            "question '{}' belongs to repeat '{}': answer it inside each <instance>"),
                                         qid, form_.parentRepeat(qid)->id));
                continue;
            }
            checkAnswer(qid, *q, a, scope_);
        }
        checkRequired(audit_.answers, nullptr, scope_, "");
    }

private:
    void error(const std::string& qid, int line, const std::string& msg) {
        out_.push_back({qid, {Problem::Severity::Error, {audit_.file, line, 0}, msg}});
    }
    void warning(const std::string& qid, int line, const std::string& msg) {
        out_.push_back({qid, {Problem::Severity::Warning, {audit_.file, line, 0}, msg}});
    }

    bool relevant(const Question& q, const expr::Scope& scope, const std::string& top) {
        if (!q.relevant) return true;
        try {
            return q.relevant->isMet(scope, fns_);
        } catch (const Error& e) {
            error(top, 0, fmt(tr("không tính được điều kiện hiển thị của câu '{}': {}",
                                 "cannot evaluate the relevance of question '{}': {}"),
                              q.id, e.what()));
            return true;
        }
    }

    // Checks one scalar value (answer or cell) against type, range and pattern.
    void checkScalar(const std::string& top, int line, const Question& q, const std::string& text, const std::string& where) {
        expr::Value v;
        try {
            v = scalarValue(q, text);
        } catch (const Error& e) {
            error(top, line, where + e.what());
            return;
        }
        if (v.isNull()) return;
        if (v.type() == expr::Type::Number) {
            double n = v.asNumber();
            if ((q.min && n < *q.min) || (q.max && n > *q.max))
                error(top, line, where + fmt(tr("câu '{}': {} nằm ngoài khoảng cho phép; cần {}",
                                                "question '{}': {} is out of range; expected {}"),
                                             q.id, v.display(), expectedInputDescription(q)));
        }
        // A pattern the form validator refused has no compiled form: it reported it.
        if (q.compiledPattern && v.type() == expr::Type::String) {
            try {
                if (!q.compiledPattern->matchesWhole(v.asString()))
                    error(top, line, where + fmt(tr("câu '{}': '{}' không đúng định dạng ({})",
                                                    "question '{}': '{}' does not match the pattern ({})"),
                                                 q.id, v.asString(), q.pattern));
            } catch (const UsageError& e) {
                error(top, line, where + fmt("{}: {}", q.id, e.what()));
            }
        }
    }

    void checkConstraints(const std::string& top, int line, const Question& q, const expr::Scope& scope) {
        for (const auto& c : q.constraints) {
            if (!c.test) continue;
            try {
                expr::Value r = c.test->evaluate(scope, fns_);
                if (r.type() == expr::Type::Bool && !r.asBool()) error(top, line, q.id + ": " + c.message.get());
            } catch (const Error& e) {
                error(top, line, fmt(tr("không kiểm tra được ràng buộc của câu '{}': {}",
                                        "cannot check a constraint of question '{}': {}"),
                                     q.id, e.what()));
            }
        }
    }

    void checkAnswer(const std::string& top, const Question& q, const Answer& a, const expr::Scope& scope) {
        if (a.na) {
            if (!q.naAllowed)
                error(top, a.line, fmt(tr("câu '{}' không cho phép trả lời 'không áp dụng'",
                                          "question '{}' does not allow 'not applicable'"),
                                       q.id));
            return;
        }
        if (q.type == QuestionType::Table) {
            if (!a.instances.empty() || (!a.value.empty() && a.rows.empty()))
                error(top, a.line, fmt(tr("câu '{}' là bảng: trả lời bằng các <row>", "question '{}' is a table: answer with <row>s"),
                                       q.id));
            size_t n = 0;
            for (const auto& row : a.rows) {
                ++n;
                std::string where = fmt(tr("dòng {}: ", "row {}: "), std::to_string(n));
                for (const auto& [col, text] : row) {
                    const Question* c = q.findColumn(col);
                    if (c == nullptr) {
                        error(top, a.line, where + fmt(tr("bảng '{}' không có cột '{}'", "table '{}' has no column '{}'"), q.id, col));
                        continue;
                    }
                    checkScalar(top, a.line, *c, text, where);
                }
                for (const auto& c : q.columns) {
                    auto it = row.find(c.id);
                    if (c.required && (it == row.end() || trim(it->second).empty()))
                        error(top, a.line, where + fmt(tr("bảng '{}': thiếu giá trị bắt buộc ở cột '{}'",
                                                          "table '{}': the required column '{}' is empty"),
                                                       q.id, c.id));
                }
            }
            double rows = static_cast<double>(a.rows.size());
            if ((q.min && rows < *q.min) || (q.max && rows > *q.max))
                error(top, a.line, fmt(tr("bảng '{}' có {} dòng, ngoài khoảng cho phép", "table '{}' has {} rows, out of range"),
                                       q.id, std::to_string(a.rows.size())));
            checkConstraints(top, a.line, q, scope);
            return;
        }
        if (q.type == QuestionType::Repeat) {
            if (!a.rows.empty() || !a.value.empty())
                error(top, a.line, fmt(tr("câu '{}' là danh sách đơn vị: trả lời bằng các <instance>",
                                          "question '{}' is a repeat: answer with <instance>s"),
                                       q.id));
            for (const auto& inst : a.instances) {
                InstanceScope iscope(q, inst, scope);
                for (const auto& [cid, ca] : inst.answers) {
                    const Question* c = nullptr;
                    for (const auto& ch : q.children)
                        if (ch.id == cid) c = &ch;
                    if (c == nullptr) {
                        error(top, ca.line, fmt(tr("danh sách '{}' không có câu hỏi '{}'", "repeat '{}' has no question '{}'"),
                                                q.id, cid));
                        continue;
                    }
                    checkAnswer(top, *c, ca, iscope);
                }
                checkRequired(inst, &q, iscope, top);
            }
            double n = static_cast<double>(a.instances.size());
            if ((q.min && n < *q.min) || (q.max && n > *q.max))
                error(top, a.line, fmt(tr("danh sách '{}' có {} đơn vị, ngoài khoảng cho phép",
                                          "repeat '{}' has {} sub-units, out of range"),
                                       q.id, std::to_string(a.instances.size())));
            return;
        }
        if (!a.rows.empty() || !a.instances.empty()) {
            error(top, a.line, fmt(tr("câu '{}' không phải bảng hay danh sách", "question '{}' is not a table or repeat"), q.id));
            return;
        }
        checkScalar(top, a.line, q, a.value, "");
        checkConstraints(top, a.line, q, scope);
    }

    void checkRequired(const AnswerSet& set, const Question* repeat, const expr::Scope& scope, const std::string& top) {
        auto visit = [&](const Question& q) {
            if (!q.required) return;
            const Answer* a = set.find(q.id);
            bool answered = a != nullptr && (a->na || !a->value.empty() || !a->rows.empty() || !a->instances.empty());
            if (answered || !relevant(q, scope, top.empty() ? q.id : top)) return;
            warning(top.empty() ? q.id : top, 0,
                    fmt(tr("chưa trả lời câu bắt buộc '{}': {}", "required question '{}' is not answered: {}"), q.id,
                        q.label.get()));
        };
        if (repeat != nullptr) {
            for (const auto& c : repeat->children) visit(c);
            return;
        }
        for (const auto& s : form_.sections)
            for (const auto& q : s.questions) visit(q);
    }

    const Form& form_;
    const expr::FunctionTable& fns_;
    const Audit& audit_;
    std::vector<AnswerProblem>& out_;
    AuditScope scope_;
};
}  // namespace

AnswerValidator::AnswerValidator(const Form& form, const expr::FunctionTable& functions)
    : form_(form), functions_(functions) {}

std::vector<AnswerProblem> AnswerValidator::check(const Audit& audit) const {
    std::vector<AnswerProblem> out;
    Checker(form_, functions_, audit, out).run();
    return out;
}

ValidationResult AnswerValidator::validate(const Audit& audit) const {
    ValidationResult v;
    for (const auto& p : check(audit)) {
        if (p.problem.severity == Problem::Severity::Error) v.error(p.problem.where, p.problem.message);
        else v.warning(p.problem.where, p.problem.message);
    }
    return v;
}

bool AnswerValidator::isRelevant(const Audit& audit, const std::string& id) const {
    const Question* q = form_.findQuestion(id);
    if (q == nullptr || !q->relevant) return true;
    AuditScope scope(form_, audit);
    try {
        return q->relevant->isMet(scope, functions_);
    } catch (const Error&) {
        return true;
    }
}

Completeness AnswerValidator::completeness(const Audit& audit) const {
    Completeness c;
    AuditScope scope(form_, audit);
    for (const auto& s : form_.sections) {
        for (const auto& q : s.questions) {
            if (!q.required) continue;
            bool rel = true;
            if (q.relevant) {
                try {
                    rel = q.relevant->isMet(scope, functions_);
                } catch (const Error&) {
                }
            }
            if (!rel) continue;
            ++c.required;
            const Answer* a = audit.answers.find(q.id);
            if (a != nullptr && (a->na || !a->value.empty() || !a->rows.empty() || !a->instances.empty())) ++c.answered;
            else c.missing.push_back(q.id);
        }
    }
    return c;
}

}  // namespace par

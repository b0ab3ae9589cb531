// SPDX-License-Identifier: Apache-2.0
#include "core/actions/AnswerActions.hpp"

#include "core/common/Error.hpp"
#include "core/common/Text.hpp"
#include "core/model/AnswerValidator.hpp"

namespace par::actions {

const Question& topLevelQuestion(const Form& form, const std::string& id) {
    const Question* q = form.findQuestion(id);
    if (q == nullptr || form.parentRepeat(id) != nullptr)
        throw UsageError(fmt(tr("biểu mẫu '{}' không có câu hỏi '{}'", "form '{}' has no question '{}'"), form.id, id));
    return *q;
}

const Question& fieldQuestion(const Form& form, const std::string& question, int row, const std::string& column) {
    const Question& q = topLevelQuestion(form, question);
    if (row < 0) return q;
    if (q.type == QuestionType::Table) {
        if (const Question* c = q.findColumn(column)) return *c;
        throw UsageError(fmt(tr("bảng '{}' không có cột '{}'", "table '{}' has no column '{}'"), q.id, column));
    }
    if (q.type == QuestionType::Repeat) {
        for (const auto& c : q.children)
            if (c.id == column) return c;
        throw UsageError(fmt(tr("danh sách '{}' không có câu hỏi '{}'", "repeat '{}' has no question '{}'"), q.id, column));
    }
    throw UsageError(fmt(tr("câu '{}' không phải bảng: dùng {}=giá trị", "question '{}' is not a table: use {}=value"), q.id, q.id));
}

size_t answerRowCount(const Audit& audit, const Form& form, const std::string& question) {
    const Answer* a = audit.answers.find(question);
    if (a == nullptr) return 0;
    return topLevelQuestion(form, question).type == QuestionType::Table ? a->rows.size() : a->instances.size();
}

void enterAnswer(Audit& audit, const Form& form, const std::string& question, int row, const std::string& column,
                 const std::string& input) {
    const Question& top = topLevelQuestion(form, question);
    auto& answers = audit.answers.answers;
    if (row < 0) {
        if (top.type == QuestionType::Table || top.type == QuestionType::Repeat) {
            if (!trim(input).empty())
                throw UsageError(fmt(tr("câu '{}' là bảng: trả lời từng ô, ví dụ {}.1.<cột>=giá trị",
                                        "question '{}' is a table: answer each cell, e.g. {}.1.<column>=value"),
                                     top.id, top.id));
            answers.erase(question);
            return;
        }
        std::string stored = normaliseInput(top, input);
        if (stored.empty()) {
            answers.erase(question);
            return;
        }
        Answer& a = answers[question];
        a.question = question;
        a.na = false;
        a.value = stored;
        return;
    }
    const Question& q = fieldQuestion(form, question, row, column);
    std::string stored = normaliseInput(q, input);
    size_t count = answerRowCount(audit, form, question);
    size_t r = static_cast<size_t>(row);
    if (r > count)
        throw UsageError(fmt(tr("'{}' mới có {} dòng: dòng tiếp theo là {}", "'{}' has {} rows: the next one is {}"), question,
                             std::to_string(count), std::to_string(count + 1)));
    if (r == count) {
        if (stored.empty()) return;  // an empty cell of a row that does not exist: nothing to do
        addAnswerRow(audit, form, question);
    }
    Answer& a = answers[question];
    if (top.type == QuestionType::Table) {
        if (stored.empty()) a.rows[r].erase(column);
        else a.rows[r][column] = stored;
    } else {
        AnswerSet& inst = a.instances[r];
        if (stored.empty()) inst.answers.erase(column);
        else inst.answers[column] = Answer{column, false, stored, {}, {}, 0};
    }
}

void clearAnswer(Audit& audit, const Form& form, const std::string& question) {
    topLevelQuestion(form, question);
    audit.answers.answers.erase(question);
}

void setNotApplicable(Audit& audit, const Form& form, const std::string& question, bool na) {
    const Question& q = topLevelQuestion(form, question);
    auto& answers = audit.answers.answers;
    if (na) {
        if (!q.naAllowed)
            throw UsageError(fmt(tr("câu '{}' không cho phép trả lời 'không áp dụng'", "question '{}' does not allow 'not applicable'"),
                                 question));
        Answer a;
        a.question = question;
        a.na = true;
        answers[question] = a;
        return;
    }
    auto it = answers.find(question);
    if (it != answers.end() && it->second.na) answers.erase(it);
}

size_t addAnswerRow(Audit& audit, const Form& form, const std::string& question) {
    const Question& q = topLevelQuestion(form, question);
    if (q.type != QuestionType::Table && q.type != QuestionType::Repeat)
        throw UsageError(fmt(tr("câu '{}' không phải bảng", "question '{}' is not a table"), question));
    Answer& a = audit.answers.answers[question];
    a.question = question;
    a.na = false;
    if (q.type == QuestionType::Table) {
        a.rows.emplace_back();
        return a.rows.size() - 1;
    }
    a.instances.emplace_back();
    return a.instances.size() - 1;
}

void removeAnswerRow(Audit& audit, const Form& form, const std::string& question, size_t row) {
    const Question& q = topLevelQuestion(form, question);
    auto& answers = audit.answers.answers;
    auto it = answers.find(question);
    if (it == answers.end() || row >= answerRowCount(audit, form, question))
        throw UsageError(fmt(tr("câu '{}' không có dòng {}", "question '{}' has no row {}"), question, std::to_string(row + 1)));
    Answer& a = it->second;
    if (q.type == QuestionType::Table) a.rows.erase(a.rows.begin() + static_cast<long>(row));
    else a.instances.erase(a.instances.begin() + static_cast<long>(row));
    if (a.rows.empty() && a.instances.empty()) answers.erase(it);
}

ChangeCode answeredChange(const std::set<std::string>& questions) {
    ChangeCode c{"answer.set", {}};
    c.args.assign(questions.begin(), questions.end());
    return c;
}

}  // namespace par::actions

#include "core/wizard/AnswerEditor.hpp"

#include "core/common/Text.hpp"

namespace par::wizard {

AnswerEditor::AnswerEditor(AuditSession& session) : session_(session) {}

const Question& AnswerEditor::topLevel(const std::string& id) const {
    const Form& form = session_.form();
    const Question* q = form.findQuestion(id);
    if (q == nullptr || form.parentRepeat(id) != nullptr)
        throw UsageError(fmt(tr("biểu mẫu '{}' không có câu hỏi '{}'", "form '{}' has no question '{}'"), form.id, id));
    return *q;
}

const Question& AnswerEditor::questionOf(const FieldPath& field) const {
    const Question& q = topLevel(field.question);
    if (field.row < 0) return q;
    if (q.type == QuestionType::Table) {
        if (const Question* c = q.findColumn(field.column)) return *c;
    } else if (q.type == QuestionType::Repeat) {
        for (const auto& c : q.children)
            if (c.id == field.column) return c;
    }
    throw UsageError(fmt(tr("câu '{}' không có cột '{}'", "question '{}' has no column '{}'"), q.id, field.column));
}

bool AnswerEditor::enter(const FieldPath& field, const std::string& input) {
    const Question& q = questionOf(field);
    std::string stored;
    try {
        stored = normaliseInput(q, input);
    } catch (const UsageError& e) {
        session_.setInputError(field, e.what());
        return false;
    }
    session_.clearInputError(field);
    Audit& audit = session_.audit();
    auto& answers = audit.answers.answers;
    if (field.row < 0) {
        if (stored.empty()) {
            answers.erase(field.question);
        } else {
            Answer& a = answers[field.question];
            a.question = field.question;
            a.na = false;
            a.value = stored;
        }
        session_.touch();
        return true;
    }
    auto it = answers.find(field.question);
    size_t row = static_cast<size_t>(field.row);
    if (it == answers.end() || row >= rowCount(field.question))
        throw UsageError(fmt(tr("câu '{}' không có dòng {}", "question '{}' has no row {}"), field.question,
                             std::to_string(row + 1)));
    Answer& a = it->second;
    if (topLevel(field.question).type == QuestionType::Table) {
        if (stored.empty()) a.rows[row].erase(field.column);
        else a.rows[row][field.column] = stored;
    } else {
        AnswerSet& inst = a.instances[row];
        if (stored.empty()) inst.answers.erase(field.column);
        else inst.answers[field.column] = Answer{field.column, false, stored, {}, {}, 0};
    }
    session_.touch();
    return true;
}

std::string AnswerEditor::value(const FieldPath& field) const {
    const Answer* a = session_.audit().answers.find(field.question);
    if (a == nullptr) return "";
    if (field.row < 0) return a->value;
    size_t row = static_cast<size_t>(field.row);
    if (row < a->rows.size()) {
        auto it = a->rows[row].find(field.column);
        return it == a->rows[row].end() ? "" : it->second;
    }
    if (row < a->instances.size()) {
        const Answer* c = a->instances[row].find(field.column);
        return c == nullptr ? "" : c->value;
    }
    return "";
}

void AnswerEditor::setNotApplicable(const std::string& question, bool na) {
    const Question& q = topLevel(question);
    auto& answers = session_.audit().answers.answers;
    if (na) {
        if (!q.naAllowed)
            throw UsageError(fmt(tr("câu '{}' không cho phép trả lời 'không áp dụng'",
                                    "question '{}' does not allow 'not applicable'"),
                                 question));
        Answer a;
        a.question = question;
        a.na = true;
        answers[question] = a;
        session_.clearInputErrors(question);
    } else {
        auto it = answers.find(question);
        if (it != answers.end() && it->second.na) answers.erase(it);
    }
    session_.touch();
}

bool AnswerEditor::notApplicable(const std::string& question) const {
    const Answer* a = session_.audit().answers.find(question);
    return a != nullptr && a->na;
}

size_t AnswerEditor::rowCount(const std::string& question) const {
    const Answer* a = session_.audit().answers.find(question);
    if (a == nullptr) return 0;
    return topLevel(question).type == QuestionType::Table ? a->rows.size() : a->instances.size();
}

size_t AnswerEditor::addRow(const std::string& question) {
    const Question& q = topLevel(question);
    if (q.type != QuestionType::Table && q.type != QuestionType::Repeat)
        throw UsageError(fmt(tr("câu '{}' không phải bảng", "question '{}' is not a table"), question));
    Answer& a = session_.audit().answers.answers[question];
    a.question = question;
    a.na = false;
    size_t index = 0;
    if (q.type == QuestionType::Table) {
        a.rows.emplace_back();
        index = a.rows.size() - 1;
    } else {
        a.instances.emplace_back();
        index = a.instances.size() - 1;
    }
    session_.touch();
    return index;
}

void AnswerEditor::removeRow(const std::string& question, size_t row) {
    const Question& q = topLevel(question);
    auto& answers = session_.audit().answers.answers;
    auto it = answers.find(question);
    if (it == answers.end() || row >= rowCount(question)) return;
    Answer& a = it->second;
    if (q.type == QuestionType::Table) a.rows.erase(a.rows.begin() + static_cast<long>(row));
    else a.instances.erase(a.instances.begin() + static_cast<long>(row));
    if (a.rows.empty() && a.instances.empty()) answers.erase(it);
    // Row indexes shift: errors typed in this table no longer point at the right cells.
    session_.clearInputErrors(question);
    session_.touch();
}

}  // namespace par::wizard

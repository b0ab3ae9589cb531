// SPDX-License-Identifier: Apache-2.0
#include "core/wizard/AnswerEditor.hpp"

#include "core/actions/AnswerActions.hpp"
#include "core/common/Text.hpp"

namespace par::wizard {

AnswerEditor::AnswerEditor(AuditSession& session) : session_(session) {}

const Question& AnswerEditor::topLevel(const std::string& id) const {
    return actions::topLevelQuestion(session_.form(), id);
}

const Question& AnswerEditor::questionOf(const FieldPath& field) const {
    return actions::fieldQuestion(session_.form(), field.question, field.row, field.column);
}

bool AnswerEditor::enter(const FieldPath& field, const std::string& input) {
    questionOf(field);  // an unknown field is the page's mistake: UsageError, not an input error
    if (field.row >= 0 && static_cast<size_t>(field.row) >= rowCount(field.question))
        throw UsageError(fmt(tr("câu '{}' không có dòng {}", "question '{}' has no row {}"), field.question,
                             std::to_string(field.row + 1)));
    try {
        actions::enterAnswer(session_.audit(), session_.form(), field.question, field.row, field.column, input);
    } catch (const UsageError& e) {
        session_.setInputError(field, e.what());
        return false;
    }
    session_.clearInputError(field);
    session_.recordAnswer(field.question);
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
    actions::setNotApplicable(session_.audit(), session_.form(), question, na);
    if (na) session_.clearInputErrors(question);
    session_.recordAnswer(question);
}

bool AnswerEditor::notApplicable(const std::string& question) const {
    const Answer* a = session_.audit().answers.find(question);
    return a != nullptr && a->na;
}

size_t AnswerEditor::rowCount(const std::string& question) const {
    return actions::answerRowCount(session_.audit(), session_.form(), question);
}

size_t AnswerEditor::addRow(const std::string& question) {
    size_t index = actions::addAnswerRow(session_.audit(), session_.form(), question);
    session_.recordAnswer(question);
    return index;
}

void AnswerEditor::removeRow(const std::string& question, size_t row) {
    if (row >= rowCount(question)) return;
    actions::removeAnswerRow(session_.audit(), session_.form(), question, row);
    // Row indexes shift: errors typed in this table no longer point at the right cells.
    session_.clearInputErrors(question);
    session_.recordAnswer(question);
}

}  // namespace par::wizard

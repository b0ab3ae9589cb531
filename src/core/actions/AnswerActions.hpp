// SPDX-License-Identifier: Apache-2.0
// AnswerActions.hpp - answering the form: a scalar question, a cell of a table row, a question of
// one sub-unit of a repeat, "not applicable", rows added and removed. Values are checked and stored
// in the file's form by the question's type (normaliseInput). The CLI's `answer` and the app's pages
// (AnswerEditor) both call these; what they differ in is only how a field is named by the user.
#pragma once

#include <set>
#include <string>

#include "core/model/Audit.hpp"
#include "core/model/Form.hpp"

namespace par::actions {

// A top-level question (not a question inside a repeat); throws UsageError naming the form.
const Question& topLevelQuestion(const Form& form, const std::string& id);
// The question a field refers to: the question itself (row < 0), or the table column / repeat child.
const Question& fieldQuestion(const Form& form, const std::string& question, int row, const std::string& column);

size_t answerRowCount(const Audit& audit, const Form& form, const std::string& question);

// Stores a typed value (empty clears it). For a cell, `row` (from 0) may be the next free row, which
// adds it. Throws UsageError when the value does not fit the question (the audit is then unchanged).
void enterAnswer(Audit& audit, const Form& form, const std::string& question, int row, const std::string& column,
                 const std::string& input);
// Clears a whole answer (all rows of a table).
void clearAnswer(Audit& audit, const Form& form, const std::string& question);
void setNotApplicable(Audit& audit, const Form& form, const std::string& question, bool na);
size_t addAnswerRow(Audit& audit, const Form& form, const std::string& question);
void removeAnswerRow(Audit& audit, const Form& form, const std::string& question, size_t row);

// The log entry for the questions answered: "answer.set" with their ids, sorted.
ChangeCode answeredChange(const std::set<std::string>& questions);

}  // namespace par::actions

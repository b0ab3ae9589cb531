// SPDX-License-Identifier: Apache-2.0
// InputFormat.hpp - how an answer is shown in its control and what each choice control offers: the
// stored file form ("2018-11-28", "12.5", "yes") becomes what people read ("28/11/2018", "12,5",
// "Có"), and the options of yes/no, yes/partly/no and single/multiple questions come with their labels
// in the current language. AnswerEditor::enter() reads both forms back.
#pragma once

#include <string>
#include <vector>

#include "core/model/Answer.hpp"
#include "core/model/Form.hpp"
#include "core/wizard/Labels.hpp"

namespace par::wizard {

// What a control shows for a stored value of question (or column) `q`.
std::string displayValue(const Question& q, const std::string& fileForm);

// The options of a choice-like question (yes-no, yes-partly-no, single, multiple), value → label;
// empty for other types.
std::vector<IdLabel> choiceOptions(const Question& q);
bool isChoiceType(QuestionType t);

// A core action's message as shown under its field: the leading "KEY: " by which the command line
// names the field ("visit-end: …", "report-by: …") is dropped, since the field is right above it.
std::string messageUnderField(const std::string& message, const std::string& key);

// A short name for a repeat instance: its first answered text question ("Ngọc Sơn"), else "#n".
std::string instanceTitle(const Question& repeat, const AnswerSet& instance, size_t index);

}  // namespace par::wizard

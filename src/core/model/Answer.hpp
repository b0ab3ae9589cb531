// SPDX-License-Identifier: Apache-2.0
// Answer.hpp - answers as an audit file holds them (the file form of each value, as text), and their
// conversion to expression values and from what a person types. Keeping the file form as text means
// a round trip never changes what the inspector entered.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/expr/Value.hpp"
#include "core/model/Form.hpp"

namespace par {

struct Answer;

// The answers of one audit, or of one sub-unit instance of a repeat, by question id.
struct AnswerSet {
    std::map<std::string, Answer> answers;

    const Answer* find(const std::string& questionId) const;
    bool empty() const { return answers.empty(); }
};

struct Answer {
    std::string question;
    bool na = false;                                        // "không áp dụng"
    std::string value;                                      // scalar types, file form
    std::vector<std::map<std::string, std::string>> rows;   // Table: column id → file form
    std::vector<AnswerSet> instances;                       // Repeat
    int line = 0;                                           // line in the audit file, 0 if none

    bool operator==(const Answer& o) const;
};
bool operator==(const AnswerSet& a, const AnswerSet& b);

// The expression value of an answer (null when absent, empty or not applicable).
// Throws UsageError when the stored text does not fit the question's type.
expr::Value answerValue(const Question& q, const Answer* a);
// The value of one scalar cell or answer text for a question or column of a scalar type.
expr::Value scalarValue(const Question& q, const std::string& fileForm);

// Turns what a person typed ("có", "12,5", "05/12/2018", "a; b") into the file form, or throws
// UsageError saying what the question expects. Empty input gives "".
std::string normaliseInput(const Question& q, const std::string& input);

// A stored scalar answer as a person reads it, in the current language: "có" / "một phần" /
// "không", a choice's label, a number with a decimal comma, a date DD/MM/YYYY; the stored form
// followed by "(không hợp lệ)" when it does not fit the question.
std::string answerLabel(const Question& q, const std::string& fileForm);

// A short Vietnamese description of what a question accepts ("có/không", "số nguyên từ 0 đến 100").
std::string expectedInputDescription(const Question& q);

}  // namespace par

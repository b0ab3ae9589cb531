// SPDX-License-Identifier: Apache-2.0
// AnswerEditor.hpp - turns what the user typed or picked into answers of the open audit: scalar
// questions, "not applicable", table rows and cells, and sub-unit instances of a repeat with their
// questions. A value that does not fit its question is not stored: its message is kept in the session
// as an input error of that field, so the page shows it inline and stays invalid until corrected.
#pragma once

#include <string>

#include "core/wizard/AuditSession.hpp"

namespace par::wizard {

class AnswerEditor {
public:
    explicit AnswerEditor(AuditSession& session);

    // Stores the typed value of a field (empty clears it). Returns false, and records the message
    // as the field's input error, when the value does not fit the question.
    bool enter(const FieldPath& field, const std::string& input);
    // The stored file form of a field ("" when unanswered).
    std::string value(const FieldPath& field) const;

    void setNotApplicable(const std::string& question, bool na);
    bool notApplicable(const std::string& question) const;

    // Rows of a table / instances of a repeat.
    size_t rowCount(const std::string& question) const;
    size_t addRow(const std::string& question);  // returns the new row's index
    void removeRow(const std::string& question, size_t row);

    // The question a field refers to (the column or repeat child for cells); throws UsageError.
    const Question& questionOf(const FieldPath& field) const;

private:
    const Question& topLevel(const std::string& id) const;

    AuditSession& session_;
};

}  // namespace par::wizard

// SPDX-License-Identifier: Apache-2.0
// SectionPageState.hpp - what one form-section page shows and whether it may be left: for each
// question, whether it is relevant now (hidden otherwise), required, answered, and its messages
// (type, range, pattern, constraint problems and values typed that could not be stored are errors;
// a required question still unanswered is a warning). A page is valid when no visible question has
// an error, complete when every visible required question is answered.
#pragma once

#include <string>
#include <vector>

#include "core/wizard/AuditSession.hpp"

namespace par::wizard {

struct QuestionState {
    const Question* question = nullptr;
    bool visible = true;
    bool required = false;
    bool answered = false;
    std::vector<std::string> errors;
    std::vector<std::string> warnings;
};

class SectionPageState {
public:
    SectionPageState(const AuditSession& session, size_t sectionIndex);

    const Section& section() const;
    // Recomputed from the session on each call (relevance depends on answers on other pages).
    std::vector<QuestionState> questions() const;

    bool valid() const;
    bool complete() const;
    size_t errorCount() const;
    size_t missingCount() const;  // required questions not answered (also in sub-units)

    // Whether a question inside a repeat instance is relevant (its relevance sees the instance).
    bool childVisible(const std::string& repeat, size_t instance, const std::string& child) const;

private:
    const AuditSession& session_;
    size_t index_;
};

// Whether an answer holds anything (a value, "not applicable", rows, instances).
bool isAnswered(const Answer* a);

}  // namespace par::wizard

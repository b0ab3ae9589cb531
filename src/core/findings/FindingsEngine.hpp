// SPDX-License-Identifier: Apache-2.0
// FindingsEngine.hpp - turns answers into findings. Each rule of the form is evaluated (once, or once
// per row of its for-each table); a rule that holds gives a finding with its rendered text, legal
// basis and recommendation. Merging into an audit keeps manual findings and manual edits, and marks
// a rule finding whose condition no longer holds as stale instead of deleting it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/common/Error.hpp"
#include "core/model/Audit.hpp"
#include "core/model/Form.hpp"
#include "core/model/Reference.hpp"

namespace par {

struct MergeReport {
    std::vector<std::string> added;        // new finding ids
    std::vector<std::string> refreshed;    // rule findings whose text changed with the answers
    std::vector<std::string> keptEdited;   // edited by inspectors: text kept although the rule's text changed
    std::vector<std::string> staled;       // condition no longer holds
    std::vector<std::string> reactivated;  // stale findings whose condition holds again
    ValidationResult problems;             // rules that could not be evaluated

    bool changed() const;
};

class FindingsEngine {
public:
    FindingsEngine(const Form& form, std::shared_ptr<const ReferenceData> reference);

    // The rule findings that hold for the audit now (ids left empty), in rule order.
    std::vector<Finding> evaluate(const Audit& audit, ValidationResult* problems = nullptr) const;

    // Evaluates and merges into audit.findings (see the banner). Does not log or save.
    MergeReport apply(Audit& audit) const;

private:
    const Form& form_;
    std::shared_ptr<const ReferenceData> reference_;
};

}  // namespace par

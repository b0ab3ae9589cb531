// SPDX-License-Identifier: Apache-2.0
// StepList.hpp - the wizard's steps (details, one per form section, dossier data when the dossier
// module is there, findings review, score when scoring is there, the conclusion notice, output), where the inspector is,
// and each step's status for the step list: complete, incomplete (something required is missing) or
// invalid (an error). Moving forward is blocked while the current step is invalid; moving back and
// jumping to an earlier step are always allowed.
#pragma once

#include <string>
#include <vector>

#include "core/wizard/AuditSession.hpp"

namespace par::wizard {

enum class StepKind { Details, Section, Dossier, Findings, Score, Notice, Output };
enum class StepStatus { Complete, Incomplete, Invalid };

struct Step {
    StepKind kind = StepKind::Details;
    size_t section = 0;  // for Section steps
    std::string title;
    StepStatus status = StepStatus::Complete;
    size_t errors = 0;
    size_t missing = 0;
};

struct StepOptions {
    bool dossier = false;
    bool score = false;
    // What the app offers: the dossier step when the form has the late-handling table, the score.
    static StepOptions forSession(const AuditSession& session);
};

class StepList {
public:
    StepList(AuditSession& session, StepOptions options = {});

    // Recomputed from the session on each call.
    std::vector<Step> steps() const;
    Step step(size_t index) const;
    size_t count() const;
    size_t current() const { return current_; }

    bool canGoNext() const;
    bool canGoBack() const { return current_ > 0; }
    // Why Next is blocked ("" when it is not).
    std::string blockReason() const;
    bool next();
    bool back();
    // Back or to the current step: always; forward: only when no step from the current one up to
    // `index` is invalid.
    bool goTo(size_t index);
    // The index of the first step of a kind (count() when absent).
    size_t indexOf(StepKind kind, size_t section = 0) const;

private:
    Step evaluate(StepKind kind, size_t section) const;
    std::vector<std::pair<StepKind, size_t>> layout() const;

    AuditSession& session_;
    StepOptions options_;
    size_t current_ = 0;
};

}  // namespace par::wizard

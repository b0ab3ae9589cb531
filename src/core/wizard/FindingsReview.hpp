// SPDX-License-Identifier: Apache-2.0
// FindingsReview.hpp - the findings review page: re-evaluates the form's rules (FindingsEngine::apply,
// which keeps manual findings and edits and flags stale rule findings), adds and removes manual
// findings, and applies the inspectors' edits to a finding (text, severity, legal basis,
// recommendation, responsible unit, deadline). Editing a rule finding's text marks it as edited so a
// later re-evaluation keeps the inspectors' wording.
#pragma once

#include <string>
#include <vector>

#include "core/actions/FindingActions.hpp"
#include "core/findings/FindingsEngine.hpp"
#include "core/wizard/AuditSession.hpp"

namespace par::wizard {

struct FindingEdit {
    std::string text;
    Severity severity = Severity::Medium;
    std::string area;
    std::string category;
    std::vector<std::string> legalBasis;
    std::string recommendation;
    std::string responsible;
    std::string deadline;  // "30 working-days", "15 calendar-days", "2019-03-31" or DD/MM/YYYY; "" none
};

class FindingsReview {
public:
    explicit FindingsReview(AuditSession& session);

    // Re-evaluates the rules and merges (see the banner).
    MergeReport refresh();
    const std::vector<Finding>& findings() const;
    const Finding& at(const std::string& id) const;  // throws UsageError for an unknown id

    // A new manual finding (empty text, the form's first area and category); returns its id.
    std::string addManual();
    // A finding of the team's own as typed in one go (the core action; throws UsageError).
    std::string add(const actions::FindingInput& input);
    // The others dismissed as duplicates of `keep` (the core action; throws UsageError).
    void merge(const std::string& keep, const std::vector<std::string>& others);
    // Removes a manual finding; rule findings cannot be removed (they come back on re-evaluation).
    void remove(const std::string& id);
    bool canRemove(const std::string& id) const;

    FindingEdit editOf(const std::string& id) const;
    // Applies an edit; throws UsageError (nothing changed) for a deadline that cannot be read or an
    // empty text.
    void edit(const std::string& id, const FindingEdit& edit);

    // Dismissing a rule finding keeps it in the audit, out of the documents, the plan and the score,
    // with the inspectors' reason; re-evaluation keeps the dismissal (FindingsEngine::apply), and
    // restore() undoes it. Manual findings are removed instead. Throws UsageError for a manual
    // finding or an empty reason.
    bool canDismiss(const std::string& id) const;
    void dismiss(const std::string& id, const std::string& reason);
    void restore(const std::string& id);
    size_t dismissedCount() const;

    // Stale findings not dismissed (a dismissed one needs no more attention).
    size_t staleCount() const;
    // Findings that need attention: empty text (error) and stale ones (warning).
    size_t errorCount() const;

    // Parses a deadline as a person types it: "30 ngày làm việc", "30 working-days", "15 ngày",
    // "31/03/2019". Throws UsageError.
    static DeadlineRule parseDeadline(const std::string& input);
    // The deadline as the page shows it (the file form; the display form is DeadlineRule::display()).
    static std::string deadlineText(const DeadlineRule& rule);

private:
    Finding& find(const std::string& id);

    AuditSession& session_;
};

}  // namespace par::wizard

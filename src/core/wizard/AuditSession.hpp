// SPDX-License-Identifier: Apache-2.0
// AuditSession.hpp - the audit open in the app: the bundle (audit, form, reference data, functions),
// where it lives on disk, whether it has unsaved changes, the inputs the user typed that could not be
// stored (kept with their message so the page stays invalid), and the validator's problems, recomputed
// only after a change. Every page state edits the audit through its session.
#pragma once

#include <map>
#include <set>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/actions/AuditCreation.hpp"
#include "core/model/AnswerValidator.hpp"
#include "core/model/AuditBundle.hpp"
#include "core/wizard/FieldPath.hpp"

namespace par::wizard {

// What the start page asks for a new audit (the core's request: core/actions/AuditCreation.hpp).
using NewAuditRequest = actions::NewAuditRequest;

class AuditSession {
public:
    // Opens an audit file (AuditBundle::open); throws ParseError / IoError.
    static std::unique_ptr<AuditSession> open(const std::string& path);
    // A new, unsaved audit against a form; throws ParseError / IoError / UsageError.
    static std::unique_ptr<AuditSession> create(const NewAuditRequest& request);
    // An audit from recovery XML; `originalPath` (may be empty) is where it belongs. Marked dirty.
    static std::unique_ptr<AuditSession> restore(const std::string& xml, const std::string& originalPath);

    Audit& audit() { return bundle_.audit; }
    const Audit& audit() const { return bundle_.audit; }
    const Form& form() const { return *bundle_.form; }
    const AuditBundle& bundle() const { return bundle_; }
    std::shared_ptr<const ReferenceData> reference() const { return bundle_.reference; }
    const AnswerValidator& validator() const { return *validator_; }

    // Where the audit is saved; empty for a new audit never saved.
    const std::string& path() const { return path_; }
    bool dirty() const { return dirty_; }
    // Counts every change, so views can tell whether what they show is current.
    unsigned long changeCount() const { return changes_; }
    // Called after every edit of the audit that has no change code of its own (the save then logs
    // "saved from the app").
    void touch();
    // Called after an edit made through a core action: its change code is logged at the next save,
    // as the CLI logs it at once. A later change of the same field replaces an earlier pending one.
    void record(const ChangeCode& change);
    // Called after an answer changed: one "answer.set" entry at the next save lists them all.
    void recordAnswer(const std::string& question);
    // Changes waiting for the next save, in order.
    std::vector<ChangeCode> pendingChanges() const;
    // Re-creates the expression functions after the visit dates changed (outdated() uses them).
    void datesChanged();

    // Saves to `path` (or the current path) under the audit's lock (LockedError when another
    // inspector holds it): logs the pending changes (or "saved from the app" for edits without a
    // code), writes atomically with a backup, clears the dirty flag. A new audit's first save refuses
    // an existing file, like `par-audit new`; its form reference is made relative to the file.
    void save(const std::string& path = "");
    // Who the change log names for this session's changes ("" = the login name).
    void setUser(const std::string& by) { by_ = by; }
    // The audit as it would be saved, for recovery files.
    std::string toXml() const;

    // Problems of the answers (AnswerValidator::check), cached until the next change.
    const std::vector<AnswerProblem>& problems() const;

    // Typed values that could not be stored, by field.
    void setInputError(const FieldPath& field, const std::string& message);
    void clearInputError(const FieldPath& field);
    // Clears the errors of every field of question `q` (when a row is removed, for instance).
    void clearInputErrors(const std::string& question);
    const std::map<std::string, std::pair<FieldPath, std::string>>& inputErrors() const { return inputErrors_; }
    std::optional<std::string> inputError(const FieldPath& field) const;

private:
    AuditSession() = default;
    void init();

    AuditBundle bundle_;
    std::unique_ptr<AnswerValidator> validator_;
    std::string path_;
    std::string by_;
    bool dirty_ = false;
    bool untracked_ = false;  // edited without a change code since the last save
    std::vector<ChangeCode> pending_;
    std::set<std::string> answered_;
    unsigned long changes_ = 0;
    std::map<std::string, std::pair<FieldPath, std::string>> inputErrors_;
    mutable std::vector<AnswerProblem> problems_;
    mutable unsigned long problemsAt_ = ~0UL;
};

}  // namespace par::wizard

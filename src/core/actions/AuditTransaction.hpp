// SPDX-License-Identifier: Apache-2.0
// AuditTransaction.hpp - one user action on an audit file, the way every client does it: take the
// audit's lock (a second inspector on the shared folder is told who holds it), load the audit with
// its form and reference data, apply the change, append its change-log entries, save atomically
// with a backup, release the lock. A change that throws leaves the file untouched; a change that
// returns no ChangeCode (nothing to do) writes nothing.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/model/AuditBundle.hpp"

namespace par::actions {

struct TransactionOptions {
    std::string by;  // who makes the change; "" = the login name (core/common/Clock.hpp)
};

struct TransactionResult {
    std::vector<ChangeCode> changes;  // what was logged; empty: nothing was written
    int revision = 0;                 // the audit's revision after the action
    std::string brokenLockOwner;      // set when a stale lock of this person was taken over
};

using AuditChange = std::function<std::vector<ChangeCode>(AuditBundle&)>;

// Throws track::LockedError, IoError, ParseError, UsageError (from the change), ConflictError.
TransactionResult modifyAudit(const std::string& path, const AuditChange& change,
                              const TransactionOptions& options = {});

// The same for changes that need the audit alone, not its form (the remediation plan's actions:
// an audit whose form cannot be found can still be tracked).
using AuditFileChange = std::function<std::vector<ChangeCode>(Audit&)>;
TransactionResult modifyAuditFile(const std::string& path, const AuditFileChange& change,
                                  const TransactionOptions& options = {});

// Appends one log entry per change (by `by`), in order.
void logChanges(Audit& audit, const std::vector<ChangeCode>& changes, const std::string& by);

}  // namespace par::actions

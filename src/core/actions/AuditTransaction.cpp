// SPDX-License-Identifier: Apache-2.0
#include "core/actions/AuditTransaction.hpp"

#include <chrono>

#include "core/model/AuditReader.hpp"
#include "core/model/AuditWriter.hpp"
#include "core/tracking/AuditLock.hpp"

namespace par::actions {

void logChanges(Audit& audit, const std::vector<ChangeCode>& changes, const std::string& by) {
    for (const auto& c : changes) audit.logChange(c, by);
}

namespace {
// Lock, load with `load`, change, log, save: the one sequence both entry points share. `audit`
// picks the loaded audit out of what `load` returns.
template <typename Loaded, typename Load, typename Change, typename AuditOf>
TransactionResult transaction(const std::string& path, const TransactionOptions& options, Load load, Change change,
                              AuditOf auditOf) {
    track::LockOptions lockOptions;
    lockOptions.owner = options.by;
    track::AuditLock lock(path, lockOptions);
    TransactionResult result;
    if (lock.brokenStale()) result.brokenLockOwner = lock.brokenStale()->owner;
    Loaded loaded = load(path);
    Audit& audit = auditOf(loaded);
    result.changes = change(loaded);
    result.revision = audit.revision;
    if (result.changes.empty()) return result;
    logChanges(audit, result.changes, options.by);
    AuditWriter::save(audit, path);
    result.revision = audit.revision;
    return result;
}
}  // namespace

TransactionResult modifyAudit(const std::string& path, const AuditChange& change, const TransactionOptions& options) {
    return transaction<AuditBundle>(
        path, options, [](const std::string& p) { return AuditBundle::open(p); }, change,
        [](AuditBundle& b) -> Audit& { return b.audit; });
}

TransactionResult modifyAuditFile(const std::string& path, const AuditFileChange& change,
                                  const TransactionOptions& options) {
    return transaction<Audit>(
        path, options, [](const std::string& p) { return AuditReader::load(p); }, change,
        [](Audit& a) -> Audit& { return a; });
}

}  // namespace par::actions

#include "core/actions/AuditTransaction.hpp"

#include <chrono>

#include "core/model/AuditReader.hpp"
#include "core/model/AuditWriter.hpp"
#include "core/tracking/AuditLock.hpp"

namespace par::actions {

void logChanges(Audit& audit, const std::vector<ChangeCode>& changes, const std::string& by) {
    for (const auto& c : changes) audit.logChange(c, by);
}

TransactionResult modifyAudit(const std::string& path, const AuditChange& change,
                              const TransactionOptions& options) {
    track::LockOptions lockOptions;
    lockOptions.owner = options.by;
    track::AuditLock lock(path, lockOptions);
    TransactionResult result;
    if (lock.brokenStale()) result.brokenLockOwner = lock.brokenStale()->owner;
    AuditBundle bundle = AuditBundle::open(path);
    result.changes = change(bundle);
    result.revision = bundle.audit.revision;
    if (result.changes.empty()) return result;
    logChanges(bundle.audit, result.changes, options.by);
    AuditWriter::save(bundle.audit, path);
    result.revision = bundle.audit.revision;
    return result;
}

TransactionResult modifyAuditFile(const std::string& path, const AuditFileChange& change,
                                  const TransactionOptions& options) {
    track::LockOptions lockOptions;
    lockOptions.owner = options.by;
    track::AuditLock lock(path, lockOptions);
    TransactionResult result;
    if (lock.brokenStale()) result.brokenLockOwner = lock.brokenStale()->owner;
    Audit audit = AuditReader::load(path);
    result.changes = change(audit);
    result.revision = audit.revision;
    if (result.changes.empty()) return result;
    logChanges(audit, result.changes, options.by);
    AuditWriter::save(audit, path);
    result.revision = audit.revision;
    return result;
}

}  // namespace par::actions

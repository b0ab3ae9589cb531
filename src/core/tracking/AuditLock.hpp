// SPDX-License-Identifier: Apache-2.0
// AuditLock.hpp - the lock file that tells a second inspector an audit is open on someone's machine
// (audits live on shared folders). "NAME.lock" beside the audit holds owner, host, pid and time. A
// lock older than the stale limit (12 h by default), or held by a process that no longer exists on
// this same host, is stale and taken over. The lock is advisory: the revision check of
// AuditWriter::save is the last line of defence for writers that take no lock.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "core/common/Error.hpp"

namespace par::track {

struct LockInfo {
    std::string owner;
    std::string host;
    long pid = 0;
    long long epoch = 0;  // seconds since 1970 when taken
    std::string time;     // the same instant, ISO local time, for people

    // Reads the "key=value" lines of a lock file; nullopt when unreadable or malformed.
    static std::optional<LockInfo> parse(const std::string& text);
    std::string str() const;  // the file's content
};

// The audit is locked by someone else (a live, recent lock).
class LockedError : public Error {
public:
    LockedError(std::string auditPath, LockInfo holder);
    const LockInfo& holder() const { return holder_; }

private:
    LockInfo holder_;
};

struct LockOptions {
    std::chrono::seconds staleAfter{12 * 3600};
    std::string owner;  // default: the login name
};

class AuditLock {
public:
    // Takes the lock of `auditPath`, breaking a stale one; throws LockedError when someone holds a
    // live one, IoError when the lock file cannot be written.
    explicit AuditLock(std::string auditPath, LockOptions options = {});
    ~AuditLock();
    AuditLock(const AuditLock&) = delete;
    AuditLock& operator=(const AuditLock&) = delete;

    // Removes the lock file if it is still ours. Called by the destructor.
    void release();

    const LockInfo& info() const { return info_; }
    // The stale lock that was taken over, if any (the CLI tells the user).
    const std::optional<LockInfo>& brokenStale() const { return brokenStale_; }

    static std::string lockPath(const std::string& auditPath) { return auditPath + ".lock"; }
    // The current lock of an audit, if any.
    static std::optional<LockInfo> current(const std::string& auditPath);
    // Whether `lock` is stale now for this machine.
    static bool isStale(const LockInfo& lock, std::chrono::seconds staleAfter);
    static std::string hostName();

private:
    std::string path_;
    LockInfo info_;
    std::optional<LockInfo> brokenStale_;
    bool held_ = false;
};

}  // namespace par::track

// SPDX-License-Identifier: Apache-2.0
// RecoveryStore.hpp - autosave for crash recovery. Every minute the app writes the open audit to a
// recovery file in a folder of its own (never over the audit itself), with a small sidecar naming the
// audit's real path, its unit and the writing process. A clean save or close removes the file; files
// left behind by a process that is no longer running are offered for restoring at the next start.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/wizard/AuditSession.hpp"

namespace par::wizard {

struct RecoveryEntry {
    std::string file;      // the recovery XML
    std::string original;  // where the audit belongs ("" for an audit never saved)
    std::string unit;      // the inspected unit, to name the entry
    std::string savedAt;   // "YYYY-MM-DD HH:MM"
    long pid = 0;          // the process that wrote it
};

class RecoveryStore {
public:
    // `directory` is created when needed.
    explicit RecoveryStore(std::string directory);

    // Writes the session's audit; returns the recovery file's path. `previous` (the path a former
    // write returned) is removed when the file name changed (after Save As, for instance).
    std::string write(const AuditSession& session, const std::string& previous = "");
    // Recovery files whose writer is no longer running (this process's own files excluded).
    std::vector<RecoveryEntry> pending() const;
    void discard(const std::string& recoveryFile);
    // The session held by a recovery file; throws ParseError / IoError.
    static std::unique_ptr<AuditSession> restore(const RecoveryEntry& entry);

    const std::string& directory() const { return dir_; }

private:
    std::string dir_;
};

}  // namespace par::wizard

// SPDX-License-Identifier: Apache-2.0
// AuditWriter.hpp - writes an audit as XML (docs/audit-files.md) in a fixed order, so the same
// audit always gives the same bytes, and saves it atomically with a backup of the previous version.
// A save never overwrites a newer revision of the same audit written by someone else: it throws
// RevisionConflict instead (docs/tracking.md, "Two people, one audit").
#pragma once

#include <string>

#include "core/common/Error.hpp"
#include "core/model/Audit.hpp"

namespace par {

// The file on disk holds a newer revision of the same audit than the one the caller loaded.
class RevisionConflict : public Error {
public:
    RevisionConflict(std::string file, int diskRevision, int loadedRevision, std::string lastBy,
                     std::string lastAt);
    const std::string& file() const { return file_; }
    int diskRevision() const { return diskRevision_; }
    int loadedRevision() const { return loadedRevision_; }
    const std::string& lastBy() const { return lastBy_; }  // from the change log; may be empty
    const std::string& lastAt() const { return lastAt_; }

private:
    std::string file_;
    int diskRevision_;
    int loadedRevision_;
    std::string lastBy_;
    std::string lastAt_;
};

class AuditWriter {
public:
    // The file's content; `formatVersion` is what the root says (the current version unless the
    // fingerprint asks for the frozen one, see Audit::fingerprint).
    static std::string toXml(const Audit& audit, int formatVersion = kAuditFormatVersion);

    // Atomic save (temporary file, fsync, rename; the old version kept as path + ".bak").
    // Increments audit.revision and sets audit.file. Throws IoError; the old file stays intact.
    // First re-reads the revision on disk: when `path` holds the same audit (same id) with a revision
    // newer than audit.revision, throws RevisionConflict and writes nothing.
    static void save(Audit& audit, const std::string& path);
};

}  // namespace par

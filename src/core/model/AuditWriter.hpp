// AuditWriter.hpp - writes an audit as XML (docs/audit-files.md) in a fixed order, so the same
// audit always gives the same bytes, and saves it atomically with a backup of the previous version.
#pragma once

#include <string>

#include "core/model/Audit.hpp"

namespace par {

class AuditWriter {
public:
    static std::string toXml(const Audit& audit);

    // Atomic save (temporary file, fsync, rename; the old version kept as path + ".bak").
    // Increments audit.revision and sets audit.file. Throws IoError; the old file stays intact.
    static void save(Audit& audit, const std::string& path);
};

}  // namespace par

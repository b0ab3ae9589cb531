// SPDX-License-Identifier: Apache-2.0
// EvidenceStore.hpp - where the evidence a unit sent is kept: NAME.evidence/<action id>/ beside
// NAME.audit.xml (docs/tracking.md, "Evidence"). An import stages every action's files in a
// temporary folder inside NAME.evidence first; only after the audit is saved does commit() move
// each action's folder into place with one rename (a folder already there, from an earlier
// report, is kept as <action id>.previous-N). An import that fails, or a staging that is never
// committed, leaves no file behind: nothing half-written.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace par::track {

// NAME.evidence for NAME.audit.xml (or NAME.xml, or NAME).
std::string evidenceFolder(const std::string& auditPath);

class EvidenceStaging {
public:
    explicit EvidenceStaging(std::string auditPath);
    ~EvidenceStaging();  // removes what was staged and not committed
    EvidenceStaging(const EvidenceStaging&) = delete;
    EvidenceStaging& operator=(const EvidenceStaging&) = delete;

    // Writes the files (bare names, already checked) of one action into the staging folder
    // (flushed to disk). Throws IoError.
    void stage(const std::string& actionId, const std::map<std::string, std::string>& files);
    // Moves every staged action folder into place. Throws IoError naming the folder left staged.
    // Returns the folders made.
    std::vector<std::string> commit();

private:
    std::string folder_;
    std::string staging_;
    std::vector<std::string> staged_;
};

}  // namespace par::track

// SPDX-License-Identifier: Apache-2.0
// FileSet.hpp - several output files written as one (a batch of plans, one reminder letter per
// unit): nothing half-written. Every file is first written in full to a temporary beside its target
// and flushed (AtomicFile.hpp's temporaries: exclusive, no symbolic links); only when all are
// written are they renamed into place. When any write fails, nothing is renamed, the temporaries
// are removed, and the folder is as it was.
#pragma once

#include <string>
#include <vector>

namespace par {

struct OutputFile {
    std::string path;
    std::string content;
};

// Throws IoError (naming the file and the step) or UsageError (the same path twice, a read-only
// target). A rename that fails after others succeeded (the disk removed under us) is reported
// with the files already replaced.
void writeFilesTogether(const std::vector<OutputFile>& files);

}  // namespace par

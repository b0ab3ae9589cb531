// AtomicFile.hpp - crash-safe saving: write a temporary file next to the target, flush it to disk,
// keep the previous version as "<file>.bak", then rename over the target. At every instant the target
// is either the complete old version or the complete new one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace par {

struct AtomicWriteOptions {
    bool keepBackup = true;  // previous version kept as path + ".bak"
    // Flush the file and its folder to disk. Off only for what can be rebuilt (the register's
    // cache): the rename still makes the swap all-or-nothing for readers, but after a power cut
    // the file may be empty or old.
    bool durable = true;
};

// Throws IoError; on failure the target is left as it was and the temporary file is removed.
void writeFileAtomically(const std::string& path, std::string_view content,
                         const AtomicWriteOptions& options = {});
// The same for content given in pieces, written one after the other (no copy into one buffer).
void writeFileAtomically(const std::string& path, const std::vector<std::string_view>& pieces,
                         const AtomicWriteOptions& options = {});

// Reads a whole file; throws IoError.
std::string readFile(const std::string& path);

}  // namespace par

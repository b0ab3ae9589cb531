// SPDX-License-Identifier: Apache-2.0
// AtomicFile.hpp - crash-safe saving: write a temporary file next to the target, flush it to disk,
// keep the previous version as "<file>.bak", then rename over the target. At every instant the
// target is either the complete old version or the complete new one.
//
// Temporary files (docs/reliability.md, "Temporary files") are named after the file they stand for:
//   NAME.tmp-HHHHHHHH-PID-RRRRRRRR       a save in progress (this file)
//   NAME.bak.tmp-HHHHHHHH-PID-RRRRRRRR   the backup being made (this file)
//   NAME.lock.tmp-HHHHHHHH-PID-RRRRRRRR  a lock being taken (AuditLock)
// H: a hash of the host's name, PID: the writing process, R: random. They are created with
// O_EXCL | O_NOFOLLOW (never an existing file, never through a symbolic link placed there), and the
// ones a killed process left are removed the next time the same file is opened or saved.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/InputFile.hpp"  // readFile, for the callers that save and read back

namespace par {

struct AtomicWriteOptions {
    bool keepBackup = true;  // previous version kept as path + ".bak"
    // Flush the file and its folder to disk. Off only for what can be rebuilt (the register's
    // cache): the rename still makes the swap all-or-nothing for readers, but after a power cut
    // the file may be empty or old.
    bool durable = true;
};

// Throws IoError; on failure the target is left as it was, the temporary file is removed and the
// message says that the existing file is intact. A target that exists keeps its mode, its group
// and, when the process may set it, its owner. A read-only target (no write permission for anyone,
// or none for this user) is refused, not replaced.
// Writes all of `content` to `fd` (retrying short writes and EINTR); false on an error (errno set).
bool writeAll(int fd, std::string_view content);

void writeFileAtomically(const std::string& path, std::string_view content,
                         const AtomicWriteOptions& options = {});
// The same for content given in pieces, written one after the other (no copy into one buffer).
void writeFileAtomically(const std::string& path, const std::vector<std::string_view>& pieces,
                         const AtomicWriteOptions& options = {});

// A temporary file created for `base` ("NAME", "NAME.bak", "NAME.lock"): its path and descriptor.
struct TemporaryFile {
    std::string path;
    int fd = -1;
};
// Creates base + ".tmp-HHHHHHHH-PID-RRRRRRRR" with O_EXCL | O_NOFOLLOW (a name taken is drawn
// again); `mode` before the umask. Throws IoError.
TemporaryFile createTemporary(const std::string& base, unsigned mode = 0666);

// A temporary is stale when the process that made it on this host is gone, or when it is older
// than this (made on another host, or by a version that put no pid in the name).
constexpr std::chrono::seconds kStaleTemporaryAge{3600};
// Removes the stale temporaries of `path` (all three kinds above). Best effort (a folder that
// cannot be listed or written is left alone); returns how many were removed.
size_t removeStaleTemporaries(const std::string& path,
                              std::chrono::seconds olderThan = kStaleTemporaryAge);

// Whether process `pid` is running on this host (false when it certainly is not).
bool processAlive(long pid);

}  // namespace par

// SPDX-License-Identifier: Apache-2.0
// LogFile.hpp - how the dossier readers open a log: regular files only (a FIFO, a directory or a
// device is refused before anything is read: a FIFO would hang, /dev/zero never ends), the size
// taken with fstat on the descriptor that is then read (no race with a rename in between).
#pragma once

#include <string>

namespace par::dossier {

class LogFile {
public:
    // Throws IoError naming the file: missing, unreadable, not a regular file.
    explicit LogFile(const std::string& path);
    ~LogFile();
    LogFile(const LogFile&) = delete;
    LogFile& operator=(const LogFile&) = delete;

    int fd() const { return fd_; }
    long long size() const { return size_; }
    // The first bytes (up to n), read with pread: the descriptor's offset does not move.
    std::string head(size_t n) const;
    // Hands the descriptor over (libzip closes it); this object no longer closes it.
    int release();

private:
    std::string path_;
    int fd_ = -1;
    long long size_ = 0;
};

}  // namespace par::dossier

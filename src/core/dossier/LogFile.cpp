// SPDX-License-Identifier: Apache-2.0
// LogFile.cpp - open + the kind and size on the descriptor (core/common/Platform: POSIX open with
// O_NONBLOCK only for the open itself, as opening a FIFO for reading blocks until a writer comes,
// which is the hang this class exists to avoid; Windows CreateFileW by UTF-8 name).
#include "core/dossier/LogFile.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/common/Error.hpp"
#include "core/common/Platform.hpp"
#include "core/common/Text.hpp"

namespace par::dossier {

LogFile::LogFile(const std::string& path) : path_(path) {
    fd_ = platform::openForReading(path);
    if (fd_ < 0)
        throw IoError(
            fmt(tr("không mở được tệp {}: {}", "cannot open {}: {}"), path, std::strerror(errno)));
    platform::FileKind kind = platform::FileKind::Other;
    std::uint64_t size = 0;
    if (!platform::fileKind(fd_, kind, size) || kind != platform::FileKind::Regular) {
        const bool dir = kind == platform::FileKind::Directory;
        ::close(fd_);
        fd_ = -1;
        throw IoError(
            fmt(dir ? tr("{} là một thư mục, không phải nhật ký hồ sơ (CSV hoặc XLSX)",
                         "{} is a folder, not a dossier log (CSV or XLSX)")
                    : tr("{} không phải tệp thông thường (ống, thiết bị hay ổ cắm); hãy "
                         "chỉ ra tệp CSV hoặc XLSX",
                         "{} is not a regular file (a pipe, device or socket); give a CSV "
                         "or XLSX file"),
                path));
    }
    platform::makeBlocking(fd_);
    size_ = static_cast<long long>(size);
}

LogFile::~LogFile() {
    if (fd_ >= 0)
        ::close(fd_);
}

std::string LogFile::head(size_t n) const {
    std::string out(n, '\0');
    size_t got = 0;
    while (got < n) {
        const long long r = platform::readAt(fd_, out.data() + got, n - got, got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            throw IoError(
                fmt(tr("lỗi đọc tệp {}: {}", "error reading {}: {}"), path_, std::strerror(errno)));
        if (r == 0)
            break;
        got += static_cast<size_t>(r);
    }
    out.resize(got);
    return out;
}

int LogFile::release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
}

}  // namespace par::dossier

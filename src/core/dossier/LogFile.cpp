// LogFile.cpp - POSIX open + fstat. O_NONBLOCK only for the open itself: opening a FIFO for reading
// blocks until a writer comes, which is the hang this class exists to avoid.
#include "core/dossier/LogFile.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/common/Error.hpp"
#include "core/common/Text.hpp"

namespace par::dossier {

LogFile::LogFile(const std::string& path) : path_(path) {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd_ < 0)
        throw IoError(
            fmt(tr("không mở được tệp {}: {}", "cannot open {}: {}"), path, std::strerror(errno)));
    struct stat st {};
    if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) {
        const bool dir = S_ISDIR(st.st_mode);
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
    const int flags = ::fcntl(fd_, F_GETFL);
    if (flags >= 0)
        ::fcntl(fd_, F_SETFL, flags & ~O_NONBLOCK);
    size_ = static_cast<long long>(st.st_size);
}

LogFile::~LogFile() {
    if (fd_ >= 0)
        ::close(fd_);
}

std::string LogFile::head(size_t n) const {
    std::string out(n, '\0');
    size_t got = 0;
    while (got < n) {
        const ssize_t r = ::pread(fd_, out.data() + got, n - got, static_cast<off_t>(got));
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

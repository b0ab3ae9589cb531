// SPDX-License-Identifier: Apache-2.0
#include "core/common/InputFile.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "core/common/Error.hpp"
#include "core/common/Platform.hpp"  // open, kind and size by UTF-8 name, POSIX or Windows
#include "core/common/Text.hpp"

namespace par {

namespace {
// What a non-regular file is, for the message.
const char* kindOf(platform::FileKind kind) {
    switch (kind) {
        case platform::FileKind::Directory:
            return tr("một thư mục", "a folder");
        case platform::FileKind::Fifo:
            return tr("một ống dẫn có tên (FIFO)", "a named pipe (FIFO)");
        case platform::FileKind::Device:
            return tr("một thiết bị", "a device");
        case platform::FileKind::Socket:
            return tr("một socket", "a socket");
        default:
            return tr("không phải tệp thông thường", "not a regular file");
    }
}

// Opens without blocking (opening a FIFO for reading would wait for a writer), checks the kind and
// size on the open descriptor (no race with a rename between a stat and the open), then makes
// reads blocking again. Returns the descriptor and the size.
int openRegularFile(const std::string& path, std::uint64_t& size) {
    int fd = platform::openForReading(path);
    if (fd < 0)
        throw IoError(
            fmt(tr("{}: không mở được tệp để đọc: {}", "{}: cannot open the file for reading: {}"),
                path, std::strerror(errno)));
    platform::FileKind kind = platform::FileKind::Other;
    if (!platform::fileKind(fd, kind, size)) {
        int saved = errno;
        ::close(fd);
        throw IoError(fmt(tr("{}: không đọc được tệp: {}", "{}: cannot read the file: {}"), path,
                          std::strerror(saved)));
    }
    if (kind != platform::FileKind::Regular) {
        ::close(fd);
        throw IoError(fmt(tr("{}: đây là {}, không phải một tệp; hãy chỉ ra một tệp",
                             "{}: this is {}, not a file; give a file"),
                          path, kindOf(kind)));
    }
    platform::makeBlocking(fd);
    return fd;
}
}  // namespace

void throwFileTooLarge(const std::string& path, std::uint64_t size, std::uint64_t max) {
    throw ParseError({path, 0, 0}, fmt(tr("tệp quá lớn ({} byte; tối đa {} byte)",
                                          "file too large ({} bytes; at most {})"),
                                       std::to_string(size), std::to_string(max)));
}

InputFile::InputFile(const std::string& path, std::uint64_t maxBytes)
    : path_(path), maxBytes_(maxBytes) {
    fd_ = openRegularFile(path_, size_);
    if (size_ > maxBytes_) {
        ::close(fd_);
        fd_ = -1;
        throwFileTooLarge(path_, size_, maxBytes_);
    }
}

InputFile::~InputFile() {
    if (fd_ >= 0)
        ::close(fd_);
}

size_t InputFile::read(char* buf, size_t n) {
    // One byte past the bound is asked for, so that a file grown past it is noticed.
    const std::uint64_t room =
        maxBytes_ - std::min(done_, maxBytes_) + (maxBytes_ == UINT64_MAX ? 0 : 1);
    n = static_cast<size_t>(std::min<std::uint64_t>(n, room));
    for (;;) {
        ssize_t got = ::read(fd_, buf, n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            throw IoError(fmt(tr("{}: không đọc được tệp: {}", "{}: cannot read the file: {}"),
                              path_, std::strerror(errno)));
        done_ += static_cast<std::uint64_t>(got);
        if (done_ > maxBytes_)
            throwFileTooLarge(path_, done_, maxBytes_);
        return static_cast<size_t>(got);
    }
}

void InputFile::readAll(std::string& out) {
    // The size from fstat first (one read for an ordinary file), then in steps for a file that
    // grew or that reports no size (/proc).
    size_t have = 0;
    out.resize(static_cast<size_t>(size_ - std::min(size_, done_)));
    while (have < out.size()) {
        size_t got = read(out.data() + have, out.size() - have);
        if (got == 0) {
            out.resize(have);  // the file shrank meanwhile
            return;
        }
        have += got;
    }
    char more[16 * 1024];
    while (size_t got = read(more, sizeof more))
        out.append(more, got);
}

std::string readFile(const std::string& path, std::uint64_t maxBytes) {
    std::string out;
    readFileInto(path, out, maxBytes);
    return out;
}

void readFileInto(const std::string& path, std::string& out, std::uint64_t maxBytes) {
    InputFile in(path, maxBytes);
    in.readAll(out);
}

}  // namespace par

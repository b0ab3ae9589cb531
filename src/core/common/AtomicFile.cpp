#include "core/common/AtomicFile.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

#ifdef _WIN32
#include "core/common/Platform.hpp"  // Windows: fsync, link, O_CLOEXEC, replaceFile
#endif
#include "core/common/Error.hpp"
#include "core/common/Text.hpp"

namespace par {

namespace {
std::string dirOf(const std::string& path) {
#ifdef _WIN32
    auto slash = path.find_last_of(platform::kPathSeparators);
#else
    auto slash = path.find_last_of('/');
#endif
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

[[noreturn]] void ioFail(const std::string& path, const char* what) {
    throw IoError(fmt(tr("{}: {} thất bại: {}", "{}: {} failed: {}"), path, what, std::strerror(errno)));
}

void syncDirectory(const std::string& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY, 0);
    if (fd >= 0) {
        ::fsync(fd);  // best effort: some file systems refuse fsync on directories
        ::close(fd);
    }
}

std::string uniqueSuffix() {
    // Reseeded in a forked child: otherwise parent and children draw the same names, and a child
    // killed mid-save leaves a temporary that the next child's save then cannot create (O_EXCL).
    static thread_local pid_t seededFor = 0;
    static thread_local std::mt19937_64 rng;
    if (seededFor != ::getpid()) {
        seededFor = ::getpid();
        rng.seed(std::random_device{}() ^ (uint64_t(::getpid()) << 32));
    }
    char buf[24];
    std::snprintf(buf, sizeof buf, "%08llx", static_cast<unsigned long long>(rng() & 0xffffffffu));
    return buf;
}
}  // namespace

void writeFileAtomically(const std::string& path, std::string_view content,
                         const AtomicWriteOptions& options) {
    writeFileAtomically(path, std::vector<std::string_view>{content}, options);
}

void writeFileAtomically(const std::string& path, const std::vector<std::string_view>& pieces,
                         const AtomicWriteOptions& options) {
    std::string tmp = path + ".tmp-" + uniqueSuffix();
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    // A temporary left by a save that was killed may hold the name drawn: draw another.
    for (int attempt = 0; fd < 0 && errno == EEXIST && attempt < 16; ++attempt) {
        tmp = path + ".tmp-" + uniqueSuffix();
        fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    }
    if (fd < 0) ioFail(tmp, "open");
    for (std::string_view content : pieces) {
        size_t done = 0;
        while (done < content.size()) {
            ssize_t n = ::write(fd, content.data() + done, content.size() - done);
            if (n < 0) {
                if (errno == EINTR) continue;
                int saved = errno;
                ::close(fd);
                ::unlink(tmp.c_str());
                errno = saved;
                ioFail(tmp, "write");
            }
            done += static_cast<size_t>(n);
        }
    }
    if ((options.durable && ::fsync(fd) != 0) || ::close(fd) != 0) {
        int saved = errno;
        ::unlink(tmp.c_str());
        errno = saved;
        ioFail(tmp, "fsync");
    }
    struct stat st {};
    if (options.keepBackup && ::stat(path.c_str(), &st) == 0) {
        // Hard-link the old version as the backup, so the target itself is never missing.
        const std::string bakTmp = path + ".bak.tmp-" + uniqueSuffix();
        if (::link(path.c_str(), bakTmp.c_str()) == 0) {
#ifdef _WIN32
            if (!platform::replaceFile(bakTmp, path + ".bak")) ::unlink(bakTmp.c_str());
#else
            if (::rename(bakTmp.c_str(), (path + ".bak").c_str()) != 0) ::unlink(bakTmp.c_str());
#endif
        } else {
            // No hard links on this file system: copy instead.
            std::ifstream in(path, std::ios::binary);
            std::ostringstream old;
            old << in.rdbuf();
            std::string oldContent = old.str();
            int bfd = ::open(bakTmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
            if (bfd >= 0) {
                bool ok = ::write(bfd, oldContent.data(), oldContent.size()) ==
                          static_cast<ssize_t>(oldContent.size());
                ok = ::fsync(bfd) == 0 && ok;
                ::close(bfd);
#ifdef _WIN32
                if (!ok || !platform::replaceFile(bakTmp, path + ".bak")) ::unlink(bakTmp.c_str());
#else
                if (!ok || ::rename(bakTmp.c_str(), (path + ".bak").c_str()) != 0) ::unlink(bakTmp.c_str());
#endif
            }
        }
    }
#ifdef _WIN32
    // Windows: rename() refuses an existing target; MoveFileExW replaces it (platform::replaceFile).
    if (!platform::replaceFile(tmp, path)) {
#else
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
#endif
        int saved = errno;
        ::unlink(tmp.c_str());
        errno = saved;
        ioFail(path, "rename");
    }
    if (options.durable) syncDirectory(dirOf(path));
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(fmt(tr("{}: không mở được tệp để đọc", "{}: cannot open the file for reading"), path));
    std::ostringstream s;
    s << in.rdbuf();
    if (in.bad()) throw IoError(fmt(tr("{}: không đọc được tệp", "{}: cannot read the file"), path));
    return s.str();
}

}  // namespace par

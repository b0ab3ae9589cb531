// SPDX-License-Identifier: Apache-2.0
#include "core/common/AtomicFile.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>

#include "core/common/Error.hpp"
#include "core/common/Platform.hpp"  // what differs between POSIX and Windows
#include "core/common/Text.hpp"

namespace par {

namespace {
std::string dirOf(const std::string& path) {
    auto slash = path.find_last_of(platform::kPathSeparators);
    if (slash == std::string::npos)
        return ".";
    if (slash == 0)
        return "/";
    return path.substr(0, slash);
}

// Replaces `to` by `from` in one step: rename() on POSIX; on Windows rename() refuses an existing
// target, and ReplaceFileW / MoveFileExW (platform::replaceFile) replace it.
bool renameOver(const std::string& from, const std::string& to) {
    return platform::replaceFile(from, to);
}

std::string baseOf(const std::string& path) {
    auto slash = path.find_last_of(platform::kPathSeparators);
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// What went wrong, in the user's language for the causes a user can act on.
std::string describe(int err) {
    switch (err) {
        case ENOSPC:
#ifdef EDQUOT  // (not on Windows)
        case EDQUOT:
#endif
            return tr("ổ đĩa đã đầy", "the disk is full");
        case EFBIG:
            return tr("tệp vượt quá kích thước hệ thống cho phép",
                      "the file exceeds the size the system allows");
        case EROFS:
            return tr("ổ đĩa chỉ cho phép đọc", "the disk is read-only");
        case EACCES:
        case EPERM:
            return tr("không có quyền ghi vào thư mục", "no permission to write in the folder");
        default:
            return std::strerror(err);
    }
}

// A save that failed before the rename: the target was not touched, and the user must know it.
[[noreturn]] void saveFailed(const std::string& path, bool existed, const char* step, int err) {
    if (existed)
        throw IoError(
            fmt(tr("{}: không lưu được ({}: {}); tệp hiện có vẫn nguyên vẹn, chưa bị thay đổi",
                   "{}: not saved ({}: {}); the existing file is intact, unchanged"),
                path, step, describe(err)));
    throw IoError(fmt(tr("{}: không lưu được ({}: {}); không có tệp nào được ghi",
                         "{}: not saved ({}: {}); nothing was written"),
                      path, step, describe(err)));
}

// 8 hex digits standing for this host in temporary names (FNV-1a of its name): a pid means
// something only on the host that wrote it.
const std::string& hostTag() {
    static const std::string tag = [] {
        const std::string name = platform::hostName();  // "unknown" if the system does not tell
        std::uint32_t h = 2166136261u;
        for (const char* p = name.c_str(); *p != '\0'; ++p)
            h = (h ^ static_cast<unsigned char>(*p)) * 16777619u;
        char buf[16];
        std::snprintf(buf, sizeof buf, "%08x", h);
        return std::string(buf);
    }();
    return tag;
}

std::string uniqueSuffix() {
    // Reseeded in a forked child: otherwise parent and children draw the same names.
    static thread_local long seededFor = 0;
    static thread_local std::mt19937_64 rng;
    const long pid = platform::processId();
    if (seededFor != pid) {
        seededFor = pid;
        rng.seed(std::random_device{}() ^ (uint64_t(pid) << 32));
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s-%ld-%08llx", hostTag().c_str(), pid,
                  static_cast<unsigned long long>(rng() & 0xffffffffu));
    return buf;
}

// A new file, never an existing one nor through a symbolic link (O_EXCL | O_NOFOLLOW; Windows:
// CREATE_NEW | FILE_FLAG_OPEN_REPARSE_POINT).
int createExclusive(const std::string& path, unsigned mode) {
    return platform::createNewFile(path, mode);
}


// Whether the temporary `name` (after "<target>...tmp-") was left by a process gone from this host.
bool ownerGone(std::string_view suffix) {
    // HHHHHHHH-PID-RRRRRRRR
    if (suffix.size() < 12 || suffix.substr(0, 8) != hostTag() || suffix[8] != '-')
        return false;
    std::string_view rest = suffix.substr(9);
    size_t dash = rest.find('-');
    if (dash == std::string_view::npos || dash == 0)
        return false;
    long pid = 0;
    for (char c : rest.substr(0, dash)) {
        if (c < '0' || c > '9' || pid > 100000000)
            return false;
        pid = pid * 10 + (c - '0');
    }
    return pid != platform::processId() && !processAlive(pid);
}

// Best effort: the previous version as path.bak, hard-linked (the target itself is never missing
// meanwhile) or, without hard links, copied.
void keepBackup(const std::string& path) {
    const std::string bak = path + ".bak";
    // link() never follows nor replaces what is at the new name: it fails if anything is there.
    const std::string linked = bak + ".tmp-" + uniqueSuffix();
    if (::link(path.c_str(), linked.c_str()) == 0) {
        if (!renameOver(linked, bak))
            ::unlink(linked.c_str());
        return;
    }
    try {
        std::string old = readFile(path);
        TemporaryFile t = createTemporary(bak);
        bool ok = writeAll(t.fd, old) && ::fsync(t.fd) == 0;
        ok = ::close(t.fd) == 0 && ok;
        if (!ok || !renameOver(t.path, bak))
            ::unlink(t.path.c_str());
    } catch (const Error&) {
        // no backup this time; the save itself goes on
    }
}
}  // namespace

bool processAlive(long pid) {
    return platform::processAlive(pid);
}

namespace {
// -1 with errno set when no temporary could be made.
TemporaryFile tryCreateTemporary(const std::string& base, unsigned mode) {
    TemporaryFile t;
    for (int attempt = 0; attempt < 16; ++attempt) {
        t.path = base + ".tmp-" + uniqueSuffix();
        t.fd = createExclusive(t.path, mode);
        if (t.fd >= 0 || errno != EEXIST)
            break;  // EEXIST: a name taken (left by a kill, or placed)
    }
    return t;
}
}  // namespace

TemporaryFile createTemporary(const std::string& base, unsigned mode) {
    TemporaryFile t = tryCreateTemporary(base, mode);
    if (t.fd < 0)
        throw IoError(
            fmt(tr("{}: không tạo được tệp tạm: {}", "{}: cannot create a temporary file: {}"),
                t.path, describe(errno)));
    return t;
}

size_t removeStaleTemporaries(const std::string& path, std::chrono::seconds olderThan) {
    // Portable (std::filesystem); only ownerGone() asks the operating system about processes.
    namespace fs = std::filesystem;
    const std::string name = baseOf(path);
    std::error_code ec;
    fs::directory_iterator it(fs::u8path(dirOf(path)), ec);
    if (ec)
        return 0;
    const auto now = fs::file_time_type::clock::now();
    size_t removed = 0;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        // u8string: on Windows string() converts through the "C" locale and throws on a name
        // with Vietnamese letters.
        const std::string entry = it->path().filename().u8string();
        if (entry.size() <= name.size() || entry.compare(0, name.size(), name) != 0)
            continue;
        std::string_view rest = std::string_view(entry).substr(name.size());
        std::string_view suffix;
        for (std::string_view kind : {".tmp-", ".bak.tmp-", ".lock.tmp-"})
            if (rest.compare(0, kind.size(), kind) == 0)
                suffix = rest.substr(kind.size());
        if (suffix.empty())
            continue;
        // Temporaries are created as files: a symbolic link at such a name was placed by someone
        // else and is removed (the link, never what it points to).
        const fs::file_status st = it->symlink_status(ec);
        if (ec || fs::is_directory(st))
            continue;
        bool old = false;
        if (fs::is_symlink(st)) {
            old = true;
        } else {
            const auto written = fs::last_write_time(it->path(), ec);
            old = !ec && now - written > olderThan;
        }
        if (ownerGone(suffix) || old)
            removed += fs::remove(it->path(), ec) ? 1 : 0;
    }
    return removed;
}

void writeFileAtomically(const std::string& path, std::string_view content,
                         const AtomicWriteOptions& options) {
    writeFileAtomically(path, std::vector<std::string_view>{content}, options);
}

void writeFileAtomically(const std::string& path, const std::vector<std::string_view>& pieces,
                         const AtomicWriteOptions& options) {
    const platform::ReplacedFile old = platform::inspectReplaced(path);
    const bool existed = old.exists;
    // Replacing the file by a rename needs only the folder's permission: a file its owner made
    // read-only would be replaced without a word.
    if (existed && !old.writable)
        throw IoError(
#ifdef _WIN32
            fmt(tr("{}: tệp chỉ cho phép đọc, không được ghi đè; tệp vẫn nguyên vẹn. Nếu muốn lưu, "
                   "hãy bỏ đánh dấu \"Chỉ đọc\" (Read-only) trong Thuộc tính của tệp hoặc lưu sang tệp khác",
                   "{}: the file is read-only and is not overwritten; it is intact. To save, clear "
                   "\"Read-only\" in the file's Properties or save under another name"),
                path));
#else
            fmt(tr("{}: tệp chỉ cho phép đọc, không được ghi đè; tệp vẫn nguyên vẹn. Nếu muốn "
                   "lưu, hãy cho phép ghi (chmod u+w) hoặc lưu sang tệp khác",
                   "{}: the file is read-only and is not overwritten; it is intact. To save, "
                   "make it writable (chmod u+w) or save under another name"),
                path));
#endif
    removeStaleTemporaries(path);
    TemporaryFile t = tryCreateTemporary(path, 0666);
    if (t.fd < 0)
        saveFailed(path, existed, tr("tạo tệp tạm", "creating the temporary file"), errno);
    auto fail = [&](const char* step) {
        int saved = errno;
        ::close(t.fd);
        ::unlink(t.path.c_str());
        saveFailed(path, existed, step, saved);
    };
    for (std::string_view content : pieces)
        if (!writeAll(t.fd, content))
            fail(tr("ghi", "write"));
    if (existed)
        platform::keepOwnership(t.fd, old);
    if (options.durable && ::fsync(t.fd) != 0)
        fail(tr("đẩy xuống đĩa", "flush to disk"));
    if (::close(t.fd) != 0) {
        int saved = errno;
        ::unlink(t.path.c_str());
        saveFailed(path, existed, tr("đóng tệp", "close"), saved);
    }
    if (options.keepBackup && existed)
        keepBackup(path);
    if (!renameOver(t.path, path)) {
        int saved = errno;
        ::unlink(t.path.c_str());
        saveFailed(path, existed, tr("đổi tên", "rename"), saved);
    }
    if (options.durable)
        platform::syncDirectory(dirOf(path));
}

bool writeAll(int fd, std::string_view content) {
    size_t done = 0;
    while (done < content.size()) {
        ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

}  // namespace par

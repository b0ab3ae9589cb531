// SPDX-License-Identifier: Apache-2.0
#include "core/common/Platform.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <functional>

#include <fcntl.h>
#include <sys/stat.h>

#ifdef _WIN32
#include <io.h>
#include <windows.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <thread>
#else
#include <pwd.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#endif

namespace par::platform {

const void* findBytes(const void* haystack, std::size_t n, const void* needle, std::size_t m) {
#ifdef _WIN32
    const char* h = static_cast<const char*>(haystack);
    const char* nd = static_cast<const char*>(needle);
    if (m == 0) return haystack;
    const char* hit = std::search(h, h + n, std::boyer_moore_horspool_searcher<const char*>(nd, nd + m));
    return hit == h + n ? nullptr : hit;
#else
    return ::memmem(haystack, n, needle, m);
#endif
}

std::time_t utcSeconds(std::tm& tm) {
#ifdef _WIN32
    return _mkgmtime(&tm);
#else
    return timegm(&tm);
#endif
}

bool parseIsoDateTime(const std::string& text, std::tm& tm) {
    if (text.size() < 19 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
        text[16] != ':')
        return false;
    int v[6] = {};
    const int at[6] = {0, 5, 8, 11, 14, 17}, len[6] = {4, 2, 2, 2, 2, 2};
    for (int k = 0; k < 6; ++k)
        for (int j = 0; j < len[k]; ++j) {
            const char c = text[static_cast<size_t>(at[k] + j)];
            if (c < '0' || c > '9')
                return false;
            v[k] = v[k] * 10 + (c - '0');
        }
    if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31 || v[3] > 23 || v[4] > 59 || v[5] > 60)
        return false;
    tm = std::tm{};
    tm.tm_year = v[0] - 1900;
    tm.tm_mon = v[1] - 1;
    tm.tm_mday = v[2];
    tm.tm_hour = v[3];
    tm.tm_min = v[4];
    tm.tm_sec = v[5];
    return true;
}

bool loadAverage(double& oneMinute) {
#ifdef _WIN32
    (void)oneMinute;
    return false;
#else
    double load[1] = {0};
    if (::getloadavg(load, 1) != 1) return false;
    oneMinute = load[0];
    return true;
#endif
}

bool isAbsolutePath(const std::string& path) {
    if (!path.empty() && path[0] == '/') return true;
#ifdef _WIN32
    if (path.size() >= 3 && path[1] == ':' && (path[2] == '\\' || path[2] == '/')) return true;
    if (path.size() >= 2 && path[0] == '\\' && path[1] == '\\') return true;
#endif
    return false;
}

#ifdef _WIN32

std::wstring widen(const std::string& s) {
    if (s.empty()) return {};
    int n = MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), nullptr, 0);
    std::wstring w(static_cast<size_t>(n), L'\0');
    MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), w.data(), n);
    return w;
}

std::string narrow(const std::wstring& w) {
    if (w.empty()) return {};
    int n = WideCharToMultiByte(CP_UTF8, 0, w.data(), static_cast<int>(w.size()), nullptr, 0,
                                nullptr, nullptr);
    std::string s(static_cast<size_t>(n), '\0');
    WideCharToMultiByte(CP_UTF8, 0, w.data(), static_cast<int>(w.size()), s.data(), n, nullptr,
                        nullptr);
    return s;
}

namespace {
void setErrnoFrom(DWORD e) {
    switch (e) {
        case ERROR_FILE_NOT_FOUND:
        case ERROR_PATH_NOT_FOUND: errno = ENOENT; break;
        case ERROR_ALREADY_EXISTS:
        case ERROR_FILE_EXISTS: errno = EEXIST; break;
        case ERROR_ACCESS_DENIED:
        case ERROR_SHARING_VIOLATION:
        case ERROR_LOCK_VIOLATION: errno = EACCES; break;
        case ERROR_NOT_SAME_DEVICE: errno = EXDEV; break;
        case ERROR_DISK_FULL:
        case ERROR_HANDLE_DISK_FULL: errno = ENOSPC; break;
        case ERROR_WRITE_PROTECT: errno = EROFS; break;
        case ERROR_INVALID_NAME:
        case ERROR_BAD_PATHNAME:
        case ERROR_INVALID_PARAMETER: errno = EINVAL; break;
        case ERROR_FILENAME_EXCED_RANGE: errno = ENAMETOOLONG; break;
        case ERROR_DIRECTORY: errno = ENOTDIR; break;
        case ERROR_TOO_MANY_OPEN_FILES: errno = EMFILE; break;
        case ERROR_NOT_ENOUGH_MEMORY:
        case ERROR_OUTOFMEMORY: errno = ENOMEM; break;
        case ERROR_INVALID_FUNCTION:
        case ERROR_NOT_SUPPORTED: errno = ENOSYS; break;
        default: errno = EIO; break;
    }
}
}  // namespace

namespace {
bool heldByAnother(DWORD e) {
    return e == ERROR_ACCESS_DENIED || e == ERROR_SHARING_VIOLATION || e == ERROR_LOCK_VIOLATION ||
           e == ERROR_UNABLE_TO_REMOVE_REPLACED || e == ERROR_UNABLE_TO_MOVE_REPLACEMENT ||
           e == ERROR_UNABLE_TO_MOVE_REPLACEMENT_2;
}

// Best effort: the replaced file's data and entry on disk (ReplaceFileW has no write-through).
void flushFile(const std::wstring& path) {
    HANDLE h = CreateFileW(path.c_str(), GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                           nullptr, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h == INVALID_HANDLE_VALUE) return;
    FlushFileBuffers(h);
    CloseHandle(h);
}

int fdFromHandle(HANDLE h, int flags) {
    int fd = _open_osfhandle(reinterpret_cast<intptr_t>(h), flags | _O_BINARY);
    if (fd < 0) {
        CloseHandle(h);
        errno = EMFILE;
    }
    return fd;
}
}  // namespace

bool replaceFile(const std::string& from, const std::string& to) {
    const std::wstring f = widen(from), t = widen(to), aside = widen(from + ".old");
    bool replaceWorks = true;  // false once ReplaceFileW proved unsupported here (some shares)
    // Another program (an editor, an antivirus scanner, the search indexer) may hold `to` open for a
    // moment: the swap then fails with `to` untouched; try again for a while.
    for (int attempt = 0;; ++attempt) {
        const DWORD attrs = GetFileAttributesW(t.c_str());
        // A link at `to` is replaced itself, never followed (as rename does): a plain move.
        const bool file = attrs != INVALID_FILE_ATTRIBUTES &&
                          (attrs & (FILE_ATTRIBUTE_DIRECTORY | FILE_ATTRIBUTE_REPARSE_POINT)) == 0;
        DWORD e = 0;
        if (file && replaceWorks) {
            // The old content is moved aside (not deleted) first, so that every way this can fail
            // leaves it at a known name.
            if (ReplaceFileW(t.c_str(), f.c_str(), aside.c_str(),
                             REPLACEFILE_IGNORE_MERGE_ERRORS | REPLACEFILE_IGNORE_ACL_ERRORS, nullptr,
                             nullptr)) {
                DeleteFileW(aside.c_str());
                flushFile(t);
                return true;
            }
            e = GetLastError();
            if (e == ERROR_UNABLE_TO_MOVE_REPLACEMENT_2) {
                // The old file is at `aside`, the new one still at `from`: the old one goes back.
                for (int i = 0; i < 20 && !MoveFileExW(aside.c_str(), t.c_str(), MOVEFILE_WRITE_THROUGH); ++i)
                    std::this_thread::sleep_for(std::chrono::milliseconds(100));
            } else if (!heldByAnother(e)) {
                replaceWorks = false;  // ERROR_INVALID_PARAMETER, ERROR_NOT_SUPPORTED...: a plain move
                continue;
            }
        } else {
            if (MoveFileExW(f.c_str(), t.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
                return true;
            e = GetLastError();
        }
        if (!heldByAnother(e) || attempt >= 20) {
            setErrnoFrom(e == ERROR_UNABLE_TO_REMOVE_REPLACED || e == ERROR_UNABLE_TO_MOVE_REPLACEMENT ||
                                 e == ERROR_UNABLE_TO_MOVE_REPLACEMENT_2
                             ? ERROR_SHARING_VIOLATION
                             : e);
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

int openForReading(const std::string& path) {
    // FILE_FLAG_BACKUP_SEMANTICS: a folder opens too, so that the reader can say it is one.
    HANDLE h = CreateFileW(widen(path).c_str(), GENERIC_READ,
                           FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                           OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, nullptr);
    if (h == INVALID_HANDLE_VALUE) {
        setErrnoFrom(GetLastError());
        return -1;
    }
    return fdFromHandle(h, _O_RDONLY);
}

bool fileKind(int fd, FileKind& kind, std::uint64_t& size) {
    HANDLE h = reinterpret_cast<HANDLE>(_get_osfhandle(fd));
    if (h == INVALID_HANDLE_VALUE) {
        errno = EBADF;
        return false;
    }
    size = 0;
    switch (GetFileType(h)) {
        case FILE_TYPE_DISK: {
            BY_HANDLE_FILE_INFORMATION info{};
            if (!GetFileInformationByHandle(h, &info)) {
                setErrnoFrom(GetLastError());
                return false;
            }
            if (info.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) {
                kind = FileKind::Directory;
            } else {
                kind = FileKind::Regular;
                size = (static_cast<std::uint64_t>(info.nFileSizeHigh) << 32) | info.nFileSizeLow;
            }
            return true;
        }
        case FILE_TYPE_CHAR: kind = FileKind::Device; return true;   // NUL, CON, COM1...
        case FILE_TYPE_PIPE: kind = FileKind::Fifo; return true;     // \\.\pipe\...
        default: kind = FileKind::Other; return true;
    }
}

void makeBlocking(int) {}

long long readAt(int fd, char* buf, std::size_t n, std::uint64_t offset) {
    HANDLE h = reinterpret_cast<HANDLE>(_get_osfhandle(fd));
    if (h == INVALID_HANDLE_VALUE) {
        errno = EBADF;
        return -1;
    }
    const long long position = _lseeki64(fd, 0, SEEK_CUR);
    OVERLAPPED at{};
    at.Offset = static_cast<DWORD>(offset & 0xffffffffu);
    at.OffsetHigh = static_cast<DWORD>(offset >> 32);
    DWORD got = 0;
    const BOOL ok = ReadFile(h, buf, static_cast<DWORD>(std::min<std::size_t>(n, 1u << 30)), &got, &at);
    const DWORD e = ok ? 0 : GetLastError();
    if (position >= 0) _lseeki64(fd, position, SEEK_SET);  // a synchronous ReadFile moved it
    if (!ok) {
        if (e == ERROR_HANDLE_EOF) return 0;
        setErrnoFrom(e);
        return -1;
    }
    return static_cast<long long>(got);
}

int createNewFile(const std::string& path, unsigned mode) {
    // CREATE_NEW fails on any existing name, a link included; FILE_FLAG_OPEN_REPARSE_POINT makes
    // sure no link is ever followed. Not inherited (no SECURITY_ATTRIBUTES), as O_CLOEXEC.
    HANDLE h = CreateFileW(widen(path).c_str(), GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_DELETE,
                           nullptr, CREATE_NEW,
                           ((mode & 0222) == 0 ? FILE_ATTRIBUTE_READONLY : FILE_ATTRIBUTE_NORMAL) |
                               FILE_FLAG_OPEN_REPARSE_POINT,
                           nullptr);
    if (h == INVALID_HANDLE_VALUE) {
        setErrnoFrom(GetLastError());
        return -1;
    }
    return fdFromHandle(h, _O_WRONLY);
}

int statPath(const std::string& path, FileStatus& status) {
    WIN32_FILE_ATTRIBUTE_DATA data{};
    if (!GetFileAttributesExW(widen(path).c_str(), GetFileExInfoStandard, &data)) {
        setErrnoFrom(GetLastError());
        return -1;
    }
    status.directory = (data.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0;
    status.regular = !status.directory && (data.dwFileAttributes & FILE_ATTRIBUTE_DEVICE) == 0;
    status.size = (static_cast<std::uint64_t>(data.nFileSizeHigh) << 32) | data.nFileSizeLow;
    // FILETIME: 100 ns steps since 1601-01-01.
    const std::uint64_t t = (static_cast<std::uint64_t>(data.ftLastWriteTime.dwHighDateTime) << 32) |
                            data.ftLastWriteTime.dwLowDateTime;
    status.mtimeNs = (static_cast<std::int64_t>(t) - 116444736000000000LL) * 100;
    return 0;
}

ReplacedFile inspectReplaced(const std::string& path) {
    ReplacedFile r;
    const DWORD attrs = GetFileAttributesW(widen(path).c_str());
    r.exists = attrs != INVALID_FILE_ATTRIBUTES;
    r.writable = !r.exists || (attrs & FILE_ATTRIBUTE_READONLY) == 0;
    return r;
}

void keepOwnership(int, const ReplacedFile&) {}

void syncDirectory(const std::string&) {}

bool hardLink(const std::string& target, const std::string& link) {
    if (CreateHardLinkW(widen(link).c_str(), widen(target).c_str(), nullptr)) return true;
    setErrnoFrom(GetLastError());
    return false;
}

bool processAlive(long pid) {
    if (pid <= 0) return false;
    HANDLE h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION | SYNCHRONIZE, FALSE, static_cast<DWORD>(pid));
    if (h == nullptr) return GetLastError() == ERROR_ACCESS_DENIED;  // exists, but not ours
    const bool running = WaitForSingleObject(h, 0) == WAIT_TIMEOUT;
    CloseHandle(h);
    return running;
}

long processId() { return static_cast<long>(GetCurrentProcessId()); }

std::string hostName() {
    wchar_t buf[MAX_COMPUTERNAME_LENGTH + 1];
    DWORD n = MAX_COMPUTERNAME_LENGTH + 1;
    if (!GetComputerNameW(buf, &n)) return "unknown";
    return narrow(std::wstring(buf, n));
}

std::string loginName() {
    wchar_t buf[257];
    DWORD n = 257;
    if (!GetUserNameW(buf, &n) || n == 0) return "";
    return narrow(std::wstring(buf, n - 1));  // n counts the terminating zero
}

#else

bool replaceFile(const std::string& from, const std::string& to) {
    return ::rename(from.c_str(), to.c_str()) == 0;
}

int openForReading(const std::string& path) {
    return ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
}

bool fileKind(int fd, FileKind& kind, std::uint64_t& size) {
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return false;
    if (S_ISREG(st.st_mode))
        kind = FileKind::Regular;
    else if (S_ISDIR(st.st_mode))
        kind = FileKind::Directory;
    else if (S_ISFIFO(st.st_mode))
        kind = FileKind::Fifo;
    else if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
        kind = FileKind::Device;
    else if (S_ISSOCK(st.st_mode))
        kind = FileKind::Socket;
    else
        kind = FileKind::Other;
    size = st.st_size > 0 ? static_cast<std::uint64_t>(st.st_size) : 0;
    return true;
}

void makeBlocking(int fd) {
    int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0)
        ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
}

long long readAt(int fd, char* buf, std::size_t n, std::uint64_t offset) {
    return static_cast<long long>(::pread(fd, buf, n, static_cast<off_t>(offset)));
}

int createNewFile(const std::string& path, unsigned mode) {
    return ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                  static_cast<mode_t>(mode));
}

int statPath(const std::string& path, FileStatus& status) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return -1;
    status.regular = S_ISREG(st.st_mode);
    status.directory = S_ISDIR(st.st_mode);
    status.size = st.st_size > 0 ? static_cast<std::uint64_t>(st.st_size) : 0;
    status.mtimeNs = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    return 0;
}

ReplacedFile inspectReplaced(const std::string& path) {
    ReplacedFile r;
    r.exists = ::stat(path.c_str(), &r.st) == 0;
    // Replacing the file by a rename needs only the folder's permission: a file its owner made
    // read-only would be replaced without a word (root ignores the bits: checked here).
    r.writable = !r.exists || ((r.st.st_mode & 0222) != 0 && ::access(path.c_str(), W_OK) == 0);
    return r;
}

// Owner (only root may give a file away: tried, EPERM ignored), group (a member of the group may
// set it), then the mode (after chown, which may clear bits).
void keepOwnership(int fd, const ReplacedFile& old) {
    if (old.st.st_uid != ::geteuid())
        (void)::fchown(fd, old.st.st_uid, static_cast<gid_t>(-1));
    (void)::fchown(fd, static_cast<uid_t>(-1), old.st.st_gid);
    (void)::fchmod(fd, old.st.st_mode & 07777);
}

void syncDirectory(const std::string& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);  // best effort: some file systems refuse fsync on directories
        ::close(fd);
    }
}

bool hardLink(const std::string& target, const std::string& link) {
    return ::link(target.c_str(), link.c_str()) == 0;
}

bool processAlive(long pid) {
    if (pid <= 0) return false;
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

long processId() { return static_cast<long>(::getpid()); }

std::string hostName() {
    char buf[256] = {};
    if (::gethostname(buf, sizeof buf - 1) != 0) return "unknown";
    return buf;
}

std::string loginName() {
    if (const passwd* pw = ::getpwuid(::getuid()); pw != nullptr && pw->pw_name != nullptr)
        return pw->pw_name;
    return "";
}

#endif

}  // namespace par::platform

#ifdef _WIN32
int open(const char* path, int flags, int mode) {
    return _wopen(par::platform::widen(path).c_str(), flags | _O_BINARY, mode & (_S_IREAD | _S_IWRITE));
}
int par_unlink_utf8(const char* path) { return _wunlink(par::platform::widen(path).c_str()); }

int mkstemps(char* pattern, int suffixLength) {
    std::string p(pattern);
    const size_t end = p.size() - static_cast<size_t>(suffixLength);
    if (end < 6 || p.compare(end - 6, 6, "XXXXXX") != 0) {
        errno = EINVAL;
        return -1;
    }
    static const char kChars[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::random_device rd;
    for (int attempt = 0; attempt < 100; ++attempt) {
        for (size_t i = end - 6; i < end; ++i) pattern[i] = kChars[rd() % 36];
        int fd = _wopen(par::platform::widen(pattern).c_str(),
                        _O_RDWR | _O_CREAT | _O_EXCL | _O_BINARY | _O_NOINHERIT, 0600);
        if (fd >= 0 || errno != EEXIST) return fd;
    }
    return -1;
}
#endif

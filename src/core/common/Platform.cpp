#include "core/common/Platform.hpp"

#include <cerrno>
#include <cstdlib>

#ifdef _WIN32
#include <sys/stat.h>
#include <windows.h>

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
        case ERROR_INVALID_FUNCTION:
        case ERROR_NOT_SUPPORTED: errno = ENOSYS; break;
        default: errno = EIO; break;
    }
}
}  // namespace

bool replaceFile(const std::string& from, const std::string& to) {
    const std::wstring f = widen(from), t = widen(to);
    // Another program (an editor, an antivirus scanner, the search indexer) may hold `to` open for a
    // moment: the move then fails with `to` untouched; try again for a while.
    for (int attempt = 0;; ++attempt) {
        if (MoveFileExW(f.c_str(), t.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
            return true;
        DWORD e = GetLastError();
        if ((e != ERROR_ACCESS_DENIED && e != ERROR_SHARING_VIOLATION && e != ERROR_LOCK_VIOLATION) ||
            attempt >= 20) {
            setErrnoFrom(e);
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

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

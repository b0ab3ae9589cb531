// Platform.hpp - the few operating-system calls whose Windows form differs from POSIX, behind one
// interface, and (on Windows only) POSIX spellings of what MinGW lacks, so that the POSIX code of
// the core compiles there unchanged where the meaning is the same.
//
// Windows builds are linked with an application manifest that sets the process code page to UTF-8
// (cmake/windows/par-audit.manifest, Windows 10 1903 or later): the narrow-character C library and
// Win32 "A" functions then take the UTF-8 paths the core uses everywhere. What needs the wide API
// regardless (atomic replace, hard links, the command line) goes through it here.
#pragma once

#include <string>

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#include <sys/types.h>
#endif

namespace par::platform {

// The characters that separate folders in a path: '/' (and '\\' on Windows, where both work).
#ifdef _WIN32
inline constexpr const char* kPathSeparators = "/\\";
#else
inline constexpr const char* kPathSeparators = "/";
#endif

// Whether `path` is absolute ("/…"; on Windows also "C:\…", "C:/…", "\\server\share\…").
bool isAbsolutePath(const std::string& path);

// Moves `from` over `to`, replacing `to` in one step (POSIX rename; Windows MoveFileExW with
// MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH, retried for up to 2 s while another program
// holds `to` open without delete sharing: `to` is then left as it was, never lost). false + errno.
bool replaceFile(const std::string& from, const std::string& to);

// Hard link `link` to the existing file `target` (link / CreateHardLinkW). false + errno (EEXIST
// when `link` exists, ENOTSUP/EXDEV-like codes when the file system has no hard links).
bool hardLink(const std::string& target, const std::string& link);

// Whether process `pid` of this machine still runs (false only when it is known to be gone).
bool processAlive(long pid);

// This process's id, the machine's name, the user's login name ("" if unknown).
long processId();
std::string hostName();
std::string loginName();

#ifdef _WIN32
// UTF-8 <-> UTF-16 for the wide API.
std::wstring widen(const std::string& utf8);
std::string narrow(const std::wstring& utf16);
#endif

}  // namespace par::platform

#ifdef _WIN32
// POSIX names MinGW does not have, with the same meaning.
#ifndef O_CLOEXEC
#define O_CLOEXEC _O_NOINHERIT
#endif
#ifndef O_DIRECTORY
#define O_DIRECTORY 0  // opening a directory fails on Windows: directory syncs are skipped
#endif
inline int fsync(int fd) { return _commit(fd); }
// open() and unlink() with UTF-8 names through the wide API (_wopen, _wunlink), always binary:
// MinGW's C library converts narrow names in its own "C" locale, not in the UTF-8 code page.
// This non-variadic overload is chosen over the C library's open(const char*, int, ...) when a
// mode is given (the core always gives one).
int open(const char* path, int flags, int mode);
int par_unlink_utf8(const char* path);
#define unlink par_unlink_utf8
inline int link(const char* target, const char* newPath) {
    return par::platform::hardLink(target, newPath) ? 0 : -1;
}
int mkstemps(char* pattern, int suffixLength);  // Platform.cpp
#endif

// SPDX-License-Identifier: Apache-2.0
// Platform.hpp - the few operating-system calls whose Windows form differs from POSIX, behind one
// interface, and (on Windows only) POSIX spellings of what MinGW lacks, so that the POSIX code of
// the core compiles there unchanged where the meaning is the same.
//
// Windows builds are linked with an application manifest that sets the process code page to UTF-8
// (cmake/windows/par-audit.manifest, Windows 10 1903 or later): the narrow-character C library and
// Win32 "A" functions then take the UTF-8 paths the core uses everywhere. What needs the wide API
// regardless (atomic replace, hard links, the command line) goes through it here.
#pragma once

#include <sys/stat.h>
#include <sys/types.h>

#include <cstdint>
#include <ctime>
#include <string>

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
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

// Moves `from` over `to`, replacing `to` in one step. POSIX: rename. Windows: ReplaceFileW when `to`
// exists (it keeps the replaced file's attributes and access-control list; its old content is moved
// aside under from + ".old" and put back if the swap fails half-way), else, or where the file system
// has no ReplaceFileW, MoveFileExW(MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH); both retried
// for up to 2 s while another program holds `to` open without delete sharing (an editor, an
// antivirus scanner, the search indexer): `to` is then left as it was, never lost. false + errno.
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

// --- Files by UTF-8 name (POSIX calls as they are; on Windows the wide API, never the ANSI code page)

// What a path names, for the messages of readers that take only regular files.
enum class FileKind { Regular, Directory, Fifo, Device, Socket, Other };

// Opens `path` for reading without waiting: opening a FIFO for reading waits for a writer on POSIX
// (O_NONBLOCK | O_NOCTTY | O_CLOEXEC); on Windows CreateFileW with read, write and delete sharing
// (a reader never keeps a save from replacing the file; a folder opens too, to be named as one).
// -1 and errno when it cannot be opened. The descriptor is for read(), close() and fileKind().
int openForReading(const std::string& path);
// The kind and size of an open descriptor (fstat; Windows: GetFileType, GetFileInformationByHandle).
// false and errno when the system does not tell.
bool fileKind(int fd, FileKind& kind, std::uint64_t& size);
// After openForReading and the check: reads block again (POSIX fcntl; nothing to do on Windows).
void makeBlocking(int fd);
// Reads up to n bytes at `offset` (pread; Windows: ReadFile at the offset, the descriptor's own
// offset put back). -1 and errno on error.
long long readAt(int fd, char* buf, std::size_t n, std::uint64_t offset);

// Creates `path` for writing only if nothing is there, never through a symbolic link placed at the
// name: POSIX O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC with `mode` (before the umask); Windows
// CreateFileW CREATE_NEW | FILE_FLAG_OPEN_REPARSE_POINT (a link or junction at the name is an
// existing name: EEXIST), not inherited by child processes. -1 and errno.
int createNewFile(const std::string& path, unsigned mode);

// stat() by UTF-8 name, following links (Windows: GetFileAttributesExW, which describes a link
// itself). 0, or -1 + errno.
struct FileStatus {
    bool regular = false;
    bool directory = false;
    std::uint64_t size = 0;
    std::int64_t mtimeNs = 0;  // nanoseconds since 1970 (Windows: in 100 ns steps)
};
int statPath(const std::string& path, FileStatus& status);

// What a save needs to know of the file it replaces: whether it exists, whether its owner lets it
// be written (POSIX: a write bit and access(W_OK), as root ignores the bits; Windows: no read-only
// attribute), and what the new file must keep (POSIX: owner, group, mode; Windows: ReplaceFileW in
// replaceFile keeps the attributes and the access-control list itself).
struct ReplacedFile {
    bool exists = false;
    bool writable = true;
#ifndef _WIN32
    struct stat st {};
#endif
};
ReplacedFile inspectReplaced(const std::string& path);
// Gives the new file `fd` what the old one had (POSIX: owner when permitted, group, then mode;
// Windows: nothing, see ReplacedFile).
void keepOwnership(int fd, const ReplacedFile& old);
// Flushes a folder's entries to disk after a rename in it (best effort: POSIX fsync of the folder;
// Windows: nothing, MOVEFILE_WRITE_THROUGH and FlushFileBuffers in replaceFile stand for it).
void syncDirectory(const std::string& dir);

// The first occurrence of `needle` in `haystack` (POSIX memmem, glibc's two-way search; Windows:
// std::search with a Boyer-Moore-Horspool searcher), nullptr when absent.
const void* findBytes(const void* haystack, std::size_t n, const void* needle, std::size_t m);

// The 1-minute load average (getloadavg); false where the system has none (Windows).
bool loadAverage(double& oneMinute);

// A broken-down UTC time to seconds since the epoch (timegm; Windows: _mkgmtime).
std::time_t utcSeconds(std::tm& tm);
// "YYYY-MM-DDTHH:MM:SS" (the first 19 characters of `text`) into `tm`, without strptime (Windows has
// none); false when it is not that.
bool parseIsoDateTime(const std::string& text, std::tm& tm);

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

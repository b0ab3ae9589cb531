// SPDX-License-Identifier: Apache-2.0
#include "core/common/DataPaths.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <system_error>

#ifdef _WIN32
#include <windows.h>

#include "core/common/Platform.hpp"  // widen, narrow, isAbsolutePath
#else
#include <unistd.h>
#endif

namespace par {

namespace fs = std::filesystem;

namespace {

bool isDirectory(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
}

// UTF-8 text of a path (std::filesystem::path::u8string is std::string in C++17).
std::string utf8(const fs::path& p) { return p.u8string(); }

std::string findDataDirectory() {
    if (const char* env = std::getenv("PAR_AUDIT_DATA"); env != nullptr && *env != '\0') return env;
    const std::string exeDir = executableDirectory();
    if (!exeDir.empty()) {
        const fs::path bin = fs::u8path(exeDir);
        const fs::path installed = bin.parent_path() / "share" / "par-audit";
        if (isDirectory(installed / "forms")) return utf8(installed);
        // A build tree: CMake writes <build>/par-audit-source-dir (the source folder, one line).
        std::ifstream marker(bin.parent_path() / "par-audit-source-dir");
        std::string source;
        if (marker && std::getline(marker, source) && !source.empty()) {
#ifdef _WIN32
            // A cross build tested under Wine: the marker holds the Linux path, which Wine sees
            // on drive Z:.
            if (source[0] == '/') source = "Z:" + source;
#endif
            if (isDirectory(fs::u8path(source) / "forms")) return source;
        }
    }
    return ".";
}

}  // namespace

std::string executableDirectory() {
#ifdef _WIN32
    std::wstring buf(MAX_PATH, L'\0');
    for (;;) {
        DWORD n = GetModuleFileNameW(nullptr, buf.data(), static_cast<DWORD>(buf.size()));
        if (n == 0) return "";
        if (n < buf.size()) {
            buf.resize(n);
            break;
        }
        buf.resize(buf.size() * 2);
    }
    return utf8(fs::path(buf).parent_path());
#else
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return "";
    return utf8(exe.parent_path());
#endif
}

std::string dataDirectory() {
    // Found once: the executable does not move while it runs (and tests that set PAR_AUDIT_DATA
    // do it before the first call).
    if (const char* env = std::getenv("PAR_AUDIT_DATA"); env != nullptr && *env != '\0') return env;
    static const std::string dir = findDataDirectory();
    return dir;
}

std::string dataPath(const std::string& relative) { return dataDirectory() + "/" + relative; }

std::string userDataDirectory() {
#ifdef _WIN32
    // Windows: %XDG_DATA_HOME% when set to an absolute path (as on Linux), else %APPDATA%\par-audit
    // (the roaming profile: an office's schedules follow the user); read wide, as UTF-8.
    auto env = [](const wchar_t* name) {
        const wchar_t* v = ::_wgetenv(name);
        return v == nullptr ? std::string() : platform::narrow(v);
    };
    if (const std::string xdg = env(L"XDG_DATA_HOME"); platform::isAbsolutePath(xdg))
        return xdg + "/par-audit";
    if (const std::string appData = env(L"APPDATA"); !appData.empty())
        return appData + "/par-audit";
    return "";
#else
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && xdg[0] == '/')
        return std::string(xdg) + "/par-audit";
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
        return std::string(home) + "/.local/share/par-audit";
    return "";
#endif
}

bool isPlainFileName(std::string_view name) {
    if (name.empty() || name.size() > 255 || name == "." || name == "..") return false;
    for (unsigned char c : name)
        if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) return false;
    return true;
}

}  // namespace par

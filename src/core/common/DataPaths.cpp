#include "core/common/DataPaths.hpp"

#include <sys/stat.h>

#include <cstdlib>

namespace par {

namespace {
bool isDirectory(const std::string& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}
}  // namespace

std::string dataDirectory() {
    if (const char* env = std::getenv("PAR_AUDIT_DATA"); env != nullptr && *env != '\0') return env;
    if (isDirectory(PAR_INSTALL_DATA_DIR "/forms")) return PAR_INSTALL_DATA_DIR;
    return PAR_SOURCE_DATA_DIR;
}

std::string dataPath(const std::string& relative) { return dataDirectory() + "/" + relative; }

std::string userDataDirectory() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && xdg[0] == '/')
        return std::string(xdg) + "/par-audit";
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
        return std::string(home) + "/.local/share/par-audit";
    return "";
}

bool isPlainFileName(std::string_view name) {
    if (name.empty() || name.size() > 255 || name == "." || name == "..") return false;
    for (unsigned char c : name)
        if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) return false;
    return true;
}

}  // namespace par

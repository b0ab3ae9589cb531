// SPDX-License-Identifier: Apache-2.0
#include "core/common/Clock.hpp"

#include <ctime>
#include <cstdlib>

#include "core/common/Dates.hpp"

#ifdef _WIN32
#include "core/common/Platform.hpp"
#else
#include <pwd.h>
#include <unistd.h>
#endif

namespace par {

namespace {
bool looksLikeIsoTime(const std::string& s) {
    if (s.size() != 19 || s[10] != 'T' || s[13] != ':' || s[16] != ':') return false;
    if (!parseIsoDate(s.substr(0, 10))) return false;
    for (size_t i : {11u, 12u, 14u, 15u, 17u, 18u})
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}
}  // namespace

std::string nowIso() {
    if (const char* fixed = std::getenv("PAR_AUDIT_NOW"); fixed != nullptr && looksLikeIsoTime(fixed))
        return fixed;
    std::time_t now = std::time(nullptr);
    std::tm local{};
#ifdef _WIN32
    localtime_s(&local, &now);
#else
    localtime_r(&now, &local);
#endif
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &local);
    return buf;
}

std::string loginName() {
    if (const char* user = std::getenv("PAR_AUDIT_USER"); user != nullptr && *user != '\0') return user;
#ifdef _WIN32
    return platform::loginName();
#else
    if (const passwd* pw = ::getpwuid(::getuid()); pw != nullptr && pw->pw_name != nullptr)
        return pw->pw_name;
    return "";
#endif
}

}  // namespace par

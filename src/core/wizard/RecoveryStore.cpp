// SPDX-License-Identifier: Apache-2.0
#include "core/wizard/RecoveryStore.hpp"

#ifndef _WIN32
#include <signal.h>
#endif
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/common/Platform.hpp"
#include "core/common/AtomicFile.hpp"
#include "core/common/Sha256.hpp"
#include "core/common/XmlReader.hpp"

namespace par::wizard {

namespace fs = std::filesystem;

namespace {
constexpr const char* kSuffix = ".recovery.xml";

std::string sidecarOf(const std::string& file) {
    return file.substr(0, file.size() - std::string(kSuffix).size()) + ".origin";
}

std::string now() {
    std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &local);
    return buf;
}
}  // namespace

RecoveryStore::RecoveryStore(std::string directory) : dir_(std::move(directory)) {}

std::string RecoveryStore::write(const AuditSession& session, const std::string& previous) {
    std::error_code ec;
    fs::create_directories(fs::u8path(dir_), ec);
    // One file per audit path; an unsaved audit is named after this process and the session object.
    std::string identity = session.path().empty()
                               ? "untitled:" + std::to_string(::getpid()) + ":" +
                                     std::to_string(reinterpret_cast<std::uintptr_t>(&session))
                               : fs::absolute(fs::u8path(session.path()), ec).u8string();
    std::string file = dir_ + "/" + sha256Hex(identity).substr(0, 16) + kSuffix;
    writeFileAtomically(file, session.toXml(), {false});
    std::ostringstream side;
    side << session.path() << "\n" << session.audit().unit.name << "\n" << now() << "\n" << ::getpid() << "\n";
    writeFileAtomically(sidecarOf(file), side.str(), {false});
    if (!previous.empty() && previous != file) discard(previous);
    return file;
}

std::vector<RecoveryEntry> RecoveryStore::pending() const {
    std::vector<RecoveryEntry> out;
    std::error_code ec;
    if (!fs::is_directory(fs::u8path(dir_), ec)) return out;
    for (const auto& de : fs::directory_iterator(fs::u8path(dir_), ec)) {
        std::string name = de.path().filename().u8string();
        if (name.size() <= std::string(kSuffix).size() ||
            name.compare(name.size() - std::string(kSuffix).size(), std::string::npos, kSuffix) != 0)
            continue;
        RecoveryEntry e;
        e.file = de.path().u8string();
        std::string sideText;
        try {
            sideText = readFile(sidecarOf(e.file), 64 * 1024);  // four short lines
        } catch (const Error&) {
            // no sidecar (killed between the two writes): offered as an untitled audit
        }
        std::istringstream side(sideText);
        std::string pid;
        std::getline(side, e.original);
        std::getline(side, e.unit);
        std::getline(side, e.savedAt);
        std::getline(side, pid);
        e.pid = std::atol(pid.c_str());
        if (e.pid == static_cast<long>(::getpid()) || processAlive(e.pid)) continue;
        out.push_back(e);
    }
    return out;
}

void RecoveryStore::discard(const std::string& recoveryFile) {
    std::error_code ec;
    fs::remove(fs::u8path(recoveryFile), ec);
    if (recoveryFile.size() > std::string(kSuffix).size()) fs::remove(fs::u8path(sidecarOf(recoveryFile)), ec);
}

std::unique_ptr<AuditSession> RecoveryStore::restore(const RecoveryEntry& entry) {
    return AuditSession::restore(readFile(entry.file, kMaxXmlFileBytes), entry.original);
}

}  // namespace par::wizard

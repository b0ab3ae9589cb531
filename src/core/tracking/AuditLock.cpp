// SPDX-License-Identifier: Apache-2.0
#include "core/tracking/AuditLock.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <sstream>

#include "core/common/AtomicFile.hpp"
#include "core/common/Platform.hpp"  // create, stat, host and process, POSIX or Windows
#include "core/common/Text.hpp"
#include "core/tracking/ActionPlan.hpp"

namespace par::track {

namespace {
constexpr std::uint64_t kMaxLockFileBytes = 64 * 1024;
}  // namespace

std::optional<LockInfo> LockInfo::parse(const std::string& text) {
    LockInfo info;
    bool havePid = false, haveEpoch = false;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        auto eq = line.find('=');
        if (eq == std::string::npos)
            continue;
        std::string key = trim(line.substr(0, eq));
        std::string value = trim(line.substr(eq + 1));
        try {
            if (key == "owner")
                info.owner = value;
            else if (key == "host")
                info.host = value;
            else if (key == "time")
                info.time = value;
            else if (key == "pid") {
                info.pid = std::stol(value);
                havePid = true;
            } else if (key == "epoch") {
                info.epoch = std::stoll(value);
                haveEpoch = true;
            }
        } catch (const std::exception&) {
            return std::nullopt;
        }
    }
    if (!havePid || !haveEpoch || info.host.empty())
        return std::nullopt;
    return info;
}

std::string LockInfo::str() const {
    return "owner=" + owner + "\nhost=" + host + "\npid=" + std::to_string(pid) + "\ntime=" + time +
           "\nepoch=" + std::to_string(epoch) + "\n";
}

LockedError::LockedError(std::string auditPath, LockInfo holder)
    : Error(fmt(
          tr("{}: tệp đang được {} mở trên máy {} (tiến trình {}) từ {}. Hãy đợi họ đóng tệp; "
             "khoá được coi là bỏ dở sau 12 giờ hoặc khi tiến trình đó không còn chạy.",
             "{}: the file is open by {} on {} (process {}) since {}. Wait until they close it; "
             "a lock counts as abandoned after 12 hours or when that process is gone."),
          auditPath, holder.owner.empty() ? "?" : holder.owner, holder.host,
          std::to_string(holder.pid), holder.time)),
      holder_(std::move(holder)) {}

std::string AuditLock::hostName() {
    return platform::hostName();
}

std::optional<LockInfo> AuditLock::current(const std::string& auditPath) {
    try {
        // A lock file is a few lines: anything larger, or not a file, is judged by its age.
        return LockInfo::parse(readFile(lockPath(auditPath), kMaxLockFileBytes));
    } catch (const Error&) {
        return std::nullopt;
    }
}

bool AuditLock::isStale(const LockInfo& lock, std::chrono::seconds staleAfter) {
    long long now = static_cast<long long>(std::time(nullptr));
    if (now - lock.epoch > staleAfter.count())
        return true;
    if (lock.host == hostName() && lock.pid > 0 && !processAlive(lock.pid))
        return true;
    return false;
}

namespace {
// Creates `path` holding `content` only if it does not exist: the content is written to a
// temporary file first and hard-linked into place, so nobody ever reads a half-written lock;
// without hard links (some SMB mounts) O_EXCL creation is the fallback. false: it exists.
bool createExclusive(const std::string& path, const std::string& content) {
    // Created new (O_EXCL | O_NOFOLLOW, a name of this host and process): a file or symbolic link
    // placed at a predictable name on a shared folder is never opened, truncated or followed.
    TemporaryFile t = createTemporary(path, 0644);
    const std::string& tmp = t.path;
    int fd = t.fd;
    bool ok = ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size());
    ::fsync(fd);
    ::close(fd);
    if (!ok) {
        ::unlink(tmp.c_str());
        throw IoError(
            fmt(tr("{}: không ghi được tệp khoá", "{}: cannot write the lock file"), path));
    }
    if (::link(tmp.c_str(), path.c_str()) == 0) {
        ::unlink(tmp.c_str());
        return true;
    }
    int err = errno;
    ::unlink(tmp.c_str());
    if (err == EEXIST)
        return false;
    // No hard links here: exclusive create.
    fd = platform::createNewFile(path, 0644);
    if (fd < 0) {
        if (errno == EEXIST)
            return false;
        throw IoError(
            fmt(tr("{}: không tạo được tệp khoá: {}", "{}: cannot create the lock file: {}"), path,
                std::strerror(errno)));
    }
    ok = ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size());
    ::close(fd);
    if (!ok) {
        ::unlink(path.c_str());
        throw IoError(
            fmt(tr("{}: không ghi được tệp khoá", "{}: cannot write the lock file"), path));
    }
    return true;
}
}  // namespace

AuditLock::AuditLock(std::string auditPath, LockOptions options) : path_(std::move(auditPath)) {
    info_.owner = options.owner.empty() ? loginName() : options.owner;
    info_.host = hostName();
    info_.pid = platform::processId();
    info_.epoch = static_cast<long long>(std::time(nullptr));
    info_.time = nowIso();
    const std::string lp = lockPath(path_);
    removeStaleTemporaries(path_);  // left by a save or a lock killed half-way
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (createExclusive(lp, info_.str())) {
            held_ = true;
            return;
        }
        std::optional<LockInfo> holder = current(path_);
        if (!holder) {
            // Unreadable or malformed (written by hand, or a crash mid-write with the O_EXCL
            // fallback): judge it by its age.
            platform::FileStatus st;
            if (platform::statPath(lp, st) != 0)
                continue;  // vanished meanwhile: try again
            LockInfo unknown;
            unknown.host = "?";
            unknown.epoch = static_cast<long long>(st.mtimeNs / 1000000000);
            unknown.time = "?";
            if (!isStale(unknown, options.staleAfter))
                throw LockedError(path_, unknown);
            holder = unknown;
        } else if (!isStale(*holder, options.staleAfter)) {
            throw LockedError(path_, *holder);
        }
        brokenStale_ = holder;
        ::unlink(lp.c_str());
    }
    // Someone else took it between our removal of the stale lock and our retry.
    if (auto holder = current(path_))
        throw LockedError(path_, *holder);
    throw IoError(fmt(tr("{}: không lấy được khoá", "{}: could not take the lock"), lp));
}

AuditLock::~AuditLock() {
    release();
}

void AuditLock::release() {
    if (!held_)
        return;
    held_ = false;
    auto now = current(path_);
    if (now && now->host == info_.host && now->pid == info_.pid && now->epoch == info_.epoch)
        ::unlink(lockPath(path_).c_str());
}

}  // namespace par::track

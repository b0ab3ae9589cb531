// SPDX-License-Identifier: Apache-2.0
// The lock file beside an audit: taken and released, refused while someone holds it, and taken over
// when stale (too old, or its process gone on this host).
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <utime.h>
#include <unistd.h>

#include <ctime>
#include <filesystem>

#include "TestSupport.hpp"
#include "core/common/AtomicFile.hpp"
#include "core/tracking/AuditLock.hpp"

using namespace par;
using namespace par::track;

namespace {
LockInfo lockOf(const std::string& host, long pid, long long age) {
    LockInfo l;
    l.owner = "Trần Thị Bình";
    l.host = host;
    l.pid = pid;
    l.epoch = static_cast<long long>(std::time(nullptr)) - age;
    l.time = "2026-11-27T08:00:00";
    return l;
}

long deadPid() {
    pid_t child = ::fork();
    if (child == 0)
        ::_exit(0);
    int status = 0;
    ::waitpid(child, &status, 0);
    return static_cast<long>(child);
}
}  // namespace

TEST_CASE("lock: taken, refused to a second holder, released", "[tracking][lock]") {
    test::ScratchDir dir;
    std::string audit = dir.file("a.audit.xml");
    {
        AuditLock lock(audit, LockOptions{std::chrono::hours(12), "Nguyễn Văn An"});
        auto info = AuditLock::current(audit);
        REQUIRE(info.has_value());
        CHECK(info->owner == "Nguyễn Văn An");
        CHECK(info->host == AuditLock::hostName());
        CHECK(info->pid == static_cast<long>(::getpid()));
        CHECK_FALSE(info->time.empty());
        try {
            AuditLock second(audit, LockOptions{std::chrono::hours(12), "Trần Thị Bình"});
            FAIL("locked twice");
        } catch (const LockedError& e) {
            CHECK(e.holder().owner == "Nguyễn Văn An");
            CHECK_THAT(std::string(e.what()),
                       Catch::Contains("Nguyễn Văn An") && Catch::Contains(AuditLock::hostName()));
        }
        CHECK(AuditLock::current(audit)->owner ==
              "Nguyễn Văn An");  // the refused attempt left it alone
    }
    CHECK_FALSE(AuditLock::current(audit).has_value());
    AuditLock again(audit);
    CHECK(again.info().pid == static_cast<long>(::getpid()));
}

TEST_CASE("lock: a live lock on another host is respected", "[tracking][lock]") {
    test::ScratchDir dir;
    std::string audit = dir.file("a.audit.xml");
    writeFileAtomically(AuditLock::lockPath(audit), lockOf("may-tram-2", 4242, 60).str());
    CHECK_THROWS_AS(AuditLock(audit), LockedError);
    // A live process on this host too.
    writeFileAtomically(AuditLock::lockPath(audit),
                        lockOf(AuditLock::hostName(), ::getppid(), 60).str());
    CHECK_THROWS_AS(AuditLock(audit), LockedError);
}

TEST_CASE("lock: stale locks are taken over", "[tracking][lock]") {
    test::ScratchDir dir;
    std::string audit = dir.file("a.audit.xml");
    SECTION("older than the limit") {
        writeFileAtomically(AuditLock::lockPath(audit), lockOf("may-tram-2", 4242, 13 * 3600).str(),
                            {false});
        AuditLock lock(audit);
        REQUIRE(lock.brokenStale().has_value());
        CHECK(lock.brokenStale()->host == "may-tram-2");
        CHECK(AuditLock::current(audit)->pid == static_cast<long>(::getpid()));
    }
    SECTION("a shorter limit") {
        writeFileAtomically(AuditLock::lockPath(audit), lockOf("may-tram-2", 4242, 120).str(),
                            {false});
        CHECK_THROWS_AS(AuditLock(audit), LockedError);
        AuditLock lock(audit, LockOptions{std::chrono::seconds(60), ""});
        CHECK(lock.brokenStale().has_value());
    }
    SECTION("its process is gone on this host") {
        writeFileAtomically(AuditLock::lockPath(audit),
                            lockOf(AuditLock::hostName(), deadPid(), 10).str(), {false});
        AuditLock lock(audit);
        CHECK(lock.brokenStale().has_value());
    }
    SECTION("a malformed lock is judged by its age") {
        writeFileAtomically(AuditLock::lockPath(audit), "garbage", {false});
        CHECK_THROWS_AS(AuditLock(audit), LockedError);
        // Two hours old against a one-hour limit. (Not "just written" against a negative limit:
        // a file's modification time can be a second ahead of time(), and that test flaked.)
        const std::time_t twoHoursAgo = std::time(nullptr) - 2 * 3600;
        struct utimbuf old {twoHoursAgo, twoHoursAgo};
        REQUIRE(::utime(AuditLock::lockPath(audit).c_str(), &old) == 0);
        AuditLock lock(audit, LockOptions{std::chrono::hours(1), ""});
        CHECK(lock.brokenStale().has_value());
    }
}

TEST_CASE("lock: release leaves someone else's lock alone", "[tracking][lock]") {
    test::ScratchDir dir;
    std::string audit = dir.file("a.audit.xml");
    {
        AuditLock lock(audit);
        // Someone judged ours stale and took over: our release must not remove theirs.
        writeFileAtomically(AuditLock::lockPath(audit), lockOf("may-tram-2", 4242, 0).str(),
                            {false});
    }
    REQUIRE(AuditLock::current(audit).has_value());
    CHECK(AuditLock::current(audit)->host == "may-tram-2");
}

TEST_CASE("lock file content reads back", "[tracking][lock]") {
    LockInfo l = lockOf("h", 12, 0);
    auto back = LockInfo::parse(l.str());
    REQUIRE(back.has_value());
    CHECK(back->owner == l.owner);
    CHECK(back->pid == 12);
    CHECK(back->epoch == l.epoch);
    CHECK_FALSE(LockInfo::parse("owner=x\n").has_value());
    CHECK_FALSE(LockInfo::parse("host=h\npid=abc\nepoch=1\n").has_value());
}

// Issue #19, item 5: the lock's temporary was "NAME.lock.tmp-<pid>", opened with O_TRUNC and
// without O_NOFOLLOW: on a shared folder, symbolic links placed at the names of the next pids
// made a colleague's lock overwrite any file they could write.
TEST_CASE("lock: a symbolic link placed at a temporary's name is never followed", "[tracking][lock]") {
    test::ScratchDir dir;
    const std::string audit = dir.file("a.audit.xml");
    const std::string victim = dir.file("victim.audit.xml");
    test::writeText(victim, "<audit>precious</audit>");
    // The names the old code would use, for this process and the next ones.
    for (long pid = ::getpid(); pid < ::getpid() + 50; ++pid)
        REQUIRE(::symlink(victim.c_str(), (AuditLock::lockPath(audit) + ".tmp-" + std::to_string(pid)).c_str()) == 0);
    {
        AuditLock lock(audit, LockOptions{std::chrono::hours(12), "Nguyễn Văn An"});
        CHECK(AuditLock::current(audit)->owner == "Nguyễn Văn An");
    }
    CHECK(test::readText(victim) == "<audit>precious</audit>");
}

// Item 12: what a lock or a save killed half-way left is removed when the audit is locked next.
TEST_CASE("lock: stale temporaries of the audit are removed when it is locked", "[tracking][lock]") {
    test::ScratchDir dir;
    const std::string audit = dir.file("a.audit.xml");
    test::writeText(audit, "<audit/>");
    for (const std::string& base : {audit, audit + ".bak", AuditLock::lockPath(audit)}) {
        pid_t child = ::fork();
        if (child == 0) {
            createTemporary(base);  // then killed: never removed by its maker
            ::_exit(0);
        }
        int status = 0;
        ::waitpid(child, &status, 0);
    }
    auto temporaries = [&] {
        int n = 0;
        for (const auto& e : std::filesystem::directory_iterator(dir.path()))
            n += e.path().filename().string().find(".tmp-") != std::string::npos ? 1 : 0;
        return n;
    };
    REQUIRE(temporaries() == 3);
    AuditLock lock(audit);
    CHECK(temporaries() == 0);
}

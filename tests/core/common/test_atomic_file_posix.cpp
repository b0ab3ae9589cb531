// SPDX-License-Identifier: Apache-2.0
// writeFileAtomically / createTemporary: the POSIX-only cases (directory and file modes, owner and
// group, a file-size limit, symbolic links, child processes killed mid-save). Not built for Windows
// (tests/core/common/CMakeLists.txt); the portable cases are in test_atomic_file.cpp.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <vector>

#include "TestSupport.hpp"
#include "core/common/AtomicFile.hpp"
#include "core/common/Error.hpp"

using namespace par;

TEST_CASE("a save into a folder without write permission fails, the old file intact", "[atomic]") {
    test::ScratchDir dir;
    // POSIX directory permissions (Windows has ACLs, not chmod on folders).
    std::string sub = dir.file("ro");
    ::mkdir(sub.c_str(), 0755);
    std::string f = sub + "/a.xml";
    writeFileAtomically(f, "old");
    ::chmod(sub.c_str(), 0555);
    bool root = ::geteuid() == 0;  // root ignores directory permissions
    if (!root) {
        CHECK_THROWS_AS(writeFileAtomically(f, "new"), IoError);
        CHECK(readFile(f) == "old");
    }
    ::chmod(sub.c_str(), 0755);
}

// Issue #19, item 6: a save replaced a read-only (0444) file without a word, and reset the mode
// and group of every file it saved (a group-writable audit on a shared folder stopped being so).
TEST_CASE("a save keeps mode, group and owner, and refuses a read-only file", "[atomic]") {
    test::ScratchDir dir;
    std::string f = dir.file("shared.audit.xml");
    writeFileAtomically(f, "one");
    REQUIRE(::chmod(f.c_str(), 0660) == 0);
    const bool root = ::geteuid() == 0;
    if (root) REQUIRE(::chown(f.c_str(), 1234, 4321) == 0);  // a colleague's file, the team's group
    writeFileAtomically(f, "two");
    struct stat st {};
    REQUIRE(::stat(f.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0660);
    if (root) {
        CHECK(st.st_uid == 1234u);
        CHECK(st.st_gid == 4321u);
    }
    CHECK(readFile(f) == "two");

    REQUIRE(::chmod(f.c_str(), 0444) == 0);
    try {
        writeFileAtomically(f, "three");
        FAIL("a read-only file was replaced");
    } catch (const IoError& e) {
        CHECK_THAT(e.what(), Catch::Contains(f) && Catch::Contains("chỉ cho phép đọc") &&
                                 Catch::Contains("nguyên vẹn"));
    }
    CHECK(readFile(f) == "two");
    REQUIRE(::stat(f.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0444);
}

// Item 13: a failed save must say that the original is intact. The file-size limit makes write()
// fail (EFBIG) as a full disk does (ENOSPC), on any file system and without root.
TEST_CASE("a save that fails half-way says the existing file is intact", "[atomic]") {
    test::ScratchDir dir;
    std::string f = dir.file("a.audit.xml");
    writeFileAtomically(f, "the original");
    struct rlimit old {};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &old) == 0);
    auto oldHandler = ::signal(SIGXFSZ, SIG_IGN);
    struct rlimit small = old;
    small.rlim_cur = 4096;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    std::string message;
    try {
        writeFileAtomically(f, std::string(100000, 'x'));
    } catch (const IoError& e) {
        message = e.what();
    }
    ::setrlimit(RLIMIT_FSIZE, &old);
    ::signal(SIGXFSZ, oldHandler);
    CHECK_THAT(message, Catch::Contains(f) && Catch::Contains("nguyên vẹn") && Catch::Contains("chưa bị thay đổi"));
    CHECK(readFile(f) == "the original");
    int left = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir.path()))
        left += e.path().filename().string().find(".tmp-") != std::string::npos ? 1 : 0;
    CHECK(left == 0);
}

// Item 5: temporaries are created, never opened: O_EXCL | O_NOFOLLOW.
TEST_CASE("a temporary is never an existing file nor a symbolic link placed there", "[atomic]") {
    test::ScratchDir dir;
    const std::string victim = dir.file("victim.txt");
    test::writeText(victim, "precious");
    TemporaryFile t = createTemporary(dir.file("a.audit.xml"));
    ::close(t.fd);
    // The name drawn is taken now (by a file, then by a link to the victim): the next draws differ
    // and the victim is never opened.
    ::unlink(t.path.c_str());
    REQUIRE(::symlink(victim.c_str(), t.path.c_str()) == 0);
    for (int i = 0; i < 20; ++i) {
        TemporaryFile u = createTemporary(dir.file("a.audit.xml"));
        CHECK(u.path != t.path);
        CHECK(::write(u.fd, "x", 1) == 1);
        ::close(u.fd);
        ::unlink(u.path.c_str());
    }
    CHECK(readFile(victim) == "precious");
    // The backup's name is replaced, not followed.
    const std::string f = dir.file("b.audit.xml");
    writeFileAtomically(f, "one");
    REQUIRE(::symlink(victim.c_str(), (f + ".bak").c_str()) == 0);
    writeFileAtomically(f, "two");
    CHECK(readFile(victim) == "precious");
    CHECK(readFile(f + ".bak") == "one");
}

// Item 12: temporaries left by a killed save or lock are removed at the next save of the same
// file; a live process's are kept, and so are other files' .
TEST_CASE("stale temporaries of every kind are removed at the next save", "[atomic]") {
    test::ScratchDir dir;
    const std::string f = dir.file("a.audit.xml");
    writeFileAtomically(f, "one");
    // Children that die leaving a temporary of each kind, as a SIGKILL mid-save would.
    for (const std::string& base : {f, f + ".bak", f + ".lock"}) {
        pid_t child = ::fork();
        if (child == 0) {
            createTemporary(base);
            ::_exit(0);
        }
        int status = 0;
        ::waitpid(child, &status, 0);
    }
    TemporaryFile mine = createTemporary(f);  // this process is alive: kept
    ::close(mine.fd);
    // Made by a version that put no pid in the name: judged by age.
    const std::string oldStyle = f + ".tmp-0badf00d", recent = f + ".tmp-12345678";
    test::writeText(oldStyle, "x");
    test::writeText(recent, "x");
    struct timeval twoHoursAgo[2] = {{::time(nullptr) - 7200, 0}, {::time(nullptr) - 7200, 0}};
    REQUIRE(::utimes(oldStyle.c_str(), twoHoursAgo) == 0);
    const std::string other = dir.file("b.audit.xml.tmp-0badf00d");  // another file's
    test::writeText(other, "x");
    REQUIRE(::utimes(other.c_str(), twoHoursAgo) == 0);

    auto temporaries = [&] {
        std::vector<std::string> names;
        for (const auto& e : std::filesystem::directory_iterator(dir.path()))
            if (e.path().filename().string().find(".tmp-") != std::string::npos)
                names.push_back(e.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    };
    // A symbolic link at a temporary's name (temporaries are files): the link goes, its target stays.
    const std::string victim = dir.file("victim.txt");
    test::writeText(victim, "precious");
    REQUIRE(::symlink(victim.c_str(), (f + ".lock.tmp-link").c_str()) == 0);
    REQUIRE(temporaries().size() == 8);
    writeFileAtomically(f, "two");
    CHECK(readFile(victim) == "precious");
    auto left = temporaries();
    CHECK(left.size() == 3);
    CHECK(std::count(left.begin(), left.end(), mine.path.substr(dir.path().size() + 1)) == 1);
    CHECK(std::count(left.begin(), left.end(), "a.audit.xml.tmp-12345678") == 1);
    CHECK(std::count(left.begin(), left.end(), "b.audit.xml.tmp-0badf00d") == 1);
    ::unlink(mine.path.c_str());
}

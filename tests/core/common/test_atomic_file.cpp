#include <catch2/catch.hpp>

#include <sys/stat.h>
#ifndef _WIN32
#include <unistd.h>
#endif

#include <filesystem>

#include "TestSupport.hpp"
#include "core/common/AtomicFile.hpp"
#include "core/common/Error.hpp"

using namespace par;

TEST_CASE("atomic write replaces the file and keeps a backup", "[atomic]") {
    test::ScratchDir dir;
    std::string f = dir.file("a.audit.xml");
    writeFileAtomically(f, "one");
    CHECK(readFile(f) == "one");
    writeFileAtomically(f, "two");
    CHECK(readFile(f) == "two");
    CHECK(readFile(f + ".bak") == "one");
}

TEST_CASE("a failed write leaves the old file intact", "[atomic]") {
    test::ScratchDir dir;
#ifndef _WIN32  // POSIX directory permissions (Windows has ACLs, not chmod on folders)
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
#endif
    // A target inside a missing directory cannot be written either, whoever runs the test.
    CHECK_THROWS_AS(writeFileAtomically(dir.file("missing/x.xml"), "new"), IoError);
}

TEST_CASE("content given in pieces is written in order, with or without flushing", "[atomic]") {
    test::ScratchDir dir;
    std::string f = dir.file("cache.bin");
    std::string big(70000, 'x');  // more than one write() may take at once on a pipe-like file
    writeFileAtomically(f, std::vector<std::string_view>{"head|", big, "", "|tail"},
                        AtomicWriteOptions{false, false});
    CHECK(readFile(f) == "head|" + big + "|tail");
    writeFileAtomically(f, std::vector<std::string_view>{}, AtomicWriteOptions{false, true});
    CHECK(readFile(f).empty());
    CHECK_FALSE(::access((f + ".bak").c_str(), F_OK) == 0);  // no backup asked for
    // No temporary left next to it.
    int entries = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir.file("")))
        entries += e.path().filename().string().rfind("cache.bin", 0) == 0 ? 1 : 0;
    CHECK(entries == 1);
    CHECK_THROWS_AS(writeFileAtomically(dir.file("missing/c.bin"), std::vector<std::string_view>{"x"},
                                        AtomicWriteOptions{false, false}),
                    IoError);
}

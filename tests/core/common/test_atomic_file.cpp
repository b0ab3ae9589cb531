// SPDX-License-Identifier: Apache-2.0
// writeFileAtomically / createTemporary / removeStaleTemporaries: what holds on every system. The
// POSIX-only cases (modes and owners, symbolic links, a file-size limit, killed child processes)
// are in test_atomic_file_posix.cpp; the Windows-only ones (read-only attribute, links, a file held
// open by another program, Vietnamese names) in test_platform.cpp.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <vector>

#include "TestSupport.hpp"
#include "core/common/AtomicFile.hpp"
#include "core/common/Error.hpp"

using namespace par;
namespace fs = std::filesystem;

TEST_CASE("atomic write replaces the file and keeps a backup", "[atomic]") {
    test::ScratchDir dir;
    std::string f = dir.file("a.audit.xml");
    writeFileAtomically(f, "one");
    CHECK(readFile(f) == "one");
    writeFileAtomically(f, "two");
    CHECK(readFile(f) == "two");
    CHECK(readFile(f + ".bak") == "one");
}

TEST_CASE("a save into a missing folder fails", "[atomic]") {
    test::ScratchDir dir;
    // A target inside a missing directory cannot be written, whoever runs the test.
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
    CHECK_FALSE(std::filesystem::exists(std::filesystem::u8path(f + ".bak")));  // no backup asked for
    // No temporary left next to it.
    int entries = 0;
    for (const auto& e : std::filesystem::directory_iterator(std::filesystem::u8path(dir.path())))
        entries += e.path().filename().u8string().rfind("cache.bin", 0) == 0 ? 1 : 0;
    CHECK(entries == 1);
    CHECK_THROWS_AS(writeFileAtomically(dir.file("missing/c.bin"), std::vector<std::string_view>{"x"},
                                        AtomicWriteOptions{false, false}),
                    IoError);
}

// The age rule of removeStaleTemporaries, without processes: a temporary whose name carries no
// pid of this host is removed once older than the limit; a recent one and another file's stay.
TEST_CASE("old temporaries are removed at the next save, recent ones and other files' kept", "[atomic]") {
    test::ScratchDir dir;
    const std::string f = dir.file("a.audit.xml");
    writeFileAtomically(f, "one");
    const std::string oldStyle = f + ".tmp-0badf00d", oldBak = f + ".bak.tmp-0badf00d",
                      recent = f + ".tmp-12345678", other = dir.file("b.audit.xml.tmp-0badf00d");
    for (const std::string& p : {oldStyle, oldBak, recent, other})
        test::writeText(p, "x");
    const auto twoHoursAgo = fs::file_time_type::clock::now() - std::chrono::hours(2);
    for (const std::string& p : {oldStyle, oldBak, other})
        fs::last_write_time(fs::u8path(p), twoHoursAgo);
    TemporaryFile mine = createTemporary(f);  // this process is alive: kept whatever its age
    writeFileAtomically(f, "two");
    std::vector<std::string> left;
    for (const auto& e : fs::directory_iterator(fs::u8path(dir.path())))
        if (e.path().filename().u8string().find(".tmp-") != std::string::npos)
            left.push_back(e.path().filename().u8string());
    std::sort(left.begin(), left.end());
    CHECK(left.size() == 3);
    CHECK(std::count(left.begin(), left.end(), "a.audit.xml.tmp-12345678") == 1);
    CHECK(std::count(left.begin(), left.end(), "b.audit.xml.tmp-0badf00d") == 1);
    CHECK(std::count(left.begin(), left.end(), mine.path.substr(dir.path().size() + 1)) == 1);
    CHECK(readFile(f) == "two");
}

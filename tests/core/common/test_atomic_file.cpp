#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

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
    // A target inside a missing directory cannot be written either, whoever runs the test.
    CHECK_THROWS_AS(writeFileAtomically(dir.file("missing/x.xml"), "new"), IoError);
}

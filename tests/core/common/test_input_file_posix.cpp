// SPDX-License-Identifier: Apache-2.0
// InputFile / readFile, the POSIX-only cases: a named pipe (FIFO), /dev/zero, a sparse file, /proc.
// Not built for Windows (tests/core/common/CMakeLists.txt); the portable cases are in
// test_input_file.cpp.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <random>

#include "TestSupport.hpp"
#include "core/common/Error.hpp"
#include "core/common/InputFile.hpp"
#include "core/common/XmlReader.hpp"

using namespace par;

namespace {
// A file of `size` bytes that takes no disk space (a hole): what an attacker gives to make a
// reader allocate gigabytes.
void makeSparse(const std::string& path, off_t size) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    REQUIRE(fd >= 0);
    REQUIRE(::ftruncate(fd, size) == 0);
    ::close(fd);
}

long maxRssKb() {
    struct rusage u {};
    ::getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

template <typename F>
std::string messageOf(F f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}
}  // namespace

TEST_CASE("a named pipe and a device are refused by name, without waiting", "[input]") {
    test::ScratchDir dir;
    const std::string fifo = dir.file("form.xml");
    REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
    // Opening a FIFO for reading blocks until a writer comes: the old reader hung here for ever.
    auto start = std::chrono::steady_clock::now();
    std::string m = messageOf([&] { readFile(fifo); });
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
    CHECK_THAT(m, Catch::Contains(fifo) && Catch::Contains("FIFO"));
    CHECK_THAT(messageOf([&] { XmlReader::load(fifo); }), Catch::Contains("FIFO"));

    // /dev/zero never ends: refused before a byte is read.
    CHECK_THAT(messageOf([] { readFile("/dev/zero"); }),
               Catch::Contains("/dev/zero") && Catch::Contains("thiết bị"));
    CHECK_THROWS_AS(XmlReader::load("/dev/zero"), IoError);

}

TEST_CASE("a sparse 3 GB file is refused from its size, before it is read", "[input]") {
    test::ScratchDir dir;
    const std::string big = dir.file("plan.xml");
    makeSparse(big, off_t(3) * 1024 * 1024 * 1024);
    const long before = maxRssKb();
    auto start = std::chrono::steady_clock::now();
    std::string m = messageOf([&] { XmlReader::load(big); });
    CHECK_THAT(m, Catch::Contains("3221225472") && Catch::Contains("67108864"));
    m = messageOf([&] { readFile(big); });  // the default bound, 256 MiB
    CHECK_THAT(m, Catch::Contains("tệp quá lớn") && Catch::Contains("268435456"));
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
    // The old readers reached 6-12 GB here; nothing was read now.
    CHECK(maxRssKb() - before < 64 * 1024);
}

TEST_CASE("a file the kernel sizes as 0 (/proc) is read whole", "[input]") {
    CHECK_THAT(readFile("/proc/self/status"), Catch::Contains("Pid:"));
}

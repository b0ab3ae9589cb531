// InputFile / readFile: only regular files, the size checked with fstat before a byte is read,
// reads bounded even when the file grows; and XmlReader::load on top of it (issue #19, items 3, 7
// and the folder given as a file of item 11).
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

TEST_CASE("a named pipe, a device and a folder are refused by name, without waiting", "[input]") {
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

    // A folder: said so, not "file too large (9223372036854775807 bytes)" as the old seek gave.
    m = messageOf([&] { XmlReader::load(dir.path()); });
    CHECK_THAT(m, Catch::Contains("thư mục"));
    CHECK_THAT(m, !Catch::Contains("9223372036854775807"));
    // A missing file names the file and the reason.
    CHECK_THAT(messageOf([&] { readFile(dir.file("none.xml")); }),
               Catch::Contains("none.xml") && Catch::Contains("No such file"));
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

TEST_CASE("a file that grows after it was opened is read only up to its bound", "[input]") {
    test::ScratchDir dir;
    const std::string f = dir.file("growing.xml");
    test::writeText(f, std::string(100, 'a'));
    InputFile in(f, 150);
    CHECK(in.size() == 100);
    {
        int fd = ::open(f.c_str(), O_WRONLY | O_APPEND);
        REQUIRE(fd >= 0);
        std::string more(1000, 'b');
        REQUIRE(::write(fd, more.data(), more.size()) == static_cast<ssize_t>(more.size()));
        ::close(fd);
    }
    std::string out;
    CHECK_THROWS_WITH(in.readAll(out),
                      Catch::Contains("tệp quá lớn") && Catch::Contains("tối đa 150"));
    // A file the kernel sizes as 0 (/proc) is read whole.
    CHECK_THAT(readFile("/proc/self/status"), Catch::Contains("Pid:"));
}

TEST_CASE("property: a file is returned whole exactly when it is within its bound",
          "[input][property]") {
    test::ScratchDir dir;
    std::mt19937 rng(19);
    const std::string f = dir.file("f.bin");
    std::string buffer;
    for (int round = 0; round < 300; ++round) {
        // Sizes around the bound, around the 16 KiB read step, and empty files.
        const size_t bound = std::uniform_int_distribution<size_t>(0, 40000)(rng);
        size_t size = 0;
        switch (round % 4) {
            case 0:
                size = bound;
                break;
            case 1:
                size = bound + 1;
                break;
            case 2:
                size = std::uniform_int_distribution<size_t>(0, 80000)(rng);
                break;
            default:
                size = bound == 0 ? 0 : bound - 1;
                break;
        }
        std::string content(size, '\0');
        for (auto& c : content)
            c = static_cast<char>(rng());
        test::writeText(f, content);
        if (size <= bound) {
            readFileInto(f, buffer, bound);  // the buffer is reused between rounds
            REQUIRE(buffer == content);
        } else {
            REQUIRE_THROWS_AS(readFileInto(f, buffer, bound), ParseError);
        }
    }
}

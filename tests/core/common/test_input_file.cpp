// SPDX-License-Identifier: Apache-2.0
// InputFile / readFile: only regular files, the size checked on the open file before a byte is
// read, reads bounded even when the file grows; and XmlReader::load on top of it (issue #19, items
// 3, 7 and the folder given as a file of item 11). What holds on every system; named pipes,
// devices, sparse files and /proc are in test_input_file_posix.cpp, Windows devices in
// test_platform.cpp.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>

#include "TestSupport.hpp"
#include "core/common/Error.hpp"
#include "core/common/InputFile.hpp"
#include "core/common/XmlReader.hpp"

using namespace par;

namespace {
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

TEST_CASE("a folder and a missing file are refused by name", "[input]") {
    test::ScratchDir dir;
    // A folder: said so, not "file too large (9223372036854775807 bytes)" as the old seek gave.
    std::string m = messageOf([&] { XmlReader::load(dir.path()); });
    CHECK_THAT(m, Catch::Contains("thư mục"));
    CHECK_THAT(m, !Catch::Contains("9223372036854775807"));
    CHECK_THAT(messageOf([&] { readFile(dir.path()); }), Catch::Contains(dir.path()) && Catch::Contains("thư mục"));
    // A missing file names the file and the reason.
    CHECK_THAT(messageOf([&] { readFile(dir.file("none.xml")); }),
               Catch::Contains("none.xml") && Catch::Contains("No such file"));
}

TEST_CASE("a file that grows after it was opened is read only up to its bound", "[input]") {
    test::ScratchDir dir;
    const std::string f = dir.file("growing.xml");
    test::writeText(f, std::string(100, 'a'));
    InputFile in(f, 150);
    CHECK(in.size() == 100);
    {
        std::ofstream more(std::filesystem::u8path(f), std::ios::binary | std::ios::app);
        more << std::string(1000, 'b');
        REQUIRE(more.good());
    }
    std::string out;
    CHECK_THROWS_WITH(in.readAll(out),
                      Catch::Contains("tệp quá lớn") && Catch::Contains("tối đa 150"));
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

// The platform layer (core/common/Platform.hpp, DataPaths' executableDirectory): file names with
// Vietnamese letters through the atomic save, replace and hard link, process liveness. Runs on Linux
// and, cross-built, on Windows under Wine (scripts/test-windows.sh).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "TestSupport.hpp"
#include "core/common/AtomicFile.hpp"
#include "core/common/DataPaths.hpp"
#include "core/common/Platform.hpp"

#ifdef _WIN32
#include <windows.h>
#endif

using namespace par;
namespace fs = std::filesystem;

TEST_CASE("the executable's folder is the build tree's bin", "[platform]") {
    const std::string dir = executableDirectory();
    REQUIRE_FALSE(dir.empty());
#ifdef _WIN32
    const char* self = "test_common.exe";
#else
    const char* self = "test_common";
#endif
    CHECK(fs::exists(fs::u8path(dir) / self));
    // The build tree's marker beside bin/ names the source tree (how data is found without a path
    // compiled in).
    std::ifstream marker(fs::u8path(dir).parent_path() / "par-audit-source-dir");
    std::string source;
    REQUIRE(std::getline(marker, source));
    CHECK(fs::exists(fs::u8path(source) / "forms"));
}

TEST_CASE("atomic save, replace and read with Vietnamese letters in folder and file name", "[platform]") {
    test::ScratchDir dir;
    const fs::path folder = fs::u8path(dir.path()) / fs::u8path("Tài liệu Quỳnh Lưu");
    fs::create_directories(folder);
    const std::string file = (folder / fs::u8path("kết luận đợt 1.audit.xml")).u8string();
    writeFileAtomically(file, "bản một");
    CHECK(readFile(file) == "bản một");
    AtomicWriteOptions keep;
    keep.keepBackup = true;
    writeFileAtomically(file, "bản hai", keep);  // replaces an existing file
    CHECK(readFile(file) == "bản hai");
    CHECK(readFile(file + ".bak") == "bản một");
    // Nothing but the file and its backup is left in the folder (no temporaries).
    int entries = 0;
    for (const auto& e : fs::directory_iterator(folder)) {
        (void)e;
        ++entries;
    }
    CHECK(entries == 2);
}

TEST_CASE("replaceFile and hardLink with Vietnamese names", "[platform]") {
    test::ScratchDir dir;
    const std::string a = dir.file("mới.txt"), b = dir.file("cũ.txt"), l = dir.file("liên kết.txt");
    writeFileAtomically(a, "mới");
    writeFileAtomically(b, "cũ");
    REQUIRE(platform::replaceFile(a, b));
    CHECK(readFile(b) == "mới");
    CHECK_FALSE(fs::exists(fs::u8path(a)));
    REQUIRE(platform::hardLink(b, l));
    CHECK(readFile(l) == "mới");
    CHECK_FALSE(platform::hardLink(b, l));  // exists
}

TEST_CASE("process liveness", "[platform]") {
    CHECK(platform::processAlive(platform::processId()));
    CHECK_FALSE(platform::processAlive(0));
    CHECK_FALSE(platform::hostName().empty());
}

#ifdef _WIN32
TEST_CASE("Windows: a save over a file another program holds open loses nothing", "[platform]") {
    test::ScratchDir dir;
    const std::string file = dir.file("đang mở.xml");
    writeFileAtomically(file, "bản cũ");
    // Another program has it open without delete sharing (as some editors do): the replace cannot
    // happen; the old file must stay whole and the error must name the file.
    HANDLE h = CreateFileW(platform::widen(file).c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr,
                           OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
    REQUIRE(h != INVALID_HANDLE_VALUE);
    bool threw = false;
    try {
        writeFileAtomically(file, "bản mới");
    } catch (const std::exception& e) {
        threw = true;
        CHECK(std::string(e.what()).find("đang mở.xml") != std::string::npos);
    }
    CloseHandle(h);
    CHECK(threw);
    CHECK(readFile(file) == "bản cũ");
    writeFileAtomically(file, "bản mới");  // once it is closed
    CHECK(readFile(file) == "bản mới");
}
#endif

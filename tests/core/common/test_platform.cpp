// SPDX-License-Identifier: Apache-2.0
// The platform layer (core/common/Platform.hpp, DataPaths' executableDirectory): file names with
// Vietnamese letters through the atomic save, replace and hard link, process liveness. Runs on Linux
// and, cross-built, on Windows under Wine (scripts/test-windows.sh).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>

#include "TestSupport.hpp"
#include "core/common/AtomicFile.hpp"
#include "core/common/DataPaths.hpp"
#include "core/common/Error.hpp"
#include "core/common/Platform.hpp"

#ifdef _WIN32
#include <windows.h>

#include <chrono>
#include <thread>
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

TEST_CASE("file status and exclusive create by UTF-8 name", "[platform]") {
    test::ScratchDir dir;
    const std::string file = dir.file("Quỳnh Lưu – báo cáo.xml");
    writeFileAtomically(file, "12345");
    platform::FileStatus st;
    REQUIRE(platform::statPath(file, st) == 0);
    CHECK(st.regular);
    CHECK_FALSE(st.directory);
    CHECK(st.size == 5);
    CHECK(st.mtimeNs > 0);
    REQUIRE(platform::statPath(dir.path(), st) == 0);
    CHECK(st.directory);
    CHECK(platform::statPath(dir.file("không có.xml"), st) == -1);
    // An existing name is never opened by createNewFile.
    CHECK(platform::createNewFile(file, 0644) == -1);
    CHECK(errno == EEXIST);
    CHECK(readFile(file) == "12345");
    const int fd = platform::createNewFile(dir.file("mới tạo.lock"), 0644);
    REQUIRE(fd >= 0);
    ::close(fd);
    CHECK(fs::exists(fs::u8path(dir.file("mới tạo.lock"))));
}

#ifdef _WIN32
TEST_CASE("Windows: a read-only file is refused, not replaced", "[platform]") {
    test::ScratchDir dir;
    const std::string file = dir.file("chỉ đọc.audit.xml");
    writeFileAtomically(file, "bản cũ");
    REQUIRE(SetFileAttributesW(platform::widen(file).c_str(), FILE_ATTRIBUTE_READONLY));
    try {
        writeFileAtomically(file, "bản mới");
        FAIL("a read-only file was replaced");
    } catch (const IoError& e) {
        CHECK_THAT(e.what(), Catch::Contains(file) && Catch::Contains("chỉ cho phép đọc") &&
                                 Catch::Contains("Read-only"));
    }
    CHECK(readFile(file) == "bản cũ");
    SetFileAttributesW(platform::widen(file).c_str(), FILE_ATTRIBUTE_NORMAL);
}

TEST_CASE("Windows: a save waits for another program that holds the file a moment", "[platform]") {
    test::ScratchDir dir;
    const std::string file = dir.file("đang quét.xml");
    writeFileAtomically(file, "bản cũ");
    // An antivirus scanner or the indexer opens the file without delete sharing for a moment:
    // the replace is retried and succeeds once the handle is closed.
    HANDLE h = CreateFileW(platform::widen(file).c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr,
                           OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
    REQUIRE(h != INVALID_HANDLE_VALUE);
    std::thread scanner([h] {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        CloseHandle(h);
    });
    writeFileAtomically(file, "bản mới");
    scanner.join();
    CHECK(readFile(file) == "bản mới");
    CHECK(readFile(file + ".bak") == "bản cũ");
    int temporaries = 0;
    for (const auto& e : fs::directory_iterator(fs::u8path(dir.path())))
        temporaries += e.path().filename().u8string().find(".tmp-") != std::string::npos ? 1 : 0;
    CHECK(temporaries == 0);
}

TEST_CASE("Windows: a device or a folder is refused by name, a file under a Vietnamese name read", "[platform]") {
    auto messageOf = [](const std::string& path) {
        try {
            readFile(path);
        } catch (const Error& e) {
            return std::string(e.what());
        }
        return std::string("(no error)");
    };
    CHECK_THAT(messageOf("NUL"), Catch::Contains("NUL") && Catch::Contains("thiết bị"));
    test::ScratchDir dir;
    const fs::path folder = fs::u8path(dir.path()) / fs::u8path("Thư mục");
    fs::create_directories(folder);
    CHECK_THAT(messageOf(folder.u8string()), Catch::Contains("thư mục"));
    const std::string file = (folder / fs::u8path("Phiếu xin lỗi.xml")).u8string();
    test::writeText(file, "<x/>");  // written by the C++ library, read by the core's wide API
    CHECK(readFile(file) == "<x/>");
}

TEST_CASE("Windows: a temporary's name taken by a link is never followed", "[platform]") {
    test::ScratchDir dir;
    const std::string victim = dir.file("quý giá.txt");
    writeFileAtomically(victim, "precious");
    const std::string link = dir.file("liên kết.tmp");
    // Unprivileged symbolic links need developer mode on Windows. Wine 8's CreateSymbolicLinkW is
    // a stub that says yes and creates nothing: there this case cannot be tested (docs/windows.md).
    REQUIRE(CreateSymbolicLinkW(platform::widen(link).c_str(), platform::widen(victim).c_str(),
                                SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE));
    const DWORD attrs = GetFileAttributesW(platform::widen(link).c_str());
    if (attrs == INVALID_FILE_ATTRIBUTES || (attrs & FILE_ATTRIBUTE_REPARSE_POINT) == 0) {
        WARN("no symbolic link was created (Wine's CreateSymbolicLinkW is a stub): not tested here");
        return;
    }
    CHECK(platform::createNewFile(link, 0644) == -1);
    CHECK(errno == EEXIST);
    CHECK(readFile(victim) == "precious");
    // A link at the backup's name is replaced, not followed.
    const std::string f = dir.file("b.audit.xml");
    writeFileAtomically(f, "one");
    REQUIRE(CreateSymbolicLinkW(platform::widen(f + ".bak").c_str(), platform::widen(victim).c_str(),
                                SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE));
    writeFileAtomically(f, "two");
    CHECK(readFile(victim) == "precious");
    CHECK(readFile(f + ".bak") == "one");
    CHECK(readFile(f) == "two");
}
#endif

// SPDX-License-Identifier: Apache-2.0
// main.cpp - entry point of the par-audit command line: sets the language, installs the registered
// sub-commands, and maps errors to exit codes (0 ok, 1 problems found, 2 bad usage or input).
#ifdef _WIN32
#include <windows.h>

#include <shellapi.h>
#include <streambuf>
#include <utility>
#include <vector>
#else
#include <unistd.h>
#endif

#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <string>
#include <string_view>

#include "cli/Command.hpp"
#include "cli/CliMessages.hpp"
#include "cli/HelpFormatter.hpp"
#include "core/common/Error.hpp"
#ifdef _WIN32
#include "core/common/Platform.hpp"
#include "core/common/Sanitizers.hpp"
#endif
#include "core/common/Text.hpp"
#include "par/Version.hpp"

namespace par::cli {

namespace {
std::multimap<int, Installer>& registry() {
    static std::multimap<int, Installer> r;
    return r;
}

// --lang or LANG decides the language of messages before CLI11 prints anything.
void chooseLanguage(int argc, char** argv) {
    const char* env = std::getenv("LANGUAGE");
    if (env == nullptr || *env == '\0') env = std::getenv("LANG");
    if (env != nullptr && std::string(env).rfind("en", 0) == 0) setLanguage(Language::English);
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        std::string v;
        if (a == "--lang" && i + 1 < argc) v = argv[i + 1];
        else if (a.rfind("--lang=", 0) == 0) v = a.substr(7);
        if (v == "en") setLanguage(Language::English);
        if (v == "vi") setLanguage(Language::Vietnamese);
    }
}

// The sub-command named on the command line ("" if none): the first word that is not an option
// (nor the value of --lang, the only option before it that takes one).
[[maybe_unused]] std::string subcommandOf(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--lang") == 0) {
            ++i;
            continue;
        }
        if (argv[i][0] != '-') return argv[i];
    }
    return "";
}

// `track` and `rank` read whole workspaces: 10,000 audits keep some 200 MB of small blocks, and
// touching that memory page by page is a third of their time on virtual machines where a page
// fault is dear (docs/performance.md, "Remediation register"). glibc gives malloc's heap
// transparent huge pages only when told so by GLIBC_TUNABLES, which it reads at start-up: these
// two commands start themselves again once with it set. A GLIBC_TUNABLES already set (to
// anything) is left alone, which is also how to turn this off; sanitizer builds have their own
// allocator and skip it.
void preferHugePages(int argc, char** argv) {
#if PAR_ADDRESS_SANITIZER || defined(__SANITIZE_THREAD__) || defined(_WIN32)
    (void)argc;
    (void)argv;
#else
    if (std::getenv("GLIBC_TUNABLES") != nullptr) return;
    const std::string sub = subcommandOf(argc, argv);
    if (sub != "track" && sub != "rank") return;
    if (::setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1:glibc.malloc.top_pad=67108864", 1) != 0)
        return;
    ::execv("/proc/self/exe", argv);
    ::unsetenv("GLIBC_TUNABLES");  // no /proc (or no exec): carry on as we are
#endif
}
#ifdef _WIN32
// std::cout / std::cerr on a Windows console: the UTF-8 text goes out through WriteConsoleW as
// UTF-16. The C runtime's own console path converts the bytes in its locale's code page whatever
// SetConsoleOutputCP says (seen under Wine: "Quá»³nh LÆ°u" for "Quỳnh Lưu"). A UTF-8 sequence
// cut by the buffer's end waits for the next flush. Redirected to a file or a pipe, the streams are
// left alone: the bytes stay UTF-8.
class ConsoleBuf : public std::streambuf {
public:
    explicit ConsoleBuf(HANDLE h) : h_(h) { setp(buf_, buf_ + sizeof buf_); }

protected:
    int_type overflow(int_type c) override {
        if (!writeComplete()) return traits_type::eof();
        if (c != traits_type::eof()) {
            *pptr() = static_cast<char>(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }
    int sync() override { return writeComplete() ? 0 : -1; }

private:
    bool writeComplete() {
        char* const begin = pbase();
        char* const end = pptr();
        // The last sequence may be incomplete: its lead byte and the continuation bytes after it.
        char* cut = end;
        char* p = end;
        while (p > begin && end - p < 3 && (static_cast<unsigned char>(p[-1]) & 0xC0) == 0x80) --p;
        if (p > begin) {
            const unsigned char lead = static_cast<unsigned char>(p[-1]);
            const long need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            if (need > 1 && end - (p - 1) < need) cut = p - 1;
        }
        const std::wstring wide = platform::widen(std::string(begin, cut));
        for (size_t done = 0; done < wide.size();) {
            DWORD n = 0;
            if (!WriteConsoleW(h_, wide.data() + done, static_cast<DWORD>(wide.size() - done), &n, nullptr) ||
                n == 0)
                return false;
            done += n;
        }
        const long rest = end - cut;
        std::memmove(buf_, cut, static_cast<size_t>(rest));
        setp(buf_, buf_ + sizeof buf_);
        pbump(static_cast<int>(rest));
        return true;
    }
    HANDLE h_;
    char buf_[4096];
};

// Windows: the console shows UTF-8 (cmd.exe and PowerShell), and the arguments are taken from the
// wide command line, so that file names with Vietnamese letters arrive intact whatever the
// system's ANSI code page.
void windowsConsoleAndArguments(int& argc, char**& argv) {
    SetConsoleOutputCP(CP_UTF8);
    SetConsoleCP(CP_UTF8);
    for (auto [stream, id] : {std::pair<std::ostream*, DWORD>{&std::cout, STD_OUTPUT_HANDLE},
                              std::pair<std::ostream*, DWORD>{&std::cerr, STD_ERROR_HANDLE}}) {
        HANDLE h = GetStdHandle(id);
        DWORD mode = 0;
        if (h != nullptr && h != INVALID_HANDLE_VALUE && GetFileType(h) == FILE_TYPE_CHAR &&
            GetConsoleMode(h, &mode))
            stream->rdbuf(new ConsoleBuf(h));  // never freed: the streams outlive every static
    }
    int n = 0;
    LPWSTR* wide = CommandLineToArgvW(GetCommandLineW(), &n);
    if (wide == nullptr) return;
    static std::vector<std::string> args;
    static std::vector<char*> ptrs;
    for (int i = 0; i < n; ++i) args.push_back(platform::narrow(wide[i]));
    LocalFree(wide);
    for (auto& a : args) ptrs.push_back(a.data());
    ptrs.push_back(nullptr);
    argc = n;
    argv = ptrs.data();
}
#endif
}  // namespace

bool registerCommand(int order, Installer installer) {
    registry().emplace(order, std::move(installer));
    return true;
}

// Arguments become answers, names and paths stored in files: bytes that are not UTF-8 (a terminal
// in another encoding) would be stored as U+FFFD without a word. Returns the message, or "".
std::string checkArgumentsAreUtf8(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        if (isValidUtf8(a))
            continue;
        std::string shown;  // the argument with its offending bytes written \xNN
        for (unsigned char c : a) {
            char buf[8];
            std::snprintf(buf, sizeof buf, c >= 0x80 || c < 0x20 ? "\\x%02X" : "%c", c);
            shown += buf;
        }
        return fmt(tr("tham số thứ {} ('{}') không phải văn bản UTF-8 hợp lệ; không có gì được ghi. Hãy "
                      "dùng terminal UTF-8 (LANG=vi_VN.UTF-8 hoặc C.UTF-8) rồi gõ lại",
                      "argument {} ('{}') is not valid UTF-8 text; nothing was written. Use a UTF-8 "
                      "terminal (LANG=vi_VN.UTF-8 or C.UTF-8) and type it again"),
                   std::to_string(i), shown);
    }
    return "";
}

void installCommands(CLI::App& app, Context& ctx) {
    for (auto& [order, install] : registry()) install(app, ctx);
}

}  // namespace par::cli

int main(int argc, char** argv) {
    using namespace par;
#ifdef _WIN32
    cli::windowsConsoleAndArguments(argc, argv);
#endif
    cli::preferHugePages(argc, argv);
    std::setlocale(LC_ALL, "C.UTF-8");
    cli::chooseLanguage(argc, argv);
    if (std::string bad = cli::checkArgumentsAreUtf8(argc, argv); !bad.empty()) {
        std::cerr << "par-audit: " << bad << "\n";
        return cli::kBadInput;
    }

    CLI::App app{tr("par-audit: kiểm tra công tác cải cách hành chính (CCHC)",
                    "par-audit: inspection of public administration reform (PAR)"),
                 "par-audit"};
    app.require_subcommand(1);
    // CLI11's own words, in the message language (they are shared by every sub-command).
    // Set before the commands are added: each sub-command copies the formatter it is created with.
    app.formatter(std::make_shared<cli::HelpFormatter>());
    auto formatter = app.get_formatter();
    formatter->label("Usage", tr("Cách dùng", "Usage"));
    formatter->label("OPTIONS", tr("TÙY_CHỌN", "OPTIONS"));
    formatter->label("SUBCOMMAND", tr("LỆNH", "SUBCOMMAND"));
    formatter->label("SUBCOMMANDS", tr("LỆNH", "SUBCOMMANDS"));
    formatter->label("Positionals", tr("Tham số", "Positionals"));
    formatter->label("REQUIRED", tr("BẮT BUỘC", "REQUIRED"));
    formatter->label("Needs", tr("Cần", "Needs"));
    formatter->label("Excludes", tr("Loại trừ", "Excludes"));
    app.option_defaults()->group(tr("Tùy chọn", "Options"));
    app.set_help_flag("-h,--help", tr("In trợ giúp này rồi thoát", "Print this help message and exit"));
    app.set_help_all_flag("--help-all", tr("Trợ giúp cho mọi lệnh", "Help for every command"));
    app.set_version_flag("-V,--version", std::string("par-audit ") + PAR_VERSION,
                         tr("In số phiên bản rồi thoát", "Print the version number and exit"));
    std::string lang;
    app.add_option("--lang", lang, tr("Ngôn ngữ thông báo: vi (mặc định) hoặc en", "Message language: vi (default) or en"))
        ->check(CLI::IsMember({"vi", "en"}));
    cli::Context ctx;
    cli::installCommands(app, ctx);
    for (CLI::App* sub : app.get_subcommands({})) {
        sub->group(tr("Các lệnh", "Commands"));
        sub->set_help_all_flag();
        sub->set_help_flag("-h,--help", tr("In trợ giúp này rồi thoát", "Print this help message and exit"));
        for (CLI::App* nested : sub->get_subcommands({})) {
            nested->group(tr("Các lệnh", "Commands"));
            nested->set_help_all_flag();  // inherited from `plan` in CLI11's English group "Options"
            nested->set_help_flag("-h,--help", tr("In trợ giúp này rồi thoát", "Print this help message and exit"));
        }
    }
    // CLI11's own words (its errors, the type names of the help) in the message language.
    app.failure_message(cli::failureMessage);
    cli::translateTypeNames(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int rc = app.exit(e);
        return rc == 0 ? 0 : cli::kBadInput;
    } catch (const ParseError& e) {
        std::cerr << e.what() << "\n";
        return cli::kBadInput;
    } catch (const Error& e) {
        std::cerr << "par-audit: " << e.what() << "\n";
        return cli::kBadInput;
    } catch (const std::exception& e) {
        std::cerr << "par-audit: " << tr("lỗi không mong đợi: ", "unexpected error: ") << e.what() << "\n";
        return cli::kBadInput;
    }
    return ctx.exitCode;
}

// SPDX-License-Identifier: Apache-2.0
#include "cli/SigningOptions.hpp"

#ifndef _WIN32
#include <termios.h>
#include <unistd.h>
#else
#include <conio.h>
#include <io.h>
#endif

#include <iostream>

#include "core/common/Error.hpp"
#include "core/common/InputFile.hpp"
#include "core/common/Text.hpp"
#include "core/signature/Pkcs11Signer.hpp"

namespace par::cli {

void SigningOptions::add(CLI::App* cmd) {
    cmd->add_option("--pkcs12", pkcs12, tr("Tệp chứng thư số kèm khoá bí mật (.p12/.pfx)", "Certificate and private key file (.p12/.pfx)"))
        ->check(CLI::ExistingFile);
    cmd->add_option("--password-file", passwordFile,
                    tr("Tệp chứa mật khẩu của tệp .p12 (dòng đầu); không có thì hỏi trên terminal",
                       "File holding the .p12 password (first line); without it, asked at the terminal"))
        ->check(CLI::ExistingFile);
    cmd->add_option("--pkcs11-module", pkcs11Module,
                    tr("Thư viện PKCS#11 của thiết bị ký số (USB token), ví dụ /usr/lib/x86_64-linux-gnu/opensc-pkcs11.so",
                       "The token's PKCS#11 library, e.g. /usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"));
    cmd->add_option("--token-label", tokenLabel, tr("Nhãn của thiết bị ký số (mặc định: thiết bị đầu tiên)", "Token label (default: the first token)"));
    cmd->add_option("--pin-file", pinFile,
                    tr("Tệp chứa mã PIN (dòng đầu); không có thì hỏi trên terminal", "File holding the PIN (first line); without it, asked at the terminal"))
        ->check(CLI::ExistingFile);
}

std::string readSecret(const std::string& path, const std::string& prompt) {
    if (!path.empty()) {
        std::string s = readFile(path, 4096);
        size_t eol = s.find_first_of("\r\n");
        if (eol != std::string::npos) s.resize(eol);
        return s;
    }
#ifndef _WIN32
    if (!isatty(STDIN_FILENO))
        throw UsageError(fmt(tr("cần {}: dùng tùy chọn tệp (--password-file/--pin-file) khi không chạy trên terminal",
                                "{} needed: give the file option (--password-file/--pin-file) when not at a terminal"),
                             prompt));
    std::cerr << prompt << ": " << std::flush;
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    std::string s;
    std::getline(std::cin, s);
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
    return s;
#else
    if (!_isatty(_fileno(stdin)))
        throw UsageError(fmt(tr("cần {}: dùng tùy chọn tệp (--password-file/--pin-file) khi không chạy trên terminal",
                                "{} needed: give the file option (--password-file/--pin-file) when not at a terminal"),
                             prompt));
    std::cerr << prompt << ": " << std::flush;
    std::string s;
    for (int c = _getch(); c != '\r' && c != '\n' && c != EOF; c = _getch()) s += static_cast<char>(c);
    std::cerr << "\n";
    return s;
#endif
}

std::unique_ptr<sig::Signer> SigningOptions::open() const {
    if (pkcs12.empty() == pkcs11Module.empty())
        throw UsageError(tr("chọn đúng một cách ký: --pkcs12 TỆP hoặc --pkcs11-module THƯ_VIỆN",
                            "choose exactly one way to sign: --pkcs12 FILE or --pkcs11-module LIBRARY"));
    if (!pkcs12.empty())
        return std::make_unique<sig::Pkcs12Signer>(pkcs12, readSecret(passwordFile, tr("Mật khẩu tệp .p12", "Password of the .p12 file")));
    return std::make_unique<sig::Pkcs11Signer>(pkcs11Module, tokenLabel, readSecret(pinFile, tr("Mã PIN của thiết bị ký số", "Token PIN")));
}

}  // namespace par::cli

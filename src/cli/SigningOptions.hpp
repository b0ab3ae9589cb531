// SPDX-License-Identifier: Apache-2.0
// SigningOptions.hpp - the options that say who signs, shared by `sign` and `plan respond --sign`:
// --pkcs12 FILE [--password-file F] or --pkcs11-module LIB [--token-label L] [--pin-file F]. A
// secret is read from its file (first line) or, when that option is absent and stdin is a
// terminal, typed at a prompt without echo; never taken as an argument (it would show in `ps` and
// the shell history).
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "core/signature/Signer.hpp"

namespace par::cli {

struct SigningOptions {
    std::string pkcs12, passwordFile;
    std::string pkcs11Module, tokenLabel, pinFile;

    void add(CLI::App* cmd);
    bool given() const { return !pkcs12.empty() || !pkcs11Module.empty(); }
    // Throws UsageError (neither or both kinds, no secret and no terminal) or the signer's errors.
    std::unique_ptr<sig::Signer> open() const;
};

// The first line of `path`, or a prompt without echo when `path` is empty and stdin is a terminal.
std::string readSecret(const std::string& path, const std::string& prompt);

}  // namespace par::cli

// SPDX-License-Identifier: Apache-2.0
// CliMessages.hpp - CLI11's own words in the message language: its parse errors ("audit is
// required", "File does not exist: x", "A subcommand is required", "x not in {a,b}") and the type
// names of its help ("TEXT:FILE", "INT"). CLI11 has no translation hook for these, so its English
// sentences, which are few and fixed, are recognised and rephrased here.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace par::cli {

// A CLI11 message in the current language (unchanged in English).
std::string translateCliMessage(const std::string& english);
// What `app.exit()` prints for a parse error: the message and where to get help.
std::string failureMessage(const CLI::App* app, const CLI::Error& e);
// The help's type names ("TEXT:FILE" → "VĂN_BẢN:TỆP") for every option of `app` and its
// sub-commands, in the current language.
void translateTypeNames(CLI::App& app);

}  // namespace par::cli

// SPDX-License-Identifier: Apache-2.0
// Command.hpp - how the CLI's sub-commands plug in. Each <Name>Command.cpp registers a function that
// adds its CLI11 sub-command; main() installs them all in `order`. A command reports problems found
// by setting ctx.exitCode = 1 and signals bad input by throwing par::Error (main maps it to exit 2).
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace par::cli {

enum ExitCode { kOk = 0, kProblems = 1, kBadInput = 2 };

struct Context {
    int exitCode = kOk;
};

using Installer = std::function<void(CLI::App& app, Context& ctx)>;

// Call from a static initialiser: `static const bool registered = registerCommand(30, install);`
bool registerCommand(int order, Installer installer);

// Adds every registered command to app.
void installCommands(CLI::App& app, Context& ctx);

}  // namespace par::cli

// SPDX-License-Identifier: Apache-2.0
// Progress.hpp - how long-running core work talks to people without knowing who they are
// (STYLE.md rule 3): the CLI implements it with a terminal bar, the GUI with a wxProgressDialog.
#pragma once

#include <string_view>

namespace par {

class Progress {
public:
    virtual ~Progress() = default;
    // fraction in [0, 1]; label is a short Vietnamese (or English) phrase.
    virtual void update(double fraction, std::string_view label) = 0;
    // Polled by the worker; true asks it to stop at the next safe point.
    virtual bool cancelled() const { return false; }
};

// Does nothing: the default when nobody watches.
class NullProgress : public Progress {
public:
    void update(double, std::string_view) override {}
};

// Thrown by work that stopped because Progress::cancelled() said so.
struct Cancelled {};

}  // namespace par

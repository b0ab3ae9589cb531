// SPDX-License-Identifier: Apache-2.0
// BundledForms.hpp - the checklist forms shipped in forms/ (or found in the data directory), with
// their titles and unit types, for the new-audit dialog.
#pragma once

#include <string>
#include <vector>

namespace par::wizard {

struct FormSummary {
    std::string id;
    std::string path;
    std::string title;  // in the current language
    std::vector<std::string> unitTypes;
};

// Forms that load and validate; the others are left out (`par-audit validate` explains them).
std::vector<FormSummary> bundledForms();

}  // namespace par::wizard

// SPDX-License-Identifier: Apache-2.0
// FormReader.hpp - reads a checklist form (docs/forms.md) and validates it completely: every problem
// (unknown or duplicate ids, bad types, areas, categories, ranges, patterns, deadlines, and every
// expression's syntax and types, with file:line:column) is collected, not just the first.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/common/Error.hpp"
#include "core/expr/Functions.hpp"
#include "core/model/Form.hpp"

namespace par {

constexpr int kFormFormatVersion = 1;

struct FormLoad {
    std::shared_ptr<const Form> form;  // usable only when problems.ok()
    ValidationResult problems;
};

class FormReader {
public:
    // Throws ParseError when the file cannot be read as a form at all (malformed XML, wrong root,
    // unsupported format-version); everything else goes into FormLoad::problems.
    // `functions` must hold every function rules may call (built-ins plus reference functions).
    static FormLoad load(const std::string& path, const expr::FunctionTable& functions);
    static FormLoad parse(std::string_view xml, const std::string& name,
                          const expr::FunctionTable& functions);

    // Like load(), but throws a ParseError that lists the problems when the form is not valid.
    static std::shared_ptr<const Form> loadValid(const std::string& path,
                                                 const expr::FunctionTable& functions);
};

}  // namespace par

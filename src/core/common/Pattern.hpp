// SPDX-License-Identifier: Apache-2.0
// Pattern.hpp - a regular expression a form gives for the answers of a text question
// (pattern="[0-9]+/KH-.*"), compiled once when the form is read and matched against each answer by
// characters, not bytes ("[àá]" is two letters, not four bytes), through ICU's regex engine. A
// match is bounded in time: a pattern that backtracks without end on some answer ("(a+)+$") reports
// it instead of hanging the check.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace par {

class Pattern {
public:
    // Compiles `utf8` (ICU syntax, close to ECMAScript's for the patterns forms use); throws
    // UsageError naming the pattern, the position and ICU's reason when it is not valid.
    explicit Pattern(std::string_view utf8);

    const std::string& text() const { return text_; }
    // Whether the whole of `utf8` matches. Throws UsageError when the match exceeds its time bound.
    // Thread-safe: each call has its own matcher over the shared compiled pattern.
    bool matchesWhole(std::string_view utf8) const;

private:
    struct Compiled;
    std::string text_;
    std::shared_ptr<const Compiled> compiled_;
};

}  // namespace par

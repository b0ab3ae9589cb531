// SPDX-License-Identifier: Apache-2.0
#include "core/common/Pattern.hpp"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include "core/common/Error.hpp"
#include "core/common/Text.hpp"

namespace par {

namespace {
// ICU counts a match's time in steps of its engine (10,000 operations each): a real answer takes
// well under one, a pattern that backtracks without end is stopped after this many (test_pattern's
// runaway case, (a+)+$ on 40 a's and a '!', stops within 0.11 s on the development machine).
constexpr int32_t kMatchTimeLimitSteps = 1000;
}  // namespace

struct Pattern::Compiled {
    std::unique_ptr<icu::RegexPattern> re;
};

Pattern::Pattern(std::string_view utf8) : text_(utf8) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError where{};
    auto c = std::make_shared<Compiled>();
    c->re.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(icu::StringPiece(
                                               utf8.data(), static_cast<int32_t>(utf8.size()))),
                                           0, where, status));
    if (U_FAILURE(status) || !c->re)
        throw UsageError(fmt(tr("biểu thức chính quy '{}' không hợp lệ (vị trí {}): {}",
                                "invalid regular expression '{}' (position {}): {}"),
                             text_, std::to_string(where.offset + 1), u_errorName(status)));
    compiled_ = std::move(c);
}

bool Pattern::matchesWhole(std::string_view utf8) const {
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString input = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    std::unique_ptr<icu::RegexMatcher> m(compiled_->re->matcher(input, status));
    if (U_SUCCESS(status))
        m->setTimeLimit(kMatchTimeLimitSteps, status);
    const bool whole = U_SUCCESS(status) && m->matches(status);
    if (status == U_REGEX_TIME_OUT || status == U_REGEX_STACK_OVERFLOW)
        throw UsageError(
            fmt(tr("biểu thức chính quy '{}' chạy quá lâu trên câu trả lời này; hãy sửa "
                   "biểu thức trong biểu mẫu",
                   "the regular expression '{}' runs too long on this answer; fix it in the form"),
                text_));
    if (U_FAILURE(status))
        throw UsageError(fmt(tr("không kiểm tra được biểu thức chính quy '{}': {}",
                                "cannot match the regular expression '{}': {}"),
                             text_, u_errorName(status)));
    return whole;
}

}  // namespace par

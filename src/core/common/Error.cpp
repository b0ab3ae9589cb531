// SPDX-License-Identifier: Apache-2.0
#include "core/common/Error.hpp"

#include "core/common/Text.hpp"

namespace par {

std::string SourceLocation::str() const {
    std::string s = file.empty() ? std::string("<input>") : file;
    if (line > 0) {
        s += ":" + std::to_string(line);
        if (column > 0) s += ":" + std::to_string(column);
    }
    return s;
}

ParseError::ParseError(SourceLocation where, const std::string& message)
    : Error(where.str() + ": " + message), where_(std::move(where)), message_(message) {}

std::string Problem::str() const {
    const char* kind = severity == Severity::Error ? tr("lỗi", "error") : tr("cảnh báo", "warning");
    return where.str() + ": " + kind + ": " + message;
}

void ValidationResult::error(SourceLocation where, std::string message) {
    problems_.push_back({Problem::Severity::Error, std::move(where), std::move(message)});
}

void ValidationResult::warning(SourceLocation where, std::string message) {
    problems_.push_back({Problem::Severity::Warning, std::move(where), std::move(message)});
}

void ValidationResult::merge(const ValidationResult& other) {
    problems_.insert(problems_.end(), other.problems_.begin(), other.problems_.end());
}

size_t ValidationResult::errorCount() const {
    size_t n = 0;
    for (const auto& p : problems_)
        if (p.severity == Problem::Severity::Error) ++n;
    return n;
}

bool ValidationResult::ok() const { return errorCount() == 0; }

}  // namespace par

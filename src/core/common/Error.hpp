// SPDX-License-Identifier: Apache-2.0
// Error.hpp - the small exception hierarchy of the core, and the result object that validation
// returns when it finds several problems at once (STYLE.md rule 6).
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace par {

// A place in an input file. line and column are 1-based; 0 means "unknown".
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;

    // "file:line:column", leaving out the parts that are unknown.
    std::string str() const;
};

// Base of every error the core throws.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// An input file (or an expression in it) could not be read: carries where.
class ParseError : public Error {
public:
    ParseError(SourceLocation where, const std::string& message);
    const SourceLocation& where() const { return where_; }
    const std::string& message() const { return message_; }

private:
    SourceLocation where_;
    std::string message_;
};

// A file could not be opened, written or renamed.
class IoError : public Error {
public:
    using Error::Error;
};

// A request that makes no sense for the data (unknown id, wrong value type, ...).
class UsageError : public Error {
public:
    using Error::Error;
};

struct Problem {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    SourceLocation where;
    std::string message;

    std::string str() const;  // "file:line: lỗi: message"
};

// Everything a validation found. Validation never stops at the first problem.
class ValidationResult {
public:
    void error(SourceLocation where, std::string message);
    void warning(SourceLocation where, std::string message);
    void merge(const ValidationResult& other);

    bool ok() const;  // no errors (warnings allowed)
    const std::vector<Problem>& problems() const { return problems_; }
    size_t errorCount() const;

private:
    std::vector<Problem> problems_;
};

}  // namespace par

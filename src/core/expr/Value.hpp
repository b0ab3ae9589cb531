// SPDX-License-Identifier: Apache-2.0
// Value.hpp - the run-time values of the expression language: null (an unanswered question), bool,
// number, string, date, list and table (a table question's rows or a form's sub-unit repeats), with
// the text shown to people for each, and the error thrown when an expression fails at run time.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "core/common/Dates.hpp"
#include "core/common/Error.hpp"

namespace par::expr {

enum class Type { Null, Bool, Number, String, Date, List, Table, Any };

// "null", "bool", "number", "string", "date", "list", "table", "any" (English, used in messages).
const char* typeName(Type t);

// An expression failed while it ran: wrong value types, unknown names in an unchecked expression.
// The message starts with "file:line:column" of the failing part when the expression knows it.
class EvalError : public par::Error {
public:
    using par::Error::Error;
};

struct Table;

class Value {
public:
    Value();  // null: unanswered, not applicable or unknown
    Value(bool b);
    Value(double d);
    Value(int i);
    Value(long long i);
    // Every integer type converts, so that Value(rows.size()) is not ambiguous.
    Value(long i);
    Value(unsigned i);
    Value(unsigned long i);
    Value(unsigned long long i);
    Value(std::string s);
    Value(const char* s);
    Value(par::Date d);  // a special date (not_a_date_time) gives null
    Value(std::vector<Value> list);
    Value(std::shared_ptr<const Table> table);  // nullptr gives null

    Type type() const;
    bool isNull() const { return type() == Type::Null; }

    // Each throws EvalError when the value has another type.
    bool asBool() const;
    double asNumber() const;
    const std::string& asString() const;
    par::Date asDate() const;
    const std::vector<Value>& asList() const;
    const Table& asTable() const;

    // The text shown to people: numbers without ".0" (12, 0.95), dates dd/mm/yyyy, bool
    // "có"/"không", lists joined with "; ", null as "", a table as "[n dòng]".
    std::string display() const;

    // Deep equality; numbers exactly, strings after NFC normalisation.
    bool operator==(const Value& o) const;
    bool operator!=(const Value& o) const { return !(*this == o); }

private:
    // Lists are shared: values are copied often while expressions run, lists never change.
    std::variant<std::monostate, bool, double, std::string, par::Date,
                 std::shared_ptr<const std::vector<Value>>, std::shared_ptr<const Table>>
        v_;
};

struct Table {
    std::vector<std::string> columns;                // column ids in order
    std::vector<std::map<std::string, Value>> rows;  // a missing key is null

    // The value of one cell; null when the key is missing.
    Value cell(size_t row, const std::string& column) const;
};

// Number as people read it: "12", "0.95", "-3.5" (locale-independent, up to 15 significant digits).
std::string formatNumber(double d);
// A number for documents, grouped by thousands in the message language: Vietnamese "17.334" and
// "88,89", English "17,334" and "88.89". digits < 0: up to 2 decimals, trailing zeros dropped.
std::string formatGroupedNumber(double d, int digits);

// Strings equal after NFC normalisation (the rule of `=` on strings).
bool sameText(const std::string& a, const std::string& b);

}  // namespace par::expr

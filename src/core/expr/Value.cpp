// SPDX-License-Identifier: Apache-2.0
#include "core/expr/Value.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/common/Text.hpp"

namespace par::expr {

const char* typeName(Type t) {
    switch (t) {
        case Type::Null:
            return "null";
        case Type::Bool:
            return "bool";
        case Type::Number:
            return "number";
        case Type::String:
            return "string";
        case Type::Date:
            return "date";
        case Type::List:
            return "list";
        case Type::Table:
            return "table";
        case Type::Any:
            return "any";
    }
    return "any";
}

Value::Value() = default;
Value::Value(bool b) : v_(b) {}
Value::Value(double d) : v_(d) {}
Value::Value(int i) : v_(static_cast<double>(i)) {}
Value::Value(long long i) : v_(static_cast<double>(i)) {}
Value::Value(long i) : v_(static_cast<double>(i)) {}
Value::Value(unsigned i) : v_(static_cast<double>(i)) {}
Value::Value(unsigned long i) : v_(static_cast<double>(i)) {}
Value::Value(unsigned long long i) : v_(static_cast<double>(i)) {}
Value::Value(std::string s) : v_(std::move(s)) {}
Value::Value(const char* s) : v_(std::string(s)) {}
Value::Value(par::Date d) {
    if (!d.is_special())
        v_ = d;
}
Value::Value(std::vector<Value> list)
    : v_(std::make_shared<const std::vector<Value>>(std::move(list))) {}
Value::Value(std::shared_ptr<const Table> table) {
    if (table)
        v_ = std::move(table);
}

Type Value::type() const {
    switch (v_.index()) {
        case 0:
            return Type::Null;
        case 1:
            return Type::Bool;
        case 2:
            return Type::Number;
        case 3:
            return Type::String;
        case 4:
            return Type::Date;
        case 5:
            return Type::List;
        default:
            return Type::Table;
    }
}

namespace {
[[noreturn]] void wrongType(Type want, Type have) {
    throw EvalError(
        fmt(tr("cần giá trị kiểu {} nhưng có kiểu {}", "expected a {} value but got a {}"),
            typeName(want), typeName(have)));
}
}  // namespace

bool Value::asBool() const {
    if (auto p = std::get_if<bool>(&v_))
        return *p;
    wrongType(Type::Bool, type());
}

double Value::asNumber() const {
    if (auto p = std::get_if<double>(&v_))
        return *p;
    wrongType(Type::Number, type());
}

const std::string& Value::asString() const {
    if (auto p = std::get_if<std::string>(&v_))
        return *p;
    wrongType(Type::String, type());
}

par::Date Value::asDate() const {
    if (auto p = std::get_if<par::Date>(&v_))
        return *p;
    wrongType(Type::Date, type());
}

const std::vector<Value>& Value::asList() const {
    if (auto p = std::get_if<std::shared_ptr<const std::vector<Value>>>(&v_))
        return **p;
    wrongType(Type::List, type());
}

const Table& Value::asTable() const {
    if (auto p = std::get_if<std::shared_ptr<const Table>>(&v_))
        return **p;
    wrongType(Type::Table, type());
}

std::string formatNumber(double d) {
    if (std::isnan(d))
        return "NaN";
    if (d == 0)
        return "0";  // also -0
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::general, 15);
    return std::string(buf, r.ptr);
}

std::string formatGroupedNumber(double d, int digits) {
    if (!std::isfinite(d))
        return formatNumber(d);
    const bool vi = language() == Language::Vietnamese;
    const char group = vi ? '.' : ',';
    const char decimal = vi ? ',' : '.';
    int shown = digits < 0 ? 2 : digits;
    char buf[64];
    // Halves away from zero, as people round (printf alone would round half to even).
    double scale = std::pow(10.0, shown);
    double rounded = std::round(std::fabs(d) * scale) / scale;
    std::snprintf(buf, sizeof buf, "%.*f", shown, rounded);
    std::string s = buf;
    std::string intPart = s.substr(0, s.find('.'));
    std::string frac = s.find('.') == std::string::npos ? "" : s.substr(s.find('.') + 1);
    if (digits < 0)
        while (!frac.empty() && frac.back() == '0')
            frac.pop_back();
    std::string grouped;
    for (size_t i = 0; i < intPart.size(); ++i) {
        if (i > 0 && (intPart.size() - i) % 3 == 0)
            grouped += group;
        grouped += intPart[i];
    }
    bool negative = d < 0 && (grouped != "0" || !frac.empty());
    return (negative ? "-" : "") + grouped + (frac.empty() ? "" : std::string(1, decimal) + frac);
}

bool sameText(const std::string& a, const std::string& b) {
    if (a == b)
        return true;
    return nfc(a) == nfc(b);
}

std::string Value::display() const {
    switch (type()) {
        case Type::Null:
            return "";
        case Type::Bool:
            return asBool() ? tr("có", "yes") : tr("không", "no");
        case Type::Number:
            return formatNumber(asNumber());
        case Type::String:
            return asString();
        case Type::Date:
            return vietnameseDate(asDate());
        case Type::List: {
            std::string out;
            bool first = true;
            for (const auto& item : asList()) {
                if (!first)
                    out += "; ";
                out += item.display();
                first = false;
            }
            return out;
        }
        case Type::Table:
            return fmt(tr("[{} dòng]", "[{} rows]"), std::to_string(asTable().rows.size()));
        case Type::Any:
            break;
    }
    return "";
}

bool Value::operator==(const Value& o) const {
    if (type() != o.type())
        return false;
    switch (type()) {
        case Type::Null:
            return true;
        case Type::Bool:
            return asBool() == o.asBool();
        case Type::Number:
            return asNumber() == o.asNumber();
        case Type::String:
            return sameText(asString(), o.asString());
        case Type::Date:
            return asDate() == o.asDate();
        case Type::List:
            return asList() == o.asList();
        case Type::Table: {
            const Table& a = asTable();
            const Table& b = o.asTable();
            if (&a == &b)
                return true;
            if (a.columns != b.columns || a.rows.size() != b.rows.size())
                return false;
            for (size_t r = 0; r < a.rows.size(); ++r)
                for (const auto& c : a.columns)
                    if (a.cell(r, c) != b.cell(r, c))
                        return false;
            return true;
        }
        case Type::Any:
            break;
    }
    return false;
}

Value Table::cell(size_t row, const std::string& column) const {
    if (row >= rows.size())
        return Value();
    auto it = rows[row].find(column);
    return it == rows[row].end() ? Value() : it->second;
}

}  // namespace par::expr

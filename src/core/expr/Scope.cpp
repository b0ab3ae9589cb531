// SPDX-License-Identifier: Apache-2.0
#include "core/expr/Scope.hpp"

#include <algorithm>

namespace par::expr {

MapScope::MapScope(std::map<std::string, Value> values, const Scope* parent)
    : values_(values.begin(), values.end()), parent_(parent) {}

void MapScope::set(const std::string& name, Value v) {
    values_[name] = std::move(v);
}

std::optional<Value> MapScope::lookup(std::string_view name) const {
    auto it = values_.find(name);
    if (it != values_.end())
        return it->second;
    if (parent_)
        return parent_->lookup(name);
    return std::nullopt;
}

MapTypeScope::MapTypeScope(std::map<std::string, TypeInfo> types, const TypeScope* parent)
    : types_(types.begin(), types.end()), parent_(parent) {}

void MapTypeScope::set(const std::string& name, Type t) {
    types_[name] = TypeInfo{t, {}};
}

void MapTypeScope::set(const std::string& name, TypeInfo info) {
    types_[name] = std::move(info);
}

std::optional<TypeInfo> MapTypeScope::typeOf(std::string_view name) const {
    auto it = types_.find(name);
    if (it != types_.end())
        return it->second;
    if (parent_)
        return parent_->typeOf(name);
    return std::nullopt;
}

std::vector<std::string> MapTypeScope::names() const {
    std::vector<std::string> out;
    for (const auto& [name, info] : types_)
        out.push_back(name);
    if (parent_)
        for (auto& n : parent_->names())
            out.push_back(std::move(n));
    return out;
}

RowScope::RowScope(const Table& table, size_t row, const Scope& parent)
    : table_(table), row_(row), parent_(parent) {}

std::optional<Value> RowScope::lookup(std::string_view name) const {
    if (row_ < table_.rows.size()) {
        const auto& cells = table_.rows[row_];
        auto it = cells.find(std::string(name));
        if (it != cells.end())
            return it->second;
    }
    if (std::find(table_.columns.begin(), table_.columns.end(), name) != table_.columns.end())
        return Value();
    return parent_.lookup(name);
}

RowTypeScope::RowTypeScope(const std::map<std::string, Type>& columns, const TypeScope& parent,
                           bool open)
    : columns_(columns), parent_(parent), open_(open) {}

std::optional<TypeInfo> RowTypeScope::typeOf(std::string_view name) const {
    auto it = columns_.find(std::string(name));
    if (it != columns_.end())
        return TypeInfo{it->second, {}};
    auto outer = parent_.typeOf(name);
    if (outer)
        return outer;
    if (open_ && !name.empty() && name.front() != '$')
        return TypeInfo{};
    return std::nullopt;
}

std::vector<std::string> RowTypeScope::names() const {
    std::vector<std::string> out;
    for (const auto& [name, t] : columns_)
        out.push_back(name);
    for (auto& n : parent_.names())
        out.push_back(std::move(n));
    return out;
}

}  // namespace par::expr

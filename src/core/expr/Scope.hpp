// SPDX-License-Identifier: Apache-2.0
// Scope.hpp - where an expression finds the names it reads. A TypeScope is the load-time view
// (which names exist and their types, for Expression::check); a Scope is the run-time view (their
// values). Answer ids and system variables ("$inspection_date", with the "$") go through the same
// interface. RowScope / RowTypeScope layer one table row's columns over a parent: aggregates use
// them, and so does the findings engine for rules that run once per table row.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/expr/Value.hpp"

namespace par::expr {

struct TypeInfo {
    Type type = Type::Any;
    std::map<std::string, Type> columns;  // only for Table: column id -> type
};

class TypeScope {
public:
    virtual ~TypeScope() = default;
    // nullopt: the name is unknown.
    virtual std::optional<TypeInfo> typeOf(std::string_view name) const = 0;
    // The names this scope knows, used only to suggest a correction for a misspelt name. May be
    // empty.
    virtual std::vector<std::string> names() const { return {}; }
};

class Scope {
public:
    virtual ~Scope() = default;
    // nullopt: the name is unknown (a null Value is a known name without a value).
    virtual std::optional<Value> lookup(std::string_view name) const = 0;
};

// Values in a map, optionally over a parent scope (which must outlive this one).
class MapScope : public Scope {
public:
    MapScope() = default;
    explicit MapScope(std::map<std::string, Value> values, const Scope* parent = nullptr);
    void set(const std::string& name, Value v);
    std::optional<Value> lookup(std::string_view name) const override;

private:
    std::map<std::string, Value, std::less<>> values_;
    const Scope* parent_ = nullptr;
};

// Types in a map, optionally over a parent type scope (which must outlive this one).
class MapTypeScope : public TypeScope {
public:
    MapTypeScope() = default;
    explicit MapTypeScope(std::map<std::string, TypeInfo> types, const TypeScope* parent = nullptr);
    void set(const std::string& name, Type t);
    void set(const std::string& name, TypeInfo info);
    std::optional<TypeInfo> typeOf(std::string_view name) const override;
    std::vector<std::string> names() const override;

private:
    std::map<std::string, TypeInfo, std::less<>> types_;
    const TypeScope* parent_ = nullptr;
};

// One row of a table over a parent scope: the table's columns (and any key of the row) shadow the
// parent's names; a column without a cell is null. Holds references: table and parent must outlive
// it.
class RowScope : public Scope {
public:
    RowScope(const Table& table, size_t row, const Scope& parent);
    std::optional<Value> lookup(std::string_view name) const override;

private:
    const Table& table_;
    size_t row_;
    const Scope& parent_;
};

// The static view of one row: the table's column types shadow the parent's names. An "open" row
// scope (a table whose columns are not known) accepts any other name, except "$" variables, as Any.
// Holds references: columns and parent must outlive it.
class RowTypeScope : public TypeScope {
public:
    RowTypeScope(const std::map<std::string, Type>& columns, const TypeScope& parent,
                 bool open = false);
    std::optional<TypeInfo> typeOf(std::string_view name) const override;
    std::vector<std::string> names() const override;

private:
    const std::map<std::string, Type>& columns_;
    const TypeScope& parent_;
    bool open_;
};

}  // namespace par::expr

// SPDX-License-Identifier: Apache-2.0
// Data.hpp - the generic tree a report template binds to: a value is a string, a list of values or
// a map from names to values. Templates read it with dotted paths ("unit.name", "f.actions").
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace par::report {

class Data {
public:
    enum class Kind { String, List, Map };
    using List = std::vector<Data>;
    using Map = std::map<std::string, Data, std::less<>>;

    Data() : kind_(Kind::Map) {}
    Data(std::string s) : kind_(Kind::String), str_(std::move(s)) {}  // NOLINT: implicit on purpose
    Data(const char* s) : kind_(Kind::String), str_(s) {}             // NOLINT
    static Data list() { return Data(Kind::List); }
    static Data map() { return Data(Kind::Map); }

    Kind kind() const { return kind_; }
    bool isString() const { return kind_ == Kind::String; }
    bool isList() const { return kind_ == Kind::List; }
    bool isMap() const { return kind_ == Kind::Map; }

    // The string; throws UsageError when this is not a string.
    const std::string& str() const;
    const List& items() const;  // throws UsageError when not a list
    List& items();              // throws UsageError when not a list
    const Map& fields() const;  // throws UsageError when not a map

    // Map access: creates the field (as an empty map) when absent; turns an empty value into a map.
    Data& operator[](std::string_view name);
    // Appends to a list (an empty map becomes a list first) and returns the new element.
    Data& push(Data value);
    // Sets a field and returns *this, for chained building.
    Data& set(std::string_view name, Data value);

    // The field, or nullptr.
    const Data* find(std::string_view name) const;
    // Follows a dotted path from this value ("unit.name"); nullptr when a step is missing.
    const Data* path(std::string_view dotted) const;

    // Truth for template conditions: a non-empty string, list or map.
    bool truthy() const;

private:
    explicit Data(Kind k) : kind_(k) {}
    Kind kind_;
    std::string str_;
    List list_;
    Map map_;
};

}  // namespace par::report

// SPDX-License-Identifier: Apache-2.0
#include "core/report/Data.hpp"

#include "core/common/Error.hpp"
#include "core/common/Text.hpp"

namespace par::report {

const std::string& Data::str() const {
    if (kind_ != Kind::String)
        throw UsageError(tr("giá trị không phải là chuỗi", "value is not a string"));
    return str_;
}

const Data::List& Data::items() const {
    if (kind_ != Kind::List)
        throw UsageError(tr("giá trị không phải là danh sách", "value is not a list"));
    return list_;
}

Data::List& Data::items() {
    if (kind_ != Kind::List)
        throw UsageError(tr("giá trị không phải là danh sách", "value is not a list"));
    return list_;
}

const Data::Map& Data::fields() const {
    if (kind_ != Kind::Map)
        throw UsageError(tr("giá trị không phải là bảng", "value is not a map"));
    return map_;
}

Data& Data::operator[](std::string_view name) {
    if (kind_ != Kind::Map) {
        if ((kind_ == Kind::String && str_.empty()) || (kind_ == Kind::List && list_.empty()))
            kind_ = Kind::Map;
        else
            throw UsageError(tr("giá trị không phải là bảng", "value is not a map"));
    }
    auto it = map_.find(name);
    if (it == map_.end())
        it = map_.emplace(std::string(name), Data()).first;
    return it->second;
}

Data& Data::push(Data value) {
    if (kind_ == Kind::Map && map_.empty())
        kind_ = Kind::List;
    if (kind_ != Kind::List)
        throw UsageError(tr("giá trị không phải là danh sách", "value is not a list"));
    list_.push_back(std::move(value));
    return list_.back();
}

Data& Data::set(std::string_view name, Data value) {
    (*this)[name] = std::move(value);
    return *this;
}

const Data* Data::find(std::string_view name) const {
    if (kind_ != Kind::Map)
        return nullptr;
    auto it = map_.find(name);
    return it == map_.end() ? nullptr : &it->second;
}

const Data* Data::path(std::string_view dotted) const {
    const Data* cur = this;
    while (cur != nullptr && !dotted.empty()) {
        size_t dot = dotted.find('.');
        cur = cur->find(dotted.substr(0, dot));
        dotted = dot == std::string_view::npos ? std::string_view() : dotted.substr(dot + 1);
    }
    return cur;
}

bool Data::truthy() const {
    switch (kind_) {
        case Kind::String:
            return !str_.empty();
        case Kind::List:
            return !list_.empty();
        case Kind::Map:
            return !map_.empty();
    }
    return false;
}

}  // namespace par::report

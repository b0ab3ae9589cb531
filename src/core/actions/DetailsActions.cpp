// SPDX-License-Identifier: Apache-2.0
#include "core/actions/DetailsActions.hpp"

#include <algorithm>

#include "core/common/Error.hpp"
#include "core/common/Text.hpp"
#include "core/actions/FieldValues.hpp"

namespace par::actions {

namespace {
std::string* textField(Audit& a, const std::string& f) {
    if (f == "unit-name") return &a.unit.name;
    if (f == "unit-type") return &a.unit.type;
    if (f == "unit-level") return &a.unit.level;
    if (f == "province") return &a.unit.province;
    if (f == "body-parent") return &a.body.parent;
    if (f == "body-name") return &a.body.name;
    if (f == "body-code") return &a.body.code;
    if (f == "body-place") return &a.body.place;
    if (f == "plan-number") return &a.plan.number;
    if (f == "plan-issuer") return &a.plan.issuer;
    if (f == "decision-number") return &a.decision.number;
    return nullptr;
}

std::optional<Date>* dateField(Audit& a, const std::string& f) {
    if (f == "plan-date") return &a.plan.date;
    if (f == "decision-date") return &a.decision.date;
    if (f == "visit-start") return &a.visitStart;
    if (f == "visit-end") return &a.visitEnd;
    if (f == "period-start") return &a.periodStart;
    if (f == "period-end") return &a.periodEnd;
    return nullptr;
}

[[noreturn]] void unknownField(const std::string& field) {
    std::string list;
    for (const auto& f : detailFields()) list += (list.empty() ? "" : ", ") + f;
    throw UsageError(fmt(tr("không có trường '{}'; các trường: {}", "no field '{}'; the fields are: {}"), field, list));
}
}  // namespace

const std::vector<std::string>& detailFields() {
    static const std::vector<std::string> fields = {
        "unit-name",   "unit-type",   "unit-level",  "province",        "body-parent",   "body-name",
        "body-code",   "body-place",  "plan-number", "plan-date",       "plan-issuer",   "decision-number",
        "decision-date", "visit-start", "visit-end", "period-start", "period-end"};
    return fields;
}

bool isDateDetail(const std::string& field) {
    Audit probe;
    return dateField(probe, field) != nullptr;
}

std::string detailValue(const Audit& audit, const std::string& field) {
    Audit& a = const_cast<Audit&>(audit);  // the accessors return pointers into it; nothing is changed
    if (std::string* t = textField(a, field)) return *t;
    if (std::optional<Date>* d = dateField(a, field)) return *d ? vietnameseDate(**d) : std::string();
    unknownField(field);
}

std::vector<std::pair<std::string, std::string>> detailErrors(const Audit& a) {
    std::vector<std::pair<std::string, std::string>> out;
    if (a.visitStart && a.visitEnd && *a.visitEnd < *a.visitStart)
        out.emplace_back("visit-end", tr("Ngày kết thúc kiểm tra trước ngày bắt đầu.", "The visit ends before it starts."));
    if (a.periodStart && a.periodEnd && *a.periodEnd < *a.periodStart)
        out.emplace_back("period-end", tr("Cuối kỳ kiểm tra trước đầu kỳ.", "The period ends before it starts."));
    return out;
}

std::optional<ChangeCode> setDetail(Audit& audit, const std::string& field, const std::string& input) {
    std::string value = nfc(trim(input));
    if (std::string* t = textField(audit, field)) {
        if (field == "unit-name" && value.empty())
            throw UsageError(tr("tên đơn vị được kiểm tra không được để trống", "the inspected unit's name cannot be empty"));
        if (*t == value) return std::nullopt;
        *t = value;
        if (value.empty()) return ChangeCode{"details.clear", {field}};
        return ChangeCode{"details.set", {field, value}};
    }
    std::optional<Date>* d = dateField(audit, field);
    if (d == nullptr) unknownField(field);
    return setDateField(*d, field, value, "details", [&] {
        for (const auto& [f, message] : detailErrors(audit))
            if (f == field || (field == "visit-start" && f == "visit-end") || (field == "period-start" && f == "period-end"))
                throw UsageError(field + ": " + message);
    });
}

}  // namespace par::actions

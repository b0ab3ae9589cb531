// SPDX-License-Identifier: Apache-2.0
#include "core/model/Reference.hpp"

#include "core/common/DataPaths.hpp"
#include "core/common/Platform.hpp"
#include "core/common/Text.hpp"
#include "core/model/Audit.hpp"
#include "core/model/Form.hpp"

namespace par {

namespace {
bool exists(const std::string& p) {
    platform::FileStatus st;  // by UTF-8 name also on Windows
    return platform::statPath(p, st) == 0;
}

std::vector<std::string> listOf(const expr::Value& v) {
    std::vector<std::string> out;
    if (v.isNull()) return out;
    if (v.type() == expr::Type::List) {
        for (const auto& item : v.asList())
            if (!item.isNull()) out.push_back(item.display());
        return out;
    }
    return splitList(v.asString(), "\n;");
}

std::vector<LegalChange> changesFor(const ReferenceData& ref, const expr::Value& basis, const expr::Value& issued,
                                    const std::optional<Date>& asOf) {
    std::vector<LegalChange> all;
    if (basis.isNull() || issued.isNull()) return all;
    Date until = asOf ? *asOf : Date(9999, 12, 31);
    for (const auto& number : listOf(basis)) {
        auto c = ref.registry.changesBetween(number, issued.asDate(), until);
        all.insert(all.end(), c.begin(), c.end());
    }
    return all;
}
}  // namespace

std::shared_ptr<ReferenceData> ReferenceData::bundled() {
    auto r = std::make_shared<ReferenceData>();
    std::string cat = dataPath("reference/thu-tuc-mau.xml");
    std::string reg = dataPath("reference/van-ban.xml");
    if (exists(cat)) r->catalog = ProcedureCatalog::load(cat);
    if (exists(reg)) r->registry = LegalRegistry::load(reg);
    return r;
}

std::shared_ptr<ReferenceData> ReferenceData::forAudit(const Audit& audit) {
    auto r = bundled();
    if (!audit.catalogHref.empty()) r->catalog.merge(ProcedureCatalog::load(audit.resolve(audit.catalogHref)));
    if (!audit.registryHref.empty()) r->registry.merge(LegalRegistry::load(audit.resolve(audit.registryHref)));
    return r;
}

ValidationResult ReferenceData::problems() const {
    ValidationResult v;
    v.merge(catalog.problems());
    v.merge(registry.problems());
    v.merge(registry.validate());
    return v;
}

void installReferenceFunctions(expr::FunctionTable& table, std::shared_ptr<const ReferenceData> ref,
                               std::optional<Date> asOf) {
    using expr::Type;
    using expr::Value;
    table.add({"surplus", 2, 2, {Type::String, Type::Any}, Type::List, [ref](const std::vector<Value>& a) -> Value {
                   if (a[0].isNull()) return {};
                   auto s = ref->catalog.surplus(a[0].display(), listOf(a[1]));
                   if (!s) return {};
                   std::vector<Value> out(s->begin(), s->end());
                   return Value(std::move(out));
               }, {}});
    table.add({"in_catalog", 1, 1, {Type::String}, Type::Bool, [ref](const std::vector<Value>& a) -> Value {
                   if (a[0].isNull()) return {};
                   return Value(ref->catalog.find(a[0].display()) != nullptr);
               }, {}});
    table.add({"procedure_name", 1, 1, {Type::String}, Type::String, [ref](const std::vector<Value>& a) -> Value {
                   if (a[0].isNull()) return {};
                   const Procedure* p = ref->catalog.find(a[0].display());
                   return p ? Value(p->name) : Value();
               }, {}});
    table.add({"procedure_days", 1, 1, {Type::String}, Type::Number, [ref](const std::vector<Value>& a) -> Value {
                   if (a[0].isNull()) return {};
                   const Procedure* p = ref->catalog.find(a[0].display());
                   return p ? Value(p->workingDays) : Value();
               }, {}});
    table.add({"outdated", 2, 2, {Type::Any, Type::Date}, Type::Bool,
               [ref, asOf](const std::vector<Value>& a) -> Value {
                   if (a[0].isNull() || a[1].isNull()) return {};
                   return Value(!changesFor(*ref, a[0], a[1], asOf).empty());
               }, {}});
    table.add({"outdated_reason", 2, 2, {Type::Any, Type::Date}, Type::String,
               [ref, asOf](const std::vector<Value>& a) -> Value {
                   auto changes = changesFor(*ref, a[0], a[1], asOf);
                   if (changes.empty()) return {};
                   std::string s;
                   for (const auto& c : changes) {
                       std::string d = c.describe();
                       // A successor itself replaced since (77/2015 → 65/2025 → 72/2025): the text
                       // in force now is named too, so the unit knows what to cite.
                       if (c.kind == LegalChange::Kind::Replaced && !c.by.empty()) {
                           const LegalText* now = ref->registry.inForceOn(c.by, asOf ? *asOf : Date(9999, 12, 31));
                           if (now != nullptr && now->number != c.by && now->effective)
                               d += fmt(tr(", nay là {} số {} (hiệu lực từ {})", ", now {} {} (in force from {})"),
                                        legalKindLabel(now->kind), now->number, vietnameseDate(*now->effective));
                       }
                       s += (s.empty() ? "" : "; ") + d;
                   }
                   return Value(s);
               }, {}});
    table.add({"legal_title", 1, 1, {Type::String}, Type::String, [ref](const std::vector<Value>& a) -> Value {
                   if (a[0].isNull()) return {};
                   const LegalText* t = ref->registry.find(a[0].display());
                   return t ? Value(t->title) : Value();
               }, {}});
}

ValidationResult checkLegalBasisRefs(const Form& form, const LegalRegistry& registry) {
    ValidationResult v;
    for (const auto& rule : form.rules)
        for (const auto& b : rule.legalBasis)
            if (!b.ref.empty() && registry.find(b.ref) == nullptr)
                v.warning(rule.where,
                          fmt(tr("quy tắc '{}': căn cứ ref=\"{}\" không có trong danh mục văn bản; căn cứ này được in nguyên "
                                 "văn ở mọi ngày kiểm tra (thêm văn bản vào reference/van-ban.xml hoặc sửa ref)",
                                 "rule '{}': legal basis ref=\"{}\" is not in the legal registry; it is cited as written at "
                                 "every inspection date (add the text to reference/van-ban.xml or correct the ref)"),
                              rule.id, b.ref));
    return v;
}

expr::FunctionTable formFunctions(std::shared_ptr<const ReferenceData> ref, std::optional<Date> asOf) {
    expr::FunctionTable t = expr::FunctionTable::withBuiltins();
    installReferenceFunctions(t, std::move(ref), asOf);
    return t;
}

}  // namespace par

// SPDX-License-Identifier: Apache-2.0
#include "core/findings/FindingsEngine.hpp"

#include <map>
#include <set>

#include "core/common/Text.hpp"
#include "core/model/AuditScope.hpp"

namespace par {

bool MergeReport::changed() const {
    return !added.empty() || !refreshed.empty() || !staled.empty() || !reactivated.empty();
}

FindingsEngine::FindingsEngine(const Form& form, std::shared_ptr<const ReferenceData> reference)
    : form_(form), reference_(std::move(reference)) {}

namespace {
std::string renderOr(const LocalizedTemplate& t, const expr::Scope& scope, const expr::FunctionTable& fns) {
    const expr::TextTemplate* tpl = t.get();
    return tpl ? nfc(trim(tpl->render(scope, fns))) : std::string();
}

// The rule's legal bases as cited on the inspection date (see RuleLegalBasis): a basis with a ref
// that is not in force yet is left out, one replaced by then gives way to the text in force, unless
// the rule already cites that text.
std::vector<std::string> basesInForce(const FindingRule& rule, const ReferenceData* ref,
                                      const std::optional<Date>& asOf) {
    std::vector<std::string> out;
    if (ref == nullptr || !asOf) {
        for (const auto& b : rule.legalBasis) out.push_back(b.text);
        return out;
    }
    const LegalRegistry& reg = ref->registry;
    std::set<const LegalText*> cited;  // texts the rule cites itself and that are in force
    for (const auto& b : rule.legalBasis) {
        if (b.ref.empty()) continue;
        const LegalText* self = reg.find(b.ref);
        if (self != nullptr && reg.inForceOn(b.ref, *asOf) == self) cited.insert(self);
    }
    std::set<const LegalText*> emitted;
    for (const auto& b : rule.legalBasis) {
        const LegalText* self = b.ref.empty() ? nullptr : reg.find(b.ref);
        if (self == nullptr) {  // no ref, or a text the registry does not know: cited as written
            out.push_back(b.text);
            continue;
        }
        const LegalText* now = reg.inForceOn(b.ref, *asOf);
        if (now == nullptr) continue;                             // not yet in force, or repealed
        if (now != self && cited.count(now) != 0) continue;       // the rule cites the successor itself
        if (!emitted.insert(now).second) continue;                // two replaced texts, one successor
        out.push_back(now == self ? b.text : legalCitation(*now));
    }
    return out;
}

Finding makeFinding(const FindingRule& rule, const std::string& key, const expr::Scope& scope,
                    const expr::FunctionTable& fns, const Audit& audit,
                    const std::vector<std::string>& legalBasis) {
    Finding f;
    f.origin = FindingOrigin::Rule;
    f.rule = rule.id;
    f.key = key;
    f.category = rule.category;
    f.severity = rule.severity;
    f.area = rule.area;
    f.text = renderOr(rule.text, scope, fns);
    f.legalBasis = legalBasis;
    f.recommendation.text = renderOr(rule.recommendation, scope, fns);
    f.recommendation.deadline = rule.deadline;
    f.recommendation.responsible =
        rule.responsible ? nfc(trim(rule.responsible->render(scope, fns))) : audit.unit.name;
    if (f.recommendation.responsible.empty()) f.recommendation.responsible = audit.unit.name;
    return f;
}
}  // namespace

std::vector<Finding> FindingsEngine::evaluate(const Audit& audit, ValidationResult* problems) const {
    expr::FunctionTable fns = formFunctions(reference_, audit.inspectionDate());
    AuditScope scope(form_, audit);
    std::vector<Finding> out;
    for (const auto& rule : form_.rules) {
        const std::vector<std::string> bases = basesInForce(rule, reference_.get(), audit.inspectionDate());
        try {
            if (rule.forEach.empty()) {
                if (rule.when.isMet(scope, fns)) out.push_back(makeFinding(rule, "", scope, fns, audit, bases));
                continue;
            }
            auto tableValue = scope.lookup(rule.forEach);
            if (!tableValue || tableValue->isNull()) continue;
            const expr::Table& table = tableValue->asTable();
            for (size_t i = 0; i < table.rows.size(); ++i) {
                expr::RowScope row(table, i, scope);
                if (!rule.when.isMet(row, fns)) continue;
                std::string key = std::to_string(i + 1);
                if (rule.key) {
                    expr::Value k = rule.key->evaluate(row, fns);
                    if (!k.isNull() && !k.display().empty()) key = k.display();
                }
                out.push_back(makeFinding(rule, key, row, fns, audit, bases));
            }
        } catch (const Error& e) {
            if (problems != nullptr)
                problems->error(rule.where, fmt(tr("quy tắc '{}' không đánh giá được: {}", "rule '{}' cannot be evaluated: {}"),
                                                rule.id, e.what()));
        }
    }
    return out;
}

MergeReport FindingsEngine::apply(Audit& audit) const {
    MergeReport report;
    std::vector<Finding> now = evaluate(audit, &report.problems);
    std::map<std::pair<std::string, std::string>, const Finding*> holding;
    for (const auto& f : now) holding.emplace(std::make_pair(f.rule, f.key), &f);

    // Rules that failed to evaluate leave their findings as they are.
    std::map<std::string, bool> failed;
    for (const auto& p : report.problems.problems())
        for (const auto& r : form_.rules)
            if (p.where.line == r.where.line && p.where.file == r.where.file) failed[r.id] = true;

    std::map<std::pair<std::string, std::string>, bool> seen;
    for (auto& f : audit.findings) {
        if (f.origin != FindingOrigin::Rule || failed.count(f.rule) != 0) continue;
        auto key = std::make_pair(f.rule, f.key);
        seen[key] = true;
        auto it = holding.find(key);
        if (it == holding.end()) {
            if (f.state == FindingState::Active) {
                f.state = FindingState::Stale;
                report.staled.push_back(f.id);
            }
            continue;
        }
        const Finding& fresh = *it->second;
        if (f.state == FindingState::Stale) {
            f.state = FindingState::Active;
            report.reactivated.push_back(f.id);
        }
        if (f.edited) {
            if (f.text != fresh.text) report.keptEdited.push_back(f.id);
            continue;
        }
        if (f.text != fresh.text || f.recommendation.text != fresh.recommendation.text ||
            f.legalBasis != fresh.legalBasis || f.severity != fresh.severity ||
            f.recommendation.deadline.str() != fresh.recommendation.deadline.str() ||
            f.recommendation.responsible != fresh.recommendation.responsible || f.category != fresh.category ||
            f.area != fresh.area) {
            std::string id = f.id;
            int line = f.line;
            bool dismissed = f.dismissed;
            std::string reason = std::move(f.dismissReason);
            std::string duplicateOf = std::move(f.duplicateOf);
            f = fresh;
            f.id = id;
            f.line = line;
            // A dismissal is the inspectors' decision: new wording of the rule does not undo it.
            f.dismissed = dismissed;
            f.dismissReason = std::move(reason);
            f.duplicateOf = std::move(duplicateOf);
            report.refreshed.push_back(f.id);
        }
    }
    for (const auto& f : now) {
        if (seen.count(std::make_pair(f.rule, f.key)) != 0) continue;
        Finding added = f;
        added.id = audit.nextFindingId();
        audit.findings.push_back(added);
        report.added.push_back(added.id);
    }
    return report;
}

}  // namespace par

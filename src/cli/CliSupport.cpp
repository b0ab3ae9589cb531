#include "cli/CliSupport.hpp"

#include <ostream>

#include "core/common/Text.hpp"
#include "core/common/XmlReader.hpp"

namespace par::cli {

size_t printProblems(std::ostream& out, const ValidationResult& result) {
    for (const auto& p : result.problems()) out << p.str() << "\n";
    return result.errorCount();
}

FileKind detectFileKind(const std::string& path) {
    std::string name = XmlReader::load(path).rootName();
    static const std::pair<const char*, FileKind> kinds[] = {
        {"form", FileKind::Form},           {"audit", FileKind::Audit},
        {"procedures", FileKind::Catalog},  {"legal-registry", FileKind::Registry},
        {"calendar", FileKind::Calendar},   {"holiday-schedule", FileKind::Calendar},
        {"plan", FileKind::Plan},           {"response", FileKind::Response},
    };
    for (const auto& [n, kind] : kinds)
        if (name == n) return kind;
    return FileKind::Unknown;
}

const char* fileKindLabel(FileKind kind) {
    switch (kind) {
        case FileKind::Form: return tr("biểu mẫu", "form");
        case FileKind::Audit: return tr("tệp kiểm tra", "audit");
        case FileKind::Catalog: return tr("danh mục thủ tục", "procedure catalog");
        case FileKind::Registry: return tr("danh mục văn bản", "legal registry");
        case FileKind::Calendar: return tr("lịch nghỉ", "calendar");
        case FileKind::Plan: return tr("kế hoạch khắc phục", "remediation plan");
        case FileKind::Response: return tr("báo cáo khắc phục", "remediation response");
        case FileKind::Unknown: return tr("không rõ", "unknown");
    }
    return "";
}

std::string areaLabel(const Form* form, const std::string& id) {
    if (form != nullptr)
        if (const NamedItem* a = form->findArea(id)) return a->label.get();
    return id;
}

std::string categoryLabel(const Form* form, const std::string& id) {
    if (form != nullptr)
        if (const NamedItem* c = form->findCategory(id)) return c->label.get();
    return id;
}

nlohmann::json findingToJson(const Finding& f, const Form* form) {
    nlohmann::json j;
    j["id"] = f.id;
    j["origin"] = f.origin == FindingOrigin::Rule ? "rule" : "manual";
    if (!f.rule.empty()) j["rule"] = f.rule;
    if (!f.key.empty()) j["key"] = f.key;
    j["category"] = f.category;
    j["category_label"] = categoryLabel(form, f.category);
    j["severity"] = severityName(f.severity);
    j["area"] = f.area;
    j["area_label"] = areaLabel(form, f.area);
    j["state"] = f.state == FindingState::Active ? "active" : "stale";
    j["edited"] = f.edited;
    j["text"] = f.text;
    j["legal_basis"] = f.legalBasis;
    j["recommendation"] = {{"text", f.recommendation.text},
                           {"deadline", f.recommendation.deadline.str()},
                           {"deadline_text", f.recommendation.deadline.display()},
                           {"responsible", f.recommendation.responsible}};
    return j;
}

}  // namespace par::cli

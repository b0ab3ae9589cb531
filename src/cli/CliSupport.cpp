// SPDX-License-Identifier: Apache-2.0
#include "cli/CliSupport.hpp"

#include <CLI/CLI.hpp>

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
    j["dismissed"] = f.dismissed;
    if (f.dismissed) j["dismiss_reason"] = f.dismissReason;
    if (!f.duplicateOf.empty()) j["duplicate_of"] = f.duplicateOf;
    j["text"] = f.text;
    j["legal_basis"] = f.legalBasis;
    j["recommendation"] = {{"text", f.recommendation.text},
                           {"deadline", f.recommendation.deadline.str()},
                           {"deadline_text", f.recommendation.deadline.display()},
                           {"responsible", f.recommendation.responsible}};
    return j;
}

}  // namespace par::cli

#include <iostream>

#include "core/actions/ChangeText.hpp"

namespace par::cli {

void ValueErrors::attempt(const std::string& what, const std::function<void()>& f) {
    try {
        f();
    } catch (const UsageError& e) {
        messages_.push_back(what + ": " + e.what());
    }
}

void ValueErrors::throwIfAny(const std::string& auditPath) const {
    if (messages_.empty()) return;
    std::string text;
    for (const auto& m : messages_) text += "\n  " + m;
    throw UsageError(fmt(tr("{}: không ghi gì vì có giá trị không hợp lệ:{}", "{}: nothing was written because some values are invalid:{}"),
                         auditPath, text));
}

std::pair<std::string, std::string> splitAssignment(const std::string& text, const char* option) {
    auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0)
        throw UsageError(fmt(tr("{} '{}': viết TÊN=GIÁ_TRỊ", "{} '{}': write NAME=VALUE"), option, text));
    return {trim(text.substr(0, eq)), text.substr(eq + 1)};
}

void applySets(const std::vector<std::string>& sets, ValueErrors& errors, std::vector<ChangeCode>& changes,
               const std::function<std::optional<ChangeCode>(const std::string&, const std::string&)>& set) {
    for (const auto& s : sets)
        errors.attempt("--set " + s, [&] {
            auto [field, value] = splitAssignment(s, "--set");
            if (auto c = set(field, value)) changes.push_back(*c);
        });
}

actions::TransactionResult runAction(const std::string& auditPath, const std::string& by,
                                     const actions::AuditChange& change) {
    actions::TransactionResult r = actions::modifyAudit(auditPath, change, actions::TransactionOptions{by});
    if (!r.brokenLockOwner.empty())
        std::cerr << fmt(tr("Đã thay khoá cũ của {} (không còn hiệu lực).", "Took over a stale lock of {}."), r.brokenLockOwner)
                  << "\n";
    if (r.changes.empty()) {
        std::cout << tr("Không có gì thay đổi.", "Nothing changed.") << "\n";
        return r;
    }
    for (const auto& c : r.changes) std::cout << actions::describe(c, language()) << "\n";
    std::cout << fmt(tr("Đã lưu {} (lần sửa {}).", "Saved {} (revision {})."), auditPath, std::to_string(r.revision)) << "\n";
    return r;
}

void IssueOptions::add(CLI::App* cmd, const std::string& whatVi, const std::string& whatEn) {
    const std::string what = tr(whatVi.c_str(), whatEn.c_str());
    cmd->add_option("--number", number, fmt(tr("{}: số văn bản (ví dụ 15)", "{}: its number (e.g. 15)"), what));
    cmd->add_option("--symbol", symbol, fmt(tr("{}: ký hiệu (ví dụ SNV-CCHC)", "{}: its symbol (e.g. SNV-CCHC)"), what));
    cmd->add_option("--date", date, fmt(tr("{}: ngày ký (DD/MM/YYYY)", "{}: the date signed (DD/MM/YYYY)"), what));
    cmd->add_option("--place", place, fmt(tr("{}: địa danh (ví dụ Nghệ An)", "{}: the place (e.g. Nghệ An)"), what));
    cmd->add_option("--signer", signer, fmt(tr("{}: người ký", "{}: who signs"), what));
    cmd->add_option("--signer-title", signerTitle, fmt(tr("{}: chức vụ người ký", "{}: the signer's title"), what));
    cmd->add_option("--sign-for", signFor,
                    fmt(tr("{}: thẩm quyền ký (KT. GIÁM ĐỐC...)", "{}: signing authority (KT. GIÁM ĐỐC...)"), what));
    cmd->add_option("--recipient", recipients,
                    fmt(tr("{}: nơi nhận sau \"Như trên\" (nhắc lại cho từng nơi)",
                           "{}: a recipient after \"As above\" (repeat for each)"),
                        what));
}

}  // namespace par::cli

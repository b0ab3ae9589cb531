// SPDX-License-Identifier: Apache-2.0
// ValidateCommand.cpp - `par-audit validate FILE...`: checks forms, audits, procedure catalogs and
// legal registries, printing every problem with file:line. Exit 1 when problems were found, 2 when
// a file cannot be read at all.
#include <iostream>

#include "cli/CliSupport.hpp"
#include "cli/Command.hpp"
#include "core/common/Text.hpp"
#include "core/model/AnswerValidator.hpp"
#include "core/model/AuditBundle.hpp"
#include "core/model/AuditReader.hpp"
#include "core/model/FormReader.hpp"
#include "core/model/Reference.hpp"

namespace par::cli::validate_command {

namespace {
struct Outcome {
    size_t errors = 0;
    size_t warnings = 0;
    std::string summary;
};

size_t countWarnings(const ValidationResult& v) { return v.problems().size() - v.errorCount(); }

Outcome validateForm(const std::string& path) {
    auto ref = ReferenceData::bundled();
    FormLoad l = FormReader::load(path, formFunctions(ref, std::nullopt));
    l.problems.merge(checkLegalBasisRefs(*l.form, ref->registry));
    printProblems(std::cout, l.problems);
    Outcome o{l.problems.errorCount(), countWarnings(l.problems), ""};
    const size_t sections = l.form->sections.size(), questions = l.form->questionCount(),
                 rules = l.form->rules.size();
    // Vietnamese nouns have no plural; the English line counts "1 section", "2 sections".
    auto en = [](size_t n, const char* noun) {
        return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
    };
    o.summary = language() == Language::English
                    ? fmt("form '{}' version {}: {}, {}, {}", l.form->id, l.form->version,
                          en(sections, "section"), en(questions, "question"), en(rules, "rule"))
                    : fmt("biểu mẫu '{}' phiên bản {}: {} phần, {} câu hỏi, {} quy tắc",
                          l.form->id, l.form->version, std::to_string(sections),
                          std::to_string(questions), std::to_string(rules));
    return o;
}

Outcome validateAudit(const std::string& path) {
    Audit audit = AuditReader::load(path);
    auto ref = ReferenceData::forAudit(audit);
    ValidationResult v = ref->problems();
    expr::FunctionTable fns = formFunctions(ref, audit.inspectionDate());
    const std::string formFile = locateForm(audit);
    FormLoad l = FormReader::load(formFile, fns);
    v.merge(l.problems);
    Outcome o;
    if (l.problems.ok()) {
        if (l.form->id != audit.form.id)
            v.error({path, 0, 0}, fmt(tr("tệp kiểm tra dùng biểu mẫu '{}' nhưng {} là biểu mẫu '{}'",
                                         "the audit uses form '{}' but {} is form '{}'"),
                                      audit.form.id, formFile, l.form->id));
        AnswerValidator validator(*l.form, fns);
        v.merge(validator.validate(audit));
        Completeness c = validator.completeness(audit);
        o.summary = fmt(tr("tệp kiểm tra {} ({}): đã trả lời {}/{} câu bắt buộc, {} phát hiện",
                           "audit {} ({}): {}/{} required questions answered, {} findings"),
                        audit.id, audit.unit.name, std::to_string(c.answered), std::to_string(c.required),
                        std::to_string(audit.findings.size()));
    }
    printProblems(std::cout, v);
    o.errors = v.errorCount();
    o.warnings = countWarnings(v);
    return o;
}

Outcome validateCatalog(const std::string& path) {
    ProcedureCatalog c = ProcedureCatalog::load(path);
    printProblems(std::cout, c.problems());
    size_t examples = 0;
    for (const auto& [code, p] : c.procedures()) examples += p.example ? 1 : 0;
    return {c.problems().errorCount(), countWarnings(c.problems()),
            fmt(tr("danh mục thủ tục: {} thủ tục ({} là ví dụ)", "procedure catalog: {} procedures ({} examples)"),
                std::to_string(c.size()), std::to_string(examples))};
}

Outcome validateRegistry(const std::string& path) {
    LegalRegistry r = LegalRegistry::load(path);
    ValidationResult v = r.problems();
    // A registry extension may refer to texts of the bundled registry.
    LegalRegistry merged = ReferenceData::bundled()->registry;
    merged.merge(r);
    ValidationResult cross = merged.validate();
    for (const auto& p : cross.problems())
        if (p.where.file == path) {
            if (p.severity == Problem::Severity::Error) v.error(p.where, p.message);
            else v.warning(p.where, p.message);
        }
    printProblems(std::cout, v);
    return {v.errorCount(), countWarnings(v),
            fmt(tr("danh mục văn bản: {} văn bản", "legal registry: {} texts"), std::to_string(r.size()))};
}

void install(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("validate", tr("Kiểm tra biểu mẫu, tệp kiểm tra, danh mục thủ tục, danh mục văn bản",
                                                  "Check forms, audits, procedure catalogs and legal registries"));
    auto files = std::make_shared<std::vector<std::string>>();
    cmd->add_option("files", *files, tr("Các tệp cần kiểm tra", "Files to check"))->required()->check(CLI::ExistingFile);
    cmd->callback([files, &ctx]() {
        size_t bad = 0, unreadable = 0;
        for (const auto& path : *files) {
            try {
                FileKind kind = detectFileKind(path);
                Outcome o;
                switch (kind) {
                    case FileKind::Form: o = validateForm(path); break;
                    case FileKind::Audit: o = validateAudit(path); break;
                    case FileKind::Catalog: o = validateCatalog(path); break;
                    case FileKind::Registry: o = validateRegistry(path); break;
                    default:
                        std::cout << path << ": " << tr("lỗi: không nhận ra loại tệp (cần <form>, <audit>, <procedures> hoặc <legal-registry>)",
                                                        "error: unrecognised file (expected <form>, <audit>, <procedures> or <legal-registry>)")
                                  << "\n";
                        ++bad;
                        continue;
                }
                if (o.errors > 0) ++bad;
                std::cout << (o.errors == 0 ? "✓ " : "✗ ") << path << ": " << o.summary;
                if (o.errors > 0 || o.warnings > 0)
                    std::cout << " — "
                              << fmt(tr("{} lỗi, {} cảnh báo", o.errors == 1 ? (o.warnings == 1 ? "{} error, {} warning" : "{} error, {} warnings")
                                                                            : (o.warnings == 1 ? "{} errors, {} warning" : "{} errors, {} warnings")),
                                     std::to_string(o.errors), std::to_string(o.warnings));
                std::cout << "\n";
            } catch (const Error& e) {
                std::cout << e.what() << "\n";
                ++unreadable;
            }
        }
        if (unreadable > 0) ctx.exitCode = kBadInput;
        else if (bad > 0) ctx.exitCode = kProblems;
    });
}

const bool registered = registerCommand(10, install);
}  // namespace

}  // namespace par::cli::validate_command

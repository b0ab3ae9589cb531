// SPDX-License-Identifier: Apache-2.0
// ShowCommand.cpp - `par-audit show A.audit.xml`: the audit at a glance: unit, team, dates, form,
// progress, the answers section by section, and the findings count.
#include <iostream>

#include "cli/CliSupport.hpp"
#include "cli/Command.hpp"
#include "core/common/Text.hpp"
#include "core/model/TeamRole.hpp"
#include "core/model/AnswerValidator.hpp"
#include "core/model/AuditBundle.hpp"

namespace par::cli::show_command {

namespace {
std::string dateOr(const std::optional<Date>& d) { return d ? vietnameseDate(*d) : "—"; }

std::string roleLabel(const std::string& role) { return teamRoleLabel(role, language()); }

std::string answerText(const Question& q, const Answer* a) {
    if (a == nullptr) return "—";
    if (a->na) return tr("không áp dụng", "not applicable");
    if (q.type == QuestionType::Table) return fmt(tr("{} dòng", "{} rows"), std::to_string(a->rows.size()));
    if (q.type == QuestionType::Repeat) return fmt(tr("{} đơn vị", "{} sub-units"), std::to_string(a->instances.size()));
    return answerLabel(q, a->value);
}

void install(CLI::App& app, Context&) {
    auto path = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("show", tr("Xem tóm tắt tệp kiểm tra", "Show an audit at a glance"));
    cmd->add_option("audit", *path, tr("Tệp kiểm tra", "Audit file"))->required()->check(CLI::ExistingFile);
    cmd->callback([path]() {
        AuditBundle b = AuditBundle::open(*path);
        const Audit& a = b.audit;
        std::cout << tr("Đơn vị được kiểm tra: ", "Inspected unit: ") << a.unit.name;
        if (!a.unit.type.empty()) std::cout << " (" << a.unit.type << (a.unit.level.empty() ? "" : ", " + a.unit.level) << ")";
        std::cout << "\n" << tr("Cơ quan kiểm tra: ", "Inspecting body: ") << a.body.name
                  << (a.body.parent.empty() ? "" : " — " + a.body.parent) << "\n";
        if (!a.plan.number.empty()) std::cout << tr("Kế hoạch: ", "Plan: ") << a.plan.number << " (" << dateOr(a.plan.date) << ")\n";
        if (!a.decision.number.empty())
            std::cout << tr("Quyết định: ", "Decision: ") << a.decision.number << " (" << dateOr(a.decision.date) << ")\n";
        std::cout << tr("Thời gian kiểm tra: ", "Visit: ") << dateOr(a.visitStart) << " – " << dateOr(a.visitEnd) << "\n";
        std::cout << tr("Kỳ kiểm tra: ", "Period: ") << dateOr(a.periodStart) << " – " << dateOr(a.periodEnd) << "\n";
        for (const auto& m : a.team) std::cout << "  " << roleLabel(m.role) << ": " << m.name << (m.title.empty() ? "" : ", " + m.title) << "\n";
        std::cout << tr("Biểu mẫu: ", "Form: ") << b.form->title.get() << " (" << b.form->id << " " << b.form->version << ")\n";
        AnswerValidator validator(*b.form, b.functions);
        Completeness c = validator.completeness(a);
        std::cout << fmt(tr("Tiến độ: đã trả lời {}/{} câu bắt buộc; {} câu trả lời; {} phát hiện",
                            "Progress: {}/{} required questions answered; {} answers; {} findings"),
                         std::to_string(c.answered), std::to_string(c.required), std::to_string(a.answers.answers.size()),
                         std::to_string(a.findings.size()))
                  << "\n";
        for (const auto& s : b.form->sections) {
            std::cout << "\n" << s.label.get() << "\n";
            for (const auto& q : s.questions) {
                if (!validator.isRelevant(a, q.id)) continue;
                std::cout << "  " << q.id << (q.required ? "*" : "") << "  " << q.label.get() << ": "
                          << answerText(q, a.answers.find(q.id)) << "\n";
            }
        }
    });
}

const bool registered = registerCommand(45, install);
}  // namespace

}  // namespace par::cli::show_command

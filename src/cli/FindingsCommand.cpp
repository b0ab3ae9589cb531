// SPDX-License-Identifier: Apache-2.0
// FindingsCommand.cpp - `par-audit findings A.audit.xml [--json] [--save]`: evaluates the form's
// rules on the audit and lists the findings (rule and manual), grouped by reform area. With --save
// the merged findings are written back (manual findings and edits kept, stale ones flagged).
#include <iostream>

#include "cli/CliSupport.hpp"
#include "cli/Command.hpp"
#include "core/actions/FindingActions.hpp"
#include "core/common/Text.hpp"
#include "core/findings/FindingsEngine.hpp"
#include "core/model/AuditBundle.hpp"
#include "core/actions/AuditTransaction.hpp"
#include "core/actions/ChangeText.hpp"

namespace par::cli::findings_command {

namespace {
struct Options {
    std::string audit;
    bool json = false;
    bool save = false;
};

void printText(const Audit& audit, const Form& form) {
    std::cout << fmt(tr("Phát hiện qua kiểm tra tại {} ({} phát hiện)", "Findings at {} ({} findings)"), audit.unit.name,
                     std::to_string(audit.findings.size()))
              << "\n";
    // Areas in the form's order, then findings of areas the form does not know.
    std::vector<std::string> order;
    for (const auto& a : form.areas) order.push_back(a.id);
    for (const auto& f : audit.findings)
        if (std::find(order.begin(), order.end(), f.area) == order.end()) order.push_back(f.area);
    for (const auto& area : order) {
        bool header = false;
        for (const auto& f : audit.findings) {
            if (f.area != area) continue;
            if (!header) {
                std::cout << "\n" << areaLabel(&form, area) << "\n";
                header = true;
            }
            std::cout << "  " << f.id << " [" << severityLabel(f.severity) << "]";
            if (!f.category.empty()) std::cout << " " << categoryLabel(&form, f.category);
            if (f.origin == FindingOrigin::Manual) std::cout << tr(" (do đoàn nhập)", " (entered by the team)");
            if (f.dismissed && !f.duplicateOf.empty())
                std::cout << fmt(tr(" — ĐÃ GỘP: trùng với {}", " — MERGED: a duplicate of {}"), f.duplicateOf);
            else if (f.dismissed)
                std::cout << fmt(tr(" — ĐÃ BỎ QUA: {}", " — DISMISSED: {}"), f.dismissReason);
            if (f.state == FindingState::Stale)
                std::cout << tr(" — CẦN XEM LẠI: điều kiện không còn đúng", " — REVIEW: its condition no longer holds");
            std::cout << "\n    " << f.text << "\n";
            if (!f.legalBasis.empty()) {
                std::cout << "    " << tr("Căn cứ: ", "Legal basis: ");
                for (size_t i = 0; i < f.legalBasis.size(); ++i) std::cout << (i ? "; " : "") << f.legalBasis[i];
                std::cout << "\n";
            }
            if (!f.recommendation.text.empty())
                std::cout << "    " << tr("Kiến nghị: ", "Recommendation: ") << f.recommendation.text << " ("
                          << f.recommendation.responsible << "; " << f.recommendation.deadline.display() << ")\n";
        }
    }
}

void install(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("findings", tr("Đánh giá các quy tắc và liệt kê phát hiện", "Evaluate the rules and list the findings"));
    cmd->add_option("audit", o->audit, tr("Tệp kiểm tra", "Audit file"))->required()->check(CLI::ExistingFile);
    cmd->add_flag("--json", o->json, tr("In dạng JSON", "Print JSON"));
    cmd->add_flag("--save", o->save, tr("Ghi các phát hiện vào tệp kiểm tra", "Write the findings into the audit"));
    cmd->callback([o, &ctx]() {
        MergeReport report;
        auto evaluate = [&](AuditBundle& b) -> std::vector<ChangeCode> {
            FindingsEngine engine(*b.form, b.reference);
            report = engine.apply(b.audit);
            for (const auto& p : report.problems.problems()) std::cerr << p.str() << "\n";
            if (o->json) {
                nlohmann::json j;
                j["audit"] = b.audit.id;
                j["unit"] = b.audit.unit.name;
                j["form"] = b.form->id;
                j["findings"] = nlohmann::json::array();
                for (const auto& f : b.audit.findings) j["findings"].push_back(findingToJson(f, b.form.get()));
                j["added"] = report.added;
                j["stale"] = report.staled;
                std::cout << j.dump(2) << "\n";
            } else {
                printText(b.audit, *b.form);
            }
            if (!o->save || !report.changed()) return {};
            return {actions::refreshChange(report)};
        };
        if (o->save) {
            // --save writes through the core's transaction: a second inspector waits for the lock.
            actions::TransactionResult r = actions::modifyAudit(o->audit, evaluate, actions::TransactionOptions{});
            if (!o->json) {
                std::cout << "\n";
                if (r.changes.empty())
                    std::cout << tr("Không có gì thay đổi: các phát hiện trong tệp đã đúng như trên.",
                                    "Nothing changed: the file already holds the findings above.")
                              << "\n";
                else
                    std::cout << actions::describe(r.changes.front(), language()) << "\n"
                              << fmt(tr("Đã lưu {} (lần sửa {}).", "Saved {} (revision {})."), o->audit, std::to_string(r.revision))
                              << "\n";
            }
        } else {
            AuditBundle b = AuditBundle::open(o->audit);
            evaluate(b);
        }
        if (!report.problems.ok()) ctx.exitCode = kProblems;
    });
}

const bool registered = registerCommand(40, install);
}  // namespace

}  // namespace par::cli::findings_command

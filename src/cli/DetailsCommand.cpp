// SPDX-License-Identifier: Apache-2.0
// DetailsCommand.cpp - `par-audit details A.audit.xml [--set FIELD=VALUE]...`: shows or sets the
// audit's details (the unit, the inspecting body, the inspection plan and its issuer, the decision,
// the visit and the period) through the core's DetailsActions.
#include <iostream>

#include "cli/CliSupport.hpp"
#include "cli/Command.hpp"
#include "core/actions/ChangeText.hpp"
#include "core/actions/DetailsActions.hpp"
#include "core/common/Text.hpp"
#include "core/model/AuditReader.hpp"

namespace par::cli::details_command {

namespace {
struct Options {
    std::string audit;
    std::vector<std::string> sets;
    std::string by;
};

void print(const Audit& a) {
    for (const auto& f : actions::detailFields()) {
        std::string v = actions::detailValue(a, f);
        std::cout << "  " << f << " (" << actions::fieldLabel(f, language()) << "): "
                  << (v.empty() ? std::string(tr("(chưa có)", "(not set)")) : v) << "\n";
    }
}

void install(CLI::App& app, Context&) {
    auto o = std::make_shared<Options>();
    std::string fields;
    for (const auto& f : actions::detailFields()) fields += (fields.empty() ? "" : ", ") + f;
    auto* cmd = app.add_subcommand("details", tr("Xem hoặc sửa thông tin chung của đợt kiểm tra", "Show or set the audit's details"));
    cmd->add_option("audit", o->audit, tr("Tệp kiểm tra", "Audit file"))->required()->check(CLI::ExistingFile);
    cmd->add_option("--set", o->sets, fmt(tr("TRƯỜNG=GIÁ_TRỊ (để trống để xoá); trường: {}", "FIELD=VALUE (empty clears); fields: {}"), fields));
    cmd->add_option("--by", o->by, tr("Người sửa (mặc định: tên đăng nhập)", "Who makes the change (default: login name)"));
    cmd->callback([o]() {
        if (o->sets.empty()) {
            Audit a = AuditReader::load(o->audit);
            print(a);
            return;
        }
        runAction(o->audit, o->by, [&](AuditBundle& b) {
            std::vector<ChangeCode> changes;
            ValueErrors errors;
            applySets(o->sets, errors, changes,
                      [&](const std::string& f, const std::string& v) { return actions::setDetail(b.audit, f, v); });
            errors.throwIfAny(o->audit);
            return changes;
        });
    });
}

const bool registered = registerCommand(22, install);
}  // namespace

}  // namespace par::cli::details_command

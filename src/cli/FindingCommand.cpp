// SPDX-License-Identifier: Apache-2.0
// FindingCommand.cpp - `par-audit finding add|edit|dismiss|restore|merge|remove A.audit.xml …`:
// the inspectors' decisions on findings, through the core's FindingActions.
#include <iostream>

#include "cli/CliSupport.hpp"
#include "cli/Command.hpp"
#include "core/actions/FindingActions.hpp"
#include "core/common/Text.hpp"

namespace par::cli::finding_command {

namespace {
struct Options {
    std::string audit;
    std::string id;
    std::vector<std::string> others;
    std::string area, category, severity, text, recommendation, deadline, responsible, reason, by;
    std::vector<std::string> basis;
};

actions::FindingInput inputOf(const Options& o, CLI::App& cmd) {
    actions::FindingInput in;
    auto given = [&](const char* name) { return cmd.count(name) > 0; };
    if (given("--area")) in.area = o.area;
    if (given("--category")) in.category = o.category;
    if (given("--severity")) in.severity = o.severity;
    if (given("--text")) in.text = o.text;
    if (given("--recommendation")) in.recommendation = o.recommendation;
    if (given("--deadline")) in.deadline = o.deadline;
    if (given("--responsible")) in.responsible = o.responsible;
    if (given("--basis")) in.legalBasis = o.basis;
    return in;
}

void addContentOptions(CLI::App* cmd, Options& o) {
    cmd->add_option("--area", o.area, tr("Lĩnh vực (mã lĩnh vực của biểu mẫu)", "Area (the form's area id)"));
    cmd->add_option("--category", o.category, tr("Nhóm phát hiện (mã của biểu mẫu)", "Category (the form's id)"));
    cmd->add_option("--severity", o.severity, tr("Mức độ: high (cao), medium (trung bình), low (thấp)", "Severity: high, medium, low"));
    cmd->add_option("--text", o.text, tr("Nội dung phát hiện", "The finding's text"));
    cmd->add_option("--recommendation", o.recommendation, tr("Kiến nghị khắc phục", "Recommendation"));
    cmd->add_option("--deadline", o.deadline,
                    tr("Thời hạn: \"30 ngày làm việc\", \"15 ngày\" hoặc DD/MM/YYYY", "Deadline: \"30 working days\", \"15 days\" or DD/MM/YYYY"));
    cmd->add_option("--responsible", o.responsible, tr("Đơn vị thực hiện (mặc định: đơn vị được kiểm tra)", "Responsible unit (default: the inspected unit)"));
    cmd->add_option("--basis", o.basis, tr("Căn cứ pháp lý (có thể nhắc lại)", "Legal basis (may repeat)"));
}

CLI::App* sub(CLI::App* parent, const char* name, const char* vi, const char* en, Options& o) {
    auto* cmd = parent->add_subcommand(name, tr(vi, en));
    cmd->add_option("audit", o.audit, tr("Tệp kiểm tra", "Audit file"))->required()->check(CLI::ExistingFile);
    return cmd;
}

void install(CLI::App& app, Context&) {
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("finding", tr("Thêm, sửa, bỏ qua, khôi phục, gộp phát hiện", "Add, edit, dismiss, restore, merge findings"));
    cmd->require_subcommand(1);
    cmd->add_option("--by", o->by, tr("Người sửa (mặc định: tên đăng nhập)", "Who makes the change (default: login name)"));

    auto* add = sub(cmd, "add", "Thêm phát hiện của đoàn", "Add a finding of the team's own", *o);
    addContentOptions(add, *o);
    add->callback([o, add]() {
        runAction(o->audit, o->by, [&](AuditBundle& b) {
            return std::vector<ChangeCode>{actions::addFinding(b.audit, *b.form, inputOf(*o, *add))};
        });
    });

    auto* edit = sub(cmd, "edit", "Sửa một phát hiện (phát hiện theo quy tắc giữ lời văn của đoàn khi đánh giá lại)",
                     "Edit a finding (a rule finding keeps the team's wording on re-evaluation)", *o);
    edit->add_option("finding", o->id, tr("Mã phát hiện (F-001)", "Finding id (F-001)"))->required();
    addContentOptions(edit, *o);
    edit->callback([o, edit]() {
        runAction(o->audit, o->by, [&](AuditBundle& b) {
            std::vector<ChangeCode> out;
            if (auto c = actions::editFinding(b.audit, *b.form, o->id, inputOf(*o, *edit))) out.push_back(*c);
            return out;
        });
    });

    auto* dismiss = sub(cmd, "dismiss", "Bỏ qua một phát hiện (giữ trong tệp, không đưa vào thông báo)",
                        "Dismiss a finding (kept in the file, out of the notice)", *o);
    dismiss->add_option("finding", o->id, tr("Mã phát hiện", "Finding id"))->required();
    dismiss->add_option("--reason", o->reason, tr("Lý do", "Reason"))->required();
    dismiss->callback([o]() {
        runAction(o->audit, o->by,
                  [&](AuditBundle& b) { return std::vector<ChangeCode>{actions::dismissFinding(b.audit, o->id, o->reason)}; });
    });

    auto* restore = sub(cmd, "restore", "Khôi phục phát hiện đã bỏ qua", "Restore a dismissed finding", *o);
    restore->add_option("finding", o->id, tr("Mã phát hiện", "Finding id"))->required();
    restore->callback([o]() {
        runAction(o->audit, o->by, [&](AuditBundle& b) {
            std::vector<ChangeCode> out;
            if (auto c = actions::restoreFinding(b.audit, o->id)) out.push_back(*c);
            return out;
        });
    });

    auto* merge = sub(cmd, "merge", "Gộp phát hiện trùng vào phát hiện giữ lại", "Merge duplicate findings into the one kept", *o);
    merge->add_option("keep", o->id, tr("Phát hiện giữ lại", "The finding kept"))->required();
    merge->add_option("others", o->others, tr("Các phát hiện trùng", "The duplicates"))->required();
    merge->callback([o]() {
        runAction(o->audit, o->by,
                  [&](AuditBundle& b) { return std::vector<ChangeCode>{actions::mergeFindings(b.audit, o->id, o->others)}; });
    });

    auto* remove = sub(cmd, "remove", "Xoá phát hiện do đoàn nhập", "Remove a finding the team entered", *o);
    remove->add_option("finding", o->id, tr("Mã phát hiện", "Finding id"))->required();
    remove->callback([o]() {
        runAction(o->audit, o->by, [&](AuditBundle& b) { return std::vector<ChangeCode>{actions::removeFinding(b.audit, o->id)}; });
    });
}

const bool registered = registerCommand(42, install);
}  // namespace

}  // namespace par::cli::finding_command

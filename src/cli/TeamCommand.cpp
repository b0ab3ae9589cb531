// SPDX-License-Identifier: Apache-2.0
// TeamCommand.cpp - `par-audit team A.audit.xml [--add NAME --role R --title T] [--remove NAME]`:
// shows or changes the inspection team through the core's TeamActions.
#include <iostream>

#include "cli/CliSupport.hpp"
#include "cli/Command.hpp"
#include "core/actions/TeamActions.hpp"
#include "core/common/Text.hpp"
#include "core/model/AuditReader.hpp"

namespace par::cli::team_command {

namespace {
struct Options {
    std::vector<std::string> add;
    std::vector<std::string> roles;
    std::vector<std::string> titles;
    std::vector<std::string> remove;
    std::string audit;
    std::string by;
};

struct NewMember {
    std::string name, role, title;
};

// Pairs each --role and --title with the --add before it, in the order they were typed.
std::vector<NewMember> membersInOrder(CLI::App& cmd, const Options& o) {
    std::vector<NewMember> out;
    size_t a = 0, r = 0, t = 0;
    for (const CLI::Option* opt : cmd.parse_order()) {
        const std::string name = opt->get_name();
        if (name == "--add") {
            out.push_back({o.add.at(a++), "", ""});
        } else if (name == "--role" || name == "--title") {
            if (out.empty())
                throw UsageError(fmt(tr("{} phải đứng sau --add của người đó", "{} must follow the --add of that member"), name));
            std::string& slot = name == "--role" ? out.back().role : out.back().title;
            if (!slot.empty())
                throw UsageError(fmt(tr("{} đã cho cho {}; mỗi người một {}", "{} given twice for {}; one {} per member"), name,
                                     out.back().name, name));
            slot = name == "--role" ? o.roles.at(r++) : o.titles.at(t++);
        }
    }
    return out;
}

void install(CLI::App& app, Context&) {
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("team", tr("Xem hoặc sửa thành phần đoàn kiểm tra", "Show or change the inspection team"));
    cmd->add_option("audit", o->audit, tr("Tệp kiểm tra", "Audit file"))->required()->check(CLI::ExistingFile);
    cmd->add_option("--add", o->add, tr("Thêm thành viên (họ tên)", "Add a member (full name)"));
    cmd->add_option("--role", o->roles,
                    tr("Vai trò của người thêm: leader (trưởng đoàn), deputy (phó trưởng đoàn), member (thành viên, mặc định), secretary (thư ký)",
                       "Role of the member added: leader, deputy, member (default), secretary"));
    cmd->add_option("--title", o->titles, tr("Chức vụ, đơn vị công tác của người thêm", "Title and workplace of the member added"));
    cmd->add_option("--remove", o->remove, tr("Bỏ thành viên (họ tên)", "Remove a member (full name)"));
    cmd->add_option("--by", o->by, tr("Người sửa (mặc định: tên đăng nhập)", "Who makes the change (default: login name)"));
    cmd->callback([o, cmd]() {
        std::vector<NewMember> members = membersInOrder(*cmd, *o);
        if (o->add.empty() && o->remove.empty()) {
            Audit a = AuditReader::load(o->audit);
            if (a.team.empty()) std::cout << tr("Đoàn kiểm tra chưa có thành viên.", "The team has no members yet.") << "\n";
            for (size_t i = 0; i < a.team.size(); ++i)
                std::cout << "  " << i + 1 << ". " << a.team[i].name << " — " << actions::teamRoleLabel(a.team[i].role, language())
                          << (a.team[i].title.empty() ? "" : ", " + a.team[i].title) << "\n";
            return;
        }
        runAction(o->audit, o->by, [&](AuditBundle& b) {
            std::vector<ChangeCode> changes;
            ValueErrors errors;
            for (const auto& name : o->remove)
                errors.attempt("--remove " + name, [&] { changes.push_back(actions::removeTeamMember(b.audit, name)); });
            for (const auto& m : members)
                errors.attempt("--add " + m.name,
                               [&] { changes.push_back(actions::addTeamMember(b.audit, m.name, m.role, m.title)); });
            errors.throwIfAny(o->audit);
            return changes;
        });
    });
}

const bool registered = registerCommand(24, install);
}  // namespace

}  // namespace par::cli::team_command

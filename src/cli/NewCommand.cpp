// SPDX-License-Identifier: Apache-2.0
// NewCommand.cpp - `par-audit new --form F --unit "..." -o A.audit.xml`: starts an audit of a unit
// against a form. Never overwrites an existing file.
#include <iostream>

#include "cli/Command.hpp"
#include "core/common/Text.hpp"
#include "core/actions/AuditCreation.hpp"

namespace par::cli::new_command {

namespace {
struct Options {
    std::string form;
    std::string unit;
    std::string type;
    std::string level;
    std::string province;
    std::string id;
    std::string output;
    std::string visit;
};

void install(CLI::App& app, Context&) {
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("new", tr("Tạo tệp kiểm tra mới cho một đơn vị", "Start a new audit of a unit"));
    cmd->add_option("--form", o->form, tr("Biểu mẫu: đường dẫn tệp hoặc mã (cchc-xa, cchc-so, cchc-huyen)",
                                          "Form: a file path or an id (cchc-xa, cchc-so, cchc-huyen)"))
        ->required();
    cmd->add_option("--unit", o->unit, tr("Tên đơn vị được kiểm tra", "Name of the inspected unit"))->required();
    cmd->add_option("--type", o->type, tr("Loại đơn vị: xa, phuong, dac-khu, so, huyen...", "Unit type: xa, phuong, dac-khu, so, huyen..."));
    cmd->add_option("--level", o->level, tr("Cấp: commune, province, district", "Level: commune, province, district"));
    cmd->add_option("--province", o->province, tr("Tỉnh, thành phố", "Province"));
    cmd->add_option("--id", o->id, tr("Mã tệp kiểm tra (mặc định: tự sinh)", "Audit id (default: generated)"));
    cmd->add_option("--visit", o->visit, tr("Ngày kiểm tra (DD/MM/YYYY hoặc YYYY-MM-DD)", "Visit date (DD/MM/YYYY or YYYY-MM-DD)"));
    cmd->add_option("-o,--output", o->output, tr("Tệp kiểm tra sẽ tạo (*.audit.xml)", "Audit file to create (*.audit.xml)"))
        ->required();
    cmd->callback([o]() {
        actions::NewAuditRequest r{o->form, o->unit, o->type, o->level, o->province, o->visit, o->id, ""};
        AuditBundle b = actions::createAudit(r);
        actions::saveNewAudit(b, o->output);
        std::cout << fmt(tr("Đã tạo {} ({}, biểu mẫu {}: {} câu hỏi)", "Created {} ({}, form {}: {} questions)"), o->output,
                         b.audit.unit.name, b.form->id, std::to_string(b.form->questionCount()))
                  << "\n";
    });
}

const bool registered = registerCommand(20, install);
}  // namespace

}  // namespace par::cli::new_command

// NewCommand.cpp - `par-audit new --form F --unit "..." -o A.audit.xml`: starts an audit of a unit
// against a form. Never overwrites an existing file.
#include <sys/stat.h>

#include <filesystem>
#include <iostream>

#include "cli/Command.hpp"
#include "core/common/Text.hpp"
#include "core/model/AuditBundle.hpp"
#include "core/model/AuditWriter.hpp"

namespace par::cli {

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
        struct stat st {};
        if (::stat(o->output.c_str(), &st) == 0)
            throw UsageError(fmt(tr("{} đã tồn tại; par-audit không ghi đè tệp kiểm tra. Hãy chọn tên khác.",
                                    "{} already exists; par-audit does not overwrite an audit. Choose another name."),
                                 o->output));
        auto ref = ReferenceData::bundled();
        auto form = loadFormByPathOrId(o->form, ref);
        Audit a;
        a.unit.name = nfc(trim(o->unit));
        if (a.unit.name.empty()) throw UsageError(tr("--unit không được để trống", "--unit cannot be empty"));
        a.unit.type = o->type;
        a.unit.level = o->level;
        a.unit.province = nfc(o->province);
        if (a.unit.type.empty() && form->unitTypes.size() == 1) a.unit.type = form->unitTypes.front();
        if (!o->visit.empty()) {
            auto d = parseUserDate(o->visit);
            if (!d)
                throw UsageError(fmt(tr("ngày '{}' không hợp lệ", "invalid date '{}'"), o->visit));
            a.visitStart = a.visitEnd = d;
        }
        a.form.id = form->id;
        a.form.version = form->version;
        a.form.href = formHref(form->file, o->output);
        if (o->id.empty()) {
            std::string stem = std::filesystem::u8path(o->output).filename().u8string();
            auto dot = stem.find('.');
            a.id = dot == std::string::npos ? stem : stem.substr(0, dot);
        } else {
            a.id = o->id;
        }
        a.logChange(fmt(tr("Tạo tệp kiểm tra theo biểu mẫu {} phiên bản {}", "Created with form {} version {}"), form->id,
                        form->version));
        AuditWriter::save(a, o->output);
        std::cout << fmt(tr("Đã tạo {} ({}, biểu mẫu {}: {} câu hỏi)", "Created {} ({}, form {}: {} questions)"), o->output,
                         a.unit.name, form->id, std::to_string(form->questionCount()))
                  << "\n";
    });
}

const bool registered = registerCommand(20, install);
}  // namespace

}  // namespace par::cli

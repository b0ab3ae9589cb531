#include "core/actions/AuditCreation.hpp"

#include <filesystem>

#include "core/common/Text.hpp"
#include "core/model/AuditWriter.hpp"

namespace par::actions {

namespace fs = std::filesystem;

std::string idFromFileName(const std::string& path) {
    std::string stem = fs::u8path(path).filename().u8string();
    auto dot = stem.find('.');
    return dot == std::string::npos ? stem : stem.substr(0, dot);
}

AuditBundle createAudit(const NewAuditRequest& r) {
    AuditBundle b;
    Audit& a = b.audit;
    a.unit.name = nfc(trim(r.unitName));
    if (a.unit.name.empty())
        throw UsageError(tr("tên đơn vị được kiểm tra không được để trống", "the inspected unit's name cannot be empty"));
    std::optional<Date> visit;
    if (!trim(r.visit).empty()) {
        visit = parseUserDate(trim(r.visit));
        if (!visit)
            throw UsageError(fmt(tr("ngày kiểm tra '{}' không hợp lệ (DD/MM/YYYY)", "invalid visit date '{}' (DD/MM/YYYY)"), r.visit));
    }
    b.reference = ReferenceData::bundled();
    b.functions = formFunctions(b.reference, visit);
    b.form = loadFormByPathOrId(r.form, b.reference);
    const Form& form = *b.form;
    a.unit.type = r.unitType;
    a.unit.level = r.unitLevel;
    a.unit.province = nfc(trim(r.province));
    if (a.unit.type.empty() && form.unitTypes.size() == 1) a.unit.type = form.unitTypes.front();
    a.visitStart = a.visitEnd = visit;
    a.id = trim(r.id);
    a.form.id = form.id;
    a.form.version = form.version;
    std::error_code ec;
    fs::path abs = fs::absolute(fs::u8path(form.file), ec);
    a.form.href = ec ? form.file : abs.lexically_normal().u8string();  // made relative on the first save
    a.logChange(ChangeCode{"audit.create", {form.id, form.version}}, r.by);
    return b;
}

void saveNewAudit(AuditBundle& b, const std::string& path) {
    std::error_code ec;
    if (fs::exists(fs::symlink_status(fs::u8path(path), ec)))
        throw UsageError(fmt(tr("{} đã tồn tại; par-audit không ghi đè tệp kiểm tra. Hãy chọn tên khác.",
                                "{} already exists; par-audit does not overwrite an audit. Choose another name."),
                             path));
    Audit& a = b.audit;
    if (a.id.empty()) a.id = idFromFileName(path);
    if (!a.form.href.empty() && fs::u8path(a.form.href).is_absolute()) a.form.href = formHref(a.form.href, path);
    AuditWriter::save(a, path);
}

}  // namespace par::actions

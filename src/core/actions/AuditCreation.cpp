// SPDX-License-Identifier: Apache-2.0
#include "core/actions/AuditCreation.hpp"

#include <filesystem>
#include <set>

#include "core/common/InputFile.hpp"
#include "core/common/Text.hpp"
#include "core/model/AuditWriter.hpp"

namespace par::actions {

namespace fs = std::filesystem;

std::string idFromFileName(const std::string& path) {
    std::string stem = fs::u8path(path).filename().u8string();
    auto dot = stem.find('.');
    return dot == std::string::npos ? stem : stem.substr(0, dot);
}

std::string deriveAuditId(const std::string& path, std::optional<Date> visit) {
    std::string id = idFromFileName(path);
    if (visit) {
        // Two years' "quynh-luu.audit.xml" must not share an id: the visit's year goes in, unless
        // the name already says it.
        const std::string year = std::to_string(visit->year());
        if (id.find(year) == std::string::npos) id += "-" + year;
    }
    // Ids already used by the audits in the same folder (read from each file's start).
    std::set<std::string> used;
    std::error_code ec;
    fs::path folder = fs::u8path(path).parent_path();
    if (folder.empty()) folder = ".";
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().u8string();
        if (name.size() <= 10 || name.compare(name.size() - 10, 10, ".audit.xml") != 0) continue;
        std::string head;
        try {
            head = readFile(it->path().u8string(), 64u << 20).substr(0, 4096);
        } catch (const Error&) {
            continue;
        }
        auto root = head.find("<audit");
        auto at = root == std::string::npos ? root : head.find(" id=\"", root);
        if (at == std::string::npos) continue;
        auto end2 = head.find('"', at + 5);
        if (end2 != std::string::npos) used.insert(head.substr(at + 5, end2 - at - 5));
    }
    if (used.count(id) == 0) return id;
    for (int n = 2;; ++n)
        if (used.count(id + "-" + std::to_string(n)) == 0) return id + "-" + std::to_string(n);
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
    if (a.id.empty()) a.id = deriveAuditId(path, a.visitStart);
    if (!a.form.href.empty() && fs::u8path(a.form.href).is_absolute()) a.form.href = formHref(a.form.href, path);
    AuditWriter::save(a, path);
}

}  // namespace par::actions

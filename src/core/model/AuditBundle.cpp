// SPDX-License-Identifier: Apache-2.0
#include "core/model/AuditBundle.hpp"

#include <filesystem>

#include "core/common/AtomicFile.hpp"
#include "core/common/DataPaths.hpp"
#include "core/common/Platform.hpp"
#include "core/common/Text.hpp"
#include "core/model/AuditReader.hpp"
#include "core/model/FormReader.hpp"

namespace par {

std::string formHref(const std::string& formPath, const std::string& auditPath) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path absForm = fs::absolute(fs::u8path(formPath), ec);
    if (ec)
        return formPath;
    absForm = absForm.lexically_normal();
    fs::path base = fs::absolute(fs::u8path(auditPath), ec).parent_path();
    if (ec)
        return absForm.u8string();
    fs::path rel = fs::relative(absForm, base, ec);
    return ec || rel.empty() ? absForm.u8string() : rel.u8string();
}

std::string locateForm(const Audit& audit) {
    std::string path = audit.formPath();
    platform::FileStatus st;  // by UTF-8 name also on Windows
    if (platform::statPath(path, st) == 0 || audit.form.href.empty()) return path;
    std::string bundled = dataPath("forms/" + audit.form.id + ".xml");
    return platform::statPath(bundled, st) == 0 ? bundled : path;
}

AuditBundle AuditBundle::open(const std::string& auditPath) {
    AuditBundle b;
    b.audit = AuditReader::load(auditPath);
    removeStaleTemporaries(auditPath);  // what saves and locks killed half-way left (AtomicFile.hpp)
    b.reference = ReferenceData::forAudit(b.audit);
    b.functions = formFunctions(b.reference, b.audit.inspectionDate());
    const std::string formFile = locateForm(b.audit);
    b.form = FormReader::loadValid(formFile, b.functions);
    if (b.form->id != b.audit.form.id)
        throw ParseError({auditPath, 0, 0},
                         fmt(tr("tệp kiểm tra dùng biểu mẫu '{}' nhưng {} là biểu mẫu '{}'",
                                "the audit uses form '{}' but {} is form '{}'"),
                             b.audit.form.id, formFile, b.form->id));
    return b;
}

std::shared_ptr<const Form> loadFormByPathOrId(const std::string& pathOrId,
                                               std::shared_ptr<const ReferenceData> reference) {
    std::string path = pathOrId;
    platform::FileStatus st;
    if (platform::statPath(path, st) != 0 && pathOrId.find('/') == std::string::npos &&
        pathOrId.find(".xml") == std::string::npos)
        path = dataPath("forms/" + pathOrId + ".xml");
    return FormReader::loadValid(path, formFunctions(std::move(reference), std::nullopt));
}

}  // namespace par

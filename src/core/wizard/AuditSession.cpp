#include "core/wizard/AuditSession.hpp"

#include <filesystem>

#include "core/common/Text.hpp"
#include "core/model/AuditReader.hpp"
#include "core/model/AuditWriter.hpp"
#include "core/model/FormReader.hpp"

namespace par::wizard {

namespace fs = std::filesystem;

namespace {
std::string absolutePath(const std::string& p) {
    std::error_code ec;
    fs::path a = fs::absolute(fs::u8path(p), ec);
    return ec ? p : a.lexically_normal().u8string();
}

}  // namespace

void AuditSession::init() {
    validator_ = std::make_unique<AnswerValidator>(*bundle_.form, bundle_.functions);
}

std::unique_ptr<AuditSession> AuditSession::open(const std::string& path) {
    std::unique_ptr<AuditSession> s(new AuditSession);
    s->bundle_ = AuditBundle::open(path);
    s->path_ = path;
    s->init();
    return s;
}

std::unique_ptr<AuditSession> AuditSession::create(const NewAuditRequest& request) {
    std::unique_ptr<AuditSession> s(new AuditSession);
    Audit& a = s->bundle_.audit;
    a.unit.name = nfc(trim(request.unitName));
    if (a.unit.name.empty())
        throw UsageError(tr("Tên đơn vị được kiểm tra không được để trống.", "The inspected unit's name cannot be empty."));
    s->bundle_.reference = ReferenceData::bundled();
    s->bundle_.functions = formFunctions(s->bundle_.reference, std::nullopt);
    s->bundle_.form = loadFormByPathOrId(request.form, s->bundle_.reference);
    const Form& form = *s->bundle_.form;
    a.unit.type = request.unitType;
    a.unit.level = request.unitLevel;
    a.unit.province = nfc(trim(request.province));
    if (a.unit.type.empty() && form.unitTypes.size() == 1) a.unit.type = form.unitTypes.front();
    a.form.id = form.id;
    a.form.version = form.version;
    a.form.href = absolutePath(form.file);  // made relative on the first save
    a.logChange(fmt(tr("Tạo tệp kiểm tra theo biểu mẫu {} phiên bản {}", "Created with form {} version {}"), form.id,
                    form.version));
    s->dirty_ = true;
    s->init();
    return s;
}

std::unique_ptr<AuditSession> AuditSession::restore(const std::string& xml, const std::string& originalPath) {
    std::unique_ptr<AuditSession> s(new AuditSession);
    std::string name = originalPath.empty() ? std::string("recovery.audit.xml") : originalPath;
    s->bundle_.audit = AuditReader::parse(xml, name);
    Audit& a = s->bundle_.audit;
    a.file = originalPath;
    s->bundle_.reference = ReferenceData::forAudit(a);
    s->bundle_.functions = formFunctions(s->bundle_.reference, a.inspectionDate());
    s->bundle_.form = FormReader::loadValid(locateForm(a), s->bundle_.functions);
    s->path_ = originalPath;
    s->dirty_ = true;
    s->init();
    return s;
}

void AuditSession::touch() {
    dirty_ = true;
    ++changes_;
}

void AuditSession::datesChanged() {
    // The table is replaced in place: the validator and the form keep referring to the same object.
    bundle_.functions = formFunctions(bundle_.reference, bundle_.audit.inspectionDate());
    touch();
}

void AuditSession::save(const std::string& path, const std::string& what) {
    std::string target = path.empty() ? path_ : path;
    if (target.empty()) throw UsageError(tr("Chưa chọn nơi lưu tệp kiểm tra.", "No file chosen to save the audit to."));
    Audit& a = bundle_.audit;
    if (a.id.empty()) {
        std::string stem = fs::u8path(target).filename().u8string();
        auto dot = stem.find('.');
        a.id = dot == std::string::npos ? stem : stem.substr(0, dot);
    }
    // Files the audit refers to (its form, its own catalog and registry) are stored relative to the
    // audit file: after Save As elsewhere, or for a new audit whose form was given by absolute path.
    for (std::string* href : {&a.form.href, &a.catalogHref, &a.registryHref}) {
        if (href->empty()) continue;
        if (fs::u8path(*href).is_absolute() || target != path_) *href = formHref(a.resolve(*href), target);
    }
    a.logChange(what.empty() ? std::string(tr("Lưu từ ứng dụng par-audit-gui", "Saved from par-audit-gui")) : what);
    AuditWriter::save(a, target);
    path_ = target;
    dirty_ = false;
    ++changes_;
}

std::string AuditSession::toXml() const { return AuditWriter::toXml(bundle_.audit); }

const std::vector<AnswerProblem>& AuditSession::problems() const {
    if (problemsAt_ != changes_) {
        problems_ = validator_->check(bundle_.audit);
        problemsAt_ = changes_;
    }
    return problems_;
}

void AuditSession::setInputError(const FieldPath& field, const std::string& message) {
    inputErrors_[field.key()] = {field, message};
    ++changes_;
}

void AuditSession::clearInputError(const FieldPath& field) {
    if (inputErrors_.erase(field.key()) != 0) ++changes_;
}

void AuditSession::clearInputErrors(const std::string& question) {
    for (auto it = inputErrors_.begin(); it != inputErrors_.end();) {
        if (it->second.first.question == question) it = inputErrors_.erase(it);
        else ++it;
    }
    ++changes_;
}

std::optional<std::string> AuditSession::inputError(const FieldPath& field) const {
    auto it = inputErrors_.find(field.key());
    if (it == inputErrors_.end()) return std::nullopt;
    return it->second.second;
}

}  // namespace par::wizard

// SPDX-License-Identifier: Apache-2.0
#include "core/wizard/AuditSession.hpp"

#include <filesystem>

#include "core/common/Text.hpp"
#include "core/model/AuditReader.hpp"
#include "core/model/AuditWriter.hpp"
#include "core/model/FormReader.hpp"
#include "core/actions/AnswerActions.hpp"
#include "core/actions/AuditTransaction.hpp"
#include "core/tracking/AuditLock.hpp"

#include <algorithm>

namespace par::wizard {

namespace fs = std::filesystem;

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
    s->bundle_ = actions::createAudit(request);
    s->by_ = request.by;
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
    untracked_ = true;
    ++changes_;
}

namespace {
// Changes that set one field: a later one of the same field replaces the pending one.
bool sameField(const ChangeCode& a, const ChangeCode& b) {
    bool setter = a.code == "details.set" || a.code == "details.clear" || a.code == "notice.set" || a.code == "notice.clear";
    bool other = b.code == "details.set" || b.code == "details.clear" || b.code == "notice.set" || b.code == "notice.clear";
    return setter && other && a.code.substr(0, a.code.find('.')) == b.code.substr(0, b.code.find('.')) && !a.args.empty() &&
           !b.args.empty() && a.args[0] == b.args[0];
}
}  // namespace

void AuditSession::record(const ChangeCode& change) {
    auto it = std::find_if(pending_.begin(), pending_.end(), [&](const ChangeCode& p) { return sameField(p, change); });
    if (it != pending_.end()) pending_.erase(it);
    pending_.push_back(change);
    dirty_ = true;
    ++changes_;
}

void AuditSession::recordAnswer(const std::string& question) {
    answered_.insert(question);
    dirty_ = true;
    ++changes_;
}

std::vector<ChangeCode> AuditSession::pendingChanges() const {
    std::vector<ChangeCode> out;
    if (!answered_.empty()) out.push_back(actions::answeredChange(answered_));
    out.insert(out.end(), pending_.begin(), pending_.end());
    return out;
}

void AuditSession::datesChanged() {
    // The table is replaced in place: the validator and the form keep referring to the same object.
    bundle_.functions = formFunctions(bundle_.reference, bundle_.audit.inspectionDate());
    touch();
}

void AuditSession::save(const std::string& path) {
    std::string target = path.empty() ? path_ : path;
    if (target.empty()) throw UsageError(tr("Chưa chọn nơi lưu tệp kiểm tra.", "No file chosen to save the audit to."));
    track::LockOptions lockOptions;
    lockOptions.owner = by_;
    track::AuditLock lock(target, lockOptions);
    Audit& a = bundle_.audit;
    // Files the audit refers to (its form, its own catalog and registry) are stored relative to the
    // audit file: after Save As elsewhere.
    if (!path_.empty() && target != path_)
        for (std::string* href : {&a.form.href, &a.catalogHref, &a.registryHref})
            if (!href->empty()) *href = formHref(a.resolve(*href), target);
    std::vector<ChangeCode> changes = pendingChanges();
    if (changes.empty() && untracked_) changes.push_back({"app.save", {}});
    Audit before = a;
    actions::logChanges(a, changes, by_);
    try {
        if (path_.empty() || (target != path_ && a.file.empty())) actions::saveNewAudit(bundle_, target);
        else AuditWriter::save(a, target);
    } catch (...) {
        a = before;  // nothing was written: the pending changes stay pending
        throw;
    }
    pending_.clear();
    answered_.clear();
    untracked_ = false;
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

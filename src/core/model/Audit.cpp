// SPDX-License-Identifier: Apache-2.0
#include "core/model/Audit.hpp"

#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "core/common/Clock.hpp"
#include "core/common/DataPaths.hpp"
#include "core/common/Platform.hpp"
#include "core/common/Sha256.hpp"
#include "core/common/Text.hpp"
#include "core/model/AuditWriter.hpp"

namespace par {

bool Finding::operator==(const Finding& o) const {
    return id == o.id && origin == o.origin && rule == o.rule && key == o.key && category == o.category &&
           severity == o.severity && area == o.area && state == o.state && edited == o.edited &&
           dismissed == o.dismissed && dismissReason == o.dismissReason && duplicateOf == o.duplicateOf &&
           text == o.text && legalBasis == o.legalBasis && recommendation.text == o.recommendation.text &&
           recommendation.deadline.str() == o.recommendation.deadline.str() &&
           recommendation.responsible == o.recommendation.responsible;
}

const char* actionStatusName(ActionStatus s) {
    switch (s) {
        case ActionStatus::Open: return "open";
        case ActionStatus::Reported: return "reported";
        case ActionStatus::Accepted: return "accepted";
        case ActionStatus::Reopened: return "reopened";
    }
    return "open";
}

const char* actionStatusLabel(ActionStatus s) {
    switch (s) {
        case ActionStatus::Open: return tr("Chưa thực hiện", "Open");
        case ActionStatus::Reported: return tr("Đã báo cáo", "Reported");
        case ActionStatus::Accepted: return tr("Đã hoàn thành", "Accepted");
        case ActionStatus::Reopened: return tr("Yêu cầu làm lại", "Reopened");
    }
    return "";
}

std::optional<ActionStatus> parseActionStatus(std::string_view name) {
    if (name == "open") return ActionStatus::Open;
    if (name == "reported") return ActionStatus::Reported;
    if (name == "accepted") return ActionStatus::Accepted;
    if (name == "reopened") return ActionStatus::Reopened;
    return std::nullopt;
}

bool ActionEvent::operator==(const ActionEvent& o) const {
    return kind == o.kind && at == o.at && by == o.by && from == o.from && to == o.to &&
           oldRule == o.oldRule && oldDeadline == o.oldDeadline && newDeadline == o.newDeadline &&
           note == o.note && declaredBy == o.declaredBy && source == o.source && signedBy == o.signedBy;
}

bool Action::operator==(const Action& o) const {
    return id == o.id && finding == o.finding && responsible == o.responsible &&
           deadlineRule.str() == o.deadlineRule.str() && deadline == o.deadline &&
           status == o.status && stale == o.stale && content == o.content && report == o.report &&
           history == o.history;
}

std::optional<Date> Audit::inspectionDate() const { return visitEnd ? visitEnd : visitStart; }

Finding* Audit::findFinding(const std::string& fid) {
    for (auto& f : findings)
        if (f.id == fid) return &f;
    return nullptr;
}

const Finding* Audit::findFinding(const std::string& fid) const {
    for (const auto& f : findings)
        if (f.id == fid) return &f;
    return nullptr;
}

std::string Audit::nextFindingId() const {
    int highest = 0;
    for (const auto& f : findings) {
        if (f.id.rfind("F-", 0) == 0) {
            int n = std::atoi(f.id.c_str() + 2);
            if (n > highest) highest = n;
        }
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "F-%03d", highest + 1);
    return buf;
}

Action* Audit::findAction(const std::string& aid) {
    for (auto& a : actions)
        if (a.id == aid) return &a;
    return nullptr;
}

const Action* Audit::findAction(const std::string& aid) const {
    for (const auto& a : actions)
        if (a.id == aid) return &a;
    return nullptr;
}

std::string Audit::nextActionId() const {
    int highest = 0;
    for (const auto& a : actions) {
        if (a.id.rfind("A-", 0) == 0) {
            int n = std::atoi(a.id.c_str() + 2);
            if (n > highest) highest = n;
        }
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "A-%03d", highest + 1);
    return buf;
}

void Audit::logChange(const std::string& what, const std::string& by) {
    changeLog.push_back({nowIso(), by.empty() ? loginName() : by, what, "", {}});
}

void Audit::logChange(const ChangeCode& change, const std::string& by) {
    changeLog.push_back({nowIso(), by.empty() ? loginName() : by, "", change.code, change.args});
}

std::string Audit::resolve(const std::string& href) const {
    if (href.empty() || platform::isAbsolutePath(href)) return href;
    auto slash = file.find_last_of(platform::kPathSeparators);
    if (slash == std::string::npos) return href;
    return file.substr(0, slash + 1) + href;
}

std::string Audit::formPath() const {
    if (!form.href.empty()) return resolve(form.href);
    return dataPath("forms/" + form.id + ".xml");
}

std::string Audit::fingerprint() const {
    Audit copy = *this;
    copy.revision = 0;
    copy.changeLog.clear();
    // Always hashed as format 1: what format 2 added is written only when used, so an audit that
    // uses none of it keeps the fingerprint its printed documents carry.
    return sha256Hex(AuditWriter::toXml(copy, 1));
}

bool Audit::sameContent(const Audit& other) const { return fingerprint() == other.fingerprint(); }

namespace {
// Length-prefixed fields, so that no choice of texts can make two different lists collide.
void field(std::string& out, std::string_view s) {
    out += std::to_string(s.size());
    out += ':';
    out += s;
    out += ';';
}
}  // namespace

std::string Audit::conclusionsFingerprint() const {
    std::string s = "par-audit-conclusions-1;";
    field(s, id);
    field(s, unit.name);
    field(s, std::to_string(findings.size()));
    for (const auto& f : findings) {
        field(s, f.id);
        field(s, f.text);
        field(s, f.recommendation.text);
    }
    field(s, std::to_string(actions.size()));
    for (const auto& a : actions) {
        field(s, a.id);
        field(s, a.finding);
        field(s, a.content);
        field(s, a.responsible);
        field(s, a.deadlineRule.str());
        field(s, a.deadline ? isoDate(*a.deadline) : "");
    }
    return sha256Hex(s);
}

}  // namespace par

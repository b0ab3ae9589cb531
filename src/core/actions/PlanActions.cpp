// SPDX-License-Identifier: Apache-2.0
#include "core/actions/PlanActions.hpp"

#include <filesystem>

#include "core/actions/AuditTransaction.hpp"
#include "core/common/Text.hpp"
#include "core/tracking/EvidenceStore.hpp"
#include "core/tracking/PlanXlsx.hpp"
#include "core/tracking/ResponseArchive.hpp"
#include "core/tracking/ResponseSignature.hpp"

namespace par::actions {

namespace {
void checkSeen(const Audit& audit, const Action& now, const Action* seen) {
    if (seen == nullptr) return;
    if (now.status != seen->status || now.deadline != seen->deadline || now.report != seen->report)
        throw StaleViewError(fmt(tr("{}: hành động {} đã được thay đổi trong tệp kể từ khi đọc sổ theo dõi; "
                                    "hãy xem lại rồi thực hiện lại.",
                                    "{}: action {} changed in the file since the register was read: check it and try again."),
                                 audit.file, now.id));
}
}  // namespace

Action& requireAction(Audit& audit, const std::string& id) {
    Action* a = audit.findAction(id);
    if (a == nullptr)
        throw UsageError(fmt(tr("{}: không có hành động '{}' (xem: par-audit track <thư mục>)",
                                "{}: no action '{}' (see: par-audit track <folder>)"),
                             audit.file, id));
    return *a;
}

std::optional<ChangeCode> makePlan(Audit& audit, const cal::WorkingCalendar& calendar, track::MakeReport* out) {
    track::MakeReport r = track::makeActions(audit, calendar);
    if (out != nullptr) *out = r;
    if (!r.changed()) return std::nullopt;
    return ChangeCode{"plan.make",
                      {std::to_string(r.added.size()), std::to_string(r.staled.size() + r.unstaled.size()),
                       std::to_string(r.redated.size())}};
}

ChangeCode addPlanAction(Audit& audit, const std::string& finding, const std::string& content, const std::string& responsible,
                         const DeadlineRule& rule, const cal::WorkingCalendar& calendar) {
    std::string id = track::addAction(audit, finding, content, responsible, rule, calendar);
    return {"plan.add", {id, finding}};
}

ChangeCode acceptPlanAction(Audit& audit, const std::string& id, const std::string& by, const std::string& note,
                            const Action* seen) {
    Action& a = requireAction(audit, id);
    checkSeen(audit, a, seen);
    track::acceptAction(a, by, note);
    return {"action.accept", {id}};
}

ChangeCode reopenPlanAction(Audit& audit, const std::string& id, const std::string& by, const std::string& note,
                            const Action* seen) {
    Action& a = requireAction(audit, id);
    checkSeen(audit, a, seen);
    track::reopenAction(a, by, note);
    return {"action.reopen", {id, note}};
}

ChangeCode extendPlanAction(Audit& audit, const std::string& id, Date newDeadline, const std::string& reason,
                            const std::string& by, const Action* seen) {
    Action& a = requireAction(audit, id);
    checkSeen(audit, a, seen);
    track::extendAction(a, newDeadline, reason, by);
    return {"action.extend", {id, isoDate(newDeadline), reason}};
}

Date parseNewDeadline(const std::string& text) {
    auto d = parseUserDate(trim(text));
    if (!d)
        throw UsageError(fmt(tr("thời hạn mới '{}' không hợp lệ (DD/MM/YYYY)", "invalid new deadline '{}' (DD/MM/YYYY)"), text));
    return *d;
}

ResponseImport importResponseFile(const std::string& auditPath, const std::string& responsePath,
                                  const std::string& by, const track::ImportInput& base) {
    // A plan workbook the unit filled (PlanXlsx.hpp) becomes a response like any other.
    track::ResponsePackage pkg = track::readAnyResponse(responsePath);
    std::optional<track::ResponseSigner> signer = track::checkResponseSignatureFor(
        auditPath, pkg.response.unit, pkg.xml, pkg.signature, std::filesystem::path(responsePath).filename().string());
    track::ImportInput input = base;
    input.evidence = std::move(pkg.evidence);
    input.entryProblems = std::move(pkg.entryProblems);
    ResponseImport out;
    out.unit = pkg.response.unit;
    track::EvidenceStaging staging(auditPath);
    TransactionResult t = modifyAuditFile(
        auditPath,
        [&](Audit& audit) -> std::vector<ChangeCode> {
            out.result = track::importResponse(audit, pkg.response, by, input);
            if (signer)
                for (const auto& id : out.result.merged)
                    if (Action* a = audit.findAction(id); a != nullptr && !a->history.empty())
                        a->history.back().signedBy = signer->subject;
            // Staged before the save: a failure here leaves the audit unsaved and no evidence.
            for (const auto& [id, files] : out.result.evidence) staging.stage(id, files);
            if (!out.result.changed()) return {};
            return {out.result.change};
        },
        TransactionOptions{by});
    out.brokenLockOwner = t.brokenLockOwner;
    out.signer = signer;
    if (!t.changes.empty()) out.evidenceFolders = staging.commit();
    return out;
}

}  // namespace par::actions

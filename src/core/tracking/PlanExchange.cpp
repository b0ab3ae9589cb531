#include "core/tracking/PlanExchange.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "core/common/DataPaths.hpp"
#include "core/common/Text.hpp"
#include "core/tracking/ActionPlan.hpp"

namespace par::track {

namespace {
bool sameUnit(const std::string& a, const std::string& b) {
    return foldKey(a) == foldKey(b);
}

std::string joinLines(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines)
        out += (out.empty() ? "" : "\n") + l;
    return out;
}

std::string dateOrNone(const std::optional<Date>& d) {
    return d ? isoDate(*d) : std::string(tr("(không có)", "(none)"));
}

std::string noticeRef(const Audit& a) {
    if (a.notice.number.empty())
        return "";
    return a.notice.symbol.empty() ? a.notice.number : a.notice.number + "/" + a.notice.symbol;
}
}  // namespace

std::vector<std::string> responsibleUnits(const Audit& audit) {
    std::vector<std::string> units;
    for (const auto& a : audit.actions)
        if (std::none_of(units.begin(), units.end(),
                         [&](const std::string& u) { return sameUnit(u, a.responsible); }))
            units.push_back(a.responsible);
    return units;
}

PlanFile exportPlan(const Audit& audit, const std::string& unit) {
    PlanFile p;
    p.kind = PlanFile::Kind::Plan;
    p.auditId = audit.id;
    p.fingerprint = audit.conclusionsFingerprint();
    p.inspectedUnit = audit.unit.name;
    p.noticeNumber = noticeRef(audit);
    p.noticeDate = audit.notice.date;
    p.exportedAt = nowIso();
    for (const auto& a : audit.actions) {
        if (!sameUnit(a.responsible, unit))
            continue;
        if (p.unit.empty())
            p.unit = a.responsible;
        PlanAction pa;
        pa.action = a;
        pa.action.history.clear();  // the Department's own record; the unit needs the current state
        pa.action.stale = false;
        if (const Finding* f = audit.findFinding(a.finding))
            pa.findingText = f->text;
        p.actions.push_back(std::move(pa));
    }
    if (p.actions.empty()) {
        std::string list;
        for (const auto& u : responsibleUnits(audit))
            list += "\n  " + u;
        if (list.empty())
            list =
                std::string("\n  ") + tr("(chưa có hành động nào: chạy par-audit plan make trước)",
                                         "(no actions yet: run par-audit plan make first)");
        throw UsageError(fmt(tr("không có hành động nào giao cho '{}'. Các đơn vị có hành động:{}",
                                "no action is assigned to '{}'. Units with actions:{}"),
                             unit, list));
    }
    return p;
}

void respond(PlanFile& file, const std::string& actionId, ActionStatus status,
             const ActionReport& report, const std::string& by) {
    PlanAction* pa = file.find(actionId);
    if (pa == nullptr) {
        std::string ids;
        for (const auto& a : file.actions)
            ids += (ids.empty() ? "" : ", ") + a.action.id;
        throw UsageError(
            fmt(tr("{}: không có hành động '{}' (có: {})", "{}: no action '{}' (there are: {})"),
                file.file, actionId, ids));
    }
    if (status != ActionStatus::Reported)
        throw TransitionError(
            fmt(tr("{}: đơn vị chỉ có thể báo cáo kết quả (--status reported); "
                   "việc công nhận hoặc yêu cầu làm lại do đoàn kiểm tra quyết định",
                   "{}: a unit can only report (--status reported); accepting or "
                   "reopening is for the inspectors"),
                actionId));
    for (const auto& ev : report.evidence)
        if (!isPlainFileName(ev))
            throw UsageError(fmt(tr("{}: minh chứng '{}' phải là tên tệp, không phải đường dẫn",
                                    "{}: evidence '{}' must be a file name, not a path"),
                                 actionId, ev));
    reportAction(pa->action, report, by);
    pa->action.history.clear();  // the response carries fields, not the unit's own history
    file.kind = PlanFile::Kind::Response;
    file.respondedAt = nowIso();
    if (!by.empty())
        file.respondedBy = by;
}

ImportRefused::ImportRefused(std::vector<std::string> reasons)
    : Error(joinLines(reasons)), reasons_(std::move(reasons)) {}

ImportResult importResponse(Audit& audit, const PlanFile& r, const std::string& by) {
    std::vector<std::string> why;
    const std::string& f = r.file;
    if (r.kind != PlanFile::Kind::Response)
        throw ImportRefused({fmt(
            tr("{}: đây là tệp kế hoạch, chưa phải báo cáo của đơn vị "
               "(tạo báo cáo bằng par-audit plan respond)",
               "{}: this is a plan, not a unit's response (make one with par-audit plan respond)"),
            f)});
    if (r.auditId != audit.id)
        throw ImportRefused({fmt(tr("{}: báo cáo dành cho đợt kiểm tra '{}', không phải '{}'",
                                    "{}: the response is for audit '{}', not '{}'"),
                                 f, r.auditId, audit.id)});
    std::vector<std::string> units = responsibleUnits(audit);
    if (std::none_of(units.begin(), units.end(),
                     [&](const std::string& u) { return sameUnit(u, r.unit); }))
        why.push_back(fmt(tr("{}: đơn vị '{}' không được giao hành động nào trong đợt kiểm tra này",
                             "{}: unit '{}' has no action in this audit"),
                          f, r.unit));
    if (!r.inspectedUnit.empty() && r.inspectedUnit != audit.unit.name)
        why.push_back(fmt(tr("{}: đơn vị được kiểm tra đã bị sửa ('{}', trong tệp kiểm tra: '{}')",
                             "{}: the inspected unit was changed ('{}'; the audit says '{}')"),
                          f, r.inspectedUnit, audit.unit.name));
    if (r.noticeDate != audit.notice.date ||
        (!r.noticeNumber.empty() && r.noticeNumber != noticeRef(audit)))
        why.push_back(fmt(
            tr("{}: số hoặc ngày của thông báo kết luận đã khác ({} {}; trong tệp kiểm tra: {} {})",
               "{}: the notice number or date differs ({} {}; the audit says {} {})"),
            f, r.noticeNumber, dateOrNone(r.noticeDate), noticeRef(audit),
            dateOrNone(audit.notice.date)));

    struct Merge {
        Action* target;
        const Action* from;
    };
    std::vector<Merge> merges;
    ImportResult result;
    // Indexed once: a response of n actions against an audit of n is checked in linear time, not
    // with a search of the audit per action (docs/reliability.md, "Linear time").
    std::unordered_map<std::string_view, Action*> actionById;
    for (auto& a : audit.actions)
        actionById.emplace(a.id, &a);
    std::unordered_map<std::string_view, const Finding*> findingById;
    for (const auto& fd : audit.findings)
        findingById.emplace(fd.id, &fd);
    for (const auto& pa : r.actions) {
        const Action& in = pa.action;
        auto found = actionById.find(in.id);
        Action* cur = found != actionById.end() ? found->second : nullptr;
        auto changed = [&](const char* vi, const char* en, const std::string& was,
                           const std::string& now) {
            why.push_back(fmt(tr("{}: {}: {} đã bị sửa (trong tệp: '{}'; trong kết luận: '{}')",
                                 "{}: {}: {} was changed (file: '{}'; conclusions: '{}')"),
                              f, in.id, tr(vi, en), was, now));
        };
        if (cur == nullptr) {
            why.push_back(fmt(tr("{}: {}: không có hành động này trong kết luận kiểm tra",
                                 "{}: {}: the conclusions have no such action"),
                              f, in.id));
            continue;
        }
        if (!sameUnit(cur->responsible, r.unit))
            why.push_back(fmt(tr("{}: {}: hành động này giao cho '{}', không phải '{}'",
                                 "{}: {}: this action is assigned to '{}', not '{}'"),
                              f, in.id, cur->responsible, r.unit));
        if (in.responsible != cur->responsible)
            changed("đơn vị chịu trách nhiệm", "the responsible unit", in.responsible,
                    cur->responsible);
        if (in.finding != cur->finding)
            changed("phát hiện liên quan", "the finding it remedies", in.finding, cur->finding);
        if (in.content != cur->content)
            changed("nội dung hành động", "the action's content", in.content, cur->content);
        if (in.deadlineRule.str() != cur->deadlineRule.str())
            changed("cách tính thời hạn", "the deadline rule", in.deadlineRule.str(),
                    cur->deadlineRule.str());
        if (in.deadline != cur->deadline)
            changed("thời hạn", "the deadline", dateOrNone(in.deadline), dateOrNone(cur->deadline));
        auto fd = findingById.find(cur->finding);
        std::string findingText = fd != findingById.end() ? fd->second->text : std::string();
        if (!pa.findingText.empty() && pa.findingText != findingText)
            changed("nội dung phát hiện", "the finding's text", pa.findingText, findingText);
        if (in.status == ActionStatus::Accepted) {
            // A plan exported after the inspectors accepted an action carries it as accepted: left
            // as exported it is simply not answered. Only the inspectors can accept.
            if (cur->status != ActionStatus::Accepted)
                why.push_back(fmt(tr("{}: {}: đơn vị không thể tự đánh dấu 'đã hoàn thành'",
                                     "{}: {}: a unit cannot mark an action accepted"),
                                  f, in.id));
            else if (!(in.report == cur->report))
                why.push_back(fmt(tr("{}: {}: đoàn kiểm tra đã công nhận hoàn thành hành động này; "
                                     "báo cáo của nó không được sửa",
                                     "{}: {}: the inspectors already accepted this action; its "
                                     "report cannot be changed"),
                                  f, in.id));
            continue;
        }
        if (in.status != ActionStatus::Reported)
            continue;  // not answered in this response
        if (!in.report.date)
            why.push_back(
                fmt(tr("{}: {}: báo cáo thiếu ngày", "{}: {}: the report has no date"), f, in.id));
        if (in.report == cur->report) {
            // Already merged (or, when reopened since, the same old report: the unit must send a
            // new one). Either way a re-import changes nothing.
            result.unchanged.push_back(in.id);
            continue;
        }
        if (cur->status == ActionStatus::Accepted) {
            why.push_back(fmt(tr("{}: {}: đoàn kiểm tra đã công nhận hoàn thành hành động này; báo "
                                 "cáo mới không được nhập",
                                 "{}: {}: the inspectors already accepted this action; the new "
                                 "report is not merged"),
                              f, in.id));
            continue;
        }
        merges.push_back({cur, &in});
    }
    if (r.fingerprint != audit.conclusionsFingerprint())
        why.push_back(fmt(tr("{}: dấu vân tay kết luận khác với tệp kiểm tra hiện tại: kết luận đã "
                             "thay đổi sau khi xuất "
                             "kế hoạch, hoặc tệp đã bị sửa. Hãy xuất lại kế hoạch (par-audit plan "
                             "export) cho đơn vị.",
                             "{}: the conclusions fingerprint differs from the audit's: the "
                             "conclusions changed after "
                             "the plan was exported, or the file was edited. Export the plan again "
                             "(par-audit plan export)."),
                          f));
    if (!why.empty())
        throw ImportRefused(std::move(why));

    std::string who = !r.respondedBy.empty() ? r.respondedBy : r.unit;
    std::string list;
    for (const auto& m : merges) {
        // The history keeps values, not a sentence in this session's language: who reported
        // (the event's `by`) and the response file it came from (the note).
        reportAction(*m.target, m.from->report, who, f);
        result.merged.push_back(m.target->id);
        list += (list.empty() ? "" : ", ") + m.target->id;
    }
    if (result.changed())
        result.change = ChangeCode{"plan.import", {r.unit, f, list}};
    (void)by;
    return result;
}

}  // namespace par::track

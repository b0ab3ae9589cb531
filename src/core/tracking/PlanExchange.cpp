// SPDX-License-Identifier: Apache-2.0
#include "core/tracking/PlanExchange.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "core/common/Clock.hpp"
#include "core/common/DataPaths.hpp"
#include "core/common/Sha256.hpp"
#include "core/common/Text.hpp"
#include "core/common/UnitName.hpp"
#include "core/tracking/ActionPlan.hpp"
#include "core/tracking/ResponseArchive.hpp"

namespace par::track {

namespace {
std::string joinLines(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines)
        out += (out.empty() ? "" : "\n") + l;
    return out;
}

std::string joinComma(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items)
        out += (out.empty() ? "" : ", ") + i;
    return out;
}

// When an answer was made, as people read it: "09:12 ngày 10/01/2019" (the ISO value when it is
// not one).
std::string madeText(const std::string& iso) {
    const auto day = parseIsoDate(std::string_view(iso).substr(0, 10));
    if (!day || iso.size() < 16 || iso[10] != 'T')
        return iso;
    return fmt(tr("{} ngày {}", "{} on {}"), iso.substr(11, 5), vietnameseDate(*day));
}

std::string dateOrNone(const std::optional<Date>& d) {
    return d ? vietnameseDate(*d) : std::string(tr("(không có)", "(none)"));
}

std::string noticeRef(const Audit& a) {
    if (a.notice.number.empty())
        return "";
    return a.notice.symbol.empty() ? a.notice.number : a.notice.number + "/" + a.notice.symbol;
}

std::string baseName(const std::string& path) {
    size_t slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

void field(std::string& s, std::string_view v) {
    s += std::to_string(v.size());
    s += ':';
    s += v;
    s += ';';
}

bool isDecision(const ActionEvent& e) {
    return e.kind == ActionEvent::Kind::Extension ||
           (e.kind == ActionEvent::Kind::Status &&
            (e.to == ActionStatus::Accepted || e.to == ActionStatus::Reopened));
}

std::string findingTextOf(const Audit& audit, const Action& a) {
    for (const auto& f : audit.findings)
        if (f.id == a.finding)
            return f.text;
    return "";
}

std::string unitList(const Audit& audit) {
    std::string list;
    for (const auto& u : responsibleUnits(audit))
        list += "\n  " + u;
    if (list.empty())
        list = std::string("\n  ") + tr("(chưa có hành động nào: chạy par-audit plan make trước)",
                                        "(no actions yet: run par-audit plan make first)");
    return list;
}

std::string suggestionText(const Audit& audit, const std::string& unit) {
    std::vector<std::string> near = unitSuggestions(audit, unit);
    if (near.empty())
        return "";
    return fmt(tr("; có phải: {}?", "; did you mean: {}?"), joinComma(near));
}

// Neutral words for what the inspectors did to an action since the unit's copy was exported:
// the decisions after the first `seen` ones, and edited fields.
std::string whatChanged(const Action& cur, const PlanAction& pa, const std::string& findingText,
                        int seen) {
    std::vector<std::string> what;
    int n = 0;
    auto add = [&](const char* vi, const char* en) {
        std::string w = tr(vi, en);
        if (std::find(what.begin(), what.end(), w) == what.end())
            what.push_back(w);
    };
    for (const auto& e : cur.history) {
        if (!isDecision(e))
            continue;
        if (n++ < seen)
            continue;
        if (e.kind == ActionEvent::Kind::Extension)
            add("đã được gia hạn", "was extended");
        else if (e.to == ActionStatus::Reopened)
            add("đã được yêu cầu làm lại", "was reopened");
        else
            add("đã được công nhận hoàn thành", "was accepted");
    }
    const Action& in = pa.action;
    if (in.content != cur.content || in.finding != cur.finding || pa.findingText != findingText ||
        in.responsible != cur.responsible)
        add("đã được sửa nội dung", "was edited");
    else if ((in.deadline != cur.deadline || in.deadlineRule.str() != cur.deadlineRule.str()) &&
             what.empty())
        add("đã được đổi thời hạn", "had its deadline changed");
    if (what.empty())
        add("đã thay đổi", "changed");
    std::string joined;
    for (size_t i = 0; i < what.size(); ++i)
        joined += (i == 0 ? "" : tr(" và ", " and ")) + what[i];
    return fmt(tr("{} {} sau khi xuất kế hoạch: xuất lại kế hoạch cho đơn vị",
                  "{} {} after the plan was exported: export the plan for the unit again"),
               cur.id, joined);
}
}  // namespace

std::vector<std::string> responsibleUnits(const Audit& audit) {
    std::vector<std::string> units, keys;
    for (const auto& a : audit.actions) {
        std::string k = unitKey(a.responsible);
        if (std::find(keys.begin(), keys.end(), k) == keys.end()) {
            keys.push_back(k);
            units.push_back(a.responsible);
        }
    }
    return units;
}

std::vector<std::string> unitSuggestions(const Audit& audit, const std::string& unit) {
    std::vector<std::string> out;
    const std::string want = foldKey(unit);
    for (const auto& u : responsibleUnits(audit)) {
        const std::string k = foldKey(u);
        if (k == want || (!want.empty() && k.find(want) != std::string::npos))
            out.push_back(u);
    }
    return out;
}

int inspectorDecisions(const Action& action) {
    return static_cast<int>(std::count_if(action.history.begin(), action.history.end(), isDecision));
}

std::string actionFingerprint(const Action& a, const std::string& findingText, int decisions) {
    std::string s = "par-audit-action-2;";
    field(s, a.id);
    field(s, a.finding);
    field(s, findingText);
    field(s, a.responsible);
    field(s, a.content);
    field(s, a.deadlineRule.str());
    field(s, a.deadline ? isoDate(*a.deadline) : "");
    field(s, std::to_string(decisions));
    return sha256Hex(s);
}

PlanFile exportPlan(const Audit& audit, const std::string& unit) {
    PlanFile p;
    p.kind = PlanFile::Kind::Plan;
    p.auditId = audit.id;
    p.inspectedUnit = audit.unit.name;
    p.noticeNumber = noticeRef(audit);
    p.noticeDate = audit.notice.date;
    p.exportedAt = nowIso();
    p.exportId = randomId();
    const std::string key = unitKey(unit);
    for (const auto& a : audit.actions) {
        if (unitKey(a.responsible) != key)
            continue;
        if (p.unit.empty())
            p.unit = a.responsible;
        PlanAction pa;
        pa.action = a;
        pa.action.history.clear();  // the Department's own record; the notes below say why
        pa.action.stale = false;
        pa.findingText = findingTextOf(audit, a);
        pa.fingerprint = actionFingerprint(a, pa.findingText, inspectorDecisions(a));
        for (const auto& e : a.history) {
            bool reopen = e.kind == ActionEvent::Kind::Status && e.to == ActionStatus::Reopened;
            if (!reopen && e.kind != ActionEvent::Kind::Extension)
                continue;
            InspectorNote n;
            n.kind = reopen ? InspectorNote::Kind::Reopen : InspectorNote::Kind::Extension;
            n.date = parseIsoDate(std::string_view(e.at).substr(0, 10));
            n.text = e.note;
            pa.notes.push_back(std::move(n));
        }
        p.actions.push_back(std::move(pa));
    }
    if (p.actions.empty())
        throw UsageError(fmt(tr("không có đơn vị '{}'{}\nCác đơn vị có hành động:{}",
                                "no unit '{}'{}\nUnits with actions:{}"),
                             unit, suggestionText(audit, unit), unitList(audit)));
    return p;
}

std::string reportDateProblem(const std::string& actionId, Date date, const std::optional<Date>& noticeDate,
                              const std::optional<Date>& today) {
    if (noticeDate && date < *noticeDate)
        return fmt(tr("{}: ngày báo cáo {} trước ngày thông báo kết luận {}",
                      "{}: the report date {} is before the notice date {}"),
                   actionId, vietnameseDate(date), vietnameseDate(*noticeDate));
    if (today && date > *today)
        return fmt(tr("{}: ngày báo cáo {} sau ngày hôm nay {}", "{}: the report date {} is after today {}"),
                   actionId, vietnameseDate(date), vietnameseDate(*today));
    return "";
}

std::optional<Date> clockToday() {
    return parseIsoDate(std::string_view(nowIso()).substr(0, 10));
}

void respond(PlanFile& file, const std::string& actionId, ActionStatus status,
             const ActionReport& report, const std::string& by,
             const std::vector<EvidenceRef>& evidence) {
    if (file.formatVersion < 2)
        throw UsageError(fmt(tr("{}: tệp kế hoạch theo định dạng cũ (1); xin Sở xuất lại kế hoạch "
                                "(par-audit plan export) rồi trả lời trên tệp mới",
                                "{}: a plan file of the old format (1); ask the Department to "
                                "export the plan again (par-audit plan export) and answer that"),
                             file.file));
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
    if (pa->action.status == ActionStatus::Accepted)
        throw TransitionError(fmt(tr("{}: đoàn kiểm tra đã công nhận hoàn thành hành động này",
                                     "{}: the inspectors already accepted this action"),
                                  actionId));
    if (!report.date)
        throw UsageError(
            fmt(tr("{}: báo cáo phải có ngày", "{}: a report needs its date"), actionId));
    // Refused here, where the unit can correct it, rather than days later at the import.
    if (std::string why = reportDateProblem(actionId, *report.date, file.noticeDate, clockToday()); !why.empty())
        throw UsageError(why);
    for (const auto& name : report.evidence)
        if (std::string why = evidenceNameProblem(name); !why.empty())
            throw UsageError(fmt(tr("{}: tên tệp minh chứng '{}' không dùng được: {}",
                                    "{}: the evidence file name '{}' cannot be used: {}"),
                                 actionId, name, why));
    if (evidence.size() != report.evidence.size())
        throw UsageError(fmt(tr("{}: mỗi minh chứng phải kèm chính tệp đó (--evidence ĐƯỜNG-DẪN)",
                                "{}: each evidence must come with its file (--evidence PATH)"),
                             actionId));
    for (size_t i = 0; i < evidence.size(); ++i) {
        const std::string& name = report.evidence[i];
        if (name != evidence[i].file)
            throw UsageError(fmt(tr("{}: minh chứng '{}' không khớp tệp đính kèm",
                                    "{}: evidence '{}' does not match the attached file"),
                                 actionId, name));
        if (std::string why = evidenceNameProblem(name); !why.empty())
            throw UsageError(fmt(tr("{}: tên tệp minh chứng '{}' không dùng được: {}",
                                    "{}: the evidence file name '{}' cannot be used: {}"),
                                 actionId, name, why));
        if (evidence[i].size > kMaxEvidenceFileBytes)
            throw UsageError(fmt(tr("{}: minh chứng '{}' lớn hơn giới hạn {} MiB",
                                    "{}: evidence '{}' is over the {} MiB limit"),
                                 actionId, name, std::to_string(kMaxEvidenceFileBytes >> 20)));
        for (size_t k = 0; k < i; ++k)
            if (report.evidence[k] == name)
                throw UsageError(fmt(tr("{}: minh chứng '{}' bị trùng tên",
                                        "{}: evidence '{}' is named twice"),
                                     actionId, name));
    }
    const int previousSeq = pa->answered ? pa->action.report.seq : 0;
    pa->action.report = report;
    pa->action.report.made = nowIso();
    pa->action.report.seq = previousSeq + 1;
    pa->action.report.responseId.clear();
    pa->action.status = ActionStatus::Reported;
    pa->action.history.clear();
    pa->answered = true;
    pa->evidence = evidence;
    if (file.kind != PlanFile::Kind::Response || file.responseId.empty())
        file.responseId = randomId();
    file.kind = PlanFile::Kind::Response;
    file.respondedAt = pa->action.report.made;
    // Who answered, as the unit declares it: --by, else the first answerer's login name.
    if (!by.empty())
        file.declaredBy = by;
    else if (file.declaredBy.empty())
        file.declaredBy = loginName();
}

ImportRefused::ImportRefused(std::vector<std::string> reasons)
    : Error(joinLines(reasons)), reasons_(std::move(reasons)) {}

ImportResult importResponse(Audit& audit, const PlanFile& r, const std::string& by,
                            const ImportInput& input) {
    const std::string& f = r.file;
    if (r.kind != PlanFile::Kind::Response)
        throw ImportRefused({fmt(
            tr("{}: đây là tệp kế hoạch, chưa phải báo cáo của đơn vị "
               "(tạo báo cáo bằng par-audit plan respond)",
               "{}: this is a plan, not a unit's response (make one with par-audit plan respond)"),
            f)});
    if (r.formatVersion < 2)
        throw ImportRefused({fmt(
            tr("{}: báo cáo theo định dạng cũ (1) không được nhập: xuất lại kế hoạch cho đơn vị "
               "(par-audit plan export) và đề nghị đơn vị trả lời trên tệp mới",
               "{}: a response of the old format (1) is not imported: export the plan again "
               "(par-audit plan export) and ask the unit to answer that"),
            f)});
    if (r.auditId != audit.id)
        throw ImportRefused({fmt(tr("{}: báo cáo dành cho đợt kiểm tra '{}', không phải '{}'",
                                    "{}: the response is for audit '{}', not '{}'"),
                                 f, r.auditId, audit.id)});
    std::vector<std::string> why;
    const std::string unit = unitKey(r.unit);
    std::vector<std::string> units = responsibleUnits(audit);
    if (std::none_of(units.begin(), units.end(),
                     [&](const std::string& u) { return unitKey(u) == unit; }))
        why.push_back(fmt(tr("{}: đơn vị '{}' không được giao hành động nào trong đợt kiểm tra "
                             "này{}",
                             "{}: unit '{}' has no action in this audit{}"),
                          f, r.unit, suggestionText(audit, r.unit)));
    if (!r.inspectedUnit.empty() && !sameUnitName(r.inspectedUnit, audit.unit.name))
        why.push_back(fmt(tr("{}: đơn vị được kiểm tra khác ('{}'; trong tệp kiểm tra: '{}')",
                             "{}: another inspected unit ('{}'; the audit says '{}')"),
                          f, r.inspectedUnit, audit.unit.name));
    if (r.noticeDate != audit.notice.date ||
        (!r.noticeNumber.empty() && r.noticeNumber != noticeRef(audit)))
        why.push_back(fmt(
            tr("{}: số hoặc ngày của thông báo kết luận khác ({} {}; trong tệp kiểm tra: {} {})",
               "{}: the notice number or date differs ({} {}; the audit says {} {})"),
            f, r.noticeNumber, dateOrNone(r.noticeDate), noticeRef(audit),
            dateOrNone(audit.notice.date)));
    if (!why.empty())
        throw ImportRefused(std::move(why));

    const std::optional<Date> today =
        input.today ? input.today : clockToday();
    ImportResult result;
    std::unordered_map<std::string_view, Action*> actionById;
    for (auto& a : audit.actions)
        actionById.emplace(a.id, &a);
    std::unordered_map<std::string_view, const Finding*> findingById;
    for (const auto& fd : audit.findings)
        findingById.emplace(fd.id, &fd);

    struct Merge {
        Action* target;
        ActionReport report;
    };
    std::vector<Merge> merges;
    for (const auto& pa : r.actions) {
        const Action& in = pa.action;
        auto refuse = [&](const std::string& reason) { result.refused.push_back({in.id, reason}); };
        auto found = actionById.find(in.id);
        Action* cur = found != actionById.end() ? found->second : nullptr;
        if (!pa.answered) {
            // Not answered: carried as exported. A status the inspectors did not give is forged.
            if (in.status == ActionStatus::Accepted &&
                (cur == nullptr || cur->status != ActionStatus::Accepted))
                refuse(fmt(tr("{}: đơn vị không thể tự đánh dấu 'đã hoàn thành' (chỉ đoàn kiểm tra "
                              "công nhận)",
                              "{}: a unit cannot mark an action accepted (only the inspectors "
                              "accept)"),
                           in.id));
            continue;
        }
        if (cur == nullptr) {
            refuse(fmt(tr("{}: không có hành động này trong kết luận kiểm tra",
                          "{}: the conclusions have no such action"),
                       in.id));
            continue;
        }
        if (unitKey(cur->responsible) != unit) {
            refuse(fmt(tr("{}: hành động này giao cho '{}', không phải '{}'",
                          "{}: this action is assigned to '{}', not '{}'"),
                       in.id, cur->responsible, r.unit));
            continue;
        }
        // Already imported (the same answer of the same response file, made and seq included):
        // nothing to do, whatever the inspectors decided since.
        ActionReport report = in.report;
        report.responseId = r.responseId;
        if (report == cur->report) {
            result.unchanged.push_back(in.id);
            continue;
        }
        auto fd = findingById.find(cur->finding);
        const std::string findingText = fd != findingById.end() ? fd->second->text : std::string();
        const int decisions = inspectorDecisions(*cur);
        if (pa.fingerprint != actionFingerprint(*cur, findingText, decisions)) {
            int seen = -1;
            for (int n = decisions; n >= 0 && seen < 0; --n)
                if (actionFingerprint(in, pa.findingText, n) == pa.fingerprint)
                    seen = n;
            if (seen < 0)
                refuse(fmt(tr("{}: nội dung hành động trong tệp không khớp dấu vân tay của nó (tệp "
                              "đã bị sửa sau khi xuất): xuất lại kế hoạch cho đơn vị",
                              "{}: the action in the file does not match its fingerprint (the "
                              "file was edited after export): export the plan again"),
                           in.id));
            else
                result.setAside.push_back({in.id, whatChanged(*cur, pa, findingText, seen)});
            continue;
        }
        if (actionFingerprint(in, pa.findingText, decisions) != pa.fingerprint) {
            refuse(fmt(tr("{}: nội dung hành động trong tệp đã bị sửa (không khớp dấu vân tay)",
                          "{}: the action in the file was edited (it does not match its "
                          "fingerprint)"),
                       in.id));
            continue;
        }
        if (in.status != ActionStatus::Reported) {
            refuse(fmt(tr("{}: câu trả lời của đơn vị phải có trạng thái 'reported', không phải '{}'",
                          "{}: a unit's answer must have the status 'reported', not '{}'"),
                       in.id, actionStatusName(in.status)));
            continue;
        }
        if (cur->status == ActionStatus::Accepted) {
            refuse(fmt(tr("{}: đoàn kiểm tra đã công nhận hoàn thành hành động này; báo cáo mới "
                          "không được nhập",
                          "{}: the inspectors already accepted this action; the new report is "
                          "not merged"),
                       in.id));
            continue;
        }
        if (!report.date) {
            refuse(fmt(tr("{}: báo cáo thiếu ngày", "{}: the report has no date"), in.id));
            continue;
        }
        if (std::string why = reportDateProblem(in.id, *report.date, audit.notice.date, today); !why.empty()) {
            refuse(why);
            continue;
        }
        // A `made` in the future (a unit's clock set wrong) would make every later, true answer
        // look older: refused, with a day's grace for time zones.
        if (today && parseIsoDate(std::string_view(report.made).substr(0, 10)) &&
            *parseIsoDate(std::string_view(report.made).substr(0, 10)) >
                *today + boost::gregorian::days(1)) {
            refuse(fmt(tr("{}: câu trả lời ghi lập lúc {}, sau hôm nay {}: đồng hồ máy của đơn vị "
                          "sai; sửa giờ máy rồi trả lời lại",
                          "{}: the answer says it was made at {}, after today {}: the unit's "
                          "clock is wrong; fix it and answer again"),
                       in.id, madeText(report.made), vietnameseDate(*today)));
            continue;
        }
        const ActionReport& held = cur->report;
        if (!held.made.empty()) {
            if (held.responseId == report.responseId && report.seq <= held.seq) {
                refuse(fmt(tr("{}: câu trả lời cũ hơn câu đã nhập (lần sửa {} của cùng tệp báo cáo; "
                              "đã nhập lần {}): không nhập",
                              "{}: an older answer than the one imported (revision {} of the same "
                              "response; revision {} is in): not merged"),
                           in.id, std::to_string(report.seq), std::to_string(held.seq)));
                continue;
            }
            if (held.responseId != report.responseId && report.made <= held.made) {
                refuse(fmt(tr("{}: câu trả lời lập lúc {} không mới hơn câu đã nhập (lập lúc {}): "
                              "không nhập",
                              "{}: the answer made at {} is not newer than the one imported "
                              "(made at {}): not merged"),
                           in.id, madeText(report.made), madeText(held.made)));
                continue;
            }
        }
        // Evidence: exactly the files the answer names, each with its size and hash.
        std::vector<std::string> bad;
        if (auto p = input.entryProblems.find(in.id); p != input.entryProblems.end())
            bad = p->second;
        std::map<std::string, std::string> files;
        if (pa.evidence.size() != report.evidence.size())
            bad.push_back(tr("danh sách minh chứng không đủ mã băm và kích thước",
                             "the evidence list lacks hashes and sizes"));
        for (size_t i = 0; i < pa.evidence.size(); ++i) {
            const EvidenceRef& ref = pa.evidence[i];
            if (std::string w = evidenceNameProblem(ref.file); !w.empty()) {
                bad.push_back(fmt(tr("minh chứng '{}': tên không an toàn: {}",
                                     "evidence '{}': unsafe name: {}"),
                                  ref.file, w));
                continue;
            }
            if (ref.size > kMaxEvidenceFileBytes) {
                bad.push_back(fmt(tr("minh chứng '{}' lớn hơn giới hạn {} MiB",
                                     "evidence '{}' is over the {} MiB limit"),
                                  ref.file, std::to_string(kMaxEvidenceFileBytes >> 20)));
                continue;
            }
            auto e = input.evidence.find(in.id + "/" + ref.file);
            if (e == input.evidence.end()) {
                bad.push_back(fmt(tr("thiếu tệp minh chứng '{}' (gửi tệp .response.zip kèm minh chứng)",
                                     "the evidence file '{}' is missing (send the .response.zip "
                                     "with the evidence)"),
                                  ref.file));
                continue;
            }
            if (e->second.size() != ref.size || sha256Hex(e->second) != ref.sha256) {
                bad.push_back(fmt(tr("tệp minh chứng '{}' đã bị thay đổi (kích thước hoặc mã băm "
                                     "SHA-256 không khớp)",
                                     "the evidence file '{}' was altered (size or SHA-256 "
                                     "differs)"),
                                  ref.file));
                continue;
            }
            files.emplace(ref.file, e->second);
        }
        const std::string prefix = in.id + "/";
        for (auto e = input.evidence.lower_bound(prefix);
             e != input.evidence.end() && e->first.compare(0, prefix.size(), prefix) == 0; ++e)
            if (files.count(e->first.substr(prefix.size())) == 0 &&
                std::none_of(pa.evidence.begin(), pa.evidence.end(), [&](const EvidenceRef& x) {
                    return x.file == e->first.substr(prefix.size());
                }))
                bad.push_back(fmt(tr("tệp '{}' trong tệp nén không có trong báo cáo",
                                     "the file '{}' in the zip is not named by the report"),
                                  e->first.substr(prefix.size())));
        if (!bad.empty()) {
            for (const auto& b : bad)
                refuse(fmt("{}: {}", in.id, b));
            continue;
        }
        if (!files.empty())
            result.evidence[in.id] = std::move(files);
        merges.push_back({cur, std::move(report)});
    }

    const std::string who = by.empty() ? loginName() : by;
    const std::string declared = !r.declaredBy.empty() ? r.declaredBy : r.unit;
    std::vector<std::string> list;
    for (auto& m : merges) {
        reportAction(*m.target, m.report, who, "");
        ActionEvent& e = m.target->history.back();
        e.declaredBy = declared;
        e.source = baseName(f);
        result.merged.push_back(m.target->id);
        list.push_back(m.target->id);
    }
    if (result.changed())
        result.change =
            ChangeCode{"plan.import.declared", {r.unit, declared, baseName(f), joinComma(list)}};
    return result;
}

}  // namespace par::track

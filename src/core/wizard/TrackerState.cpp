// SPDX-License-Identifier: Apache-2.0
#include "core/wizard/TrackerState.hpp"

#include "core/actions/PlanActions.hpp"
#include "core/tracking/PlanXlsx.hpp"
#include "core/tracking/ResponseArchive.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

#include "core/common/Dates.hpp"
#include "core/common/Text.hpp"
#include "core/common/UnitName.hpp"
#include "core/model/AuditReader.hpp"
#include "core/model/AuditWriter.hpp"
#include "core/tracking/ActionPlan.hpp"
#include "core/actions/AuditTransaction.hpp"
#include "core/actions/PlanActions.hpp"
#include "core/tracking/AuditLock.hpp"
#include "core/tracking/Deadlines.hpp"
#include "core/tracking/RegisterCache.hpp"
#include "core/tracking/ResponseArchive.hpp"

namespace par::wizard {

using namespace par::track;

namespace {

// The only place that reads the fields of a RegisterEntry for display.
TrackerRow rowOf(const RegisterEntry& e, size_t index, bool dueSoon) {
    TrackerRow r;
    r.entry = index;
    r.unit = e.inspectedUnit();
    r.audit = e.noticeRef().empty() ? e.auditId() : e.auditId() + " (" + e.noticeRef() + ")";
    r.action = e.action().id + " (" + e.action().finding + "): " + e.action().content;
    r.responsible = e.action().responsible;
    r.deadline = e.action().deadline ? vietnameseDate(*e.action().deadline) : "—";
    r.status = actionStatusLabel(e.action().status);
    if (e.action().stale)
        r.status += tr(" (cần xem lại)", " (to review)");
    r.overdue = e.overdue ? std::to_string(e.daysOverdue) : "";
    r.highlight = e.overdue;
    r.dueSoon = dueSoon;
    return r;
}

std::string byOrLogin(const std::string& by) { return by.empty() ? loginName() : by; }

}  // namespace

Register TrackerState::scan(const std::string& dir, Date asOf, const cal::WorkingCalendar& calendar,
                            Progress& progress) {
    // The user's register cache, as `par-audit track` uses it: reopening a large workspace parses
    // only the files changed since.
    return Register::scan(dir, asOf, calendar, progress,
                          ScanOptions{0, RegisterCache::defaultFolder()});
}

TrackerState::TrackerState(std::string dir, Register reg, cal::WorkingCalendar calendar)
    : dir_(std::move(dir)), reg_(std::move(reg)), calendar_(std::move(calendar)) {
    rebuildRows();
}

void TrackerState::setAsOf(Date asOf) {
    reg_.asOf = asOf;
    recomputeOverdue();
    rebuildRows();
}

void TrackerState::setFilter(const TrackerFilter& filter) {
    filter_ = filter;
    rebuildRows();
}

void TrackerState::recomputeOverdue() {
    for (auto& e : reg_.entries) {
        e.overdue = isOverdue(e.action(), reg_.asOf);
        e.daysOverdue = workingDaysOverdue(e.action(), reg_.asOf, calendar_);
    }
}

void TrackerState::rebuildRows() {
    // Register::filtered's rules (the same matcher), but keeping the index of each entry.
    RegisterMatcher matches(filter_, reg_.asOf, calendar_);
    rows_.clear();
    for (size_t i = 0; i < reg_.entries.size(); ++i) {
        const RegisterEntry& e = reg_.entries[i];
        if (matches(e))
            rows_.push_back(
                rowOf(e, i, isDueWithin(e.action(), reg_.asOf, kSoonWorkingDays, calendar_)));
    }
    sortRows();
}

void TrackerState::setSort(std::optional<TrackerColumn> column, bool ascending) {
    sortColumn_ = column;
    sortAscending_ = ascending;
    rebuildRows();  // back to the register's order first: ties keep it
}

void TrackerState::sortRows() {
    if (!sortColumn_)
        return;
    const TrackerColumn column = *sortColumn_;
    // Unit names ranked once in Vietnamese order (a workspace has few), then integer compares:
    // the collator on every comparison would be slow for 300,000 rows. The names are viewed in
    // the entries, which the sort does not move.
    auto unitOf = [&](const TrackerRow& r) -> std::string_view {
        const RegisterEntry& e = reg_.entries[r.entry];
        return column == TrackerColumn::Unit ? e.inspectedUnit() : e.action().responsible;
    };
    std::unordered_map<std::string_view, std::uint32_t> rank;
    if (column == TrackerColumn::Unit || column == TrackerColumn::Responsible) {
        std::vector<std::string_view> names;
        for (const auto& r : rows_) {
            std::string_view n = unitOf(r);
            if (rank.emplace(n, 0).second)
                names.push_back(n);
        }
        std::sort(names.begin(), names.end(), vietnameseLess);
        for (std::uint32_t i = 0; i < names.size(); ++i)
            rank[names[i]] = i;
    }
    auto statusRank = [](ActionStatus s) {
        switch (s) {
            case ActionStatus::Open: return 0;
            case ActionStatus::Reopened: return 1;
            case ActionStatus::Reported: return 2;
            case ActionStatus::Accepted: return 3;
        }
        return 4;
    };
    auto less = [&](const TrackerRow& x, const TrackerRow& y) {
        const RegisterEntry& ex = reg_.entries[x.entry];
        const RegisterEntry& ey = reg_.entries[y.entry];
        switch (column) {
            case TrackerColumn::Unit:
            case TrackerColumn::Responsible:
                return rank.at(unitOf(x)) < rank.at(unitOf(y));
            case TrackerColumn::Audit:
                return ex.auditId() < ey.auditId();
            case TrackerColumn::Action:
                return ex.action().id < ey.action().id;
            case TrackerColumn::Deadline: {
                const auto& dx = ex.action().deadline;
                const auto& dy = ey.action().deadline;
                return dx && (!dy || *dx < *dy);  // none last
            }
            case TrackerColumn::Status:
                return statusRank(ex.action().status) < statusRank(ey.action().status);
            case TrackerColumn::Overdue:
                return (ex.overdue ? ex.daysOverdue : -1) < (ey.overdue ? ey.daysOverdue : -1);
        }
        return false;
    };
    if (sortAscending_)
        std::stable_sort(rows_.begin(), rows_.end(), less);
    else
        std::stable_sort(rows_.begin(), rows_.end(),
                         [&](const TrackerRow& x, const TrackerRow& y) { return less(y, x); });
}

const RegisterEntry& TrackerState::entryOf(size_t row) const {
    if (row >= rows_.size())
        throw UsageError(fmt(tr("không có dòng {}", "no row {}"), std::to_string(row + 1)));
    return reg_.entries[rows_[row].entry];
}

std::vector<std::string> TrackerState::units() const {
    // One name per unit identity (par::unitKey): "Hoà Sơn" and "Hòa Sơn" are one choice, "Tân
    // Thành" and "Tân Thạnh" two. The key is computed once per distinct spelling.
    std::set<std::string_view> spellings;
    for (const auto& e : reg_.entries) {
        if (!e.action().responsible.empty())
            spellings.insert(e.action().responsible);
        if (!e.inspectedUnit().empty())
            spellings.insert(e.inspectedUnit());
    }
    std::map<std::string, std::string> byKey;
    for (std::string_view n : spellings)
        byKey.emplace(unitKey(n), std::string(n));
    std::set<std::string> names;
    for (auto& [k, n] : byKey)
        names.insert(std::move(n));
    return {names.begin(), names.end()};
}

TrackerNotice TrackerState::notice() const {
    TrackerNotice n;
    std::set<std::string_view> spellings;
    for (const auto& e : reg_.entries) {
        if (e.overdue) {
            ++n.overdue;
            spellings.insert(e.action().responsible);
        } else if (isDueWithin(e.action(), reg_.asOf, kSoonWorkingDays, calendar_)) {
            ++n.dueSoon;
        }
    }
    std::set<std::string> units;  // one per unit identity
    for (std::string_view u : spellings)
        units.insert(unitKey(u));
    n.overdueUnits = static_cast<int>(units.size());
    n.unreadable = static_cast<int>(reg_.issues.size());
    std::vector<std::string> parts;
    if (n.overdue > 0)
        parts.push_back(fmt(tr("{} hành động quá hạn ({} đơn vị chịu trách nhiệm)",
                               "{} actions overdue ({} responsible units)"),
                            std::to_string(n.overdue), std::to_string(n.overdueUnits)));
    if (n.dueSoon > 0)
        parts.push_back(fmt(tr("{} hành động đến hạn trong {} ngày làm việc tới",
                               "{} actions due within the next {} working days"),
                            std::to_string(n.dueSoon), std::to_string(kSoonWorkingDays)));
    if (n.unreadable > 0)
        parts.push_back(fmt(tr("{} tệp không đọc được", "{} files could not be read"),
                            std::to_string(n.unreadable)));
    if (!parts.empty()) {
        std::string list;
        for (const auto& p : parts)
            list += (list.empty() ? "" : "; ") + p;
        n.text = fmt(tr("Tính đến ngày {}: {}.", "As of {}: {}."), vietnameseDate(reg_.asOf), list);
    }
    return n;
}

std::string TrackerState::summary() const {
    int overdue = 0;
    for (const auto& r : rows_)
        overdue += r.highlight ? 1 : 0;
    return fmt(tr("Hiển thị {} trên {} hành động ({} tệp kiểm tra); {} quá hạn; tính đến ngày {}",
                  "{} of {} actions shown ({} audit files); {} overdue; as of {}"),
               std::to_string(rows_.size()), std::to_string(reg_.entries.size()),
               std::to_string(reg_.auditCount), std::to_string(overdue),
               vietnameseDate(reg_.asOf));
}

std::string TrackerState::scopeText() const {
    std::string scope;
    if (!filter_.unit.empty())
        scope += fmt(tr("Đơn vị: {}. ", "Unit: {}. "), filter_.unit);
    if (filter_.overdueOnly)
        scope += tr("Chỉ các hành động quá hạn. ", "Overdue actions only. ");
    if (filter_.status)
        scope += fmt(tr("Trạng thái: {}. ", "Status: {}. "), actionStatusLabel(*filter_.status));
    if (filter_.dueWithin)
        scope += fmt(tr("Đến hạn trong {} ngày làm việc. ", "Due within {} working days. "),
                     std::to_string(*filter_.dueWithin));
    return trim(scope);
}

RegisterView TrackerState::view() const {
    RegisterView v;
    v.asOf = reg_.asOf;
    v.audits = reg_.auditCount;
    for (const auto& r : rows_)
        v.entries.push_back(reg_.entries[r.entry]);
    v.units = Register::summarise(v.entries);
    return v;
}

bool TrackerState::canAccept(size_t row) const {
    return row < rows_.size() &&
           transitionAllowed(entryOf(row).action().status, ActionStatus::Accepted);
}

bool TrackerState::canReopen(size_t row) const {
    return row < rows_.size() &&
           transitionAllowed(entryOf(row).action().status, ActionStatus::Reopened);
}

bool TrackerState::canExtend(size_t row) const {
    return row < rows_.size() && entryOf(row).action().status != ActionStatus::Accepted;
}

template <typename Change>
void TrackerState::changeAction(size_t row, Change change) {
    const RegisterEntry shown = entryOf(row);  // a copy: reload() replaces the entries
    const std::string file = shown.auditFile();
    const Action seen = shown.action();
    try {
        // The core's transaction; the action must still be what the user decided on.
        actions::modifyAuditFile(
            file, [&](Audit& audit) -> std::vector<ChangeCode> { return {change(audit, seen)}; },
            actions::TransactionOptions{by_});
    } catch (const actions::StaleViewError&) {
        reload(file);
        throw;
    } catch (const RevisionConflict&) {
        reload(file);
        throw;
    }
    reload(file);
}

void TrackerState::accept(size_t row, const std::string& note, const std::string& by) {
    by_ = byOrLogin(by);
    changeAction(row, [&](Audit& a, const Action& seen) { return actions::acceptPlanAction(a, seen.id, by_, note, &seen); });
}

void TrackerState::reopen(size_t row, const std::string& note, const std::string& by) {
    by_ = byOrLogin(by);
    changeAction(row, [&](Audit& a, const Action& seen) { return actions::reopenPlanAction(a, seen.id, by_, note, &seen); });
}

void TrackerState::extend(size_t row, const std::string& newDeadline, const std::string& reason,
                          const std::string& by) {
    Date d = actions::parseNewDeadline(newDeadline);
    by_ = byOrLogin(by);
    changeAction(row, [&](Audit& a, const Action& seen) {
        return actions::extendPlanAction(a, seen.id, d, reason, by_, &seen);
    });
}

TrackerImport TrackerState::importResponse(const std::string& responsePath, const std::string& by) {
    PlanFile response = track::readAnyResponse(responsePath).response;
    std::set<std::string> files;
    for (const auto& e : reg_.entries)
        if (e.auditId() == response.auditId)
            files.insert(e.auditFile());
    if (files.empty())
        throw UsageError(fmt(tr("{}: báo cáo dành cho đợt kiểm tra '{}', không có trong thư mục {}",
                                "{}: the response is for audit '{}', which is not in the folder {}"),
                             responsePath, response.auditId, dir_));
    if (files.size() > 1) {
        std::string list;
        for (const auto& f : files)
            list += (list.empty() ? "" : ", ") + f;
        throw UsageError(fmt(tr("{}: nhiều tệp có cùng mã đợt kiểm tra '{}': {}",
                                "{}: several files have the audit id '{}': {}"),
                             responsePath, response.auditId, list));
    }
    TrackerImport out;
    out.auditFile = *files.begin();
    out.unit = response.unit;
    by_ = byOrLogin(by);
    // The one import operation (per action, evidence kept beside the audit); ImportRefused for
    // a whole-file refusal leaves the audit untouched.
    actions::ResponseImport im = actions::importResponseFile(out.auditFile, responsePath, by_);
    out.result = std::move(im.result);
    out.evidenceFolders = std::move(im.evidenceFolders);
    reload(out.auditFile);
    return out;
}

void TrackerState::reload(const std::string& auditFile) {
    auto& es = reg_.entries;
    es.erase(std::remove_if(es.begin(), es.end(),
                            [&](const RegisterEntry& e) { return e.auditFile() == auditFile; }),
             es.end());
    try {
        Audit a = AuditReader::load(auditFile);
        Register one = Register::fromAudits({a}, reg_.asOf, calendar_);
        for (auto& e : one.entries)
            es.push_back(std::move(e));
        std::stable_sort(es.begin(), es.end(), registerOrder);
    } catch (const Error& e) {
        reg_.issues.push_back({auditFile, e.what()});
    }
    rebuildRows();
}

std::vector<ImportLine> importLines(const TrackerImport& im) {
    std::vector<ImportLine> out;
    const track::ImportResult& r = im.result;
    for (const auto& id : r.merged)
        out.push_back({id, ImportLine::Outcome::Merged, tr("Đã nhập", "Merged"),
                       tr("báo cáo đã ghi vào tệp kiểm tra, chờ đoàn kiểm tra xác minh",
                          "the report is in the audit, awaiting verification")});
    for (const auto& id : r.unchanged)
        out.push_back({id, ImportLine::Outcome::Unchanged, tr("Đã có", "Already in"),
                       tr("báo cáo này đã được nhập trước đó", "this report was imported before")});
    for (const auto& s : r.setAside)
        out.push_back({s.actionId, ImportLine::Outcome::SetAside, tr("Để riêng", "Set aside"), s.reason});
    for (const auto& s : r.refused)
        out.push_back({s.actionId, ImportLine::Outcome::Refused, tr("Không nhập", "Refused"), s.reason});
    std::stable_sort(out.begin(), out.end(),
                     [](const ImportLine& a, const ImportLine& b) { return a.actionId < b.actionId; });
    return out;
}

}  // namespace par::wizard

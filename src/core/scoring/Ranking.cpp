// SPDX-License-Identifier: Apache-2.0
#include "core/scoring/Ranking.hpp"

#include "core/common/UnitName.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>

#include "core/common/Text.hpp"
#include "core/model/AuditBundle.hpp"

namespace par::scoring {

namespace fs = std::filesystem;

std::optional<Date> auditDate(const Audit& audit) {
    if (auto d = audit.inspectionDate())
        return d;
    return audit.notice.date;
}

std::string unitKey(const InspectedUnit& unit) {
    return par::unitKey(unit.name) + "|" + foldKey(unit.type);
}

std::optional<double> RankEntry::change() const {
    if (!previousTotal)
        return std::nullopt;
    return roundScore(roundScore(total) - roundScore(*previousTotal));
}

WorkspaceScan scanWorkspace(const std::string& dir, Progress* progress) {
    std::error_code ec;
    if (!fs::is_directory(fs::u8path(dir), ec))
        throw IoError(fmt(tr("'{}' không phải thư mục", "'{}' is not a folder"), dir));
    std::vector<std::string> files;
    fs::recursive_directory_iterator it(fs::u8path(dir), fs::directory_options::skip_permission_denied, ec),
        end;
    if (ec)
        throw IoError(fmt(tr("không đọc được thư mục '{}': {}", "cannot read folder '{}': {}"), dir,
                          ec.message()));
    for (; it != end; it.increment(ec)) {
        if (ec)
            break;
        const std::string name = it->path().filename().u8string();
        if (name.size() > 10 && name.compare(name.size() - 10, 10, ".audit.xml") == 0 &&
            it->is_regular_file(ec))
            files.push_back(it->path().u8string());
    }
    std::sort(files.begin(), files.end());

    WorkspaceScan scan;
    for (size_t i = 0; i < files.size(); ++i) {
        const std::string& f = files[i];
        if (progress != nullptr) {
            if (progress->cancelled())
                throw Cancelled{};
            progress->update(double(i) / double(files.size()), tr("Chấm điểm", "Scoring"));
        }
        auto skip = [&](const std::string& reason) {
            scan.skipped.push_back({Problem::Severity::Warning, {f, 0, 0}, reason});
        };
        try {
            AuditBundle b = AuditBundle::open(f);
            ScoredAudit s;
            s.file = f;
            s.auditId = b.audit.id;
            s.unit = b.audit.unit;
            s.body = b.audit.body;
            s.formId = b.form->id;
            s.date = auditDate(b.audit);
            if (!s.date) {
                skip(tr(
                    "không có ngày kiểm tra (<visit>) hay ngày thông báo: không biết thuộc năm nào",
                    "no visit or notice date: its year is unknown"));
                continue;
            }
            s.year = s.date->year();
            s.score = scoreBundle(b);
            scan.audits.push_back(std::move(s));
        } catch (const ParseError& e) {
            // The fault may lie in the audit (keep its line) or in its form (name that file).
            if (e.where().file == f)
                scan.skipped.push_back({Problem::Severity::Warning, e.where(), e.message()});
            else
                skip(e.what());
        } catch (const Error& e) {
            skip(e.what());
        } catch (const std::exception& e) {
            skip(e.what());
        }
    }
    if (progress != nullptr)
        progress->update(1.0, tr("Chấm điểm", "Scoring"));
    // One audit id, one audit (a copied file would be scored twice): the first in path order
    // counts, each other one is reported with both paths and left out.
    std::map<std::string, std::string> firstFileOfId;
    std::vector<ScoredAudit> kept;
    kept.reserve(scan.audits.size());
    for (auto& a : scan.audits) {
        if (!a.auditId.empty()) {
            auto [it, fresh] = firstFileOfId.emplace(a.auditId, a.file);
            if (!fresh) {
                scan.skipped.push_back(
                    {Problem::Severity::Warning,
                     {a.file, 0, 0},
                     fmt(tr("mã đợt kiểm tra '{}' trùng với tệp {}: tính một lần (theo tệp kia), "
                            "bỏ qua tệp này",
                            "audit id '{}' is also in {}: counted once (from that file), this "
                            "file left out"),
                         a.auditId, it->second)});
                continue;
            }
        }
        kept.push_back(std::move(a));
    }
    scan.audits = std::move(kept);
    return scan;
}

namespace {

Date dateOf(const ScoredAudit& a) {
    return a.date.value_or(Date(a.year, 1, 1));
}

// One audit per unit: the later one (by date, then by path).
std::map<std::string, const ScoredAudit*> latestPerUnit(const std::vector<ScoredAudit>& audits,
                                                        int year, const std::string& type,
                                                        std::vector<std::string>* notes) {
    std::map<std::string, const ScoredAudit*> out;
    for (const auto& a : audits) {
        if (a.year != year || (!type.empty() && foldKey(a.unit.type) != foldKey(type)))
            continue;
        const ScoredAudit*& slot = out[unitKey(a.unit)];
        if (slot == nullptr) {
            slot = &a;
            continue;
        }
        const ScoredAudit* keep =
            std::make_pair(dateOf(a), a.file) > std::make_pair(dateOf(*slot), slot->file) ? &a
                                                                                          : slot;
        const ScoredAudit* drop = keep == &a ? slot : &a;
        if (notes != nullptr)
            notes->push_back(fmt(tr("{}: {} có hai cuộc kiểm tra năm {}; dùng cuộc sau ({})",
                                    "{}: {} has two audits in {}; the later one is used ({})"),
                                 drop->file, drop->unit.name, std::to_string(year), keep->file));
        slot = keep;
    }
    return out;
}

}  // namespace

Ranking rankAudits(const std::vector<ScoredAudit>& audits, int year, const std::string& type,
                   const BandScale& bands) {
    Ranking r;
    r.year = year;
    r.type = type;
    r.bands = bands;
    auto current = latestPerUnit(audits, year, type, &r.notes);
    auto previous = latestPerUnit(audits, year - 1, type, nullptr);

    std::vector<const ScoredAudit*> ranked;
    for (const auto& [key, a] : current) {
        if (!a->score.scorable) {
            r.notes.push_back(fmt(tr("{}: {} không có câu hỏi nào được chấm điểm: không xếp hạng",
                                     "{}: {} has no scored question: not ranked"),
                                  a->file, a->unit.name));
            continue;
        }
        ranked.push_back(a);
        for (const auto& area : a->score.areas) {
            if (area.max <= 0)
                continue;
            bool known = std::any_of(r.areas.begin(), r.areas.end(),
                                     [&](const RankedArea& x) { return x.id == area.id; });
            if (!known)
                r.areas.push_back({area.id, area.label});
        }
    }
    // Rank by the rounded total; inside a tie, by name (display only).
    std::sort(ranked.begin(), ranked.end(), [](const ScoredAudit* a, const ScoredAudit* b) {
        double ta = roundScore(a->score.total), tb = roundScore(b->score.total);
        if (ta != tb)
            return ta > tb;
        if (a->unit.name != b->unit.name)
            return vietnameseLess(a->unit.name, b->unit.name);  // the display order in a tie
        return a->file < b->file;
    });
    if (!ranked.empty())
        r.body = ranked.front()->body;
    for (size_t i = 0; i < ranked.size(); ++i) {
        const ScoredAudit& a = *ranked[i];
        RankEntry e;
        e.file = a.file;
        e.unitName = a.unit.name;
        e.unitType = a.unit.type;
        e.total = a.score.total;
        for (const auto& area : r.areas) {
            const AreaScore* s = a.score.findArea(area.id);
            e.areas.push_back(s != nullptr && s->max > 0 ? std::optional<AreaScore>(*s)
                                                         : std::nullopt);
        }
        e.assessed = a.score.assessed;
        e.assessable = a.score.assessable;
        e.provisional = a.score.provisional(bands.minCoverage);
        if (const Band* b = bands.classify(a.score.total)) {
            e.band = b->displayLabel();
            e.bandId = b->id;
        }
        bool sameAsPrevious =
            i > 0 && roundScore(ranked[i - 1]->score.total) == roundScore(a.score.total);
        e.rank = sameAsPrevious ? r.entries.back().rank : static_cast<int>(i) + 1;
        if (auto it = previous.find(unitKey(a.unit));
            it != previous.end() && it->second->score.scorable) {
            e.previousTotal = it->second->score.total;
            e.previousFile = it->second->file;
        }
        r.entries.push_back(std::move(e));
    }
    for (size_t i = 0; i < r.entries.size(); ++i) {
        bool withPrev = i > 0 && r.entries[i - 1].rank == r.entries[i].rank;
        bool withNext = i + 1 < r.entries.size() && r.entries[i + 1].rank == r.entries[i].rank;
        r.entries[i].tied = withPrev || withNext;
        if (!r.entries[i].tied)
            continue;
        if (!withPrev)
            r.ties.push_back({r.entries[i].rank, roundScore(r.entries[i].total), {}});
        r.ties.back().units.push_back(r.entries[i].unitName);
    }
    return r;
}

std::vector<std::string> Ranking::tieExplanations() const {
    std::vector<std::string> out;
    for (const auto& t : ties) {
        std::string names;
        for (size_t i = 0; i < t.units.size(); ++i)
            names += (i == 0                    ? ""
                      : i + 1 == t.units.size() ? tr(" và ", " and ")
                                                : ", ") +
                     t.units[i];
        out.push_back(fmt(
            tr("Đồng hạng {}: {} cùng đạt {} điểm (làm tròn 2 chữ số thập phân); hạng tiếp theo là "
               "{}.",
               "Tied at rank {}: {} all scored {} (rounded to 2 decimals); the next rank is {}."),
            std::to_string(t.rank), names, formatScore(t.total),
            std::to_string(t.rank + static_cast<int>(t.units.size()))));
    }
    if (!ties.empty())
        out.push_back(
            tr("Trong nhóm đồng hạng, đơn vị được liệt kê theo thứ tự chữ cái của tên; thứ tự này "
               "không ảnh hưởng đến thứ hạng.",
               "Within a tie, units are listed in alphabetical order of their names; this order "
               "does not change the rank."));
    return out;
}

}  // namespace par::scoring

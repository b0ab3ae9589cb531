// SPDX-License-Identifier: Apache-2.0
#include "core/tracking/Register.hpp"

#include "core/common/UnitName.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "core/common/Platform.hpp"  // O_CLOEXEC on Windows, statPath
#include "core/common/AtomicFile.hpp"
#include "core/common/Text.hpp"
#include "core/common/XmlReader.hpp"
#include "core/model/AuditReader.hpp"
#include "core/tracking/Deadlines.hpp"
#include "core/tracking/RegisterCache.hpp"
#include "core/tracking/RegisterScanner.hpp"

namespace par::track {

namespace {
namespace fs = std::filesystem;

bool endsWith(const std::string& s, std::string_view tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// One audit file's part of the register while it is built: what the entries will share, and how
// late each of its actions is.
struct AuditPart {
    std::shared_ptr<RegisterAudit> audit;
    std::vector<int> daysOverdue;  // -1: not overdue
};

AuditPart partOf(Audit& audit, Date asOf, const cal::WorkingCalendar& calendar) {
    AuditPart p;
    p.audit = std::make_shared<RegisterAudit>();
    RegisterAudit& r = *p.audit;
    r.id = std::move(audit.id);
    r.file = std::move(audit.file);
    r.unit = std::move(audit.unit.name);
    if (!audit.notice.number.empty())
        r.noticeRef = audit.notice.symbol.empty() ? audit.notice.number
                                                  : audit.notice.number + "/" + audit.notice.symbol;
    r.noticeDate = audit.notice.date;
    r.actions = std::move(audit.actions);
    p.daysOverdue.reserve(r.actions.size());
    for (auto& a : r.actions) {
        a.history.clear();
        p.daysOverdue.push_back(isOverdue(a, asOf) ? workingDaysOverdue(a, asOf, calendar) : -1);
    }
    return p;
}

// Makes the entries, sorted. The register's order (responsible unit, deadline with none last,
// audit id, audit file, action id) is computed on integers: responsible units ranked by name once
// (a workspace has few distinct units), audits ranked by id and file, deadlines as day numbers;
// action ids compared only within one audit.
void makeEntries(const std::vector<AuditPart>& parts, std::vector<RegisterEntry>& out) {
    size_t total = 0;
    for (const auto& p : parts)
        total += p.audit->actions.size();
    // One group per unit identity (par::unitKey: "Hoà"/"Hòa", case and spacing are one unit;
    // "Tân Thành"/"Tân Thạnh" two), ranked by that key; the key is computed once per distinct
    // spelling, not per action.
    std::unordered_map<std::string_view, std::uint32_t> unitIndex;
    std::vector<std::string> unitKeys;
    for (const auto& p : parts)
        for (const auto& a : p.audit->actions)
            if (unitIndex.try_emplace(a.responsible, static_cast<std::uint32_t>(unitKeys.size()))
                    .second)
                unitKeys.push_back(unitKey(a.responsible));
    std::vector<std::uint32_t> byName(unitKeys.size());
    for (std::uint32_t i = 0; i < byName.size(); ++i)
        byName[i] = i;
    std::sort(byName.begin(), byName.end(),
              [&](std::uint32_t x, std::uint32_t y) { return unitKeys[x] < unitKeys[y]; });
    std::vector<std::uint32_t> unitRank(unitKeys.size());
    for (std::uint32_t r = 0, rank = 0; r < byName.size(); ++r) {
        if (r > 0 && unitKeys[byName[r]] != unitKeys[byName[r - 1]])
            ++rank;
        unitRank[byName[r]] = rank;
    }
    std::vector<std::uint32_t> auditOrder(parts.size());
    for (std::uint32_t i = 0; i < auditOrder.size(); ++i)
        auditOrder[i] = i;
    std::sort(auditOrder.begin(), auditOrder.end(), [&](std::uint32_t x, std::uint32_t y) {
        const RegisterAudit& px = *parts[x].audit;
        const RegisterAudit& py = *parts[y].audit;
        return px.id != py.id ? px.id < py.id : px.file < py.file;
    });
    std::vector<std::uint32_t> auditRank(parts.size());
    for (std::uint32_t r = 0, rank = 0; r < auditOrder.size(); ++r) {
        // Equal ids and files (audits given twice to fromAudits) share a rank.
        if (r > 0 && (parts[auditOrder[r]].audit->id != parts[auditOrder[r - 1]].audit->id ||
                      parts[auditOrder[r]].audit->file != parts[auditOrder[r - 1]].audit->file))
            ++rank;
        auditRank[auditOrder[r]] = rank;
    }

    struct Ref {
        std::uint64_t key;  // unit rank, then the deadline's day number (none last)
        std::uint32_t audit, part, action;
    };
    std::vector<Ref> refs;
    refs.reserve(total);
    for (std::uint32_t i = 0; i < parts.size(); ++i) {
        const auto& actions = parts[i].audit->actions;
        for (std::uint32_t k = 0; k < actions.size(); ++k) {
            const Action& a = actions[k];
            std::uint64_t day =
                a.deadline ? static_cast<std::uint64_t>(a.deadline->day_number()) : 0xFFFFFFFFull;
            refs.push_back({std::uint64_t{unitRank[unitIndex[a.responsible]]} << 32 | day,
                            auditRank[i], i, k});
        }
    }
    std::sort(refs.begin(), refs.end(), [&](const Ref& x, const Ref& y) {
        if (x.key != y.key)
            return x.key < y.key;
        if (x.audit != y.audit)
            return x.audit < y.audit;
        return parts[x.part].audit->actions[x.action].id <
               parts[y.part].audit->actions[y.action].id;
    });
    out.reserve(out.size() + total);
    for (const Ref& r : refs) {
        const AuditPart& p = parts[r.part];
        RegisterEntry e;
        e.audit = p.audit;
        e.index = r.action;
        e.overdue = p.daysOverdue[r.action] >= 0;
        e.daysOverdue = e.overdue ? p.daysOverdue[r.action] : 0;
        out.push_back(std::move(e));
    }
}
}  // namespace

namespace {
Audit loadForRegister(const std::string& path, std::string& text) {
    readFileInto(path, text, kMaxXmlFileBytes);
    if (auto a = scanForRegister(text, path))
        return std::move(*a);
    // Outside the scanner's subset, or wrong: the full reader decides, with the file's real line.
    return AuditReader::parse(text, path);
}
}  // namespace

Audit loadForRegister(const std::string& path) {
    std::string text;
    return loadForRegister(path, text);
}

std::optional<double> UnitSummary::onTimeRate() const {
    int due = accepted + overdue;
    if (due == 0)
        return std::nullopt;
    return static_cast<double>(acceptedOnTime) / due;
}

namespace {
struct Listed {
    std::string path;      // as the entries show it: dir + "/" + relative
    std::string relative;  // inside the workspace: the cache's key
    FileStamp stamp;
    bool cacheable = false;  // not modified in the last seconds (see below)
};

std::vector<Listed> listAuditFiles(const std::string& dir, bool stamps) {
    std::error_code ec;
    if (!fs::is_directory(fs::u8path(dir), ec))
        throw IoError(fmt(tr("{}: không phải thư mục", "{}: not a directory"), dir));
    std::vector<Listed> files;
    const fs::path base = fs::u8path(dir);
    for (auto it = fs::recursive_directory_iterator(
             fs::u8path(dir), fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec))
            continue;
        std::string p = it->path().u8string();
        if (!endsWith(p, ".audit.xml"))
            continue;
        Listed l;
        l.path = std::move(p);
        if (stamps) {
            l.relative = it->path().lexically_relative(base).generic_u8string();
            platform::FileStatus st;  // by UTF-8 name also on Windows
            if (platform::statPath(l.path, st) == 0) {
                l.stamp.size = st.size;
                l.stamp.mtimeNs = st.mtimeNs;
                l.cacheable = true;
            }
        }
        files.push_back(std::move(l));
    }
    if (ec)
        throw IoError(fmt(tr("{}: không đọc được thư mục: {}", "{}: cannot read the folder: {}"),
                          dir, ec.message()));
    std::sort(files.begin(), files.end(),
              [](const Listed& a, const Listed& b) { return a.path < b.path; });
    return files;
}

std::int64_t nowNs() {
    struct timespec ts {};
    ::clock_gettime(CLOCK_REALTIME, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}
}  // namespace

Register Register::scan(const std::string& dir, Date asOf, const cal::WorkingCalendar& calendar,
                        Progress& progress, const ScanOptions& options) {
    const bool caching = !options.cacheFolder.empty();
    std::vector<Listed> files = listAuditFiles(dir, caching);

    // The cache, and what it holds for each file. A file modified in the last 2 s is parsed and
    // not cached: a second save within the file system's time resolution could otherwise keep
    // the same size and time (the "racy" case git also guards against).
    std::optional<RegisterCache> cache;
    std::vector<std::optional<std::string_view>> cached(files.size());
    if (caching) {
        std::error_code ec;
        fs::path canonical = fs::weakly_canonical(fs::absolute(fs::u8path(dir), ec), ec);
        cache.emplace(options.cacheFolder, canonical.u8string());
        cache->load();
        const std::int64_t racy = nowNs() - 2000000000;
        for (size_t i = 0; i < files.size(); ++i) {
            Listed& f = files[i];
            if (f.stamp.mtimeNs >= racy)
                f.cacheable = false;
            if (f.cacheable)
                cached[i] = cache->find(f.relative, f.stamp);
        }
    }
    std::vector<std::string> encoded(caching ? files.size() : 0);

    Register r;
    r.asOf = asOf;
    unsigned threads = options.threads;
    if (threads == 0)
        threads = std::max(1u, std::thread::hardware_concurrency());
    threads = std::min<unsigned>(threads, std::max<size_t>(1, files.size()));

    // Each file's part, by file index; the threads fill distinct slots.
    std::vector<AuditPart> loaded(files.size());
    std::vector<char> ok(files.size(), 0);
    struct Tally {
        std::vector<ScanIssue> issues;
        size_t parsed = 0;
    };
    std::vector<Tally> tallies(threads);
    std::atomic<size_t> next{0};
    std::atomic<size_t> done{0};
    std::atomic<bool> cancelled{false};
    std::string firstParent, firstName;  // the inspecting body of the first audit read
    std::atomic<size_t> firstAudit{SIZE_MAX};
    std::mutex firstMutex;
    // Asked to stop before anything is read: the threads below might otherwise take every file
    // before the calling thread looks at Progress.
    if (progress.cancelled())
        throw Cancelled{};
    auto work = [&](Tally& tally, bool reports) {
        std::string buffer;
        size_t handled = 0;
        for (size_t i = next++; i < files.size() && !cancelled; i = next++) {
            if (reports && (handled++ & 255u) == 0) {
                // Only the calling thread talks to Progress, which need not be thread-safe. It
                // counts its own files: which indexes it draws depends on the other threads.
                progress.update(static_cast<double>(done) / static_cast<double>(files.size()),
                                tr("Đang đọc các tệp kiểm tra", "Reading the audit files"));
                if (progress.cancelled()) {
                    cancelled = true;
                    break;
                }
            }
            const Listed& f = files[i];
            try {
                std::optional<Audit> a;
                if (cached[i]) {
                    a = RegisterCache::decode(*cached[i]);
                    if (!a)
                        cached[i].reset();  // damaged record: parse the file again
                    else
                        a->file = f.path;
                }
                if (!a) {
                    ++tally.parsed;
                    a = loadForRegister(f.path, buffer);
                    if (caching && f.cacheable)
                        encoded[i] = RegisterCache::encode(f.relative, f.stamp, *a);
                }
                if (i < firstAudit) {
                    std::lock_guard<std::mutex> lock(firstMutex);
                    if (i < firstAudit) {
                        firstAudit = i;
                        firstParent = a->body.parent;
                        firstName = a->body.name;
                    }
                }
                loaded[i] = partOf(*a, asOf, calendar);
                ok[i] = 1;
            } catch (const Error& e) {
                tally.issues.push_back({f.path, e.what()});
            } catch (const std::exception& e) {
                // Anything else (out of memory, a library's own exception) must not end the
                // process from a worker thread (std::terminate): the file is reported like the others.
                tally.issues.push_back(
                    {f.path, fmt(tr("lỗi không mong đợi khi đọc tệp: {}", "unexpected error reading the file: {}"),
                                 e.what())});
            } catch (...) {
                tally.issues.push_back(
                    {f.path, tr("lỗi không mong đợi khi đọc tệp", "unexpected error reading the file")});
            }
            ++done;
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t)
        pool.emplace_back(work, std::ref(tallies[t]), false);
    work(tallies[0], true);  // the calling thread works too
    for (auto& t : pool)
        t.join();
    if (cancelled)
        throw Cancelled{};
    progress.update(1.0, tr("Đã đọc các tệp kiểm tra", "Audit files read"));

    for (auto& t : tallies) {
        r.parsedFiles += t.parsed;
        std::move(t.issues.begin(), t.issues.end(), std::back_inserter(r.issues));
    }
    std::sort(r.issues.begin(), r.issues.end(),
              [](const ScanIssue& a, const ScanIssue& b) { return a.file < b.file; });
    r.agencyParent = std::move(firstParent);
    r.agencyName = std::move(firstName);

    if (caching) {
        // Written only when something changed: a file parsed, or a cached file gone.
        std::vector<std::string_view> records;
        size_t reused = 0;
        for (size_t i = 0; i < files.size(); ++i) {
            if (cached[i]) {
                records.push_back(*cached[i]);
                ++reused;
            } else if (!encoded[i].empty()) {
                records.push_back(encoded[i]);
            }
        }
        if (reused != cache->size() || records.size() != reused) {
            try {
                cache->save(records);
            } catch (const Error&) {
                // A cache that cannot be written (read-only home, full disk) costs time, not
                // results: the register is complete without it.
            }
        }
    }

    // One audit id, one audit: a copy of a file ("a - Copy.audit.xml", a second year's audit
    // saved under last year's id) would double every figure. The first file in path order counts;
    // each other one is reported with both paths (exit 1 in `track`) and left out.
    std::vector<AuditPart> parts;
    parts.reserve(files.size());
    std::unordered_map<std::string, std::string> firstFileOfId;
    std::vector<ScanIssue> duplicates;
    for (size_t i = 0; i < files.size(); ++i) {
        if (!ok[i])
            continue;
        const RegisterAudit& a = *loaded[i].audit;
        if (!a.id.empty()) {
            auto [it, fresh] = firstFileOfId.emplace(a.id, files[i].path);
            if (!fresh) {
                duplicates.push_back(
                    {files[i].path,
                     fmt(tr("{}: mã đợt kiểm tra '{}' trùng với tệp {}: tính một lần (theo tệp "
                            "kia), bỏ qua tệp này. Nếu là bản sao thì xoá đi; nếu là đợt kiểm tra "
                            "khác thì đặt mã khác.",
                            "{}: audit id '{}' is also in {}: counted once (from that file), this "
                            "file left out. Delete it if it is a copy; give it another id if it is "
                            "another audit."),
                         files[i].path, a.id, it->second)});
                continue;
            }
        }
        parts.push_back(std::move(loaded[i]));
    }
    if (!duplicates.empty()) {
        std::move(duplicates.begin(), duplicates.end(), std::back_inserter(r.issues));
        std::stable_sort(r.issues.begin(), r.issues.end(),
                         [](const ScanIssue& a, const ScanIssue& b) { return a.file < b.file; });
    }
    r.auditCount = parts.size();
    makeEntries(parts, r.entries);
    return r;
}

Register Register::fromAudits(const std::vector<Audit>& audits, Date asOf,
                              const cal::WorkingCalendar& calendar) {
    Register r;
    r.asOf = asOf;
    r.auditCount = audits.size();
    if (!audits.empty()) {
        r.agencyParent = audits.front().body.parent;
        r.agencyName = audits.front().body.name;
    }
    std::vector<AuditPart> parts;
    parts.reserve(audits.size());
    for (Audit a : audits)
        parts.push_back(partOf(a, asOf, calendar));
    makeEntries(parts, r.entries);
    return r;
}

RegisterMatcher::RegisterMatcher(const RegisterFilter& filter, Date asOf,
                                 const cal::WorkingCalendar& calendar)
    : filter_(filter),
      asOf_(asOf),
      calendar_(calendar),
      unitKey_(filter.unit.empty() ? "" : unitKey(filter.unit)) {}

bool RegisterMatcher::unitMatches(const std::string& name) {
    auto it = units_.find(name);
    if (it == units_.end())
        it = units_.emplace(name, unitKey(name) == unitKey_).first;
    return it->second;
}

bool RegisterMatcher::operator()(const RegisterEntry& e) {
    const Action& a = e.action();
    if (filter_.status && a.status != *filter_.status)
        return false;
    if (filter_.overdueOnly && !e.overdue)
        return false;
    if (filter_.dueWithin && !isDueWithin(a, asOf_, *filter_.dueWithin, calendar_))
        return false;
    return unitKey_.empty() || unitMatches(a.responsible) || unitMatches(e.inspectedUnit());
}

std::vector<RegisterEntry> Register::filtered(const RegisterFilter& f,
                                              const cal::WorkingCalendar& calendar) const {
    RegisterMatcher matches(f, asOf, calendar);
    std::vector<RegisterEntry> out;
    for (const auto& e : entries)
        if (matches(e))
            out.push_back(e);
    return out;
}

std::vector<UnitSummary> Register::summarise(const std::vector<RegisterEntry>& entries) {
    std::vector<UnitSummary> units;
    std::map<std::string, size_t> index;            // unitKey → summary
    std::unordered_map<std::string_view, size_t> spelled;  // each spelling → summary
    std::vector<std::string> keys;
    UnitSummary total;
    for (const auto& e : entries) {
        const Action& a = e.action();
        auto sp = spelled.find(a.responsible);
        if (sp == spelled.end()) {
            std::string k = unitKey(a.responsible);
            auto it = index.find(k);
            if (it == index.end()) {
                it = index.emplace(k, units.size()).first;
                units.push_back(UnitSummary{});
                units.back().unit = a.responsible;  // the first spelling met names the unit
                keys.push_back(k);
            }
            sp = spelled.emplace(a.responsible, it->second).first;
        }
        auto it = sp;
        for (UnitSummary* s : {&units[it->second], &total}) {
            ++s->actions;
            switch (a.status) {
                case ActionStatus::Open:
                case ActionStatus::Reopened:
                    ++s->open;
                    break;
                case ActionStatus::Reported:
                    ++s->reported;
                    break;
                case ActionStatus::Accepted:
                    ++s->accepted;
                    break;
            }
            if (e.overdue)
                ++s->overdue;
            if (completedOnTime(a))
                ++s->acceptedOnTime;
        }
    }
    std::vector<size_t> order(units.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t x, size_t y) { return keys[x] < keys[y]; });
    std::vector<UnitSummary> sorted;
    sorted.reserve(units.size() + 1);
    for (size_t i : order)
        sorted.push_back(std::move(units[i]));
    sorted.push_back(total);
    return sorted;
}

bool registerOrder(const RegisterEntry& x, const RegisterEntry& y) {
    const Action& ax = x.action();
    const Action& ay = y.action();
    if (ax.responsible != ay.responsible) {
        std::string kx = unitKey(ax.responsible), ky = unitKey(ay.responsible);
        if (kx != ky)
            return kx < ky;
    }
    const auto& dx = ax.deadline;
    const auto& dy = ay.deadline;
    if (dx != dy)
        return dx && (!dy || *dx < *dy);  // none last
    if (x.auditId() != y.auditId())
        return x.auditId() < y.auditId();
    if (x.auditFile() != y.auditFile())
        return x.auditFile() < y.auditFile();
    return ax.id < ay.id;
}

}  // namespace par::track

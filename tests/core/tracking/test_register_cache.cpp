// SPDX-License-Identifier: Apache-2.0
// The register's cache (RegisterCache) and its order: a scan through the cache gives exactly what a
// scan without it gives, after files change, disappear, or the cache is damaged; a file modified
// in the last seconds is never cached; the entries come out in entryLess order.
#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <random>

#include "TestSupport.hpp"
#include "TrackingFixtures.hpp"
#include "core/common/AtomicFile.hpp"
#include "core/model/AuditReader.hpp"
#include "core/model/AuditWriter.hpp"
#include "core/tracking/Register.hpp"
#include "core/tracking/RegisterCache.hpp"

using namespace par;
using namespace par::track;
using par::test::calendar;
namespace fs = std::filesystem;

namespace {
const Date kAsOf(2019, 3, 1);

Audit cacheAudit(int n, std::mt19937& rng) {
    // Distinct ids: a workspace counts one audit per id (a second file with the same id is
    // reported and left out; test_register.cpp).
    Audit a = test::trackedAudit("C-" + std::to_string(n));
    a.unit.name = n % 2 ? "UBND xã Ngọc Sơn" : "UBND huyện Quỳnh Lưu";
    a.notice.number = std::to_string(n);
    const char* units[] = {"Phòng Nội vụ", "UBND xã Ngọc Sơn", "", "Sở Tư pháp"};
    for (int i = 0; i < static_cast<int>(rng() % 6); ++i) {
        Action ac;
        ac.id = "A-00" + std::to_string(i + 1);
        ac.finding = "F-001";
        ac.responsible = units[rng() % 4];
        ac.deadlineRule = *DeadlineRule::parse("15 calendar-days");
        if (rng() % 5)
            ac.deadline = Date(2019, 1, 1) + boost::gregorian::days(static_cast<long>(rng() % 5));
        ac.status = static_cast<ActionStatus>(rng() % 4);
        ac.stale = rng() % 7 == 0;
        ac.content = "Nội dung " + std::to_string(rng() % 3) + ", \"x\" & y";
        if (rng() % 2) {
            ac.report.date = Date(2019, 1, 2);
            ac.report.doc = "1/BC";
            ac.report.note = "ghi chú\nhai dòng";
            ac.report.evidence = {"a.pdf", "b c.pdf"};
        }
        a.actions.push_back(ac);
    }
    return a;
}

// Set a file's modification time `secondsAgo` in the past (fresh files are never cached).
void age(const std::string& path, int secondsAgo) {
    fs::last_write_time(path, fs::file_time_type::clock::now() - std::chrono::seconds(secondsAgo));
}

void checkSame(const Register& x, const Register& y) {
    CHECK(x.auditCount == y.auditCount);
    CHECK(x.agencyName == y.agencyName);
    CHECK(x.issues.size() == y.issues.size());
    REQUIRE(x.entries.size() == y.entries.size());
    for (size_t i = 0; i < x.entries.size(); ++i) {
        const RegisterEntry& a = x.entries[i];
        const RegisterEntry& b = y.entries[i];
        INFO(i);
        CHECK(a.auditId() == b.auditId());
        CHECK(a.auditFile() == b.auditFile());
        CHECK(a.inspectedUnit() == b.inspectedUnit());
        CHECK(a.noticeRef() == b.noticeRef());
        CHECK(a.noticeDate() == b.noticeDate());
        CHECK(a.action() == b.action());
        CHECK(a.action().line == b.action().line);
        CHECK(a.overdue == b.overdue);
        CHECK(a.daysOverdue == b.daysOverdue);
    }
}

// The documented order, written plainly.
bool entryLess(const RegisterEntry& x, const RegisterEntry& y) {
    if (x.action().responsible != y.action().responsible)
        return x.action().responsible < y.action().responsible;
    const auto& dx = x.action().deadline;
    const auto& dy = y.action().deadline;
    if (dx != dy)
        return !dx ? false : !dy ? true : *dx < *dy;
    if (x.auditId() != y.auditId())
        return x.auditId() < y.auditId();
    if (x.auditFile() != y.auditFile())
        return x.auditFile() < y.auditFile();
    return x.action().id < y.action().id;
}
}  // namespace

TEST_CASE("register cache: same register, only changed files parsed",
          "[tracking][register][cache]") {
    test::ScratchDir dir;
    std::string ws = dir.file("ws");
    std::string cacheDir = dir.file("cache");
    fs::create_directories(ws + "/sub");
    std::mt19937 rng(7);
    std::vector<std::string> paths;
    for (int n = 0; n < 24; ++n) {
        Audit a = cacheAudit(n, rng);
        paths.push_back(ws + (n % 3 ? "/" : "/sub/") + "a" + std::to_string(n) + ".audit.xml");
        AuditWriter::save(a, paths.back());
        age(paths.back(), 3600);
    }
    test::writeText(ws + "/broken.audit.xml", "<audit format-version='1'>\n<unit/>\n</audit>");
    age(ws + "/broken.audit.xml", 3600);
    NullProgress progress;
    auto plain = [&] { return Register::scan(ws, kAsOf, calendar(), progress, 2); };
    ScanOptions cached{2, cacheDir};

    Register reference = plain();
    CHECK(reference.parsedFiles == 25);
    CHECK(reference.issues.size() == 1);
    CHECK(std::is_sorted(reference.entries.begin(), reference.entries.end(), entryLess));

    Register first = Register::scan(ws, kAsOf, calendar(), progress, cached);
    CHECK(first.parsedFiles == 25);
    checkSame(first, reference);
    RegisterCache probe(cacheDir, fs::weakly_canonical(ws).string());
    REQUIRE(fs::exists(probe.path()));
    CHECK_THAT(probe.path(), Catch::StartsWith(cacheDir + "/register-"));

    Register warm = Register::scan(ws, kAsOf, calendar(), progress, cached);
    CHECK(warm.parsedFiles == 1);  // only the unreadable file, which is never cached
    checkSame(warm, reference);
    // The same folder named another way shares the cache.
    Register other = Register::scan(ws + "/./sub/..", kAsOf, calendar(), progress, cached);
    CHECK(other.parsedFiles == 1);

    SECTION("a changed file is parsed again") {
        size_t k = 0;
        while (AuditReader::load(paths[k]).actions.empty())
            ++k;
        Audit a = AuditReader::load(paths[k]);
        a.actions[0].status = ActionStatus::Reopened;
        a.actions[0].content = "đã sửa";
        AuditWriter::save(a, paths[k]);
        age(paths[k], 1800);
        Register after = Register::scan(ws, kAsOf, calendar(), progress, cached);
        CHECK(after.parsedFiles == 2);
        checkSame(after, plain());
        CHECK(Register::scan(ws, kAsOf, calendar(), progress, cached).parsedFiles == 1);
    }
    SECTION("a removed file disappears, a new one appears") {
        fs::remove(paths[3]);
        Audit a = cacheAudit(99, rng);
        AuditWriter::save(a, ws + "/new.audit.xml");
        age(ws + "/new.audit.xml", 600);
        Register after = Register::scan(ws, kAsOf, calendar(), progress, cached);
        CHECK(after.parsedFiles == 2);
        checkSame(after, plain());
    }
    SECTION("a file modified in the last seconds is read every time") {
        Audit a = AuditReader::load(paths[0]);
        AuditWriter::save(a, paths[0]);  // modification time: now
        CHECK(Register::scan(ws, kAsOf, calendar(), progress, cached).parsedFiles == 2);
        CHECK(Register::scan(ws, kAsOf, calendar(), progress, cached).parsedFiles == 2);
        checkSame(Register::scan(ws, kAsOf, calendar(), progress, cached), plain());
    }
    SECTION("a damaged record sends its file back to the parser") {
        std::string bytes = readFile(probe.path());
        auto p = bytes.find("Nội dung");
        REQUIRE(p != std::string::npos);
        bytes[p] = 'X';
        writeFileAtomically(probe.path(), bytes, {false});
        Register after = Register::scan(ws, kAsOf, calendar(), progress, cached);
        CHECK(after.parsedFiles == 2);
        checkSame(after, reference);
    }
    SECTION("a damaged, truncated or foreign cache is ignored") {
        std::string bytes = readFile(probe.path());
        for (std::string bad : {bytes.substr(0, bytes.size() / 2), std::string("hello"),
                                std::string(), bytes.substr(0, 9) + "XXXX" + bytes.substr(13)}) {
            writeFileAtomically(probe.path(), bad, {false});
            Register after = Register::scan(ws, kAsOf, calendar(), progress, cached);
            CHECK(after.parsedFiles == 25);
            checkSame(after, reference);
        }
        // This folder's cache under another folder's name.
        RegisterCache elsewhere(cacheDir, "/some/other/folder");
        writeFileAtomically(elsewhere.path(), bytes, {false});
        elsewhere.load();
        CHECK(elsewhere.size() == 0);
        probe.load();
        CHECK(probe.size() == 24);
    }
}

TEST_CASE("register order: units, deadlines, audits, actions", "[tracking][register]") {
    std::mt19937 rng(11);
    std::vector<Audit> audits;
    for (int n = 0; n < 60; ++n) {
        audits.push_back(cacheAudit(n, rng));
        audits.back().file = "f" + std::to_string(n % 5) + ".audit.xml";
    }
    Register r = Register::fromAudits(audits, kAsOf, calendar());
    size_t total = 0;
    for (const auto& a : audits)
        total += a.actions.size();
    CHECK(r.entries.size() == total);
    CHECK(std::is_sorted(r.entries.begin(), r.entries.end(), entryLess));
}

// Issue #19, code review: the format version was a constant bumped by hand, so a layout change
// without the bump would have read old caches wrongly. It is now derived from the layout that
// writing and reading both walk (RegisterCache.cpp, fields()).
TEST_CASE("register cache: the format version is derived from the record layout", "[tracking][cache]") {
    // The layout as documented in RegisterCache.hpp; a change of a field changes this text, and so
    // the version, with nothing to bump.
    CHECK(RegisterCache::layout() == "v1:ssssssd[ssse4i4dde4e2sdss[s]si4si4]");
    test::ScratchDir dir;
    RegisterCache cache(dir.path(), "/ws");
    std::mt19937 rng(7);
    const std::string record = RegisterCache::encode("a.audit.xml", FileStamp{10, 20}, cacheAudit(3, rng));
    cache.save({record});
    std::string bytes = readFile(cache.path());
    std::uint32_t version = 0;
    REQUIRE(bytes.size() > 12);
    std::memcpy(&version, bytes.data() + 8, 4);
    CHECK(version == RegisterCache::formatVersion());
    RegisterCache same(dir.path(), "/ws");
    same.load();
    CHECK(same.size() == 1);
    // What a cache of another layout holds at that place: ignored as a whole.
    version ^= 1;
    std::memcpy(bytes.data() + 8, &version, 4);
    writeFileAtomically(cache.path(), bytes);
    RegisterCache other(dir.path(), "/ws");
    other.load();
    CHECK(other.size() == 0);
}

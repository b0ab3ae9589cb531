// SPDX-License-Identifier: Apache-2.0
// bench_tracking - how long the register takes to scan a workspace.
//
//   bench_tracking [audits=10000] [actions=30] [dir=/tmp/par-bench-workspace] [runs=5] [threads=0]
//                  [mode=cold|cache|stages]
//
// Generates the workspace once (kept between runs; delete the folder to regenerate): each audit is
// written by AuditWriter like a real one, with 60 answers (one a 12-row table), `actions` findings
// with their legal basis and recommendation, and `actions` actions in mixed statuses, some with
// reports and histories (≈ 53 KB a file). Then scans it `runs` times (the first run may read from
// disk, later ones from the page cache) and prints each time, the median, and the register's size.
//   cold:   no cache, every file parsed (what a first `par-audit track --no-cache` does);
//   cache:  with a cache in $PAR_BENCH_CACHE (default /tmp/par-bench-cache), emptied first: run 1
//           parses and writes it, the later runs read unchanged files from it;
//   stages: one thread, the time of each stage over all files (listing, reading, scanning,
//           building the entries) instead of whole scans.
// Exits 1 if the median is over 2 s.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/common/AtomicFile.hpp"
#include "core/model/AuditReader.hpp"
#include "core/model/AuditWriter.hpp"
#include "core/tracking/Register.hpp"
#include "core/tracking/RegisterCache.hpp"
#include "core/tracking/RegisterScanner.hpp"

using namespace par;
namespace fs = std::filesystem;

namespace {
const char* kUnits[] = {"UBND xã Ngọc Sơn", "UBND xã Quỳnh Châu",          "UBND phường Hoàng Mai",
                        "Sở Tư pháp",       "Sở Tài nguyên và Môi trường", "UBND xã Diễn Thịnh",
                        "Sở Y tế",          "UBND phường Vinh Tân"};

Audit makeAudit(int n, int actions) {
    Audit a;
    a.id = "BENCH-" + std::to_string(n);
    a.revision = 3;
    a.unit = {kUnits[n % 8], "xa", "commune", "Nghệ An"};
    a.body = {"UBND TỈNH NGHỆ AN", "SỞ NỘI VỤ", "SNV", "Nghệ An"};
    a.form = {"cchc-xa", "2025.1", ""};
    a.visitStart = Date(2025, 9, 1) + boost::gregorian::days(n % 60);
    a.visitEnd = a.visitStart;
    a.notice.number = std::to_string(n % 300 + 1);
    a.notice.symbol = "TB-SNV";
    a.notice.date = *a.visitStart + boost::gregorian::days(10);
    a.notice.summary = "Kết luận kiểm tra công tác cải cách hành chính";
    a.notice.bases = {
        "Căn cứ Kế hoạch số 12/KH-SNV của Sở Nội vụ về kiểm tra công tác cải cách hành chính năm "
        "2025",
        "Căn cứ Quyết định số 45/QĐ-SNV của Giám đốc Sở Nội vụ về việc thành lập Đoàn kiểm tra"};
    for (int q = 0; q < 60; ++q) {
        std::string id = "cau_hoi_" + std::to_string(q);
        a.answers.answers[id] =
            Answer{id, false, q % 3 == 0 ? "yes" : std::to_string(q * 37), {}, {}, 0};
    }
    Answer table{"tthc_kiem_tra", false, "", {}, {}, 0};
    for (int r = 0; r < 12; ++r)
        table.rows.push_back(
            {{"ma_thu_tuc", "1.00" + std::to_string(1600 + r)},
             {"thanh_phan_yeu_cau",
              "Tờ khai đăng ký\nBản sao giấy tờ tùy thân\nBản sao sổ hộ khẩu có chứng thực"},
             {"noi_tiep_nhan", "Bộ phận Một cửa"}});
    a.answers.answers["tthc_kiem_tra"] = table;
    for (int i = 0; i < actions; ++i) {
        char fid[16], aid[16];
        std::snprintf(fid, sizeof fid, "F-%03d", i + 1);
        std::snprintf(aid, sizeof aid, "A-%03d", i + 1);
        Finding f;
        f.id = fid;
        f.origin = FindingOrigin::Rule;
        f.rule = "R-" + std::to_string(i % 12);
        f.category = "surplus-components";
        f.area = "procedures";
        f.text = "Thủ tục hành chính 1.00" + std::to_string(1600 + i) +
                 " yêu cầu cá nhân, tổ chức nộp thành phần hồ sơ ngoài quy định (Bản sao sổ hộ "
                 "khẩu có chứng thực), trái "
                 "với điểm b khoản 1 Điều 6 Nghị định số 63/2010/NĐ-CP.";
        f.legalBasis = {"Nghị định số 63/2010/NĐ-CP", "Nghị định số 118/2025/NĐ-CP"};
        f.recommendation = {
            "Bãi bỏ ngay yêu cầu thành phần hồ sơ ngoài quy định đối với thủ tục 1.00" +
                std::to_string(1600 + i) +
                "; rà soát, niêm yết lại bộ thủ tục hành chính tại Bộ phận Một cửa.",
            *DeadlineRule::parse(i % 3 == 0   ? "30 working-days"
                                 : i % 3 == 1 ? "15 calendar-days"
                                              : "2026-03-31"),
            kUnits[(n + i) % 8]};
        a.findings.push_back(f);
        Action ac;
        ac.id = aid;
        ac.finding = fid;
        ac.responsible = f.recommendation.responsible;
        ac.deadlineRule = f.recommendation.deadline;
        ac.deadline = *a.notice.date + boost::gregorian::days(20 + i * 3);
        ac.content = f.recommendation.text;
        int s = (n + i) % 5;
        ac.status = s < 2    ? ActionStatus::Open
                    : s == 2 ? ActionStatus::Reported
                    : s == 3 ? ActionStatus::Accepted
                             : ActionStatus::Reopened;
        if (ac.status != ActionStatus::Open) {
            ac.report.date = *ac.deadline - boost::gregorian::days(2);
            ac.report.doc = std::to_string(i + 10) + "/BC-UBND";
            ac.report.note = "Đã ban hành văn bản bãi bỏ và niêm yết lại.";
            ac.report.evidence = {"van-ban-" + std::to_string(i) + ".pdf"};
            ac.history.push_back({ActionEvent::Kind::Status, "2025-11-02T09:00:00", "van-phong",
                                  ActionStatus::Open, ActionStatus::Reported, "", std::nullopt,
                                  std::nullopt, "", "", "", ""});
        }
        a.actions.push_back(ac);
    }
    a.changeLog.push_back({"2025-11-01T10:00:00", "thu-ky", "Tạo", "", {}});
    return a;
}

double seconds(std::chrono::steady_clock::duration d) {
    return std::chrono::duration<double>(d).count();
}

// CPU time of the process, all threads (user + system).
double processCpu() {
    struct timespec ts {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// Where a scan's time goes, one stage at a time on one thread (CPU time of the process).
int stages(const std::string& dir, const cal::WorkingCalendar& calendar) {
    auto cpu = processCpu;
    double t = cpu();
    std::vector<std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && e.path().string().size() > 10 &&
            e.path().string().compare(e.path().string().size() - 10, 10, ".audit.xml") == 0)
            files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    double listed = cpu() - t;
    t = cpu();
    size_t bytes = 0;
    for (const auto& f : files)
        bytes += readFile(f).size();
    double read = cpu() - t;
    t = cpu();
    size_t actions = 0, declined = 0;
    std::vector<Audit> audits;
    audits.reserve(files.size());
    for (const auto& f : files) {
        std::string text = readFile(f);
        auto a = track::scanForRegister(text, f);
        if (!a) {
            ++declined;
            a = AuditReader::parse(text, f);
        }
        actions += a->actions.size();
        audits.push_back(std::move(*a));
    }
    double scanned = cpu() - t - read;
    t = cpu();
    size_t cacheBytes = 0;
    for (const auto& a : audits)
        cacheBytes += track::RegisterCache::encode(a.file, {}, a).size();
    double encoded = cpu() - t;
    t = cpu();
    track::Register reg = track::Register::fromAudits(audits, Date(2026, 1, 15), calendar);
    double built = cpu() - t;
    t = cpu();
    for (const auto& a : audits) {
        std::string text = readFile(a.file);
        AuditReader::parse(text, a.file);
        if (&a - audits.data() == 999)
            break;
    }
    double full = (cpu() - t) * static_cast<double>(files.size()) / 1000.0;
    std::printf("%zu files, %.0f MB, %zu actions; the scanner declined %zu files\n", files.size(),
                static_cast<double>(bytes) / 1e6, actions, declined);
    std::printf("CPU, one thread: listing %.3f s, reading %.3f s, scanning %.3f s, entries, sort "
                "(fromAudits, copies the audits) %.3f s, cache records %.3f s (%.0f MB); "
                "full AuditReader ≈ %.3f s (reading included, extrapolated from 1,000 files)\n",
                listed, read, scanned, built, encoded, static_cast<double>(cacheBytes) / 1e6, full);
    return 0;
}
}  // namespace

int main(int argc, char** argv) {
    int audits = argc > 1 ? std::atoi(argv[1]) : 10000;
    int actions = argc > 2 ? std::atoi(argv[2]) : 30;
    std::string dir = argc > 3 ? argv[3] : "/tmp/par-bench-workspace";
    int runs = argc > 4 ? std::atoi(argv[4]) : 5;
    unsigned threads = argc > 5 ? static_cast<unsigned>(std::atoi(argv[5])) : 0;
    std::string mode = argc > 6 ? argv[6] : "cold";
    if (mode != "cold" && mode != "cache" && mode != "stages") {
        std::fprintf(stderr, "mode: cold, cache or stages\n");
        return 2;
    }

    if (!fs::exists(dir + "/.complete")) {
        fs::create_directories(dir);
        auto t0 = std::chrono::steady_clock::now();
        uintmax_t bytes = 0;
        for (int n = 0; n < audits; ++n) {
            std::string sub =
                dir + "/" +
                std::to_string(n / 1000);  // 1,000 files a folder, as offices sort by year
            fs::create_directories(sub);
            std::string xml = AuditWriter::toXml(makeAudit(n, actions));
            bytes += xml.size();
            writeFileAtomically(sub + "/audit-" + std::to_string(n) + ".audit.xml", xml, {false});
        }
        writeFileAtomically(dir + "/.complete", "", {false});
        std::printf("generated %d audits × %d actions in %s: %.0f MB in %.1f s\n", audits, actions,
                    dir.c_str(), static_cast<double>(bytes) / 1e6,
                    seconds(std::chrono::steady_clock::now() - t0));
    }

    cal::WorkingCalendar calendar = cal::WorkingCalendar::standard();
    NullProgress progress;
    if (mode == "stages")
        return stages(dir, calendar);
    track::ScanOptions options;
    options.threads = threads;
    if (mode == "cache") {
        const char* env = std::getenv("PAR_BENCH_CACHE");
        options.cacheFolder = env != nullptr ? env : "/tmp/par-bench-cache";
        fs::remove_all(options.cacheFolder);
    }
    std::vector<double> times;
    size_t entries = 0, scanned = 0, overdue = 0;
    for (int r = 0; r < runs; ++r) {
        auto t0 = std::chrono::steady_clock::now();
        double c0 = processCpu();
        track::Register reg = track::Register::scan(dir, Date(2026, 1, 15), calendar, progress, options);
        double s = seconds(std::chrono::steady_clock::now() - t0);
        double c = processCpu() - c0;
        if (mode != "cache" || r > 0)  // the cache's first run (parse and write) is reported apart
            times.push_back(s);
        entries = reg.entries.size();
        scanned = reg.auditCount;
        overdue = static_cast<size_t>(
            std::count_if(reg.entries.begin(), reg.entries.end(),
                          [](const track::RegisterEntry& e) { return e.overdue; }));
        if (!reg.issues.empty())
            std::printf("issue: %s\n", reg.issues.front().message.c_str());
        std::printf("run %d: %.3f s wall, %.3f s CPU (%zu files parsed%s)\n", r + 1, s, c,
                    reg.parsedFiles, mode == "cache" && r == 0 ? ", cache written" : "");
    }
    if (times.empty())
        return 0;
    std::sort(times.begin(), times.end());
    double median = times[times.size() / 2];
    std::printf(
        "register (%s): %zu audits, %zu actions (%zu overdue); median %.3f s, min %.3f s over %zu "
        "runs\n",
        mode.c_str(), scanned, entries, overdue, median, times.front(), times.size());
    return median <= 2.0 ? 0 : 1;
}

// SPDX-License-Identifier: Apache-2.0
// gen_dossier_log - writes a realistic one-stop dossier log with N data rows, the same bytes for
// the same arguments on every machine (own PRNG, no <random> distributions):
//   gen_dossier_log N OUT.csv [CATALOG.xml] [SEED] [FROM TO]
// Receipts fall in FROM..TO (default 2023-01-01..2025-12-31); TO is also the day the export is
// taken. Traits of real exports: UTF-8 BOM, CRLF, Vietnamese headers and names, quoted fields with
// commas (unit and procedure names), a few notes with doubled quotes or a line break inside quotes,
// receipts after the cut-off hour and on weekends (online), due dates from the catalog and the
// working calendar with ~2% wrong appointments, ~5% late results, unfinished dossiers, and ~0.02%
// bad rows (an impossible date, a missing appointment, an unknown procedure code).
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "core/calendar/WorkingCalendar.hpp"
#include "core/common/Csv.hpp"
#include "core/common/DataPaths.hpp"
#include "core/common/Error.hpp"
#include "core/model/ProcedureCatalog.hpp"

using namespace par;
using boost::gregorian::days;

namespace {

struct Rng {  // splitmix64
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    bool chance(int perTenThousand) { return below(10000) < perTenThousand; }
};

const char* const kUnits[] = {
    "Bộ phận Một cửa UBND huyện Quỳnh Lưu",
    "UBND xã Ngọc Sơn",
    "UBND xã Quỳnh Châu",
    "UBND thị trấn Cầu Giát",
    "UBND xã Quỳnh Bá",
    "UBND xã Quỳnh Thạch",
    "UBND xã Quỳnh Hưng",
    "UBND xã Sơn Hải",
    "UBND xã Tiến Thủy",
    "UBND phường Bến Thủy",
    "UBND phường Hưng Dũng",
    "UBND xã Nghi Ân",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Tài nguyên và Môi trường",
    "Sở Tư pháp",
    "Sở Lao động, Thương binh và Xã hội",
    "Sở Kế hoạch và Đầu tư",
    "Sở Xây dựng",
    "Chi nhánh Văn phòng Đăng ký đất đai huyện Quỳnh Lưu",
    "Phòng Tư pháp huyện Quỳnh Lưu",
    "Phòng Kinh tế và Hạ tầng",
    "Phòng Tài chính - Kế hoạch",
    "UBND xã Diễn Kim",
    "UBND xã Hưng Nguyên",
    "UBND xã Nam Đàn",
    "UBND xã Thanh Chương",
};
const char* const kFamily[] = {"Nguyễn", "Trần", "Lê",  "Phạm", "Hoàng", "Phan",
                               "Vũ",     "Đặng", "Bùi", "Đỗ",   "Hồ",    "Ngô"};
const char* const kGiven[] = {"An",     "Bình", "Cường", "Dũng", "Giang", "Hà",  "Hải",
                              "Hằng",   "Hùng", "Lan",   "Linh", "Minh",  "Nam", "Ngọc",
                              "Phương", "Quân", "Sơn",   "Thảo", "Thủy",  "Yến"};
const char* const kNotes[] = {"Bổ sung hồ sơ, hẹn lại", "Trả qua dịch vụ bưu chính công ích",
                              "Nộp trực tuyến, nhận kết quả tại Bộ phận Một cửa"};

std::string two(int v) {
    return (v < 10 ? "0" : "") + std::to_string(v);
}
std::string dmy(Date d) {
    return two(d.day()) + "/" + two(d.month()) + "/" + std::to_string(d.year());
}
std::string dmyTime(Date d, int secs) {
    return dmy(d) + " " + two(secs / 3600) + ":" + two(secs / 60 % 60) + ":" + two(secs % 60);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: gen_dossier_log N OUT.csv [CATALOG.xml] [SEED] [FROM TO]\n";
        return 2;
    }
    try {
        const long rows = std::stol(argv[1]);
        const std::string out = argv[2];
        const std::string catalogPath = argc > 3 ? argv[3] : dataPath("reference/thu-tuc-mau.xml");
        Rng rng{argc > 4 ? std::stoull(argv[4]) : 2018};
        const ProcedureCatalog catalog = ProcedureCatalog::load(catalogPath);
        std::vector<const Procedure*> procs;
        for (const auto& [code, p] : catalog.procedures())
            procs.push_back(&p);
        if (procs.empty())
            throw Error("the catalog has no procedure");
        const cal::WorkingCalendar calendar = cal::WorkingCalendar::standard();

        std::ofstream f(out, std::ios::binary);
        if (!f)
            throw IoError("cannot write " + out);
        f << "\xEF\xBB\xBF"
             "STT,Mã hồ sơ,Mã thủ tục,Tên thủ tục,Cơ quan tiếp nhận,Người nộp,"
             "Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Ghi chú\r\n";
        const Date first =
            argc > 6 ? boost::gregorian::from_simple_string(argv[5]) : Date(2023, 1, 1);
        const Date asOf =
            argc > 6 ? boost::gregorian::from_simple_string(argv[6]) : Date(2025, 12, 31);
        const int span = static_cast<int>((asOf - first).days()) + 1;
        std::string line;
        for (long i = 1; i <= rows; ++i) {
            const Procedure& p =
                *procs[static_cast<size_t>(rng.below(static_cast<int>(procs.size())))];
            Date r = first + days(rng.below(span));
            // Most dossiers arrive on working days; online ones also at weekends.
            if (!calendar.isWorkingDay(r) && !rng.chance(1500))
                r = calendar.nextWorkingDay(r);
            const int secs = 7 * 3600 + rng.below(10 * 3600 + 1800);
            const Date s = calendar.dueDate(
                boost::posix_time::ptime(r, boost::posix_time::seconds(secs)), p.workingDays,
                p.cutoffMinutes ? std::optional(boost::posix_time::minutes(*p.cutoffMinutes))
                                : std::nullopt);
            Date d = s;
            if (rng.chance(200))
                d = calendar.addWorkingDays(s, 1 + rng.below(3));  // wrong appointment
            std::string finished;
            const int roll = rng.below(10000);
            // Unfinished: most recent receipts still being processed, and a few forgotten ones.
            const bool pending = (roll < 700 && d >= asOf - days(60)) || roll >= 9950;
            if (!pending) {
                Date fd;
                const int k = rng.below(10000);
                if (k < 500)
                    fd = calendar.addWorkingDays(d, 1 + rng.below(10));  // late
                else if (k < 4000)
                    fd = d;  // on time
                else {
                    const int back = std::min(p.workingDays, 1 + rng.below(5));  // early
                    fd = d - days(back);
                    while (fd > r && !calendar.isWorkingDay(fd))
                        fd -= days(1);  // offices closed
                    if (fd < r)
                        fd = r;
                }
                const int at = 8 * 3600 + rng.below(9 * 3600);
                if (fd <= asOf)
                    finished = dmyTime(fd, at);  // never a result after the export
            }
            std::string due = dmy(d), received = dmyTime(r, secs), code = p.code;
            const int bad = rng.below(100000);
            if (bad < 8)
                received = "31/02/" + std::to_string(r.year()) + " 09:15:00";  // impossible
            else if (bad < 14)
                due.clear();  // missing
            else if (bad < 20)
                code = "9.999999";  // unknown
            std::string note;
            const int n = rng.below(10000);
            if (n < 100)
                note = kNotes[rng.below(3)];
            else if (n < 110)
                note = "Công dân đề nghị \"trả tại nhà\"";
            else if (n < 120)
                note = "Hồ sơ liên thông\r\nđã chuyển Sở Tư pháp";
            const std::string person = std::string(kFamily[rng.below(12)]) +
                                       (rng.chance(5000) ? " Văn " : " Thị ") +
                                       kGiven[rng.below(20)];
            const std::string unit =
                kUnits[rng.below(static_cast<int>(sizeof kUnits / sizeof *kUnits))];
            const std::string id = "H40." + two(1 + rng.below(40)) + "-" +
                                   std::to_string(r.year() % 100) + two(r.month()) + two(r.day()) +
                                   "-" + std::to_string(100000 + i % 900000);
            line.clear();
            line += std::to_string(i) + "," + id + "," + csvField(code) + "," + csvField(p.name) +
                    "," + csvField(unit) + "," + person + "," + received + "," + due + "," +
                    finished + "," + csvField(note) + "\r\n";
            f << line;
        }
        if (!f.flush())
            throw IoError("cannot write " + out);
    } catch (const std::exception& e) {
        std::cerr << "gen_dossier_log: " << e.what() << "\n";
        return 2;
    }
    return 0;
}

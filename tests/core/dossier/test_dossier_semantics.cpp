// SPDX-License-Identifier: Apache-2.0
// The semantics of docs/dossiers.md at every boundary: early / on time / late around the due date,
// a due date on Friday and a result on Monday, holidays and a worked Saturday in between, receipts
// on a Sunday and after the cut-off hour (statutory due date, wrong appointments), in time /
// overdue against the as-of date; and the sums per unit (NFC), procedure and receipt month.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <thread>

#include "DossierTestSupport.hpp"

using namespace par;
using namespace par::dossier;
using namespace par::test;

namespace {
struct Row {
    const char* code;
    const char* received;
    const char* due;
    const char* finished;
};

// Classifies one row with as-of `asOf`; fails the test if the row is bad.
DossierRecord one(const Row& r, Date asOf = Date(2024, 6, 28)) {
    AnalysisOptions o;
    o.asOf = asOf;
    DossierAnalyzer a(dossierCatalog(), standardCalendar(), o);
    const ColumnMap columns = ColumnMap::resolve(
        {"dossier_id", "procedure_code", "unit", "received_at", "due_at", "finished_at"}, {},
        {"t", 1, 0});
    RawRecord rec;
    rec.line = 2;
    rec.fields = {"HS", r.code, "UBND xã A", r.received, r.due, r.finished};
    std::string reason;
    auto d = a.classify(rec, columns, reason);
    INFO(reason);
    REQUIRE(d);
    return *d;
}
}  // namespace

TEST_CASE("finished: early, on the due date, one day late", "[dossier]") {
    // 1.001612 (3 working days) received Mon 04/03/2024: statutory due Thu 07/03.
    auto early = one({"1.001612", "04/03/2024 08:00", "07/03/2024", "06/03/2024 16:00"});
    CHECK(early.outcome == Outcome::FinishedEarly);
    CHECK(early.lateWorkingDays == 0);
    auto onTime = one({"1.001612", "04/03/2024 08:00", "07/03/2024", "07/03/2024 16:59"});
    CHECK(onTime.outcome == Outcome::FinishedOnTime);  // date granularity: the hour does not matter
    CHECK(onTime.statutoryDue == Date(2024, 3, 7));
    CHECK_FALSE(onTime.wrongAppointment);
    auto late = one({"1.001612", "04/03/2024 08:00", "07/03/2024", "08/03/2024 07:00"});
    CHECK(late.outcome == Outcome::FinishedLate);
    CHECK(late.lateWorkingDays == 1);
}

TEST_CASE("due Friday, result Monday: late by one working day", "[dossier]") {
    auto r = one({"1.001612", "05/03/2024", "08/03/2024", "11/03/2024"});
    CHECK(r.outcome == Outcome::FinishedLate);
    CHECK(r.lateWorkingDays == 1);
    // A result on the Saturday after is late too, by no working day.
    auto sat = one({"1.001612", "05/03/2024", "08/03/2024", "09/03/2024"});
    CHECK(sat.outcome == Outcome::FinishedLate);
    CHECK(sat.lateWorkingDays == 0);
}

TEST_CASE("holidays in between: 30/4-1/5/2024 with the swapped days", "[dossier]") {
    // Due Fri 26/04; off 29/04 (swap), 30/04, 01/05; Sat 04/05 worked: (26/04, 06/05] holds
    // 02/05, 03/05, 04/05, 06/05.
    auto r = one({"1.001612", "23/04/2024", "26/04/2024", "06/05/2024"});
    CHECK(r.outcome == Outcome::FinishedLate);
    CHECK(r.lateWorkingDays == 4);
    // Statutory due over the holiday: received Fri 26/04, 3 working days → Sat 04/05 (worked).
    auto s = one({"1.001612", "26/04/2024 10:00", "04/05/2024", ""});
    CHECK(s.statutoryDue == Date(2024, 5, 4));
    CHECK_FALSE(s.wrongAppointment);
    CHECK(one({"1.001612", "26/04/2024 10:00", "06/05/2024", ""}).wrongAppointment);
}

TEST_CASE("receipt on a Sunday counts from Monday", "[dossier]") {
    auto r = one({"1.001612", "10/03/2024 09:00", "14/03/2024", "14/03/2024"});
    CHECK(r.statutoryDue == Date(2024, 3, 14));
    CHECK_FALSE(r.wrongAppointment);
    CHECK(r.outcome == Outcome::FinishedOnTime);
    auto wrong = one({"1.001612", "10/03/2024 09:00", "15/03/2024", "15/03/2024"});
    CHECK(wrong.wrongAppointment);
    CHECK(wrong.outcome == Outcome::FinishedOnTime);  // on time against its own appointment
}

TEST_CASE("after the cut-off hour counts from the next working day", "[dossier]") {
    // 2.000815: 1 working day, cut-off 15:00. Mon 11/03/2024.
    CHECK(one({"2.000815", "11/03/2024 15:00", "12/03/2024", ""}).statutoryDue ==
          Date(2024, 3, 12));
    CHECK(one({"2.000815", "11/03/2024 15:00:01", "13/03/2024", ""}).statutoryDue ==
          Date(2024, 3, 13));
    CHECK(one({"2.000815", "2024-03-11T15:01", "13/03/2024", ""}).statutoryDue ==
          Date(2024, 3, 13));
    CHECK(one({"2.000815", "11/03/2024", "12/03/2024", ""}).statutoryDue ==
          Date(2024, 3, 12));  // no time
    CHECK(one({"2.000815", "11/03/2024 15:00", "13/03/2024", ""}).wrongAppointment);
    CHECK_FALSE(one({"2.000815", "11/03/2024 15:30", "13/03/2024", ""}).wrongAppointment);
    // Procedures without a cut-off ignore the hour.
    CHECK(one({"1.001612", "11/03/2024 17:59", "14/03/2024", ""}).statutoryDue ==
          Date(2024, 3, 14));
    // After the cut-off on a Friday: Monday is the start.
    CHECK(one({"2.000815", "08/03/2024 16:00", "12/03/2024", ""}).statutoryDue ==
          Date(2024, 3, 12));
}

TEST_CASE("unfinished: in time up to the due date, overdue after it", "[dossier]") {
    const Row r{"1.001612", "05/03/2024", "08/03/2024", ""};
    auto atDue = one(r, Date(2024, 3, 8));
    CHECK(atDue.outcome == Outcome::PendingInTime);
    CHECK(atDue.lateWorkingDays == 0);
    auto saturday = one(r, Date(2024, 3, 9));
    CHECK(saturday.outcome == Outcome::PendingOverdue);
    CHECK(saturday.lateWorkingDays == 0);
    auto monday = one(r, Date(2024, 3, 11));
    CHECK(monday.outcome == Outcome::PendingOverdue);
    CHECK(monday.lateWorkingDays == 1);
    CHECK(one(r, Date(2024, 3, 1)).outcome == Outcome::PendingInTime);  // as-of before receipt
}

TEST_CASE("sums per unit (NFC, spaces), procedure and receipt month, worst late first",
          "[dossier]") {
    const std::string nfdUnit =
        "UBND xa\xCC\x83 Ngo\xCC\xA3\x63 So\xCC\x9Bn";  // "UBND xã Ngọc Sơn", NFD
    const std::string csv =
        std::string(kHeader) +
        "HS-1,1.001612,UBND xã Ngọc Sơn,04/03/2024 08:00,07/03/2024,06/03/2024\n"
        "HS-2,1.001612," +
        nfdUnit +
        ",04/03/2024 08:00,07/03/2024,07/03/2024\n"
        "HS-3,1.001612, UBND  xã Ngọc Sơn ,05/03/2024,08/03/2024,11/03/2024\n"
        "HS-4,2.000815,UBND xã Quỳnh Châu,29/03/2024 16:00,02/04/2024,\n"
        "HS-5,2.000815,UBND xã Quỳnh Châu,03/04/2024 09:00,04/04/2024,\n"
        "HS-6,MAU.XD.01,UBND xã Quỳnh Châu,23/04/2024,26/04/2024,06/05/2024\n"
        "HS-7,1.001612,UBND xã Quỳnh Châu,10/03/2024 09:00,15/03/2024,15/03/2024\n";
    const DossierStats s = analyzeCsv(csv, Date(2024, 4, 3), {}, 2);
    CHECK(s.rowsTotal == 7);
    CHECK(s.rowsInvalid == 0);
    CHECK(s.totals.received == 7);
    CHECK(s.totals.finishedEarly == 1);     // HS-1
    CHECK(s.totals.finishedOnTime == 2);    // HS-2, HS-7
    CHECK(s.totals.finishedLate == 2);      // HS-3 (1 day), HS-6 (4 days)
    CHECK(s.totals.pendingInTime == 1);     // HS-5
    CHECK(s.totals.pendingOverdue == 1);    // HS-4: after the cut-off, due 02/04, as-of 03/04
    CHECK(s.totals.wrongAppointment == 1);  // HS-7: received on a Sunday, due Friday
    CHECK(s.totals.lateWorkingDaysSum == 1 + 4 + 1);
    REQUIRE(s.byUnit.size() == 2);
    CHECK(s.byUnit[0].key == "UBND xã Ngọc Sơn");
    CHECK(s.byUnit[0].counts.received == 3);
    CHECK(s.byUnit[1].key == "UBND xã Quỳnh Châu");
    CHECK(s.byUnit[1].counts.received == 4);
    REQUIRE(s.byProcedure.size() == 3);
    CHECK(s.byProcedure[0].key == "1.001612");
    CHECK(s.byProcedure[0].counts.received == 4);
    CHECK(s.byProcedure[2].key == "MAU.XD.01");
    REQUIRE(s.byMonth.size() == 2);
    CHECK(s.byMonth[0].key == "2024-03");  // receipt month
    CHECK(s.byMonth[0].counts.received == 5);
    CHECK(s.byMonth[1].key == "2024-04");
    REQUIRE(s.byYear.size() == 1);
    CHECK(s.byYear[0].counts == s.totals);
    REQUIRE(s.worstLate.size() == 2);
    CHECK(s.worstLate[0].id == "HS-6");
    CHECK(s.worstLate[0].lateWorkingDays == 4);
    CHECK(s.worstLate[1].id == "HS-3");  // 1 day, before HS-4 (also 1) by line
}

TEST_CASE("progress is reported and cancel stops the run", "[dossier]") {
    struct Recorder : Progress {
        std::vector<double> seen;
        bool stop = false;
        void update(double f, std::string_view) override { seen.push_back(f); }
        bool cancelled() const override { return stop; }
    };
    std::string csv = kHeader;
    for (int i = 0; i < 20000; ++i)
        csv += "HS,1.001612,UBND xã A,04/03/2024,07/03/2024,07/03/2024\n";
    ScratchDir dir("par-dossier");
    writeText(dir.file("log.csv"), csv);
    AnalysisOptions o;
    o.asOf = Date(2024, 3, 29);
    {
        CsvReader reader(dir.file("log.csv"));
        Recorder p;
        DossierAnalyzer a(dossierCatalog(), standardCalendar(), o);
        CHECK(a.analyze(reader, {}, &p).totals.finishedOnTime == 20000);
        REQUIRE(p.seen.size() >= 3);
        CHECK(p.seen.front() == 0.0);
        CHECK(p.seen.back() == 1.0);
        CHECK(std::is_sorted(p.seen.begin(), p.seen.end()));
    }
    CsvReader reader(dir.file("log.csv"));
    Recorder p;
    p.stop = true;
    DossierAnalyzer a(dossierCatalog(), standardCalendar(), o);
    CHECK_THROWS_AS(a.analyze(reader, {}, &p), Cancelled);
}

// Issue 19, item 3: the parallel scan cuts the file into blocks at exact record boundaries. Any
// block size and any number of threads must give the same figures, bad rows, flagged dossiers (in
// file order) and errors as one thread reading record by record: random files with quoted
// separators, doubled quotes, line breaks in quotes, CR, CRLF and LF, blank lines and bad rows,
// cut into blocks of 1 to 300 bytes.
TEST_CASE("parallel scan: identical to the sequential one, whatever the block size",
          "[dossier][parallel]") {
    std::mt19937 rng(19);
    auto pick = [&](std::initializer_list<const char*> xs) {
        return std::string(*(xs.begin() + rng() % xs.size()));
    };
    for (int round = 0; round < 60; ++round) {
        std::string csv = std::string(kHeader);
        const int rows = 1 + static_cast<int>(rng() % 200);
        for (int i = 0; i < rows; ++i) {
            const std::string eol = pick({"\n", "\r\n", "\n", "\r"});
            if (rng() % 17 == 0)
                csv += eol;  // a blank line
            csv += "HS-" + std::to_string(i) + ",";
            csv += pick({"1.001612", "2.000815", "MAU.XD.01", "9.999", "\"1.001612\""}) + ",";
            csv += pick({"UBND xã A", "\"UBND xã B, huyện C\"", "\"Sở \"\"X\"\"\"",
                         "\"dòng một\ndòng hai\"", "UBND xã Hoà", "\"x\r\ny\""}) +
                   ",";
            const int d = 1 + static_cast<int>(rng() % 27);
            csv += std::to_string(d) + "/03/2024 " + pick({"08:00", "16:30", "4:30:00 CH"}) + ",";
            csv += std::to_string(d + static_cast<int>(rng() % 3)) + "/03/2024,";
            csv += pick({"", "", "10/03/2024", "31/02/2024", "29/03/2024", "01/03/2024"});
            csv += eol;
        }
        ScratchDir dir("par-par");
        writeText(dir.file("log.csv"), csv);
        auto run = [&](unsigned threads, size_t block, std::vector<long>* flagged) {
            CsvReader reader(dir.file("log.csv"));
            AnalysisOptions o;
            o.asOf = Date(2024, 3, 29);
            o.threads = threads;
            o.blockBytes = block;
            o.worstLate = 5;
            o.onFlagged = [flagged](const DossierRecord& r) { flagged->push_back(r.line); };
            DossierAnalyzer a(dossierCatalog(), standardCalendar(), o);
            return a.analyze(reader);
        };
        std::vector<long> f1, f2;
        const DossierStats one = run(1, 0, &f1);
        const size_t block = 1 + rng() % 300;
        const DossierStats two = run(1 + rng() % 3, block, &f2);
        INFO("round " << round << ", block " << block);
        CHECK(two.rowsTotal == one.rowsTotal);
        CHECK(two.rowsInvalid == one.rowsInvalid);
        CHECK(two.rowsUnknownProcedure == one.rowsUnknownProcedure);
        CHECK(two.totals == one.totals);
        REQUIRE(two.byUnit.size() == one.byUnit.size());
        for (size_t i = 0; i < one.byUnit.size(); ++i) {
            CHECK(two.byUnit[i].key == one.byUnit[i].key);
            CHECK(two.byUnit[i].counts == one.byUnit[i].counts);
        }
        REQUIRE(two.byProcedure.size() == one.byProcedure.size());
        for (size_t i = 0; i < one.byProcedure.size(); ++i)
            CHECK(two.byProcedure[i].counts == one.byProcedure[i].counts);
        REQUIRE(two.byMonth.size() == one.byMonth.size());
        REQUIRE(two.invalidRows.size() == one.invalidRows.size());
        for (size_t i = 0; i < one.invalidRows.size(); ++i) {
            CHECK(two.invalidRows[i].line == one.invalidRows[i].line);
            CHECK(two.invalidRows[i].reason == one.invalidRows[i].reason);
        }
        REQUIRE(two.worstLate.size() == one.worstLate.size());
        for (size_t i = 0; i < one.worstLate.size(); ++i)
            CHECK(two.worstLate[i].line == one.worstLate[i].line);
        CHECK(f2 == f1);
    }
}

TEST_CASE("parallel scan: the first error in file order, at the line it names",
          "[dossier][parallel]") {
    std::string csv = std::string(kHeader);
    for (int i = 0; i < 500; ++i)
        csv += "HS-" + std::to_string(i) + ",1.001612,UBND xã A,04/03/2024,07/03/2024,\n";
    csv += "HS-x,\"1.001612,UBND xã A\n";  // line 502: a quote that never closes
    for (int i = 0; i < 500; ++i)
        csv += "HS-" + std::to_string(i) + ",1.001612,UBND xã A,04/03/2024,07/03/2024,\n";
    ScratchDir dir("par-par");
    writeText(dir.file("log.csv"), csv);
    for (size_t block : {size_t{64}, size_t{4096}, size_t{1} << 20}) {
        CsvReader reader(dir.file("log.csv"));
        AnalysisOptions o;
        o.asOf = Date(2024, 3, 29);
        o.threads = 2;
        o.blockBytes = block;
        DossierAnalyzer a(dossierCatalog(), standardCalendar(), o);
        try {
            a.analyze(reader);
            FAIL("no error");
        } catch (const ParseError& e) {
            CHECK(e.where().line == 502);
        }
    }
}

// Without onFlagged the file is cut into one byte range per thread, each read by its thread; a
// cut is guessed (after the next LF) and confirmed afterwards. Any cut, right or wrong (inside a
// quoted line break, in a CR-only file), must give the sequential figures, bad rows and worst list.
namespace {
void checkSameAsSequential(const std::string& path, unsigned threads,
                           const std::vector<long long>& cuts) {
    auto run = [&](unsigned n, const std::vector<long long>& at) {
        CsvReader reader(path);
        AnalysisOptions o;
        o.asOf = Date(2024, 3, 29);
        o.threads = n;
        o.splitAt = at;
        o.worstLate = 5;
        o.keepInvalid = 7;
        DossierAnalyzer a(dossierCatalog(), standardCalendar(), o);
        return a.analyze(reader);
    };
    const DossierStats one = run(1, {});
    const DossierStats two = run(threads, cuts);
    CHECK(two.rowsTotal == one.rowsTotal);
    CHECK(two.rowsInvalid == one.rowsInvalid);
    CHECK(two.rowsUnknownProcedure == one.rowsUnknownProcedure);
    CHECK(two.totals == one.totals);
    REQUIRE(two.byUnit.size() == one.byUnit.size());
    for (size_t i = 0; i < one.byUnit.size(); ++i) {
        CHECK(two.byUnit[i].key == one.byUnit[i].key);
        CHECK(two.byUnit[i].counts == one.byUnit[i].counts);
    }
    REQUIRE(two.byProcedure.size() == one.byProcedure.size());
    for (size_t i = 0; i < one.byProcedure.size(); ++i)
        CHECK(two.byProcedure[i].counts == one.byProcedure[i].counts);
    REQUIRE(two.byMonth.size() == one.byMonth.size());
    for (size_t i = 0; i < one.byMonth.size(); ++i)
        CHECK(two.byMonth[i].counts == one.byMonth[i].counts);
    REQUIRE(two.invalidRows.size() == one.invalidRows.size());
    for (size_t i = 0; i < one.invalidRows.size(); ++i) {
        CHECK(two.invalidRows[i].line == one.invalidRows[i].line);
        CHECK(two.invalidRows[i].reason == one.invalidRows[i].reason);
    }
    REQUIRE(two.worstLate.size() == one.worstLate.size());
    for (size_t i = 0; i < one.worstLate.size(); ++i) {
        CHECK(two.worstLate[i].line == one.worstLate[i].line);
        CHECK(two.worstLate[i].id == one.worstLate[i].id);
    }
}
}  // namespace

TEST_CASE("range scan: identical to the sequential one, whatever the cuts", "[dossier][parallel]") {
    std::mt19937 rng(1903);
    auto pick = [&](std::initializer_list<const char*> xs) {
        return std::string(*(xs.begin() + rng() % xs.size()));
    };
    for (int round = 0; round < 80; ++round) {
        const bool bom = round % 5 == 0;
        const bool crOnly = round % 7 == 3;  // every line end a lone CR: no LF to cut after
        std::string csv = (bom ? "\xEF\xBB\xBF" : "") + std::string(kHeader);
        const int rows = 1 + static_cast<int>(rng() % 120);
        for (int i = 0; i < rows; ++i) {
            const std::string eol = crOnly ? "\r" : pick({"\n", "\r\n", "\n", "\r"});
            if (rng() % 17 == 0)
                csv += eol;  // a blank line
            csv += "HS-" + std::to_string(i) + ",";
            csv += pick({"1.001612", "2.000815", "MAU.XD.01", "9.999", "\"1.001612\""}) + ",";
            csv += pick({"UBND xã A", "\"UBND xã B, huyện C\"", "\"Sở \"\"X\"\"\"",
                         "\"dòng một\ndòng hai\ndòng ba\"", "UBND xã Hoà", "\"x\r\ny\"",
                         "\"\"\"\n\"\"\"", "a\"b"}) +
                   ",";
            const int d = 1 + static_cast<int>(rng() % 27);
            csv += std::to_string(d) + "/03/2024 " + pick({"08:00", "16:30:05", "4:30:00 CH"}) +
                   ",";
            csv += std::to_string(d + static_cast<int>(rng() % 3)) + "/03/2024,";
            csv += pick({"", "", "10/03/2024", "31/02/2024", "29/03/2024 17:00:00", "01/03/2024"});
            csv += eol;
        }
        ScratchDir dir("par-range");
        writeText(dir.file("log.csv"), csv);
        const unsigned threads = 2 + static_cast<unsigned>(rng() % 2);
        std::vector<long long> cuts;
        for (unsigned t = 1; t < threads; ++t)
            cuts.push_back(1 + static_cast<long long>(rng() % csv.size()));
        std::sort(cuts.begin(), cuts.end());
        INFO("round " << round << ", threads " << threads << ", cut " << cuts[0]);
        checkSameAsSequential(dir.file("log.csv"), threads, cuts);
        // Every cut position once on a small file: inside quotes, between CR and LF, at EOF.
        if (round < 6 && csv.size() < 3000)
            for (long long at = 1; at <= static_cast<long long>(csv.size()); at += 1 + round)
                checkSameAsSequential(dir.file("log.csv"), 2, {at});
    }
}

TEST_CASE("range scan: a quote never closed is reported at its own line, wherever the cut",
          "[dossier][parallel]") {
    std::string csv = std::string(kHeader);
    for (int i = 0; i < 300; ++i)
        csv += "HS-" + std::to_string(i) + ",1.001612,UBND xã A,04/03/2024,07/03/2024,\r\n";
    const long long quoteAt = static_cast<long long>(csv.size());
    csv += "HS-x,\"1.001612,UBND xã A\r\n";  // line 302: a quote that never closes
    for (int i = 0; i < 300; ++i)
        csv += "HS-" + std::to_string(i) + ",1.001612,UBND xã A,04/03/2024,07/03/2024,\r\n";
    ScratchDir dir("par-range");
    writeText(dir.file("log.csv"), csv);
    const long long size = static_cast<long long>(csv.size());
    for (const std::vector<long long>& cuts : std::vector<std::vector<long long>>{
             {quoteAt / 2}, {quoteAt + 3}, {quoteAt + 40}, {(quoteAt + size) / 2},
             {quoteAt / 2, quoteAt + 100}, {quoteAt - 2, size - 10}}) {
        CsvReader reader(dir.file("log.csv"));
        AnalysisOptions o;
        o.asOf = Date(2024, 3, 29);
        o.threads = static_cast<unsigned>(cuts.size() + 1);
        o.splitAt = cuts;
        DossierAnalyzer a(dossierCatalog(), standardCalendar(), o);
        INFO("cut " << cuts[0]);
        try {
            a.analyze(reader);
            FAIL("no error");
        } catch (const ParseError& e) {
            CHECK(e.where().line == 302);
            CHECK_THAT(e.message(), Catch::Contains("không bao giờ được đóng"));
        }
    }
}

TEST_CASE("range scan: the default thread count", "[dossier][parallel]") {
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    CHECK(rangeThreads(0) == 1);
    CHECK(rangeThreads(5LL << 20) == 1);  // under 16 MB: not worth a second thread
    CHECK(rangeThreads(16LL << 20) == std::min(cores, 2u));
    CHECK(rangeThreads(1LL << 40) == std::min(cores, 8u));
}

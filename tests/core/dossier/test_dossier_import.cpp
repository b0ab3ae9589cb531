// SPDX-License-Identifier: Apache-2.0
// Import traits of one-stop CSV exports: BOM, CRLF, separators, RFC 4180 quoting, header aliases
// (NFD, case, diacritics), mapping files, dates, bad rows with their line numbers, big files.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <deque>
#include <fstream>

#include "DossierTestSupport.hpp"
#include "core/common/Error.hpp"
#include "core/dossier/ColumnMap.hpp"
#include "core/dossier/DossierDates.hpp"
#include "core/dossier/ViewIndex.hpp"

using namespace par;
using namespace par::dossier;
using namespace par::test;

namespace {
std::vector<std::vector<std::string>> readAll(const std::string& text,
                                              std::vector<long>* lines = nullptr,
                                              char* delimiter = nullptr) {
    ScratchDir dir("par-csv");
    writeText(dir.file("a.csv"), text);
    CsvReader r(dir.file("a.csv"));
    if (delimiter != nullptr)
        *delimiter = r.delimiter();
    std::vector<std::vector<std::string>> out;
    out.push_back(r.header());
    RawRecord rec;
    while (r.next(rec)) {
        out.emplace_back(rec.fields.begin(), rec.fields.end());
        if (lines != nullptr)
            lines->push_back(rec.line);
    }
    return out;
}
}  // namespace

TEST_CASE("dates: the export formats, impossible and malformed dates", "[dossier]") {
    auto ok = [](const char* s, Date d, int secs) {
        const ParsedStamp p = parseStamp(s);
        INFO(s);
        REQUIRE(p.status == DateStatus::Ok);
        CHECK(p.stamp.day == d);
        CHECK(p.stamp.seconds == secs);
    };
    ok("05/03/2024", Date(2024, 3, 5), 0);
    ok("5/3/2024", Date(2024, 3, 5), 0);
    ok("05/03/2024 15:01", Date(2024, 3, 5), 15 * 3600 + 60);
    ok("05/03/2024 07:30:15", Date(2024, 3, 5), 7 * 3600 + 30 * 60 + 15);
    ok("2024-03-05", Date(2024, 3, 5), 0);
    ok("2024-03-05 15:00", Date(2024, 3, 5), 15 * 3600);
    ok("2024-03-05T15:00:59", Date(2024, 3, 5), 15 * 3600 + 59);
    ok("29/02/2024", Date(2024, 2, 29), 0);
    // dd/mm/yyyy HH:MM[:SS] are read at fixed places (and the day cached): the same answers as
    // the general reading, whatever the time looks like.
    ok("05/03/2024 00:00:00", Date(2024, 3, 5), 0);
    ok("05/03/2024 23:59:59", Date(2024, 3, 5), 86399);
    ok("05/03/2024 07:05 CH", Date(2024, 3, 5), 19 * 3600 + 5 * 60);
    ok("05/03/2024 7:05:09", Date(2024, 3, 5), 7 * 3600 + 5 * 60 + 9);
    ok("05/03/2024  07:05", Date(2024, 3, 5), 7 * 3600 + 5 * 60);
    ok("05/03/2024 07:05:09.5", Date(2024, 3, 5), 7 * 3600 + 5 * 60 + 9);
    CHECK(parseStamp("05/03/2024 23:59:60").status == DateStatus::Impossible);
    CHECK(parseStamp("05/03/2024 12:60").status == DateStatus::Impossible);
    CHECK(parseStamp("31/04/2024 12:00").status == DateStatus::Impossible);
    CHECK(parseStamp("05/03/2024 1a:00").status == DateStatus::Malformed);
    CHECK(parseStamp("05/03/2024 10:00:0x").status == DateStatus::Malformed);
    CHECK(parseStamp("05/03/2024 10:00x00").status == DateStatus::Malformed);
    CHECK(parseStamp("05/03/2024 10-00").status == DateStatus::Malformed);
    CHECK(parseStamp("05/03/2024").status == DateStatus::Ok);  // cached: the same again
    CHECK(parseStamp("05/03/2024x").status == DateStatus::Malformed);
    CHECK(parseStamp("05/03/2O24 10:00").status == DateStatus::Malformed);
    CHECK(parseStamp("").status == DateStatus::Empty);
    CHECK(parseStamp("31/02/2024").status == DateStatus::Impossible);
    CHECK(parseStamp("29/02/2023").status == DateStatus::Impossible);
    CHECK(parseStamp("05/13/2024").status == DateStatus::Impossible);
    CHECK(parseStamp("05/03/2024 24:00").status == DateStatus::Impossible);
    CHECK(parseStamp("05/03/1999").status == DateStatus::OutOfRange);
    CHECK(parseStamp("05-03-2024").status == DateStatus::Malformed);
    CHECK(parseStamp("05/03/24").status == DateStatus::Malformed);
    CHECK(parseStamp("2024-03-05 15h").status == DateStatus::Malformed);
    CHECK(parseStamp("hôm qua").status == DateStatus::Malformed);
    CHECK(parseStamp("45356").status == DateStatus::Malformed);  // serials only from XLSX
    // Spreadsheet serials: 45356 = 2024-03-05; .625 = 15:00.
    const ParsedStamp s = parseStamp("45356.625", true);
    REQUIRE(s.status == DateStatus::Ok);
    CHECK(s.stamp.day == Date(2024, 3, 5));
    CHECK(s.stamp.seconds == 15 * 3600);
    CHECK(parseStamp("43894", true, true).stamp.day == Date(2024, 3, 5));  // 1904 system
}

TEST_CASE("XLSX date serials: every whole second as spreadsheets write it, and the edges",
          "[dossier][dates]") {
    // A time of day is stored as a double: 15:00 as 0.625, 10:00:01 as 0.41667824074074076 ...,
    // written with 15 to 17 significant digits. Every such text must give its second back.
    std::uint64_t x = 12345;
    for (int k = 0; k < 200000; ++k) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        const long day = 36526 + static_cast<long>((x >> 20) % 73000);  // 2000 to 2199
        const int second = static_cast<int>((x >> 40) % 86400);
        const double serial = static_cast<double>(day) + second / 86400.0;
        char text[64];
        std::snprintf(text, sizeof text, (x >> 63) ? "%.17g" : "%.15g", serial);
        const ParsedStamp p = parseStamp(text, true);
        INFO(text);
        REQUIRE(p.status == DateStatus::Ok);
        REQUIRE(p.stamp.day == Date(1899, 12, 30) + boost::gregorian::days(day));
        REQUIRE(p.stamp.seconds == second);
    }
    CHECK(parseStamp("36526", true).stamp.day == Date(2000, 1, 1));
    CHECK(parseStamp("45356.", true).stamp.day == Date(2024, 3, 5));
    const ParsedStamp late = parseStamp("45356.99999999999", true);  // rounds to the next day
    CHECK(late.stamp.day == Date(2024, 3, 6));
    CHECK(late.stamp.seconds == 0);
    CHECK(parseStamp("45356.62499999999", true).stamp.seconds == 15 * 3600);
    CHECK(parseStamp("36525.999999999", true).stamp.day == Date(2000, 1, 1));
    CHECK(parseStamp("36525.5", true).status == DateStatus::OutOfRange);  // 31/12/1999
    CHECK(parseStamp("61", true).status == DateStatus::OutOfRange);       // 01/03/1900
    CHECK(parseStamp("60", true).status == DateStatus::Impossible);       // 29/02/1900: none
    CHECK(parseStamp("0", true).status == DateStatus::Impossible);        // "00/01/1900"
    CHECK(parseStamp("59", true).status == DateStatus::OutOfRange);       // 28/02/1900
    CHECK(parseStamp("1000000", true).status == DateStatus::OutOfRange);
    CHECK(parseStamp("1000000.5", true).status == DateStatus::Malformed);
    CHECK(parseStamp("99999999999999999999999", true).status == DateStatus::Malformed);
    CHECK(parseStamp("45356.6a", true).status == DateStatus::Malformed);
    CHECK(parseStamp("45356.6.2", true).status == DateStatus::Malformed);
    CHECK(parseStamp("4.5356E4", true).status == DateStatus::Malformed);
    CHECK(parseStamp("-45356", true).status == DateStatus::Malformed);
    // 13 digits of the fraction are read; more change nothing.
    CHECK(parseStamp("45356.6250000000000000000001", true).stamp.seconds == 15 * 3600);
}

TEST_CASE("CSV: BOM, CRLF, comma, quoted commas, doubled quotes and line breaks", "[dossier]") {
    std::vector<long> lines;
    const auto rows = readAll(
        "\xEF\xBB\xBF"
        "Mã hồ sơ,Đơn vị,Ghi chú\r\n"
        "HS-1,\"Sở Văn hóa, Thể thao và Du lịch\",\"nói \"\"trả tại nhà\"\"\"\r\n"
        "HS-2,UBND xã Ngọc Sơn,\"dòng một\r\ndòng hai\"\r\n"
        "\r\n"
        "HS-3,UBND xã Quỳnh Châu,\r\n",
        &lines);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0] == std::vector<std::string>{"Mã hồ sơ", "Đơn vị", "Ghi chú"});  // BOM gone
    CHECK(rows[1] == std::vector<std::string>{"HS-1", "Sở Văn hóa, Thể thao và Du lịch",
                                              "nói \"trả tại nhà\""});
    CHECK(rows[2][2] == "dòng một\r\ndòng hai");
    CHECK(rows[3] == std::vector<std::string>{"HS-3", "UBND xã Quỳnh Châu", ""});
    // Lines are physical: the quoted line break counts, the blank line is skipped.
    CHECK(lines == std::vector<long>{2, 3, 6});
}

TEST_CASE("CSV: semicolon and tab detected, LF without BOM, no final newline", "[dossier]") {
    char d = 0;
    auto rows = readAll("a;b;c\n1;\"x;y\";3\n4;5;6", nullptr, &d);
    CHECK(d == ';');
    REQUIRE(rows.size() == 3);
    CHECK(rows[1] == std::vector<std::string>{"1", "x;y", "3"});
    CHECK(rows[2] == std::vector<std::string>{"4", "5", "6"});
    rows = readAll("a\tb\n1,5\t2\n", nullptr, &d);
    CHECK(d == '\t');
    CHECK(rows[1] == std::vector<std::string>{"1,5", "2"});
    rows = readAll("\"a;b\",c\n1,2\n", nullptr, &d);  // separators inside quotes do not count
    CHECK(d == ',');
}

TEST_CASE("CSV: records across the 1 MiB buffer, and a long record", "[dossier]") {
    ScratchDir dir("par-csv");
    std::string text = "id,note\n";
    const std::string longNote(3u << 20, 'x');  // longer than the buffer: it grows
    for (int i = 0; i < 40000; ++i)
        text += std::to_string(i) + ",\"ghi chú, số " + std::to_string(i) + "\"\n";
    text += "long,\"" + longNote + "\"\nlast,z\n";
    writeText(dir.file("big.csv"), text);
    CsvReader r(dir.file("big.csv"));
    RawRecord rec;
    long n = 0;
    bool sawLong = false;
    std::string last;
    while (r.next(rec)) {
        if (n < 40000) {
            REQUIRE(rec.fields.size() == 2);
            REQUIRE(rec.fields[1] == "ghi chú, số " + std::to_string(n));
            REQUIRE(rec.line == n + 2);
        }
        if (rec.fields[0] == "long")
            sawLong = rec.fields[1].size() == longNote.size();
        last = std::string(rec.fields[0]);
        ++n;
    }
    CHECK(n == 40002);
    CHECK(sawLong);
    CHECK(last == "last");
    CHECK(r.fraction() == Approx(1.0));
}

TEST_CASE("CSV: broken files name the file and line", "[dossier]") {
    ScratchDir dir("par-csv");
    writeText(dir.file("q.csv"), "a,b\n1,2\n3,\"never closed\n4,5\n");
    CsvReader r(dir.file("q.csv"));
    RawRecord rec;
    REQUIRE(r.next(rec));
    try {
        r.next(rec);
        FAIL("no error");
    } catch (const ParseError& e) {
        CHECK(e.where().file == dir.file("q.csv"));
        CHECK(e.where().line == 3);
    }
    writeText(dir.file("empty.csv"), "\xEF\xBB\xBF");
    CHECK_THROWS_AS(CsvReader(dir.file("empty.csv")), ParseError);
    writeText(dir.file("cp1258.csv"), "M\xE3 h\xF4 s\xF4,x\n1,2\n");  // not UTF-8
    CHECK_THROWS_WITH(CsvReader(dir.file("cp1258.csv")),
                      Catch::Contains("UTF-8") && Catch::Contains(":1"));
    CHECK_THROWS_AS(CsvReader(dir.file("missing.csv")), IoError);
}

TEST_CASE("headers: aliases matched after NFC, case- and diacritic-insensitively", "[dossier]") {
    const SourceLocation where{"x.csv", 1, 0};
    // NFD ("Mã" as M + a + combining tilde ...), upper case, no diacritics, English names.
    const std::vector<std::string> header = {"STT",
                                             "MA\xCC\x83 HO\xCC\x82\xCC\x80 SO\xCC\x9B",
                                             "ma thu tuc",
                                             "Tên Thủ Tục",
                                             "  Cơ quan  giải quyết ",
                                             "received_at",
                                             "Ngày hẹn trả",
                                             "NGÀY TRẢ KẾT QUẢ"};
    const ColumnMap m = ColumnMap::resolve(header, {}, where);
    CHECK(m.column(Field::DossierId) == 1);
    CHECK(m.column(Field::ProcedureCode) == 2);
    CHECK(m.column(Field::ProcedureName) == 3);
    CHECK(m.column(Field::Unit) == 4);
    CHECK(m.column(Field::ReceivedAt) == 5);
    CHECK(m.column(Field::DueAt) == 6);
    CHECK(m.column(Field::FinishedAt) == 7);
    // "Đơn vị" is preferred to "Cơ quan tiếp nhận" whatever the column order.
    const ColumnMap u =
        ColumnMap::resolve({"Cơ quan tiếp nhận", "Đơn vị", "dossier_id", "procedure_code",
                            "received_at", "due_at", "finished_at"},
                           {}, where);
    CHECK(u.column(Field::Unit) == 1);
    CHECK(u.column(Field::ProcedureName) == ColumnMap::kAbsent);
}

TEST_CASE("headers: missing columns are named, a mapping file adds names", "[dossier]") {
    const std::vector<std::string> header = {"Số biên nhận", "TTHC", "Nơi xử lý",
                                             "Nhận lúc",     "Hẹn",  "Xong"};
    try {
        ColumnMap::resolve(header, {}, {"log.csv", 1, 0});
        FAIL("no error");
    } catch (const ParseError& e) {
        CHECK(e.where().str() == "log.csv:1");
        CHECK_THAT(e.message(), Catch::Contains("dossier_id") && Catch::Contains("finished_at") &&
                                    Catch::Contains("\"Số biên nhận\"") &&
                                    Catch::Contains("--mapping"));
        CHECK_THAT(e.message(), !Catch::Contains("procedure_name"));  // optional
    }
    const HeaderMapping mapping = HeaderMapping::parse(
        "# Phần mềm một cửa X\n"
        "dossier_id = Số biên nhận\nprocedure_code=TTHC\nunit = Nơi xử lý\n\n"
        "received_at = Nhận lúc\ndue_at = Hẹn\nfinished_at = Xong\n",
        "map.txt");
    const ColumnMap m = ColumnMap::resolve(header, mapping, {"log.csv", 1, 0});
    CHECK(m.column(Field::DossierId) == 0);
    CHECK(m.column(Field::FinishedAt) == 5);
    CHECK_THROWS_WITH(HeaderMapping::parse("ngay = X\n", "map.txt"),
                      Catch::Contains("map.txt:1") && Catch::Contains("'ngay'"));
    CHECK_THROWS_WITH(HeaderMapping::parse("\n# c\nunit X\n", "map.txt"),
                      Catch::Contains("map.txt:3"));
}

// Only a row of consecutive column numbers is taken for one: anything else stays a bad row.
TEST_CASE("column numbers: what is taken for a row of them, and what is not", "[dossier]") {
    const std::string valid = "HS-1,1.001612,UBND xã A,04/03/2024 08:00,07/03/2024,07/03/2024\n";
    const auto run = [&](const std::string& row) {
        return analyzeCsv(std::string(kHeader) + row + "\n" + valid, Date(2024, 3, 29));
    };
    for (const char* numbers : {"(1),(2),(3),(4),(5),(6)", "1,2,3,4,5,6", " (1) ,(2),(3)",
                                "(1),(2),(3),,,", ",(2),(3),(4),,", "7,8,9"}) {
        INFO(numbers);
        const DossierStats s = run(numbers);
        CHECK(s.rowsColumnNumbers == 1);
        CHECK(s.rowsTotal == 1);
        CHECK(s.rowsInvalid == 0);
    }
    for (const char* other : {"(1),(2),(4),(5),(6),(7)", "(1),2,(3),(4),(5),(6)", "(1),(2),,,,",
                              "(1000),(1001),(1002),,,", "1,2,3,HS,,", "(1,(2),(3),,,",
                              "(),(1),(2),(3),,", "(1),(2),(3),(4),(5),(-6)", "3,2,1,,,"}) {
        INFO(other);
        const DossierStats s = run(other);
        CHECK(s.rowsColumnNumbers == 0);
        CHECK(s.rowsTotal == 2);
        CHECK(s.rowsInvalid == 1);
    }
}

// Only the header's own texts, column for column, are taken for the header again.
TEST_CASE("repeated header: what is taken for the header again, and what is not", "[dossier]") {
    const std::string valid = "HS-1,1.001612,UBND xã A,04/03/2024 08:00,07/03/2024,07/03/2024\n";
    const auto run = [&](const std::string& row) {
        return analyzeCsv(std::string(kHeader) + valid + row + "\n" + valid, Date(2024, 3, 29));
    };
    for (const char* again :
         {"Mã hồ sơ,Mã thủ tục,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả",
          " Mã hồ sơ , Mã thủ tục,Đơn vị ,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả\t",
          "Mã hồ sơ,Mã thủ tục,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Ghi chú"}) {
        INFO(again);
        const DossierStats s = run(again);
        CHECK(s.rowsRepeatedHeader == 1);
        CHECK_THAT(s.repeatedHeaderNote(),
                   Catch::Contains("Bỏ qua 1 dòng lặp lại dòng tiêu đề của bảng"));
        CHECK(s.rowsTotal == 2);
        CHECK(s.rowsInvalid == 0);
    }
    for (const char* other :
         {// another header: the columns in another order, another name, another case, one missing
          "Mã thủ tục,Mã hồ sơ,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả",
          "Mã hồ sơ,Mã thủ tục,Cơ quan tiếp nhận,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả",
          "MÃ HỒ SƠ,MÃ THỦ TỤC,ĐƠN VỊ,NGÀY TIẾP NHẬN,NGÀY HẸN TRẢ,NGÀY CÓ KẾT QUẢ",
          "Mã hồ sơ,Mã thủ tục,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả",
          // a bad row that shares some header texts
          "HS-2,Mã thủ tục,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả", ",,,,,"}) {
        INFO(other);
        const DossierStats s = run(other);
        CHECK(s.rowsRepeatedHeader == 0);
        CHECK(s.repeatedHeaderNote().empty());
        CHECK(s.rowsTotal == 3 - (std::string(other) == ",,,,,"));
        CHECK(s.rowsInvalid == 1 - (std::string(other) == ",,,,,"));
    }
}

// Exported reports put a title above the table: the header is found below it.
TEST_CASE("headers: a title above the table is skipped, the header found below it", "[dossier]") {
    const std::string rows =
        "HS-1,1.001612,UBND xã A,04/03/2024 08:00,07/03/2024,07/03/2024\n"
        "HS-2,1.001612,UBND xã A,31/02/2024,07/03/2024,\n"
        "HS-3,2.000815,UBND xã B,05/03/2024 16:00,07/03/2024,08/03/2024\n";
    const DossierStats plain = analyzeCsv(std::string(kHeader) + rows, Date(2024, 3, 29));
    REQUIRE(plain.rowsTotal == 3);
    CHECK_FALSE(plain.headerAfterTitle);
    CHECK(plain.headerLine == 1);
    CHECK(plain.headerNote().empty());
    const auto semicolons = [](std::string t) {
        std::replace(t.begin(), t.end(), ',', ';');
        return t;
    };
    struct Case {
        std::string text;
        long headerLine;
    };
    const std::vector<Case> cases = {
        // a title, the unit and period with separators of their own, a blank line
        {"SỔ THEO DÕI HỒ SƠ\nUBND huyện Quỳnh Lưu,,,,\nTừ 01/03/2024 đến 31/03/2024\n\n" +
             std::string(kHeader) + rows,
         5},
        // semicolons, the title without any: the separator is found on the header
        {"SỔ THEO DÕI HỒ SƠ\r\n\r\n" + semicolons(std::string(kHeader) + rows), 3},
        // lines ended by CR alone
        {"SỔ THEO DÕI\r\r" +
             [&] {
                 std::string t = std::string(kHeader) + rows;
                 std::replace(t.begin(), t.end(), '\n', '\r');
                 return t;
             }(),
         3},
    };
    for (const auto& c : cases) {
        INFO(c.text.substr(0, 40));
        const DossierStats s = analyzeCsv(c.text, Date(2024, 3, 29));
        CHECK(s.headerAfterTitle);
        CHECK(s.headerLine == c.headerLine);
        CHECK_THAT(s.headerNote(), Catch::Contains("dòng " + std::to_string(c.headerLine)));
        CHECK(s.rowsTotal == plain.rowsTotal);
        CHECK(s.totals == plain.totals);
        REQUIRE(s.invalidRows.size() == 1);
        CHECK(s.invalidRows[0].line == c.headerLine + 2);  // the bad row's own line
    }
    // No header in the first rows: the first row's problem, as before.
    std::string noHeader = "SỔ THEO DÕI\n";
    for (int i = 0; i < 30; ++i)
        noHeader += "HS-1,1.001612,UBND xã A,04/03/2024,07/03/2024,\n";
    CHECK_THROWS_WITH(analyzeCsv(noHeader, Date(2024, 3, 29)),
                      Catch::Contains("log.csv:1:") && Catch::Contains("\"SỔ THEO DÕI\""));
    // A row that cannot be read below a header that lacks a column: still the header's problem.
    CHECK_THROWS_WITH(analyzeCsv("Mã hồ sơ,Mã thủ tục,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả\n"
                                 "HS-1,1.001612,UBND x\xE3 A,04/03/2024,07/03/2024\n",
                                 Date(2024, 3, 29)),
                      Catch::Contains("log.csv:1:") && Catch::Contains("finished_at"));
    // A header more than 20 rows down is not looked for.
    std::string deep;
    for (int i = 0; i < 25; ++i)
        deep += "ghi chú " + std::to_string(i) + "\n";
    CHECK_THROWS(analyzeCsv(deep + std::string(kHeader) + rows, Date(2024, 3, 29)));
}

TEST_CASE("bad rows are counted with their lines, the first 20 listed, the run goes on",
          "[dossier]") {
    std::string csv =
        std::string(kHeader) +
        "HS-1,1.001612,UBND xã A,04/03/2024 08:00,07/03/2024,07/03/2024\n"  // line 2: ok
        ",1.001612,UBND xã A,04/03/2024,07/03/2024,\n"                      // 3: no id
        "HS-3,1.001612,UBND xã A,31/02/2024,07/03/2024,\n"                  // 4: impossible
        "HS-4,9.999999,UBND xã A,04/03/2024,07/03/2024,\n"                  // 5: unknown code, ok
        "HS-5,1.001612,UBND xã A,04/03/2024,,\n"                            // 6: no due date
        "HS-6,1.001612,UBND xã A,04/03/2024,07/03/2024,hôm qua\n"           // 7: malformed
        "HS-7,1.001612,UBND xã A,04/03/2024,01/03/2024,\n"                  // 8: due < receipt
        "HS-8,1.001612,UBND xã A,04/03/2024,07/03/2024,01/03/2024\n"        // 9: result < receipt
        "HS-9,1.001612\n";                                                  // 10: short row
    for (int i = 0; i < 25; ++i)
        csv += "HS-X,1.001612,UBND xã A,,07/03/2024,\n";  // 11..35
    const DossierStats s = analyzeCsv(csv, Date(2024, 3, 29));
    CHECK(s.rowsTotal == 34);
    // A procedure code not in the catalog no longer makes a row bad (issue 16): line 5 counts.
    CHECK(s.rowsInvalid == 32);
    CHECK(s.totals.received == 2);
    CHECK(s.rowsUnknownProcedure == 1);
    REQUIRE(s.invalidRows.size() == 20);
    const std::vector<long> lines = {3, 4, 6, 7, 8, 9, 10, 11};
    for (size_t i = 0; i < lines.size(); ++i)
        CHECK(s.invalidRows[i].line == lines[i]);
    CHECK_THAT(s.invalidRows[0].reason, Catch::Contains("mã hồ sơ"));
    CHECK_THAT(s.invalidRows[1].reason,
               Catch::Contains("'31/02/2024'") && Catch::Contains("không có thật"));
    CHECK_THAT(s.invalidRows[2].reason, Catch::Contains("thiếu ngày hẹn trả"));
    CHECK_THAT(s.invalidRows[3].reason,
               Catch::Contains("'hôm qua'") && Catch::Contains("không đúng dạng"));
    CHECK_THAT(s.invalidRows[4].reason, Catch::Contains("hẹn trả trước ngày tiếp nhận"));
    CHECK_THAT(s.invalidRows[5].reason, Catch::Contains("có kết quả trước ngày tiếp nhận"));
    CHECK_THAT(s.invalidRows[6].reason, Catch::Contains("thiếu"));
    CHECK(s.invalidRows[19].line == 23);
}

// Issue 19, item 8: an unclosed quote on line 2 made the rest of the file one field (rows_total 1,
// exit 0) whenever a later quote closed it. Now the file is refused at the line where the quote
// opened, however far the next quote is.
TEST_CASE("CSV: a quote left open is reported where it opens, rows never swallowed", "[dossier]") {
    ScratchDir dir("par-csv");
    auto lineOfError = [&](const std::string& text) -> int {
        writeText(dir.file("q.csv"), text);
        try {
            CsvReader r(dir.file("q.csv"));
            RawRecord rec;
            while (r.next(rec)) {
            }
        } catch (const ParseError& e) {
            CHECK(e.where().file == dir.file("q.csv"));
            CHECK_THAT(e.what(), Catch::Contains("ngoặc kép") || Catch::Contains("quote"));
            return e.where().line;
        }
        return 0;
    };
    // Closed by the opening quote of a later field: refused at line 2, not line 5 or the end.
    CHECK(lineOfError("a,b,c\n1,\"Sở X,2\n3,x,y\n4,x,y\n5,\"ghi chú\",z\n6,x,y\n") == 2);
    // Never closed: refused at line 3 (where it opens), after the valid line 2.
    CHECK(lineOfError("a,b\n1,2\n3,\"open\n4,5\n6,7\n") == 3);
    // A quote opened after a multi-line field of the same record: its own line.
    CHECK(lineOfError("a,b,c\n1,\"x\ny\",\"open\n2,3,4\n") == 3);
    // Legitimate multi-line quoted fields and single-line text after a closing quote still pass.
    CHECK(lineOfError("a,b\n1,\"x\ny\"\n2,\"p\"q,3\n") == 0);
    CHECK(readAll("a,b\n1,\"x\ny\"\n2,\"p\"q\n").size() == 3);
}

TEST_CASE("CSV: a quote left open in a large file is reported early, at its line", "[dossier]") {
    ScratchDir dir("par-csv");
    std::string text = "a,b\n1,\"never closed\n";
    for (int i = 0; i < 400000; ++i)  // 4.8 MB of rows after it, one more quoted field
        text += "22,33,44\n";
    text += "9,\"z\",1\n";
    writeText(dir.file("big.csv"), text);
    CsvReader r(dir.file("big.csv"));
    RawRecord rec;
    CHECK_THROWS_WITH(
        [&] {
            while (r.next(rec)) {
            }
        }(),
        Catch::Contains("ngoặc kép") || Catch::Contains("quote"));
    try {
        CsvReader r2(dir.file("big.csv"));
        while (r2.next(rec)) {
        }
    } catch (const ParseError& e) {
        CHECK(e.where().line == 2);
    }
}

// Issue 16: Excel writes date-times in a Vietnamese locale as "13/02/2026 4:30:00 CH" (chiều,
// p.m.) and "SA" (sáng, a.m.); they were refused as malformed.
TEST_CASE("dates: Excel's Vietnamese 12-hour times (SA/CH) and AM/PM", "[dossier]") {
    auto secs = [](const char* s) {
        const ParsedStamp p = parseStamp(s);
        INFO(s);
        REQUIRE(p.status == DateStatus::Ok);
        CHECK(p.stamp.day == Date(2026, 2, 13));
        return p.stamp.seconds;
    };
    CHECK(secs("13/02/2026 4:30:00 CH") == 16 * 3600 + 30 * 60);
    CHECK(secs("13/02/2026 4:30:00 SA") == 4 * 3600 + 30 * 60);
    CHECK(secs("13/02/2026 12:05 SA") == 5 * 60);             // just after midnight
    CHECK(secs("13/02/2026 12:05 CH") == 12 * 3600 + 5 * 60);  // just after noon
    CHECK(secs("13/02/2026 11:59:59 ch") == 23 * 3600 + 59 * 60 + 59);
    CHECK(secs("13/02/2026 4:30 PM") == 16 * 3600 + 30 * 60);
    CHECK(secs("2026-02-13 09:15 am") == 9 * 3600 + 15 * 60);
    CHECK(parseStamp("13/02/2026 13:30 CH").status == DateStatus::Impossible);
    CHECK(parseStamp("13/02/2026 0:30 SA").status == DateStatus::Impossible);
    CHECK(parseStamp("13/02/2026 4:30 C").status == DateStatus::Malformed);
    CHECK(parseStamp("13/02/2026 4:30 CHX").status == DateStatus::Malformed);
    CHECK(parseStamp("13/02/2026 CH").status == DateStatus::Malformed);
    // And in a log: a receipt at 4:30 CH is after a 15:00 cut-off.
    const DossierStats s = analyzeCsv(std::string(kHeader) +
                                          "HS-1,2.000815,UBND xã A,13/02/2026 4:30:00 CH,"
                                          "24/02/2026,24/02/2026\n",
                                      Date(2026, 3, 1));
    CHECK(s.rowsInvalid == 0);
    CHECK(s.totals.received == 1);
}

TEST_CASE("ViewIndex: every key found with its value, absent keys not, across growth",
          "[dossier]") {
    std::deque<std::string> keys;
    ViewIndex index;
    keys.emplace_back("");
    index.insert(keys.back(), -1);
    for (int i = 0; i < 5000; ++i) {
        // Same length, same first and last bytes: only the middle differs.
        keys.push_back("UBND xã " + std::to_string(100000 + i) + " huyện Quỳnh Lưu");
        index.insert(keys.back(), i);
    }
    REQUIRE(index.size() == 5001);
    REQUIRE(index.find("") != nullptr);
    CHECK(*index.find("") == -1);
    for (int i = 0; i < 5000; ++i) {
        const int* v = index.find("UBND xã " + std::to_string(100000 + i) + " huyện Quỳnh Lưu");
        REQUIRE(v != nullptr);
        CHECK(*v == i);
    }
    CHECK(index.find("UBND xã 105000 huyện Quỳnh Lưu") == nullptr);
    CHECK(index.find("UBND xã 100000 huyện Quỳnh Lư") == nullptr);
    CHECK(index.find("x") == nullptr);
}

// XLSX exports: a workbook built here with libzip (shared strings with rich text, inline strings,
// numeric date serials, gaps between cells, a prefixed namespace, two sheets), read through the
// same analysis as CSV.
#include <zip.h>
#include <catch2/catch.hpp>

#include "DossierTestSupport.hpp"
#include "core/common/Error.hpp"
#include "core/dossier/DossierDates.hpp"
#include "core/dossier/DossierLog.hpp"
#include "core/dossier/XlsxReader.hpp"

using namespace par;
using namespace par::dossier;
using namespace par::test;

namespace {

void addPart(zip_t* z, const char* name, const std::string& text) {
    // libzip copies the buffer at zip_close; keep the strings alive until then.
    static std::vector<std::unique_ptr<std::string>> keep;
    keep.push_back(std::make_unique<std::string>(text));
    zip_source_t* s = zip_source_buffer(z, keep.back()->data(), keep.back()->size(), 0);
    REQUIRE(s != nullptr);
    REQUIRE(zip_file_add(z, name, s, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) >= 0);
}

const char* kNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

void writeWorkbook(const std::string& path, const std::string& sheet1, const std::string& sheet2,
                   const std::string& shared, bool date1904 = false) {
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    REQUIRE(z != nullptr);
    addPart(z, "[Content_Types].xml",
            "<?xml version=\"1.0\"?><Types "
            "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
    addPart(z, "xl/_rels/workbook.xml.rels",
            "<?xml version=\"1.0\"?><Relationships "
            "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            "<Relationship Id=\"rId1\" "
            "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            "<Relationship Id=\"rId2\" "
            "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            "worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/>"
            "<Relationship Id=\"rId3\" "
            "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            "sharedStrings\" Target=\"sharedStrings.xml\"/>"
            "</Relationships>");
    addPart(
        z, "xl/workbook.xml",
        std::string("<?xml version=\"1.0\"?><workbook xmlns=\"") + kNs +
            "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
            (date1904 ? "<workbookPr date1904=\"1\"/>" : "") +
            "<sheets><sheet name=\"Tổng hợp\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"Nhật ký\" "
            "sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>");
    addPart(z, "xl/sharedStrings.xml", shared);
    addPart(z, "xl/worksheets/sheet1.xml", sheet1);
    addPart(z, "xl/worksheets/sheet2.xml", sheet2);
    REQUIRE(zip_close(z) == 0);
}

std::string sharedStrings() {
    // 0..6: the header (NFD "Mã hồ sơ" in a rich-text run pair), 7: a unit, 8: a procedure code.
    return std::string("<?xml version=\"1.0\"?><sst xmlns=\"") + kNs +
           "\" count=\"9\" uniqueCount=\"9\">"
           "<si><r><t>MA\xCC\x83 </t></r><r><rPr><b/></rPr><t>HO\xCC\x82\xCC\x80 SO\xCC\x9B</t></r>"
           "<rPh><t>phonetic</t></rPh></si>"
           "<si><t>Mã thủ tục</t></si><si><t>Cơ quan giải quyết</t></si><si><t>Ngày tiếp "
           "nhận</t></si>"
           "<si><t>Ngày hẹn trả</t></si><si><t>Ngày trả kết quả</t></si><si><t>Ghi chú</t></si>"
           "<si><t xml:space=\"preserve\">Sở Văn hóa, Thể thao &amp; Du "
           "lịch</t></si><si><t>1.001612</t></si></sst>";
}

std::string sheet1() {
    return std::string(
               "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet "
               "xmlns=\"") +
           kNs +
           "\"><dimension ref=\"A1:G5\"/><sheetData>"
           "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c "
           "r=\"C1\" t=\"s\"><v>2</v></c>"
           "<c r=\"D1\" t=\"s\"><v>3</v></c><c r=\"E1\" t=\"s\"><v>4</v></c><c r=\"F1\" "
           "t=\"s\"><v>5</v></c><c r=\"G1\" t=\"s\"><v>6</v></c></row>"
           // Serial dates: 45356.625 = Tue 05/03/2024 15:00; 45359 = Fri 08/03/2024; 45362 = Mon
           // 11/03.
           "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>HS-1</t></is></c><c r=\"B2\" "
           "t=\"s\"><v>8</v></c>"
           "<c r=\"C2\" t=\"s\"><v>7</v></c><c r=\"D2\" s=\"3\"><v>45356.625</v></c><c r=\"E2\" "
           "s=\"3\"><v>45359</v></c>"
           "<c r=\"F2\" s=\"3\"><v>45362</v></c></row>"
           // Strings as dates, a gap (no finished cell), a formula cell with a cached string.
           "<row r=\"3\"><c r=\"A3\" t=\"str\"><f>\"HS-\"&amp;2</f><v>HS-2</v></c><c r=\"B3\" "
           "t=\"s\"><v>8</v></c>"
           "<c r=\"C3\" t=\"s\"><v>7</v></c><c r=\"D3\" t=\"inlineStr\"><is><t>05/03/2024 "
           "08:00</t></is></c>"
           "<c r=\"E3\" t=\"inlineStr\"><is><t>2024-03-08</t></is></c><c r=\"G3\" "
           "t=\"inlineStr\"><is><t>chưa trả</t></is></c></row>"
           "<row r=\"4\"/>"
           "<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>HS-3</t></is></c><c r=\"B5\" "
           "t=\"inlineStr\"><is><t>9.999</t></is></c>"
           "<c r=\"C5\" t=\"s\"><v>7</v></c><c r=\"D5\"><v>45356</v></c><c "
           "r=\"E5\"><v>45359</v></c></row>"
           "</sheetData></worksheet>";
}

std::string sheet2() {  // prefixed namespace, cells without references
    return std::string("<?xml version=\"1.0\"?><x:worksheet xmlns:x=\"") + kNs +
           "\"><x:sheetData>"
           "<x:row><x:c t=\"inlineStr\"><x:is><x:t>dossier_id</x:t></x:is></x:c><x:c "
           "t=\"inlineStr\"><x:is><x:t>procedure_code</x:t></x:is></x:c>"
           "<x:c t=\"inlineStr\"><x:is><x:t>unit</x:t></x:is></x:c><x:c "
           "t=\"inlineStr\"><x:is><x:t>received_at</x:t></x:is></x:c>"
           "<x:c t=\"inlineStr\"><x:is><x:t>due_at</x:t></x:is></x:c><x:c "
           "t=\"inlineStr\"><x:is><x:t>finished_at</x:t></x:is></x:c></x:row>"
           "<x:row><x:c t=\"inlineStr\"><x:is><x:t>N-1</x:t></x:is></x:c><x:c "
           "t=\"s\"><x:v>8</x:v></x:c><x:c t=\"s\"><x:v>7</x:v></x:c>"
           "<x:c><x:v>45356</x:v></x:c><x:c><x:v>45359</x:v></x:c><x:c><x:v>45359.5</x:v></x:c></"
           "x:row>"
           "</x:sheetData></x:worksheet>";
}

DossierStats analyzeSource(RowSource& src, Date asOf) {
    AnalysisOptions o;
    o.asOf = asOf;
    DossierAnalyzer a(dossierCatalog(), standardCalendar(), o);
    return a.analyze(src);
}

}  // namespace

TEST_CASE("XLSX: first sheet, shared and inline strings, serial dates, gaps", "[dossier][xlsx]") {
    ScratchDir dir("par-xlsx");
    const std::string path = dir.file("log.xlsx");
    writeWorkbook(path, sheet1(), sheet2(), sharedStrings());
    CHECK(detectLogFormat(path) == LogFormat::Xlsx);
    CHECK(XlsxReader::sheetNames(path) == std::vector<std::string>{"Tổng hợp", "Nhật ký"});
    auto src = openDossierLog(path);
    REQUIRE(src->header().size() == 7);
    CHECK(src->header()[0] ==
          "MA\xCC\x83 HO\xCC\x82\xCC\x80 SO\xCC\x9B");  // rich runs joined, phonetic left out
    const DossierStats s = analyzeSource(*src, Date(2024, 3, 29));
    CHECK(s.rowsTotal == 3);  // the empty row 4 is skipped
    CHECK(s.rowsInvalid == 1);
    REQUIRE(s.invalidRows.size() == 1);
    CHECK(s.invalidRows[0].line == 5);  // the sheet's row number
    CHECK_THAT(s.invalidRows[0].reason, Catch::Contains("'9.999'"));
    CHECK(s.totals.received == 2);
    CHECK(s.totals.finishedLate == 1);             // HS-1: due Fri 08/03, result Mon 11/03
    CHECK(s.totals.lateWorkingDaysSum == 1 + 15);  // HS-2 pending: (08/03, 29/03] = 15 working days
    CHECK(s.totals.pendingOverdue == 1);
    CHECK(s.totals.wrongAppointment == 0);  // 15:00 receipt of a procedure without cut-off
    REQUIRE(s.byUnit.size() == 1);
    CHECK(s.byUnit[0].key == "Sở Văn hóa, Thể thao & Du lịch");
}

TEST_CASE("XLSX: a named sheet, prefixed elements, the 1904 date system", "[dossier][xlsx]") {
    ScratchDir dir("par-xlsx");
    const std::string path = dir.file("log.xlsx");
    writeWorkbook(path, sheet1(), sheet2(), sharedStrings());
    auto src = openDossierLog(path, "nhat ky");  // folded match
    const DossierStats s = analyzeSource(*src, Date(2024, 3, 29));
    CHECK(s.rowsTotal == 1);
    CHECK(s.totals.finishedOnTime == 1);
    CHECK_THROWS_WITH(openDossierLog(path, "Không có"),
                      Catch::Contains("Không có") && Catch::Contains("\"Tổng hợp\", \"Nhật ký\""));

    src.reset();  // closes the package: Windows cannot replace a file that is open for reading
    writeWorkbook(path, sheet2(), sheet1(), sharedStrings(), true);
    auto s1904 = openDossierLog(path);
    RawRecord rec;
    REQUIRE(s1904->next(rec));
    REQUIRE(s1904->date1904());
    const ParsedStamp p = parseStamp(rec.fields[3], true, true);
    CHECK(p.stamp.day == Date(2024, 3, 5) + boost::gregorian::days(1462));
}

TEST_CASE("XLSX: damaged packages are reported, not crashed on", "[dossier][xlsx]") {
    ScratchDir dir("par-xlsx");
    writeText(dir.file("fake.xlsx"), "PK\x03\x04 not really a zip");
    CHECK_THROWS_AS(openDossierLog(dir.file("fake.xlsx")), Error);
    writeWorkbook(dir.file("bad.xlsx"),
                  "<worksheet><sheetData><row r=\"1\"><c><v>1</c></row></sheetData></worksheet>",
                  sheet2(), sharedStrings());
    CHECK_THROWS_AS(openDossierLog(dir.file("bad.xlsx")), ParseError);
    writeWorkbook(
        dir.file("ref.xlsx"),
        "<worksheet><sheetData><row r=\"1\"><c t=\"s\"><v>99</v></c></row></sheetData></worksheet>",
        sheet2(), sharedStrings());
    CHECK_THROWS_WITH(openDossierLog(dir.file("ref.xlsx")),
                      Catch::Contains("shared") || Catch::Contains("chuỗi dùng chung"));
}

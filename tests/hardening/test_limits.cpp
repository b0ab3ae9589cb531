// SPDX-License-Identifier: Apache-2.0
// The documented limits (docs/reliability.md): exceeding one gives a ParseError that names the file,
// the line when known, the bound and what to do; never an out-of-memory kill or a hang.
#include <unistd.h>
#include <zip.h>

#include <catch2/catch.hpp>
#include <memory>

#include "TestSupport.hpp"
#include "core/common/XmlReader.hpp"
#include "core/dossier/XlsxReader.hpp"
#include "core/expr/Expression.hpp"
#include "core/expr/TextTemplate.hpp"
#include "core/model/AuditReader.hpp"
#ifdef PAR_HAVE_PDF
#include "core/report/SampleData.hpp"
#include "pdf/Template.hpp"
#endif

using namespace par;
using par::test::ScratchDir;

namespace {
template <typename F>
std::string messageOf(F f) {
    try {
        f();
    } catch (const ParseError& e) {
        return e.where().str() + ": " + e.message();
    }
    return "";
}

void writeXlsx(const std::string& path, const std::string& sheet) {
    static std::vector<std::unique_ptr<std::string>> keep;  // libzip reads them at zip_close
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    REQUIRE(z != nullptr);
    auto add = [&](const char* name, std::string text) {
        keep.push_back(std::make_unique<std::string>(std::move(text)));
        zip_source_t* s = zip_source_buffer(z, keep.back()->data(), keep.back()->size(), 0);
        REQUIRE(zip_file_add(z, name, s, ZIP_FL_OVERWRITE) >= 0);
    };
    add("xl/_rels/workbook.xml.rels",
        "<Relationships><Relationship Id=\"rId1\" Type=\"worksheet\" "
        "Target=\"worksheets/sheet1.xml\"/></Relationships>");
    add("xl/workbook.xml",
        "<workbook xmlns:r=\"r\"><sheets><sheet name=\"S\" r:id=\"rId1\"/></sheets></workbook>");
    add("xl/worksheets/sheet1.xml", sheet);
    REQUIRE(zip_close(z) == 0);
    keep.clear();
}
}  // namespace

TEST_CASE("XML: nesting deeper than 100 levels", "[hardening][limits][xml]") {
    std::string deep;
    for (int i = 0; i < 150; ++i) deep += "<a>";
    for (int i = 0; i < 150; ++i) deep += "</a>";
    auto m = messageOf([&] { XmlReader::parse(deep, "sau.xml"); });
    CHECK_THAT(m, Catch::StartsWith("sau.xml") && Catch::Contains("quá sâu") && Catch::Contains("100"));
    std::string ok;
    for (int i = 0; i < 90; ++i) ok += "<a>";
    for (int i = 0; i < 90; ++i) ok += "</a>";
    CHECK_NOTHROW(XmlReader::parse(ok, "ok.xml"));
}

TEST_CASE("XML: files over 64 MiB are refused before they are read", "[hardening][limits][xml]") {
    ScratchDir dir("par-limits");
    const std::string path = dir.file("lon.audit.xml");
    par::test::writeText(path, "<audit/>");
    REQUIRE(::truncate(path.c_str(), static_cast<off_t>(kMaxXmlFileBytes) + 1) == 0);  // sparse
    auto m = messageOf([&] { AuditReader::load(path); });
    CHECK_THAT(m, Catch::Contains("lon.audit.xml") && Catch::Contains("tệp quá lớn") &&
                      Catch::Contains(std::to_string(kMaxXmlFileBytes)));
    const std::string big(kMaxXmlFileBytes + 1, ' ');
    CHECK_THAT(messageOf([&] { XmlReader::parse(big, "b.xml"); }), Catch::Contains("tệp quá lớn"));
}

TEST_CASE("audit files: at most 10000 rows in one table answer", "[hardening][limits][model]") {
    std::string text = par::test::readText(
        par::test::sourcePath("samples/quynh-luu-2018/quynh-luu-2018.audit.xml"));
    std::string rows = "<answer q=\"bang_lon\">";
    for (int i = 0; i < 10001; ++i) rows += "<row><cell c=\"x\">1</cell></row>";
    rows += "</answer>";
    const auto at = text.find("<answers>");
    REQUIRE(at != std::string::npos);
    text.insert(at + std::string("<answers>").size(), rows);
    auto m = messageOf([&] { AuditReader::parse(text, "bang.audit.xml"); });
    CHECK_THAT(m, Catch::StartsWith("bang.audit.xml:") && Catch::Contains("10000"));
}

TEST_CASE("expressions and finding texts: length and nesting", "[hardening][limits][expr]") {
    CHECK_THAT(messageOf([] { expr::Expression::parse(std::string(64 * 1024 + 1, '1'), {"f.xml", 3, 0}); }),
               Catch::StartsWith("f.xml:3"));
    CHECK_THAT(messageOf([] {
                   expr::Expression::parse(std::string(250, '(') + "1" + std::string(250, ')'), {"f.xml", 3, 0});
               }),
               Catch::Contains("200"));
    CHECK_THAT(messageOf([] { expr::TextTemplate::parse(std::string(1024 * 1024 + 1, 'a'), {"f.xml", 9, 0}); }),
               Catch::StartsWith("f.xml:9"));
}

TEST_CASE("XLSX: a row longer than 16 MB is refused, the sheet is never held whole",
          "[hardening][limits][dossier]") {
    ScratchDir dir("par-limits-xlsx");
    const std::string path = dir.file("lon.xlsx");
    std::string sheet = "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>ma</t></is></c></row>"
                        "<row r=\"2\"><c t=\"inlineStr\"><is><t>";
    sheet.append(17u << 20, 'x');
    sheet += "</t></is></c></row></sheetData></worksheet>";
    writeXlsx(path, sheet);
    dossier::XlsxReader reader(path);
    dossier::RawRecord r;
    auto m = messageOf([&] { reader.next(r); });
    CHECK_THAT(m, Catch::Contains("lon.xlsx:xl/worksheets/sheet1.xml") && Catch::Contains("16 MB"));
}

#ifdef PAR_HAVE_PDF
TEST_CASE("templates: at most 100000 <for> iterations in one render", "[hardening][limits][template]") {
    const std::string nested =
        "<template format-version=\"1\">\n<section>\n"
        "<for each=\"findings\" as=\"a\"><for each=\"findings\" as=\"b\">"
        "<for each=\"findings\" as=\"c\"><for each=\"findings\" as=\"d\">\n"
        "</for></for></for></for>\n</section>\n</template>\n";
    auto t = pdf::Template::parse(nested, "long.xml");
    auto m = messageOf([&] { t.render(report::sampleNoticeData(20)); });  // 20^4 = 160000
    CHECK_THAT(m, Catch::StartsWith("long.xml:") && Catch::Contains("100000"));
    CHECK_NOTHROW(t.render(report::sampleNoticeData(10)));  // 11110 iterations
}
#endif

// SPDX-License-Identifier: Apache-2.0
// The PDF object reader behind `sign` and `verify` (PdfObjects): values round trip through the
// writer, the cross-reference chain of a real printed notice is read, and damaged or foreign files
// are refused with a message that says what and where.
#include <catch2/catch.hpp>

#include "core/common/Error.hpp"
#include "core/report/SampleData.hpp"
#include "pdf/PdfObjects.hpp"
#include "pdf/PdfSignatureCheck.hpp"
#include "pdf/PdfSigner.hpp"
#include "pdf/PdfWriter.hpp"
#include "pdf/Template.hpp"
#include "PdfTestSupport.hpp"
#include "TestSupport.hpp"

using namespace par::pdf;
using obj::Value;

namespace {
std::string message(const std::string& bytes) {
    try {
        obj::File f(bytes, "x.pdf");
    } catch (const par::ParseError& e) {
        return e.what();
    }
    return "";
}
}  // namespace

TEST_CASE("pdf objects: values round trip through the writer", "[pdf][objects]") {
    Value v = obj::parse("<< /Type /Sig /A [1 2.5 -3 (a\\(b\\)c\\\\) <48656C6C6F> true null 12 0 R] /N#20x 5 /D << /K /V >> >>");
    REQUIRE(v.is(Value::Type::Dict));
    CHECK(v.get("Type")->text == "Sig");
    const auto& a = *v.get("A")->array;
    REQUIRE(a.size() == 8);
    CHECK(a[1].num() == 2.5);
    CHECK(a[3].text == "a(b)c\\");
    CHECK(a[4].text == "Hello");
    CHECK(a[4].hex);
    CHECK(a[7].is(Value::Type::Ref));
    CHECK(a[7].ref.num == 12);
    CHECK(v.get("N x") != nullptr);
    Value back = obj::parse(obj::write(v));
    CHECK(obj::write(back) == obj::write(v));
}

TEST_CASE("pdf objects: a printed notice reads, with its pages and signature space", "[pdf][objects]") {
    Template t = Template::load(par::test::templatePath("thong-bao-ket-luan.xml"));
    std::string pdf = renderPdf(t.render(par::report::sampleNoticeData(3))).pdf;
    obj::File f(pdf, "notice.pdf");
    CHECK(f.size() > 10);
    CHECK(!f.pages().empty());
    auto box = recordedSignatureBox(pdf, "notice.pdf");
    REQUIRE(box);
    CHECK(box->page >= 1);
    CHECK(box->page <= static_cast<int>(f.pages().size()));
    CHECK(box->y2 - box->y1 > 40);  // the room Decree 30 leaves between title and name
    CHECK(checkPdfSignatures(pdf, "notice.pdf", nullptr).signatures.empty());
}

TEST_CASE("pdf objects: bad files are refused with what is wrong", "[pdf][objects][errors]") {
    CHECK(message("hello").find("không phải tệp PDF (thiếu %PDF- hoặc startxref)") != std::string::npos);
    CHECK(message("%PDF-1.4\nstartxref\n999999\n%%EOF").find("(startxref") != std::string::npos);
    CHECK(message("%PDF-1.5\n1 0 obj\n<< /Type /XRef >>\nstream\nendstream\nendobj\nstartxref\n9\n%%EOF")
              .find("bảng tham chiếu dạng luồng") != std::string::npos);
    CHECK(message("%PDF-1.4\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 q \ntrailer\n<< /Size 2 >>\nstartxref\n9\n%%EOF")
              .find("xref entry") != std::string::npos);
    CHECK(message("%PDF-1.4\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 >>\nstartxref\n9\n%%EOF")
              .find("trailer /Root") != std::string::npos);
    // A loop of /Prev is not followed forever.
    CHECK(message("%PDF-1.4\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 /Root 1 0 R /Prev 9 >>\nstartxref\n9\n%%EOF")
              .find("startxref") != std::string::npos);
    // Nesting is bounded.
    std::string deep(200, '[');
    CHECK_THROWS_WITH(obj::parse(deep), Catch::Contains("nesting"));
    CHECK_THROWS_WITH(obj::parse("(unterminated"), Catch::Contains("string"));
    CHECK_THROWS_WITH(obj::parse("<< /A 1"), Catch::Contains("end of file"));
    // Odd names and numbers are kept or refused, never an unexpected exception.
    CHECK(obj::parse("/A#zz").text == "A#zz");
    CHECK_THROWS_WITH(obj::parse("[99999999999999999999 0 R]"), Catch::Contains("unknown keyword"));
    CHECK(message("%PDF-1.4\nxref\n0 99999999999999999999\ntrailer\n<< >>\nstartxref\n9\n%%EOF").find("(xref") != std::string::npos);
}

TEST_CASE("pdf signatures: a signature field with wrong byte ranges is reported, not trusted", "[pdf][objects][errors]") {
    // The fuzzing seed: a signature whose /ByteRange does not surround its /Contents.
    std::string pdf = par::test::readText(PAR_TEST_SOURCE_DIR "/fuzz/corpus/pdf_signatures/signed-field.pdf");
    PdfSignatureReport r = checkPdfSignatures(pdf, "signed-field.pdf", nullptr);
    REQUIRE(r.signatures.size() == 1);
    CHECK(r.signatures[0].field == "chu-ky-1");
    REQUIRE(r.signatures[0].problems.size() == 1);
    CHECK(r.signatures[0].problems[0].find("vùng byte được ký (/ByteRange) không hợp lệ") != std::string::npos);
    CHECK_FALSE(r.ok());
    // /M as PDF dates are written, and as a hostile file may write them.
    CHECK(parsePdfDate("D:20261206153000+07'00'") == parsePdfDate("D:20261206083000Z"));
    CHECK(parsePdfDate("D:20261206153000+0X'00'").has_value());  // the offset ignored
    CHECK_FALSE(parsePdfDate("D:2026120615300"));
    auto box = recordedSignatureBox(pdf, "signed-field.pdf");
    REQUIRE(box);
    CHECK(box->page == 1);
    CHECK(box->x2 == 100);
}

// SPDX-License-Identifier: Apache-2.0
// Hostile files (docs/reliability.md): paths that try to leave their folder, XML entity tricks,
// responses that claim another audit or try to edit the conclusions, a CSV with a 100 MB field,
// invalid UTF-8 and NUL bytes. Each is refused with a message that names the file (and the line
// when known) and says what to do, or is read harmlessly.
#include <catch2/catch.hpp>

#include "core/common/Sha256.hpp"
#include <chrono>
#include <fstream>

#include "TestSupport.hpp"
#include "core/common/DataPaths.hpp"
#include "core/common/XmlReader.hpp"
#include "core/dossier/CsvReader.hpp"
#include "core/model/AuditReader.hpp"
#include "core/model/AuditWriter.hpp"
#include "core/tracking/ActionPlan.hpp"
#include "core/tracking/PlanExchange.hpp"
#include "core/tracking/PlanFile.hpp"
#include "core/tracking/TrackingFixtures.hpp"
#ifdef PAR_HAVE_PDF
#include "core/report/SampleData.hpp"
#include "pdf/Template.hpp"
#endif

using namespace par;
using par::test::ScratchDir;
using par::test::writeText;

namespace {

template <typename F>
ParseError parseErrorOf(F f) {
    try {
        f();
    } catch (const ParseError& e) {
        return e;
    }
    FAIL("no ParseError");
    throw;  // not reached
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    auto p = s.find(from);
    REQUIRE(p != std::string::npos);
    return s.replace(p, from.size(), to);
}

Audit withActions() {
    Audit a = par::test::trackedAudit();
    track::makeActions(a, par::test::calendar());
    return a;
}

std::string responseText(const Audit& a) {
    track::PlanFile p = track::exportPlan(a, "UBND huyện Quỳnh Lưu");
    ActionReport r;
    r.date = Date(2019, 1, 10);
    r.doc = "15/BC-UBND";
    r.evidence = {"qd-15.pdf"};
    // Exchange format 2: each evidence with its hash and size (the file itself travels in the zip).
    const std::string bytes = "%PDF-1.4 qd-15";
    track::respond(p, "A-001", ActionStatus::Reported, r, "Văn phòng UBND huyện",
                   {track::EvidenceRef{"qd-15.pdf", sha256Hex(bytes), bytes.size()}});
    return p.toXml();
}

}  // namespace

TEST_CASE("plain file names: what may name evidence or an included template", "[hardening][paths]") {
    CHECK(isPlainFileName("qd-15.pdf"));
    CHECK(isPlainFileName("Báo cáo số 15 (bản ký).pdf"));
    for (const char* bad : {"", ".", "..", "../../etc/passwd", "/etc/passwd", "a/b.pdf",
                            "..\\..\\windows\\win.ini", "C:\\x.pdf", "a\nb", "x\x7f"})
        CHECK_FALSE(isPlainFileName(bad));
    CHECK_FALSE(isPlainFileName(std::string(256, 'a')));
}

TEST_CASE("evidence that names a path is refused, in a response and when responding",
          "[hardening][paths][tracking]") {
    Audit a = withActions();
    const std::string good = responseText(a);
    for (const std::string path : {"../../etc/passwd", "/etc/passwd", "..", "sub/../../x.pdf"}) {
        INFO(path);
        auto e = parseErrorOf([&] {
            track::PlanFile::parse(replaced(good, "file=\"qd-15.pdf\"", "file=\"" + path + "\""),
                                   "phan-hoi.xml");
        });
        CHECK(e.where().file == "phan-hoi.xml");
        CHECK(e.where().line > 1);
        CHECK_THAT(e.message(), Catch::Contains("minh chứng") && Catch::Contains(path) &&
                                    Catch::Contains("tên tệp"));
    }
    track::PlanFile p = track::exportPlan(a, "UBND huyện Quỳnh Lưu");
    ActionReport r;
    r.date = Date(2019, 1, 10);
    r.evidence = {"../../etc/passwd"};
    CHECK_THROWS_WITH(track::respond(p, "A-001", ActionStatus::Reported, r, "x"),
                      Catch::Contains("../../etc/passwd") && Catch::Contains("tên tệp"));
}

TEST_CASE("a response cannot edit the findings, even with elements of its own",
          "[hardening][tracking][tamper]") {
    Audit a = withActions();
    const std::string good = responseText(a);
    // Elements a plan file does not have, which an audit file has: a reader that merged them would
    // let a unit rewrite its own conclusions.
    const std::string forged = replaced(
        good, "<notice ",
        "<findings><finding id=\"F-001\" area=\"x\" severity=\"minor\"><text>Không có sai sót.</text>"
        "</finding></findings><answers><answer q=\"x\">1</answer></answers><notice ");
    Audit copy = a;
    try {
        track::importResponse(copy, track::PlanFile::parse(forged, "r.xml"), "tp");
    } catch (const par::Error&) {
        // refused: as good
    }
    REQUIRE(copy.findings.size() == a.findings.size());
    for (size_t i = 0; i < a.findings.size(); ++i) CHECK(copy.findings[i] == a.findings[i]);
    CHECK(copy.conclusionsFingerprint() == a.conclusionsFingerprint());
    CHECK(copy.answers.answers.size() == a.answers.answers.size());
}

TEST_CASE("a response claiming another audit or unit is refused, nothing merged",
          "[hardening][tracking][tamper]") {
    Audit a = withActions();
    const std::string good = responseText(a);
    for (auto [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"audit=\"T-1\"", "audit=\"NA-SNV-2019-DC\""},
             {"unit=\"UBND huyện Quỳnh Lưu\" inspected", "unit=\"UBND huyện Diễn Châu\" inspected"}}) {
        Audit copy = a;
        CHECK_THROWS_AS(track::importResponse(copy, track::PlanFile::parse(replaced(good, from, to), "r.xml"), "tp"),
                        track::ImportRefused);
        CHECK(AuditWriter::toXml(copy) == AuditWriter::toXml(a));
    }
}

TEST_CASE("XML entities are never expanded: billion laughs and external entities",
          "[hardening][xml]") {
    // TinyXML-2 does not process a DTD: the DOCTYPE is kept as an unknown node and an entity
    // reference other than the five predefined ones and character references stays literal text.
    std::string laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE audit [\n <!ENTITY lol \"lol\">\n";
    for (int i = 1; i <= 9; ++i) {
        laughs += " <!ENTITY lol" + std::to_string(i) + " \"";
        for (int k = 0; k < 10; ++k) laughs += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
        laughs += "\">\n";
    }
    laughs += "]>\n<r a=\"&lol9;\">&lol9;</r>\n";
    const auto start = std::chrono::steady_clock::now();
    XmlReader x = XmlReader::parse(laughs, "laughs.xml");
    const auto& r = x.root("r");
    CHECK(x.rawText(r) == "&lol9;");
    CHECK(x.attr(r, "a") == "&lol9;");
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));

    const std::string xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE r [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
        "<r>&xxe;</r>\n";
    XmlReader y = XmlReader::parse(xxe, "xxe.xml");
    CHECK(y.rawText(y.root("r")) == "&xxe;");

    // The same in a real reader: an audit whose unit name is an entity gets the literal text.
    std::string audit = par::test::readText(par::test::sourcePath("samples/quynh-luu-2018/quynh-luu-2018.audit.xml"));
    const auto decl = audit.find("?>") + 2;
    audit.insert(decl, "\n<!DOCTYPE audit [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>");
    const auto sum = audit.find("<summary>");
    if (sum != std::string::npos) {
        audit.insert(sum + std::string("<summary>").size(), "&xxe;");
        Audit loaded = AuditReader::parse(audit, "xxe.audit.xml");
        CHECK_THAT(loaded.notice.summary, Catch::StartsWith("&xxe;"));
        CHECK_THAT(loaded.notice.summary, !Catch::Contains("root:"));
    } else {
        CHECK_NOTHROW(AuditReader::parse(audit, "xxe.audit.xml"));
    }
}

TEST_CASE("invalid UTF-8 and NUL bytes in XML: refused with the reason and what to do",
          "[hardening][xml][encoding]") {
    auto bad = parseErrorOf([] { XmlReader::parse("<r>Qu\xe1nh L\xfa\xf9</r>", "cp1258.xml"); });
    CHECK(bad.where().file == "cp1258.xml");
    CHECK_THAT(bad.message(), Catch::Contains("UTF-8") && Catch::Contains("lưu lại"));

    const std::string utf16("<\0r\0>\0\n\0<\0/\0r\0>\0", 16);
    auto nul = parseErrorOf([&] { XmlReader::parse(utf16, "utf16.xml"); });
    CHECK_THAT(nul.message(), Catch::Contains("NUL") && Catch::Contains("UTF-16"));
    auto later = parseErrorOf([] { XmlReader::parse(std::string("<r>\n\n<a>x\0y</a></r>", 19), "nul.xml"); });
    CHECK(later.where().line == 3);

    ScratchDir dir("par-hostile");
    writeText(dir.file("a.audit.xml"), std::string("<audit>\0</audit>", 16));
    CHECK_THROWS_WITH(AuditReader::load(dir.file("a.audit.xml")),
                      Catch::Contains("a.audit.xml") && Catch::Contains("NUL"));
}

TEST_CASE("CSV logs: a 100 MB field, UTF-16, NUL bytes, invalid UTF-8", "[hardening][dossier]") {
    ScratchDir dir("par-hostile-csv");
    SECTION("a single 100 MB field stops at the record limit, with its line") {
        const std::string path = dir.file("lon.csv");
        {
            std::ofstream out(path, std::ios::binary);
            out << "Mã hồ sơ,Ghi chú\nH-1,ok\nH-2,\"";
            const std::string block(1 << 20, 'x');
            for (int i = 0; i < 100; ++i) out << block;
            out << "\"\n";
        }
        dossier::CsvReader reader(path);
        dossier::RawRecord r;
        REQUIRE(reader.next(r));
        const auto start = std::chrono::steady_clock::now();
        auto e = parseErrorOf([&] { reader.next(r); });
        CHECK(e.where().file == path);
        CHECK(e.where().line == 3);
        CHECK_THAT(e.message(), Catch::Contains("16 MB"));
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
    }
    SECTION("a UTF-16 export") {
        const std::string path = dir.file("utf16.csv");
        writeText(path, std::string("\xff\xfe" "M\0a\0,\0b\0\n\0", 12));
        auto e = parseErrorOf([&] { dossier::CsvReader r(path); });
        CHECK_THAT(e.message(), Catch::Contains("UTF-16") && Catch::Contains("CSV UTF-8"));
    }
    SECTION("NUL bytes in the header") {
        const std::string path = dir.file("nul.csv");
        writeText(path, std::string("ma,\0ngay\n1,2\n", 13));
        CHECK_THROWS_WITH(dossier::CsvReader(path), Catch::Contains("NUL"));
    }
    SECTION("a NUL byte in a later record is read as data, not a crash") {
        const std::string path = dir.file("nul-late.csv");
        std::string text = "ma,ngay\n";
        for (int i = 0; i < 500; ++i) text += "H-" + std::to_string(i) + ",2018-01-01\n";
        text += std::string("H-\0,2018-01-01\n", 15);
        writeText(path, text);
        dossier::CsvReader reader(path);
        dossier::RawRecord r;
        size_t n = 0;
        while (reader.next(r)) ++n;
        CHECK(n == 501);
    }
    SECTION("a Windows-1258 header") {
        const std::string path = dir.file("cp1258.csv");
        writeText(path, "M\xe3 h\xf2 s\xf5,ngay\n1,2\n");
        CHECK_THROWS_WITH(dossier::CsvReader(path), Catch::Contains("UTF-8") && Catch::Contains("Windows-1258"));
    }
}

#ifdef PAR_HAVE_PDF
TEST_CASE("templates: includes stay in the template's folder, cycles and NUL bytes are refused",
          "[hardening][paths][template]") {
    ScratchDir dir("par-hostile-tpl");
    auto withInclude = [](const std::string& target) {
        return "<template format-version=\"1\">\n<include template=\"" + target + "\"/>\n</template>\n";
    };
    for (const std::string path : {"../../etc/passwd", "/etc/passwd", "sub/../x.xml", ".."}) {
        INFO(path);
        auto e = parseErrorOf([&] { pdf::Template::parse(withInclude(path), dir.file("t.xml"), dir.path()); });
        CHECK(e.where().line == 2);
        CHECK_THAT(e.message(), Catch::Contains(path) && Catch::Contains("include"));
    }
    writeText(dir.file("a.xml"), withInclude("b.xml"));
    writeText(dir.file("b.xml"), withInclude("a.xml"));
    auto cycle = parseErrorOf([&] { pdf::Template::load(dir.file("a.xml")); });
    CHECK_THAT(cycle.message(), Catch::Contains("include"));

    CHECK_THROWS_WITH(pdf::Template::parse(std::string("<template\0/>", 12), "n.xml"), Catch::Contains("NUL"));
    // Issue #19, item 11: with the line of the NUL (it had none).
    auto nul = parseErrorOf([] {
        pdf::Template::parse(std::string("<template>\n\n\0</template>", sizeof("<template>\n\n\0</template>") - 1),
                             "n.xml");
    });
    CHECK(nul.where().line == 3);
    CHECK_THAT(nul.what(), Catch::Contains("n.xml:3"));
    CHECK_THROWS_WITH(pdf::Template::parse("<template a=\"\xff\"/>", "u.xml"), Catch::Contains("UTF-8"));
    // The bundled notice still includes its plan annex.
    CHECK_NOTHROW(pdf::Template::load(par::test::sourcePath("templates/thong-bao-ket-luan.xml")));
}
#endif

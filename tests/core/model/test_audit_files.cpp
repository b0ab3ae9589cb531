// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include "TestSupport.hpp"
#include "core/common/AtomicFile.hpp"
#include "core/model/AuditReader.hpp"
#include "core/model/AuditWriter.hpp"

using namespace par;

namespace {
Audit sampleAudit() {
    Audit a;
    a.id = "T-1";
    a.unit = {"UBND xã Ngọc Sơn", "xa", "commune", "Nghệ An"};
    a.body = {"UBND TỈNH NGHỆ AN", "SỞ NỘI VỤ", "SNV", "Nghệ An"};
    a.plan = {"12/KH-SNV", Date(2018, 10, 15), ""};
    a.decision = {"45/QĐ-SNV", Date(2018, 11, 20), ""};
    a.team = {{"Nguyễn Văn A", "leader", "Trưởng phòng"}, {"Trần Thị B", "secretary", ""}};
    a.visitStart = Date(2018, 11, 28);
    a.visitEnd = Date(2018, 11, 29);
    a.periodStart = Date(2017, 1, 1);
    a.periodEnd = Date(2018, 10, 30);
    a.form = {"mini", "1", "forms/mini.xml"};
    a.catalogHref = "thu-tuc.xml";
    a.notice.number = "05";
    a.notice.symbol = "TB-SNV";
    a.notice.date = Date(2018, 12, 5);
    a.notice.bases = {"Căn cứ Kế hoạch số 12/KH-SNV;"};
    a.notice.areaSummaries = {{"procedures", "Đã niêm yết công khai."}};
    a.notice.recipients = {"UBND xã Ngọc Sơn;", "Lưu: VT, CCHC."};
    a.answers.answers["co_ke_hoach"] = Answer{"co_ke_hoach", false, "yes", {}, {}, 0};
    a.answers.answers["ngay"] = Answer{"ngay", true, "", {}, {}, 0};
    Answer table{"tthc_kiem_tra", false, "", {}, {}, 0};
    table.rows.push_back({{"ma_thu_tuc", "1.001612"}, {"thanh_phan_yeu_cau", "Tờ khai\nBản sao hộ khẩu & <khác>"}});
    a.answers.answers["tthc_kiem_tra"] = table;
    Answer rep{"xa", false, "", {}, {}, 0};
    AnswerSet inst;
    inst.answers["xa_ten"] = Answer{"xa_ten", false, "Quỳnh Châu", {}, {}, 0};
    rep.instances.push_back(inst);
    a.answers.answers["xa"] = rep;
    Finding f;
    f.id = "F-001";
    f.origin = FindingOrigin::Rule;
    f.rule = "R-THUA";
    f.key = "1.001612";
    f.category = "surplus-components";
    f.severity = Severity::High;
    f.area = "procedures";
    f.text = "Thủ tục 1.001612 yêu cầu thừa.";
    f.legalBasis = {"Nghị định số 63/2010/NĐ-CP"};
    f.recommendation = {"Bỏ thành phần thừa.", *DeadlineRule::parse("30 working-days"), "UBND xã Ngọc Sơn"};
    a.findings.push_back(f);
    a.changeLog.push_back({"2018-11-28T10:00:00", "thuky", "Tạo", "", {}});
    return a;
}
}  // namespace

TEST_CASE("audit save → load → compare round trip", "[audit]") {
    test::ScratchDir dir;
    Audit a = sampleAudit();
    std::string path = dir.file("t.audit.xml");
    AuditWriter::save(a, path);
    CHECK(a.revision == 1);
    Audit b = AuditReader::load(path);
    CHECK(b.revision == 1);
    CHECK(b.unit.name == a.unit.name);
    CHECK(b.team.size() == 2);
    CHECK(b.visitEnd == a.visitEnd);
    CHECK(b.notice.recipients == a.notice.recipients);
    CHECK(b.notice.areaSummaries.size() == 1);
    CHECK(b.answers == a.answers);
    REQUIRE(b.findings.size() == 1);
    CHECK(b.findings[0] == a.findings[0]);
    CHECK(b.changeLog == a.changeLog);
    CHECK(AuditWriter::toXml(b) == AuditWriter::toXml(a));
    CHECK(a.fingerprint() == b.fingerprint());
    b.answers.answers["co_ke_hoach"].value = "no";
    CHECK(a.fingerprint() != b.fingerprint());
}

TEST_CASE("a dismissed finding keeps its dismissal and reason through save and load", "[audit]") {
    Audit a = sampleAudit();
    a.findings[0].dismissed = true;
    a.findings[0].dismissReason = "Đã khắc phục trong lúc kiểm tra\n(biên bản ngày 29/11/2018) & <đủ>";
    std::string xml = AuditWriter::toXml(a);
    CHECK(xml.find("<dismissal>") != std::string::npos);
    Audit b = AuditReader::parse(xml, "x.audit.xml");
    REQUIRE(b.findings.size() == 1);
    CHECK(b.findings[0].dismissed);
    CHECK(b.findings[0].dismissReason == a.findings[0].dismissReason);
    CHECK(b.findings[0] == a.findings[0]);
    CHECK_FALSE(b.findings[0].inEffect());
    CHECK(AuditWriter::toXml(b) == xml);

    // Restored: the element goes away and the finding counts again.
    b.findings[0].dismissed = false;
    b.findings[0].dismissReason.clear();
    Audit c = AuditReader::parse(AuditWriter::toXml(b), "x.audit.xml");
    CHECK_FALSE(c.findings[0].dismissed);
    CHECK(c.findings[0].inEffect());
    CHECK(AuditWriter::toXml(c).find("dismissal") == std::string::npos);
}

TEST_CASE("multi-line and special characters survive a round trip", "[audit]") {
    Audit a = sampleAudit();
    Audit b = AuditReader::parse(AuditWriter::toXml(a), "x.audit.xml");
    CHECK(b.answers.find("tthc_kiem_tra")->rows[0].at("thanh_phan_yeu_cau") == "Tờ khai\nBản sao hộ khẩu & <khác>");
}

TEST_CASE("saving keeps the previous version as a backup", "[audit]") {
    test::ScratchDir dir;
    Audit a = sampleAudit();
    std::string path = dir.file("t.audit.xml");
    AuditWriter::save(a, path);
    a.unit.name = "UBND xã Quỳnh Châu";
    AuditWriter::save(a, path);
    CHECK(AuditReader::load(path).unit.name == "UBND xã Quỳnh Châu");
    CHECK(AuditReader::load(path + ".bak").unit.name == "UBND xã Ngọc Sơn");
}

TEST_CASE("a save that fails leaves the old audit intact", "[audit]") {
    test::ScratchDir dir;
    Audit a = sampleAudit();
    std::string path = dir.file("t.audit.xml");
    AuditWriter::save(a, path);
    std::string before = readFile(path);
    // A directory in the way of the temporary file's rename: make the target a directory's child
    // that cannot be created.
    CHECK_THROWS_AS(AuditWriter::save(a, dir.file("missing/dir/t.audit.xml")), IoError);
    CHECK(readFile(path) == before);
    CHECK(a.revision == 1);  // a failed save does not count
}

TEST_CASE("a newer audit format-version is refused", "[audit]") {
    REQUIRE_THROWS_WITH(AuditReader::parse("<audit format-version='3'><unit name='x'/><form id='f'/></audit>", "n.audit.xml"),
                        Catch::Contains("n.audit.xml:1") && Catch::Contains("format-version 3"));
}

TEST_CASE("bad audit files name file and line", "[audit]") {
    REQUIRE_THROWS_WITH(AuditReader::parse("<audit format-version='1'>\n<form id='f'/>\n</audit>", "a.xml"),
                        Catch::Contains("<unit>"));
    REQUIRE_THROWS_WITH(
        AuditReader::parse("<audit format-version='1'>\n<unit name='x'/>\n<visit start='2018-02-31'/>\n<form id='f'/></audit>", "a.xml"),
        Catch::Contains("a.xml:3") && Catch::Contains("2018-02-31"));
    REQUIRE_THROWS_WITH(AuditReader::parse("<audit format-version='1'><unit name='x'/><form id='f'/>\n<answers>\n"
                                           "<answer q='a'>1</answer>\n<answer q='a'>2</answer></answers></audit>",
                                           "a.xml"),
                        Catch::Contains("a.xml:4") && Catch::Contains("'a'"));
    REQUIRE_THROWS_WITH(AuditReader::parse("<audit format-version='1'><unit name='x'/><form id='f'/><findings>\n"
                                           "<finding id='F-001'/>\n<finding id='F-001'/></findings></audit>",
                                           "a.xml"),
                        Catch::Contains("a.xml:3") && Catch::Contains("F-001"));
    REQUIRE_THROWS_WITH(AuditReader::parse("<audit format-version='1'><unit name='x'/>\n<form id='f'/><findings>"
                                           "<finding id='F-1'><recommendation deadline='soon'/></finding></findings></audit>",
                                           "a.xml"),
                        Catch::Contains("'soon'"));
    REQUIRE_THROWS_WITH(AuditReader::parse("<audit format-version='1'", "a.xml"), Catch::Contains("a.xml:1"));
}

TEST_CASE("next finding id and inspection date", "[audit]") {
    Audit a = sampleAudit();
    CHECK(a.nextFindingId() == "F-002");
    CHECK(a.inspectionDate() == Date(2018, 11, 29));
    a.visitEnd.reset();
    CHECK(a.inspectionDate() == Date(2018, 11, 28));
}

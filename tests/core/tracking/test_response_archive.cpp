// SPDX-License-Identifier: Apache-2.0
// Responses that carry their evidence (NAME.response.zip): evidence names safe on Windows, the zip
// round trip, hostile containers refused (path traversal, unknown entries, a "zip bomb", too many
// entries), evidence checked per action at import (missing, altered, extra, unsafe), and the
// evidence folder beside the audit written all or nothing.
#include <catch2/catch.hpp>

#include <zip.h>

#include <filesystem>

#include "TestSupport.hpp"
#include "TrackingFixtures.hpp"
#include "core/common/Sha256.hpp"
#include "core/common/Text.hpp"
#include "core/tracking/EvidenceStore.hpp"
#include "core/tracking/PlanExchange.hpp"
#include "core/tracking/ResponseArchive.hpp"

using namespace par;
using namespace par::track;
using par::test::withActions;

namespace {
// A zip written with libzip: each (name, bytes), deflated.
void writeZip(const std::string& path, const std::vector<std::pair<std::string, std::string>>& entries) {
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    REQUIRE(z != nullptr);
    for (const auto& [name, bytes] : entries) {
        zip_source_t* s = zip_source_buffer(z, bytes.data(), bytes.size(), 0);
        REQUIRE(s != nullptr);
        REQUIRE(zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8) >= 0);
    }
    REQUIRE(zip_close(z) == 0);
}

// Quỳnh Lưu's response answering A-001 with one evidence file.
PlanFile answered(const Audit& a, const std::string& name, const std::string& bytes) {
    PlanFile p = exportPlan(a, "UBND huyện Quỳnh Lưu");
    ActionReport r;
    r.date = Date(2019, 1, 10);
    r.evidence = {name};
    respond(p, "A-001", ActionStatus::Reported, r, "vp",
            {EvidenceRef{name, sha256Hex(bytes), bytes.size()}});
    return p;
}

std::string parseErrorOf(const std::string& path) {
    try {
        readResponsePackage(path);
    } catch (const ParseError& e) {
        return e.what();
    }
    return "";
}
}  // namespace

TEST_CASE("evidence names: safe on Windows, or refused with the reason", "[tracking][evidence]") {
    setLanguage(Language::Vietnamese);
    for (const char* ok : {"biên bản họp.pdf", "qd-15.pdf", "a.b.c.docx", "CONSOLE.pdf", "com10.txt",
                           "ảnh (1).jpg"})
        CHECK(evidenceNameProblem(ok).empty());
    auto why = [](const std::string& n) { return evidenceNameProblem(n); };
    CHECK_THAT(why("CON"), Catch::Contains("thiết bị"));
    CHECK_THAT(why("con.pdf"), Catch::Contains("thiết bị"));
    CHECK_THAT(why("Com1.txt"), Catch::Contains("thiết bị"));
    CHECK_THAT(why("LPT9"), Catch::Contains("thiết bị"));
    CHECK_THAT(why("NUL .txt"), Catch::Contains("thiết bị"));
    CHECK_THAT(why("C:x"), Catch::Contains("':'"));
    CHECK_THAT(why("x:stream"), Catch::Contains("':'"));
    CHECK_THAT(why("bien-ban\xE2\x80\xAEgpj.exe"), Catch::Contains("U+202E"));  // RTL override
    CHECK_THAT(why("a\xE2\x81\xA6.pdf"), Catch::Contains("đổi chiều"));        // U+2066
    CHECK_THAT(why("bao-cao."), Catch::Contains("dấu chấm"));
    CHECK_THAT(why("bao-cao.pdf "), Catch::Contains("khoảng trắng"));
    CHECK_THAT(why("a/b.pdf"), Catch::Contains("thư mục"));
    CHECK_THAT(why("a\\b.pdf"), Catch::Contains("thư mục"));
    CHECK_THAT(why("a?.pdf"), Catch::Contains("Windows"));
    CHECK_THAT(why("a\x01.pdf"), Catch::Contains("điều khiển"));
    CHECK_THAT(why(".."), Catch::Contains("trống"));
    CHECK_THAT(why("Ho\xCC\x80" "a.pdf"), Catch::Contains("NFC"));  // NFD
    CHECK_THAT(why("\xFF.pdf"), Catch::Contains("UTF-8"));
    CHECK(why(std::string(116, 'a') + ".pdf").empty());  // 120 characters
    CHECK_THAT(why(std::string(117, 'a') + ".pdf"), Catch::Contains("120"));
    CHECK(why(std::string(60, 'e') + "\xE1\xBB\x87" + std::string(55, 'e') + ".pdf").empty());
}

TEST_CASE("response zip: written and read back with its evidence", "[tracking][evidence]") {
    test::ScratchDir dir;
    Audit a = withActions();
    const std::string bytes = "%PDF-1.4 biên bản";
    PlanFile p = answered(a, "biên bản.pdf", bytes);
    const std::string zip = dir.file("ql.response.zip");
    writeResponsePackage(zip, p, {{"A-001/biên bản.pdf", bytes}});
    ResponsePackage pkg = readResponsePackage(zip);
    CHECK(pkg.zipped);
    CHECK(pkg.response.toXml() == p.toXml());
    CHECK(pkg.response.file == zip);
    REQUIRE(pkg.evidence.size() == 1);
    CHECK(pkg.evidence.at("A-001/biên bản.pdf") == bytes);
    CHECK(pkg.entryProblems.empty());
    // Without evidence and a .xml name: the plain XML.
    const std::string xml = dir.file("ql.response.xml");
    writeResponsePackage(xml, exportPlan(a, "UBND huyện Quỳnh Lưu"), {});
    CHECK_FALSE(readResponsePackage(xml).zipped);
    CHECK(defaultResponsePath(dir.file("ql.plan.xml"), true) == zip);
    CHECK(defaultResponsePath(zip, false) == xml);
    // Imported: the evidence comes back for the caller to keep.
    ImportInput in;
    in.evidence = pkg.evidence;
    ImportResult r = importResponse(a, pkg.response, "tp", in);
    CHECK(r.merged == std::vector<std::string>{"A-001"});
    REQUIRE(r.evidence.count("A-001") == 1);
    CHECK(r.evidence.at("A-001").at("biên bản.pdf") == bytes);
}

TEST_CASE("response zip: hostile containers are refused as a whole", "[tracking][evidence][tamper]") {
    setLanguage(Language::Vietnamese);
    test::ScratchDir dir;
    Audit a = withActions();
    const std::string xml = answered(a, "bb.pdf", "x").toXml();
    const std::string z = dir.file("r.zip");
    writeZip(z, {{"response.xml", xml}, {"../../etc/x", "x"}});
    CHECK_THAT(parseErrorOf(z), Catch::Contains("../../etc/x") && Catch::Contains("cả tệp"));
    writeZip(z, {{"response.xml", xml}, {"/abs/x", "x"}});
    CHECK_THAT(parseErrorOf(z), Catch::Contains("/abs/x"));
    writeZip(z, {{"response.xml", xml}, {"evidence/A-001/../../x", "x"}});
    CHECK_THAT(parseErrorOf(z), Catch::Contains("evidence/A-001/../../x"));
    writeZip(z, {{"response.xml", xml}, {"evidence/../x", "x"}});
    CHECK_THAT(parseErrorOf(z), Catch::Contains("evidence/../x"));
    writeZip(z, {{"response.xml", xml}, {"evidence\\A-001\\x", "x"}});
    CHECK_FALSE(parseErrorOf(z).empty());
    writeZip(z, {{"khac.xml", xml}});
    CHECK_THAT(parseErrorOf(z), Catch::Contains("khac.xml"));
    writeZip(z, {{"evidence/A-001/bb.pdf", "x"}});
    CHECK_THAT(parseErrorOf(z), Catch::Contains("response.xml"));
    // A "zip bomb": response.xml inflating past 100 MiB from a few hundred KB; read with a
    // budget, stopped there.
    writeZip(z, {{"response.xml", std::string(kMaxResponseBytes + 1, ' ')}});
    CHECK(std::filesystem::file_size(z) < 2u * 1024u * 1024u);
    CHECK_THAT(parseErrorOf(z), Catch::Contains("bom zip"));
    // The same bomb declaring 1,000 bytes in both headers (the sizes a reader must not trust).
    {
        std::string bytes = test::readText(z);
        auto patch = [&](size_t at) {
            REQUIRE(at + 4 <= bytes.size());
            const unsigned char small[4] = {0xE8, 0x03, 0, 0};  // 1000, little-endian
            for (int k = 0; k < 4; ++k)
                bytes[at + static_cast<size_t>(k)] = static_cast<char>(small[k]);
        };
        REQUIRE(bytes.compare(0, 4, "PK\x03\x04") == 0);
        patch(22);  // local header: uncompressed size
        const size_t central = bytes.find("PK\x01\x02");
        REQUIRE(central != std::string::npos);
        patch(central + 24);  // central directory: uncompressed size
        test::writeText(z, bytes);
        CHECK_FALSE(parseErrorOf(z).empty());  // stopped: too large, or damaged (CRC, size)
    }
    // Too many entries.
    std::vector<std::pair<std::string, std::string>> many{{"response.xml", xml}};
    for (size_t i = 0; i < kMaxResponseEntries; ++i)
        many.push_back({"evidence/A-001/f" + std::to_string(i) + ".txt", "x"});
    writeZip(z, many);
    CHECK_THAT(parseErrorOf(z), Catch::Contains("1000"));
    // Not a zip at all, yet named .zip and starting like one.
    test::writeText(z, std::string("PK\x03\x04garbage", 11));
    CHECK_FALSE(parseErrorOf(z).empty());
}

TEST_CASE("evidence is checked per action: unsafe, too large, missing, altered, extra",
          "[tracking][evidence][tamper]") {
    setLanguage(Language::Vietnamese);
    test::ScratchDir dir;
    Audit a = withActions();
    const std::string bytes = "nội dung biên bản";
    PlanFile p = answered(a, "bb.pdf", bytes);
    {
        Audit copy = a;
        PlanFile p3 = p;
        ActionReport r;
        r.date = Date(2019, 3, 1);
        respond(p3, "A-003", ActionStatus::Reported, r, "vp");
        p = p3;
    }
    const std::string xml = p.toXml();
    const std::string z = dir.file("r.zip");
    auto importZip = [&](const std::vector<std::pair<std::string, std::string>>& entries) {
        writeZip(z, entries);
        ResponsePackage pkg = readResponsePackage(z);
        ImportInput in;
        in.evidence = pkg.evidence;
        in.entryProblems = pkg.entryProblems;
        Audit copy = a;
        ImportResult r = importResponse(copy, pkg.response, "tp", in);
        CHECK(r.merged == std::vector<std::string>{"A-003"});  // the other answer merges
        CHECK(copy.actions[0].status == ActionStatus::Open);
        std::string out;
        for (const auto& i : r.refused) {
            CHECK(i.actionId == "A-001");
            out += i.reason + "\n";
        }
        return out;
    };
    CHECK(importZip({{"response.xml", xml}}).find("thiếu tệp minh chứng 'bb.pdf'") !=
          std::string::npos);
    CHECK_THAT(importZip({{"response.xml", xml}, {"evidence/A-001/bb.pdf", "nội dung khác!!!!!!"}}),
               Catch::Contains("'bb.pdf' đã bị thay đổi"));
    CHECK_THAT(importZip({{"response.xml", xml},
                          {"evidence/A-001/bb.pdf", bytes},
                          {"evidence/A-001/CON.pdf", "x"}}),
               Catch::Contains("CON.pdf") && Catch::Contains("thiết bị"));
    CHECK_THAT(importZip({{"response.xml", xml},
                          {"evidence/A-001/bb.pdf", bytes},
                          {"evidence/A-001/them.pdf", "x"}}),
               Catch::Contains("'them.pdf'") && Catch::Contains("không có trong báo cáo"));
    CHECK_THAT(importZip({{"response.xml", xml},
                          {"evidence/A-001/bb.pdf", bytes},
                          {"evidence/A-001/lon.bin", std::string(kMaxEvidenceFileBytes + 1, 'a')}}),
               Catch::Contains("lon.bin") && Catch::Contains("25 MiB"));
    // A dangerous name in the response itself (hash and size right).
    std::string evil = "x\xE2\x80\xAEgpj.exe";
    PlanFile q = answered(a, "bb.pdf", bytes);
    std::string qx = q.toXml();
    auto at = qx.find("file=\"bb.pdf\"");
    REQUIRE(at != std::string::npos);
    qx.replace(at, 13, "file=\"" + evil + "\"");
    PlanFile parsed = PlanFile::parse(qx, "r.xml");
    ImportInput in;
    in.evidence = {{"A-001/" + evil, bytes}};
    Audit copy = a;
    ImportResult r = importResponse(copy, parsed, "tp", in);
    REQUIRE(r.refused.size() == 1);
    CHECK_THAT(r.refused[0].reason, Catch::Contains("A-001") && Catch::Contains("U+202E"));
    CHECK(r.merged.empty());
}

TEST_CASE("evidence folder: staged, moved into place after the save, nothing left on failure",
          "[tracking][evidence]") {
    test::ScratchDir dir;
    const std::string audit = dir.file("quynh-luu.audit.xml");
    CHECK(evidenceFolder(audit) == dir.file("quynh-luu.evidence"));
    namespace fs = std::filesystem;
    {
        EvidenceStaging s(audit);
        s.stage("A-001", {{"bb.pdf", "1"}});
        // Not committed (the save failed): nothing stays.
    }
    CHECK(fs::is_empty(dir.file("quynh-luu.evidence")));
    {
        EvidenceStaging s(audit);
        s.stage("A-001", {{"bb.pdf", "1"}});
        auto made = s.commit();
        REQUIRE(made.size() == 1);
        CHECK(made[0] == dir.file("quynh-luu.evidence/A-001"));
    }
    CHECK(test::readText(dir.file("quynh-luu.evidence/A-001/bb.pdf")) == "1");
    {
        EvidenceStaging s(audit);
        s.stage("A-001", {{"bb2.pdf", "2"}});
        s.commit();
    }
    // A later report's evidence replaces the folder; the earlier one is kept beside it.
    CHECK(test::readText(dir.file("quynh-luu.evidence/A-001/bb2.pdf")) == "2");
    CHECK_FALSE(fs::exists(dir.file("quynh-luu.evidence/A-001/bb.pdf")));
    CHECK(test::readText(dir.file("quynh-luu.evidence/A-001.previous-1/bb.pdf")) == "1");
    size_t entries = 0;
    for (const auto& e : fs::directory_iterator(dir.file("quynh-luu.evidence"))) {
        (void)e;
        ++entries;
    }
    CHECK(entries == 2);  // no staging folder left
}

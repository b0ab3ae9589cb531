// SPDX-License-Identifier: Apache-2.0
// End-to-end tests of `par-audit plan` and `par-audit track` on the Quỳnh Lưu sample: making
// actions, export → respond → import (and again), a tampered response, inspectors' verification,
// extension, locks and revision conflicts, and the register's formats.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "TestSupport.hpp"

using namespace par::test;

namespace {
// `track` keeps a cache in the user's cache folder: the tests' goes to a scratch folder, which
// the par-audit processes they start inherit.
const ScratchDir& cacheHome() {
    static ScratchDir dir("par-test-cache");
    static const bool set = ::setenv("XDG_CACHE_HOME", dir.path().c_str(), 1) == 0;
    (void)set;
    return dir;
}
const bool cacheHomeSet = !cacheHome().path().empty();

std::string cli() {
    return binaryPath("par-audit");
}

// A copy of the sample with its findings and actions made, in dir/ws/.
std::string preparedAudit(const ScratchDir& dir) {
    std::filesystem::create_directories(dir.file("ws"));
    std::string a = dir.file("ws/quynh-luu-2018.audit.xml");
    for (const char* f : {"quynh-luu-2018.audit.xml", "thu-tuc.xml", "van-ban-bo-sung.xml"})
        std::filesystem::copy_file(sourcePath(std::string("samples/quynh-luu-2018/") + f),
                                   dir.file(std::string("ws/") + f));
    // The copy sits one level deeper than samples/quynh-luu-2018: point its form at the source
    // tree.
    std::string text = readText(a);
    auto p = text.find("href=\"../../forms/cchc-huyen.xml\"");
    REQUIRE(p != std::string::npos);
    text.replace(p, 33, "href=\"" + sourcePath("forms/cchc-huyen.xml") + "\"");
    writeText(a, text);
    auto f = run(cli() + " findings --save " + a);
    INFO(f.out << f.err);
    REQUIRE(f.exitCode == 0);
    auto m = run(cli() + " plan make " + a);
    INFO(m.out << m.err);
    REQUIRE(m.exitCode == 0);
    return a;
}

// Copies the zip `from` to `to` with the entry `name` set to `bytes` (replaced or added), with
// Python's zipfile (/usr/bin/python3: the system one, see HELPERS.md); names are kept as given,
// "../" included, to make hostile files.
bool rezip(const std::string& from, const std::string& to, const std::string& name,
           const std::string& bytes) {
    ScratchDir tmp("par-rezip");
    writeText(tmp.file("bytes"), bytes);
    writeText(tmp.file("rezip.py"),
              "import sys, zipfile\n"
              "src, dst, name, data = sys.argv[1], sys.argv[2], sys.argv[3], open(sys.argv[4], 'rb').read()\n"
              "with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w') as zout:\n"
              "    for i in zin.infolist():\n"
              "        if i.filename != name: zout.writestr(i, zin.read(i.filename))\n"
              "    zout.writestr(zipfile.ZipInfo(name), data)\n");
    return run("/usr/bin/python3 " + q(tmp.file("rezip.py")) + " " + q(from) + " " + q(to) + " " +
               q(name) + " " + q(tmp.file("bytes")))
               .exitCode == 0;
}

nlohmann::json track(const std::string& args) {
    auto r = run(cli() + " track " + args + " --format json");
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    return nlohmann::json::parse(r.out);
}
}  // namespace

TEST_CASE("plan make on the sample, and again", "[cli][tracking]") {
    ScratchDir dir;
    std::string a = preparedAudit(dir);
    auto again = run(cli() + " plan make " + a);
    CHECK(again.exitCode == 0);
    CHECK_THAT(again.out, Catch::Contains("0 hành động mới"));
    auto j = track(dir.file("ws") + " --as-of 2019-01-31");
    REQUIRE(j["actions"].size() >= 3);
    for (const auto& x : j["actions"]) {
        CHECK(x["audit"] == "NA-SNV-2018-QL");
        CHECK(x["status"] == "open");
    }
    CHECK(run(cli() + " plan --help").out.find("export") != std::string::npos);
    CHECK(run(cli() + " track --help").out.find("--due-within") != std::string::npos);
}

TEST_CASE("export → respond → import, re-import, tampering", "[cli][tracking]") {
    ScratchDir dir;
    std::string a = preparedAudit(dir);
    auto j = track(dir.file("ws") + " --as-of 2019-01-31");
    std::string unit = j["actions"][0]["responsible"];
    std::string id = j["actions"][0]["id"];

    auto ex = run(cli() + " plan export " + a + " --unit " + q(unit) + " -o " +
                  dir.file("ql.plan.xml"));
    INFO(ex.out << ex.err);
    REQUIRE(ex.exitCode == 0);
    auto noUnit = run(cli() + " plan export " + a + " --unit " + q("UBND xã Không Có") + " -o " +
                      dir.file("x.xml"));
    CHECK(noUnit.exitCode == 2);
    CHECK_THAT(noUnit.err, Catch::Contains(unit));

    auto re = run(cli() + " plan respond " + dir.file("ql.plan.xml") + " " + id +
                  " --status reported --date 2018-12-14 --doc 15/BC-UBND --note " +
                  q("Đã khắc phục"));
    INFO(re.out << re.err);
    REQUIRE(re.exitCode == 0);
    REQUIRE(std::filesystem::exists(dir.file("ql.response.xml")));
    auto accepted = run(cli() + " plan respond " + dir.file("ql.plan.xml") + " " + id +
                        " --status accepted --date 2019-01-10");
    CHECK(accepted.exitCode == 2);

    // A tampered copy: the deadline pushed back. That action is refused, nothing merged.
    std::string response = readText(dir.file("ql.response.xml"));
    std::string tampered = response;
    auto p = tampered.find(" deadline=\"", tampered.find("<action id=\"" + id + "\""));
    REQUIRE(p != std::string::npos);
    tampered.replace(p + 11, 10, "2030-12-31");
    writeText(dir.file("tampered.xml"), tampered);
    std::string before = readText(a);
    auto bad = run(cli() + " plan import " + a + " " + dir.file("tampered.xml"));
    CHECK(bad.exitCode == 1);
    CHECK_THAT(bad.err, Catch::Contains(id) && Catch::Contains("đã bị sửa"));
    CHECK(readText(a) == before);

    auto im = run(cli() + " plan import " + a + " " + dir.file("ql.response.xml"));
    INFO(im.out << im.err);
    REQUIRE(im.exitCode == 0);
    CHECK_THAT(im.out, Catch::Contains(id));
    std::string merged = readText(a);
    CHECK_THAT(merged, Catch::Contains("15/BC-UBND") && Catch::Contains("declared-by=") &&
                           Catch::Contains("code=\"plan.import.declared\""));
    auto twice = run(cli() + " plan import " + a + " " + dir.file("ql.response.xml"));
    CHECK(twice.exitCode == 0);
    CHECK_THAT(twice.out, Catch::Contains("Không có gì mới"));
    CHECK(readText(a) == merged);

    auto reported = track(dir.file("ws") + " --as-of 2019-01-31 --status reported");
    REQUIRE(reported["actions"].size() == 1);
    CHECK(reported["actions"][0]["report"]["doc"] == "15/BC-UBND");

    // The inspectors verify: accept; a second accept is refused (exit 2), reopen needs a note.
    auto acceptedOut = run(cli() + " plan accept " + a + " " + id + " --note " + q("Đã kiểm tra"));
    CHECK(acceptedOut.exitCode == 0);
    CHECK_THAT(acceptedOut.out, Catch::Contains("Công nhận hoàn thành " + id));  // says what it did
    CHECK(run(cli() + " plan accept " + a + " " + id).exitCode == 2);
    CHECK(run(cli() + " plan reopen " + a + " " + id).exitCode != 0);
    auto done = track(dir.file("ws") + " --as-of 2019-01-31 --status accepted");
    REQUIRE(done["actions"].size() == 1);
    CHECK(done["total"]["accepted_on_time"] == 1);
    // Stored as a code and its values, not a sentence of the session's language.
    CHECK_THAT(readText(a), Catch::Contains("code=\"action.accept\"") && Catch::Contains("<arg>" + id + "</arg>"));
}

TEST_CASE("the issue's sequence: two answers kept, an extension between export and import, an "
          "older response replayed",
          "[cli][tracking][exchange]") {
    ScratchDir dir;
    std::string a = preparedAudit(dir);
    const std::string unit = "UBND huyện Quỳnh Lưu";
    const std::string plan = dir.file("ql.plan.xml");
    REQUIRE(run(cli() + " plan export " + a + " --unit " + q(unit) + " -o " + plan).exitCode == 0);
    auto respondAt = [&](const std::string& now, const std::string& file, const std::string& args) {
        auto r = run("PAR_AUDIT_NOW=" + now + " " + cli() + " plan respond " + file + " " + args);
        INFO(r.out << r.err);
        REQUIRE(r.exitCode == 0);
        return r;
    };
    // The guide's pattern, answering twice from the plan file: both answers are kept.
    respondAt("2019-01-10T08:00:00", plan, "A-001 --date 10/01/2019 --doc 1/BC --by " + q("Nguyễn Văn A"));
    respondAt("2019-01-10T08:05:00", plan, "A-002 --date 10/01/2019 --doc 2/BC");
    const std::string response = dir.file("ql.response.xml");
    std::string text = readText(response);
    CHECK_THAT(text, Catch::Contains("doc=\"1/BC\"") && Catch::Contains("doc=\"2/BC\"") &&
                         Catch::Contains("declared-by=\"Nguyễn Văn A\""));
    // A-003 too; then the inspectors extend A-003 before importing.
    respondAt("2019-01-10T08:10:00", plan, "A-003 --date 10/01/2019 --doc 3/BC");
    auto ext = run(cli() + " plan extend " + a + " A-003 --deadline 2019-03-29 --reason " +
                   q("Chờ ý kiến của tỉnh"));
    REQUIRE(ext.exitCode == 0);
    auto im = run("PAR_AUDIT_NOW=2019-01-20T08:00:00 " + cli() + " plan import " + a + " " + response);
    INFO(im.out << im.err);
    CHECK(im.exitCode == 1);
    CHECK_THAT(im.out, Catch::Contains("A-001, A-002"));
    CHECK_THAT(im.err, Catch::Contains("A-003 đã được gia hạn sau khi xuất kế hoạch: xuất lại kế "
                                       "hoạch cho đơn vị"));
    auto j = track(dir.file("ws") + " --as-of 2019-01-31 --status reported");
    CHECK(j["actions"].size() == 2);
    // The exported plan now carries the extension's reason for the unit to read.
    REQUIRE(run(cli() + " plan export " + a + " --unit " + q(unit) + " -o " + dir.file("again.plan.xml")).exitCode == 0);
    CHECK_THAT(readText(dir.file("again.plan.xml")),
               Catch::Contains("<inspector-note kind=\"extension\"") &&
                   Catch::Contains("Chờ ý kiến của tỉnh"));

    // Two copies of one plan answered on A-006 (dated 20/01 and 10/01); the newer is imported
    // first, then the older: refused for A-006, the newer report stays.
    std::filesystem::copy_file(plan, dir.file("copy1.plan.xml"));
    std::filesystem::copy_file(plan, dir.file("copy2.plan.xml"));
    respondAt("2019-01-20T09:00:00", dir.file("copy2.plan.xml"), "A-006 --date 20/01/2019 --doc 20/BC");
    respondAt("2019-01-10T09:00:00", dir.file("copy1.plan.xml"), "A-006 --date 10/01/2019 --doc 10/BC");
    auto newer = run("PAR_AUDIT_NOW=2019-01-21T08:00:00 " + cli() + " plan import " + a + " " +
                     dir.file("copy2.response.xml"));
    CHECK(newer.exitCode == 0);
    std::string after = readText(a);
    auto older = run("PAR_AUDIT_NOW=2019-01-21T08:00:00 " + cli() + " plan import " + a + " " +
                     dir.file("copy1.response.xml"));
    CHECK(older.exitCode == 1);
    CHECK_THAT(older.err, Catch::Contains("A-006") && Catch::Contains("không mới hơn"));
    CHECK(readText(a) == after);
    // A report dated in the future is refused where the unit answers, nothing written…
    const std::string before = readText(dir.file("copy1.response.xml"));
    auto early = run("PAR_AUDIT_NOW=2019-01-22T09:00:00 " + cli() + " plan respond " + dir.file("copy1.plan.xml") +
                     " A-007 --date 22/02/2019");
    CHECK(early.exitCode == 2);
    CHECK_THAT(early.err, Catch::Contains("A-007: ngày báo cáo 22/02/2019 sau ngày hôm nay 22/01/2019"));
    CHECK(readText(dir.file("copy1.response.xml")) == before);
    // …and at the import, for one answered on a machine whose clock ran ahead.
    respondAt("2019-03-01T09:00:00", dir.file("copy1.plan.xml"), "A-007 --date 22/02/2019");
    auto future = run("PAR_AUDIT_NOW=2019-01-23T08:00:00 " + cli() + " plan import " + a + " " +
                      dir.file("copy1.response.xml"));
    CHECK(future.exitCode == 1);
    CHECK_THAT(future.err, Catch::Contains("A-007: ngày báo cáo 22/02/2019 sau ngày hôm nay"));
}

TEST_CASE("evidence travels in NAME.response.zip, altered or dangerous evidence is refused",
          "[cli][tracking][exchange][evidence]") {
    ScratchDir dir;
    std::string a = preparedAudit(dir);
    const std::string plan = dir.file("ql.plan.xml");
    REQUIRE(run(cli() + " plan export " + a + " --unit " + q("UBND huyện Quỳnh Lưu") + " -o " + plan)
                .exitCode == 0);
    writeText(dir.file("biên bản.pdf"), "%PDF-1.4 biên bản họp");
    writeText(dir.file("ảnh.jpg"), std::string(5000, 'x'));
    auto re = run(cli() + " plan respond " + plan + " A-001 --date 10/01/2019 --evidence " +
                  q(dir.file("biên bản.pdf")) + " --evidence " + q(dir.file("ảnh.jpg")));
    INFO(re.out << re.err);
    REQUIRE(re.exitCode == 0);
    const std::string zip = dir.file("ql.response.zip");
    REQUIRE(std::filesystem::exists(zip));
    // Answering another action keeps A-001's evidence in the same zip.
    REQUIRE(run(cli() + " plan respond " + zip + " A-002 --date 11/01/2019").exitCode == 0);
    auto list = run("unzip -Z1 " + q(zip));
    CHECK_THAT(list.out, Catch::Contains("response.xml") &&
                             Catch::Contains("evidence/A-001/biên bản.pdf") &&
                             Catch::Contains("evidence/A-001/ảnh.jpg"));
    // A dangerous name is refused when responding.
    writeText(dir.file("CON.pdf"), "x");
    auto con = run(cli() + " plan respond " + zip + " A-003 --date 10/01/2019 --evidence " +
                   q(dir.file("CON.pdf")));
    CHECK(con.exitCode == 2);
    CHECK_THAT(con.err, Catch::Contains("CON"));

    // Altered on the way: the zip's A-001 file replaced (same name, other bytes).
    REQUIRE(rezip(zip, dir.file("altered.response.zip"), "evidence/A-001/ảnh.jpg", std::string(5000, 'y')));
    std::string before = readText(a);
    auto altered = run(cli() + " plan import " + a + " " + dir.file("altered.response.zip"));
    INFO(altered.out << altered.err);
    CHECK(altered.exitCode == 1);
    CHECK_THAT(altered.err, Catch::Contains("A-001") && Catch::Contains("ảnh.jpg") &&
                                Catch::Contains("đã bị thay đổi"));
    CHECK_THAT(altered.out, Catch::Contains("A-002"));  // the other answer still merged
    CHECK_FALSE(std::filesystem::exists(dir.file("ws/quynh-luu-2018.evidence/A-001")));

    // Path traversal inside the zip: the whole file is refused.
    REQUIRE(rezip(zip, dir.file("evil.response.zip"), "../../evil.txt", "x"));
    std::string mid = readText(a);
    auto evil = run(cli() + " plan import " + a + " " + dir.file("evil.response.zip"));
    CHECK(evil.exitCode == 2);
    CHECK_THAT(evil.err, Catch::Contains("../../evil.txt") && Catch::Contains("cả tệp"));
    CHECK(readText(a) == mid);

    // The genuine zip: merged, evidence kept beside the audit, byte for byte.
    auto im = run(cli() + " plan import " + a + " " + zip);
    INFO(im.out << im.err);
    CHECK(im.exitCode == 0);
    CHECK_THAT(im.out, Catch::Contains("A-001") && Catch::Contains("quynh-luu-2018.evidence/A-001"));
    CHECK(readText(dir.file("ws/quynh-luu-2018.evidence/A-001/biên bản.pdf")) == "%PDF-1.4 biên bản họp");
    CHECK(readText(dir.file("ws/quynh-luu-2018.evidence/A-001/ảnh.jpg")) == std::string(5000, 'x'));
    // No staging folder left.
    for (const auto& e : std::filesystem::directory_iterator(dir.file("ws/quynh-luu-2018.evidence")))
        CHECK(e.path().filename().u8string().rfind(".staging", 0) != 0);
    // The register links to it.
    auto j = track(dir.file("ws") + " --as-of 2019-01-31 --status reported");
    bool linked = false;
    for (const auto& x : j["actions"])
        if (x["id"] == "A-001") {
            std::string folder = x["report"]["evidence_folder"];
            linked = folder.size() > 29 &&
                     folder.compare(folder.size() - 29, 29, "quynh-luu-2018.evidence/A-001") == 0;
        }
    CHECK(linked);
    auto table = run(cli() + " track " + dir.file("ws") + " --as-of 2019-01-31");
    CHECK_THAT(table.out, Catch::Contains("minh chứng: ") &&
                              Catch::Contains("quynh-luu-2018.evidence/A-001"));
}

TEST_CASE("Tân Thành and Tân Thạnh side by side: export, import and track keep them apart",
          "[cli][tracking][unit]") {
    ScratchDir dir;
    std::string a = preparedAudit(dir);
    // Two communes differing by one diacritic, and one spelled with the old tone placement.
    REQUIRE(run(cli() + " plan add " + a + " --finding F-001 --content " + q("Việc của Tân Thành") +
                " --responsible " + q("UBND xã Tân Thành"))
                .exitCode == 0);
    REQUIRE(run(cli() + " plan add " + a + " --finding F-001 --content " + q("Việc của Tân Thạnh") +
                " --responsible " + q("UBND xã Tân Thạnh"))
                .exitCode == 0);
    REQUIRE(run(cli() + " plan add " + a + " --finding F-002 --content " + q("Việc của Hoà Sơn") +
                " --responsible " + q("UBND xã Hoà Sơn"))
                .exitCode == 0);
    REQUIRE(run(cli() + " plan add " + a + " --finding F-002 --content " + q("Việc nữa") +
                " --responsible " + q("UBND  xã Hòa Sơn"))
                .exitCode == 0);
    auto t = run(cli() + " plan export " + a + " --unit " + q("UBND xã Tân Thạnh") + " -o " +
                 dir.file("tt.plan.xml"));
    REQUIRE(t.exitCode == 0);
    std::string plan = readText(dir.file("tt.plan.xml"));
    CHECK_THAT(plan, Catch::Contains("Việc của Tân Thạnh"));
    CHECK_THAT(plan, !Catch::Contains("Việc của Tân Thành"));
    auto hoa = run(cli() + " plan export " + a + " --unit " + q("UBND xã Hòa Sơn") + " -o " +
                   dir.file("hs.plan.xml"));
    CHECK(hoa.exitCode == 0);
    CHECK_THAT(hoa.out, Catch::Contains("Đã xuất 2 hành động"));
    auto none = run(cli() + " plan export " + a + " --unit " + q("Tan Thanh") + " -o " + dir.file("x.xml"));
    CHECK(none.exitCode == 2);
    CHECK_THAT(none.err, Catch::Contains("không có đơn vị 'Tan Thanh'; có phải: UBND xã Tân Thành, "
                                         "UBND xã Tân Thạnh?"));
    auto loose = run(cli() + " track " + dir.file("ws") + " --as-of 2019-01-31 --unit " + q("tan thanh"));
    CHECK_THAT(loose.err, Catch::Contains("có phải: ") && Catch::Contains("UBND xã Tân Thành") &&
                              Catch::Contains("UBND xã Tân Thạnh"));
    CHECK(loose.out.find("Việc của") == std::string::npos);
    // Tân Thạnh answers; Tân Thành's action stays open.
    auto tt = track(dir.file("ws") + " --as-of 2019-01-31 --unit " + q("UBND xã Tân Thạnh"));
    REQUIRE(tt["actions"].size() == 1);
    std::string id = tt["actions"][0]["id"];
    REQUIRE(run(cli() + " plan respond " + dir.file("tt.plan.xml") + " " + id + " --date 10/01/2019")
                .exitCode == 0);
    auto im = run(cli() + " plan import " + a + " " + dir.file("tt.response.xml"));
    CHECK(im.exitCode == 0);
    CHECK_THAT(im.out, Catch::Contains("UBND xã Tân Thạnh"));
    auto thanh = track(dir.file("ws") + " --as-of 2019-01-31 --unit " + q("UBND xã Tân Thành"));
    REQUIRE(thanh["actions"].size() == 1);
    CHECK(thanh["actions"][0]["status"] == "open");
    // Summary: Tân Thành, Tân Thạnh and Hoà Sơn are three units; Hoà/Hòa one.
    auto all = track(dir.file("ws") + " --as-of 2019-01-31");
    int hoaSon = 0, tan = 0;
    for (const auto& u : all["units"]) {
        std::string name = u["unit"];
        if (name.find("Sơn") != std::string::npos && name.find("xã") != std::string::npos)
            ++hoaSon;
        if (name.find("Tân Th") != std::string::npos)
            ++tan;
    }
    CHECK(hoaSon == 1);
    CHECK(tan == 2);
}

TEST_CASE("a copied audit file in the workspace is not doubled, and is reported",
          "[cli][tracking][duplicate]") {
    ScratchDir dir;
    std::string a = preparedAudit(dir);
    auto once = track(dir.file("ws") + " --as-of 2019-01-31");
    std::filesystem::copy_file(a, dir.file("ws/quynh-luu-2018 - Copy.audit.xml"));
    auto r = run(cli() + " track " + dir.file("ws") + " --as-of 2019-01-31 --format json");
    CHECK(r.exitCode == 1);  // reported as an issue
    CHECK_THAT(r.err, Catch::Contains("NA-SNV-2018-QL") && Catch::Contains("Copy.audit.xml") &&
                          Catch::Contains("quynh-luu-2018.audit.xml"));
    auto twice = nlohmann::json::parse(r.out);
    CHECK(twice["actions"].size() == once["actions"].size());
    CHECK(twice["total"]["actions"] == once["total"]["actions"]);
}

TEST_CASE("extend, overdue and due-within", "[cli][tracking]") {
    ScratchDir dir;
    std::string a = preparedAudit(dir);
    auto all = track(dir.file("ws") + " --as-of 2025-01-01");
    auto overdue = track(dir.file("ws") + " --as-of 2025-01-01 --overdue");
    CHECK(overdue["actions"].size() == all["actions"].size());  // every deadline long past
    std::string id = all["actions"][0]["id"];
    auto ext = run(cli() + " plan extend " + a + " " + id + " --deadline 2025-01-15 --reason " +
                   q("Chờ sáp nhập"));
    INFO(ext.out << ext.err);
    REQUIRE(ext.exitCode == 0);
    auto after = track(dir.file("ws") + " --as-of 2025-01-01 --overdue");
    CHECK(after["actions"].size() == all["actions"].size() - 1);
    auto soon = track(dir.file("ws") + " --as-of 2025-01-01 --due-within 10");
    REQUIRE(soon["actions"].size() == 1);
    CHECK(soon["actions"][0]["deadline"] == "2025-01-15");
    CHECK(track(dir.file("ws") + " --as-of 2025-01-01 --due-within 9")["actions"].empty());
    auto table = run(cli() + " track " + dir.file("ws") + " --as-of 2025-01-01");
    CHECK(table.exitCode == 0);
    CHECK_THAT(table.out, Catch::Contains("quá hạn") && Catch::Contains("Tổng hợp theo đơn vị"));
}

TEST_CASE("deadlines in a year without an announced Tết schedule are marked as forecasts",
          "[cli][tracking][forecast]") {
    ScratchDir dir;
    std::string a = preparedAudit(dir);
    // The notice dated 21/12/2026: deadlines counted in working days fall in 2027.
    std::string text = readText(a);
    auto p = text.find("date=\"2018-12-05\"");
    REQUIRE(p != std::string::npos);
    text.replace(p, 18, "date=\"2026-12-21\"");
    writeText(a, text);
    auto make = run(cli() + " plan make " + a);
    INFO(make.out << make.err);
    REQUIRE(make.exitCode == 0);
    CHECK_THAT(make.out, Catch::Contains("cập nhật thời hạn") &&
                             Catch::Contains("/2027 (dự kiến: lịch nghỉ Tết 2027 chưa công bố)"));
    auto j = track(dir.file("ws") + " --as-of 2026-12-28");
    size_t marked = 0;
    for (const auto& x : j["actions"])
        if (!x["forecast"].is_null() && x["forecast"]["year"] == 2027)
            ++marked;
    CHECK(marked > 0);
    auto table = run(cli() + " track " + dir.file("ws") + " --as-of 2026-12-28");
    CHECK_THAT(table.out, Catch::Contains("(dự kiến: lịch nghỉ Tết 2027 chưa công bố)"));
    std::string id = j["actions"][0]["id"];
    auto ext = run(cli() + " plan extend " + a + " " + id + " --deadline 2027-03-15 --reason " +
                   q("Chờ sáp nhập"));
    REQUIRE(ext.exitCode == 0);
    CHECK_THAT(ext.out, Catch::Contains(id + ": hạn 15/03/2027 (dự kiến: lịch nghỉ Tết 2027"));
    // Once the office drops 2027's announced Tết in calendars/ beside the audits, no more marks.
    std::filesystem::create_directories(dir.file("ws/calendars"));
    writeText(dir.file("ws/calendars/2027.xml"),
              "<calendar-schedule format-version=\"1\">\n"
              "  <announcement document=\"1/TB-BNV\" confidence=\"H\">\n"
              "    <holiday name=\"Tết Nguyên đán\" year=\"2027\" from=\"2027-02-04\" "
              "to=\"2027-02-12\"/>\n"
              "  </announcement>\n</calendar-schedule>\n");
    auto announced = track(dir.file("ws") + " --as-of 2026-12-28");
    for (const auto& x : announced["actions"])
        CHECK(x["forecast"].is_null());
}

TEST_CASE("a locked audit is refused, a stale lock is taken over", "[cli][tracking][lock]") {
    ScratchDir dir;
    std::string a = preparedAudit(dir);
    char host[256] = {};
    ::gethostname(host, sizeof host - 1);
    // A live process (this test) on this host holds it.
    writeText(a + ".lock",
              "owner=Trần Thị Bình\nhost=" + std::string(host) +
                  "\npid=" + std::to_string(::getpid()) +
                  "\ntime=2026-11-27T08:00:00\nepoch=" + std::to_string(std::time(nullptr)) + "\n");
    std::string before = readText(a);
    for (const char* cmd : {" plan make ", " findings --save ", " answer "}) {
        std::string extra = std::string(cmd) == " answer " ? " ld_ke_hoach=yes" : "";
        auto r = run(cli() + cmd + a + extra);
        CHECK(r.exitCode == 2);
        CHECK_THAT(r.err, Catch::Contains("Trần Thị Bình") && Catch::Contains(host));
    }
    CHECK(readText(a) == before);
    // Reading is never blocked.
    CHECK(run(cli() + " track " + dir.file("ws") + " --as-of 2019-01-31").exitCode == 0);
    // Thirteen hours old: stale, taken over, and removed afterwards.
    writeText(a + ".lock",
              "owner=Trần Thị Bình\nhost=may-khac\npid=1\ntime=2026-11-26T08:00:00\nepoch=" +
                  std::to_string(std::time(nullptr) - 13 * 3600) + "\n");
    auto r = run(cli() + " plan make " + a);
    CHECK(r.exitCode == 0);
    CHECK_THAT(r.err, Catch::Contains("khoá bỏ dở"));
    CHECK_FALSE(std::filesystem::exists(a + ".lock"));
}

TEST_CASE("register formats: csv, xlsx, ics, pdf files", "[cli][tracking][formats]") {
    ScratchDir dir;
    preparedAudit(dir);
    writeText(dir.file("ws/broken.audit.xml"), "<audit format-version='1'>\n</audit>");
    std::string ws = dir.file("ws");
    auto csv =
        run(cli() + " track " + ws + " --as-of 2019-01-31 --format csv -o " + dir.file("r.csv"));
    CHECK(csv.exitCode == 1);  // the broken file is reported, the rest still written
    CHECK_THAT(csv.err, Catch::Contains("broken.audit.xml"));
    CHECK(readText(dir.file("r.csv")).find("NA-SNV-2018-QL") != std::string::npos);
    std::filesystem::remove(dir.file("ws/broken.audit.xml"));
    auto xlsx =
        run(cli() + " track " + ws + " --as-of 2019-01-31 --format xlsx -o " + dir.file("r.xlsx"));
    INFO(xlsx.err);
    CHECK(xlsx.exitCode == 0);
    CHECK(readText(dir.file("r.xlsx")).substr(0, 2) == "PK");
    CHECK(run(cli() + " track " + ws + " --format xlsx").exitCode == 2);  // needs -o
    auto ics = run(cli() + " track " + ws + " --as-of 2019-01-31 --format ics");
    CHECK(ics.exitCode == 0);
    CHECK_THAT(ics.out, Catch::Contains("BEGIN:VEVENT") && Catch::Contains("DTSTART;VALUE=DATE:"));
    auto pdf =
        run(cli() + " track " + ws + " --as-of 2019-01-31 --format pdf -o " + dir.file("r.pdf"));
    INFO(pdf.err);
    REQUIRE(pdf.exitCode == 0);
    auto text = run("pdftotext -layout " + dir.file("r.pdf") + " -");
    if (text.exitCode == 0) {
        CHECK_THAT(text.out, Catch::Contains("BÁO CÁO") &&
                                 Catch::Contains("TỔNG HỢP THEO ĐƠN VỊ") &&
                                 Catch::Contains("SỞ NỘI VỤ"));
    } else {
        WARN("pdftotext not available: PDF text not checked");
    }
}

TEST_CASE("track: the cache in $XDG_CACHE_HOME, and --no-cache", "[cli][tracking][cache]") {
    ScratchDir dir;
    preparedAudit(dir);
    std::string ws = dir.file("ws");
    std::string home = dir.file("home");
    for (const auto& e : std::filesystem::directory_iterator(ws))  // fresh files are not cached
        std::filesystem::last_write_time(
            e.path(), std::filesystem::file_time_type::clock::now() - std::chrono::hours(1));
    std::string env = "XDG_CACHE_HOME=" + q(home) + " ";
    auto none = run(env + cli() + " track " + ws + " --as-of 2019-01-31 --format json --no-cache");
    REQUIRE(none.exitCode == 0);
    CHECK_FALSE(std::filesystem::exists(home + "/par-audit"));
    auto first = run(env + cli() + " track " + ws + " --as-of 2019-01-31 --format json");
    REQUIRE(first.exitCode == 0);
    REQUIRE(std::filesystem::exists(home + "/par-audit"));
    CHECK(std::distance(std::filesystem::directory_iterator(home + "/par-audit"),
                        std::filesystem::directory_iterator()) == 1);
    auto warm = run(env + cli() + " track " + ws + " --as-of 2019-01-31 --format json");
    REQUIRE(warm.exitCode == 0);
    CHECK(first.out == none.out);
    CHECK(warm.out == none.out);
    CHECK(run(cli() + " track --help").out.find("--no-cache") != std::string::npos);
}

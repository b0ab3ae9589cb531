// SPDX-License-Identifier: Apache-2.0
// The HTML plan form end to end in a real browser (issue #15, docs/tracking.md "The HTML form"):
// `plan export --format html` on the Quỳnh Lưu sample, the page driven in the system's headless
// Chromium by plan_form_browser.py (DevTools protocol over a pipe) as a clerk would use it, the
// saved file imported with `plan import`, and the audit checked. Chromium missing is a failure, not
// a skip: scripts/install-deps.sh installs it.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>

#include "TestSupport.hpp"
#include "core/common/InputFile.hpp"
#include "core/common/Sha256.hpp"
#include "core/model/AuditReader.hpp"

using namespace par;
using namespace par::test;
namespace fs = std::filesystem;

namespace {
std::string cli() {
    return binaryPath("par-audit");
}

// Shown by the page as the first finding's end, verbatim, and never run.
// (an address in the audit's text stays text: the page still names no URL).
const std::string kNasty =
    "</script><script>window.__pwned=1</script> \"trích\" 'đơn' & <!-- hết, xem "
    "https://dichvucong.gov.vn";
const std::string kNastyXml =
    "&lt;/script&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt; "
    "\"trích\" 'đơn' &amp; &lt;!-- hết, xem https://dichvucong.gov.vn";
const std::string kExtendReason = "Chờ hướng dẫn của UBND tỉnh về quy trình nội bộ";

// A copy of the sample in dir/ws with findings and actions made, F-001's text ending in kNasty and
// A-003 extended (so the page has an inspectors' note to show).
std::string preparedAudit(const ScratchDir& dir) {
    fs::create_directories(dir.file("ws"));
    const std::string a = dir.file("ws/quynh-luu-2018.audit.xml");
    for (const char* f : {"quynh-luu-2018.audit.xml", "thu-tuc.xml", "van-ban-bo-sung.xml"})
        fs::copy_file(sourcePath(std::string("samples/quynh-luu-2018/") + f),
                      dir.file(std::string("ws/") + f));
    std::string text = readText(a);
    const std::string href = "href=\"../../forms/cchc-huyen.xml\"";
    auto p = text.find(href);
    REQUIRE(p != std::string::npos);
    text.replace(p, href.size(), "href=\"" + sourcePath("forms/cchc-huyen.xml") + "\"");
    writeText(a, text);
    for (const std::string& cmd : {" findings --save " + a, " plan make " + a}) {
        auto r = run(cli() + cmd);
        INFO(cmd << "\n" << r.out << r.err);
        REQUIRE(r.exitCode == 0);
    }
    text = readText(a);
    const std::string end = "các xã, thị trấn.</text>";
    p = text.find(end);
    REQUIRE(p != std::string::npos);
    text.insert(p + end.size() - 7, " " + kNastyXml);
    writeText(a, text);
    auto ex = run(cli() + " plan extend " + a + " A-003 --deadline 2019-02-28 --reason " +
                  q(kExtendReason));
    INFO(ex.out << ex.err);
    REQUIRE(ex.exitCode == 0);
    return a;
}

std::string exportForm(const std::string& audit, const std::string& html) {
    auto r = run(cli() + " plan export " + audit + " --unit " + q("UBND huyện Quỳnh Lưu") +
                 " --format html -o " + html);
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    return readText(html);
}

// The value of "key" in the browser script's result.json ("" when absent).
std::string resultValue(const std::string& json, const std::string& key) {
    auto p = json.find("\"" + key + "\": \"");
    if (p == std::string::npos)
        return "";
    p += key.size() + 5;
    return json.substr(p, json.find('"', p) - p);
}

// Runs the browser script; returns the saved files' paths (the second with `resave`).
std::pair<std::string, std::string> driveForm(const std::string& html, const std::string& evidence,
                                              const ScratchDir& dir, const std::string& screens,
                                              bool resave = false) {
    writeText(dir.file("CON.pdf"), "x");
    fs::remove_all(screens);
    // Another export of the same plan (a new export-id), for the draft's key.
    const std::string fresh = dir.file("again.plan.html");
    if (resave)
        exportForm(dir.file("ws/quynh-luu-2018.audit.xml"), fresh);
    auto r = run("/usr/bin/python3 " + sourcePath("tests/cli/tracking/plan_form_browser.py") +
                 " --html " + q(html) + (evidence.empty() ? "" : " --evidence " + q(evidence)) +
                 " --bad-evidence " + q(dir.file("CON.pdf")) + " --out " + q(screens) +
                 " --nasty " + q(kNasty) + " --expect-note " + q(kExtendReason) +
                 (resave ? " --resave --fresh-html " + q(fresh) : ""));
    INFO(r.out << r.err << "\n(result and screenshots in " << screens << ")");
    REQUIRE(r.exitCode == 0);
    const std::string result = readText(screens + "/result.json");
    std::pair<std::string, std::string> saved{resultValue(result, "download"),
                                              resultValue(result, "download2")};
    REQUIRE(!saved.first.empty());
    REQUIRE(resave != saved.second.empty());
    return saved;
}

const Action& action(const Audit& a, const char* id) {
    const Action* x = a.findAction(id);
    REQUIRE(x != nullptr);
    return *x;
}
}  // namespace

TEST_CASE("the exported page fetches nothing", "[cli][tracking][plan-form]") {
    ScratchDir dir;
    const std::string a = preparedAudit(dir);
    const std::string page = exportForm(a, dir.file("quynh-luu.plan.html"));
    for (const char* bad : {"http:", "https:", "//", "src=", "url(", "@import"}) {
        INFO(bad);
        CHECK(page.find(bad) == std::string::npos);
    }
    // The audit's text is in the data island, escaped: the page has its own two scripts only.
    size_t scripts = 0;
    for (auto p = page.find("</script>"); p != std::string::npos; p = page.find("</script>", p + 1))
        ++scripts;
    CHECK(scripts == 2);
    CHECK(page.find("window.__pwned") != std::string::npos);
}

TEST_CASE("a clerk fills the form in Chromium, attaches a file and saves, and the import merges it",
          "[cli][tracking][plan-form][browser]") {
    ScratchDir dir;
    const std::string a = preparedAudit(dir);
    const std::string html = dir.file("quynh-luu.plan.html");
    exportForm(a, html);
    // 300 KB of varied bytes: the hash runs over several blocks and the zip holds binary data.
    std::string bytes(300 * 1024, '\0');
    std::mt19937 gen(15);
    for (auto& c : bytes)
        c = static_cast<char>(gen() & 0xff);
    const std::string evidence = dir.file("Biên bản họp.pdf");
    writeText(evidence, bytes);

    const auto [saved, savedAgain] =
        driveForm(html, evidence, dir, std::string(PAR_TEST_BINARY_DIR) + "/plan-form-zip", true);
    CHECK(saved.size() > 13);
    CHECK(saved.substr(saved.size() - 13) == ".response.zip");

    auto im = run(cli() + " plan import " + a + " " + q(saved));
    INFO(im.out << im.err);
    REQUIRE(im.exitCode == 0);
    CHECK_THAT(im.out, Catch::Contains("A-001") && Catch::Contains("A-002"));

    Audit audit = AuditReader::load(a);
    const Action& a1 = action(audit, "A-001");
    CHECK(a1.status == ActionStatus::Reported);
    CHECK(a1.report.date == Date(2019, 1, 10));
    CHECK(a1.report.doc == "15/BC-UBND");
    CHECK(a1.report.note == "Đã ban hành Quyết định 120/QĐ-UBND phân công nhiệm vụ CCHC.");
    REQUIRE(a1.report.evidence.size() == 1);
    CHECK(a1.report.evidence[0] == "Biên bản họp.pdf");
    const Action& a2 = action(audit, "A-002");
    CHECK(a2.status == ActionStatus::Reported);
    CHECK(a2.report.date == Date(2019, 1, 14));
    CHECK(a2.report.note == "Đã có Công văn 33/UBND-NV chỉ đạo các phòng, ban.");
    CHECK(action(audit, "A-003").status == ActionStatus::Open);

    // The evidence kept beside the audit, byte for byte.
    const std::string kept = dir.file("ws/quynh-luu-2018.evidence/A-001/Biên bản họp.pdf");
    REQUIRE(fs::exists(fs::u8path(kept)));
    CHECK(sha256Hex(readFile(kept)) == sha256Hex(bytes));

    // The same file again changes nothing.
    auto again = run(cli() + " plan import " + a + " " + q(saved));
    INFO(again.out << again.err);
    CHECK(again.exitCode == 0);
    CHECK(AuditReader::load(a).revision == audit.revision);

    // The clerk's second save (A-001's note changed) replaces the first; the first, imported
    // after it, is refused for A-001 as older (exit 1) and changes nothing.
    auto newer = run(cli() + " plan import " + a + " " + q(savedAgain));
    INFO(newer.out << newer.err);
    CHECK(newer.exitCode == 0);
    const std::string note2 =
        "Đã ban hành Quyết định 120/QĐ-UBND phân công nhiệm vụ CCHC. Bổ sung: đã niêm yết.";
    CHECK(action(AuditReader::load(a), "A-001").report.note == note2);
    auto older = run(cli() + " plan import " + a + " " + q(saved));
    INFO(older.out << older.err);
    CHECK(older.exitCode == 1);
    CHECK_THAT(older.out + older.err, Catch::Contains("A-001"));
    Audit after = AuditReader::load(a);
    CHECK(action(after, "A-001").report.note == note2);
    CHECK(action(after, "A-002").report.date == Date(2019, 1, 14));
}

TEST_CASE("without attachments the form saves a plain response.xml that imports",
          "[cli][tracking][plan-form][browser]") {
    ScratchDir dir;
    const std::string a = preparedAudit(dir);
    const std::string html = dir.file("quynh-luu.plan.html");
    exportForm(a, html);
    const std::string saved =
        driveForm(html, "", dir, std::string(PAR_TEST_BINARY_DIR) + "/plan-form-xml").first;
    CHECK(saved.substr(saved.size() - 13) == ".response.xml");
    CHECK_THAT(readText(saved),
               Catch::StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<response"));
    auto im = run(cli() + " plan import " + a + " " + q(saved));
    INFO(im.out << im.err);
    REQUIRE(im.exitCode == 0);
    Audit audit = AuditReader::load(a);
    CHECK(action(audit, "A-001").status == ActionStatus::Reported);
    CHECK(action(audit, "A-001").report.doc == "15/BC-UBND");
    CHECK(action(audit, "A-002").report.date == Date(2019, 1, 14));
    CHECK(action(audit, "A-001").report.evidence.empty());
}

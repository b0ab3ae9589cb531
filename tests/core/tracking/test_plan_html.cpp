// SPDX-License-Identifier: Apache-2.0
// The HTML plan form's data island (core/tracking/PlanHtml): script-safe JSON, the template's one
// placeholder, and a page whose embedded plan reads back exactly, whatever the audit's texts hold.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "TestSupport.hpp"
#include "TrackingFixtures.hpp"
#include "core/common/InputFile.hpp"
#include "core/tracking/PlanExchange.hpp"
#include "core/tracking/PlanHtml.hpp"
#include "core/tracking/ResponseArchive.hpp"

using namespace par;
using namespace par::track;

namespace {
const std::string kNasty =
    "</script><script>window.__pwned=1</script> \"trích\" 'đơn' & <!-- \xE2\x80\xA8 </SCRIPT > "
    "https://dichvucong.gov.vn";

// The JSON between the data island's tags, parsed.
nlohmann::json island(const std::string& html) {
    const std::string open = "<script type=\"application/json\" id=\"plan-data\">";
    auto b = html.find(open);
    REQUIRE(b != std::string::npos);
    b += open.size();
    auto e = html.find("</script>", b);
    REQUIRE(e != std::string::npos);
    return nlohmann::json::parse(html.substr(b, e - b));
}

size_t count(const std::string& hay, const std::string& needle) {
    size_t n = 0;
    for (auto p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1))
        ++n;
    return n;
}
}  // namespace

TEST_CASE("scriptSafeJson escapes what could end the script element", "[tracking][plan-html]") {
    CHECK(scriptSafeJson(R"({"a":"</script>"})") == R"({"a":"\u003c\/script\u003e"})");
    CHECK(scriptSafeJson(R"({"u":"https://x.vn"})") == R"({"u":"https\u003a\/\/x.vn"})");
    CHECK(scriptSafeJson(R"({"a":"<!--&"})") == R"({"a":"\u003c!--\u0026"})");
    // An escaped quote does not end the string; an escape is copied as it is.
    CHECK(scriptSafeJson(R"({"a":"x\"</b>\\","b:":[1,2]})") ==
          R"({"a":"x\"\u003c\/b\u003e\\","b\u003a":[1,2]})");
    CHECK(scriptSafeJson("\"\xE2\x80\xA8\xE2\x80\xA9\xE2\x80\xA7\"") ==
          "\"\\u2028\\u2029\xE2\x80\xA7\"");
    const std::string text = "Tân Thạnh </script> \"q\" 'a' & \xE2\x80\xA8";
    const std::string safe = scriptSafeJson(nlohmann::json(text).dump());
    CHECK(safe.find('<') == std::string::npos);
    CHECK(nlohmann::json::parse(safe).get<std::string>() == text);
}

TEST_CASE("the form embeds the plan so that any text reads back", "[tracking][plan-html]") {
    Audit a = test::withActions();
    a.findings[0].text += kNasty;
    a.actions[0].content += kNasty;
    PlanFile plan = exportPlan(a, "UBND huyện Quỳnh Lưu");
    PlanFormInfo info = planFormInfo(a, "/tmp/x/quynh-luu.plan.html");
    CHECK(info.responseName == "quynh-luu.response");
    CHECK(planFormInfo(a, "don-vi.html").responseName == "don-vi.response");
    CHECK(info.inspectingName == "SỞ NỘI VỤ");

    // Put in by position in the skeleton: a placeholder's text inside the CSS, the JS or the data
    // is never replaced.
    const PlanFormTemplate tpl{
        "<html><style>{{STYLE}}</style><script type=\"application/json\" id=\"plan-data\">"
        "{{PLAN_DATA}}</script><script>{{SCRIPT}}</script></html>",
        "b { color: red } /* {{SCRIPT}} */", "x('{{PLAN_DATA}}')", "t.html"};
    const std::string html = planFormHtml(plan, info, tpl);
    CHECK_THAT(html, Catch::StartsWith("<html><style>b { color: red } /* {{SCRIPT}} */</style>"));
    CHECK_THAT(html, Catch::EndsWith("<script>x('{{PLAN_DATA}}')</script></html>"));
    CHECK(count(html, "</script>") == 2);
    CHECK(count(html, "<script") == 2);
    CHECK(html.find("<!--") == std::string::npos);
    CHECK(html.find("https:") == std::string::npos);
    CHECK(html.find("//") == std::string::npos);
    nlohmann::json j = island(html);
    CHECK(j["planXml"].get<std::string>() == plan.toXml());
    CHECK(j["responseName"] == "quynh-luu.response");
    CHECK(j["inspecting"]["parent"] == "UBND TỈNH NGHỆ AN");
    CHECK(j["limits"]["fileBytes"] == 25u * 1024u * 1024u);
    // The plan read back from the island holds the texts unchanged.
    PlanFile back = PlanFile::parse(j["planXml"].get<std::string>(), "island");
    REQUIRE(!back.actions.empty());
    CHECK(back.actions[0].findingText == a.findings[0].text);
    CHECK(back.actions[0].action.content == a.actions[0].content);
}

TEST_CASE("the template needs each placeholder exactly once, and safe CSS and JS",
          "[tracking][plan-html]") {
    Audit a = test::withActions();
    PlanFile plan = exportPlan(a, "UBND huyện Quỳnh Lưu");
    PlanFormInfo info = planFormInfo(a, "p.html");
    const std::string ok = "{{STYLE}}{{SCRIPT}}{{PLAN_DATA}}";
    CHECK_NOTHROW(planFormHtml(plan, info, PlanFormTemplate{ok, "", "", "mau.html"}));
    CHECK_THROWS_WITH(
        planFormHtml(plan, info, PlanFormTemplate{"{{STYLE}}{{SCRIPT}}", "", "", "mau.html"}),
        Catch::Contains("mau.html") && Catch::Contains("{{PLAN_DATA}}"));
    CHECK_THROWS_WITH(
        planFormHtml(plan, info, PlanFormTemplate{ok + "{{SCRIPT}}", "", "", "mau.html"}),
        Catch::Contains("{{SCRIPT}}") &&
            (Catch::Contains("đúng một chỗ") || Catch::Contains("exactly once")));
    CHECK_THROWS_WITH(planFormHtml(plan, info, PlanFormTemplate{ok, "", "a('</SCRIPT>')", "m"}),
                      Catch::Contains("</script"));
    CHECK_THROWS_WITH(planFormHtml(plan, info, PlanFormTemplate{ok, "</style>", "", "m"}),
                      Catch::Contains("</style"));
    CHECK_THROWS_WITH(planFormHtml(plan, info, PlanFormTemplate{ok, "", "<!--", "m"}),
                      Catch::Contains("<!--"));
}

TEST_CASE("the installed template is self-contained", "[tracking][plan-html]") {
    // No address the browser could fetch: no scheme, no protocol-relative "//" (so the page's JS
    // has block comments only), no src=, no CSS url() or @import.
    const PlanFormTemplate tpl = loadPlanFormTemplate();
    for (const std::string* part : {&tpl.html, &tpl.css, &tpl.js})
        for (const char* bad : {"http:", "https:", "//", "src=", "url(", "@import", "ftp:"}) {
            INFO(bad);
            CHECK(part->find(bad) == std::string::npos);
        }
    CHECK(tpl.html.find("default-src 'none'") != std::string::npos);  // the page forbids fetching
    Audit a = test::withActions();
    CHECK_NOTHROW(
        planFormHtml(exportPlan(a, "UBND huyện Quỳnh Lưu"), planFormInfo(a, "p.html"), tpl));
}

TEST_CASE("evidence names: the core's verdicts on the list the browser test also checks",
          "[tracking][plan-html]") {
    // tests/cli/tracking/evidence-names.json: plan_form_browser.py checks the page's
    // evidenceNameProblem on the same names, so the form and the import judge them alike.
    const auto j =
        nlohmann::json::parse(readFile(test::sourcePath("tests/cli/tracking/evidence-names.json")));
    REQUIRE(j["refused"].size() > 30);
    for (const auto& n : j["refused"]) {
        INFO(n.get<std::string>());
        CHECK(!evidenceNameProblem(n.get<std::string>()).empty());
    }
    for (const auto& n : j["accepted"]) {
        INFO(n.get<std::string>());
        CHECK(evidenceNameProblem(n.get<std::string>()).empty());
    }
}

// SPDX-License-Identifier: Apache-2.0
// Plan and response files read once, in linear time, with every error at its own line (issue #19,
// items 4 and 11): each <action> used to be printed on one line and parsed again inside a wrapper
// padded with one line break per preceding line, so 100 actions after 60 M newlines took 17 s and
// an error inside an action was reported at the <action> line.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "TestSupport.hpp"
#include "TrackingFixtures.hpp"
#include "core/tracking/ActionPlan.hpp"
#include "core/tracking/PlanExchange.hpp"
#include "core/tracking/PlanFile.hpp"

using namespace par;
using namespace par::track;
using par::test::calendar;

namespace {
template <typename F>
ParseError parseErrorOf(F f) {
    try {
        f();
    } catch (const ParseError& e) {
        return e;
    }
    FAIL("no ParseError");
    return ParseError({}, "");
}

// An audit of `n` findings and actions of the inspected unit, and its response reporting every
// action, with `padding` line breaks before each <action> (what an attacker adds).
struct Case {
    Audit audit;
    std::string response;
};
Case makeCase(int n, int padding) {
    Case c;
    c.audit = test::trackedAudit();
    c.audit.findings.resize(1);
    for (int i = 2; i <= n; ++i) {
        char id[16];
        std::snprintf(id, sizeof id, "F-%04d", i);
        c.audit.findings.push_back(test::finding(id, "Phát hiện " + std::to_string(i), "Khắc phục.",
                                                 "30 working-days", ""));
    }
    makeActions(c.audit, calendar());
    PlanFile p = exportPlan(c.audit, "UBND huyện Quỳnh Lưu");
    REQUIRE(p.actions.size() == static_cast<size_t>(n));
    ActionReport r;
    r.date = Date(2019, 1, 10);
    r.doc = "15/BC-UBND";
    r.note = "Đã khắc phục.";
    for (const auto& pa : std::vector<PlanAction>(p.actions))
        respond(p, pa.action.id, ActionStatus::Reported, r, "Văn phòng UBND huyện");
    std::string xml = p.toXml();
    const std::string pad(static_cast<size_t>(padding), '\n');
    std::string padded;
    padded.reserve(xml.size() + static_cast<size_t>(n) * pad.size());
    size_t from = 0;
    for (size_t at = xml.find("<action "); at != std::string::npos;
         at = xml.find("<action ", at + 1)) {
        padded.append(xml, from, at - from).append(pad);
        from = at;
    }
    padded.append(xml, from, std::string::npos);
    c.response = std::move(padded);
    return c;
}

// Best of five: parse the response and import it into a copy of the audit.
double secondsToImport(const Case& c) {
    double best = 1e9;
    for (int run = 0; run < 5; ++run) {
        Audit copy = c.audit;
        auto start = std::chrono::steady_clock::now();
        ImportResult r = importResponse(copy, PlanFile::parse(c.response, "r.xml"), "tp");
        std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
        REQUIRE(r.merged.size() == c.audit.actions.size());
        best = std::min(best, took.count());
    }
    return best;
}
}  // namespace

TEST_CASE("an error inside a response's action is reported at its own line", "[tracking][plan]") {
    const std::string head = "<response format-version='1' audit='a' fingerprint='f' unit='u'>\n";
    // Line 5: the report's date, three lines below its <action>.
    ParseError e = parseErrorOf([&] {
        PlanFile::parse(
            head +
                "<action id='A-001'>\n  <content>x</content>\n\n  <report date='2019-13-45'/>\n"
                "</action></response>",
            "r.xml");
    });
    CHECK(e.where().line == 5);
    CHECK_THAT(e.what(), Catch::Contains("r.xml:5") && Catch::Contains("2019-13-45"));
    // Evidence naming a path, on line 6 of the second action.
    e = parseErrorOf([&] {
        PlanFile::parse(
            head +
                "<action id='A-001'/>\n<action id='A-002'>\n<report date='2019-01-10'>\n\n"
                "<evidence file='../../etc/passwd'/></report></action></response>",
            "r.xml");
    });
    CHECK(e.where().line == 6);
    // The same file with CR-only line ends (old Mac editors): the same line, not line 1.
    std::string cr =
        head +
        "<action id='A-001'>\n  <content>x</content>\n\n  <report date='2019-13-45'/>\n"
        "</action></response>";
    std::replace(cr.begin(), cr.end(), '\n', '\r');
    e = parseErrorOf([&] { PlanFile::parse(cr, "r.xml"); });
    CHECK(e.where().line == 5);
}

TEST_CASE("property: importing a response takes linear time, padding included",
          "[tracking][plan][property]") {
    // Eight times the actions, with the same padding before each: linear work takes about eight
    // times as long (up to 15 measured, as the larger case leaves the processor's caches); the old
    // reader's took 64 times (each action re-parsed every line before it).
    const Case small = makeCase(1000, 50);
    const Case large = makeCase(8000, 50);
    const double t1 = secondsToImport(small);
    const double t8 = secondsToImport(large);
    INFO("1000 actions: " << t1 << " s; 8000 actions: " << t8 << " s; ratio " << t8 / t1);
    CHECK(t8 / t1 < 24.0);
}

// SPDX-License-Identifier: Apache-2.0
// The register's pull scanner (RegisterScanner) against the full AuditReader: on generated audits
// (random texts with entities, line breaks, decomposed letters, empty and odd values), on the same
// files edited by hand (comments, CDATA, character references, CRLF, tabs, quotes, attribute order,
// unknown elements) and on broken ones. Whenever the scanner answers, it must give exactly what the
// reader gives; whenever the reader refuses a file, the scanner must decline it.
#include <catch2/catch.hpp>

#include <random>
#include <regex>

#include "core/common/Text.hpp"
#include "core/model/AuditReader.hpp"
#include "core/model/AuditWriter.hpp"
#include "core/tracking/RegisterScanner.hpp"

using namespace par;
using namespace par::track;

namespace {

const char* kTexts[] = {
    "Bãi bỏ thành phần hồ sơ thừa.",
    "a & b < c > d \"quoted\" it's",
    "<actions><action id=\"A-999\"/></actions>",
    "  leading and trailing  ",
    "line one\nline two\n\nline four",
    "tab\there",
    "Nguye\xCC\x82\xCC\x83n (decomposed)",  // NFD: the reader makes it NFC
    "\xE2\x84\xA6 ohm sign",                // U+2126, NFC gives U+03A9
    "",
    " ",
    "ASCII",
    "Sở Nội vụ tỉnh Nghệ An",
    "windows\r\nline end",
    "]]> and --> and <!-- in text",
};

std::string pick(std::mt19937& rng) {
    std::uniform_int_distribution<size_t> d(0, sizeof kTexts / sizeof kTexts[0] - 1);
    std::string s = kTexts[d(rng)];
    if (rng() % 3 == 0)
        s += kTexts[d(rng)];
    return s;
}

Audit randomAudit(std::mt19937& rng, int n) {
    Audit a;
    a.id = "R-" + std::to_string(n);
    a.revision = static_cast<int>(rng() % 5);
    a.unit = {rng() % 2 ? "UBND xã Ngọc Sơn" : "Nguye\xCC\x82\xCC\x83n unit", "xa", "commune",
              "Nghệ An"};
    a.body = {"UBND TỈNH NGHỆ AN", rng() % 2 ? "SỞ NỘI VỤ" : "", "SNV", "Nghệ An"};
    a.form = {"cchc-xa", "1", ""};
    if (rng() % 4 != 0) {
        a.notice.number = std::to_string(rng() % 100);
        a.notice.symbol = rng() % 2 ? "TB-SNV" : "";
        if (rng() % 3 != 0)
            a.notice.date =
                Date(2019, 1, 1) + boost::gregorian::days(static_cast<long>(rng() % 300));
        a.notice.bases = {pick(rng)};
    }
    a.answers.answers["q1"] = Answer{"q1", false, pick(rng), {}, {}, 0};
    a.answers.answers["q2"] = Answer{"q2", false, "<actions>", {}, {}, 0};
    int count = static_cast<int>(rng() % 8);
    for (int i = 0; i < count; ++i) {
        Action ac;
        char id[16];
        std::snprintf(id, sizeof id, "A-%03d", i + 1);
        ac.id = id;
        ac.finding = rng() % 4 ? "F-00" + std::to_string(i) : "";
        ac.responsible = rng() % 5 ? pick(rng) : "";
        const char* rules[] = {"30 working-days", "15 calendar-days", "2019-03-31", ""};
        ac.deadlineRule = *DeadlineRule::parse(rules[rng() % 4]);
        if (rng() % 4 != 0)
            ac.deadline = Date(2019, 2, 1) + boost::gregorian::days(static_cast<long>(rng() % 90));
        ac.status = static_cast<ActionStatus>(rng() % 4);
        ac.stale = rng() % 5 == 0;
        ac.content = pick(rng);
        if (rng() % 2) {
            if (rng() % 4)
                ac.report.date = Date(2019, 1, 10);
            ac.report.doc = rng() % 2 ? "15/BC-UBND" : "";
            ac.report.note = rng() % 2 ? pick(rng) : "";
            for (int k = static_cast<int>(rng() % 3); k > 0; --k)
                ac.report.evidence.push_back("qd-" + std::to_string(k) + ".pdf");
        }
        for (int k = static_cast<int>(rng() % 3); k > 0; --k) {
            ActionEvent ev;
            ev.at = "2019-01-1" + std::to_string(k) + "T08:00:00";
            ev.by = pick(rng);
            ev.note = pick(rng);
            if (rng() % 2) {
                ev.kind = ActionEvent::Kind::Extension;
                ev.oldRule = "30 working-days";
                ev.oldDeadline = Date(2019, 1, 17);
                ev.newDeadline = Date(2019, 2, 17);
            } else {
                ev.from = ActionStatus::Open;
                ev.to = ActionStatus::Reported;
            }
            ac.history.push_back(ev);
        }
        a.actions.push_back(ac);
    }
    return a;
}

void replaceFirst(std::string& s, const std::string& from, const std::string& to) {
    auto p = s.find(from);
    if (p != std::string::npos)
        s.replace(p, from.size(), to);
}

// Hand edits that keep the file valid: the scanner either reads them the reader's way or declines.
std::string benignEdit(std::string xml, int kind, std::mt19937& rng) {
    switch (kind) {
        case 0:
            return std::regex_replace(xml, std::regex("\n"), "\r\n");
        case 1:
            replaceFirst(xml, "<actions>", "<!-- edited by hand -->\n    <actions>");
            return xml;
        case 2:
            return std::regex_replace(xml, std::regex("<content>([^<]*)</content>"),
                                      "<content><![CDATA[$1]]></content>");
        case 3:
            replaceFirst(xml, "&amp;", "&#38;");
            replaceFirst(xml, "responsible=\"", "responsible=\"&#x53;");
            return xml;
        case 4:  // attribute order
            return std::regex_replace(xml,
                                      std::regex("<action id=\"([^\"]*)\" finding=\"([^\"]*)\""),
                                      "<action finding=\"$2\"  id=\"$1\"");
        case 5:  // white space around '=', tabs and line breaks between attributes
            xml = std::regex_replace(xml, std::regex(" status=\""), "\n\t status = \"");
            return std::regex_replace(xml, std::regex(" deadline=\""), "\tdeadline=\"");
        case 6:  // single quotes
            return std::regex_replace(xml, std::regex("id=\"(A-[0-9]+)\""), "id='$1'");
        case 7:  // empty content as a self-closing element, and an unknown element in an action
            xml = std::regex_replace(xml, std::regex("<content></content>"), "<content/>");
            xml = std::regex_replace(xml, std::regex("<content>"),
                                     "<extra kind=\"x\"><y/>text</extra><content>");
            return xml;
        case 8:  // a second <content>: the reader reads the first
            return std::regex_replace(xml, std::regex("</content>"),
                                      "</content><content>second</content>");
        case 9:  // the predefined entities where the writer would not use them
            xml = std::regex_replace(xml, std::regex("Bãi bỏ"), "B&apos;&quot;ãi &gt; bỏ");
            return std::regex_replace(xml, std::regex("doc=\"15/"), "doc=\"&lt;15/");
        case 10:  // unknown root elements and trailing white space
            replaceFirst(xml, "<actions>",
                         "<note-to-self a=\"1\"><b>x</b></note-to-self><actions>");
            return xml + "\n\n";
        case 11:  // header elements after the actions
        {
            auto u = xml.find("<unit");
            auto e = xml.find("/>", u);
            std::string unit = xml.substr(u, e + 2 - u);
            xml.erase(u, e + 2 - u);
            replaceFirst(xml, "</audit>", unit + "\n</audit>");
            return xml;
        }
        default:
            (void)rng;
            return xml;
    }
}

// Edits that make the file wrong somewhere the register reads.
std::string badEdit(std::string xml, int kind) {
    switch (kind) {
        case 0:
            replaceFirst(xml, "status=\"", "status=\"x");
            return xml;
        case 1:
            replaceFirst(xml, "id=\"A-002\"", "id=\"A-001\"");
            return xml;
        case 2:
            replaceFirst(xml, "<action id=\"A-001\"", "<action id=\" \"");
            return xml;
        case 3:
            replaceFirst(xml, "deadline=\"2019-", "deadline=\"2019-13-");
            return xml;
        case 4:
            replaceFirst(xml, "<evidence file=\"", "<evidence file=\"../");
            return xml;
        case 5:
            replaceFirst(xml, "<actions>", "<actions><foo/>");
            return xml;
        case 6:
            replaceFirst(xml, "<history>", "<history><bogus at=\"x\"/>");
            return xml;
        case 7:
            replaceFirst(xml, "<action id=", "<action stale=\"maybe\" id=");
            return xml;
        case 8:
            replaceFirst(xml, "deadline-rule=\"", "deadline-rule=\"soon ");
            return xml;
        case 9:
            replaceFirst(xml, "<form id=\"cchc-xa\" version=\"1\"/>", "");
            return xml;
        case 10:
            replaceFirst(xml, "<unit name=\"", "<unit title=\"");
            return xml;
        case 11:
            replaceFirst(xml, "</content>", "");
            return xml;
        case 12:
            replaceFirst(xml, "</actions>", std::string("</actions>\0", 11));
            return xml;
        case 13:
            replaceFirst(xml, "ASCII", "ASC\xC3I");
            replaceFirst(xml, "<form", "<form x=\"\xFF\"");
            return xml;
        case 14:
            replaceFirst(xml, "format-version=\"1\"", "format-version=\"9\"");
            return xml;
        case 15:
            replaceFirst(xml, "<status at=\"", "<status at=\" \" x=\"");
            return xml;
        case 16:
            replaceFirst(xml, "<extension ", "<extension old-rule=\"soon\" x");
            return xml;
        case 17:
            replaceFirst(xml, "<report date=\"", "<report date=\"x");
            return xml;
        case 18:
            replaceFirst(xml, "<action ", "<action id=\"dup\" ");
            return xml;
        case 19:
            replaceFirst(xml, "revision=\"", "revision=\"x");
            return xml;
        default:
            return xml;
    }
}

struct Outcome {
    int handled = 0, declined = 0, refused = 0;
};

// The scanner agrees with the reader on `xml`: same register fields, or it declines.
void checkAgrees(const std::string& xml, Outcome& out) {
    std::optional<Audit> full;
    std::string fullError;
    try {
        full = AuditReader::parse(xml, "t.audit.xml");
    } catch (const Error& e) {
        fullError = e.what();
    }
    std::optional<Audit> fast = scanForRegister(xml, "t.audit.xml");
    if (!full) {
        INFO(xml);
        INFO(fullError);
        CHECK_FALSE(fast.has_value());
        ++out.refused;
        return;
    }
    if (!fast) {
        ++out.declined;
        return;
    }
    ++out.handled;
    INFO(xml);
    CHECK(fast->id == full->id);
    CHECK(fast->file == full->file);
    CHECK(fast->unit.name == full->unit.name);
    CHECK(fast->body.parent == full->body.parent);
    CHECK(fast->body.name == full->body.name);
    CHECK(fast->notice.number == full->notice.number);
    CHECK(fast->notice.symbol == full->notice.symbol);
    CHECK(fast->notice.date == full->notice.date);
    REQUIRE(fast->actions.size() == full->actions.size());
    for (size_t i = 0; i < full->actions.size(); ++i) {
        Action expected = full->actions[i];
        expected.history.clear();
        CHECK(fast->actions[i] == expected);
        CHECK(fast->actions[i].line == expected.line);
    }
}
}  // namespace

TEST_CASE("register scanner: generated audits read as the reader reads them",
          "[tracking][register][scanner]") {
    std::mt19937 rng(20261127);
    Outcome plain, edited[12], broken;
    for (int n = 0; n < 300; ++n) {
        Audit a = randomAudit(rng, n);
        std::string xml = AuditWriter::toXml(a);
        checkAgrees(xml, plain);
        for (int kind = 0; kind < 12; ++kind)
            checkAgrees(benignEdit(xml, kind, rng), edited[kind]);
        for (int kind = 0; kind < 20; ++kind)
            checkAgrees(badEdit(xml, kind), broken);
    }
    // Files as the writer makes them never need the full reader.
    CHECK(plain.handled == 300);
    // Hand edits stay on the fast path, but for comments, CDATA and character references.
    for (int kind = 0; kind < 12; ++kind) {
        INFO("edit " << kind);
        CHECK(edited[kind].refused == 0);
        if (kind >= 1 && kind <= 3)
            CHECK(edited[kind].handled < 100);  // files without actions or without '&' stay
        else
            CHECK(edited[kind].handled == 300);
    }
    CHECK(broken.refused > 1500);
}

TEST_CASE("register scanner: a hand-written file", "[tracking][register][scanner]") {
    std::string xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
        "<audit id='H-1'\tformat-version = \"1\">\r\n"
        "  <notice date=\"2018-12-05\" number=\"05\" symbol=\"TB-SNV\">\r\n"
        "    <basis>x</basis>\r\n  </notice>\r\n"
        "  <form id=\"cchc-xa\"></form>\r\n"
        "  <findings><finding id=\"F-1\"><text>a &lt;b&gt;</text></finding></findings>\r\n"
        "  <actions>\r\n"
        "    <action status=\"reported\" id=\"A-1\" responsible=\"Phòng &amp; Ban\"\r\n"
        "            deadline=\" 2019-01-17 \" stale='yes'>\r\n"
        "      <report doc=\"1/BC\" date=\"2019-01-10\"><note>\r\n  ghi chú  \r\n</note>"
        "<evidence file=\"a b.pdf\"></evidence></report>\r\n"
        "      <content>  Nội dung\r\n  hai dòng &quot;x&quot;  </content>\r\n"
        "      <history></history>\r\n"
        "    </action>\r\n"
        "    <action id=\"A-2\"/>\r\n"
        "  </actions>\r\n"
        "  <unit name=\"UBND xã Ngọc Sơn\"/>\r\n"
        "</audit>\r\n";
    Outcome o;
    checkAgrees(xml, o);
    CHECK(o.handled == 1);
    auto fast = scanForRegister(xml, "h.audit.xml");
    REQUIRE(fast);
    REQUIRE(fast->actions.size() == 2);
    CHECK(fast->actions[0].content == "Nội dung\n  hai dòng \"x\"");
    CHECK(fast->actions[0].responsible == "Phòng & Ban");
    CHECK(fast->actions[0].report.note == "ghi chú");
    CHECK(fast->actions[0].line == 9);
    CHECK(fast->actions[1].line == 18);
}

// Issue #19, item 11: CR-only line ends (old Mac editors) were counted as one line by both readers.
TEST_CASE("register scanner: CR-only line ends are counted, as the reader counts them",
          "[tracking][register][scanner]") {
    std::mt19937 rng(19);
    Audit a;
    do
        a = randomAudit(rng, 1);
    while (a.actions.size() < 2);
    const std::string lf = AuditWriter::toXml(a);
    const std::string cr = std::regex_replace(lf, std::regex("\n"), "\r");
    const Audit expected = AuditReader::parse(lf, "t.audit.xml");
    const Audit read = AuditReader::parse(cr, "t.audit.xml");
    const std::optional<Audit> scanned = scanForRegister(cr, "t.audit.xml");
    REQUIRE(scanned.has_value());
    REQUIRE(read.actions.size() == expected.actions.size());
    REQUIRE(scanned->actions.size() == expected.actions.size());
    for (size_t i = 0; i < read.actions.size(); ++i) {
        CHECK(read.actions[i].line == expected.actions[i].line);
        CHECK(scanned->actions[i].line == expected.actions[i].line);
        CHECK(read.actions[i].line > 1);
    }
}

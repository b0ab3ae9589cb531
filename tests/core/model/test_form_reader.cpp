// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "ModelFixtures.hpp"
#include "TestSupport.hpp"
#include "core/model/FormReader.hpp"

using namespace par;
using par::test::parseForm;

namespace {
using test::allProblems;

// The small form with one piece of text replaced.
std::string variant(const std::string& from, const std::string& to) {
    std::string s = test::kSmallForm;
    auto pos = s.find(from);
    REQUIRE(pos != std::string::npos);
    s.replace(pos, from.size(), to);
    return s;
}
}  // namespace

TEST_CASE("the small form loads without problems", "[form]") {
    FormLoad l = parseForm(test::kSmallForm);
    INFO(allProblems(l));
    REQUIRE(l.problems.ok());
    const Form& f = *l.form;
    CHECK(f.id == "mini");
    CHECK(f.sections.size() == 2);
    CHECK(f.rules.size() == 5);
    CHECK(f.questionCount() == 14);
    REQUIRE(f.findQuestion("xa_ten") != nullptr);
    CHECK(f.parentRepeat("xa_ten")->id == "xa");
    CHECK(f.findQuestion("tthc_kiem_tra")->columns.size() == 2);
    CHECK(f.findQuestion("co_ke_hoach")->answerScores.at("yes") == 2);
    CHECK(f.rules[0].deadline.kind == DeadlineRule::Kind::WorkingDays);
    CHECK(f.rules[0].deadline.count == 30);
}

TEST_CASE("malformed form XML is a ParseError with the line", "[form]") {
    try {
        parseForm("<form format-version='1' id='x'>\n<section>\n</form>");
        FAIL("no exception");
    } catch (const ParseError& e) {
        CHECK(e.where().file == "form.xml");
        CHECK(e.where().line >= 2);  // TinyXML-2 names the unclosed element's line
    }
}

TEST_CASE("an unsupported form version is refused", "[form]") {
    REQUIRE_THROWS_WITH(parseForm(variant("format-version=\"1\"", "format-version=\"7\"")),
                        Catch::Contains("format-version 7"));
}

TEST_CASE("duplicate ids are reported with their line", "[form]") {
    FormLoad l = parseForm(variant("id=\"muc_do\"", "id=\"co_ke_hoach\""));
    CHECK_FALSE(l.problems.ok());
    CHECK_THAT(allProblems(l), Catch::Contains("form.xml:14") && Catch::Contains("'co_ke_hoach'"));
}

TEST_CASE("unknown type, area and category are all reported at once", "[form]") {
    std::string s = variant("type=\"decimal\"", "type=\"money\"");
    auto swap = [&s](const std::string& from, const std::string& to) { s.replace(s.find(from), from.size(), to); };
    swap("area=\"organisation\" weight", "area=\"finance\" weight");
    swap("category=\"late-handling\" area", "category=\"lateness\" area");
    FormLoad l = FormReader::parse(s, "form.xml", formFunctions(test::smallReference(), std::nullopt));
    std::string all = allProblems(l);
    CHECK_THAT(all, Catch::Contains("'money'"));
    CHECK_THAT(all, Catch::Contains("'finance'"));
    CHECK_THAT(all, Catch::Contains("'lateness'"));
    CHECK(l.problems.errorCount() >= 2);
}

TEST_CASE("expression errors name file, line and column", "[form]") {
    FormLoad l = parseForm(variant("relevant=\"co_ke_hoach = true\"", "relevant=\"co_ke_hoachh = true\""));
    CHECK_FALSE(l.problems.ok());
    CHECK_THAT(allProblems(l), Catch::Contains("form.xml:13:1") && Catch::Contains("co_ke_hoachh"));

    FormLoad syntax = parseForm(variant("when=\"qua_han &gt; 0\"", "when=\"qua_han &gt; \""));
    CHECK_FALSE(syntax.problems.ok());
    CHECK_THAT(allProblems(syntax), Catch::Contains("form.xml:"));

    FormLoad types = parseForm(variant("when=\"qua_han &gt; 0\"", "when=\"qua_han &gt; 'nhiều'\""));
    CHECK_FALSE(types.problems.ok());
}

TEST_CASE("a rule's for-each must name a table or repeat", "[form]") {
    FormLoad l = parseForm(variant("for-each=\"ket_qua\"", "for-each=\"muc_do\""));
    CHECK_THAT(allProblems(l), Catch::Contains("for-each 'muc_do'"));
}

TEST_CASE("bad deadlines, ranges and patterns are reported", "[form]") {
    CHECK_THAT(allProblems(parseForm(variant("30 working-days", "30 weeks"))), Catch::Contains("30 weeks"));
    CHECK_THAT(allProblems(parseForm(variant("min=\"0\" max=\"5000\"", "min=\"10\" max=\"5\""))), Catch::Contains("min"));
    CHECK_FALSE(parseForm(variant("pattern=\"[0-9]+/KH-.*\"", "pattern=\"[0-9\"")).problems.ok());
}

namespace {
// The small form with a <thresholds> block (after <categories>) and a rule comparing with it.
std::string withThresholds(const std::string& block) {
    std::string s = variant("</categories>", "</categories>\n" + block);
    const std::string rule = "<rule id=\"R-TY-LE\" category=\"late-handling\" area=\"procedures\" when=\"ty_le &lt; nguong\">"
                             "<text>Tỷ lệ {number(ty_le)}%, chỉ tiêu {number(nguong)}%.</text></rule>\n  </rules>";
    auto at = s.find("</rules>");
    s.replace(at, std::string("</rules>").size(), rule);
    return s;
}
}  // namespace

TEST_CASE("thresholds are named numbers with a label and a source", "[form]") {
    FormLoad l = parseForm(withThresholds(
        "<thresholds>\n<threshold id=\"nguong\" value=\"55\" unit=\"%\">"
        "<label>Tỷ lệ thanh toán trực tuyến</label><label lang=\"en\">Online payments</label>"
        "<source>Kế hoạch 257/KH-UBND</source></threshold>\n</thresholds>"));
    INFO(allProblems(l));
    REQUIRE(l.problems.ok());
    const Threshold* t = l.form->findThreshold("nguong");
    REQUIRE(t != nullptr);
    CHECK(t->value == 55);
    CHECK(t->unit == "%");
    CHECK(t->label.vi == "Tỷ lệ thanh toán trực tuyến");
    CHECK(t->label.en == "Online payments");
    CHECK(t->source == "Kế hoạch 257/KH-UBND");
    CHECK(t->where.line == 11);
    CHECK(l.form->findThreshold("ty_le") == nullptr);
    CHECK(l.form->findQuestion("nguong") == nullptr);  // not an answer the wizard asks for
}

TEST_CASE("bad thresholds are reported with their line", "[form]") {
    auto problems = [](const std::string& threshold) {
        return allProblems(parseForm(withThresholds("<thresholds>\n" + threshold + "\n</thresholds>")));
    };
    CHECK_THAT(problems("<threshold id=\"nguong\"><label>L</label></threshold>"),
               Catch::Contains("form.xml:11") && Catch::Contains("'nguong' thiếu giá trị"));
    CHECK_THAT(problems("<threshold id=\"nguong\" value=\"năm mươi\"><label>L</label></threshold>"),
               Catch::Contains("form.xml:11") && Catch::Contains("phải là số"));
    CHECK_THAT(problems("<threshold id=\"nguong\" value=\"50\"/>"), Catch::Contains("thiếu <label> tiếng Việt"));
    // One namespace with the questions: a threshold may not reuse a question id.
    std::string clash = problems("<threshold id=\"nguong\" value=\"50\"><label>L</label></threshold>"
                                 "<threshold id=\"ty_le\" value=\"50\"><label>L</label></threshold>");
    CHECK_THAT(clash, Catch::Contains("'ty_le' bị trùng"));
    // Typed as a number in expressions: comparing it with text is a type error of the rule.
    std::string bad = withThresholds("<thresholds><threshold id=\"nguong\" value=\"1\"><label>L</label></threshold></thresholds>");
    bad.replace(bad.find("ty_le &lt; nguong"), std::string("ty_le &lt; nguong").size(), "nguong = 'một'");
    CHECK_THAT(allProblems(parseForm(bad)), Catch::Contains("nguong = 'một'") || Catch::Contains("form.xml:"));
    CHECK_FALSE(parseForm(bad).problems.ok());
}

TEST_CASE("the shipped forms are valid and large enough", "[form]") {
    auto ref = ReferenceData::bundled();
    for (const char* name : {"forms/cchc-xa.xml", "forms/cchc-so.xml", "forms/cchc-huyen.xml"}) {
        FormLoad l = FormReader::load(test::sourcePath(name), formFunctions(ref, std::nullopt));
        INFO(name << "\n" << allProblems(l));
        CHECK(l.problems.ok());
        CHECK(l.form->questionCount() >= 60);
        CHECK(l.form->rules.size() >= 10);
        bool surplus = false, outdated = false, late = false;
        for (const auto& r : l.form->rules) {
            surplus |= r.when.text().find("surplus(") != std::string::npos;
            outdated |= r.when.text().find("outdated(") != std::string::npos;
            late |= r.when.text().find("qua_han") != std::string::npos;
        }
        CHECK(surplus);
        CHECK(outdated);
        CHECK(late);
    }
}

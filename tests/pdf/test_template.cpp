// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "PdfTestSupport.hpp"
#include "TestSupport.hpp"
#include "core/common/Error.hpp"
#include "core/report/SampleData.hpp"
#include "pdf/Template.hpp"

using namespace par;
using namespace par::pdf;
using report::Data;

namespace {
std::string textOf(const Paragraph& p) {
    std::string s;
    for (const auto& r : p.runs)
        s += r.text;
    return s;
}

Document renderText(const std::string& body, const Data& data) {
    std::string xml =
        "<template format-version='1'>\n<section>\n" + body + "\n</section>\n</template>";
    return Template::parse(xml, "t.xml").render(data);
}

Data sample() {
    Data d;
    d["unit"].set("name", "UBND xã Quỳnh Châu");
    d["findings"].push(Data::map().set("text", "Thừa thành phần hồ sơ"));
    d["findings"].push(Data::map().set("text", "Giải quyết chậm"));
    d.set("empty", "");
    return d;
}
}  // namespace

TEST_CASE("placeholders, loops with an index, conditions, filters", "[pdf][template]") {
    Document doc = renderText(
        "<p>Đơn vị: <b>{unit.name|upper}</b> có {findings|count} tồn tại {{x}}.</p>\n"
        "<for each='findings' as='f' index='n'><p>{n}. {f.text}</p></for>\n"
        "<if test='empty'><p>không</p><else/><p>trống</p></if>\n"
        "<if test=\"unit.name == 'UBND xã Quỳnh Châu'\"><p>bằng</p></if>\n"
        "<list type='alpha'><for each='findings' as='f'><item>{f.text}</item></for></list>",
        sample());
    const auto& blocks = doc.sections.at(0).blocks;
    REQUIRE(blocks.size() == 7);
    CHECK(textOf(blocks[0].paragraph) == "Đơn vị: UBND XÃ QUỲNH CHÂU có 2 tồn tại {x}.");
    CHECK(blocks[0].paragraph.runs[1].style == FontStyle::Bold);
    CHECK(textOf(blocks[1].paragraph) == "1. Thừa thành phần hồ sơ");
    CHECK(textOf(blocks[2].paragraph) == "2. Giải quyết chậm");
    CHECK(textOf(blocks[3].paragraph) == "trống");
    CHECK(textOf(blocks[4].paragraph) == "bằng");
    CHECK(blocks[5].paragraph.label == "a)");
    CHECK(blocks[6].paragraph.label == "b)");
}

TEST_CASE("white space collapses like HTML, <br/> breaks the line", "[pdf][template]") {
    Document doc = renderText("<p>  một\n   hai <i> ba </i>bốn<br/>  năm  </p>", sample());
    CHECK(textOf(doc.sections[0].blocks[0].paragraph) == "một hai ba bốn\nnăm");
}

TEST_CASE("an unknown field names the template file and line", "[pdf][template]") {
    try {
        renderText("<p>ok</p>\n<p>Đơn vị {unit.nmae}</p>", sample());
        FAIL("no exception");
    } catch (const ParseError& e) {
        CHECK(e.where().file == "t.xml");
        CHECK(e.where().line == 4);
        CHECK_THAT(e.what(), Catch::Contains("unit.nmae"));
    }
    CHECK_THROWS_WITH(renderText("<for each='nothing' as='x'><p>{x}</p></for>", sample()),
                      Catch::Contains("t.xml:3") && Catch::Contains("nothing"));
    CHECK_THROWS_WITH(renderText("<p>{findings}</p>", sample()), Catch::Contains("t.xml:3"));
}

TEST_CASE("template syntax errors carry file:line", "[pdf][template]") {
    CHECK_THROWS_WITH(
        Template::parse("<template format-version='1'>\n<section>\n<p>x</section>", "bad.xml"),
        Catch::Contains("bad.xml:"));
    CHECK_THROWS_WITH(
        Template::parse("<template format-version='1'>\n<section>\n<para/></section></template>",
                        "e.xml"),
        Catch::Contains("e.xml:3") && Catch::Contains("<para>"));
    CHECK_THROWS_WITH(
        Template::parse(
            "<template format-version='1'>\n<section>\n<p colour='red'/></section></template>",
            "a.xml"),
        Catch::Contains("a.xml:3") && Catch::Contains("colour"));
    CHECK_THROWS_WITH(
        Template::parse(
            "<template format-version='1'><section>\n\n<if test='a =='/></section></template>",
            "c.xml"),
        Catch::Contains("c.xml:3"));
    CHECK_THROWS_WITH(
        Template::parse("<template format-version='1'><section>\ntext</section></template>",
                        "t.xml"),
        Catch::Contains("t.xml:2"));
    CHECK_THROWS_WITH(Template::parse("<template format-version='7'/>", "v.xml"),
                      Catch::Contains("format-version"));
    CHECK_THROWS_WITH(
        Template::parse("<template format-version='1'><section>\n<p>{a</p></section></template>",
                        "u.xml")
            .render(sample()),
        Catch::Contains("u.xml:2"));
    CHECK_THROWS_WITH(renderText("<p indent='3furlongs'>x</p>", sample()),
                      Catch::Contains("3furlongs"));
}

TEST_CASE("a missing template file is a clear error", "[pdf][template]") {
    CHECK_THROWS_AS(Template::load("/nonexistent/mau.xml"), IoError);
    CHECK_THROWS_WITH(Template::load("/nonexistent/mau.xml"),
                      Catch::Contains("/nonexistent/mau.xml"));
}

TEST_CASE("the bundled templates load and render the sample", "[pdf][template]") {
    Data d = report::sampleNoticeData();
    Document notice = Template::load(test::templatePath("thong-bao-ket-luan.xml")).render(d);
    REQUIRE(notice.sections.size() == 2);  // the notice and its annex
    CHECK(notice.sections[1].orientation == Orientation::Landscape);
    CHECK(notice.keywords == "par-audit-sha256:" + d.path("fingerprint")->str());
    Document plan = Template::load(test::templatePath("ke-hoach-khac-phuc.xml")).render(d);
    CHECK(plan.sections.size() == 1);
    CHECK(parseLength("1.27cm").value() == Approx(36.0));
    CHECK_FALSE(parseLength("abc"));
}

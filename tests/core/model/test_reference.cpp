// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "ModelFixtures.hpp"
#include "TestSupport.hpp"
#include "core/model/Reference.hpp"

using namespace par;

TEST_CASE("surplus components are found loosely but exactly", "[reference]") {
    auto ref = test::smallReference();
    auto s = ref->catalog.surplus("1.001612", {"Tờ khai đăng ký khai sinh (theo mẫu)", "GIẤY CHỨNG SINH",
                                               "Bản sao sổ hộ khẩu"});
    REQUIRE(s);
    REQUIRE(s->size() == 1);
    CHECK(s->front() == "Bản sao sổ hộ khẩu");
    CHECK_FALSE(ref->catalog.surplus("9.999", {"x"}));
    const Procedure* p = ref->catalog.find("1.001612");
    REQUIRE(p);
    CHECK(p->cutoffMinutes == 15 * 60);
}

TEST_CASE("catalog problems are collected with lines", "[reference]") {
    auto c = ProcedureCatalog::parse("<procedures>\n<procedure code='1' working-days='x'/>\n<procedure code='2' working-days='3' cutoff='25:00'/>\n"
                                     "<procedure code='2' working-days='3'/>\n<procedure working-days='3'/>\n</procedures>",
                                     "c.xml");
    std::string all;
    for (const auto& p : c.problems().problems()) all += p.str() + "\n";
    CHECK(c.problems().errorCount() == 4);
    CHECK_THAT(all, Catch::Contains("c.xml:2") && Catch::Contains("c.xml:3") && Catch::Contains("c.xml:4") &&
                        Catch::Contains("c.xml:5"));
}

TEST_CASE("legal changes between two dates", "[reference]") {
    auto ref = test::smallReference();
    auto changes = ref->registry.changesBetween("14/2008/nd-cp", Date(2010, 5, 12), Date(2018, 11, 28));
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].kind == LegalChange::Kind::Replaced);
    CHECK(changes[0].describe() == "Nghị định số 14/2008/NĐ-CP đã được thay thế bởi Nghị định số 37/2014/NĐ-CP (hiệu lực từ 20/06/2014)");
    CHECK(ref->registry.changesBetween("14/2008/NĐ-CP", Date(2015, 1, 1), Date(2018, 11, 28)).empty());
    CHECK(ref->registry.changesBetween("14/2008/NĐ-CP", Date(2010, 1, 1), Date(2014, 6, 19)).empty());
    CHECK(ref->registry.validate().ok());
}

TEST_CASE("registry cross references are checked", "[reference]") {
    auto r = LegalRegistry::parse("<legal-registry format-version='1'>\n<text number='1/2000/NĐ-CP'><amended-by number='2/2001/NĐ-CP'/></text>\n</legal-registry>",
                                  "r.xml");
    auto v = r.validate();
    CHECK_FALSE(v.ok());
    CHECK_THAT(v.problems()[0].str(), Catch::Contains("r.xml:2") && Catch::Contains("2/2001/NĐ-CP"));
}

TEST_CASE("the bundled reference data is consistent", "[reference]") {
    auto ref = ReferenceData::bundled();
    CHECK(ref->catalog.size() >= 10);
    CHECK(ref->registry.size() >= 15);
    auto problems = ref->problems();
    std::string all;
    for (const auto& p : problems.problems()) all += p.str() + "\n";
    INFO(all);
    CHECK(problems.ok());
}

TEST_CASE("deadline rules parse and print", "[reference]") {
    CHECK(DeadlineRule::parse("30 working-days")->str() == "30 working-days");
    CHECK(DeadlineRule::parse("15 calendar-days")->kind == DeadlineRule::Kind::CalendarDays);
    CHECK(DeadlineRule::parse("2019-03-31")->date == Date(2019, 3, 31));
    CHECK_FALSE(DeadlineRule::parse("2019-02-30"));
    CHECK_FALSE(DeadlineRule::parse("0 working-days"));
    CHECK_FALSE(DeadlineRule::parse("ten working-days"));
    CHECK(DeadlineRule::parse("")->kind == DeadlineRule::Kind::None);
}

TEST_CASE("a legal basis ref missing from the registry is a warning with the rule's line", "[reference][form]") {
    std::string xml = test::kSmallForm;
    const std::string anchor = "<text>Năm {nam} có {qua_han} hồ sơ quá hạn.</text>";
    xml.insert(xml.find(anchor) + anchor.size(),
               "<legal-basis ref='37/2014/NĐ-CP'>Nghị định số 37/2014/NĐ-CP</legal-basis>"
               "<legal-basis ref='999/2030/NĐ-CP'>Nghị định chưa có</legal-basis>");
    FormLoad l = test::parseForm(xml);
    REQUIRE(l.problems.ok());
    auto v = checkLegalBasisRefs(*l.form, test::smallReference()->registry);
    REQUIRE(v.problems().size() == 1);
    CHECK(v.errorCount() == 0);
    CHECK_THAT(v.problems()[0].str(), Catch::Contains("form.xml:") && Catch::Contains("R-TRE") &&
                                          Catch::Contains("999/2030/NĐ-CP") && !Catch::Contains("37/2014"));
}

TEST_CASE("the text in force follows replacements by date, stops at repeal and at unknown or future texts",
          "[reference]") {
    auto r = LegalRegistry::parse(R"XML(<legal-registry format-version="1">
  <text number="24/2014/NĐ-CP" effective="2014-05-20"><amended-by number="107/2020/NĐ-CP"/><replaced-by number="45/2025/NĐ-CP"/></text>
  <text number="107/2020/NĐ-CP" effective="2020-11-05"/>
  <text number="45/2025/NĐ-CP" effective="2025-03-01"><replaced-by number="150/2025/NĐ-CP"/></text>
  <text number="150/2025/NĐ-CP" issued="2025-06-12" effective="2025-06-16"/>
  <text number="1/2000/NĐ-CP" effective="2000-01-01"><repealed effective="2020-01-01"/></text>
  <text number="A/1" effective="2001-01-01"><replaced-by number="B/1"/></text>
  <text number="B/1" effective="2002-01-01"><replaced-by number="A/1"/></text>
  <text number="2/2026/NĐ-CP" issued="2026-03-01"/>
</legal-registry>)XML",
                                  "r.xml");
    REQUIRE(r.problems().ok());
    auto numberOn = [&](const char* n, Date d) {
        const LegalText* t = r.inForceOn(n, d);
        return t ? t->number : std::string("-");
    };
    CHECK(numberOn("24/2014/NĐ-CP", Date(2021, 1, 1)) == "24/2014/NĐ-CP");  // amended, still the text cited
    CHECK(numberOn("24/2014/NĐ-CP", Date(2025, 3, 1)) == "45/2025/NĐ-CP");
    CHECK(numberOn("24/2014/nđ-cp", Date(2025, 6, 15)) == "45/2025/NĐ-CP");
    CHECK(numberOn("24/2014/NĐ-CP", Date(2025, 6, 16)) == "150/2025/NĐ-CP");
    CHECK(numberOn("24/2014/NĐ-CP", Date(2014, 5, 19)) == "-");  // not in force yet
    CHECK(numberOn("1/2000/NĐ-CP", Date(2019, 12, 31)) == "1/2000/NĐ-CP");
    CHECK(numberOn("1/2000/NĐ-CP", Date(2020, 1, 1)) == "-");
    CHECK(numberOn("9/9999/NĐ-CP", Date(2020, 1, 1)) == "-");
    CHECK(numberOn("2/2026/NĐ-CP", Date(2026, 2, 28)) == "-");  // issue date bounds a text without effective date
    CHECK(numberOn("2/2026/NĐ-CP", Date(2026, 3, 1)) == "2/2026/NĐ-CP");
    CHECK(numberOn("A/1", Date(2010, 1, 1)) == "-");  // a hand-made cycle ends, with nothing
}

TEST_CASE("registry entries are cited with their kind, number and title", "[reference]") {
    auto text = [](const char* number, const char* kind, const char* title) {
        LegalText t;
        t.number = number;
        t.kind = kind;
        t.title = title;
        return legalCitation(t);
    };
    CHECK(text("118/2025/NĐ-CP", "nghi-dinh", "Nghị định về thực hiện thủ tục hành chính theo cơ chế một cửa") ==
          "Nghị định số 118/2025/NĐ-CP về thực hiện thủ tục hành chính theo cơ chế một cửa");
    CHECK(text("80/2025/QH15", "luat", "Luật Cán bộ, công chức") == "Luật Cán bộ, công chức số 80/2025/QH15");
    CHECK(text("30/2020/NĐ-CP", "nghi-dinh", "") == "Nghị định số 30/2020/NĐ-CP");
    CHECK(text("766/QĐ-TTg", "quyet-dinh", "Phê duyệt Bộ chỉ số") == "Quyết định số 766/QĐ-TTg Phê duyệt Bộ chỉ số");
}

TEST_CASE("every bundled registry entry names its issuer, source and confidence", "[reference]") {
    auto ref = ReferenceData::bundled();
    REQUIRE(ref->registry.size() >= 40);
    for (const auto& [key, t] : ref->registry.texts()) {
        INFO(t.number);
        CHECK_FALSE(t.issuer.empty());
        CHECK_FALSE(t.kind.empty());
        CHECK_FALSE(t.title.empty());
        CHECK_FALSE(t.source.empty());
        CHECK((t.confidence == "H" || t.confidence == "M" || t.confidence == "L"));
    }
    const LegalText* c = ref->registry.find("03/2025/TT-VPCP");
    REQUIRE(c != nullptr);
    CHECK(c->issuer == "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ");
    CHECK(c->issued == Date(2025, 9, 15));  // the verified date, no longer the guessed 30/6/2025
}

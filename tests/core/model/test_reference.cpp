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

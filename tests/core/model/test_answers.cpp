// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "ModelFixtures.hpp"
#include "core/model/AnswerValidator.hpp"
#include "core/model/Answer.hpp"

using namespace par;

namespace {
std::string problemsOf(const std::vector<AnswerProblem>& ps) {
    std::string s;
    for (const auto& p : ps) s += p.problem.str() + "\n";
    return s;
}
}  // namespace

TEST_CASE("what a person types becomes the file form", "[answers]") {
    auto l = test::parseForm(test::kSmallForm);
    REQUIRE(l.problems.ok());
    const Form& f = *l.form;
    CHECK(normaliseInput(*f.findQuestion("co_ke_hoach"), "Có") == "yes");
    CHECK(normaliseInput(*f.findQuestion("co_ke_hoach"), "không") == "no");
    CHECK(normaliseInput(*f.findQuestion("muc_do"), "một phần") == "partly");
    CHECK(normaliseInput(*f.findQuestion("so_tthc"), "17.334") == "17334");
    CHECK(normaliseInput(*f.findQuestion("ty_le"), "99,4") == "99.4");
    CHECK(normaliseInput(*f.findQuestion("ngay"), "05/12/2018") == "2018-12-05");
    CHECK(normaliseInput(*f.findQuestion("hinh_thuc"), "bao; Đài") == "bao;dai");
    CHECK_THROWS_WITH(normaliseInput(*f.findQuestion("ngay"), "31/02/2018"), Catch::Contains("31/02/2018"));
    CHECK_THROWS_WITH(normaliseInput(*f.findQuestion("co_ke_hoach"), "maybe"), Catch::Contains("maybe"));
    CHECK_THROWS_AS(normaliseInput(*f.findQuestion("so_tthc"), "abc"), UsageError);
    CHECK_THROWS_AS(normaliseInput(*f.findQuestion("hinh_thuc"), "tivi"), UsageError);
}

TEST_CASE("answers become expression values", "[answers]") {
    auto l = test::parseForm(test::kSmallForm);
    const Form& f = *l.form;
    Answer yes{"co_ke_hoach", false, "yes", {}, {}, 0};
    CHECK(answerValue(*f.findQuestion("co_ke_hoach"), &yes).asBool());
    Answer na{"ngay", true, "", {}, {}, 0};
    CHECK(answerValue(*f.findQuestion("ngay"), &na).isNull());
    Answer t{"ket_qua", false, "", {{{"nam", "2017"}, {"qua_han", "36"}}}, {}, 0};
    expr::Value v = answerValue(*f.findQuestion("ket_qua"), &t);
    REQUIRE(v.type() == expr::Type::Table);
    CHECK(v.asTable().rows[0].at("qua_han").asNumber() == 36);
}

TEST_CASE("the validator reports every problem with its line", "[answers]") {
    auto l = test::parseForm(test::kSmallForm);
    const Form& f = *l.form;
    auto fns = formFunctions(test::smallReference(), std::nullopt);
    AnswerValidator v(f, fns);
    Audit a;
    a.file = "a.audit.xml";
    a.answers.answers["khong_co"] = Answer{"khong_co", false, "1", {}, {}, 7};
    a.answers.answers["so_tthc"] = Answer{"so_tthc", false, "10", {}, {}, 8};
    a.answers.answers["so_tthc_mot_cua"] = Answer{"so_tthc_mot_cua", false, "20", {}, {}, 9};
    a.answers.answers["ty_le"] = Answer{"ty_le", false, "nhiều", {}, {}, 10};
    a.answers.answers["muc_do"] = Answer{"muc_do", true, "", {}, {}, 11};
    a.answers.answers["tthc_kiem_tra"] = Answer{"tthc_kiem_tra", false, "", {{{"thanh_phan_yeu_cau", "x"}, {"cot_la", "y"}}}, {}, 12};
    auto ps = v.check(a);
    std::string s = problemsOf(ps);
    CHECK_THAT(s, Catch::Contains("a.audit.xml:7") && Catch::Contains("khong_co"));
    CHECK_THAT(s, Catch::Contains("a.audit.xml:8") && Catch::Contains("Không nhỏ hơn số TTHC một cửa"));
    CHECK_THAT(s, Catch::Contains("a.audit.xml:10") && Catch::Contains("nhiều"));
    CHECK_THAT(s, Catch::Contains("a.audit.xml:11"));  // 'not applicable' not allowed
    CHECK_THAT(s, Catch::Contains("cot_la"));
    CHECK_THAT(s, Catch::Contains("ma_thu_tuc"));  // required column empty
    CHECK_THAT(s, Catch::Contains("co_ke_hoach"));  // required, unanswered: warning
}

TEST_CASE("relevance hides questions and their requirements", "[answers]") {
    auto l = test::parseForm(test::kSmallForm);
    auto fns = formFunctions(test::smallReference(), std::nullopt);
    AnswerValidator v(*l.form, fns);
    Audit a;
    a.answers.answers["co_ke_hoach"] = Answer{"co_ke_hoach", false, "no", {}, {}, 0};
    CHECK_FALSE(v.isRelevant(a, "so_ke_hoach"));
    a.answers.answers["co_ke_hoach"].value = "yes";
    CHECK(v.isRelevant(a, "so_ke_hoach"));
    Completeness c = v.completeness(a);
    CHECK(c.required == 1);
    CHECK(c.answered == 1);
}

TEST_CASE("patterns, ranges and repeat children are checked", "[answers]") {
    auto l = test::parseForm(test::kSmallForm);
    auto fns = formFunctions(test::smallReference(), std::nullopt);
    AnswerValidator v(*l.form, fns);
    Audit a;
    a.answers.answers["co_ke_hoach"] = Answer{"co_ke_hoach", false, "yes", {}, {}, 1};
    a.answers.answers["so_ke_hoach"] = Answer{"so_ke_hoach", false, "KH 25", {}, {}, 2};
    a.answers.answers["so_tthc"] = Answer{"so_tthc", false, "9000", {}, {}, 3};
    Answer rep{"xa", false, "", {}, {}, 4};
    AnswerSet inst;
    inst.answers["xa_mot_cua"] = Answer{"xa_mot_cua", false, "có lẽ", {}, {}, 5};
    rep.instances.push_back(inst);
    a.answers.answers["xa"] = rep;
    std::string s = problemsOf(v.check(a));
    CHECK_THAT(s, Catch::Contains("KH 25"));
    CHECK_THAT(s, Catch::Contains("9000"));
    CHECK_THAT(s, Catch::Contains(":5") && Catch::Contains("có lẽ"));
    CHECK_THAT(s, Catch::Contains("xa_ten"));  // required in the instance
}

// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "ExprTestSupport.hpp"
#include "core/common/Text.hpp"

using namespace par;
using namespace par::expr;
using par::expr::test::eval;

namespace {
std::string evalError(const std::string& text, const Scope& scope = MapScope()) {
    try {
        test::eval(text, scope);
    } catch (const EvalError& e) {
        return e.what();
    }
    return "";
}
}  // namespace

TEST_CASE("arithmetic", "[expr]") {
    CHECK(eval("7 + 5") == Value(12));
    CHECK(eval("7 - 5") == Value(2));
    CHECK(eval("7 * 5") == Value(35));
    CHECK(eval("7 / 2") == Value(3.5));
    CHECK(eval("7 % 4") == Value(3));
    CHECK(eval("-(7)") == Value(-7));
    CHECK(eval("'Quỳnh ' + 'Lưu'") == Value("Quỳnh Lưu"));
    CHECK(eval("1 / 0").isNull());
    CHECK(eval("1 % 0").isNull());
    CHECK(eval("1 + null").isNull());
    CHECK(eval("null * 2").isNull());
    CHECK(eval("-null").isNull());
    CHECK(eval("'a' + null").isNull());
    CHECK_THAT(evalError("'x' + 1"), Catch::Contains("'+'") && Catch::Contains("string"));
    CHECK_THAT(evalError("true * 2"), Catch::Contains("'*'"));
}

TEST_CASE("comparisons", "[expr]") {
    MapScope s({{"d1", Value(Date(2018, 10, 30))}, {"d2", Value(Date(2018, 11, 28))}});
    CHECK(eval("3 = 3") == Value(true));
    CHECK(eval("3 != 3") == Value(false));
    CHECK(eval("3 < 4") == Value(true));
    CHECK(eval("4 <= 4") == Value(true));
    CHECK(eval("3 > 4") == Value(false));
    CHECK(eval("4 >= 5") == Value(false));
    CHECK(eval("'b' > 'a'") == Value(true));
    CHECK(eval("'Hồ' = 'Ho\xCC\x82\xCC\x80'") == Value(true));  // NFC
    CHECK(eval("'a' = 'A'") == Value(false));                   // exact
    CHECK(eval("d1 < d2", s) == Value(true));
    CHECK(eval("d2 = date('2018-11-28')", s) == Value(true));
    CHECK(eval("true = true") == Value(true));
    CHECK(eval("true != false") == Value(true));
    CHECK(eval("null = null").isNull());
    CHECK(eval("1 < null").isNull());
    CHECK_THAT(evalError("true < false"), Catch::Contains("= hoặc !="));
    CHECK_THAT(evalError("1 = '1'"), Catch::Contains("number") && Catch::Contains("string"));
    CHECK_THAT(evalError("[1] = [1]"), Catch::Contains("list"));
}

TEST_CASE("three-valued logic", "[expr]") {
    CHECK(eval("null and false") == Value(false));
    CHECK(eval("false and null") == Value(false));
    CHECK(eval("null and true").isNull());
    CHECK(eval("true and true") == Value(true));
    CHECK(eval("null or true") == Value(true));
    CHECK(eval("true or null") == Value(true));
    CHECK(eval("null or false").isNull());
    CHECK(eval("false or false") == Value(false));
    CHECK(eval("not null").isNull());
    CHECK(eval("not false") == Value(true));
    // Short circuit: the right side is not evaluated.
    CHECK(eval("false and 1 = 'x'") == Value(false));
    CHECK(eval("true or 1 = 'x'") == Value(true));
    CHECK_THAT(evalError("1 and true"), Catch::Contains("'and'"));
    CHECK_THAT(evalError("not 'x'"), Catch::Contains("'not'"));
}

TEST_CASE("conditions that end null are not met", "[expr]") {
    MapScope s({{"a", Value()}, {"b", Value(3)}});
    const auto& fns = test::builtins();
    CHECK_FALSE(Expression::parse("a > 2", {}).isMet(s, fns));
    CHECK(Expression::parse("b > 2", {}).isMet(s, fns));
    CHECK_FALSE(Expression::parse("b > 5", {}).isMet(s, fns));
    CHECK_THROWS_AS(Expression::parse("b + 1", {}).isMet(s, fns), EvalError);
}

TEST_CASE("in and not in", "[expr]") {
    MapScope s(
        {{"chon", Value(std::vector<Value>{"iOffice", "LAN"})}, {"ten", Value("Quỳnh Lưu")}});
    CHECK(eval("'LAN' in chon", s) == Value(true));
    CHECK(eval("'Excel' in chon", s) == Value(false));
    CHECK(eval("'Excel' not in chon", s) == Value(true));
    CHECK(eval("'Lưu' in ten", s) == Value(true));  // substring
    CHECK(eval("'Hà' in ten", s) == Value(false));
    CHECK(eval("2 in [1, 2, 3]") == Value(true));
    CHECK(eval("2 in ['2']") == Value(false));
    CHECK(eval("null in [1]").isNull());
    CHECK(eval("1 not in null").isNull());
    CHECK_THAT(evalError("1 in 5"), Catch::Contains("'in'"));
    CHECK_THAT(evalError("1 in ten", s), Catch::Contains("'in'"));
}

TEST_CASE("run-time errors carry the location", "[expr]") {
    setLanguage(Language::Vietnamese);
    MapScope s({{"a", Value("x")}});
    auto e = Expression::parse("1 + 2 > a", {"forms/x.xml", 42, 17});
    try {
        e.evaluate(s, test::builtins());
        FAIL("no error");
    } catch (const EvalError& err) {
        CHECK_THAT(err.what(), Catch::StartsWith("forms/x.xml:42:23: ") &&
                                   Catch::Contains("number") && Catch::Contains("string"));
    }
    CHECK_THAT(evalError("khong_co + 1"),
               Catch::Contains("t.xml:1:1: ") && Catch::Contains("tên 'khong_co'"));
    CHECK_THAT(evalError("1 + ham_la(2)"),
               Catch::Contains("t.xml:1:5: ") && Catch::Contains("hàm 'ham_la'"));
    CHECK_THAT(evalError("round(1, 2, 3)"), Catch::Contains("từ 1 đến 2"));
    CHECK_THAT(evalError("abs('x')"), Catch::Contains("t.xml:1:1: ") && Catch::Contains("abs"));
}

TEST_CASE("built-in functions", "[expr]") {
    MapScope s({{"ds", Value(std::vector<Value>{"a", Value(), "b"})},
                {"txt", Value(" Bản sao CMND;\n  Tờ khai \n\n;Ảnh 3x4 ")},
                {"rong", Value("  ")},
                {"d", Value(Date(2018, 11, 28))}});
    CHECK(eval("ratio(10003, 10063) > 0.99") == Value(true));
    CHECK(eval("ratio(1, 0)").isNull());
    CHECK(eval("ratio(null, 2)").isNull());
    CHECK(eval("round(0.99404)") == Value(1));
    CHECK(eval("round(0.99404, 2)") == Value(0.99));
    CHECK(eval("round(2.5)") == Value(3));
    CHECK(eval("round(-2.5)") == Value(-3));
    CHECK(eval("round(null, 2)").isNull());
    CHECK_THROWS_AS(eval("round(1, 0.5)"), EvalError);
    CHECK(eval("abs(-4)") == Value(4));
    CHECK(eval("min(3, 2)") == Value(2));
    CHECK(eval("max(3, 2, 8)") == Value(8));
    CHECK(eval("min(3, null)").isNull());
    CHECK(eval("max(date('2018-01-01'), d)", s) == Value(Date(2018, 11, 28)));
    CHECK(eval("coalesce(null, null, 7)") == Value(7));
    CHECK(eval("coalesce(null)").isNull());
    CHECK(eval("coalesce(1, 1 = 'x')") == Value(1));  // lazy
    CHECK(eval("answered(null)") == Value(false));
    CHECK(eval("answered(0)") == Value(true));
    CHECK(eval("answered(false)") == Value(true));
    CHECK(eval("answered(rong)", s) == Value(false));
    CHECK(eval("answered('x')") == Value(true));
    CHECK(eval("answered([])") == Value(false));
    CHECK(eval("len('Lưu')") == Value(3));
    CHECK(eval("len(ds)", s) == Value(3));
    CHECK(eval("len(null)").isNull());
    CHECK(eval("contains(ds, 'b')", s) == Value(true));
    CHECK(eval("contains('abc', 'z')") == Value(false));
    CHECK(eval("join(ds, ', ')", s) == Value("a, b"));  // nulls skipped
    CHECK(eval("join(ds)", s) == Value("a; b"));
    CHECK(eval("join([1, 2.5, true], '/')") == Value("1/2.5/có"));
    CHECK(eval("lower('ĐƠN Vị')") == Value("đơn vị"));
    CHECK(eval("year(d)", s) == Value(2018));
    CHECK(eval("month(d)", s) == Value(11));
    CHECK(eval("days_between(date('2018-10-30'), d)", s) == Value(29));
    CHECK(eval("days_between(d, date('2018-10-30'))", s) == Value(-29));
    CHECK(eval("date('2018-11-28' + '')") == Value(Date(2018, 11, 28)));  // not folded
    CHECK(eval("date('28/11/2018' + '')").isNull());
    CHECK(eval("lines(txt)", s) == Value(std::vector<Value>{"Bản sao CMND", "Tờ khai", "Ảnh 3x4"}));
    CHECK(eval("count(lines(txt))", s) == Value(3));
    CHECK(eval("if(1 < 2, 'có', 'không')") == Value("có"));
    CHECK(eval("if(null, 1, 2)") == Value(2));        // null condition: not met
    CHECK(eval("if(true, 1, 1 = 'x')") == Value(1));  // lazy
    CHECK_THROWS_AS(eval("if(1, 2, 3)"), EvalError);
}

TEST_CASE("client functions", "[expr]") {
    FunctionTable fns = FunctionTable::withBuiltins();
    Function f;
    f.name = "surplus";
    f.minArgs = f.maxArgs = 2;
    f.argTypes = {Type::String, Type::List};
    f.returnType = Type::List;
    f.call = [](const std::vector<Value>& args) {
        return Value(std::vector<Value>{Value(args[0].asString() + ":x")});
    };
    fns.add(f);
    REQUIRE(fns.find("surplus") != nullptr);
    MapScope s({{"ma", Value("1.001612")}, {"tp", Value(std::vector<Value>{})}});
    auto e = Expression::parse("join(surplus(ma, tp), '; ')", {});
    CHECK(e.evaluate(s, fns) == Value("1.001612:x"));
    // add() replaces.
    f.call = [](const std::vector<Value>&) { return Value(std::vector<Value>{Value("y")}); };
    fns.add(f);
    CHECK(e.evaluate(s, fns) == Value("y"));
}

TEST_CASE("number() prints figures for documents", "[expr]") {
    CHECK(eval("number(17334)") == Value("17.334"));
    CHECK(eval("number(1234567.891)") == Value("1.234.567,89"));
    CHECK(eval("number(88.889)") == Value("88,89"));
    CHECK(eval("number(36)") == Value("36"));
    CHECK(eval("number(-1500.5, 1)") == Value("-1.500,5"));
    CHECK(eval("number(0.5, 0)") == Value("1"));
    CHECK(eval("number(null)").isNull());
    CHECK(eval("text(12) + ' hồ sơ'") == Value("12 hồ sơ"));
    setLanguage(Language::English);
    CHECK(eval("number(17334.5)") == Value("17,334.5"));
    setLanguage(Language::Vietnamese);
}

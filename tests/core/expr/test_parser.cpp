// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "ExprTestSupport.hpp"
#include "core/common/Text.hpp"

using namespace par;
using namespace par::expr;
using par::expr::test::eval;
using par::expr::test::parseError;

TEST_CASE("operator precedence", "[expr]") {
    CHECK(eval("1 + 2 * 3") == Value(7));
    CHECK(eval("(1 + 2) * 3") == Value(9));
    CHECK(eval("10 - 2 - 3") == Value(5));  // left-associative
    CHECK(eval("12 / 4 / 3") == Value(1));
    CHECK(eval("-2 * 3 + 10 % 4") == Value(-4));
    CHECK(eval("- (2 + 3)") == Value(-5));
    CHECK(eval("true or false and false") == Value(true));  // and binds tighter than or
    CHECK(eval("(true or false) and false") == Value(false));
    CHECK(eval("not true and false") == Value(false));       // (not true) and false
    CHECK(eval("not 1 = 2") == Value(true));                 // not (1 = 2)
    CHECK(eval("1 + 2 = 3") == Value(true));                 // arithmetic before comparison
    CHECK(eval("'a' in ['a', 'b'] = true") == Value(true));  // in before comparison
    CHECK(eval("2 in [1, 1 + 1]") == Value(true));           // + before in
    CHECK(eval("1 < 2 and 2 < 3 or false") == Value(true));
}

TEST_CASE("literals and escapes", "[expr]") {
    CHECK(eval("12") == Value(12));
    CHECK(eval("0.8") == Value(0.8));
    CHECK(eval(".5") == Value(0.5));
    CHECK(eval("-12") == Value(-12));
    CHECK(eval("'Quỳnh Lưu'") == Value("Quỳnh Lưu"));
    CHECK(eval("\"Nghệ An\"") == Value("Nghệ An"));
    CHECK(eval(R"('It\'s')").asString() == "It's");
    CHECK(eval(R"("say \"hi\"")").asString() == "say \"hi\"");
    CHECK(eval(R"('a\\b')").asString() == "a\\b");
    CHECK(eval(R"('a\nb\tc')").asString() == "a\nb\tc");
    CHECK(eval(R"("it's")").asString() == "it's");
    CHECK(eval("true") == Value(true));
    CHECK(eval("false") == Value(false));
    CHECK(eval("null").isNull());
    CHECK(eval("[]") == Value(std::vector<Value>{}));
    CHECK(eval("[1, 2]") == Value(std::vector<Value>{1, 2}));
    CHECK(eval("['a','b']") == Value(std::vector<Value>{"a", "b"}));
    CHECK(eval("date('2018-11-28')") == Value(Date(2018, 11, 28)));
    // A decomposed literal is normalised to NFC.
    CHECK(eval("'Ho\xCC\x82\xCC\x80'").asString() == "H\xE1\xBB\x93");
}

TEST_CASE("operator spellings", "[expr]") {
    CHECK(eval("1 == 1 && 2 <> 3") == Value(true));
    CHECK(eval("!(1 != 1) || false") == Value(true));
    CHECK(eval("1 = 1") == Value(true));
    CHECK(eval("'x' not in ['a']") == Value(true));
}

TEST_CASE("names and system variables", "[expr]") {
    MapScope scope({{"ld_kehoach", Value(true)}, {"$unit_type", Value("xa")}});
    CHECK(eval("ld_kehoach and $unit_type = 'xa'", scope) == Value(true));
    auto e = Expression::parse("a + $b * c_1", {});
    CHECK(e.references() == std::vector<std::string>{"a", "c_1"});
    CHECK(e.text() == "a + $b * c_1");
    CHECK(Expression().empty());
    CHECK(Expression().evaluate(MapScope(), test::builtins()).isNull());
}

TEST_CASE("parse errors say where and what was expected", "[expr]") {
    setLanguage(Language::Vietnamese);
    SourceLocation at;
    // where.column 10 is the column of the expression's first character.
    CHECK_THAT(parseError("a and ", {"f.xml", 3, 10}, &at),
               Catch::Contains("cần một giá trị") && Catch::Contains("hết biểu thức"));
    CHECK(at.file == "f.xml");
    CHECK(at.line == 3);
    CHECK(at.column == 16);

    CHECK_THAT(parseError("(a or b", {"f.xml", 3, 10}, &at), Catch::Contains("cần ')'"));
    CHECK(at.column == 17);

    CHECK_THAT(parseError("a b", {"f.xml", 3, 10}, &at), Catch::Contains("thừa 'b'"));
    CHECK(at.column == 12);

    CHECK_THAT(parseError("x = 'abc", {"f.xml", 3, 10}, &at), Catch::Contains("chuỗi chưa đóng"));
    CHECK(at.column == 14);

    CHECK_THAT(parseError(R"(x = 'a\qb')", {"f.xml", 3, 10}, &at), Catch::Contains("\\q"));
    CHECK(at.column == 16);

    // Columns count characters: "ư" is one column though two bytes.
    CHECK_THAT(parseError("'ư' = ư", {"f.xml", 3, 10}, &at), Catch::Contains("'ư'"));
    CHECK(at.column == 16);

    CHECK_THAT(parseError("a & b", {"f.xml", 3, 10}, &at), Catch::Contains("'and'"));
    CHECK(at.column == 12);

    CHECK_THAT(parseError("1 < x < 3", {"f.xml", 3, 10}, &at), Catch::Contains("nối tiếp"));
    CHECK(at.column == 16);

    CHECK_THAT(parseError("d > date('2018-02-31')", {"f.xml", 3, 10}, &at),
               Catch::Contains("2018-02-31") && Catch::Contains("YYYY-MM-DD"));
    CHECK(at.column == 19);

    CHECK_THAT(parseError("12abc"), Catch::Contains("12a"));
    CHECK_THAT(parseError("1."), Catch::Contains("'.'"));
    CHECK_THAT(parseError("   "), Catch::Contains("rỗng"));
    CHECK_THAT(parseError("f(1,"), Catch::Contains("cần một giá trị"));
    CHECK_THAT(parseError("[1, 2"), Catch::Contains("']' hoặc ','"));
    CHECK_THAT(parseError("$ x"), Catch::Contains("$inspection_date"));
    CHECK_THAT(parseError("a and or b"), Catch::Contains("từ khóa 'or'"));
    CHECK_THAT(parseError("+1"), Catch::Contains("'+'"));
    CHECK(parseError("a\xC3") != "");  // invalid UTF-8
}

TEST_CASE("parse error locations without a column and across lines", "[expr]") {
    SourceLocation at;
    parseError("a and ", {"f.xml", 7, 0}, &at);
    CHECK(at.line == 7);
    CHECK(at.column == 7);  // 1-based inside the expression
    parseError("a and\n   b c", {"f.xml", 7, 20}, &at);
    CHECK(at.line == 8);
    CHECK(at.column == 6);
    try {
        Expression::parse("1 +", {"forms/x.xml", 42, 15});
        FAIL("no error");
    } catch (const ParseError& e) {
        CHECK_THAT(e.what(), Catch::StartsWith("forms/x.xml:42:18: "));
    }
}

TEST_CASE("parse errors in English", "[expr]") {
    setLanguage(Language::English);
    CHECK_THAT(parseError("(a"),
               Catch::Contains("expected ')' but found the end of the expression"));
    setLanguage(Language::Vietnamese);
}

TEST_CASE("depth and length limits", "[expr]") {
    auto nested = [](int n) { return std::string(n, '(') + "1" + std::string(n, ')'); };
    CHECK(eval(nested(150)) == Value(1));
    CHECK_THAT(parseError(nested(201)), Catch::Contains("quá sâu"));
    CHECK_THAT(parseError(nested(30000)), Catch::Contains("quá sâu"));

    std::string nots;
    for (int i = 0; i < 5000; ++i)
        nots += "not ";
    CHECK_THAT(parseError(nots + "true"), Catch::Contains("quá sâu"));
    CHECK_THAT(parseError(std::string(5000, '-') + "1"), Catch::Contains("quá sâu"));

    // A long flat chain is as deep as it is long.
    std::string chain = "1";
    for (int i = 0; i < 5000; ++i)
        chain += "+1";
    CHECK_THAT(parseError(chain), Catch::Contains("quá sâu"));
    std::string shortChain = "1";
    for (int i = 0; i < 100; ++i)
        shortChain += "+1";
    CHECK(eval(shortChain) == Value(101));
    // Long lists are flat.
    std::string list = "[0";
    for (int i = 1; i < 3000; ++i)
        list += "," + std::to_string(i);
    CHECK(eval("count(" + list + "])") == Value(3000));

    CHECK_THAT(parseError("'" + std::string(70000, 'a') + "'"), Catch::Contains("quá dài"));
}

// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "ExprTestSupport.hpp"
#include "core/common/Text.hpp"
#include "core/expr/TextTemplate.hpp"

using namespace par;
using namespace par::expr;

namespace {
std::string templateError(const std::string& text, SourceLocation where, SourceLocation* at) {
    try {
        TextTemplate::parse(text, where);
    } catch (const ParseError& e) {
        *at = e.where();
        return e.message();
    }
    return "";
}
}  // namespace

TEST_CASE("text templates render placeholders with display()", "[expr]") {
    setLanguage(Language::Vietnamese);
    MapScope s({{"ma", Value("1.001612")},
                {"tp", Value(std::vector<Value>{"Bản sao hộ khẩu", "Giấy xác nhận"})},
                {"ty_le", Value(0.9940375)},
                {"ngay", Value(Date(2018, 10, 30))},
                {"co", Value(true)},
                {"rong", Value()}});
    auto t = TextTemplate::parse(
        "Thủ tục {ma} yêu cầu thừa: {join(tp, '; ')}. Tỷ lệ {round(ty_le * 100, 1)}% đến "
        "{ngay}; niêm yết: {co}.{rong}",
        {"forms/x.xml", 10, 5});
    CHECK(t.hasPlaceholders());
    CHECK(t.render(s, test::builtins()) ==
          "Thủ tục 1.001612 yêu cầu thừa: Bản sao hộ khẩu; Giấy xác nhận. Tỷ lệ 99.4% đến "
          "30/10/2018; niêm yết: có.");
    CHECK(t.references() == std::vector<std::string>{"ma", "tp", "ty_le", "ngay", "co", "rong"});
}

TEST_CASE("text template escapes and braces inside strings", "[expr]") {
    MapScope s({{"x", Value(3)}});
    CHECK(TextTemplate::parse("{{x}} = {x}", {}).render(s, test::builtins()) == "{x} = 3");
    CHECK(TextTemplate::parse("a }} b {{", {}).render(s, test::builtins()) == "a } b {");
    CHECK(TextTemplate::parse("{'}' + '{'}", {}).render(s, test::builtins()) == "}{");
    auto plain = TextTemplate::parse("không có chỗ trống", {});
    CHECK_FALSE(plain.hasPlaceholders());
    CHECK(plain.render(s, test::builtins()) == "không có chỗ trống");
    CHECK(TextTemplate::parse("", {}).render(s, test::builtins()).empty());
}

TEST_CASE("text template errors are located", "[expr]") {
    SourceLocation at;
    CHECK_THAT(templateError("Thủ tục {ma", {"f.xml", 4, 3}, &at),
               Catch::Contains("'{' chưa đóng"));
    CHECK(at.line == 4);
    CHECK(at.column == 11);
    CHECK_THAT(templateError("a } b", {"f.xml", 4, 3}, &at), Catch::Contains("'}}'"));
    CHECK(at.column == 5);
    CHECK_THAT(templateError("a { } b", {"f.xml", 4, 3}, &at), Catch::Contains("rỗng"));
    CHECK(at.column == 5);
    // An error inside a placeholder points into the text.
    CHECK_THAT(templateError("Tỷ lệ {ratio(a, }", {"f.xml", 4, 3}, &at),
               Catch::Contains("cần một giá trị"));
    CHECK(at.column == 19);
    CHECK_THAT(templateError("dòng 1\nThủ tục {1 +}", {"f.xml", 4, 3}, &at),
               Catch::Contains("cần một giá trị"));
    CHECK(at.line == 5);
    CHECK(at.column == 13);
}

TEST_CASE("text templates are checked", "[expr]") {
    MapTypeScope types;
    types.set("ma", Type::String);
    auto t = TextTemplate::parse("{ma} {ma_tthc} {ham_la(ma)}", {"f.xml", 2, 1});
    ValidationResult r;
    t.check(types, test::builtins(), r);
    REQUIRE(r.errorCount() == 2);
    CHECK(r.problems()[0].str() == "f.xml:2:7: lỗi: tên 'ma_tthc' không có trong biểu mẫu");
    CHECK_THAT(r.problems()[1].str(), Catch::StartsWith("f.xml:2:17: lỗi: hàm 'ham_la'"));
    MapScope s({{"ma", Value("x")}});
    CHECK_THROWS_AS(t.render(s, test::builtins()), EvalError);
}

// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "ExprTestSupport.hpp"
#include "core/common/Text.hpp"

using namespace par;
using namespace par::expr;

namespace {
MapTypeScope formTypes() {
    MapTypeScope t;
    t.set("ld_kehoach", Type::Bool);
    t.set("a_yes_no", Type::Bool);
    t.set("so_tthc", Type::Number);
    t.set("ten_don_vi", Type::String);
    t.set("phan_mem", Type::List);
    t.set("ngay_bh", Type::Date);
    t.set("ghi_chu", Type::Any);
    t.set("$inspection_date", Type::Date);
    t.set("$unit_type", Type::String);
    t.set("hs", TypeInfo{Type::Table,
                         {{"ma", Type::String}, {"tre", Type::Number}, {"ngay", Type::Date}}});
    t.set("don_vi_con", TypeInfo{Type::Table, {}});  // columns not known
    return t;
}

struct Checked {
    Type type = Type::Any;
    ValidationResult result;
    std::vector<std::string> messages;  // Problem::str()
};

Checked check(const std::string& text, SourceLocation where = {"forms/x.xml", 42, 10}) {
    Checked c;
    MapTypeScope types = formTypes();
    c.type = Expression::parse(text, where).check(types, test::builtins(), c.result);
    for (const auto& p : c.result.problems())
        c.messages.push_back(p.str());
    return c;
}
}  // namespace

TEST_CASE("checker infers result types", "[expr]") {
    CHECK(check("so_tthc + 1").type == Type::Number);
    CHECK(check("ten_don_vi + '!'").type == Type::String);
    CHECK(check("so_tthc > 300 and ld_kehoach").type == Type::Bool);
    CHECK(check("ratio(1, so_tthc)").type == Type::Number);
    CHECK(check("date('2018-01-01')").type == Type::Date);
    CHECK(check("max(ngay_bh, $inspection_date)").type == Type::Date);
    CHECK(check("if(ld_kehoach, 1, 2)").type == Type::Number);
    CHECK(check("if(ld_kehoach, 1, 'a')").type == Type::Any);
    CHECK(check("coalesce(null, ten_don_vi)").type == Type::String);
    CHECK(check("lines(ten_don_vi)").type == Type::List);
    CHECK(check("ghi_chu").type == Type::Any);
    CHECK(check("max(hs, ngay)").type == Type::Date);
    CHECK(check("count(hs, tre > 0)").type == Type::Number);
    CHECK(check("all(hs, tre > 0)").type == Type::Bool);
    for (const char* ok : {"'LAN' in phan_mem", "'Lưu' in ten_don_vi", "ghi_chu + 1 > 2",
                           "$unit_type = 'xa' or $inspection_date > date('2025-07-01')",
                           "count(don_vi_con, bat_ky = 1) > 0", "len(hs) + len(phan_mem)",
                           "not answered(ghi_chu)", "sum(hs, tre) / count(hs) < 2"}) {
        INFO(ok);
        CHECK(check(ok).result.problems().empty());
    }
}

TEST_CASE("unknown names, with file:line:column and a suggestion", "[expr]") {
    setLanguage(Language::Vietnamese);
    auto c = check("ld_kehoachh and true");
    REQUIRE(c.messages.size() == 1);
    CHECK(c.messages[0] ==
          "forms/x.xml:42:10: lỗi: tên 'ld_kehoachh' không có trong biểu mẫu (có phải "
          "'ld_kehoach'?)");
    c = check("$inspection_dat > ngay_bh");
    REQUIRE(c.messages.size() == 1);
    CHECK_THAT(c.messages[0], Catch::Contains("biến hệ thống '$inspection_dat'") &&
                                  Catch::Contains("'$inspection_date'"));
    c = check("xyz = 1");
    REQUIRE(c.messages.size() == 1);
    CHECK_THAT(c.messages[0], !Catch::Contains("có phải"));
}

TEST_CASE("unknown functions and arity", "[expr]") {
    auto c = check("ratoi(1, 2)");
    REQUIRE(c.messages.size() == 1);
    CHECK(c.messages[0] == "forms/x.xml:42:10: lỗi: hàm 'ratoi' không tồn tại (có phải 'ratio'?)");
    c = check("1 + round(1, 2, 3)");
    REQUIRE(c.messages.size() == 1);
    CHECK(c.messages[0] ==
          "forms/x.xml:42:14: lỗi: hàm round nhận từ 1 đến 2 đối số, không phải 3");
    c = check("abs()");
    REQUIRE(c.messages.size() == 1);
    CHECK_THAT(c.messages[0], Catch::Contains("hàm abs nhận 1 đối số, không phải 0"));
    c = check("coalesce()");
    CHECK_THAT(c.messages.at(0), Catch::Contains("ít nhất 1"));
    c = check("sum(hs)");
    CHECK_THAT(c.messages.at(0), Catch::Contains("2 đối số"));
}

TEST_CASE("type mismatches", "[expr]") {
    struct Case {
        const char* text;
        const char* expected;
        int column;
    };
    const Case cases[] = {
        {"a_yes_no > 5", "không so sánh được bool với number bằng '>'", 19},
        {"'x' + 1", "phép '+' cần hai số hoặc hai chuỗi, có string và number", 14},
        {"so_tthc * 'a'", "phép '*' cần hai số, có number và string", 18},
        {"a_yes_no < true", "chỉ so sánh được bằng = hoặc !=", 19},
        {"ld_kehoach and so_tthc", "'and' cần điều kiện đúng/sai, có kiểu number", 21},
        {"not ten_don_vi", "'not' cần điều kiện đúng/sai", 10},
        {"-ten_don_vi", "dấu '-' cần một số", 10},
        {"sum(so_tthc, 1)", "hàm sum cần một bảng ở đối số thứ nhất, có kiểu number", 14},
        {"count(ten_don_vi)", "count cần một bảng hoặc danh sách, có kiểu string", 16},
        {"sum(hs, ma)", "hàm sum cần số ở mỗi dòng, có kiểu string", 18},
        {"count(hs, tre)", "hàm count cần điều kiện đúng/sai theo dòng, có kiểu number", 20},
        {"max(hs, ma)", "cần số hoặc ngày ở mỗi dòng", 18},
        {"year(so_tthc)", "hàm year: đối số thứ 1 cần kiểu date nhưng có kiểu number", 15},
        {"min(1, ngay_bh)", "các đối số phải cùng kiểu", 10},
        {"len(so_tthc)", "chuỗi, danh sách hoặc bảng", 10},
        {"1 in so_tthc", "'in' cần danh sách hoặc chuỗi ở bên phải, có kiểu number", 12},
        {"1 in ten_don_vi", "'in' trên chuỗi cần một chuỗi ở bên trái", 12},
        {"'a' in hs", "dùng any(bảng, điều kiện)", 14},
        {"phan_mem = phan_mem", "không so sánh được giá trị kiểu list", 19},
        {"count(hs, khong_co > 1)", "tên 'khong_co' không có trong biểu mẫu", 20},
    };
    for (const auto& k : cases) {
        INFO(k.text);
        auto c = check(k.text);
        REQUIRE(c.result.errorCount() == 1);
        CHECK_THAT(c.result.problems()[0].message, Catch::Contains(k.expected));
        CHECK(c.result.problems()[0].where.line == 42);
        CHECK(c.result.problems()[0].where.column == k.column);
    }
}

TEST_CASE("checker reports every problem", "[expr]") {
    auto c = check("ld_kehoachh and a_yes_no > 5 or ham_la(so_tthc) or 'x' + 1 = 2");
    CHECK(c.result.errorCount() == 4);
    REQUIRE(c.messages.size() == 4);
    CHECK_THAT(c.messages[0], Catch::Contains(":42:10:") && Catch::Contains("ld_kehoachh"));
    CHECK_THAT(c.messages[1], Catch::Contains(":42:35:") && Catch::Contains("bool với number"));
    CHECK_THAT(c.messages[2], Catch::Contains(":42:42:") && Catch::Contains("ham_la"));
    CHECK_THAT(c.messages[3], Catch::Contains(":42:65:") && Catch::Contains("'+'"));
    // One mistake is reported once: the unknown name is Any, so its use raises nothing more.
    CHECK(check("khong_co + 1 > 2 and khong_co2").result.errorCount() == 2);
}

TEST_CASE("warnings and condition checks", "[expr]") {
    auto c = check("ten_don_vi = null");
    CHECK(c.result.ok());
    REQUIRE(c.result.problems().size() == 1);
    CHECK(c.result.problems()[0].severity == Problem::Severity::Warning);
    CHECK_THAT(c.messages[0], Catch::Contains("answered(x)"));

    MapTypeScope types = formTypes();
    ValidationResult r;
    auto e = Expression::parse("so_tthc + 1", {"forms/x.xml", 5, 3});
    CHECK(e.checkCondition(types, test::builtins(), r) == Type::Number);
    REQUIRE(r.errorCount() == 1);
    CHECK_THAT(r.problems()[0].str(), Catch::StartsWith("forms/x.xml:5:3: lỗi: điều kiện phải"));
    ValidationResult r2;
    Expression::parse("so_tthc > 1", {}).checkCondition(types, test::builtins(), r2);
    CHECK(r2.ok());
}

TEST_CASE("client functions are checked with their declared types", "[expr]") {
    FunctionTable fns = FunctionTable::withBuiltins();
    Function f;
    f.name = "surplus";
    f.minArgs = f.maxArgs = 2;
    f.argTypes = {Type::String, Type::List};
    f.returnType = Type::List;
    f.call = [](const std::vector<Value>&) { return Value(std::vector<Value>{}); };
    fns.add(f);
    MapTypeScope types = formTypes();
    ValidationResult r;
    auto e = Expression::parse("join(surplus(ten_don_vi, phan_mem), '; ')", {});
    CHECK(e.check(types, fns, r) == Type::String);
    CHECK(r.ok());
    ValidationResult r2;
    Expression::parse("surplus(phan_mem, ten_don_vi)", {}).check(types, fns, r2);
    CHECK(r2.errorCount() == 2);
}

TEST_CASE("references", "[expr]") {
    auto e = Expression::parse(
        "so_tthc > 0 and count(hs, tre > nguong) > 0 and $unit_type = 'xa' or so_tthc < 2", {});
    // Without types every name in the row argument is taken as a column.
    CHECK(e.references() == std::vector<std::string>{"so_tthc", "hs"});
    MapTypeScope types = formTypes();
    types.set("nguong", Type::Number);
    CHECK(e.references(types) == std::vector<std::string>{"so_tthc", "hs", "nguong"});
    auto m = Expression::parse("min(a, b) + max(hs, tre)", {});
    CHECK(m.references() == std::vector<std::string>{"a", "b", "hs", "tre"});
    CHECK(m.references(types) == std::vector<std::string>{"a", "b", "hs"});
}

TEST_CASE("checker messages in English", "[expr]") {
    setLanguage(Language::English);
    auto c = check("ld_kehoachh");
    setLanguage(Language::Vietnamese);
    REQUIRE(c.messages.size() == 1);
    CHECK(c.messages[0] ==
          "forms/x.xml:42:10: error: name 'ld_kehoachh' is not in the form (did you mean "
          "'ld_kehoach'?)");
}

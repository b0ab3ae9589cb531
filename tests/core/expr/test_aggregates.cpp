// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "ExprTestSupport.hpp"
#include "core/common/Text.hpp"

using namespace par;
using namespace par::expr;
using par::expr::test::dossierTable;
using par::expr::test::eval;

namespace {
MapScope formScope() {
    return MapScope({{"hs", Value(dossierTable())},
                     {"ma", Value("answer-ma")},  // shadowed by the column inside row arguments
                     {"nguong", Value(1)},
                     {"trong", Value(std::make_shared<const Table>())},
                     {"chua_tl", Value()},
                     {"so", Value(5)}});
}
}  // namespace

TEST_CASE("count, sum, avg, min, max over a table", "[expr]") {
    MapScope s = formScope();
    CHECK(eval("count(hs)", s) == Value(4));
    CHECK(eval("count(hs, tre > 0)", s) == Value(2));  // null rows are not counted
    CHECK(eval("sum(hs, tre)", s) == Value(7));        // nulls skipped
    CHECK(eval("avg(hs, tre)", s) == Value(7.0 / 3.0));
    CHECK(eval("min(hs, tre)", s) == Value(0));
    CHECK(eval("max(hs, tre)", s) == Value(5));
    CHECK(eval("max(hs, ngay)", s) == Value(Date(2018, 5, 20)));
    CHECK(eval("min(hs, ngay)", s) == Value(Date(2018, 1, 9)));
    CHECK(eval("sum(hs, tre * 2) / count(hs)", s) == Value(3.5));
}

TEST_CASE("any and all use three-valued logic", "[expr]") {
    MapScope s = formScope();
    CHECK(eval("any(hs, tre > 4)", s) == Value(true));
    CHECK(eval("any(hs, tre > 10)", s).isNull());  // one row unknown, none true
    CHECK(eval("all(hs, dung_han)", s) == Value(false));
    CHECK(eval("all(hs, ma != '')", s) == Value(true));
    CHECK(eval("all(hs, tre >= 0)", s).isNull());  // one row unknown, none false
    CHECK(eval("any(hs, ma = '2.002155')", s) == Value(true));
}

TEST_CASE("row columns shadow answers, other answers stay visible", "[expr]") {
    MapScope s = formScope();
    CHECK(eval("count(hs, ma = '1.001612')", s) == Value(1));
    CHECK(eval("count(hs, ma = 'answer-ma')", s) == Value(0));
    CHECK(eval("ma", s) == Value("answer-ma"));             // outside the row argument
    CHECK(eval("count(hs, tre > nguong)", s) == Value(2));  // outer answer inside a row
    CHECK(eval("count(hs, $x = 1)", MapScope({{"$x", Value(1)}}, &s)) == Value(4));
    // Nested aggregate: the inner count runs for each outer row.
    CHECK(eval("sum(hs, count(hs, tre > 0))", s) == Value(8));
}

TEST_CASE("aggregates over empty, null and non-tables", "[expr]") {
    MapScope s = formScope();
    CHECK(eval("count(trong)", s) == Value(0));
    CHECK(eval("sum(trong, x)", s) == Value(0));
    CHECK(eval("avg(trong, x)", s).isNull());
    CHECK(eval("max(trong, x)", s).isNull());
    CHECK(eval("any(trong, x)", s) == Value(false));
    CHECK(eval("all(trong, x)", s) == Value(true));
    CHECK(eval("count(chua_tl)", s).isNull());
    CHECK(eval("sum(chua_tl, x)", s).isNull());
    CHECK(eval("count(['a', 'b'])", s) == Value(2));
    CHECK(eval("min(so, 2)", s) == Value(2));  // not a table: the two-value function
    CHECK_THROWS_WITH(eval("sum(so, x)", s), Catch::Contains("cần một bảng"));
    CHECK_THROWS_WITH(eval("count(so)", s), Catch::Contains("bảng hoặc danh sách"));
    CHECK_THROWS_WITH(eval("sum(hs, ma)", s), Catch::Contains("cần số"));
    CHECK_THROWS_WITH(eval("count(hs, tre)", s), Catch::Contains("đúng/sai"));
    CHECK_THROWS_WITH(eval("sum(hs)", s), Catch::Contains("2 đối số"));
}

TEST_CASE("RowScope for per-row rules", "[expr]") {
    MapScope s = formScope();
    auto table = dossierTable();
    auto e = Expression::parse("tre > nguong and ma != ''", {});
    std::vector<std::string> late;
    for (size_t r = 0; r < table->rows.size(); ++r) {
        RowScope row(*table, r, s);
        if (e.isMet(row, test::builtins()))
            late.push_back(row.lookup("ma")->asString());
    }
    CHECK(late == std::vector<std::string>{"1.000894", "2.002155"});
    RowScope row3(*table, 3, s);
    CHECK(row3.lookup("tre")->isNull());  // column without a cell
    CHECK(row3.lookup("so") == Value(5));
    CHECK_FALSE(row3.lookup("khong_co").has_value());
}

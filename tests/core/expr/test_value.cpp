// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "core/common/Text.hpp"
#include "core/expr/Value.hpp"

using namespace par;
using namespace par::expr;

TEST_CASE("value types and accessors", "[expr]") {
    CHECK(Value().isNull());
    CHECK(Value(true).type() == Type::Bool);
    CHECK(Value(3).type() == Type::Number);
    CHECK(Value(3LL).asNumber() == 3.0);
    CHECK(Value(std::vector<int>(4).size()) == Value(4));
    CHECK(Value(7L) == Value(7u));
    CHECK(Value("x").type() == Type::String);
    CHECK(Value(std::string("y")).asString() == "y");
    CHECK(Value(Date(2018, 11, 28)).asDate() == Date(2018, 11, 28));
    CHECK(Value(Date(boost::gregorian::not_a_date_time)).isNull());
    CHECK(Value(std::vector<Value>{1, 2}).asList().size() == 2);
    CHECK(Value(std::shared_ptr<const Table>()).isNull());
    CHECK_THROWS_AS(Value(1).asString(), EvalError);
    CHECK_THROWS_WITH(Value("a").asNumber(),
                      Catch::Contains("number") && Catch::Contains("string"));
    CHECK(std::string(typeName(Type::Table)) == "table");
    CHECK(std::string(typeName(Type::Any)) == "any");
}

TEST_CASE("display texts for people", "[expr]") {
    setLanguage(Language::Vietnamese);
    CHECK(Value(12).display() == "12");
    CHECK(Value(0.95).display() == "0.95");
    CHECK(Value(-3.5).display() == "-3.5");
    CHECK(Value(17334.0).display() == "17334");
    CHECK(Value(0.1 + 0.2).display() == "0.3");
    CHECK(Value(Date(2018, 11, 5)).display() == "05/11/2018");
    CHECK(Value(true).display() == "có");
    CHECK(Value(false).display() == "không");
    CHECK(Value().display() == "");
    CHECK(Value(std::vector<Value>{Value("a"), Value(2), Value(true)}).display() == "a; 2; có");
    auto t = std::make_shared<Table>();
    t->rows.resize(3);
    CHECK(Value(std::shared_ptr<const Table>(t)).display() == "[3 dòng]");
    setLanguage(Language::English);
    CHECK(Value(true).display() == "yes");
    CHECK(Value(std::shared_ptr<const Table>(t)).display() == "[3 rows]");
    setLanguage(Language::Vietnamese);
}

TEST_CASE("deep equality", "[expr]") {
    CHECK(Value(1) == Value(1.0));
    CHECK(Value(0.1 + 0.2) != Value(0.3));  // exact
    CHECK(Value() == Value());
    CHECK(Value() != Value(0));
    CHECK(Value("1") != Value(1));
    // NFC: "ồ" precomposed vs decomposed.
    CHECK(Value("H\xE1\xBB\x93") == Value("Ho\xCC\x82\xCC\x80"));
    CHECK(Value(std::vector<Value>{1, "a"}) == Value(std::vector<Value>{1, "a"}));
    CHECK(Value(std::vector<Value>{1, "a"}) != Value(std::vector<Value>{1, "b"}));
    auto a = std::make_shared<Table>();
    a->columns = {"x"};
    a->rows = {{{"x", Value(1)}}, {}};
    auto b = std::make_shared<Table>(*a);
    b->rows[1]["x"] = Value();  // explicit null equals a missing cell
    CHECK(Value(std::shared_ptr<const Table>(a)) == Value(std::shared_ptr<const Table>(b)));
    b->rows[1]["x"] = Value(2);
    CHECK(Value(std::shared_ptr<const Table>(a)) != Value(std::shared_ptr<const Table>(b)));
}

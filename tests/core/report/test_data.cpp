// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "core/common/Error.hpp"
#include "core/report/Data.hpp"
#include "core/report/SampleData.hpp"

using par::report::Data;

TEST_CASE("data tree: maps, lists, dotted paths", "[report]") {
    Data d;
    d["unit"].set("name", "UBND huyện Quỳnh Lưu");
    d["findings"].push(Data::map().set("text", "Thừa thành phần hồ sơ"));
    REQUIRE(d.path("unit.name") != nullptr);
    CHECK(d.path("unit.name")->str() == "UBND huyện Quỳnh Lưu");
    CHECK(d.path("unit.missing") == nullptr);
    CHECK(d.path("findings")->items().size() == 1);
    CHECK(d.path("findings")->truthy());
    CHECK_FALSE(Data("").truthy());
    CHECK_THROWS_AS(d.path("unit")->str(), par::UsageError);
    CHECK_THROWS_AS(Data("x").push("y"), par::UsageError);
}

TEST_CASE("sample data pads findings synthetically", "[report]") {
    Data d = par::report::sampleNoticeData(500);
    CHECK(d.path("findings")->items().size() == 500);
    CHECK(d.path("plan")->items().size() == 500);
    CHECK(d.path("signer.name")->str() == "Lê Đình Lý");
}

// SPDX-License-Identifier: Apache-2.0
// The CSV helper shared by the ranking and register exports.
#include <catch2/catch.hpp>

#include "core/common/Csv.hpp"

using namespace par;

TEST_CASE("csv: fields quoted only when needed", "[csv]") {
    CHECK(csvField("UBND xã Ngọc Sơn") == "UBND xã Ngọc Sơn");
    CHECK(csvField("") == "");
    CHECK(csvField("a,b") == "\"a,b\"");
    CHECK(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csvField("two\nlines") == "\"two\nlines\"");
    CHECK(csvField("cr\r") == "\"cr\r\"");
    std::string out = kCsvBom;
    appendCsvRow(out, {"a", "b,c", ""});
    appendCsvRow(out, {});
    CHECK(out == "\xEF\xBB\xBF" "a,\"b,c\",\r\n\r\n");
}

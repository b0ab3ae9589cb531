// SPDX-License-Identifier: Apache-2.0
// Pattern: a form's answer pattern compiled once through ICU and matched by characters (issue #19,
// code review: std::regex was compiled per answer check and matched bytes).
#include <catch2/catch.hpp>

#include <chrono>

#include "core/common/Error.hpp"
#include "core/common/Pattern.hpp"

using namespace par;

TEST_CASE("patterns match whole answers, by characters", "[pattern]") {
    Pattern plan("[0-9]+/KH-.*");
    CHECK(plan.matchesWhole("12/KH-UBND"));
    CHECK_FALSE(plan.matchesWhole("KH-12"));
    CHECK_FALSE(plan.matchesWhole("x12/KH-UBND"));  // the whole answer, not a part of it
    // One Vietnamese letter is one character: std::regex saw "ệ" as three bytes, so "^.{3}$"
    // refused "Huệ" and "[ạ-ỹ]" was a range of bytes.
    Pattern three("^.{4}$");
    CHECK(three.matchesWhole("Huệ!"));
    CHECK_FALSE(three.matchesWhole("Hu!"));
    Pattern letters("[\\p{L} ]+");
    CHECK(letters.matchesWhole("Sở Nội vụ"));
    CHECK_FALSE(letters.matchesWhole("Sở Nội vụ 2"));
}

TEST_CASE("a bad pattern says where, a runaway match stops", "[pattern]") {
    CHECK_THROWS_WITH(Pattern("[0-9"), Catch::Contains("[0-9") && Catch::Contains("U_REGEX"));
    // (a+)+$ backtracks exponentially on "aaaa…!": bounded in time, reported, not hung.
    Pattern evil("(a+)+$");
    auto start = std::chrono::steady_clock::now();
    CHECK_THROWS_WITH(evil.matchesWhole(std::string(40, 'a') + "!"), Catch::Contains("(a+)+$"));
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
}

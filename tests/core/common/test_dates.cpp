// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "core/common/Dates.hpp"

using namespace par;

TEST_CASE("ISO dates are strict", "[dates]") {
    CHECK(parseIsoDate("2018-11-28") == Date(2018, 11, 28));
    CHECK_FALSE(parseIsoDate("2018-02-31"));
    CHECK_FALSE(parseIsoDate("2018-2-3"));
    CHECK_FALSE(parseIsoDate("2018-11-28x"));
    CHECK(parseIsoDate("2020-02-29"));
    CHECK_FALSE(parseIsoDate("2019-02-29"));
}

TEST_CASE("Vietnamese dates", "[dates]") {
    CHECK(parseUserDate("5/12/2018") == Date(2018, 12, 5));
    CHECK(parseUserDate("05/12/2018") == Date(2018, 12, 5));
    CHECK_FALSE(parseUserDate("31/02/2018"));
    CHECK(vietnameseDate(Date(2018, 12, 5)) == "05/12/2018");
}

TEST_CASE("Decree 30 date line pads days below 10 and months 1-2", "[dates]") {
    CHECK(documentDate(Date(2018, 12, 5)) == "ngày 05 tháng 12 năm 2018");
    CHECK(documentDate(Date(2019, 2, 15)) == "ngày 15 tháng 02 năm 2019");
    CHECK(documentDate(Date(2019, 3, 15)) == "ngày 15 tháng 3 năm 2019");
}

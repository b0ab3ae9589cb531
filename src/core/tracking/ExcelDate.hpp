// SPDX-License-Identifier: Apache-2.0
// ExcelDate.hpp - a date as libxlsxwriter writes it into a cell (the register's and the plan's
// workbooks).
#pragma once

#include <xlsxwriter.h>

#include "core/common/Dates.hpp"

namespace par::track {

inline lxw_datetime excelDate(Date d) {
    lxw_datetime t{};
    t.year = d.year();
    t.month = d.month();
    t.day = d.day();
    return t;
}

}  // namespace par::track

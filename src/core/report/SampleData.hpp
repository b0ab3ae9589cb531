// SPDX-License-Identifier: Apache-2.0
// SampleData.hpp - the data tree of the 2018 Quỳnh Lưu inspection (seed article), optionally padded
// with synthetic findings: a fixed input for template previews, tests and the report benchmark.
// It shows the fields the bundled templates read (see docs/templates.md, "Data fields").
#pragma once

#include <cstddef>

#include "core/report/Data.hpp"

namespace par::report {

// The sample notice's data; with `findings` above the sample's own count, synthetic findings (each
// with one remediation action) are appended up to that number.
Data sampleNoticeData(size_t findings = 0);

}  // namespace par::report

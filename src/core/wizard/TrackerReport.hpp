// SPDX-License-Identifier: Apache-2.0
// TrackerReport.hpp - the data tree of the follow-up report "Báo cáo theo dõi kết quả khắc phục"
// (templates/theo-doi-khac-phuc.xml; fields listed in docs/tracking.md) for the rows the tracker
// shows. The same fields as `par-audit track --format pdf`; the GUI renders it with the PDF engine.
#pragma once

#include "core/report/Data.hpp"
#include "core/wizard/TrackerState.hpp"

namespace par::wizard {

report::Data followUpReportData(const TrackerState& state);

}  // namespace par::wizard

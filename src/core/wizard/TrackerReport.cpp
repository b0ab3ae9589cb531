// SPDX-License-Identifier: Apache-2.0
#include "core/wizard/TrackerReport.hpp"

#include "core/report/FollowUpData.hpp"

namespace par::wizard {

report::Data followUpReportData(const TrackerState& state) {
    return report::followUpData(state.view(), state.agencyParent(), state.agencyName(),
                                state.scopeText());
}

}  // namespace par::wizard

// FollowUpData.hpp - the data tree of the follow-up report "Báo cáo theo dõi kết quả khắc phục"
// (templates/theo-doi-khac-phuc.xml; fields listed in docs/tracking.md) for a view of the register.
// One builder for `par-audit track --format pdf` and the desktop tracker's PDF export.
#pragma once

#include <string>

#include "core/report/Data.hpp"
#include "core/tracking/RegisterFormats.hpp"

namespace par::report {

// `scope` is the sentence that says which actions the view holds ("Đơn vị: …. Chỉ các hành động
// quá hạn."), empty for all of them.
Data followUpData(const track::RegisterView& view, const std::string& agencyParent,
                  const std::string& agencyName, const std::string& scope);

}  // namespace par::report

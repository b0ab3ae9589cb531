// SPDX-License-Identifier: Apache-2.0
// FollowUpData.hpp - the data tree of the follow-up report "Báo cáo theo dõi kết quả khắc phục"
// (templates/theo-doi-khac-phuc.xml; fields listed in docs/tracking.md) for a view of the register.
// One builder for `par-audit track --format pdf` and the desktop tracker's PDF export.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/report/Data.hpp"
#include "core/tracking/RegisterFormats.hpp"

namespace par::report {

// The report as a state document (Decree 30/2020): its number and symbol ("12/BC-SNV"), place and
// date, who signs it and for whom, and its recipients. Empty parts print as blanks to fill by hand.
struct FollowUpDocument {
    std::string number, symbol, place;
    std::optional<Date> date;
    std::string signer, signerTitle, signFor;
    std::vector<std::string> recipients;  // "Lưu: VT" is added last when absent
};

// `scope` is the sentence that says which actions the view holds ("Đơn vị: …. Chỉ các hành động
// quá hạn."), empty for all of them.
Data followUpData(const track::RegisterView& view, const std::string& agencyParent,
                  const std::string& agencyName, const std::string& scope,
                  const FollowUpDocument& document = {});

}  // namespace par::report

// TrackingFixtures.hpp - a small audit with findings and a dated notice, and the standard calendar,
// shared by the tracking tests.
#pragma once

#include "core/calendar/WorkingCalendar.hpp"
#include "core/model/Audit.hpp"

namespace par::test {

inline const cal::WorkingCalendar& calendar() {
    static const cal::WorkingCalendar c = cal::WorkingCalendar::standard();
    return c;
}

inline Finding finding(const std::string& id, const std::string& text, const std::string& rec,
                       const std::string& deadline, const std::string& responsible) {
    Finding f;
    f.id = id;
    f.origin = FindingOrigin::Manual;
    f.category = "c";
    f.area = "procedures";
    f.text = text;
    f.recommendation = {rec, *DeadlineRule::parse(deadline), responsible};
    return f;
}

// Notice 05/TB-SNV of 2018-12-05; three findings, two units.
inline Audit trackedAudit(const std::string& id = "T-1") {
    Audit a;
    a.id = id;
    a.unit = {"UBND huyện Quỳnh Lưu", "huyen", "district", "Nghệ An"};
    a.body = {"UBND TỈNH NGHỆ AN", "SỞ NỘI VỤ", "SNV", "Nghệ An"};
    a.form = {"cchc-huyen", "1", ""};
    a.notice.number = "05";
    a.notice.symbol = "TB-SNV";
    a.notice.date = Date(2018, 12, 5);
    a.findings.push_back(finding("F-001", "Thủ tục 1.001612 yêu cầu thừa thành phần hồ sơ.",
                                 "Bãi bỏ thành phần hồ sơ thừa.", "30 working-days", ""));
    a.findings.push_back(finding("F-002", "Phòng Nội vụ còn theo quy định cũ.",
                                 "Ban hành lại quy định chức năng, nhiệm vụ.", "15 calendar-days",
                                 "Phòng Nội vụ huyện Quỳnh Lưu"));
    a.findings.push_back(
        finding("F-003", "Chưa có sáng kiến CCHC.", "Đề xuất sáng kiến.", "2019-03-31", ""));
    return a;
}

}  // namespace par::test

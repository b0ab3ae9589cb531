// SPDX-License-Identifier: Apache-2.0
// TrackingFixtures.hpp - a small audit with findings and a dated notice, and the standard calendar,
// shared by the tracking tests.
#pragma once

#include <vector>

#include "core/calendar/WorkingCalendar.hpp"
#include "core/model/Audit.hpp"
#include "core/tracking/ActionPlan.hpp"

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

// trackedAudit() with its actions made.
inline Audit withActions(const std::string& id = "T-1") {
    Audit a = trackedAudit(id);
    track::makeActions(a, calendar());
    return a;
}

// A workspace of two audits, as the register and the tracker tests read it on 2019-02-01.
// T-1 (Quỳnh Lưu, notice 5/12/2018): A-001 reported 10/1 and accepted, A-002 (Phòng Nội vụ, due
// 20/12/2018) overdue, A-003 due 31/3/2019. T-2 (Ngọc Sơn, notice 10/1/2019): A-002 due 25/1
// overdue, A-003 due 12/2/2019 (two working days after 1/2: Tết).
inline std::vector<Audit> trackedWorkspace() {
    Audit t1 = withActions("T-1");
    ActionReport r;
    r.date = Date(2019, 1, 10);
    r.doc = "15/BC-UBND";
    track::reportAction(t1.actions[0], r, "x");
    track::acceptAction(t1.actions[0], "tp");
    Audit t2 = trackedAudit("T-2");
    t2.unit.name = "UBND xã Ngọc Sơn";
    t2.notice.date = Date(2019, 1, 10);
    t2.findings[2].recommendation.deadline = *DeadlineRule::parse("2019-02-12");
    track::makeActions(t2, calendar());
    return {t1, t2};
}

}  // namespace par::test

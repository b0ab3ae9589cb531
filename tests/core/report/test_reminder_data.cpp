// SPDX-License-Identifier: Apache-2.0
// The reminder letters' data (ReminderData.hpp): which units get a letter, which actions it lists,
// the days overdue on the working-day calendar, the document parts and what a letter for signing
// lacks.
#include <catch2/catch.hpp>

#include "core/calendar/WorkingCalendar.hpp"
#include "core/common/Dates.hpp"
#include "core/report/ReminderData.hpp"
#include "core/tracking/ActionPlan.hpp"

using namespace par;

namespace {
const cal::WorkingCalendar& calendar() {
    static const cal::WorkingCalendar c = cal::WorkingCalendar::standard();
    return c;
}

Action action(const std::string& id, const std::string& unit, Date deadline,
              ActionStatus status = ActionStatus::Open) {
    Action a;
    a.id = id;
    a.finding = "F-001";
    a.responsible = unit;
    a.content = "Nội dung " + id;
    a.deadlineRule = *DeadlineRule::parse(isoDate(deadline));
    a.deadline = deadline;
    a.status = status;
    return a;
}

track::Register workspace(Date asOf) {
    Audit a;
    a.id = "T-1";
    a.unit = {"UBND huyện Quỳnh Lưu", "huyen", "district", "Nghệ An"};
    a.body = {"UBND TỈNH NGHỆ AN", "SỞ NỘI VỤ", "SNV", "Nghệ An"};
    a.notice.number = "05";
    a.notice.symbol = "TB-SNV";
    a.notice.date = Date(2018, 12, 5);
    a.actions = {action("A-001", "UBND xã Tân Thành", Date(2018, 12, 19)),
                 action("A-002", "UBND xã Tân Thạnh", Date(2019, 3, 1)),
                 action("A-003", "UBND xã Xa Hạn", Date(2019, 12, 31)),
                 action("A-004", "UBND xã Tân Thành", Date(2018, 12, 20), ActionStatus::Reported),
                 action("A-005", "UBND xã Đã Xong", Date(2018, 12, 20), ActionStatus::Accepted),
                 action("A-006", "ubnd xã  TÂN THÀNH", Date(2019, 1, 17), ActionStatus::Reopened)};
    return track::Register::fromAudits({a}, asOf, calendar());
}
}  // namespace

TEST_CASE("one reminder per unit with pending overdue or soon-due actions", "[report][remind]") {
    Date asOf(2019, 2, 20);
    track::Register reg = workspace(asOf);
    report::ReminderOptions o;
    o.asOf = asOf;
    o.agencyParent = "UBND TỈNH NGHỆ AN";
    o.agencyName = "SỞ NỘI VỤ";
    auto rs = report::reminders(reg.entries, calendar(), o);
    REQUIRE(rs.size() == 2);  // Tân Thành, Tân Thạnh; not Xa Hạn, Đã Xong
    const report::Reminder* thanh = nullptr;
    const report::Reminder* thanhDot = nullptr;
    for (const auto& r : rs) {
        if (r.unit == "UBND xã Tân Thạnh")
            thanhDot = &r;
        else
            thanh = &r;
    }
    REQUIRE(thanh != nullptr);
    REQUIRE(thanhDot != nullptr);
    // A-004 is reported (awaiting verification): never reminded. A-006's name differs by case and
    // spacing only: the same unit.
    REQUIRE(thanh->entries.size() == 2);
    CHECK(thanh->overdue == 2);
    CHECK(thanhDot->overdue == 0);
    const auto& rows = thanh->data.path("notices")->items().at(0).path("rows")->items();
    REQUIRE(rows.size() == 2);
    // 19/12/2018 → 20/02/2019: 39 working days (Tết 2019 and New Year skipped), as `track` counts.
    CHECK(rows[0].path("id")->str() == "A-001");
    CHECK(rows[0].path("days")->str() == "39");
    CHECK(rows[0].path("deadline")->str() == "19/12/2018");
    CHECK(rows[1].path("note")->str() == "(Đoàn kiểm tra yêu cầu thực hiện lại)");
    CHECK(thanh->data.path("notices")->items().at(0).path("number")->str() == "05/TB-SNV");
    CHECK(thanh->data.path("situation")->str() == "đã quá thời hạn");
    const auto& soon = thanhDot->data.path("notices")->items().at(0).path("rows")->items();
    CHECK(soon.at(0).path("days")->str() == "Chưa quá hạn (còn 7 ngày làm việc)");
    CHECK(soon.at(0).path("overdue")->str().empty());
    CHECK(thanhDot->data.path("situation")->str() == "sắp đến hạn");
    // "Như trên" first, "Lưu: VT." last.
    const auto& rec = thanh->data.path("recipients")->items();
    CHECK(rec.front().path("text")->str() == "Như trên;");
    CHECK(rec.back().path("text")->str() == "Lưu: VT.");

    // --soon 0: only what is overdue.
    o.soonDays = 0;
    CHECK(report::reminders(reg.entries, calendar(), o).size() == 1);
    // Before every deadline: nobody.
    o.asOf = Date(2018, 12, 6);
    CHECK(report::reminders(workspace(o.asOf).entries, calendar(), o).empty());
}

TEST_CASE("a reminder for signing needs its number, symbol, date, place and signer",
          "[report][remind]") {
    report::ReminderDocument d;
    auto missing = report::reminderMissingParts(d);
    CHECK(missing.size() == 6);
    CHECK(missing.front() == "số văn bản (--number)");
    d.number = "5";
    d.symbol = "SNV-CCHC";
    d.date = Date(2019, 2, 21);
    d.place = "Nghệ An";
    d.signer = "Lê Đình Lý";
    d.signerTitle = "PHÓ GIÁM ĐỐC";
    CHECK(report::reminderMissingParts(d).empty());

    Date asOf(2019, 2, 20);
    report::ReminderOptions o;
    o.asOf = asOf;
    o.document = d;
    auto rs = report::reminders(workspace(asOf).entries, calendar(), o);
    REQUIRE(!rs.empty());
    CHECK(rs[0].data.path("doc.number")->str() == "05");
    CHECK(rs[0].data.path("doc.date")->str() == "ngày 21 tháng 02 năm 2019");
    CHECK(rs[0].data.path("draft.mark")->str().empty());
}

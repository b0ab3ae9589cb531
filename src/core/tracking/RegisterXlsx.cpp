// SPDX-License-Identifier: Apache-2.0
// RegisterXlsx.cpp - the register as an Excel workbook through libxlsxwriter: sheet "Hành động"
// (one row per action, real Excel dates, frozen header, autofilter) and sheet "Tổng hợp" (one row
// per responsible unit and the total). libxlsxwriter writes to a file name only, so the workbook
// goes to a private temporary file whose bytes are returned.
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <ctime>

#include "core/common/AtomicFile.hpp"
#include "core/common/Platform.hpp"
#include "core/tracking/ExcelDate.hpp"
#include "core/common/Text.hpp"
#include "core/tracking/RegisterFormats.hpp"

namespace par::track {

namespace {
struct TempFile {
    std::string path;
    TempFile() {
        const char* dir = std::getenv("TMPDIR");
        std::string tmpl =
            std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/par-register-XXXXXX";
        int fd = ::mkstemp(tmpl.data());
        if (fd < 0)
            throw IoError(
                fmt(tr("{}: không tạo được tệp tạm", "{}: cannot create a temporary file"), tmpl));
        ::close(fd);
        path = tmpl;
    }
    ~TempFile() { ::unlink(path.c_str()); }
};
}  // namespace

std::string registerXlsx(const RegisterView& v) {
    TempFile tmp;
    lxw_workbook* wb = workbook_new(tmp.path.c_str());
    if (wb == nullptr)
        throw IoError(
            fmt(tr("{}: libxlsxwriter không tạo được bảng tính", "{}: libxlsxwriter failed"),
                tmp.path));

    lxw_doc_properties props{};
    std::string title =
        fmt(tr("Theo dõi kết quả khắc phục đến ngày {}", "Remediation register as of {}"),
            vietnameseDate(v.asOf));
    props.title = const_cast<char*>(title.c_str());
    props.author = const_cast<char*>("par-audit");
    std::tm tm{};
    tm.tm_year = v.asOf.year() - 1900;
    tm.tm_mon = v.asOf.month() - 1;
    tm.tm_mday = v.asOf.day();
    props.created = platform::utcSeconds(tm);  // reproducible: the as-of date, not the clock
    workbook_set_properties(wb, &props);

    lxw_format* header = workbook_add_format(wb);
    format_set_bold(header);
    format_set_text_wrap(header);
    format_set_bg_color(header, 0xDDEBF7);
    format_set_border(header, LXW_BORDER_THIN);
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "dd/mm/yyyy");
    lxw_format* wrap = workbook_add_format(wb);
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
    lxw_format* late = workbook_add_format(wb);
    format_set_font_color(late, LXW_COLOR_RED);
    format_set_bold(late);
    lxw_format* percent = workbook_add_format(wb);
    format_set_num_format(percent, "0.0%");

    lxw_worksheet* ws = workbook_add_worksheet(wb, tr("Hành động", "Actions"));
    const char* heads[] = {tr("Đơn vị chịu trách nhiệm", "Responsible unit"),
                           tr("Đợt kiểm tra", "Audit"),
                           tr("Đơn vị được kiểm tra", "Inspected unit"),
                           tr("Thông báo", "Notice"),
                           tr("Mã hành động", "Action"),
                           tr("Phát hiện", "Finding"),
                           tr("Nội dung", "Content"),
                           tr("Thời hạn", "Deadline"),
                           tr("Trạng thái", "Status"),
                           tr("Quá hạn (ngày làm việc)", "Working days overdue"),
                           tr("Ngày báo cáo", "Report date"),
                           tr("Số văn bản báo cáo", "Report document"),
                           tr("Lịch nghỉ dự kiến", "Forecast calendar")};
    const double widths[] = {30, 18, 26, 12, 10, 10, 60, 12, 16, 12, 12, 18, 30};
    const int cols = static_cast<int>(sizeof heads / sizeof heads[0]);
    for (int c = 0; c < cols; ++c) {
        worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), heads[c], header);
        worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c],
                             c == 6 ? wrap : nullptr);
    }
    lxw_row_t row = 1;
    for (const auto& e : v.entries) {
        const Action& a = e.action();
        worksheet_write_string(ws, row, 0, a.responsible.c_str(), nullptr);
        worksheet_write_string(ws, row, 1, e.auditId().c_str(), nullptr);
        worksheet_write_string(ws, row, 2, e.inspectedUnit().c_str(), nullptr);
        worksheet_write_string(ws, row, 3, e.noticeRef().c_str(), nullptr);
        worksheet_write_string(ws, row, 4, a.id.c_str(), nullptr);
        worksheet_write_string(ws, row, 5, a.finding.c_str(), nullptr);
        worksheet_write_string(ws, row, 6, a.content.c_str(), wrap);
        if (a.deadline) {
            lxw_datetime d = excelDate(*a.deadline);
            worksheet_write_datetime(ws, row, 7, &d, date);
        }
        worksheet_write_string(ws, row, 8, actionStatusLabel(a.status), nullptr);
        worksheet_write_number(ws, row, 9, e.daysOverdue, e.overdue ? late : nullptr);
        if (a.report.date) {
            lxw_datetime d = excelDate(*a.report.date);
            worksheet_write_datetime(ws, row, 10, &d, date);
        }
        worksheet_write_string(ws, row, 11, a.report.doc.c_str(), nullptr);
        if (auto note = forecastNote(v, e); !note.empty())
            worksheet_write_string(ws, row, 12, note.c_str(), wrap);
        ++row;
    }
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_autofilter(ws, 0, 0, row > 1 ? row - 1 : 1, static_cast<lxw_col_t>(cols - 1));

    lxw_worksheet* ss = workbook_add_worksheet(wb, tr("Tổng hợp", "Summary"));
    const char* sheads[] = {tr("Đơn vị", "Unit"),
                            tr("Số hành động", "Actions"),
                            tr("Chưa hoàn thành", "Open"),
                            tr("Quá hạn", "Overdue"),
                            tr("Đã báo cáo", "Reported"),
                            tr("Hoàn thành", "Accepted"),
                            tr("Hoàn thành đúng hạn", "Accepted on time"),
                            tr("Tỷ lệ đúng hạn", "On-time rate")};
    for (int c = 0; c < 8; ++c) {
        worksheet_write_string(ss, 0, static_cast<lxw_col_t>(c), sheads[c], header);
        worksheet_set_column(ss, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                             c == 0 ? 36 : 14, nullptr);
    }
    row = 1;
    for (const auto& u : v.units) {
        lxw_format* f = u.unit.empty() ? header : nullptr;
        worksheet_write_string(ss, row, 0,
                               u.unit.empty() ? tr("Tổng cộng", "Total") : u.unit.c_str(), f);
        int nums[] = {u.actions, u.open, u.overdue, u.reported, u.accepted, u.acceptedOnTime};
        for (int c = 0; c < 6; ++c)
            worksheet_write_number(ss, row, static_cast<lxw_col_t>(c + 1), nums[c], f);
        if (auto r = u.onTimeRate())
            worksheet_write_number(ss, row, 7, *r, percent);
        else
            worksheet_write_string(ss, row, 7, "—", nullptr);
        ++row;
    }
    worksheet_freeze_panes(ss, 1, 0);

    lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR)
        throw IoError(
            fmt(tr("{}: libxlsxwriter: {}", "{}: libxlsxwriter: {}"), tmp.path, lxw_strerror(err)));
    return readFile(tmp.path);
}

}  // namespace par::track

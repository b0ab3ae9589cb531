// SPDX-License-Identifier: Apache-2.0
// The Excel form of the ranking (libxlsxwriter). libxlsxwriter 1.1.4 writes only to a named file,
// so the workbook goes to a private temporary file whose bytes are returned; the caller saves them
// atomically where the user asked.
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>

#ifdef _WIN32
#include "core/common/Platform.hpp"  // mkstemps
#endif
#include "core/common/AtomicFile.hpp"
#include "core/common/Text.hpp"
#include "core/scoring/RankingFormats.hpp"

namespace par::scoring {

namespace {

void check(lxw_error e, const char* what) {
    if (e != LXW_NO_ERROR)
        throw IoError(
            fmt(tr("không tạo được tệp Excel ({}): {}", "cannot build the Excel file ({}): {}"),
                what, lxw_strerror(e)));
}

// A temporary file removed when the object dies.
class TempFile {
public:
    TempFile() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "par-audit-XXXXXX.xlsx").u8string();
        int fd = mkstemps(pattern.data(), 5);
        if (fd < 0)
            throw IoError(tr("không tạo được tệp tạm", "cannot create a temporary file"));
        ::close(fd);
        path_ = pattern;
    }
    ~TempFile() {
        std::error_code ec;
        std::filesystem::remove(std::filesystem::u8path(path_), ec);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

void writeRanking(lxw_workbook* wb, const Ranking& r) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, tr("Xếp hạng", "Ranking"));
    lxw_format* title = workbook_add_format(wb);
    format_set_bold(title);
    format_set_font_size(title, 13);
    lxw_format* head = workbook_add_format(wb);
    format_set_bold(head);
    format_set_text_wrap(head);
    format_set_align(head, LXW_ALIGN_CENTER);
    format_set_align(head, LXW_ALIGN_VERTICAL_CENTER);
    format_set_border(head, LXW_BORDER_THIN);
    format_set_bg_color(head, 0xDDE4EE);
    lxw_format* text = workbook_add_format(wb);
    format_set_border(text, LXW_BORDER_THIN);
    lxw_format* num = workbook_add_format(wb);
    format_set_border(num, LXW_BORDER_THIN);
    format_set_num_format(num, "0.00");
    lxw_format* change = workbook_add_format(wb);
    format_set_border(change, LXW_BORDER_THIN);
    format_set_num_format(change, "+0.00;-0.00;0.00");
    lxw_format* integer = workbook_add_format(wb);
    format_set_border(integer, LXW_BORDER_THIN);
    format_set_align(integer, LXW_ALIGN_CENTER);

    worksheet_write_string(ws, 0, 0, rankingTitle(r).c_str(), title);
    worksheet_write_string(ws, 1, 0, bandsDescription(r.bands).c_str(), nullptr);

    const lxw_row_t headRow = 3;
    std::vector<std::string> heads{
        tr("Hạng", "Rank"),
        tr("Đồng hạng", "Tied"),
        tr("Đơn vị", "Unit"),
        tr("Loại", "Type"),
        tr("Tổng điểm", "Total"),
        tr("Xếp loại", "Band"),
        fmt(tr("Tổng điểm năm {}", "Total {}"), std::to_string(r.year - 1)),
        tr("Thay đổi", "Change"),
        tr("Đã chấm", "Assessed")};
    for (const auto& a : r.areas)
        heads.push_back(a.label + " (%)");
    for (size_t c = 0; c < heads.size(); ++c)
        worksheet_write_string(ws, headRow, static_cast<lxw_col_t>(c), heads[c].c_str(), head);
    worksheet_set_row(ws, headRow, 60, nullptr);

    lxw_row_t row = headRow + 1;
    for (const auto& e : r.entries) {
        worksheet_write_number(ws, row, 0, e.rank, integer);
        worksheet_write_string(ws, row, 1, e.tied ? tr("có", "yes") : "", integer);
        worksheet_write_string(ws, row, 2, e.unitName.c_str(), text);
        worksheet_write_string(ws, row, 3, e.unitType.c_str(), text);
        worksheet_write_number(ws, row, 4, roundScore(e.total), num);
        const std::string band = e.provisional && !e.band.empty()
                                     ? e.band + tr(" (tạm tính)", " (provisional)")
                                     : e.band;
        worksheet_write_string(ws, row, 5, band.c_str(), text);
        if (e.previousTotal)
            worksheet_write_number(ws, row, 6, roundScore(*e.previousTotal), num);
        else
            worksheet_write_blank(ws, row, 6, num);
        if (auto c = e.change())
            worksheet_write_number(ws, row, 7, *c, change);
        else
            worksheet_write_blank(ws, row, 7, change);
        const std::string assessed =
            std::to_string(e.assessed) + "/" + std::to_string(e.assessable);
        worksheet_write_string(ws, row, 8, assessed.c_str(), integer);
        for (size_t i = 0; i < e.areas.size(); ++i) {
            lxw_col_t col = static_cast<lxw_col_t>(9 + i);
            if (e.areas[i])
                worksheet_write_number(ws, row, col, roundScore(e.areas[i]->percent()), num);
            else
                worksheet_write_blank(ws, row, col, num);
        }
        ++row;
    }
    worksheet_set_column(ws, 0, 1, 8, nullptr);
    worksheet_set_column(ws, 2, 2, 36, nullptr);
    worksheet_set_column(ws, 3, 3, 10, nullptr);
    worksheet_set_column(ws, 4, 8, 12, nullptr);
    if (!r.areas.empty())
        worksheet_set_column(ws, 9, static_cast<lxw_col_t>(9 + r.areas.size() - 1), 16, nullptr);
    worksheet_freeze_panes(ws, headRow + 1, 3);
}

void writeNotes(lxw_workbook* wb, const Ranking& r) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, tr("Ghi chú", "Notes"));
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    worksheet_set_column(ws, 0, 0, 28, nullptr);
    worksheet_set_column(ws, 1, 1, 100, nullptr);
    lxw_row_t row = 0;
    auto put = [&](const std::string& a, const std::string& b, lxw_format* f = nullptr) {
        worksheet_write_string(ws, row, 0, a.c_str(), f);
        if (!b.empty())
            worksheet_write_string(ws, row, 1, b.c_str(), nullptr);
        ++row;
    };
    put(bandsDescription(r.bands), "", bold);
    for (const auto& b : r.bands.bands)
        put(b.displayLabel(), b.range());
    ++row;
    put(tr("Lĩnh vực", "Areas"),
        tr("Cột lĩnh vực: tỷ lệ % điểm đạt trên điểm tối đa của những tiêu chí đã chấm trong lĩnh "
           "vực. \"Đã chấm\": tiêu chí đã chấm / tiêu chí phải chấm; dưới ngưỡng min-coverage "
           "của thang thì điểm là tạm tính.",
           "Area columns: percent of the maximum of the criteria assessed in the area. "
           "\"Assessed\": criteria assessed / criteria to assess; below the scale's min-coverage "
           "the total is provisional."),
        bold);
    for (size_t i = 0; i < r.areas.size(); ++i)
        put(areaNumeral(i + 1), r.areas[i].label);
    ++row;
    if (!r.ties.empty()) {
        put(tr("Đồng hạng", "Ties"), "", bold);
        for (const auto& t : r.tieExplanations())
            put("", t);
        ++row;
    }
    if (!r.notes.empty()) {
        put(tr("Lưu ý", "Notes"), "", bold);
        for (const auto& n : r.notes)
            put("", n);
    }
}

}  // namespace

std::string rankingXlsx(const Ranking& r) {
    TempFile tmp;
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    std::string tmpdir = std::filesystem::temp_directory_path().u8string();
    options.tmpdir = tmpdir.data();
    lxw_workbook* wb = workbook_new_opt(tmp.path().c_str(), &options);
    if (wb == nullptr)
        throw IoError(tr("không tạo được tệp Excel", "cannot create the Excel file"));
    writeRanking(wb, r);
    writeNotes(wb, r);
    check(workbook_close(wb), "workbook_close");
    return readFile(tmp.path());
}

}  // namespace par::scoring

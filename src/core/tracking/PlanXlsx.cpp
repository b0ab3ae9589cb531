// SPDX-License-Identifier: Apache-2.0
#include "core/tracking/PlanXlsx.hpp"

#include <sys/stat.h>
#include <tinyxml2.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <cstdlib>
#include <ctime>
#include <map>
#include <set>

#include "core/common/AtomicFile.hpp"
#include "core/common/Error.hpp"
#include "core/common/Sha256.hpp"
#include "core/common/Platform.hpp"
#include "core/tracking/ExcelDate.hpp"
#include "core/common/Text.hpp"
#include "core/dossier/XlsxReader.hpp"
#include "core/tracking/PlanExchange.hpp"

namespace par::track {

const char* const kPlanSheet = "Kế hoạch";
const char* const kAnswerSheet = "Trả lời";
const char* const kDataSheet = "Dữ liệu";

namespace {
constexpr const char* kDataHeader = "par-audit plan";
constexpr size_t kChunk = 30000;  // bytes per cell; Excel holds at most 32,767 characters
// Answer sheet columns.
enum Col { kId = 0, kContent, kDeadline, kDate, kDoc, kNote, kFingerprint, kCols };
const char* const kAnswerHeads[kCols] = {"Mã hành động", "Nội dung khắc phục", "Thời hạn",
                                         "Ngày báo cáo (DD/MM/YYYY)", "Số văn bản báo cáo",
                                         "Ghi chú", "Mã kiểm tra"};

std::string statusText(const PlanAction& a) {
    return actionStatusLabel(a.action.status);
}

// A private file for libxlsxwriter, which writes to a path only; removed when done.
struct ScratchFile {
    std::string path;
    ScratchFile() {
        const char* dir = std::getenv("TMPDIR");
        TemporaryFile t = createTemporary(
            std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/par-plan.xlsx", 0600);
        ::close(t.fd);
        path = t.path;
    }
    ~ScratchFile() { ::unlink(path.c_str()); }
};

std::string cellName(int col, long row) {
    std::string letters;
    for (int c = col + 1; c > 0; c = (c - 1) / 26)
        letters.insert(letters.begin(), char('A' + (c - 1) % 26));
    return std::string(kAnswerSheet) + "!" + letters + std::to_string(row);
}

// A spreadsheet date serial (whole days) to a date: the 1900 system counts 1900-02-29, which never
// was (serial 60); the 1904 system starts on 1904-01-01.
std::optional<Date> serialDate(std::string_view text, bool date1904) {
    char* end = nullptr;
    std::string s(text);
    double v = std::strtod(s.c_str(), &end);
    if (end == s.c_str() || *end != '\0' || v < 1 || v > 2958465)
        return std::nullopt;
    long days = static_cast<long>(v);
    try {
        if (date1904)
            return Date(1904, 1, 1) + boost::gregorian::days(days);
        if (days == 60)
            return std::nullopt;
        return (days < 60 ? Date(1899, 12, 31) : Date(1899, 12, 30)) + boost::gregorian::days(days);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

bool isNumber(std::string_view s) {
    if (s.empty())
        return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || c == '.' || c == 'E' || c == 'e' || c == '-' || c == '+'))
            return false;
    return true;
}

// "FILE: Trả lời!D5: …", the file first as in every par-audit message.
std::vector<std::string> withFile(const std::string& path, std::vector<std::string> lines) {
    for (auto& l : lines)
        l = path + ": " + l;
    return lines;
}

struct CoreProperties {
    std::string modified;  // local time, "YYYY-MM-DDTHH:MM:SS"; "" when absent
    std::string modifiedBy;
};

// docProps/core.xml: when and by whom the workbook was last saved (Excel, LibreOffice and openpyxl
// write it; W3CDTF in UTC).
CoreProperties coreProperties(const std::string& path) {
    CoreProperties out;
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
    if (z == nullptr)
        return out;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(z, "docProps/core.xml", 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) != 0 &&
        st.size < (1u << 20)) {
        std::string xml(static_cast<size_t>(st.size), '\0');
        if (zip_file_t* f = zip_fopen(z, "docProps/core.xml", 0)) {
            if (zip_fread(f, xml.data(), st.size) == static_cast<zip_int64_t>(st.size)) {
                tinyxml2::XMLDocument doc;
                if (doc.Parse(xml.data(), xml.size()) == tinyxml2::XML_SUCCESS &&
                    doc.RootElement() != nullptr) {
                    for (auto* e = doc.RootElement()->FirstChildElement(); e != nullptr;
                         e = e->NextSiblingElement()) {
                        // Local names: the prefixes (cp:, dcterms:) are conventions, not rules.
                        std::string name = e->Name();
                        if (size_t colon = name.find(':'); colon != std::string::npos)
                            name = name.substr(colon + 1);
                        std::string text = e->GetText() != nullptr ? trim(e->GetText()) : "";
                        if (name == "lastModifiedBy")
                            out.modifiedBy = text;
                        std::tm tm{};
                        if (name == "modified" && platform::parseIsoDateTime(text, tm)) {
                            std::time_t t = platform::utcSeconds(tm);
                            std::tm local{};
                            localtime_r(&t, &local);
                            char buf[32];
                            std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &local);
                            out.modified = buf;
                        }
                    }
                }
            }
            zip_fclose(f);
        }
    }
    zip_discard(z);
    if (out.modified.empty()) {
        struct stat s {};
        if (::stat(path.c_str(), &s) == 0) {
            std::tm local{};
            localtime_r(&s.st_mtime, &local);
            char buf[32];
            std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &local);
            out.modified = buf;
        }
    }
    return out;
}
}  // namespace

std::string planXlsx(const PlanFile& plan, const std::string& agencyName) {
    ScratchFile tmp;
    lxw_workbook* wb = workbook_new(tmp.path.c_str());
    if (wb == nullptr)
        throw IoError(fmt(tr("{}: libxlsxwriter không tạo được bảng tính", "{}: libxlsxwriter failed"),
                          tmp.path));
    lxw_doc_properties props{};
    std::string title = "Kế hoạch khắc phục - " + plan.unit;
    props.title = const_cast<char*>(title.c_str());
    props.author = const_cast<char*>("par-audit");
    std::tm tm{};
    if (platform::parseIsoDateTime(plan.exportedAt, tm))
        props.created = platform::utcSeconds(tm);  // reproducible: the export's time, not the clock
    workbook_set_properties(wb, &props);

    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format* title14 = workbook_add_format(wb);
    format_set_bold(title14);
    format_set_font_size(title14, 14);
    lxw_format* header = workbook_add_format(wb);
    format_set_bold(header);
    format_set_text_wrap(header);
    format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(header, 0xDDEBF7);
    format_set_border(header, LXW_BORDER_THIN);
    lxw_format* wrap = workbook_add_format(wb);
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(wrap, LXW_BORDER_THIN);
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "dd/mm/yyyy");
    format_set_align(date, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(date, LXW_BORDER_THIN);
    // The cells the clerk fills: unlocked, text (a date typed "10/01/2019" stays as typed, never
    // re-read as 1 October by an Excel set to another locale), yellow.
    lxw_format* input = workbook_add_format(wb);
    format_set_unlocked(input);
    format_set_num_format(input, "@");
    format_set_text_wrap(input);
    format_set_align(input, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(input, LXW_BORDER_THIN);
    format_set_bg_color(input, 0xFFF2CC);

    // Sheet 1: the plan, to read.
    lxw_worksheet* ps = workbook_add_worksheet(wb, kPlanSheet);
    lxw_row_t r = 0;
    if (!agencyName.empty())
        worksheet_write_string(ps, r++, 0, agencyName.c_str(), bold);
    worksheet_write_string(ps, r++, 0, "KẾ HOẠCH KHẮC PHỤC SAU KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH",
                           title14);
    std::string line = "Đơn vị thực hiện: " + plan.unit;
    worksheet_write_string(ps, r++, 0, line.c_str(), bold);
    line = "Thông báo kết luận" + (plan.noticeNumber.empty() ? "" : " số " + plan.noticeNumber) +
           (plan.noticeDate ? " ngày " + vietnameseDate(*plan.noticeDate) : "") +
           " - kiểm tra tại " + plan.inspectedUnit;
    worksheet_write_string(ps, r++, 0, line.c_str(), nullptr);
    line = "Cách trả lời: điền trang \"" + std::string(kAnswerSheet) +
           "\" (ngày báo cáo dạng DD/MM/YYYY, số văn bản, ghi chú) cho từng nội dung đã thực "
           "hiện, lưu tệp (giữ dạng .xlsx) và gửi lại cho Đoàn kiểm tra. Không sửa các cột khác.";
    worksheet_write_string(ps, r++, 0, line.c_str(), nullptr);
    ++r;
    const char* heads[] = {"STT", "Mã", "Phát hiện", "Nội dung khắc phục", "Thời hạn",
                           "Tình trạng", "Ghi chú của Đoàn kiểm tra", "Báo cáo đã nhận"};
    const double widths[] = {6, 9, 45, 55, 12, 16, 40, 30};
    for (int c = 0; c < 8; ++c) {
        worksheet_write_string(ps, r, lxw_col_t(c), heads[c], header);
        worksheet_set_column(ps, lxw_col_t(c), lxw_col_t(c), widths[c], nullptr);
    }
    const lxw_row_t planHeader = r++;
    int no = 0;
    for (const PlanAction& a : plan.actions) {
        worksheet_write_number(ps, r, 0, ++no, wrap);
        worksheet_write_string(ps, r, 1, a.action.id.c_str(), wrap);
        worksheet_write_string(ps, r, 2, a.findingText.c_str(), wrap);
        worksheet_write_string(ps, r, 3, a.action.content.c_str(), wrap);
        if (a.action.deadline) {
            lxw_datetime d = excelDate(*a.action.deadline);
            worksheet_write_datetime(ps, r, 4, &d, date);
        } else {
            worksheet_write_string(ps, r, 4, "", wrap);
        }
        worksheet_write_string(ps, r, 5, statusText(a).c_str(), wrap);
        std::string notes;
        for (const InspectorNote& n : a.notes)
            notes += (notes.empty() ? "" : "\n") +
                     std::string(n.kind == InspectorNote::Kind::Reopen ? "Yêu cầu làm lại"
                                                                        : "Gia hạn") +
                     (n.date ? " " + vietnameseDate(*n.date) : "") + ": " + n.text;
        worksheet_write_string(ps, r, 6, notes.c_str(), wrap);
        std::string held;
        if (a.action.report.date)
            held = vietnameseDate(*a.action.report.date) +
                   (a.action.report.doc.empty() ? "" : ", " + a.action.report.doc);
        worksheet_write_string(ps, r, 7, held.c_str(), wrap);
        ++r;
    }
    worksheet_freeze_panes(ps, planHeader + 1, 0);
    lxw_protection pp{};
    worksheet_protect(ps, nullptr, &pp);

    // Sheet 2: the answers.
    lxw_worksheet* as = workbook_add_worksheet(wb, kAnswerSheet);
    const double aw[kCols] = {12, 55, 12, 16, 20, 45, 20};
    for (int c = 0; c < kCols; ++c) {
        worksheet_write_string(as, 0, lxw_col_t(c), kAnswerHeads[c], header);
        if (c == kFingerprint) {
            lxw_row_col_options hidden{};
            hidden.hidden = 1;
            worksheet_set_column_opt(as, lxw_col_t(c), lxw_col_t(c), aw[c], nullptr, &hidden);
        } else {
            worksheet_set_column(as, lxw_col_t(c), lxw_col_t(c), aw[c],
                                 c == kDate || c == kDoc || c == kNote ? input : nullptr);
        }
    }
    r = 1;
    for (const PlanAction& a : plan.actions) {
        worksheet_write_string(as, r, kId, a.action.id.c_str(), wrap);
        worksheet_write_string(as, r, kContent, a.action.content.c_str(), wrap);
        if (a.action.deadline) {
            lxw_datetime d = excelDate(*a.action.deadline);
            worksheet_write_datetime(as, r, kDeadline, &d, date);
        } else {
            worksheet_write_string(as, r, kDeadline, "", wrap);
        }
        worksheet_write_blank(as, r, kDate, input);
        worksheet_write_blank(as, r, kDoc, input);
        worksheet_write_blank(as, r, kNote, input);
        worksheet_write_string(as, r, kFingerprint, a.fingerprint.c_str(), nullptr);
        ++r;
    }
    if (!plan.actions.empty()) {
        lxw_data_validation v{};
        v.validate = LXW_VALIDATION_TYPE_ANY;
        v.input_title = const_cast<char*>("Ngày báo cáo");
        // The rule the import applies (reportDateProblem), told where the clerk types (Excel keeps
        // at most 255 bytes of it).
        std::string message = "Ngày ban hành văn bản báo cáo, dạng DD/MM/YYYY, ví dụ 10/01/2019";
        if (plan.noticeDate)
            message += "; không trước ngày thông báo kết luận " + vietnameseDate(*plan.noticeDate);
        message += "; không sau ngày gửi báo cáo.";
        v.input_message = const_cast<char*>(message.c_str());
        worksheet_data_validation_range(as, 1, kDate, r - 1, kDate, &v);
    }
    worksheet_freeze_panes(as, 1, 1);
    lxw_protection ap{};
    ap.format_columns = 1;  // widen a column, the clerk may
    ap.format_rows = 1;
    worksheet_protect(as, nullptr, &ap);
    worksheet_activate(as);

    // Sheet 3 (hidden): the plan file itself.
    lxw_worksheet* ds = workbook_add_worksheet(wb, kDataSheet);
    worksheet_write_string(ds, 0, 0, kDataHeader, nullptr);
    std::string xml = plan.toXml();
    lxw_row_t dr = 1;
    for (size_t at = 0; at < xml.size();) {
        size_t n = std::min(kChunk, xml.size() - at);
        while (n < xml.size() - at && n > 0 && (static_cast<unsigned char>(xml[at + n]) & 0xC0) == 0x80)
            --n;  // never cut a UTF-8 sequence
        std::string piece = xml.substr(at, n);
        worksheet_write_string(ds, dr++, 0, piece.c_str(), nullptr);
        at += n;
    }
    lxw_protection dp{};
    worksheet_protect(ds, nullptr, &dp);
    worksheet_hide(ds);

    lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR)
        throw IoError(fmt("{}: libxlsxwriter: {}", tmp.path, lxw_strerror(err)));
    return readFile(tmp.path);
}

bool isWorkbook(const std::string& path) {
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
    if (z == nullptr)
        return false;
    bool yes = zip_name_locate(z, "xl/workbook.xml", 0) >= 0;
    zip_discard(z);
    return yes;
}

ResponsePackage readWorkbookResponse(const std::string& path) {
    // The plan, from the hidden sheet.
    std::string xml;
    {
        std::vector<std::string> names = dossier::XlsxReader::sheetNames(path);
        if (std::find(names.begin(), names.end(), kDataSheet) == names.end() ||
            std::find(names.begin(), names.end(), kAnswerSheet) == names.end())
            throw ParseError({path, 0, 0},
                             fmt(tr("không phải bảng tính kế hoạch của par-audit (cần trang \"{}\" và "
                                    "trang ẩn \"{}\"); hãy dùng tệp .xlsx do `plan export --format "
                                    "xlsx` tạo",
                                    "not a par-audit plan workbook (sheets \"{}\" and hidden \"{}\" "
                                    "are needed); use the .xlsx made by `plan export --format xlsx`"),
                                 kAnswerSheet, kDataSheet));
        dossier::XlsxReader data(path, kDataSheet);
        if (data.header().empty() || data.header()[0] != kDataHeader)
            throw ParseError({path + ":" + kDataSheet, 1, 1},
                             tr("trang dữ liệu ẩn đã bị sửa (ô A1); hãy xuất lại kế hoạch",
                                "the hidden data sheet was altered (cell A1); export the plan again"));
        dossier::RawRecord rec;
        while (data.next(rec))
            if (!rec.fields.empty())
                xml += std::string(rec.fields[0]);
    }
    PlanFile plan = PlanFile::parse(xml, path + ":" + kDataSheet);
    if (plan.kind != PlanFile::Kind::Plan)
        throw ParseError({path + ":" + kDataSheet, 1, 1},
                         tr("trang dữ liệu ẩn không chứa kế hoạch; hãy xuất lại kế hoạch",
                            "the hidden data sheet holds no plan; export the plan again"));

    // The answers.
    dossier::XlsxReader sheet(path, kAnswerSheet);
    std::vector<std::string> problems;
    const auto& head = sheet.header();
    for (int c : {kId, kDate, kDoc, kNote, kFingerprint})
        if (size_t(c) >= head.size() || trim(head[size_t(c)]) != kAnswerHeads[c])
            problems.push_back(fmt(tr("{}: tiêu đề cột phải là \"{}\" (cột đã bị chèn, xoá hoặc đổi "
                                      "chỗ); hãy điền lại trên tệp kế hoạch gốc",
                                      "{}: the column heading must be \"{}\" (a column was inserted, "
                                      "deleted or moved); fill in the original plan file again"),
                                   cellName(c, sheet.headerLine()), kAnswerHeads[c]));
    if (!problems.empty())
        throw ImportRefused(withFile(path, problems));

    struct Answer {
        std::string id;
        ActionReport report;
    };
    std::vector<Answer> answers;
    std::set<std::string> seen;
    dossier::RawRecord rec;
    while (sheet.next(rec)) {
        auto field = [&](int c) {
            return size_t(c) < rec.fields.size() ? trim(rec.fields[size_t(c)]) : std::string();
        };
        const long row = rec.line;
        std::string id = field(kId), dateText = field(kDate), doc = field(kDoc),
                    note = field(kNote), fp = field(kFingerprint);
        const bool answered = !dateText.empty() || !doc.empty() || !note.empty();
        if (id.empty()) {
            if (answered)
                problems.push_back(fmt(tr("{}: dòng có trả lời nhưng không có mã hành động",
                                          "{}: a row with an answer but no action id"),
                                       cellName(kId, row)));
            continue;
        }
        const PlanAction* pa = plan.find(id);
        if (pa == nullptr) {
            problems.push_back(fmt(tr("{}: mã hành động '{}' không có trong kế hoạch",
                                      "{}: action id '{}' is not in the plan"),
                                   cellName(kId, row), id));
            continue;
        }
        if (!seen.insert(id).second) {
            problems.push_back(fmt(tr("{}: hành động {} xuất hiện hai lần", "{}: action {} appears twice"),
                                   cellName(kId, row), id));
            continue;
        }
        if (fp != pa->fingerprint) {
            problems.push_back(fmt(tr("{}: mã kiểm tra của {} không khớp kế hoạch (dòng đã bị sửa hoặc "
                                      "chép từ tệp khác); hãy điền lại trên tệp kế hoạch gốc",
                                      "{}: the check code of {} does not match the plan (the row "
                                      "was edited or copied from another file); fill in the "
                                      "original plan file again"),
                                   cellName(kFingerprint, row), id));
            continue;
        }
        if (!answered)
            continue;
        if (pa->action.status == ActionStatus::Accepted) {
            problems.push_back(fmt(tr("{}: {} đã được Đoàn kiểm tra công nhận hoàn thành; không báo "
                                      "cáo lại",
                                      "{}: {} was already accepted by the inspectors; no new report"),
                                   cellName(kDate, row), id));
            continue;
        }
        ActionReport report;
        if (dateText.empty()) {
            problems.push_back(fmt(tr("{}: thiếu ngày báo cáo của {} (đã ghi số văn bản hoặc ghi chú)",
                                      "{}: the report date of {} is missing (a document number or "
                                      "note was given)"),
                                   cellName(kDate, row), id));
            continue;
        }
        std::optional<Date> d = isNumber(dateText) ? serialDate(dateText, sheet.date1904())
                                                   : parseUserDate(dateText);
        if (!d) {
            problems.push_back(fmt(tr("{}: '{}' không phải ngày hợp lệ (DD/MM/YYYY, ví dụ 10/01/2019)",
                                      "{}: '{}' is not a valid date (DD/MM/YYYY, e.g. 10/01/2019)"),
                                   cellName(kDate, row), dateText));
            continue;
        }
        report.date = d;
        report.doc = doc;
        report.note = note;
        answers.push_back({id, report});
    }
    if (!problems.empty())
        throw ImportRefused(withFile(path, problems));
    if (answers.empty())
        throw ImportRefused({fmt(tr("{}: trang \"{}\" chưa có trả lời nào (cột Ngày báo cáo trống)",
                                    "{}: sheet \"{}\" holds no answer (the report date column is "
                                    "empty)"),
                                 path, kAnswerSheet)});

    CoreProperties props = coreProperties(path);
    PlanFile response = plan;
    response.file = path;
    for (const Answer& a : answers) {
        try {
            respond(response, a.id, ActionStatus::Reported, a.report, props.modifiedBy);
        } catch (const Error& e) {
            throw ImportRefused({fmt("{}: {}", path, e.what())});
        }
        // When the unit wrote it: the workbook's last save, not the moment of the import.
        if (PlanAction* pa = response.find(a.id); pa != nullptr && !props.modified.empty())
            pa->action.report.made = props.modified;
    }
    if (!props.modified.empty())
        response.respondedAt = props.modified;
    // The workbook is the response file: its id follows from its bytes, so importing the same
    // workbook twice is recognised as the same response (a random id would make it a new one).
    response.responseId = sha256Hex(readFile(path)).substr(0, 32);
    // Who filled it, as the workbook says (its last author); else the unit (the import's default),
    // never the login name of the inspector who imports it.
    response.declaredBy = props.modifiedBy;
    ResponsePackage pkg;
    pkg.xml = response.toXml();
    pkg.response = PlanFile::parse(pkg.xml, path);
    pkg.response.file = path;
    return pkg;
}

ResponsePackage readAnyResponse(const std::string& path) {
    return isWorkbook(path) ? readWorkbookResponse(path) : readResponsePackage(path);
}

}  // namespace par::track

// SPDX-License-Identifier: Apache-2.0
#include "core/scoring/RankingFormats.hpp"

#include <cstdio>
#include <sstream>

#include "core/common/Csv.hpp"
#include "core/common/Text.hpp"

namespace par::scoring {

std::string areaNumeral(size_t n) {
    static const std::pair<size_t, const char*> table[] = {
        {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}};
    std::string s;
    for (const auto& [v, sym] : table)
        while (n >= v) {
            s += sym;
            n -= v;
        }
    return s;
}

namespace {

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", roundScore(v));
    return buf;
}

std::string pad(const std::string& s, size_t width, bool right) {
    size_t w = displayWidth(s);
    if (w >= width)
        return s;
    std::string fill(width - w, ' ');
    return right ? fill + s : s + fill;
}

std::string rankLabel(const RankEntry& e) {
    return std::to_string(e.rank) + (e.tied ? "=" : "");
}

std::string bandText(const RankEntry& e) {
    if (e.band.empty())
        return "—";
    return e.provisional ? e.band + tr(" (tạm tính)", " (provisional)") : e.band;
}

std::string assessedText(const RankEntry& e) {
    return std::to_string(e.assessed) + "/" + std::to_string(e.assessable);
}

std::string changeText(const RankEntry& e) {
    if (auto c = e.change())
        return formatChange(*c);
    return "—";
}

}  // namespace

std::string rankingTitle(const Ranking& r) {
    std::string t = fmt(tr("XẾP HẠNG CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM {}",
                           "PUBLIC ADMINISTRATION REFORM RANKING {}"),
                        std::to_string(r.year));
    if (!r.type.empty())
        t += fmt(tr(" (loại đơn vị: {})", " (unit type: {})"), r.type);
    return t;
}

std::string bandsDescription(const BandScale& b) {
    std::string s = tr("Thang xếp loại: ", "Band scale: ");
    s += b.title.empty() ? b.id : b.title;
    bool saysSo =
        b.title.find("VÍ DỤ") != std::string::npos || b.title.find("EXAMPLE") != std::string::npos;
    if (b.example && !saysSo)
        s += tr(" — VÍ DỤ, không phải quy định", " — an EXAMPLE, not a regulation");
    if (!b.file.empty())
        s += " (" + b.file + ")";
    return s;
}

std::string rankingTable(const Ranking& r) {
    std::vector<std::string> head{
        tr("Hạng", "Rank"),       tr("Đơn vị", "Unit"),
        tr("Loại", "Type"),       tr("Tổng điểm", "Total"),
        tr("Xếp loại", "Band"),   fmt(tr("So với {}", "vs {}"), std::to_string(r.year - 1)),
        tr("Đã chấm", "Assessed")};
    for (size_t i = 0; i < r.areas.size(); ++i)
        head.push_back(areaNumeral(i + 1) + " %");
    std::vector<std::vector<std::string>> rows;
    for (const auto& e : r.entries) {
        std::vector<std::string> row{rankLabel(e),         e.unitName,  e.unitType,
                                     formatScore(e.total), bandText(e), changeText(e),
                                     assessedText(e)};
        for (const auto& a : e.areas)
            row.push_back(a ? formatScore(a->percent()) : "—");
        rows.push_back(std::move(row));
    }
    std::vector<size_t> widths(head.size(), 0);
    for (size_t c = 0; c < head.size(); ++c) {
        widths[c] = displayWidth(head[c]);
        for (const auto& row : rows)
            widths[c] = std::max(widths[c], displayWidth(row[c]));
    }
    auto rightAligned = [](size_t c) { return c == 0 || c == 3 || c >= 5; };
    std::ostringstream out;
    out << rankingTitle(r) << "\n" << bandsDescription(r.bands) << "\n\n";
    auto line = [&](const std::vector<std::string>& cells) {
        std::string l;
        for (size_t c = 0; c < cells.size(); ++c)
            l += (c ? "  " : "") + pad(cells[c], widths[c], rightAligned(c));
        while (!l.empty() && l.back() == ' ')
            l.pop_back();
        out << l << "\n";
    };
    line(head);
    size_t total = 0;
    for (size_t w : widths)
        total += w + 2;
    std::string rule;
    for (size_t i = 0; i + 2 < total; ++i)
        rule += "─";
    out << rule << "\n";
    for (const auto& row : rows)
        line(row);
    if (r.entries.empty())
        out << tr("(không có cuộc kiểm tra nào của năm này)", "(no audit in this year)") << "\n";
    out << "\n";
    for (size_t i = 0; i < r.areas.size(); ++i)
        out << areaNumeral(i + 1) << ": " << r.areas[i].label << "\n";
    out << tr("Cột lĩnh vực: tỷ lệ % điểm đạt trên điểm tối đa của những tiêu chí đã chấm trong "
              "lĩnh vực (so sánh được giữa các đơn vị); — : lĩnh vực không có tiêu chí nào được "
              "chấm.",
              "Area columns: percent of the maximum of the criteria assessed in the area "
              "(comparable across units); — : no criterion of the area assessed.")
        << "\n";
    out << fmt(tr("\"Đã chấm\": số tiêu chí đã chấm / số tiêu chí phải chấm; dưới {}% thì điểm và "
                  "xếp loại là tạm tính.",
                  "\"Assessed\": criteria assessed / criteria to assess; below {}% the total and "
                  "band are provisional."),
               formatScore(r.bands.minCoverage))
        << "\n";
    out << fmt(tr("\"So với {}\": thay đổi tổng điểm so với cuộc kiểm tra năm {} của cùng đơn vị; "
                  "— : không có.",
                  "\"vs {}\": change of the total since the same unit's audit of {}; — : none."),
               std::to_string(r.year - 1), std::to_string(r.year - 1))
        << "\n";
    if (!r.ties.empty())
        out << tr("Dấu = sau hạng: đồng hạng.", "= after a rank: tied.") << "\n";
    for (const auto& t : r.tieExplanations())
        out << t << "\n";
    for (const auto& n : r.notes)
        out << tr("Lưu ý: ", "Note: ") << n << "\n";
    return out.str();
}

std::string rankingCsv(const Ranking& r) {
    std::vector<std::string> head{
        tr("Hạng", "Rank"),
        tr("Đồng hạng", "Tied"),
        tr("Đơn vị", "Unit"),
        tr("Loại", "Type"),
        tr("Tổng điểm", "Total"),
        tr("Xếp loại", "Band"),
        fmt(tr("Tổng điểm năm {}", "Total {}"), std::to_string(r.year - 1)),
        tr("Thay đổi", "Change"),
        tr("Tiêu chí đã chấm", "Criteria assessed"),
        tr("Tiêu chí phải chấm", "Criteria to assess"),
        tr("Tạm tính", "Provisional")};
    for (const auto& a : r.areas) {
        head.push_back(a.label + tr(" (%)", " (%)"));
        head.push_back(a.label + tr(" (điểm)", " (points)"));
        head.push_back(a.label + tr(" (tối đa)", " (max)"));
    }
    head.push_back(tr("Tệp", "File"));
    std::string out = kCsvBom;  // Excel then reads UTF-8
    auto line = [&](const std::vector<std::string>& cells) { appendCsvRow(out, cells); };
    line(head);
    for (const auto& e : r.entries) {
        std::vector<std::string> row{std::to_string(e.rank),
                                     e.tied ? tr("có", "yes") : "",
                                     e.unitName,
                                     e.unitType,
                                     number(e.total),
                                     e.band,
                                     e.previousTotal ? number(*e.previousTotal) : "",
                                     e.change() ? number(*e.change()) : "",
                                     std::to_string(e.assessed),
                                     std::to_string(e.assessable),
                                     e.provisional ? tr("có", "yes") : ""};
        for (const auto& a : e.areas) {
            row.push_back(a ? number(a->percent()) : "");
            row.push_back(a ? number(a->points) : "");
            row.push_back(a ? number(a->max) : "");
        }
        row.push_back(e.file);
        line(row);
    }
    return out;
}

nlohmann::json rankingJson(const Ranking& r) {
    using nlohmann::json;
    json j;
    j["year"] = r.year;
    j["type"] = r.type.empty() ? json(nullptr) : json(r.type);
    json bands = json::array();
    for (const auto& b : r.bands.bands)
        bands.push_back({{"id", b.id},
                         {"label", b.label},
                         {"from", b.from},
                         {"below", b.below ? json(*b.below) : json(nullptr)}});
    j["bands"] = {{"id", r.bands.id},
                  {"title", r.bands.title},
                  {"example", r.bands.example},
                  {"file", r.bands.file},
                  {"minCoverage", r.bands.minCoverage},
                  {"bands", bands}};
    j["areas"] = json::array();
    for (const auto& a : r.areas)
        j["areas"].push_back({{"id", a.id}, {"label", a.label}});
    j["entries"] = json::array();
    for (const auto& e : r.entries) {
        json areas = json::object();
        for (size_t i = 0; i < r.areas.size(); ++i) {
            const auto& a = e.areas[i];
            areas[r.areas[i].id] = a ? json{{"points", roundScore(a->points)},
                                            {"max", roundScore(a->max)},
                                            {"percent", roundScore(a->percent())}}
                                     : json(nullptr);
        }
        json prev = nullptr;
        if (e.previousTotal)
            prev = {{"year", r.year - 1},
                    {"total", roundScore(*e.previousTotal)},
                    {"file", e.previousFile}};
        j["entries"].push_back(
            {{"rank", e.rank},
             {"tied", e.tied},
             {"unit", {{"name", e.unitName}, {"type", e.unitType}}},
             {"total", roundScore(e.total)},
             {"band", e.band.empty() ? json(nullptr) : json(e.band)},
             {"bandId", e.bandId.empty() ? json(nullptr) : json(e.bandId)},
             {"previous", prev},
             {"change", e.change() ? json(*e.change()) : json(nullptr)},
             {"coverage", {{"assessed", e.assessed}, {"assessable", e.assessable}}},
             {"provisional", e.provisional},
             {"areas", areas},
             {"file", e.file}});
    }
    j["ties"] = json::array();
    for (const auto& t : r.ties)
        j["ties"].push_back({{"rank", t.rank}, {"total", t.total}, {"units", t.units}});
    j["explanations"] = r.tieExplanations();
    j["tieBreak"] = "name";
    j["notes"] = r.notes;
    return j;
}

nlohmann::json scoreJson(const AuditScore& s, const Audit& audit, const Form& form,
                         const Band* band, const BandScale& bands) {
    using nlohmann::json;
    json j;
    j["audit"] = audit.id;
    j["file"] = audit.file;
    j["unit"] = {{"name", audit.unit.name}, {"type", audit.unit.type}};
    j["form"] = {{"id", form.id}, {"version", form.version}};
    j["scorable"] = s.scorable;
    j["total"] = roundScore(s.total);
    j["band"] = band != nullptr ? json{{"id", band->id}, {"label", band->label}} : json(nullptr);
    j["bands"] = {{"id", bands.id},
                  {"example", bands.example},
                  {"file", bands.file},
                  {"minCoverage", bands.minCoverage}};
    j["coverage"] = {{"assessed", s.assessed},
                     {"assessable", s.assessable},
                     {"percent", roundScore(s.coverage())},
                     {"text", coverageText(s)}};
    j["provisional"] = s.provisional(bands.minCoverage);
    j["areas"] = json::array();
    for (const auto& a : s.areas)
        j["areas"].push_back({{"id", a.id},
                              {"label", a.label},
                              {"points", roundScore(a.points)},
                              {"max", roundScore(a.max)},
                              {"percent", roundScore(a.percent())}});
    j["sections"] = json::array();
    for (const auto& x : s.sections)
        j["sections"].push_back({{"id", x.id},
                                 {"area", x.area},
                                 {"label", x.label},
                                 {"weight", x.weight},
                                 {"share", x.share},
                                 {"points", x.points},
                                 {"penalties", x.penalties},
                                 {"max", x.max},
                                 {"assessed", x.assessed},
                                 {"assessable", x.assessable},
                                 {"contribution", roundScore(x.contribution())}});
    j["lost"] = json::array();
    for (const QuestionScore* q : lostPoints(s)) {
        const Question* fq = form.findQuestion(q->question);
        j["lost"].push_back({{"question", q->question},
                             {"label", fq != nullptr ? fq->label.get() : ""},
                             {"repeat", q->repeat.empty() ? json(nullptr) : json(q->repeat)},
                             {"instance", q->instance},
                             {"section", q->section},
                             {"state", itemStateName(q->state)},
                             {"answer", q->answer},
                             {"points", q->points},
                             {"max", q->max},
                             {"impact", roundScore(q->impact)}});
    }
    j["penalties"] = json::array();
    for (const auto& p : s.penalties)
        j["penalties"].push_back({{"finding", p.finding},
                                  {"rule", p.rule},
                                  {"key", p.key},
                                  {"area", p.area},
                                  {"section", p.section.empty() ? json(nullptr) : json(p.section)},
                                  {"text", p.text},
                                  {"penalty", p.penalty},
                                  {"offset", p.offset},
                                  {"offsetBy", p.offsetBy},
                                  {"applied", p.applied},
                                  {"impact", roundScore(p.impact)}});
    size_t removed = 0;
    j["notAssessed"] = json::array();
    for (const auto& q : s.questions) {
        removed += q.state == ItemState::NotApplicable || q.state == ItemState::NotRelevant;
        if (q.state == ItemState::NotAssessed)
            j["notAssessed"].push_back(
                {{"question", q.question},
                 {"repeat", q.repeat.empty() ? json(nullptr) : json(q.repeat)},
                 {"instance", q.instance},
                 {"section", q.section},
                 {"possible", q.possible}});
    }
    j["removedFromMaximum"] = removed;
    j["unsavedFindings"] = s.unsavedFindings;
    j["problems"] = json::array();
    for (const auto& p : s.problems.problems())
        j["problems"].push_back(p.str());
    return j;
}

}  // namespace par::scoring

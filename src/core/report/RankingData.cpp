// SPDX-License-Identifier: Apache-2.0
#include "core/report/RankingData.hpp"

#include "core/common/Text.hpp"
#include "core/scoring/RankingFormats.hpp"

namespace par::report {

using namespace par::scoring;

Data rankingData(const Ranking& r, std::size_t audits) {
    Data d;
    d["title"] = rankingTitle(r);
    d["year"] = std::to_string(r.year);
    d["previousYear"] = std::to_string(r.year - 1);
    d["type"] = r.type;
    d["agency"]["parent"] = r.body.parent;
    d["agency"]["name"] = r.body.name.empty()
                              ? std::string(tr("SỞ NỘI VỤ", "DEPARTMENT OF HOME AFFAIRS"))
                              : r.body.name;
    d["bands"]["description"] = bandsDescription(r.bands);
    d["bands"]["example"] = r.bands.example ? "true" : "";
    d["bands"]["items"] = Data::list();
    for (const auto& b : r.bands.bands) {
        Data item;
        item["label"] = b.displayLabel();
        item["range"] = b.range();
        d["bands"]["items"].push(std::move(item));
    }
    d["areas"] = Data::list();
    for (size_t i = 0; i < r.areas.size(); ++i) {
        Data a;
        a["numeral"] = areaNumeral(i + 1);
        a["label"] = r.areas[i].label;
        d["areas"].push(std::move(a));
    }
    d["rows"] = Data::list();
    for (const auto& e : r.entries) {
        Data row;
        row["rank"] = std::to_string(e.rank) + (e.tied ? "=" : "");
        row["unit"] = e.unitName;
        row["type"] = e.unitType;
        row["total"] = formatScore(e.total);
        row["band"] = e.band.empty()  ? std::string("—")
                      : e.provisional ? e.band + tr(" (tạm tính)", " (provisional)")
                                      : e.band;
        row["assessed"] = std::to_string(e.assessed) + "/" + std::to_string(e.assessable);
        row["change"] = e.change() ? formatChange(*e.change()) : "—";
        row["areas"] = Data::list();
        for (const auto& a : e.areas) {
            Data c;
            c["points"] = a ? formatScore(a->points) : "—";
            c["percent"] = a ? formatScore(a->percent()) : "—";
            row["areas"].push(std::move(c));
        }
        d["rows"].push(std::move(row));
    }
    d["explanations"] = Data::list();
    if (!r.ties.empty())
        d["explanations"].push(
            Data().set("text", tr("Dấu = sau hạng: đồng hạng.", "= after a rank: tied.")));
    for (const auto& t : r.tieExplanations())
        d["explanations"].push(Data().set("text", t));
    d["notes"] = Data::list();
    for (const auto& n : r.notes)
        d["notes"].push(Data().set("text", n));
    d["chart"] = kRankingChartMarker;
    d["footer"] = fmt(tr("Lập bằng par-audit từ {} tệp kiểm tra; điểm theo docs/scoring.md",
                         "Made with par-audit from {} audit files; scores per docs/scoring.md"),
                      std::to_string(audits));
    return d;
}


}  // namespace par::report

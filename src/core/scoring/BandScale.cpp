// SPDX-License-Identifier: Apache-2.0
#include "core/scoring/BandScale.hpp"

#include <algorithm>
#include <set>

#include "core/common/DataPaths.hpp"
#include "core/common/Text.hpp"
#include "core/common/XmlReader.hpp"
#include "core/scoring/Scorer.hpp"

namespace par::scoring {

const std::string& Band::displayLabel() const {
    return language() == Language::English && !labelEn.empty() ? labelEn : label;
}

std::string Band::range() const {
    if (!below)
        return "≥ " + formatScore(from);
    return fmt(tr("{} – dưới {}", "{} – below {}"), formatScore(from), formatScore(*below));
}

namespace {

BandScale read(const XmlReader& x) {
    BandScale scale;
    scale.file = x.fileName();
    const auto& root = x.root("bands");
    x.checkFormatVersion(root, kBandsFormatVersion, "bands");
    ValidationResult v;
    auto guarded = [&](auto f) -> decltype(f()) {
        try {
            return f();
        } catch (const ParseError& e) {
            v.error(e.where(), e.message());
            return {};
        }
    };
    scale.id = x.attrOr(root, "id", "");
    scale.example = guarded([&] { return x.boolAttr(root, "example", false); });
    if (auto m = guarded([&] { return x.optNumberAttr(root, "min-coverage"); })) {
        if (*m < 0 || *m > 100)
            v.error(x.at(root), fmt(tr("min-coverage phải trong khoảng 0 đến 100, không phải {}",
                                       "min-coverage must lie in 0-100, not {}"),
                                    formatScore(*m)));
        else
            scale.minCoverage = *m;
    }
    if (const auto* t = root.FirstChildElement("title"))
        scale.title = x.text(*t);

    std::set<std::string> labels;
    for (const auto& e : children(root, "band")) {
        Band b;
        b.where = x.at(e);
        b.id = x.attrOr(e, "id", "");
        b.label = x.attrOr(e, "label", "");
        b.labelEn = x.attrOr(e, "label-en", "");
        if (b.label.empty())
            v.error(b.where, tr("<band> thiếu nhãn 'label'", "<band> lacks its 'label'"));
        else if (!labels.insert(b.label).second)
            v.error(b.where, fmt(tr("nhãn '{}' bị trùng", "duplicate label '{}'"), b.label));
        auto from = guarded([&] { return x.optNumberAttr(e, "from"); });
        b.below = guarded([&] { return x.optNumberAttr(e, "below"); });
        if (!from) {
            if (e.Attribute("from") == nullptr)
                v.error(b.where, fmt(tr("mức '{}' thiếu ngưỡng 'from'",
                                        "band '{}' lacks its 'from' threshold"),
                                     b.label));
            continue;
        }
        b.from = *from;
        bool ok = true;
        for (double t : {b.from, b.below.value_or(0)})
            if (t < 0 || t > 100)
                ok = false;
        if (!ok) {
            v.error(b.where, fmt(tr("mức '{}': ngưỡng phải trong khoảng 0 đến 100",
                                    "band '{}': thresholds must lie in 0-100"),
                                 b.label));
            continue;
        }
        if (b.below && *b.below <= b.from) {
            v.error(b.where, fmt(tr("mức '{}': 'below' ({}) phải lớn hơn 'from' ({})",
                                    "band '{}': 'below' ({}) must be greater than 'from' ({})"),
                                 b.label, formatScore(*b.below), formatScore(b.from)));
            continue;
        }
        scale.bands.push_back(std::move(b));
    }
    if (scale.bands.empty() && v.ok())
        v.error(x.at(root),
                tr("thang xếp loại không có mức <band> nào", "the scale has no <band>"));

    // Lowest first for the checks; every band must end where the next one starts.
    std::vector<const Band*> asc;
    for (const auto& b : scale.bands)
        asc.push_back(&b);
    std::stable_sort(asc.begin(), asc.end(),
                     [](const Band* a, const Band* b) { return a->from < b->from; });
    if (!asc.empty() && asc.front()->from > 0)
        v.error(asc.front()->where,
                fmt(tr("không mức nào bắt đầu từ 0: tổng điểm dưới {} không được xếp loại",
                       "no band starts at 0: totals below {} would have no band"),
                    formatScore(asc.front()->from)));
    for (size_t i = 0; i < asc.size(); ++i) {
        const Band& b = *asc[i];
        if (i + 1 == asc.size()) {
            if (b.below)
                v.error(b.where,
                        fmt(tr("mức cao nhất '{}' không có 'below' (mức này gồm cả 100 điểm)",
                               "the highest band '{}' takes no 'below' (it includes 100)"),
                            b.label));
            break;
        }
        const Band& next = *asc[i + 1];
        if (next.from == b.from) {
            v.error(next.where, fmt(tr("mức '{}' và '{}' cùng ngưỡng 'from' {}",
                                       "bands '{}' and '{}' share the threshold {}"),
                                    b.label, next.label, formatScore(b.from)));
        } else if (!b.below) {
            v.error(b.where, fmt(tr("mức '{}' thiếu 'below' (mức tiếp theo '{}' bắt đầu từ {})",
                                    "band '{}' lacks 'below' (the next band '{}' starts at {})"),
                                 b.label, next.label, formatScore(next.from)));
        } else if (*b.below < next.from) {
            v.error(b.where,
                    fmt(tr("khoảng trống giữa mức '{}' và '{}': tổng điểm từ {} đến dưới {} không "
                           "được xếp loại",
                           "gap between bands '{}' and '{}': totals from {} to below {} would have "
                           "no band"),
                        b.label, next.label, formatScore(*b.below), formatScore(next.from)));
        } else if (*b.below > next.from) {
            v.error(b.where,
                    fmt(tr("mức '{}' chồng lên mức '{}' (từ {} đến dưới {})",
                           "band '{}' overlaps band '{}' (from {} to below {})"),
                        b.label, next.label, formatScore(next.from), formatScore(*b.below)));
        }
    }
    if (!v.ok()) {
        std::string msg = fmt(tr("thang xếp loại có {} lỗi:", "the band scale has {} errors:"),
                              std::to_string(v.errorCount()));
        for (const auto& p : v.problems())
            msg += "\n  " + p.str();
        throw ParseError({x.fileName(), 0, 0}, msg);
    }
    std::stable_sort(scale.bands.begin(), scale.bands.end(),
                     [](const Band& a, const Band& b) { return a.from > b.from; });
    return scale;
}

}  // namespace

BandScale BandScale::load(const std::string& path) {
    return read(XmlReader::load(path));
}

BandScale BandScale::parse(std::string_view xml, const std::string& name) {
    return read(XmlReader::parse(xml, name));
}

std::string BandScale::defaultPath() {
    return dataPath("bands/vi-du-mac-dinh.xml");
}

std::string bandLabel(const Band* band, bool provisional) {
    if (band == nullptr)
        return "—";
    return provisional ? band->displayLabel() + tr(" (tạm tính)", " (provisional)")
                       : band->displayLabel();
}

const Band* BandScale::classify(double total) const {
    double t = roundScore(total);
    for (const auto& b : bands)  // highest first
        if (t >= b.from && t <= 100 && (!b.below || t < *b.below))
            return &b;
    return nullptr;
}

}  // namespace par::scoring

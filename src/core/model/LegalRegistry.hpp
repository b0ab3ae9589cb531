// SPDX-License-Identifier: Apache-2.0
// LegalRegistry.hpp - legal texts with their issue and effective dates and what amended, replaced or
// repealed them. Makes the "outdated unit mandate" finding mechanical: a mandate that rests on a text
// changed after the mandate was issued is outdated.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/common/Dates.hpp"
#include "core/common/Error.hpp"

namespace par {

struct LegalText {
    std::string number;  // "37/2014/NĐ-CP"
    std::string kind;    // nghi-dinh, thong-tu, quyet-dinh, luat, ...
    std::string issuer;  // "Chính phủ", "Quốc hội", "Thủ tướng Chính phủ", ...
    std::string title;
    std::optional<Date> issued;
    std::optional<Date> effective;
    std::string confidence;  // H, M, L as in DOMAIN.md
    std::string source;
    std::vector<std::string> amendedBy;
    std::vector<std::string> replacedBy;
    std::optional<Date> repealed;
    std::string repealedBy;
    SourceLocation where;
};

struct LegalChange {
    enum class Kind { Amended, Replaced, Repealed };
    Kind kind;
    std::string text;  // the changed text
    std::string by;    // the amending / replacing / repealing text (may be empty for a repeal)
    Date effective;
    std::string textKind;  // registry kinds ("nghi-dinh"), for the wording
    std::string byKind;

    // "Nghị định số 37/2014/NĐ-CP đã được sửa đổi, bổ sung bởi Nghị định số 108/2020/NĐ-CP (hiệu lực từ …)"
    std::string describe() const;
};

class LegalRegistry {
public:
    static LegalRegistry load(const std::string& path);
    static LegalRegistry parse(const std::string& xml, const std::string& name);

    void merge(const LegalRegistry& other);
    // Checks cross references (amended-by names a text of the registry that has an effective date).
    ValidationResult validate() const;

    const LegalText* find(const std::string& number) const;  // loose match (case, diacritics, spaces)
    size_t size() const { return texts_.size(); }
    const std::map<std::string, LegalText>& texts() const { return texts_; }
    const ValidationResult& problems() const { return problems_; }

    // Changes to `number` in force after `after` and on or before `until` (sorted by date).
    std::vector<LegalChange> changesBetween(const std::string& number, const Date& after,
                                            const Date& until) const;

    // The text that governs on `date` what `number` governed: `number` itself while in force (an
    // amendment does not change which text is cited), else its replacement in force on that date,
    // followed along the chain (24/2014 → 45/2025 → 150/2025). nullptr when `number` is not in the
    // registry, not yet in force on `date` (its effective date, else its issue date, is later), or
    // repealed without a replacement by then. A text with neither date counts as in force.
    const LegalText* inForceOn(const std::string& number, const Date& date) const;

private:
    std::map<std::string, LegalText> texts_;  // by folded number
    ValidationResult problems_;
};

// "nghi-dinh" → "Nghị định"; unknown kinds are returned as they are.
std::string legalKindLabel(const std::string& kind);

// How a finding cites a registry entry: "Nghị định số 118/2025/NĐ-CP về thực hiện …" (the title's
// kind word followed by the number), "Luật Cán bộ, công chức số 80/2025/QH15" for laws and codes.
std::string legalCitation(const LegalText& text);

}  // namespace par

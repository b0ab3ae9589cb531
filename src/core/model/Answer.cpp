// SPDX-License-Identifier: Apache-2.0
#include "core/model/Answer.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "core/common/Dates.hpp"
#include "core/common/Text.hpp"

namespace par {

const Answer* AnswerSet::find(const std::string& questionId) const {
    auto it = answers.find(questionId);
    return it == answers.end() ? nullptr : &it->second;
}

bool Answer::operator==(const Answer& o) const {
    return question == o.question && na == o.na && value == o.value && rows == o.rows &&
           instances == o.instances;
}

bool operator==(const AnswerSet& a, const AnswerSet& b) { return a.answers == b.answers; }

namespace {
std::optional<double> parseNumber(const std::string& text, bool integer) {
    std::string t = trim(text);
    if (t.empty()) return std::nullopt;
    if (integer) {
        if (t.find_first_not_of("0123456789-") != std::string::npos) return std::nullopt;
        errno = 0;
        char* end = nullptr;
        long long v = std::strtoll(t.c_str(), &end, 10);
        if (*end != '\0' || errno == ERANGE) return std::nullopt;
        return static_cast<double>(v);
    }
    if (t.find_first_not_of("0123456789-.") != std::string::npos) return std::nullopt;
    char* end = nullptr;
    double v = std::strtod(t.c_str(), &end);
    if (*end != '\0' || !std::isfinite(v)) return std::nullopt;
    return v;
}

[[noreturn]] void badValue(const Question& q, const std::string& text) {
    throw UsageError(fmt(tr("câu '{}': giá trị '{}' không hợp lệ; cần {}",
                            "question '{}': invalid value '{}'; expected {}"),
                         q.id, text, expectedInputDescription(q)));
}
}  // namespace

expr::Value scalarValue(const Question& q, const std::string& fileForm) {
    if (fileForm.empty()) return {};
    switch (q.type) {
        case QuestionType::YesNo:
            if (fileForm == "yes") return expr::Value(true);
            if (fileForm == "no") return expr::Value(false);
            badValue(q, fileForm);
        case QuestionType::YesPartlyNo:
            if (fileForm == "yes" || fileForm == "partly" || fileForm == "no") return expr::Value(fileForm);
            badValue(q, fileForm);
        case QuestionType::Single:
            if (!q.choices.empty() && q.findChoice(fileForm) == nullptr) badValue(q, fileForm);
            return expr::Value(fileForm);
        case QuestionType::Multiple: {
            std::vector<expr::Value> list;
            for (auto& v : splitList(fileForm, ";")) {
                if (!q.choices.empty() && q.findChoice(v) == nullptr) badValue(q, v);
                list.emplace_back(v);
            }
            return expr::Value(std::move(list));
        }
        case QuestionType::Integer:
        case QuestionType::Decimal: {
            auto n = parseNumber(fileForm, q.type == QuestionType::Integer);
            if (!n) badValue(q, fileForm);
            return expr::Value(*n);
        }
        case QuestionType::Text: return expr::Value(fileForm);
        case QuestionType::Date: {
            auto d = parseIsoDate(fileForm);
            if (!d) badValue(q, fileForm);
            return expr::Value(*d);
        }
        case QuestionType::Table:
        case QuestionType::Repeat: break;
    }
    badValue(q, fileForm);
}

expr::Value answerValue(const Question& q, const Answer* a) {
    if (a == nullptr || a->na) return {};
    if (q.type == QuestionType::Table) {
        auto t = std::make_shared<expr::Table>();
        for (const auto& c : q.columns) t->columns.push_back(c.id);
        for (const auto& row : a->rows) {
            std::map<std::string, expr::Value> r;
            for (const auto& c : q.columns) {
                auto it = row.find(c.id);
                if (it != row.end()) r[c.id] = scalarValue(c, it->second);
            }
            t->rows.push_back(std::move(r));
        }
        return expr::Value(std::shared_ptr<const expr::Table>(t));
    }
    if (q.type == QuestionType::Repeat) {
        auto t = std::make_shared<expr::Table>();
        for (const auto& c : q.children) t->columns.push_back(c.id);
        for (const auto& inst : a->instances) {
            std::map<std::string, expr::Value> r;
            for (const auto& c : q.children) {
                const Answer* ca = inst.find(c.id);
                if (ca != nullptr) r[c.id] = answerValue(c, ca);
            }
            t->rows.push_back(std::move(r));
        }
        return expr::Value(std::shared_ptr<const expr::Table>(t));
    }
    return scalarValue(q, a->value);
}

std::string normaliseInput(const Question& q, const std::string& rawInput) {
    std::string input = nfc(trim(rawInput));
    if (input.empty()) return "";
    std::string key = foldKey(input);
    switch (q.type) {
        case QuestionType::YesNo:
            if (key == "yes" || key == "co" || key == "true" || key == "1" || key == "dung") return "yes";
            if (key == "no" || key == "khong" || key == "false" || key == "0" || key == "sai") return "no";
            badValue(q, input);
        case QuestionType::YesPartlyNo:
            if (key == "yes" || key == "co" || key == "day du" || key == "dat") return "yes";
            if (key == "partly" || key == "mot phan" || key == "chua day du") return "partly";
            if (key == "no" || key == "khong" || key == "chua") return "no";
            badValue(q, input);
        case QuestionType::Single:
            if (q.findChoice(input) != nullptr) return input;
            for (const auto& c : q.choices)
                if (foldKey(c.value) == key || foldKey(c.label.vi) == key) return c.value;
            badValue(q, input);
        case QuestionType::Multiple: {
            std::string out;
            for (const auto& part : splitList(input, ";,")) {
                Question single = q;
                single.type = QuestionType::Single;
                std::string v = normaliseInput(single, part);
                if (!out.empty()) out += ";";
                out += v;
            }
            return out;
        }
        case QuestionType::Integer: {
            std::string t = input;
            // "17.334" and "17 334" as Vietnamese write thousands.
            std::string digits;
            for (char c : t)
                if (c != '.' && c != ' ') digits += c;
            if (!parseNumber(digits, true)) badValue(q, input);
            return std::to_string(static_cast<long long>(*parseNumber(digits, true)));
        }
        case QuestionType::Decimal: {
            std::string t = input;
            for (char& c : t)
                if (c == ',') c = '.';
            if (!parseNumber(t, false)) badValue(q, input);
            return t;
        }
        case QuestionType::Text: return input;
        case QuestionType::Date: {
            auto d = parseUserDate(input);
            if (!d) badValue(q, input);
            return isoDate(*d);
        }
        case QuestionType::Table:
        case QuestionType::Repeat:
            throw UsageError(fmt(tr("câu '{}' là bảng: hãy trả lời từng ô, ví dụ {}.1.<cột>=giá trị",
                                    "question '{}' is a table: answer each cell, e.g. {}.1.<column>=value"),
                                 q.id, q.id));
    }
    badValue(q, input);
}

std::string expectedInputDescription(const Question& q) {
    auto range = [&]() -> std::string {
        if (q.min && q.max)
            return fmt(tr(" từ {} đến {}", " from {} to {}"), expr::Value(*q.min).display(),
                       expr::Value(*q.max).display());
        if (q.min) return fmt(tr(" không nhỏ hơn {}", " at least {}"), expr::Value(*q.min).display());
        if (q.max) return fmt(tr(" không lớn hơn {}", " at most {}"), expr::Value(*q.max).display());
        return "";
    };
    auto choiceList = [&]() {
        std::string s;
        for (const auto& c : q.choices) s += (s.empty() ? "" : ", ") + c.value;
        return s;
    };
    switch (q.type) {
        case QuestionType::YesNo: return tr("có/không (yes/no)", "yes/no");
        case QuestionType::YesPartlyNo: return tr("có/một phần/không (yes/partly/no)", "yes/partly/no");
        case QuestionType::Single: return fmt(tr("một trong: {}", "one of: {}"), choiceList());
        case QuestionType::Multiple:
            return fmt(tr("một hoặc nhiều giá trị, ngăn cách bởi ';': {}", "one or more of, separated by ';': {}"),
                       choiceList());
        case QuestionType::Integer: return tr("số nguyên", "an integer") + range();
        case QuestionType::Decimal: return tr("số", "a number") + range();
        case QuestionType::Text: return tr("văn bản", "text");
        case QuestionType::Date: return tr("ngày dạng DD/MM/YYYY hoặc YYYY-MM-DD", "a date as DD/MM/YYYY or YYYY-MM-DD");
        case QuestionType::Table: return tr("bảng", "a table");
        case QuestionType::Repeat: return tr("danh sách đơn vị", "a list of sub-units");
    }
    return "";
}

std::string answerLabel(const Question& q, const std::string& fileForm) {
    try {
        expr::Value v = scalarValue(q, fileForm);
        if (q.type == QuestionType::YesPartlyNo || q.type == QuestionType::YesNo) {
            if (fileForm == "yes" || fileForm == "true") return tr("có", "yes");
            if (fileForm == "partly") return tr("một phần", "partly");
            return tr("không", "no");
        }
        if (q.type == QuestionType::Single)
            if (const Choice* c = q.findChoice(fileForm)) return c->label.get();
        return v.display();
    } catch (const Error&) {
        return fileForm + tr(" (không hợp lệ)", " (invalid)");
    }
}

}  // namespace par

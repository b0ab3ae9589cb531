// SPDX-License-Identifier: Apache-2.0
#include "core/wizard/InputFormat.hpp"

#include "core/common/Dates.hpp"
#include "core/common/Text.hpp"
#include "core/model/Answer.hpp"

namespace par::wizard {

bool isChoiceType(QuestionType t) {
    return t == QuestionType::YesNo || t == QuestionType::YesPartlyNo || t == QuestionType::Single ||
           t == QuestionType::Multiple;
}

std::vector<IdLabel> choiceOptions(const Question& q) {
    switch (q.type) {
        case QuestionType::YesNo: return {{"yes", tr("Có", "Yes")}, {"no", tr("Không", "No")}};
        case QuestionType::YesPartlyNo:
            return {{"yes", tr("Có", "Yes")}, {"partly", tr("Một phần", "Partly")}, {"no", tr("Không", "No")}};
        case QuestionType::Single:
        case QuestionType::Multiple: {
            std::vector<IdLabel> out;
            for (const auto& c : q.choices) out.push_back({c.value, c.label.get()});
            return out;
        }
        default: return {};
    }
}

std::string displayValue(const Question& q, const std::string& fileForm) {
    if (fileForm.empty()) return "";
    switch (q.type) {
        case QuestionType::Date: {
            auto d = parseIsoDate(fileForm);
            return d ? vietnameseDate(*d) : fileForm;
        }
        case QuestionType::Decimal: {
            std::string s = fileForm;
            for (char& c : s)
                if (c == '.') c = ',';
            return s;
        }
        case QuestionType::YesNo:
        case QuestionType::YesPartlyNo:
        case QuestionType::Single: return labelOf(choiceOptions(q), fileForm);
        case QuestionType::Multiple: {
            std::string out;
            auto options = choiceOptions(q);
            for (const auto& v : splitList(fileForm, ";")) out += (out.empty() ? "" : "; ") + labelOf(options, v);
            return out;
        }
        default: return fileForm;
    }
}

std::string instanceTitle(const Question& repeat, const AnswerSet& instance, size_t index) {
    for (const auto& c : repeat.children) {
        if (c.type != QuestionType::Text) continue;
        const Answer* a = instance.find(c.id);
        if (a != nullptr && !a->value.empty()) return a->value;
    }
    return "#" + std::to_string(index + 1);
}

std::string messageUnderField(const std::string& message, const std::string& key) {
    const std::string prefix = key + ": ";
    return message.rfind(prefix, 0) == 0 && message.size() > prefix.size() ? message.substr(prefix.size()) : message;
}

}  // namespace par::wizard

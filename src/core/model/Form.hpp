// SPDX-License-Identifier: Apache-2.0
// Form.hpp - a checklist form as loaded from forms/*.xml: areas, finding categories, sections of
// questions (with tables and per-sub-unit repeats) and finding rules. See docs/forms.md.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/common/Error.hpp"
#include "core/common/Pattern.hpp"
#include "core/expr/Expression.hpp"
#include "core/expr/TextTemplate.hpp"
#include "core/model/Deadline.hpp"
#include "core/model/LocalizedText.hpp"

namespace par {

enum class QuestionType {
    YesNo,
    YesPartlyNo,
    Single,
    Multiple,
    Integer,
    Decimal,
    Text,
    Date,
    Table,
    Repeat,
};

// "yes-no", "table", ... (the file names of the types).
const char* questionTypeName(QuestionType t);
std::optional<QuestionType> parseQuestionType(const std::string& name);

struct Choice {
    std::string value;
    LocalizedText label;
    std::optional<double> score;
};

struct Constraint {
    std::optional<expr::Expression> test;  // absent for min/max/pattern, checked directly
    LocalizedText message;
};

// A question, a table column or a repeat. Columns use a subset of the fields (no relevance, no
// nested columns); a Repeat's `children` are the questions asked for each sub-unit.
struct Question {
    std::string id;
    QuestionType type = QuestionType::Text;
    LocalizedText label;
    LocalizedText help;
    bool required = false;
    bool naAllowed = false;
    std::optional<expr::Expression> relevant;
    std::optional<double> min, max;
    std::string pattern;
    std::optional<Pattern> compiledPattern;  // set by FormReader when `pattern` is valid
    std::vector<Constraint> constraints;
    std::vector<Choice> choices;
    std::vector<Question> columns;   // Table
    std::vector<Question> children;  // Repeat
    // Scoring (used by the scoring step).
    std::optional<double> points;
    std::map<std::string, double> answerScores;  // "yes" → 2, "partly" → 1, "no" → 0
    SourceLocation where;

    const Choice* findChoice(const std::string& value) const;
    const Question* findColumn(const std::string& id) const;
};

struct Section {
    std::string id;
    std::string area;
    LocalizedText label;
    double weight = 0;
    std::vector<Question> questions;
    SourceLocation where;
};

enum class Severity { High, Medium, Low };
const char* severityName(Severity s);  // "high", ...
std::optional<Severity> parseSeverity(const std::string& s);
std::string severityLabel(Severity s);  // "cao", "trung bình", "thấp" (tr)

struct LocalizedTemplate {
    std::optional<expr::TextTemplate> vi;
    std::optional<expr::TextTemplate> en;
    // The template in the current language, falling back to Vietnamese.
    const expr::TextTemplate* get() const;
};

// A <legal-basis> of a rule: the citation as written and, optionally, the registry number it cites
// (ref="118/2025/NĐ-CP"). With a ref the findings engine cites the text in force on the inspection
// date: it drops a text not yet in force and replaces a text replaced by then with its successor.
struct RuleLegalBasis {
    std::string text;
    std::string ref;
};

struct FindingRule {
    std::string id;
    std::string category;
    Severity severity = Severity::Medium;
    std::string area;
    std::string forEach;                 // table or repeat id; empty for a whole-audit rule
    std::optional<expr::Expression> key; // with forEach: identifies the row
    expr::Expression when;
    LocalizedTemplate text;
    std::vector<RuleLegalBasis> legalBasis;
    LocalizedTemplate recommendation;
    DeadlineRule deadline;
    std::optional<expr::TextTemplate> responsible;
    std::optional<double> penalty;
    SourceLocation where;
};

struct NamedItem {
    std::string id;
    LocalizedText label;
};

// A target the form's rules compare answers with (<thresholds>): a number with its label, unit and
// source, so a province edits the current target in one place and the findings can quote it.
// Expressions see it by its id, like an answer that is always given.
struct Threshold {
    std::string id;
    double value = 0;
    std::string unit;  // "%", "lần", ... (display only)
    LocalizedText label;
    std::string source;
    SourceLocation where;
};

class Form {
public:
    std::string id;
    std::string version;
    int formatVersion = 1;
    LocalizedText title;
    LocalizedText description;
    std::vector<std::string> unitTypes;
    std::vector<NamedItem> areas;
    std::vector<NamedItem> categories;
    std::vector<Threshold> thresholds;
    std::vector<Section> sections;
    std::vector<FindingRule> rules;
    std::string file;  // where it was loaded from

    // Any question by id, at the top level of a section or inside a repeat; nullptr if unknown.
    const Question* findQuestion(const std::string& id) const;
    // The repeat that holds question `id`, or nullptr when it is a top-level question.
    const Question* parentRepeat(const std::string& id) const;
    const Section* sectionOf(const std::string& questionId) const;
    const NamedItem* findArea(const std::string& id) const;
    const NamedItem* findCategory(const std::string& id) const;
    const FindingRule* findRule(const std::string& id) const;
    const Threshold* findThreshold(const std::string& id) const;

    // Number of questions (repeat children counted once; columns not counted; repeats and tables
    // count as one question each).
    size_t questionCount() const;

    // Rebuilds the id index; called by the reader after loading.
    void index();

private:
    std::map<std::string, const Question*> byId_;
    std::map<std::string, const Question*> parentOf_;
    std::map<std::string, const Section*> sectionOf_;
};

}  // namespace par

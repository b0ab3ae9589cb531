// SPDX-License-Identifier: Apache-2.0
#include "core/model/FormReader.hpp"

#include <set>

#include "core/common/Text.hpp"
#include "core/common/XmlReader.hpp"
#include "core/expr/Scope.hpp"
#include "core/model/FormTypes.hpp"

namespace par {

namespace {
using tinyxml2::XMLElement;

bool isIdentifier(const std::string& s) {
    if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
    return true;
}

// Collects every problem of one form file while building the Form.
class FormParser {
public:
    FormParser(const XmlReader& x, const expr::FunctionTable& fns) : x_(x), fns_(fns) {}

    FormLoad run() {
        auto form = std::make_shared<Form>();
        const XMLElement& root = x_.root("form");
        form->formatVersion = x_.checkFormatVersion(root, kFormFormatVersion, tr("biểu mẫu", "the form"));
        form->file = x_.fileName();
        form->id = required(root, "id");
        form->version = x_.attrOr(root, "version", "");
        form->unitTypes = splitList(x_.attrOr(root, "unit-types", ""), " ,");
        form->title = localized(root, "title", true);
        form->description = localized(root, "description", false);

        if (const XMLElement* areas = root.FirstChildElement("areas"))
            for (const auto& e : children(*areas, "area")) addNamed(e, form->areas, "area");
        if (const XMLElement* cats = root.FirstChildElement("categories"))
            for (const auto& e : children(*cats, "category")) addNamed(e, form->categories, "category");
        if (const XMLElement* ths = root.FirstChildElement("thresholds"))
            for (const auto& e : children(*ths, "threshold")) form->thresholds.push_back(threshold(e));

        for (const auto* e = root.FirstChildElement(); e != nullptr; e = e->NextSiblingElement()) {
            std::string_view n = e->Name();
            if (n == "section") form->sections.push_back(section(*e, *form));
            else if (n != "title" && n != "description" && n != "areas" && n != "categories" && n != "thresholds" &&
                     n != "rules")
                error(*e, fmt(tr("phần tử <{}> không được phép trong <form>", "element <{}> is not allowed in <form>"),
                              e->Name()));
        }
        if (form->sections.empty())
            error(root, tr("biểu mẫu không có phần (<section>) nào", "the form has no <section>"));
        if (const XMLElement* rules = root.FirstChildElement("rules"))
            for (const auto& e : children(*rules, "rule")) form->rules.push_back(rule(e, *form));
        form->index();
        checkExpressions(*form);

        FormLoad out;
        out.form = form;
        out.problems = std::move(result_);
        return out;
    }

private:
    void error(const XMLElement& e, const std::string& msg) { result_.error(x_.at(e), msg); }

    std::string required(const XMLElement& e, const char* name) {
        auto v = x_.optAttr(e, name);
        if (!v || trim(*v).empty()) {
            error(e, fmt(tr("<{}> thiếu thuộc tính bắt buộc '{}'", "<{}> lacks the required attribute '{}'"), e.Name(),
                         name));
            return "";
        }
        return trim(*v);
    }

    template <typename F>
    auto guarded(F f) -> decltype(f()) {
        try {
            return f();
        } catch (const ParseError& pe) {
            result_.error(pe.where(), pe.message());
        }
        return {};
    }

    LocalizedText localized(const XMLElement& parent, const char* name, bool requireVi) {
        LocalizedText t;
        for (const auto& e : children(parent, name)) {
            std::string lang = x_.attrOr(e, "lang", "vi");
            std::string& slot = lang == "en" ? t.en : t.vi;
            if (lang != "vi" && lang != "en") {
                error(e, fmt(tr("ngôn ngữ '{}' không được hỗ trợ (vi, en)", "unsupported language '{}' (vi, en)"), lang));
                continue;
            }
            if (!slot.empty())
                error(e, fmt(tr("<{}> lặp lại cho cùng ngôn ngữ '{}'", "<{}> repeated for language '{}'"), name, lang));
            slot = x_.text(e);
        }
        if (requireVi && t.vi.empty())
            error(parent, fmt(tr("<{}> thiếu <{}> tiếng Việt", "<{}> lacks a Vietnamese <{}>"), parent.Name(), name));
        return t;
    }

    void addNamed(const XMLElement& e, std::vector<NamedItem>& list, const char* what) {
        NamedItem item{required(e, "id"), {}};
        item.label.vi = x_.text(e);
        item.label.en = x_.attrOr(e, "en", "");
        for (const auto& other : list)
            if (other.id == item.id)
                error(e, fmt(tr("{} '{}' bị trùng", "duplicate {} '{}'"), what, item.id));
        list.push_back(std::move(item));
    }

    void claimId(const XMLElement& e, const std::string& id) {
        if (id.empty()) return;
        if (!isIdentifier(id))
            error(e, fmt(tr("mã '{}' không hợp lệ: chỉ dùng chữ cái không dấu, chữ số và '_', không bắt đầu bằng số",
                            "invalid id '{}': use ASCII letters, digits and '_', not starting with a digit"),
                         id));
        if (!ids_.insert(id).second) error(e, fmt(tr("mã '{}' bị trùng trong biểu mẫu", "duplicate id '{}' in the form"), id));
    }

    std::optional<expr::Expression> expression(const XMLElement& e, const char* attrName) {
        auto text = x_.optAttr(e, attrName);
        if (!text) return std::nullopt;
        if (trim(*text).empty()) {
            error(e, fmt(tr("thuộc tính '{}' rỗng", "attribute '{}' is empty"), attrName));
            return std::nullopt;
        }
        return guarded([&]() -> std::optional<expr::Expression> { return expr::Expression::parse(*text, x_.at(e)); });
    }

    std::optional<expr::TextTemplate> textTemplate(const XMLElement& e, const std::string& text) {
        return guarded([&]() -> std::optional<expr::TextTemplate> { return expr::TextTemplate::parse(text, x_.at(e)); });
    }

    Threshold threshold(const XMLElement& e) {
        Threshold t;
        t.where = x_.at(e);
        t.id = required(e, "id");
        claimId(e, t.id);  // one namespace with the questions: an expression name means one thing
        if (auto v = guarded([&] { return x_.optNumberAttr(e, "value"); })) t.value = *v;
        else if (!e.Attribute("value"))
            error(e, fmt(tr("ngưỡng '{}' thiếu giá trị (value)", "threshold '{}' lacks its value"), t.id));
        t.unit = x_.attrOr(e, "unit", "");
        t.label = localized(e, "label", true);
        if (const XMLElement* src = e.FirstChildElement("source")) t.source = x_.text(*src);
        return t;
    }

    Section section(const XMLElement& e, const Form& form) {
        Section s;
        s.where = x_.at(e);
        s.id = required(e, "id");
        claimId(e, s.id);
        s.area = required(e, "area");
        if (!s.area.empty() && form.findArea(s.area) == nullptr)
            error(e, fmt(tr("lĩnh vực '{}' không có trong <areas>", "area '{}' is not declared in <areas>"), s.area));
        s.weight = guarded([&] { return x_.optNumberAttr(e, "weight"); }).value_or(0);
        if (s.weight < 0) error(e, tr("trọng số không được âm", "the weight cannot be negative"));
        s.label = localized(e, "label", true);
        for (const auto* c = e.FirstChildElement(); c != nullptr; c = c->NextSiblingElement()) {
            std::string_view n = c->Name();
            if (n == "question") s.questions.push_back(question(*c, false));
            else if (n == "repeat") s.questions.push_back(repeat(*c));
            else if (n != "label")
                error(*c, fmt(tr("phần tử <{}> không được phép trong <section>", "element <{}> is not allowed in <section>"),
                              c->Name()));
        }
        return s;
    }

    Question repeat(const XMLElement& e) {
        Question r;
        r.type = QuestionType::Repeat;
        r.where = x_.at(e);
        r.id = required(e, "id");
        claimId(e, r.id);
        r.label = localized(e, "label", true);
        r.help = localized(e, "help", false);
        r.relevant = expression(e, "relevant");
        r.required = guarded([&] { return x_.boolAttr(e, "required", false); });
        r.min = guarded([&] { return x_.optNumberAttr(e, "min"); });
        r.max = guarded([&] { return x_.optNumberAttr(e, "max"); });
        for (const auto& q : children(e, "question")) r.children.push_back(question(q, false));
        if (r.children.empty())
            error(e, fmt(tr("<repeat> '{}' không có câu hỏi nào", "<repeat> '{}' has no question"), r.id));
        return r;
    }

    Question question(const XMLElement& e, bool isColumn) {
        Question q;
        q.where = x_.at(e);
        q.id = required(e, "id");
        if (!isColumn) claimId(e, q.id);
        std::string type = required(e, "type");
        if (auto t = parseQuestionType(type)) {
            q.type = *t;
            if (q.type == QuestionType::Repeat)
                error(e, tr("dùng phần tử <repeat> thay cho type=\"repeat\"", "use a <repeat> element, not type=\"repeat\""));
            if (isColumn && q.type == QuestionType::Table)
                error(e, tr("cột của bảng không thể là bảng", "a table column cannot be a table"));
        } else if (!type.empty()) {
            error(e, fmt(tr("kiểu câu hỏi '{}' không có; dùng yes-no, yes-partly-no, single, multiple, integer, "
                            "decimal, text, date, table",
                            "unknown question type '{}'; use yes-no, yes-partly-no, single, multiple, integer, "
                            "decimal, text, date, table"),
                         type));
        }
        q.label = localized(e, "label", true);
        q.help = localized(e, "help", false);
        q.required = guarded([&] { return x_.boolAttr(e, "required", false); });
        q.naAllowed = guarded([&] { return x_.boolAttr(e, "na-allowed", false); });
        if (!isColumn) q.relevant = expression(e, "relevant");
        else if (e.Attribute("relevant") != nullptr)
            error(e, tr("cột của bảng không có điều kiện 'relevant'", "table columns have no 'relevant' condition"));
        q.min = guarded([&] { return x_.optNumberAttr(e, "min"); });
        q.max = guarded([&] { return x_.optNumberAttr(e, "max"); });
        if (q.min && q.max && *q.min > *q.max) error(e, tr("min lớn hơn max", "min is greater than max"));
        if ((q.min || q.max) && q.type != QuestionType::Integer && q.type != QuestionType::Decimal &&
            q.type != QuestionType::Table)
            error(e, tr("min/max chỉ dùng cho câu hỏi số hoặc bảng", "min/max apply only to numbers and tables"));
        q.pattern = x_.attrOr(e, "pattern", "");
        if (!q.pattern.empty()) {
            if (q.type != QuestionType::Text)
                error(e, tr("pattern chỉ dùng cho câu hỏi kiểu text", "pattern applies only to text questions"));
            try {
                q.compiledPattern.emplace(q.pattern);  // compiled once, matched per answer
            } catch (const UsageError& bad) {
                error(e, bad.what());
            }
        }
        q.points = guarded([&] { return x_.optNumberAttr(e, "points"); });
        for (const char* k : {"yes", "partly", "no"}) {
            std::string attrName = std::string("score-") + k;
            if (auto v = guarded([&] { return x_.optNumberAttr(e, attrName.c_str()); })) q.answerScores[k] = *v;
        }
        if (!q.answerScores.empty() && q.type != QuestionType::YesNo && q.type != QuestionType::YesPartlyNo)
            error(e, tr("score-yes/partly/no chỉ dùng cho câu hỏi yes-no hoặc yes-partly-no",
                        "score-yes/partly/no apply only to yes-no and yes-partly-no questions"));
        if (q.answerScores.count("partly") != 0 && q.type == QuestionType::YesNo)
            error(e, tr("câu hỏi yes-no không có câu trả lời 'partly'", "a yes-no question has no 'partly' answer"));

        std::set<std::string> values;
        for (const auto& c : children(e, "choice")) {
            Choice ch;
            ch.value = required(c, "value");
            ch.label.vi = x_.text(c);
            ch.label.en = x_.attrOr(c, "en", "");
            ch.score = guarded([&] { return x_.optNumberAttr(c, "score"); });
            if (ch.value.find(';') != std::string::npos)
                error(c, tr("giá trị lựa chọn không được chứa ';'", "a choice value cannot contain ';'"));
            if (!values.insert(ch.value).second)
                error(c, fmt(tr("lựa chọn '{}' bị trùng", "duplicate choice '{}'"), ch.value));
            q.choices.push_back(std::move(ch));
        }
        bool needsChoices = q.type == QuestionType::Single || q.type == QuestionType::Multiple;
        if (needsChoices && q.choices.empty())
            error(e, fmt(tr("câu hỏi '{}' cần ít nhất một <choice>", "question '{}' needs at least one <choice>"), q.id));
        if (!needsChoices && !q.choices.empty())
            error(e, tr("<choice> chỉ dùng cho câu hỏi single hoặc multiple", "<choice> applies only to single and multiple"));

        for (const auto& c : children(e, "constraint")) {
            Constraint con;
            con.test = expression(c, "test");
            if (!c.Attribute("test")) error(c, tr("<constraint> thiếu thuộc tính 'test'", "<constraint> lacks 'test'"));
            con.message = localized(c, "message", true);
            q.constraints.push_back(std::move(con));
        }
        if (q.type == QuestionType::Table) {
            std::set<std::string> cols;
            for (const auto& c : children(e, "column")) {
                Question col = question(c, true);
                if (!col.id.empty() && !isIdentifier(col.id))
                    error(c, fmt(tr("mã cột '{}' không hợp lệ", "invalid column id '{}'"), col.id));
                if (!cols.insert(col.id).second)
                    error(c, fmt(tr("cột '{}' bị trùng", "duplicate column '{}'"), col.id));
                q.columns.push_back(std::move(col));
            }
            if (q.columns.empty())
                error(e, fmt(tr("bảng '{}' cần ít nhất một <column>", "table '{}' needs at least one <column>"), q.id));
        } else if (e.FirstChildElement("column") != nullptr) {
            error(e, tr("<column> chỉ dùng cho câu hỏi kiểu table", "<column> applies only to table questions"));
        }
        return q;
    }

    LocalizedTemplate localizedTemplate(const XMLElement& parent, bool requireVi) {
        LocalizedTemplate t;
        LocalizedText raw;
        for (const auto& e : children(parent, "text")) {
            std::string lang = x_.attrOr(e, "lang", "vi");
            auto tpl = textTemplate(e, x_.text(e));
            if (lang == "en") t.en = tpl;
            else t.vi = tpl;
            (lang == "en" ? raw.en : raw.vi) = x_.text(e);
        }
        if (requireVi && raw.vi.empty())
            error(parent, fmt(tr("<{}> thiếu <text> tiếng Việt", "<{}> lacks a Vietnamese <text>"), parent.Name()));
        return t;
    }

    FindingRule rule(const XMLElement& e, const Form& form) {
        FindingRule r;
        r.where = x_.at(e);
        r.id = required(e, "id");
        if (!r.id.empty() && !ids_.insert("rule:" + r.id).second)
            error(e, fmt(tr("quy tắc '{}' bị trùng", "duplicate rule '{}'"), r.id));
        r.category = required(e, "category");
        if (!r.category.empty() && form.findCategory(r.category) == nullptr)
            error(e, fmt(tr("loại phát hiện '{}' không có trong <categories>", "category '{}' is not declared in <categories>"),
                         r.category));
        std::string sev = x_.attrOr(e, "severity", "medium");
        if (auto s = parseSeverity(sev)) r.severity = *s;
        else error(e, fmt(tr("mức độ '{}' không hợp lệ (high, medium, low)", "invalid severity '{}' (high, medium, low)"), sev));
        r.area = required(e, "area");
        if (!r.area.empty() && form.findArea(r.area) == nullptr)
            error(e, fmt(tr("lĩnh vực '{}' không có trong <areas>", "area '{}' is not declared in <areas>"), r.area));
        r.forEach = x_.attrOr(e, "for-each", "");
        r.key = expression(e, "key");
        if (r.key && r.forEach.empty())
            error(e, tr("'key' chỉ dùng cùng 'for-each'", "'key' is used only with 'for-each'"));
        if (auto w = expression(e, "when")) r.when = std::move(*w);
        else if (!e.Attribute("when")) error(e, tr("<rule> thiếu điều kiện 'when'", "<rule> lacks its 'when' condition"));
        r.text = localizedTemplate(e, true);
        for (const auto& lb : children(e, "legal-basis")) {
            RuleLegalBasis b{x_.text(lb), trim(x_.attrOr(lb, "ref", ""))};
            if (b.text.empty() && !b.ref.empty())
                error(lb, tr("<legal-basis ref=\"…\"> cần nội dung trích dẫn (văn bản được ghi khi còn hiệu lực)",
                             "<legal-basis ref=\"…\"> needs its citation text (written while the text is in force)"));
            r.legalBasis.push_back(std::move(b));
        }
        if (const XMLElement* rec = e.FirstChildElement("recommendation")) {
            std::string dl = x_.attrOr(*rec, "deadline", "");
            if (auto d = DeadlineRule::parse(dl)) r.deadline = *d;
            else
                error(*rec, fmt(tr("thời hạn '{}' không hợp lệ; dùng 'N working-days', 'N calendar-days' hoặc YYYY-MM-DD",
                                   "invalid deadline '{}'; use 'N working-days', 'N calendar-days' or YYYY-MM-DD"),
                                dl));
            if (auto resp = x_.optAttr(*rec, "responsible")) r.responsible = textTemplate(*rec, *resp);
            r.recommendation = localizedTemplate(*rec, true);
        }
        r.penalty = guarded([&] { return x_.optNumberAttr(e, "penalty"); });
        return r;
    }

    void checkQuestion(const Form& form, const Question& q, const Question* repeat) {
        FormTypeScope scope(form, repeat);
        if (q.relevant) q.relevant->checkCondition(scope, fns_, result_);
        for (const auto& c : q.constraints)
            if (c.test) c.test->checkCondition(scope, fns_, result_);
        for (const auto& child : q.children) checkQuestion(form, child, &q);
    }

    void checkExpressions(const Form& form) {
        for (const auto& s : form.sections)
            for (const auto& q : s.questions) checkQuestion(form, q, nullptr);
        FormTypeScope top(form);
        for (const auto& r : form.rules) {
            const expr::TypeScope* scope = &top;
            std::optional<expr::RowTypeScope> row;
            expr::TypeInfo tableInfo;
            if (!r.forEach.empty()) {
                const Question* t = form.findQuestion(r.forEach);
                if (t == nullptr || (t->type != QuestionType::Table && t->type != QuestionType::Repeat) ||
                    form.parentRepeat(r.forEach) != nullptr) {
                    result_.error(r.where, fmt(tr("for-each '{}' không phải là bảng hay danh sách đơn vị của biểu mẫu",
                                                  "for-each '{}' is not a table or repeat of the form"),
                                               r.forEach));
                    continue;
                }
                tableInfo = answerTypeInfo(*t);
                row.emplace(tableInfo.columns, top);
                scope = &*row;
            }
            if (r.key) r.key->check(*scope, fns_, result_);
            r.when.checkCondition(*scope, fns_, result_);
            for (const auto* t : {&r.text, &r.recommendation}) {
                if (t->vi) t->vi->check(*scope, fns_, result_);
                if (t->en) t->en->check(*scope, fns_, result_);
            }
            if (r.responsible) r.responsible->check(*scope, fns_, result_);
        }
    }

    const XmlReader& x_;
    const expr::FunctionTable& fns_;
    ValidationResult result_;
    std::set<std::string> ids_;
};
}  // namespace

FormLoad FormReader::load(const std::string& path, const expr::FunctionTable& functions) {
    XmlReader x = XmlReader::load(path);
    return FormParser(x, functions).run();
}

FormLoad FormReader::parse(std::string_view xml, const std::string& name, const expr::FunctionTable& functions) {
    XmlReader x = XmlReader::parse(xml, name);
    return FormParser(x, functions).run();
}

std::shared_ptr<const Form> FormReader::loadValid(const std::string& path, const expr::FunctionTable& functions) {
    FormLoad l = load(path, functions);
    if (!l.problems.ok()) {
        std::string msg = fmt(tr("biểu mẫu có {} lỗi:", "the form has {} errors:"), std::to_string(l.problems.errorCount()));
        for (const auto& p : l.problems.problems())
            if (p.severity == Problem::Severity::Error) msg += "\n  " + p.str();
        throw ParseError({path, 0, 0}, msg);
    }
    return l.form;
}

}  // namespace par

// SPDX-License-Identifier: Apache-2.0
#include "pdf/Template.hpp"

#include <tinyxml2.h>

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <atomic>
#include <cstring>
#include <filesystem>
#include <deque>
#include <map>
#include <set>
#include <vector>

#include "core/common/Platform.hpp"
#include "core/common/AtomicFile.hpp"
#include "core/common/DataPaths.hpp"
#include "core/common/Error.hpp"
#include "core/common/Text.hpp"
#include "core/common/XmlReader.hpp"

namespace par::pdf {

using tinyxml2::XMLElement;
using tinyxml2::XMLNode;
using tinyxml2::XMLText;

constexpr int kTemplateFormatVersion = 1;
// Bounds against hostile or broken templates (docs/reliability.md): <for> iterations in one render
// (nested loops multiply), <include> nesting (A includes B includes A) and included files in all.
constexpr size_t kMaxLoopIterations = 100000;
constexpr int kMaxIncludeDepth = 8;
constexpr int kMaxIncludes = 64;

std::optional<double> parseLength(std::string_view s) {
    std::string t = trim(s);
    if (t.empty())
        return std::nullopt;
    double factor = 1;
    auto ends = [&](const char* suffix) {
        size_t n = std::strlen(suffix);
        if (t.size() > n && t.compare(t.size() - n, n, suffix) == 0) {
            t.resize(t.size() - n);
            return true;
        }
        return false;
    };
    if (ends("cm"))
        factor = 10 * kPointsPerMm;
    else if (ends("mm"))
        factor = kPointsPerMm;
    else if (ends("pt"))
        factor = 1;
    char* end = nullptr;
    double v = std::strtod(t.c_str(), &end);
    if (end == t.c_str() || *end != '\0' || !(v > -10000 && v < 10000))
        return std::nullopt;
    return v * factor;
}

namespace {

// Elements and the attributes each accepts. Paragraph-like elements share the paragraph attributes.
const std::set<std::string>& paragraphAttrs() {
    static const std::set<std::string> a{
        "align",          "size",          "bold",         "italic",      "indent",
        "left-indent",    "right-indent",  "space-before", "space-after", "line-spacing",
        "keep-with-next", "keep-together", "rule-below",   "label"};
    return a;
}

const std::map<std::string, std::set<std::string>>& elementAttrs() {
    static const std::map<std::string, std::set<std::string>> m = [] {
        std::map<std::string, std::set<std::string>> r;
        r["template"] = {"format-version", "name"};
        r["meta"] = {"title", "subject", "author", "keywords", "footer", "mark", "signer"};
        r["style"] = paragraphAttrs();
        r["section"] = {"orientation",  "margin-top",   "margin-bottom",     "margin-left",
                        "margin-right", "page-numbers", "number-first-page", "page-number-size"};
        r["include"] = {"template"};
        r["p"] = paragraphAttrs();
        r["h"] = paragraphAttrs();
        r["item"] = paragraphAttrs();
        r["list"] = paragraphAttrs();
        r["list"].insert({"type", "start"});
        r["table"] = {"widths",       "size",        "padding", "border",
                      "space-before", "space-after", "align"};
        r["row"] = {"header", "bold", "align"};
        r["cell"] = paragraphAttrs();
        r["cell"].insert("span");
        r["columns"] = {"widths", "space-before", "space-after"};
        r["column"] = {};
        r["rule"] = {"width", "align", "thickness", "space-before", "space-after"};
        r["spacer"] = {"height"};
        r["page-break"] = {};
        r["keep"] = {};
        r["for"] = {"each", "as", "index"};
        r["if"] = {"test"};
        r["else"] = {};
        r["b"] = {};
        r["i"] = {};
        r["br"] = {};
        return r;
    }();
    return m;
}

enum class Ctx { Root, Section, Block, Inline, List, Table, Row, Columns };

// What may appear inside an element of a given context.
bool allowed(Ctx ctx, const std::string& name) {
    static const std::set<std::string> blocks{"p",       "h",    "list",   "table",
                                              "columns", "rule", "spacer", "page-break",
                                              "keep",    "for",  "if",     "else"};
    switch (ctx) {
        case Ctx::Root:
            return name == "meta" || name == "style" || name == "section" || name == "include" ||
                   name == "if" || name == "else";
        case Ctx::Section:
        case Ctx::Block:
            return blocks.count(name) != 0;
        case Ctx::Inline:
            return name == "b" || name == "i" || name == "br" || name == "if" || name == "else";
        case Ctx::List:
            return name == "item" || name == "for" || name == "if" || name == "else";
        case Ctx::Table:
            return name == "row" || name == "for" || name == "if" || name == "else";
        case Ctx::Row:
            return name == "cell" || name == "for" || name == "if" || name == "else";
        case Ctx::Columns:
            return name == "column";
    }
    return false;
}

Ctx childContext(const std::string& name, Ctx self) {
    if (name == "section" || name == "column" || name == "keep")
        return Ctx::Block;
    if (name == "p" || name == "h" || name == "item" || name == "b" || name == "i")
        return Ctx::Inline;
    if (name == "list")
        return Ctx::List;
    if (name == "table")
        return Ctx::Table;
    if (name == "row")
        return Ctx::Row;
    if (name == "cell")
        return Ctx::Block;  // blocks, or inline content (checked below)
    if (name == "columns")
        return Ctx::Columns;
    return self;  // for, if: same context as their parent
}

bool isBlank(const char* s) {
    for (; s != nullptr && *s != '\0'; ++s)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return false;
    return true;
}

// A condition of <if test="...">: "path", "not path", "path == 'text'", "path != 'text'".
struct Condition {
    bool negate = false;
    std::string path;
    std::optional<std::string> equals;
};

std::optional<Condition> parseCondition(std::string_view s) {
    Condition c;
    std::string t = trim(s);
    if (t.rfind("not ", 0) == 0) {
        c.negate = true;
        t = trim(t.substr(4));
    }
    size_t op = t.find("==");
    bool ne = false;
    if (op == std::string::npos) {
        op = t.find("!=");
        ne = op != std::string::npos;
    }
    if (op != std::string::npos) {
        std::string lhs = trim(t.substr(0, op));
        std::string rhs = trim(t.substr(op + 2));
        if (rhs.size() < 2 || rhs.front() != '\'' || rhs.back() != '\'')
            return std::nullopt;
        c.equals = rhs.substr(1, rhs.size() - 2);
        if (ne)
            c.negate = !c.negate;
        t = lhs;
    }
    if (t.empty())
        return std::nullopt;
    for (char ch : t)
        if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '.' || ch == '-'))
            return std::nullopt;
    c.path = t;
    return c;
}

bool validPath(std::string_view p) {
    return parseCondition(p).has_value() && p.find(' ') == std::string_view::npos;
}

std::string upper(const std::string& s) {
    std::string out;
    icu::UnicodeString::fromUTF8(s).toUpper(icu::Locale("vi")).toUTF8String(out);
    return out;
}

// Variables in scope: loop variables shadow the data's top-level fields.
class Scope {
public:
    explicit Scope(const report::Data& root) : root_(root) {}
    void push(std::string name, const report::Data* value) {
        vars_.emplace_back(std::move(name), value);
    }
    void pop() { vars_.pop_back(); }
    const report::Data* lookup(std::string_view path) const {
        size_t dot = path.find('.');
        std::string_view head = path.substr(0, dot);
        std::string_view rest =
            dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
        for (auto it = vars_.rbegin(); it != vars_.rend(); ++it)
            if (it->first == head)
                return rest.empty() ? it->second : it->second->path(rest);
        return root_.path(path);
    }
    // Strings made for loop indices live here while the loop runs.
    std::deque<report::Data>& temps() { return temps_; }

private:
    const report::Data& root_;
    std::vector<std::pair<std::string, const report::Data*>> vars_;
    std::deque<report::Data> temps_;
};

// Defaults for paragraphs, from <style> then overridden element by element.
struct ParaStyle {
    Paragraph p;
    bool bold = false;
    bool italic = false;
};

class Renderer {
public:
    Renderer(const std::string& file, const report::Data& data) : file_(file), scope_(data) {}
    size_t iterations_ = 0;  // <for> iterations so far (kMaxLoopIterations)

    SourceLocation at(const XMLNode& n) const { return {file_, n.GetLineNum(), 0}; }
    [[noreturn]] void fail(const XMLNode& n, const std::string& msg) const {
        throw ParseError(at(n), msg);
    }

    std::string attr(const XMLElement& e, const char* name, const std::string& fallback = {}) {
        const char* v = e.Attribute(name);
        return v == nullptr ? fallback : expand(nfc(v), e);
    }

    double length(const XMLElement& e, const char* name, double fallback) {
        const char* v = e.Attribute(name);
        if (v == nullptr)
            return fallback;
        auto l = parseLength(v);
        if (!l)
            fail(e, fmt(tr("độ dài không hợp lệ '{}' ở thuộc tính '{}'",
                           "invalid length '{}' in attribute '{}'"),
                        v, name));
        return *l;
    }

    double number(const XMLElement& e, const char* name, double fallback) {
        const char* v = e.Attribute(name);
        if (v == nullptr)
            return fallback;
        char* end = nullptr;
        double d = std::strtod(v, &end);
        if (end == v || *end != '\0')
            fail(e, fmt(tr("số không hợp lệ '{}' ở thuộc tính '{}'",
                           "invalid number '{}' in attribute '{}'"),
                        v, name));
        return d;
    }

    bool flag(const XMLElement& e, const char* name, bool fallback) {
        const char* v = e.Attribute(name);
        if (v == nullptr)
            return fallback;
        std::string s = v;
        if (s == "true" || s == "yes" || s == "1")
            return true;
        if (s == "false" || s == "no" || s == "0")
            return false;
        fail(e, fmt(tr("giá trị '{}' của '{}' phải là true hoặc false",
                       "value '{}' of '{}' must be true or false"),
                    v, name));
    }

    Align align(const XMLElement& e, Align fallback) {
        const char* v = e.Attribute("align");
        if (v == nullptr)
            return fallback;
        std::string s = v;
        if (s == "left")
            return Align::Left;
        if (s == "center")
            return Align::Center;
        if (s == "right")
            return Align::Right;
        if (s == "justify")
            return Align::Justify;
        fail(e, fmt(tr("căn lề không hợp lệ '{}'", "invalid align '{}'"), s));
    }

    std::vector<double> weights(const XMLElement& e, const char* name) {
        std::vector<double> w;
        const char* v = e.Attribute(name);
        if (v == nullptr)
            return w;
        for (const auto& part : splitList(v, ", ")) {
            auto d = parseLength(part);
            if (!d || *d <= 0)
                fail(e,
                     fmt(tr("độ rộng cột không hợp lệ '{}'", "invalid column width '{}'"), part));
            w.push_back(*d);
        }
        return w;
    }

    // Resolves a placeholder's value as text.
    std::string value(std::string_view expr, const XMLNode& where) {
        std::string path = trim(expr);
        std::string filter;
        if (size_t bar = path.find('|'); bar != std::string::npos) {
            filter = trim(path.substr(bar + 1));
            path = trim(path.substr(0, bar));
        }
        if (!validPath(path))
            fail(where, fmt(tr("chỗ điền không hợp lệ '{{}}'", "invalid placeholder '{{}}'"),
                            std::string(expr)));
        const report::Data* d = scope_.lookup(path);
        if (d == nullptr)
            fail(where, fmt(tr("trường không có trong dữ liệu: '{}'", "unknown field '{}'"), path));
        if (filter == "count") {
            if (!d->isList())
                fail(where, fmt(tr("'{}' không phải là danh sách", "'{}' is not a list"), path));
            return std::to_string(d->items().size());
        }
        if (!d->isString())
            fail(where, fmt(tr("'{}' không phải là văn bản (là danh sách hoặc bảng)",
                               "'{}' is not text (a list or a map)"),
                            path));
        if (filter.empty())
            return d->str();
        if (filter == "upper")
            return upper(d->str());
        fail(where, fmt(tr("bộ lọc không biết: '{}' (có: upper, count)",
                           "unknown filter '{}' (known: upper, count)"),
                        filter));
    }

    // Replaces {path} placeholders; "{{" and "}}" stand for braces.
    std::string expand(const std::string& text, const XMLNode& where) {
        std::string out;
        for (size_t i = 0; i < text.size(); ++i) {
            char c = text[i];
            if (c == '{' && i + 1 < text.size() && text[i + 1] == '{') {
                out += '{';
                ++i;
            } else if (c == '}' && i + 1 < text.size() && text[i + 1] == '}') {
                out += '}';
                ++i;
            } else if (c == '{') {
                size_t close = text.find('}', i);
                if (close == std::string::npos)
                    fail(where, tr("thiếu '}' đóng chỗ điền", "missing '}' closing a placeholder"));
                out += value(std::string_view(text).substr(i + 1, close - i - 1), where);
                i = close;
            } else if (c == '}') {
                fail(where, tr("'}' đứng riêng (viết '}}' để có dấu ngoặc)",
                               "stray '}' (write '}}' for a brace)"));
            } else {
                out += c;
            }
        }
        return out;
    }

    bool test(const XMLElement& e) {
        auto c = parseCondition(e.Attribute("test") ? e.Attribute("test") : "");
        if (!c)
            fail(e, tr("điều kiện không hợp lệ", "invalid condition"));
        const report::Data* d = scope_.lookup(c->path);
        bool r;
        if (c->equals)
            r = d != nullptr && d->isString() && d->str() == *c->equals;
        else
            r = d != nullptr && d->truthy();
        return c->negate ? !r : r;
    }

    // Runs `body` for the children of <if> that apply (before or after its <else/>).
    template <typename F>
    void conditional(const XMLElement& e, F body) {
        bool yes = test(e);
        bool inElse = false;
        for (const XMLNode* n = e.FirstChild(); n != nullptr; n = n->NextSibling()) {
            const XMLElement* ce = n->ToElement();
            if (ce != nullptr && std::strcmp(ce->Name(), "else") == 0) {
                inElse = true;
                continue;
            }
            if (yes != inElse)
                body(*n);
        }
    }

    template <typename F>
    void loop(const XMLElement& e, F body) {
        std::string each = e.Attribute("each") ? e.Attribute("each") : "";
        std::string as = e.Attribute("as") ? e.Attribute("as") : "item";
        const char* index = e.Attribute("index");
        const report::Data* list = scope_.lookup(each);
        if (list == nullptr)
            fail(e, fmt(tr("trường không có trong dữ liệu: '{}'", "unknown field '{}'"), each));
        if (!list->isList()) {
            if (list->isMap() && !list->truthy())
                return;  // an empty value: no items
            fail(e, fmt(tr("'{}' không phải là danh sách", "'{}' is not a list"), each));
        }
        size_t k = 0;
        for (const auto& item : list->items()) {
            ++k;
            if (++iterations_ > kMaxLoopIterations)
                fail(e, fmt(tr("mẫu lặp <for> quá {} lần khi dựng văn bản (các vòng lồng nhau?); "
                               "hãy sửa mẫu",
                               "the template's <for> loops ran more than {} times (nested loops?); "
                               "fix the template"),
                            std::to_string(kMaxLoopIterations)));
            scope_.push(as, &item);
            if (index != nullptr) {
                scope_.temps().emplace_back(std::to_string(k));
                scope_.push(index, &scope_.temps().back());
            }
            for (const XMLNode* n = e.FirstChild(); n != nullptr; n = n->NextSibling())
                body(*n);
            if (index != nullptr) {
                scope_.pop();
                scope_.temps().pop_back();
            }
            scope_.pop();
        }
    }

    ParaStyle paraStyle(const XMLElement& e, ParaStyle s) {
        Paragraph& p = s.p;
        p.align = align(e, p.align);
        p.fontSize = length(e, "size", p.fontSize);
        p.firstIndent = length(e, "indent", p.firstIndent);
        p.leftIndent = length(e, "left-indent", p.leftIndent);
        p.rightIndent = length(e, "right-indent", p.rightIndent);
        p.spaceBefore = length(e, "space-before", p.spaceBefore);
        p.spaceAfter = length(e, "space-after", p.spaceAfter);
        p.lineSpacing = number(e, "line-spacing", p.lineSpacing);
        p.keepWithNext = flag(e, "keep-with-next", p.keepWithNext);
        p.keepTogether = flag(e, "keep-together", p.keepTogether);
        p.ruleBelow = number(e, "rule-below", p.ruleBelow);
        if (e.Attribute("label") != nullptr)
            p.label = attr(e, "label");
        s.bold = flag(e, "bold", s.bold);
        s.italic = flag(e, "italic", s.italic);
        return s;
    }

    // Appends text to the paragraph, collapsing white space as HTML does.
    void addText(Paragraph& p, const std::string& text, FontStyle style) {
        for (char c : text) {
            bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r';
            if (ws) {
                if (lastWasSpace_)
                    continue;
                c = ' ';
            }
            if (p.runs.empty() || p.runs.back().style != style)
                p.runs.push_back({"", style});
            p.runs.back().text += c;
            lastWasSpace_ = ws;
        }
    }

    void inlines(const XMLNode& parent, Paragraph& p, FontStyle style) {
        for (const XMLNode* n = parent.FirstChild(); n != nullptr; n = n->NextSibling())
            inlineNode(*n, p, style);
    }

    void inlineNode(const XMLNode& n, Paragraph& p, FontStyle style) {
        if (const XMLText* t = n.ToText()) {
            addText(p, expand(nfc(t->Value()), n), style);
            return;
        }
        const XMLElement* e = n.ToElement();
        if (e == nullptr)
            return;  // comments
        std::string name = e->Name();
        if (name == "b")
            inlines(*e, p, makeStyle(true, isItalic(style)));
        else if (name == "i")
            inlines(*e, p, makeStyle(isBold(style), true));
        else if (name == "br") {
            if (p.runs.empty())
                p.runs.push_back({"", style});
            std::string& t = p.runs.back().text;
            while (!t.empty() && t.back() == ' ')
                t.pop_back();
            t += '\n';
            lastWasSpace_ = true;
        } else if (name == "if")
            conditional(*e, [&](const XMLNode& c) { inlineNode(c, p, style); });
    }

    Paragraph paragraph(const XMLElement& e, const ParaStyle& base) {
        ParaStyle s = paraStyle(e, base);
        Paragraph p = s.p;
        lastWasSpace_ = true;
        inlines(e, p, makeStyle(s.bold, s.italic));
        // Trim the trailing space and drop empty runs.
        while (!p.runs.empty()) {
            std::string& t = p.runs.back().text;
            while (!t.empty() && t.back() == ' ')
                t.pop_back();
            if (!t.empty())
                break;
            p.runs.pop_back();
        }
        return p;
    }

    void blocks(const XMLElement& parent, BlockList& out) {
        for (const XMLNode* n = parent.FirstChild(); n != nullptr; n = n->NextSibling())
            blockNode(*n, out);
    }

    void blockNode(const XMLNode& n, BlockList& out) {
        const XMLElement* e = n.ToElement();
        if (e == nullptr)
            return;
        std::string name = e->Name();
        if (name == "p") {
            Paragraph p = paragraph(*e, body_);
            p.role = context_;
            out.push_back(Block::of(std::move(p)));
        } else if (name == "h") {
            Paragraph p = paragraph(*e, heading());
            p.role = ParaRole::Heading;
            out.push_back(Block::of(std::move(p)));
        }
        else if (name == "list")
            list(*e, out);
        else if (name == "table")
            table(*e, out);
        else if (name == "columns")
            columns(*e, out);
        else if (name == "rule") {
            Rule r;
            r.width = number(*e, "width", r.width);
            r.align = align(*e, Align::Center);
            r.thickness = length(*e, "thickness", r.thickness);
            r.spaceBefore = length(*e, "space-before", r.spaceBefore);
            r.spaceAfter = length(*e, "space-after", r.spaceAfter);
            out.push_back(Block::of(r));
        } else if (name == "spacer")
            out.push_back(Block::of(Spacer{length(*e, "height", 0)}));
        else if (name == "page-break")
            out.push_back(Block::of(PageBreak{}));
        else if (name == "keep") {
            KeepTogether k;
            blocks(*e, k.blocks);
            out.push_back(Block::of(std::move(k)));
        } else if (name == "for")
            loop(*e, [&](const XMLNode& c) { blockNode(c, out); });
        else if (name == "if")
            conditional(*e, [&](const XMLNode& c) { blockNode(c, out); });
    }

    ParaStyle heading() const {
        ParaStyle h = body_;
        h.bold = true;
        h.p.keepWithNext = true;
        return h;
    }

    struct ListState {
        ParaStyle style;
        std::string type;
        int number = 1;
        int start = 1;
        ListKind kind = ListKind::Decimal;
        int id = 0;
    };

    static std::string label(const ListState& l) {
        if (l.type == "bullet")
            return "•";
        if (l.type == "dash")
            return "-";
        if (l.type == "plus")
            return "+";
        if (l.type == "alpha") {
            std::string s(1, static_cast<char>('a' + (l.number - 1) % 26));
            return s + ")";
        }
        if (l.type == "roman") {
            static const char* r[] = {"I",    "II",  "III",  "IV",    "V",   "VI",   "VII",
                                      "VIII", "IX",  "X",    "XI",    "XII", "XIII", "XIV",
                                      "XV",   "XVI", "XVII", "XVIII", "XIX", "XX"};
            return l.number <= 20 ? std::string(r[l.number - 1]) + "."
                                  : std::to_string(l.number) + ".";
        }
        return std::to_string(l.number) + ".";
    }

    void list(const XMLElement& e, BlockList& out) {
        ListState l;
        l.style = paraStyle(e, body_);
        l.type = e.Attribute("type") ? e.Attribute("type") : "decimal";
        static const std::set<std::string> types{"decimal", "alpha", "roman",
                                                 "bullet",  "dash",  "plus"};
        if (types.count(l.type) == 0)
            fail(e, fmt(tr("kiểu danh sách không biết: '{}'", "unknown list type '{}'"), l.type));
        l.number = static_cast<int>(number(e, "start", 1));
        if (l.number < 1)
            fail(e, tr("'start' phải từ 1", "'start' must be 1 or more"));
        l.start = l.number;
        static const std::map<std::string, ListKind> kinds{
            {"decimal", ListKind::Decimal}, {"alpha", ListKind::Alpha}, {"roman", ListKind::Roman},
            {"bullet", ListKind::Bullet},   {"dash", ListKind::Dash},   {"plus", ListKind::Plus}};
        l.kind = kinds.at(l.type);
        // Unique in the process, so that an included template's lists stay apart (DOCX numbering).
        static std::atomic<int> nextListId{1};
        l.id = nextListId++;
        items(e, l, out);
    }

    void items(const XMLElement& parent, ListState& l, BlockList& out) {
        for (const XMLNode* n = parent.FirstChild(); n != nullptr; n = n->NextSibling())
            itemNode(*n, l, out);
    }

    void itemNode(const XMLNode& n, ListState& l, BlockList& out) {
        const XMLElement* e = n.ToElement();
        if (e == nullptr)
            return;
        std::string name = e->Name();
        if (name == "item") {
            Paragraph p = paragraph(*e, l.style);
            p.role = ParaRole::ListItem;
            if (e->Attribute("label") == nullptr) {
                p.label = label(l);
                p.list = l.kind;
                p.listId = l.id;
                p.listStart = l.start;
            }
            ++l.number;
            out.push_back(Block::of(std::move(p)));
        } else if (name == "for")
            loop(*e, [&](const XMLNode& c) { itemNode(c, l, out); });
        else if (name == "if")
            conditional(*e, [&](const XMLNode& c) { itemNode(c, l, out); });
    }

    struct TableState {
        Table table;
        ParaStyle cell;
    };

    void table(const XMLElement& e, BlockList& out) {
        TableState t;
        t.table.columnWidths = weights(e, "widths");
        t.table.cellPadding = length(e, "padding", t.table.cellPadding);
        t.table.borderWidth = length(e, "border", t.table.borderWidth);
        t.table.spaceBefore = length(e, "space-before", 6);
        t.table.spaceAfter = length(e, "space-after", 6);
        t.cell.p.fontSize = length(e, "size", body_.p.fontSize);
        t.cell.p.align = align(e, Align::Left);
        t.cell.p.lineSpacing = 1.0;
        rows(e, t);
        out.push_back(Block::of(std::move(t.table)));
    }

    void rows(const XMLElement& parent, TableState& t) {
        for (const XMLNode* n = parent.FirstChild(); n != nullptr; n = n->NextSibling())
            rowNode(*n, t);
    }

    void rowNode(const XMLNode& n, TableState& t) {
        const XMLElement* e = n.ToElement();
        if (e == nullptr)
            return;
        std::string name = e->Name();
        if (name == "row") {
            TableRow row;
            row.header = flag(*e, "header", false);
            ParaStyle cs = t.cell;
            cs.bold = flag(*e, "bold", row.header);
            cs.p.align = align(*e, row.header ? Align::Center : cs.p.align);
            cells(*e, cs, row);
            t.table.rows.push_back(std::move(row));
        } else if (name == "for")
            loop(*e, [&](const XMLNode& c) { rowNode(c, t); });
        else if (name == "if")
            conditional(*e, [&](const XMLNode& c) { rowNode(c, t); });
    }

    void cells(const XMLElement& parent, const ParaStyle& cs, TableRow& row) {
        for (const XMLNode* n = parent.FirstChild(); n != nullptr; n = n->NextSibling())
            cellNode(*n, cs, row);
    }

    void cellNode(const XMLNode& n, const ParaStyle& cs, TableRow& row) {
        const XMLElement* e = n.ToElement();
        if (e == nullptr)
            return;
        std::string name = e->Name();
        if (name == "cell") {
            TableCell cell;
            cell.colSpan = static_cast<int>(number(*e, "span", 1));
            if (cell.colSpan < 1)
                fail(*e, tr("'span' phải từ 1", "'span' must be 1 or more"));
            if (hasBlockChildren(*e)) {
                ParaStyle saved = body_;
                ParaRole savedRole = context_;
                body_ = paraStyle(*e, cs);
                context_ = ParaRole::Cell;
                blocks(*e, cell.content);
                body_ = saved;
                context_ = savedRole;
            } else {
                Paragraph p = paragraph(*e, cs);
                p.role = ParaRole::Cell;
                cell.content.push_back(Block::of(std::move(p)));
            }
            row.cells.push_back(std::move(cell));
        } else if (name == "for")
            loop(*e, [&](const XMLNode& c) { cellNode(c, cs, row); });
        else if (name == "if")
            conditional(*e, [&](const XMLNode& c) { cellNode(c, cs, row); });
    }

    static bool hasBlockChildren(const XMLElement& e) {
        for (const XMLElement* c = e.FirstChildElement(); c != nullptr;
             c = c->NextSiblingElement()) {
            std::string n = c->Name();
            if (n == "p" || n == "h" || n == "list" || n == "table" || n == "rule" || n == "spacer")
                return true;
        }
        return false;
    }

    void columns(const XMLElement& e, BlockList& out) {
        Columns c;
        c.widths = weights(e, "widths");
        c.spaceBefore = length(e, "space-before", 0);
        c.spaceAfter = length(e, "space-after", 0);
        for (const XMLElement* col = e.FirstChildElement("column"); col != nullptr;
             col = col->NextSiblingElement("column")) {
            c.columns.emplace_back();
            ParaRole savedRole = context_;
            context_ = ParaRole::Block;
            blocks(*col, c.columns.back());
            context_ = savedRole;
        }
        out.push_back(Block::of(std::move(c)));
    }

    Section section(const XMLElement& e) {
        Section s;
        std::string o = e.Attribute("orientation") ? e.Attribute("orientation") : "portrait";
        if (o == "landscape")
            s.orientation = Orientation::Landscape;
        else if (o != "portrait")
            fail(e, fmt(tr("hướng trang không hợp lệ '{}'", "invalid orientation '{}'"), o));
        s.marginTop = length(e, "margin-top", s.marginTop);
        s.marginBottom = length(e, "margin-bottom", s.marginBottom);
        s.marginLeft = length(e, "margin-left", s.marginLeft);
        s.marginRight = length(e, "margin-right", s.marginRight);
        s.pageNumbers = flag(e, "page-numbers", s.pageNumbers);
        s.numberFirstPage = flag(e, "number-first-page", s.numberFirstPage);
        s.pageNumberSize = length(e, "page-number-size", s.pageNumberSize);
        if (s.marginLeft + s.marginRight > mm(150) || s.marginTop + s.marginBottom > mm(200))
            fail(e, tr("lề trang quá lớn", "page margins too large"));
        blocks(e, s.blocks);
        return s;
    }

    using Includes = std::vector<std::pair<const XMLElement*, Template>>;

    void root(const XMLElement& r, Document& doc, const Includes& includes,
              const report::Data& data) {
        for (const XMLNode* n = r.FirstChild(); n != nullptr; n = n->NextSibling())
            rootNode(*n, doc, includes, data);
    }

    void rootNode(const XMLNode& n, Document& doc, const Includes& includes,
                  const report::Data& data) {
        const XMLElement* e = n.ToElement();
        if (e == nullptr)
            return;
        std::string name = e->Name();
        if (name == "meta") {
            doc.title = attr(*e, "title", doc.title);
            doc.subject = attr(*e, "subject", doc.subject);
            doc.author = attr(*e, "author", doc.author);
            doc.keywords = attr(*e, "keywords", doc.keywords);
            doc.footer = attr(*e, "footer", doc.footer);
            doc.mark = attr(*e, "mark", doc.mark);
            doc.signer = attr(*e, "signer", doc.signer);
        } else if (name == "style") {
            body_ = paraStyle(*e, body_);
        } else if (name == "section") {
            doc.sections.push_back(section(*e));
        } else if (name == "include") {
            for (const auto& [el, t] : includes)
                if (el == e) {
                    Document sub = t.render(data);
                    for (auto& s : sub.sections)
                        doc.sections.push_back(std::move(s));
                }
        } else if (name == "if") {
            conditional(*e, [&](const XMLNode& c) { rootNode(c, doc, includes, data); });
        }
    }

    ParaStyle body_ = [] {
        ParaStyle s;
        s.p.fontSize = 13;
        s.p.align = Align::Justify;
        return s;
    }();

private:
    std::string file_;
    Scope scope_;
    bool lastWasSpace_ = true;
    ParaRole context_ = ParaRole::Body;  // the role of a <p> here (body, cell, columns)
};

void validateNode(const XMLNode& n, Ctx ctx, const std::string& file) {
    for (const XMLNode* c = n.FirstChild(); c != nullptr; c = c->NextSibling()) {
        auto where = SourceLocation{file, c->GetLineNum(), 0};
        if (const XMLText* t = c->ToText()) {
            bool inlineOk = ctx == Ctx::Inline;
            if (!inlineOk && n.ToElement() != nullptr &&
                std::strcmp(n.ToElement()->Name(), "cell") == 0)
                inlineOk = true;
            if (!inlineOk && !isBlank(t->Value()))
                throw ParseError(where,
                                 tr("văn bản nằm ngoài đoạn <p>", "text outside a paragraph <p>"));
            continue;
        }
        const XMLElement* e = c->ToElement();
        if (e == nullptr)
            continue;
        std::string name = e->Name();
        const auto& known = elementAttrs();
        auto it = known.find(name);
        Ctx effective = ctx;
        if (ctx == Ctx::Block && n.ToElement() != nullptr &&
            std::strcmp(n.ToElement()->Name(), "cell") == 0 &&
            (name == "b" || name == "i" || name == "br"))
            effective = Ctx::Inline;
        if (it == known.end() || !allowed(effective, name))
            throw ParseError(where, fmt(tr("phần tử <{}> không được phép ở đây",
                                           "element <{}> not allowed here"),
                                        name));
        for (const tinyxml2::XMLAttribute* a = e->FirstAttribute(); a != nullptr; a = a->Next())
            if (it->second.count(a->Name()) == 0)
                throw ParseError(where, fmt(tr("thuộc tính không biết '{}' của <{}>",
                                               "unknown attribute '{}' of <{}>"),
                                            a->Name(), name));
        if (name == "for") {
            const char* each = e->Attribute("each");
            if (each == nullptr || !validPath(each))
                throw ParseError(where,
                                 tr("<for> cần each=\"đường.dẫn\"", "<for> needs each=\"path\""));
        }
        if (name == "if" && !parseCondition(e->Attribute("test") ? e->Attribute("test") : ""))
            throw ParseError(where,
                             fmt(tr("điều kiện không hợp lệ: '{}'", "invalid condition '{}'"),
                                 e->Attribute("test") ? e->Attribute("test") : ""));
        if (name == "include" && e->Attribute("template") == nullptr)
            throw ParseError(where, tr("<include> cần template=\"tệp.xml\"",
                                       "<include> needs template=\"file.xml\""));
        validateNode(*e, childContext(name, effective), file);
    }
}

std::string directoryOf(const std::string& path) {
    size_t slash = path.find_last_of(platform::kPathSeparators);
    return slash == std::string::npos ? "." : path.substr(0, slash);
}

}  // namespace

Template::Template() = default;
Template::Template(Template&&) noexcept = default;
Template& Template::operator=(Template&&) noexcept = default;
Template::~Template() = default;

Template Template::load(const std::string& path) {
    // Not a file, unreadable, too large: the message names the file and why.
    return parse(readFile(path, kMaxXmlFileBytes), path, directoryOf(path));
}

namespace {
// Include nesting of the parse under way on this thread, and files included since its top level.
thread_local int includeDepth = 0;
thread_local int includesLoaded = 0;
}  // namespace

Template Template::parse(std::string_view xml, const std::string& name,
                         const std::string& baseDir) {
    if (includeDepth == 0)
        includesLoaded = 0;
    // Size, UTF-8 and NUL bytes checked with the line of the fault; CR-only line ends counted.
    std::string normalised;
    xml = prepareXmlText(xml, name, normalised);
    Template t;
    t.file_ = name;
    t.baseDir_ = baseDir;
    t.doc_ = std::make_unique<tinyxml2::XMLDocument>(true, tinyxml2::PRESERVE_WHITESPACE);
    if (t.doc_->Parse(xml.data(), xml.size()) != tinyxml2::XML_SUCCESS) {
        const char* msg = t.doc_->ErrorStr();
        throw ParseError({name, t.doc_->ErrorLineNum(), 0},
                         fmt(tr("lỗi cú pháp XML: {}", "XML syntax error: {}"), msg ? msg : ""));
    }
    t.validate();
    std::vector<const XMLElement*> pending{t.doc_->RootElement()};
    while (!pending.empty()) {
        const XMLElement* parent = pending.back();
        pending.pop_back();
        for (const XMLElement* e = parent->FirstChildElement(); e != nullptr;
             e = e->NextSiblingElement()) {
            if (std::strcmp(e->Name(), "if") == 0)
                pending.push_back(e);
            if (std::strcmp(e->Name(), "include") != 0)
                continue;
            std::string file = e->Attribute("template");
            // Templates are shared between provinces: an include names a file next to this one,
            // never a path that could reach elsewhere ("../../etc/passwd", "/etc/passwd").
            if (!isPlainFileName(file))
                throw ParseError({name, e->GetLineNum(), 0},
                                 fmt(tr("<include template=\"{}\">: chỉ được ghi tên một tệp nằm cùng thư mục "
                                        "với mẫu này (không có '/', '..')",
                                        "<include template=\"{}\">: name a file in this template's folder "
                                        "(no '/', '..')"),
                                     file));
            std::string path = baseDir + "/" + file;
            if (path == name)
                throw ParseError({name, e->GetLineNum(), 0},
                                 tr("mẫu tự bao gồm chính nó", "template includes itself"));
            if (includeDepth >= kMaxIncludeDepth || ++includesLoaded > kMaxIncludes)
                throw ParseError({name, e->GetLineNum(), 0},
                                 fmt(tr("<include> lồng quá {} cấp hoặc quá {} tệp (các mẫu bao gồm lẫn nhau?)",
                                        "<include> nested more than {} deep or more than {} files (templates "
                                        "including each other?)"),
                                     std::to_string(kMaxIncludeDepth), std::to_string(kMaxIncludes)));
            ++includeDepth;
            try {
                t.includes_.emplace_back(e, load(path));
            } catch (...) {
                --includeDepth;
                throw;
            }
            --includeDepth;
        }
    }
    return t;
}

void Template::validate() const {
    const XMLElement* root = doc_->RootElement();
    if (root == nullptr || std::strcmp(root->Name(), "template") != 0)
        throw ParseError(
            {file_, root ? root->GetLineNum() : 1, 0},
            tr("phần tử gốc phải là <template>", "the root element must be <template>"));
    int version = root->IntAttribute("format-version", 0);
    if (version < 1 || version > kTemplateFormatVersion)
        throw ParseError(
            {file_, root->GetLineNum(), 0},
            fmt(tr("format-version {} không được hỗ trợ (hỗ trợ: 1)",
                   "unsupported format-version {} (supported: 1)"),
                root->Attribute("format-version") ? root->Attribute("format-version") : "?"));
    validateNode(*root, Ctx::Root, file_);
}

Document Template::render(const report::Data& data) const {
    Document doc;
    Renderer r(file_, data);
    r.root(*doc_->RootElement(), doc, includes_, data);
    return doc;
}

}  // namespace par::pdf

// SPDX-License-Identifier: Apache-2.0
#include "core/tracking/RegisterScanner.hpp"

#include <algorithm>
#include <cstring>

#include "core/common/Text.hpp"
#include "core/common/XmlReader.hpp"
#include "core/model/AuditReader.hpp"

namespace par::track {

namespace {

// Thrown inside the scanner when the file leaves the subset it handles; never escapes this file.
struct Unhandled {};

constexpr int kMaxDepth = 32;  // deeper documents go to the full reader
constexpr size_t kMaxAttributes = 24;

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}
bool isNameChar(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

// Short names compared inline: a library call per attribute costs more than the comparison.
bool same(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i])
            return false;
    return true;
}

struct Attribute {
    std::string_view name;
    std::string_view raw;  // between the quotes, entities not yet decoded
};

struct StartTag {
    std::string_view name;
    Attribute attrs[kMaxAttributes];
    size_t count = 0;
    bool selfClosing = false;
    size_t begin = 0;  // offset of '<'

    const Attribute* find(std::string_view n) const {
        for (size_t i = 0; i < count; ++i)
            if (same(attrs[i].name, n))
                return &attrs[i];
        return nullptr;
    }
};

// What TinyXML-2 gives for a value: the five predefined entities decoded, line ends made "\n".
// Character references and unknown entities leave the subset.
std::string_view decode(std::string_view raw, std::string& scratch) {
    // A plain loop: find_first_of calls memchr on the two-letter set for every byte.
    if (std::none_of(raw.begin(), raw.end(), [](char c) { return c == '&' || c == '\r'; }))
        return raw;
    scratch.clear();
    for (size_t i = 0; i < raw.size(); ++i) {
        char c = raw[i];
        if (c == '\r') {
            scratch += '\n';
            if (i + 1 < raw.size() && raw[i + 1] == '\n')
                ++i;
        } else if (c == '&') {
            static const struct {
                std::string_view name;
                char value;
            } kEntities[] = {
                {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
            bool known = false;
            for (const auto& e : kEntities)
                if (raw.compare(i, e.name.size(), e.name) == 0) {
                    scratch += e.value;
                    i += e.name.size() - 1;
                    known = true;
                    break;
                }
            if (!known)
                throw Unhandled{};
        } else {
            scratch += c;
        }
    }
    return scratch;
}

class Scanner {
public:
    Scanner(std::string_view text) : t_(text) {
        // A lone CR ends a line as LF does (XML 1.0 section 2.11; the full reader counts it so).
        for (size_t cr = t_.find('\r'); cr != std::string_view::npos; cr = t_.find('\r', cr + 1))
            if (cr + 1 == t_.size() || t_[cr + 1] != '\n') {
                loneCr_ = true;
                break;
            }
    }

    std::optional<Audit> run(const std::string& path) {
        if (t_.size() > kMaxXmlFileBytes || std::memchr(t_.data(), '\0', t_.size()) != nullptr ||
            !isValidUtf8(t_))
            return std::nullopt;
        // The declaration, then the root start tag.
        if (t_.compare(0, 5, "<?xml") == 0) {
            size_t end = t_.find("?>");
            if (end == std::string_view::npos ||
                t_.substr(0, end).find('<', 1) != std::string_view::npos)
                return std::nullopt;
            p_ = end + 2;
        }
        skipSpace();
        if (p_ >= t_.size() || t_[p_] != '<')
            return std::nullopt;
        StartTag root = startTag();
        if (root.name != "audit" || root.selfClosing)
            return std::nullopt;
        std::string header(t_.substr(0, p_));  // declaration and root start tag: lines stay right
        std::vector<Action> actions;
        bool sawActions = false;
        for (;;) {
            skipText();
            if (atEndTag()) {
                endTag("audit");
                break;
            }
            StartTag child = startTag();
            const std::string_view n = child.name;
            if (n == "actions") {
                if (sawActions)
                    return std::nullopt;  // the reader reads the first; rare enough to leave it
                sawActions = true;
                if (!child.selfClosing)
                    readActions(actions);
            } else if (n == "unit" || n == "inspecting-body" || n == "plan" || n == "decision" ||
                       n == "team" || n == "visit" || n == "period" || n == "form" ||
                       n == "reference" || n == "notice" || n == "change-log") {
                if (!child.selfClosing)
                    skipContent(child.name, 1);
                header.append(t_.substr(child.begin, p_ - child.begin));
            } else if (!child.selfClosing) {
                skipContent(child.name, 1);  // answers, findings, elements the reader ignores
            }
        }
        skipSpace();
        if (p_ != t_.size())
            return std::nullopt;  // anything after the root: let the reader judge it
        header += "</audit>";
        Audit a;
        try {
            a = AuditReader::parse(header, path);
        } catch (const Error&) {
            return std::nullopt;  // the full reader words it, with the file's real line
        }
        a.actions = std::move(actions);
        return a;
    }

private:
    std::string_view t_;
    size_t p_ = 0;
    size_t linePos_ = 0;
    int line_ = 1;
    bool loneCr_ = false;
    std::string scratch_;

    int lineAt(size_t pos) {
        line_ += static_cast<int>(std::count(t_.begin() + static_cast<long>(linePos_),
                                             t_.begin() + static_cast<long>(pos), '\n'));
        if (loneCr_)
            for (size_t i = linePos_; i < pos; ++i)
                if (t_[i] == '\r' && (i + 1 == t_.size() || t_[i + 1] != '\n'))
                    ++line_;
        linePos_ = pos;
        return line_;
    }

    // After skipText(): whether the '<' starts an end tag.
    bool atEndTag() const { return p_ + 1 < t_.size() && t_[p_ + 1] == '/'; }

    void skipSpace() {
        while (p_ < t_.size() && isSpace(t_[p_]))
            ++p_;
    }

    // Moves to the next '<'; the text before it is ignored. Between tags there is mostly a line
    // break and indentation: a few bytes are looked at before memchr takes a longer text.
    void skipText() {
        const size_t near = std::min(t_.size(), p_ + 16);
        for (size_t i = p_; i < near; ++i)
            if (t_[i] == '<') {
                p_ = i;
                return;
            }
        const void* lt = std::memchr(t_.data() + near, '<', t_.size() - near);
        if (lt == nullptr)
            throw Unhandled{};
        p_ = static_cast<size_t>(static_cast<const char*>(lt) - t_.data());
    }

    std::string_view name() {
        size_t b = p_;
        if (p_ >= t_.size() || !isNameStart(t_[p_]))
            throw Unhandled{};
        while (p_ < t_.size() && isNameChar(t_[p_]))
            ++p_;
        return t_.substr(b, p_ - b);
    }

    // At '<' of a start tag: reads it up to and including '>' or "/>".
    StartTag startTag() {
        StartTag tag;
        tag.begin = p_;
        ++p_;
        if (p_ < t_.size() && (t_[p_] == '!' || t_[p_] == '?' || t_[p_] == '/'))
            throw Unhandled{};  // comment, CDATA, DOCTYPE, processing instruction, stray end tag
        tag.name = name();
        for (;;) {
            size_t before = p_;
            skipSpace();
            if (p_ >= t_.size())
                throw Unhandled{};
            if (t_[p_] == '>') {
                ++p_;
                return tag;
            }
            if (t_[p_] == '/') {
                if (p_ + 1 >= t_.size() || t_[p_ + 1] != '>')
                    throw Unhandled{};
                p_ += 2;
                tag.selfClosing = true;
                return tag;
            }
            if (p_ == before || tag.count == kMaxAttributes)
                throw Unhandled{};  // attributes not separated by white space, or very many
            Attribute& a = tag.attrs[tag.count];
            a.name = name();
            skipSpace();
            if (p_ >= t_.size() || t_[p_] != '=')
                throw Unhandled{};
            ++p_;
            skipSpace();
            if (p_ >= t_.size() || (t_[p_] != '"' && t_[p_] != '\''))
                throw Unhandled{};
            const char quote = t_[p_++];
            size_t end = p_;
            while (end < t_.size() && t_[end] != quote) {
                if (t_[end] == '<')
                    throw Unhandled{};
                ++end;
            }
            if (end == t_.size())
                throw Unhandled{};
            a.raw = t_.substr(p_, end - p_);
            p_ = end + 1;
            for (size_t i = 0; i < tag.count; ++i)
                if (same(tag.attrs[i].name, a.name))
                    throw Unhandled{};  // TinyXML-2 refuses duplicate attributes
            ++tag.count;
        }
    }

    // At "</": exactly "</name>".
    void endTag(std::string_view name) {
        if (t_.compare(p_ + 2, name.size(), name) != 0 || p_ + 2 + name.size() >= t_.size() ||
            t_[p_ + 2 + name.size()] != '>')
            throw Unhandled{};
        p_ += 3 + name.size();
    }

    // After the start tag of `name`: its content and end tag, every tag checked, nothing kept.
    void skipContent(std::string_view name, int depth) {
        if (depth > kMaxDepth)
            throw Unhandled{};
        for (;;) {
            skipText();
            if (atEndTag()) {
                endTag(name);
                return;
            }
            StartTag child = startTag();
            if (!child.selfClosing)
                skipContent(child.name, depth + 1);
        }
    }

    // The text of an element that holds nothing but text, as XmlReader::rawText gives it.
    std::string textOnly(const StartTag& tag) {
        if (tag.selfClosing)
            return {};
        size_t b = p_;
        skipText();
        std::string_view raw = t_.substr(b, p_ - b);
        if (t_.compare(p_, 2, "</") != 0)
            throw Unhandled{};  // mixed content: GetText's rules are the reader's business
        endTag(tag.name);
        return nfc(trimmedView(decode(raw, scratch_)));
    }

    std::optional<std::string> attr(const StartTag& tag, std::string_view n) {
        const Attribute* a = tag.find(n);
        if (a == nullptr)
            return std::nullopt;
        return nfc(decode(a->raw, scratch_));
    }
    std::string attrOr(const StartTag& tag, std::string_view n, const char* fallback) {
        auto v = attr(tag, n);
        return v ? std::move(*v) : std::string(fallback);
    }
    std::string required(const StartTag& tag, std::string_view n) {
        auto v = attr(tag, n);
        if (!v || trimmedView(*v).empty())
            throw Unhandled{};
        return std::move(*v);
    }
    // The same check when the value is not kept (NFC never turns text into white space).
    void check(const StartTag& tag, std::string_view n) {
        const Attribute* a = tag.find(n);
        if (a == nullptr || trimmedView(decode(a->raw, scratch_)).empty())
            throw Unhandled{};
    }
    std::optional<Date> optDate(const StartTag& tag, std::string_view n) {
        auto v = attr(tag, n);
        if (!v || v->empty())
            return std::nullopt;
        auto d = parseIsoDate(std::string(trimmedView(*v)));
        if (!d)
            throw Unhandled{};
        return d;
    }
    ActionStatus status(const StartTag& tag, std::string_view n) {
        auto s = parseActionStatus(attrOr(tag, n, "open"));
        if (!s)
            throw Unhandled{};
        return *s;
    }
    DeadlineRule rule(const StartTag& tag, std::string_view n) {
        auto r = DeadlineRule::parse(attrOr(tag, n, ""));
        if (!r)
            throw Unhandled{};
        return *r;
    }

    // After <actions>: every <action>, by AuditReader's readActions rules, history checked but
    // not kept.
    void readActions(std::vector<Action>& out) {
        // Room for every action at once (the section is near the end of the file).
        size_t count = 0;
        for (size_t at = t_.find("<action ", p_); at != std::string_view::npos;
             at = t_.find("<action ", at + 8))
            ++count;
        out.reserve(count);
        for (;;) {
            skipText();
            if (atEndTag()) {
                endTag("actions");
                break;
            }
            StartTag e = startTag();
            if (e.name != "action")
                throw Unhandled{};
            out.emplace_back();
            Action& a = out.back();
            a.id = required(e, "id");
            a.line = lineAt(e.begin);
            a.finding = attrOr(e, "finding", "");
            a.responsible = attrOr(e, "responsible", "");
            a.deadlineRule = rule(e, "deadline-rule");
            a.deadline = optDate(e, "deadline");
            a.status = status(e, "status");
            if (auto stale = attr(e, "stale")) {
                const std::string& v = *stale;
                if (v == "true" || v == "1" || v == "yes")
                    a.stale = true;
                else if (!(v == "false" || v == "0" || v == "no"))
                    throw Unhandled{};
            }
            if (!e.selfClosing)
                readActionContent(a);
        }
        // Duplicate ids: the reader refuses them.
        std::vector<const std::string*> ids;
        ids.reserve(out.size());
        for (const auto& a : out)
            ids.push_back(&a.id);
        std::sort(ids.begin(), ids.end(),
                  [](const std::string* x, const std::string* y) { return *x < *y; });
        for (size_t i = 1; i < ids.size(); ++i)
            if (*ids[i] == *ids[i - 1])
                throw Unhandled{};
    }

    void readActionContent(Action& a) {
        bool content = false, report = false, history = false;
        for (;;) {
            skipText();
            if (atEndTag()) {
                endTag("action");
                return;
            }
            StartTag c = startTag();
            if (c.name == "content" && !content) {
                content = true;
                a.content = textOnly(c);
            } else if (c.name == "report" && !report) {
                report = true;
                a.report.date = optDate(c, "date");
                a.report.doc = attrOr(c, "doc", "");
                a.report.made = attrOr(c, "made", "");
                a.report.responseId = attrOr(c, "response", "");
                if (std::string seq = attrOr(c, "seq", ""); !seq.empty()) {
                    // Plain short digits only; anything else is the reader's to judge.
                    if (seq.size() > 6 || seq.find_first_not_of("0123456789") != std::string::npos)
                        throw Unhandled{};
                    a.report.seq = std::stoi(seq);
                }
                if (!c.selfClosing)
                    readReport(a.report);
            } else if (c.name == "history" && !history) {
                history = true;
                if (!c.selfClosing)
                    checkHistory();
            } else if (!c.selfClosing) {
                skipContent(c.name, 3);  // the reader reads only the first of each
            }
        }
    }

    void readReport(ActionReport& r) {
        bool note = false;
        for (;;) {
            skipText();
            if (atEndTag()) {
                endTag("report");
                return;
            }
            StartTag c = startTag();
            if (c.name == "note" && !note) {
                note = true;
                r.note = textOnly(c);
                continue;
            }
            if (c.name == "evidence") {
                std::string file = required(c, "file");
                // Evidence must be a bare file name (the reader refuses paths); anything that
                // is not plainly one goes to the reader.
                if (file.size() > 255 || file == "." ||
                    file.find_first_of("/\\") != std::string::npos ||
                    file.find("..") != std::string::npos ||
                    std::any_of(file.begin(), file.end(), [](char ch) {
                        return static_cast<unsigned char>(ch) < 0x20 || ch == 0x7F;
                    }))
                    throw Unhandled{};
                r.evidence.push_back(std::move(file));
            }
            if (!c.selfClosing)
                skipContent(c.name, 4);
        }
    }

    // The reader checks every history entry although the register never shows them.
    void checkHistory() {
        for (;;) {
            skipText();
            if (atEndTag()) {
                endTag("history");
                return;
            }
            StartTag h = startTag();
            check(h, "at");
            if (h.name == "status") {
                status(h, "from");
                status(h, "to");
            } else if (h.name == "extension") {
                rule(h, "old-rule");
                optDate(h, "from");
                optDate(h, "to");
            } else {
                throw Unhandled{};
            }
            if (!h.selfClosing)
                skipContent(h.name, 4);
        }
    }
};

}  // namespace

std::optional<Audit> scanForRegister(std::string_view text, const std::string& path) {
    try {
        return Scanner(text).run(path);
    } catch (const Unhandled&) {
        return std::nullopt;
    }
}

}  // namespace par::track

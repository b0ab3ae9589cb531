// SPDX-License-Identifier: Apache-2.0
#include "pdf/PdfObjects.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <set>

#include "core/common/Error.hpp"
#include "core/common/Text.hpp"

namespace par::pdf::obj {

namespace {

constexpr int kMaxDepth = 64;
constexpr int kMaxObjects = 1000000;

bool isWhite(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }
bool isDelim(char c) { return std::strchr("()<>[]{}/%", c) != nullptr; }

class Parser {
public:
    // Positions come from the file (xref offsets, startxref): past the end is clamped to the end,
    // where every read then fails with a ParseError.
    Parser(std::string_view s, size_t pos, const std::string& name) : s_(s), pos_(std::min(pos, s.size())), name_(name) {}

    [[noreturn]] void fail(const char* what) const {
        throw ParseError({name_, 0, 0},
                         fmt(tr("PDF hỏng hoặc không do par-audit tạo ({} tại byte {})",
                                "damaged PDF, or not made by par-audit ({} at byte {})"),
                             what, std::to_string(pos_)));
    }
    void skip() {
        while (pos_ < s_.size()) {
            if (isWhite(s_[pos_])) ++pos_;
            else if (s_[pos_] == '%') {
                while (pos_ < s_.size() && s_[pos_] != '\n' && s_[pos_] != '\r') ++pos_;
            } else break;
        }
    }
    std::string token() {
        skip();
        size_t b = pos_;
        while (pos_ < s_.size() && !isWhite(s_[pos_]) && !isDelim(s_[pos_])) ++pos_;
        return std::string(s_.substr(b, pos_ - b));
    }
    bool peekKeyword(std::string_view k) {
        skip();
        return s_.substr(pos_, k.size()) == k &&
               (pos_ + k.size() >= s_.size() || isWhite(s_[pos_ + k.size()]) || isDelim(s_[pos_ + k.size()]));
    }
    void expect(std::string_view k) {
        if (!peekKeyword(k)) fail(std::string(k).c_str());
        pos_ += k.size();
    }
    size_t pos() const { return pos_; }
    void seek(size_t p) { pos_ = std::min(p, s_.size()); }

    Value value(int depth = 0) {
        if (depth > kMaxDepth) fail("nesting");
        skip();
        if (pos_ >= s_.size()) fail("end of file");
        char c = s_[pos_];
        if (c == '/') {
            ++pos_;
            size_t b = pos_;
            while (pos_ < s_.size() && !isWhite(s_[pos_]) && !isDelim(s_[pos_])) ++pos_;
            std::string n;
            for (size_t i = b; i < pos_; ++i) {
                if (s_[i] == '#' && i + 2 < pos_ && std::isxdigit(static_cast<unsigned char>(s_[i + 1])) &&
                    std::isxdigit(static_cast<unsigned char>(s_[i + 2]))) {
                    n += static_cast<char>(std::strtol(std::string(s_.substr(i + 1, 2)).c_str(), nullptr, 16));
                    i += 2;
                } else n += s_[i];
            }
            return Value::name(n);
        }
        if (c == '(') return literal();
        if (c == '<' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '<') {
            pos_ += 2;
            Value d = Value::makeDict();
            for (;;) {
                skip();
                if (s_.substr(pos_, 2) == ">>") {
                    pos_ += 2;
                    return d;
                }
                Value k = value(depth + 1);
                if (!k.is(Value::Type::Name)) fail("dictionary key");
                d.dict->emplace_back(k.text, value(depth + 1));
            }
        }
        if (c == '<') {
            ++pos_;
            std::string hex;
            while (pos_ < s_.size() && s_[pos_] != '>') {
                if (!isWhite(s_[pos_])) hex += s_[pos_];
                ++pos_;
            }
            if (pos_ >= s_.size()) fail("hex string");
            ++pos_;
            if (hex.size() % 2) hex += '0';
            std::string bytes;
            for (size_t i = 0; i < hex.size(); i += 2) {
                char* end = nullptr;
                std::string two = hex.substr(i, 2);
                long v = std::strtol(two.c_str(), &end, 16);
                if (end != two.c_str() + 2) fail("hex string");
                bytes += static_cast<char>(v);
            }
            return Value::string(bytes, true);
        }
        if (c == '[') {
            ++pos_;
            Value a = Value::makeArray();
            for (;;) {
                skip();
                if (pos_ < s_.size() && s_[pos_] == ']') {
                    ++pos_;
                    return a;
                }
                a.array->push_back(value(depth + 1));
            }
        }
        std::string t = token();
        if (t.empty()) fail("unexpected character");
        if (t == "true" || t == "false") {
            Value v;
            v.type = Value::Type::Bool;
            v.boolean = t == "true";
            return v;
        }
        if (t == "null") return Value{};
        char* end = nullptr;
        std::strtod(t.c_str(), &end);
        if (end != t.c_str() + t.size()) fail("unknown keyword");
        // "N G R": look ahead for a reference.
        if (t.find_first_of(".-+") == std::string::npos) {
            size_t save = pos_;
            std::string g = token();
            if (!g.empty() && g.size() < 10 && t.size() < 10 && g.find_first_not_of("0123456789") == std::string::npos &&
                peekKeyword("R")) {
                ++pos_;
                return Value::reference(std::atoi(t.c_str()), std::atoi(g.c_str()));
            }
            pos_ = save;
        }
        Value v;
        v.type = Value::Type::Number;
        v.text = t;
        return v;
    }

private:
    Value literal() {
        ++pos_;
        std::string out;
        int depth = 1;
        while (pos_ < s_.size()) {
            char c = s_[pos_++];
            if (c == '\\' && pos_ < s_.size()) {
                char e = s_[pos_++];
                switch (e) {
                    case 'n': out += '\n'; break;
                    case 'r': out += '\r'; break;
                    case 't': out += '\t'; break;
                    case 'b': out += '\b'; break;
                    case 'f': out += '\f'; break;
                    case '\r': if (pos_ < s_.size() && s_[pos_] == '\n') ++pos_; break;
                    case '\n': break;
                    default:
                        if (e >= '0' && e <= '7') {
                            int v = e - '0';
                            for (int k = 0; k < 2 && pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '7'; ++k)
                                v = v * 8 + (s_[pos_++] - '0');
                            out += static_cast<char>(v);
                        } else out += e;
                }
            } else if (c == '(') {
                ++depth;
                out += c;
            } else if (c == ')') {
                if (--depth == 0) return Value::string(out);
                out += c;
            } else out += c;
        }
        fail("string");
    }

    std::string_view s_;
    size_t pos_;
    const std::string& name_;
};

std::string numberText(double v) {
    if (std::fabs(v - std::round(v)) < 1e-9) return std::to_string(static_cast<long long>(std::llround(v)));
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3f", v);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

}  // namespace

Value Value::number(double v) {
    Value x;
    x.type = Type::Number;
    x.text = numberText(v);
    return x;
}
Value Value::integer(long long v) {
    Value x;
    x.type = Type::Number;
    x.text = std::to_string(v);
    return x;
}
Value Value::name(std::string n) {
    Value x;
    x.type = Type::Name;
    x.text = std::move(n);
    return x;
}
Value Value::string(std::string bytes, bool hex) {
    Value x;
    x.type = Type::String;
    x.text = std::move(bytes);
    x.hex = hex;
    return x;
}
Value Value::reference(int num, int gen) {
    Value x;
    x.type = Type::Ref;
    x.ref = {num, gen};
    return x;
}
Value Value::makeArray(Array a) {
    Value x;
    x.type = Type::Array;
    x.array = std::make_shared<Array>(std::move(a));
    return x;
}
Value Value::makeDict(Dict d) {
    Value x;
    x.type = Type::Dict;
    x.dict = std::make_shared<Dict>(std::move(d));
    return x;
}
double Value::num() const { return type == Type::Number ? std::strtod(text.c_str(), nullptr) : 0; }
long long Value::integer() const { return type == Type::Number ? std::llround(num()) : 0; }
const Value* Value::get(std::string_view key) const {
    if (type != Type::Dict) return nullptr;
    for (const auto& [k, v] : *dict)
        if (k == key) return &v;
    return nullptr;
}
void Value::set(const std::string& key, Value v) {
    for (auto& [k, old] : *dict)
        if (k == key) {
            old = std::move(v);
            return;
        }
    dict->emplace_back(key, std::move(v));
}
void Value::erase(std::string_view key) {
    for (auto it = dict->begin(); it != dict->end(); ++it)
        if (it->first == key) {
            dict->erase(it);
            return;
        }
}

std::string write(const Value& v) {
    switch (v.type) {
        case Value::Type::Null: return "null";
        case Value::Type::Bool: return v.boolean ? "true" : "false";
        case Value::Type::Number: return v.text;
        case Value::Type::Ref: return std::to_string(v.ref.num) + " " + std::to_string(v.ref.gen) + " R";
        case Value::Type::Name: {
            std::string out = "/";
            for (unsigned char c : v.text) {
                if (c < 0x21 || c > 0x7e || c == '#' || isDelim(static_cast<char>(c))) {
                    char buf[4];
                    std::snprintf(buf, sizeof buf, "#%02X", c);
                    out += buf;
                } else out += static_cast<char>(c);
            }
            return out;
        }
        case Value::Type::String: {
            if (v.hex) {
                std::string out = "<";
                char buf[3];
                for (unsigned char c : v.text) {
                    std::snprintf(buf, sizeof buf, "%02X", c);
                    out += buf;
                }
                return out + ">";
            }
            std::string out = "(";
            for (char c : v.text) {
                if (c == '(' || c == ')' || c == '\\') out += '\\';
                if (c == '\r') {
                    out += "\\r";
                    continue;
                }
                out += c;
            }
            return out + ")";
        }
        case Value::Type::Array: {
            std::string out = "[";
            for (size_t i = 0; i < v.array->size(); ++i) out += (i ? " " : "") + write((*v.array)[i]);
            return out + "]";
        }
        case Value::Type::Dict: {
            std::string out = "<<";
            for (const auto& [k, x] : *v.dict) out += " " + write(Value::name(k)) + " " + write(x);
            return out + " >>";
        }
    }
    return "null";
}

std::string writeObject(int num, const Value& v, const std::string* stream) {
    std::string out = std::to_string(num) + " 0 obj\n";
    if (stream != nullptr) {
        Value d = v;
        d.dict = std::make_shared<Dict>(*v.dict);
        d.set("Length", Value::integer(static_cast<long long>(stream->size())));
        out += write(d) + "\nstream\n" + *stream + "\nendstream";
    } else {
        out += write(v);
    }
    return out + "\nendobj\n";
}

Value parse(std::string_view text) {
    static const std::string name = "<text>";
    Parser p(text, 0, name);
    return p.value();
}

File::File(std::string bytes, std::string name) : bytes_(std::move(bytes)), name_(std::move(name)) {
    size_t sx = bytes_.rfind("startxref");
    if (bytes_.compare(0, 5, "%PDF-") != 0 || sx == std::string::npos)
        throw ParseError({name_, 0, 0}, tr("không phải tệp PDF (thiếu %PDF- hoặc startxref)",
                                           "not a PDF file (no %PDF- or startxref)"));
    Parser p(bytes_, sx + 9, name_);
    std::string off = p.token();
    lastXref_ = static_cast<size_t>(std::strtoull(off.c_str(), nullptr, 10));
    size_t at = lastXref_;
    std::set<size_t> seen;
    bool first = true;
    while (true) {
        if (at >= bytes_.size() || !seen.insert(at).second) p.fail("startxref");
        p.seek(at);
        if (!p.peekKeyword("xref"))
            throw ParseError({name_, 0, 0},
                             tr("PDF dùng bảng tham chiếu dạng luồng (xref stream): không phải tệp par-audit đã in. "
                                "Hãy ký tệp PDF do `par-audit report` tạo ra",
                                "the PDF uses cross-reference streams: not a file par-audit printed. Sign the PDF "
                                "that `par-audit report` made"));
        p.expect("xref");
        while (!p.peekKeyword("trailer")) {
            std::string a = p.token(), b = p.token();
            if (a.empty() || b.empty() || a.find_first_not_of("0123456789") != std::string::npos) p.fail("xref");
            if (a.size() > 9 || b.size() > 9 || b.find_first_not_of("0123456789") != std::string::npos) p.fail("xref");
            long start = std::atol(a.c_str()), count = std::atol(b.c_str());
            if (start < 0 || count < 0 || start + count > kMaxObjects) p.fail("xref");
            for (long i = 0; i < count; ++i) {
                std::string o = p.token(), g = p.token(), t = p.token();
                if (t != "n" && t != "f") p.fail("xref entry");
                int num = static_cast<int>(start + i);
                if (t == "n" && !offsets_.count(num) && num != 0)
                    offsets_[num] = static_cast<size_t>(std::strtoull(o.c_str(), nullptr, 10));
                else if (t == "f" && !offsets_.count(num))
                    offsets_[num] = 0;  // freed in a newer section: shadows older entries
            }
        }
        p.expect("trailer");
        Value t = p.value();
        if (!t.is(Value::Type::Dict)) p.fail("trailer");
        if (t.get("XRefStm") != nullptr) p.fail("hybrid xref");
        if (first) trailer_ = t;
        first = false;
        const Value* prev = t.get("Prev");
        if (prev == nullptr) break;
        at = static_cast<size_t>(prev->integer());
    }
    for (auto it = offsets_.begin(); it != offsets_.end();)
        it = it->second == 0 ? offsets_.erase(it) : std::next(it);
    if (trailer_.get("Root") == nullptr) p.fail("trailer /Root");
}

int File::size() const {
    const Value* s = trailer_.get("Size");
    return s != nullptr ? static_cast<int>(s->integer()) : 0;
}

Object File::object(int num) const {
    auto it = offsets_.find(num);
    Object o;
    o.num = num;
    if (it == offsets_.end()) return o;
    Parser p(bytes_, it->second, name_);
    std::string n = p.token(), g = p.token();
    if (n != std::to_string(num)) p.fail("object number");
    o.gen = std::atoi(g.c_str());
    p.expect("obj");
    o.value = p.value();
    if (p.peekKeyword("stream")) {
        p.expect("stream");
        size_t b = p.pos();
        if (b < bytes_.size() && bytes_[b] == '\r') ++b;
        if (b < bytes_.size() && bytes_[b] == '\n') ++b;
        const Value* len = o.value.get("Length");
        long long n2 = len == nullptr ? -1 : len->is(Value::Type::Ref) ? resolve(*len).integer() : len->integer();
        if (n2 < 0 || static_cast<size_t>(n2) > bytes_.size() - b) p.fail("stream length");
        o.isStream = true;
        o.stream = bytes_.substr(b, static_cast<size_t>(n2));
    }
    return o;
}

Value File::resolve(const Value& v) const {
    if (!v.is(Value::Type::Ref)) return v;
    return object(v.ref.num).value;
}

std::vector<Ref> File::pages() const {
    std::vector<Ref> out;
    Value root = resolve(*trailer_.get("Root"));
    const Value* pagesRef = root.get("Pages");
    if (pagesRef == nullptr || !pagesRef->is(Value::Type::Ref)) return out;
    std::set<int> seen;
    // Depth-first, children in order.
    auto walk = [&](auto&& self, Ref r, int depth) -> void {
        if (depth > kMaxDepth || !seen.insert(r.num).second) return;
        Value node = object(r.num).value;
        const Value* type = node.get("Type");
        if (type != nullptr && type->text == "Page") {
            out.push_back(r);
            return;
        }
        const Value* kids = node.get("Kids");
        if (kids == nullptr) return;
        Value k = resolve(*kids);
        if (!k.is(Value::Type::Array)) return;
        for (const auto& kid : *k.array)
            if (kid.is(Value::Type::Ref)) self(self, kid.ref, depth + 1);
    };
    walk(walk, pagesRef->ref, 0);
    return out;
}

}  // namespace par::pdf::obj

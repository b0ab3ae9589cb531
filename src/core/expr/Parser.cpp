// SPDX-License-Identifier: Apache-2.0
// The lexer and the recursive-descent parser of the expression language. Precedence, lowest first:
// or, and, not, comparisons, in / not in, + -, * / %, unary -, calls and parentheses.
#include <charconv>

#include "core/common/Text.hpp"
#include "core/expr/Ast.hpp"

namespace par::expr::detail {

SourceLocation locate(const SourceLocation& where, std::string_view text, size_t offset) {
    SourceLocation loc = where;
    if (offset > text.size())
        offset = text.size();
    size_t lineStart = 0;
    int newlines = 0;
    for (size_t i = 0; i < offset; ++i)
        if (text[i] == '\n') {
            ++newlines;
            lineStart = i + 1;
        }
    int chars = 0;  // columns count characters, not bytes
    for (size_t i = lineStart; i < offset; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            ++chars;
    if (newlines > 0) {
        loc.line = (where.line > 0 ? where.line : 1) + newlines;
        loc.column = chars + 1;
    } else {
        loc.column = where.column > 0 ? where.column + chars : chars + 1;
    }
    return loc;
}

SourceLocation Source::at(size_t offset) const {
    return locate(where, text, offset);
}

namespace {

enum class Tok { End, Number, String, Name, Var, LParen, RParen, LBracket, RBracket, Comma, Op };

struct Token {
    Tok kind = Tok::End;
    size_t offset = 0;
    std::string text;  // source text; for strings the decoded value
    double number = 0;
};

bool isIdentStart(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}
bool isIdentChar(char c) {
    return isIdentStart(c) || (c >= '0' && c <= '9');
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

class Parser {
public:
    Parser(std::string_view text, const SourceLocation& where) : text_(text), where_(where) {}

    std::unique_ptr<Node> run() {
        if (text_.size() > kMaxLength)
            fail(0, fmt(tr("biểu thức quá dài ({} byte, tối đa {})",
                           "the expression is too long ({} bytes, at most {})"),
                        std::to_string(text_.size()), std::to_string(kMaxLength)));
        if (!isValidUtf8(text_))
            fail(0, tr("biểu thức không phải văn bản UTF-8 hợp lệ",
                       "the expression is not valid UTF-8 text"));
        lex();
        if (tokens_.front().kind == Tok::End)
            fail(0, tr("biểu thức rỗng; cần một điều kiện hoặc giá trị",
                       "empty expression; expected a condition or a value"));
        auto root = parseOr();
        if (peek().kind != Tok::End)
            fail(peek().offset,
                 fmt(tr("thừa {} sau biểu thức; thiếu toán tử (and, or, +, ...) hay dấu phẩy?",
                        "unexpected {} after the expression; missing an operator (and, or, +, ...) "
                        "or a comma?"),
                     describe(peek())));
        return root;
    }

private:
    std::string_view text_;
    const SourceLocation& where_;
    std::vector<Token> tokens_;
    size_t pos_ = 0;
    int depth_ = 0;

    [[noreturn]] void fail(size_t offset, const std::string& message) const {
        throw ParseError(locate(where_, text_, offset), message);
    }

    // ---- lexer ----------------------------------------------------------------------------------

    void lex() {
        size_t i = 0;
        const size_t n = text_.size();
        while (true) {
            while (i < n &&
                   (text_[i] == ' ' || text_[i] == '\t' || text_[i] == '\n' || text_[i] == '\r'))
                ++i;
            Token t;
            t.offset = i;
            if (i >= n) {
                tokens_.push_back(t);
                return;
            }
            char c = text_[i];
            if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(text_[i + 1]))) {
                i = lexNumber(i, t);
            } else if (c == '\'' || c == '"') {
                i = lexString(i, t);
            } else if (isIdentStart(c)) {
                size_t b = i;
                while (i < n && isIdentChar(text_[i]))
                    ++i;
                t.kind = Tok::Name;
                t.text = std::string(text_.substr(b, i - b));
            } else if (c == '$') {
                size_t b = i++;
                if (i >= n || !isIdentStart(text_[i]))
                    fail(b, tr("sau '$' cần tên biến hệ thống, ví dụ $inspection_date",
                               "expected a system variable name after '$', e.g. $inspection_date"));
                while (i < n && isIdentChar(text_[i]))
                    ++i;
                t.kind = Tok::Var;
                t.text = std::string(text_.substr(b, i - b));
            } else if (c == '(' || c == ')' || c == '[' || c == ']' || c == ',') {
                t.kind = c == '('   ? Tok::LParen
                         : c == ')' ? Tok::RParen
                         : c == '[' ? Tok::LBracket
                         : c == ']' ? Tok::RBracket
                                    : Tok::Comma;
                t.text = std::string(1, c);
                ++i;
            } else {
                i = lexOperator(i, t);
            }
            tokens_.push_back(std::move(t));
        }
    }

    size_t lexNumber(size_t i, Token& t) {
        size_t b = i;
        const size_t n = text_.size();
        while (i < n && isDigit(text_[i]))
            ++i;
        if (i < n && text_[i] == '.') {
            ++i;
            if (i >= n || !isDigit(text_[i]))
                fail(b, tr("số viết sai: sau dấu '.' cần chữ số (ví dụ 0.8)",
                           "malformed number: expected digits after '.' (e.g. 0.8)"));
            while (i < n && isDigit(text_[i]))
                ++i;
        }
        if (i < n && (isIdentChar(text_[i]) || text_[i] == '.'))
            fail(b, fmt(tr("số viết sai '{}'; số dùng dấu '.' thập phân, không có chữ",
                           "malformed number '{}'; numbers use '.' for decimals and no letters"),
                        std::string(text_.substr(b, i - b + 1))));
        auto r = std::from_chars(text_.data() + b, text_.data() + i, t.number);
        if (r.ec != std::errc() || r.ptr != text_.data() + i)
            fail(b, tr("số quá lớn", "number out of range"));
        t.kind = Tok::Number;
        t.text = std::string(text_.substr(b, i - b));
        return i;
    }

    size_t lexString(size_t i, Token& t) {
        const char quote = text_[i];
        size_t b = i++;
        const size_t n = text_.size();
        std::string value;
        while (true) {
            if (i >= n)
                fail(b, fmt(tr("chuỗi chưa đóng; cần dấu {} kết thúc",
                               "unterminated string; expected a closing {}"),
                            std::string(1, quote)));
            char c = text_[i];
            if (c == quote) {
                ++i;
                break;
            }
            if (c == '\\') {
                if (i + 1 >= n)
                    fail(i, tr("chuỗi kết thúc sau '\\'", "string ends after '\\'"));
                char e = text_[i + 1];
                switch (e) {
                    case '\'':
                        value += '\'';
                        break;
                    case '"':
                        value += '"';
                        break;
                    case '\\':
                        value += '\\';
                        break;
                    case 'n':
                        value += '\n';
                        break;
                    case 't':
                        value += '\t';
                        break;
                    default:
                        fail(i, fmt(tr("ký tự thoát '\\{}' không hợp lệ; dùng \\' \\\" \\\\ \\n "
                                       "hoặc \\t",
                                       "invalid escape '\\{}'; use \\' \\\" \\\\ \\n or \\t"),
                                    std::string(1, e)));
                }
                i += 2;
                continue;
            }
            value += c;
            ++i;
        }
        t.kind = Tok::String;
        t.text = nfc(value);
        return i;
    }

    size_t lexOperator(size_t i, Token& t) {
        static const char* const ops[] = {"||", "&&", "==", "!=", "<>", "<=", ">=", "!",
                                          "=",  "<",  ">",  "+",  "-",  "*",  "/",  "%"};
        for (const char* op : ops) {
            std::string_view o(op);
            if (text_.substr(i, o.size()) == o) {
                t.kind = Tok::Op;
                t.text = std::string(o);
                return i + o.size();
            }
        }
        char c = text_[i];
        if (c == '|' || c == '&')
            fail(i, fmt(tr("toán tử '{}' không có; dùng '{}' hoặc '{}'",
                           "there is no operator '{}'; use '{}' or '{}'"),
                        std::string(1, c), c == '|' ? "or" : "and", c == '|' ? "||" : "&&"));
        // Show the whole UTF-8 character, not one byte of it.
        size_t len = 1;
        while (i + len < text_.size() &&
               (static_cast<unsigned char>(text_[i + len]) & 0xC0) == 0x80)
            ++len;
        fail(i, fmt(tr("ký tự '{}' không hợp lệ ở đây; tên chỉ dùng chữ Latinh không dấu, chữ số "
                       "và '_', chuỗi đặt trong dấu nháy",
                       "unexpected character '{}'; names use unaccented Latin letters, digits and "
                       "'_', strings go in quotes"),
                    std::string(text_.substr(i, len))));
    }

    // ---- parser ---------------------------------------------------------------------------------

    const Token& peek() const { return tokens_[pos_]; }
    const Token& next() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }

    bool isOp(const char* op) const { return peek().kind == Tok::Op && peek().text == op; }
    bool isWord(const char* w) const { return peek().kind == Tok::Name && peek().text == w; }
    bool isWordAt(size_t k, const char* w) const {
        return pos_ + k < tokens_.size() && tokens_[pos_ + k].kind == Tok::Name &&
               tokens_[pos_ + k].text == w;
    }

    std::string describe(const Token& t) const {
        switch (t.kind) {
            case Tok::End:
                return tr("hết biểu thức", "the end of the expression");
            case Tok::String:
                return fmt(tr("chuỗi '{}'", "string '{}'"), t.text);
            default:
                return "'" + t.text + "'";
        }
    }

    void expect(Tok kind, const char* what) {
        if (peek().kind != kind)
            fail(peek().offset, fmt(tr("cần {} nhưng gặp {}", "expected {} but found {}"), what,
                                    describe(peek())));
        next();
    }

    // Guards the recursion of the parser (and so of every later pass) against deep nesting.
    struct DepthGuard {
        Parser& p;
        DepthGuard(Parser& parser, size_t offset) : p(parser) {
            if (++p.depth_ > kMaxDepth)
                p.fail(offset, fmt(tr("biểu thức lồng nhau quá sâu (tối đa {} cấp)",
                                      "the expression is nested too deeply (at most {} levels)"),
                                   std::to_string(kMaxDepth)));
        }
        ~DepthGuard() { --p.depth_; }
    };

    std::unique_ptr<Node> make(Node::Kind kind, size_t offset) {
        auto node = std::make_unique<Node>();
        node->kind = kind;
        node->offset = offset;
        return node;
    }

    // Sets the height of a node from its children; long operator chains count too.
    std::unique_ptr<Node> seal(std::unique_ptr<Node> node) {
        int h = 0;
        for (const auto& k : node->kids)
            h = std::max(h, k->height);
        node->height = h + 1;
        if (node->height > kMaxDepth)
            fail(node->offset, fmt(tr("biểu thức lồng nhau quá sâu (tối đa {} cấp)",
                                      "the expression is nested too deeply (at most {} levels)"),
                                   std::to_string(kMaxDepth)));
        return node;
    }

    std::unique_ptr<Node> binary(Op op, size_t offset, std::unique_ptr<Node> a,
                                 std::unique_ptr<Node> b) {
        auto node = make(Node::Kind::Binary, offset);
        node->op = op;
        node->kids.push_back(std::move(a));
        node->kids.push_back(std::move(b));
        return seal(std::move(node));
    }

    std::unique_ptr<Node> parseOr() {
        DepthGuard guard(*this, peek().offset);
        auto left = parseAnd();
        while (isWord("or") || isOp("||")) {
            size_t at = next().offset;
            left = binary(Op::Or, at, std::move(left), parseAnd());
        }
        return left;
    }

    std::unique_ptr<Node> parseAnd() {
        auto left = parseNot();
        while (isWord("and") || isOp("&&")) {
            size_t at = next().offset;
            left = binary(Op::And, at, std::move(left), parseNot());
        }
        return left;
    }

    std::unique_ptr<Node> parseNot() {
        if (isWord("not") || isOp("!")) {
            DepthGuard guard(*this, peek().offset);
            auto node = make(Node::Kind::Unary, next().offset);
            node->op = Op::Not;
            node->kids.push_back(parseNot());
            return seal(std::move(node));
        }
        return parseComparison();
    }

    bool comparisonOp(Op* op) const {
        if (peek().kind != Tok::Op)
            return false;
        const std::string& t = peek().text;
        if (t == "=" || t == "==")
            *op = Op::Eq;
        else if (t == "!=" || t == "<>")
            *op = Op::Ne;
        else if (t == "<")
            *op = Op::Lt;
        else if (t == "<=")
            *op = Op::Le;
        else if (t == ">")
            *op = Op::Gt;
        else if (t == ">=")
            *op = Op::Ge;
        else
            return false;
        return true;
    }

    std::unique_ptr<Node> parseComparison() {
        auto left = parseIn();
        Op op;
        if (!comparisonOp(&op))
            return left;
        size_t at = next().offset;
        left = binary(op, at, std::move(left), parseIn());
        if (comparisonOp(&op))
            fail(peek().offset, tr("không so sánh nối tiếp được (a < b < c); dùng 'and': a < b and "
                                   "b < c",
                                   "comparisons cannot be chained (a < b < c); use 'and': a < b "
                                   "and b < c"));
        return left;
    }

    std::unique_ptr<Node> parseIn() {
        auto left = parseAdditive();
        while (isWord("in") || (isWord("not") && isWordAt(1, "in"))) {
            Op op = isWord("in") ? Op::In : Op::NotIn;
            size_t at = next().offset;
            if (op == Op::NotIn)
                next();
            left = binary(op, at, std::move(left), parseAdditive());
        }
        return left;
    }

    std::unique_ptr<Node> parseAdditive() {
        auto left = parseMultiplicative();
        while (isOp("+") || isOp("-")) {
            Op op = isOp("+") ? Op::Add : Op::Sub;
            size_t at = next().offset;
            left = binary(op, at, std::move(left), parseMultiplicative());
        }
        return left;
    }

    std::unique_ptr<Node> parseMultiplicative() {
        auto left = parseUnary();
        while (isOp("*") || isOp("/") || isOp("%")) {
            Op op = isOp("*") ? Op::Mul : isOp("/") ? Op::Div : Op::Mod;
            size_t at = next().offset;
            left = binary(op, at, std::move(left), parseUnary());
        }
        return left;
    }

    std::unique_ptr<Node> parseUnary() {
        if (isOp("-")) {
            DepthGuard guard(*this, peek().offset);
            size_t at = next().offset;
            auto operand = parseUnary();
            // Fold "-12" so that negative literals stay literals.
            if (operand->kind == Node::Kind::Literal && operand->value.type() == Type::Number) {
                operand->value = Value(-operand->value.asNumber());
                operand->offset = at;
                return operand;
            }
            auto node = make(Node::Kind::Unary, at);
            node->op = Op::Neg;
            node->kids.push_back(std::move(operand));
            return seal(std::move(node));
        }
        if (isOp("+"))
            fail(peek().offset, tr("không có dấu '+' đứng trước một giá trị; bỏ nó đi",
                                   "a value cannot start with '+'; remove it"));
        return parsePrimary();
    }

    std::unique_ptr<Node> parsePrimary() {
        const Token& t = peek();
        switch (t.kind) {
            case Tok::Number: {
                auto node = make(Node::Kind::Literal, t.offset);
                node->value = Value(t.number);
                next();
                return node;
            }
            case Tok::String: {
                auto node = make(Node::Kind::Literal, t.offset);
                node->value = Value(t.text);
                next();
                return node;
            }
            case Tok::Var: {
                auto node = make(Node::Kind::Name, t.offset);
                node->name = t.text;
                next();
                return node;
            }
            case Tok::LParen: {
                next();
                auto inner = parseOr();
                expect(Tok::RParen, "')'");
                return inner;
            }
            case Tok::LBracket:
                return parseList();
            case Tok::Name:
                return parseWord();
            default:
                break;
        }
        fail(t.offset, fmt(tr("cần một giá trị (số, chuỗi, tên, hàm, '(' hoặc '[') nhưng gặp {}",
                              "expected a value (number, string, name, function, '(' or '[') but "
                              "found {}"),
                           describe(t)));
    }

    std::unique_ptr<Node> parseList() {
        auto node = make(Node::Kind::List, next().offset);
        if (peek().kind != Tok::RBracket) {
            while (true) {
                node->kids.push_back(parseOr());
                if (peek().kind != Tok::Comma)
                    break;
                next();
            }
        }
        expect(Tok::RBracket, tr("']' hoặc ','", "']' or ','"));
        return seal(std::move(node));
    }

    std::unique_ptr<Node> parseWord() {
        const Token& t = peek();
        if (t.text == "true" || t.text == "false" || t.text == "null") {
            auto node = make(Node::Kind::Literal, t.offset);
            if (t.text != "null")
                node->value = Value(t.text == "true");
            next();
            return node;
        }
        if (t.text == "and" || t.text == "or" || t.text == "not" || t.text == "in")
            fail(t.offset, fmt(tr("cần một giá trị nhưng gặp từ khóa '{}'",
                                  "expected a value but found the keyword '{}'"),
                               t.text));
        Token name = next();
        if (peek().kind != Tok::LParen) {
            auto node = make(Node::Kind::Name, name.offset);
            node->name = name.text;
            return node;
        }
        next();
        auto call = make(Node::Kind::Call, name.offset);
        call->name = name.text;
        if (peek().kind != Tok::RParen) {
            while (true) {
                call->kids.push_back(parseOr());
                if (peek().kind != Tok::Comma)
                    break;
                next();
            }
        }
        expect(Tok::RParen, tr("')' hoặc ','", "')' or ','"));
        if (call->name == "date")
            return foldDate(std::move(call));
        return seal(std::move(call));
    }

    // date('2018-11-28') becomes a date literal, so a bad date is reported when the form loads.
    std::unique_ptr<Node> foldDate(std::unique_ptr<Node> call) {
        if (call->kids.size() != 1 || call->kids[0]->kind != Node::Kind::Literal ||
            call->kids[0]->value.type() != Type::String)
            return seal(std::move(call));
        const Node& arg = *call->kids[0];
        auto d = parseIsoDate(arg.value.asString());
        if (!d)
            fail(arg.offset, fmt(tr("ngày '{}' không hợp lệ; cần dạng 'YYYY-MM-DD', ví dụ "
                                    "'2018-11-28'",
                                    "invalid date '{}'; expected 'YYYY-MM-DD', e.g. '2018-11-28'"),
                                 arg.value.asString()));
        auto node = make(Node::Kind::Literal, call->offset);
        node->value = Value(*d);
        return node;
    }
};

}  // namespace

std::unique_ptr<Node> parseTree(std::string_view text, const SourceLocation& where) {
    return Parser(text, where).run();
}

}  // namespace par::expr::detail

// SPDX-License-Identifier: Apache-2.0
#include "core/expr/TextTemplate.hpp"

#include <algorithm>

#include "core/common/Text.hpp"
#include "core/expr/Ast.hpp"

namespace par::expr {

namespace {
constexpr size_t kMaxTemplateLength = 1024 * 1024;

// The offset of the '}' that closes a placeholder opened before `from`, skipping quoted strings.
size_t closingBrace(std::string_view text, size_t from) {
    char quote = 0;
    for (size_t i = from; i < text.size(); ++i) {
        char c = text[i];
        if (quote) {
            if (c == '\\')
                ++i;
            else if (c == quote)
                quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '}') {
            return i;
        }
    }
    return std::string_view::npos;
}

void addUnique(std::vector<std::string>& out, const std::vector<std::string>& names) {
    for (const auto& n : names)
        if (std::find(out.begin(), out.end(), n) == out.end())
            out.push_back(n);
}
}  // namespace

TextTemplate TextTemplate::parse(std::string_view text, const par::SourceLocation& where) {
    if (text.size() > kMaxTemplateLength)
        throw ParseError(where,
                         fmt(tr("văn bản quá dài ({} byte, tối đa {})",
                                "the text is too long ({} bytes, at most {})"),
                             std::to_string(text.size()), std::to_string(kMaxTemplateLength)));
    TextTemplate t;
    t.text_ = std::string(text);
    std::string literal;
    auto flush = [&] {
        if (!literal.empty())
            t.parts_.push_back(Part{std::move(literal), Expression()});
        literal.clear();
    };
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '{' && i + 1 < text.size() && text[i + 1] == '{') {
            literal += '{';
            ++i;
        } else if (c == '}' && i + 1 < text.size() && text[i + 1] == '}') {
            literal += '}';
            ++i;
        } else if (c == '}') {
            throw ParseError(detail::locate(where, text, i),
                             tr("dấu '}' đứng một mình; viết '}}' nếu muốn in dấu '}'",
                                "a lone '}'; write '}}' for a literal '}'"));
        } else if (c == '{') {
            size_t close = closingBrace(text, i + 1);
            if (close == std::string_view::npos)
                throw ParseError(detail::locate(where, text, i),
                                 tr("dấu '{' chưa đóng; cần '}' sau biểu thức (viết '{{' nếu muốn "
                                    "in dấu '{')",
                                    "unclosed '{'; expected '}' after the expression (write '{{' "
                                    "for a literal '{')"));
            std::string_view inner = text.substr(i + 1, close - i - 1);
            if (trim(inner).empty())
                throw ParseError(detail::locate(where, text, i),
                                 tr("chỗ trống '{}' rỗng; cần một biểu thức, ví dụ {ma}",
                                    "the placeholder '{}' is empty; expected e.g. {ma}"));
            flush();
            t.parts_.push_back(
                Part{{}, Expression::parse(inner, detail::locate(where, text, i + 1))});
            i = close;
        } else {
            literal += c;
        }
    }
    flush();
    return t;
}

void TextTemplate::check(const TypeScope& types, const FunctionTable& fns,
                         par::ValidationResult& result) const {
    for (const auto& p : parts_)
        if (!p.expression.empty())
            p.expression.check(types, fns, result);
}

std::string TextTemplate::render(const Scope& scope, const FunctionTable& fns) const {
    std::string out;
    for (const auto& p : parts_)
        out += p.expression.empty() ? p.literal : p.expression.evaluate(scope, fns).display();
    return out;
}

std::vector<std::string> TextTemplate::references() const {
    std::vector<std::string> out;
    for (const auto& p : parts_)
        addUnique(out, p.expression.references());
    return out;
}

std::vector<std::string> TextTemplate::references(const TypeScope& types) const {
    std::vector<std::string> out;
    for (const auto& p : parts_)
        addUnique(out, p.expression.references(types));
    return out;
}

bool TextTemplate::hasPlaceholders() const {
    return std::any_of(parts_.begin(), parts_.end(),
                       [](const Part& p) { return !p.expression.empty(); });
}

}  // namespace par::expr

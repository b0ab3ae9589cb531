// SPDX-License-Identifier: Apache-2.0
#include "core/common/XmlReader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>

#include "core/common/InputFile.hpp"
#include "core/common/Text.hpp"

namespace par {


std::string_view prepareXmlText(std::string_view text, const std::string& name, std::string& storage) {
    if (text.size() > kMaxXmlFileBytes) throwFileTooLarge(name, text.size(), kMaxXmlFileBytes);
    if (!isValidUtf8(text)) {
        const size_t bad = firstInvalidUtf8(text);
        throw ParseError({name, bad == std::string_view::npos ? 0 : lineOfOffset(text, bad), 0},
                         tr("tệp không phải UTF-8 hợp lệ (có thể là Windows-1258 hoặc TCVN3); hãy lưu lại với "
                            "mã hoá UTF-8",
                            "the file is not valid UTF-8 (Windows-1258 or TCVN3?); save it again as UTF-8"));
    }
    if (size_t nul = text.find('\0'); nul != std::string_view::npos)
        throw ParseError({name, lineOfOffset(text, nul), 0},
                         tr("tệp chứa byte NUL (có thể là tệp UTF-16 hoặc tệp nhị phân); hãy lưu lại với mã hoá UTF-8",
                            "the file contains a NUL byte (a UTF-16 or binary file?); save it again as UTF-8"));
    // Only a lone CR changes the line count; CR LF is left for TinyXML-2, which folds it.
    bool loneCr = false;
    for (size_t p = text.find('\r'); p != std::string_view::npos; p = text.find('\r', p + 1))
        if (p + 1 == text.size() || text[p + 1] != '\n') {
            loneCr = true;
            break;
        }
    if (!loneCr) return text;
    storage.clear();
    storage.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') {
            storage += text[i];
        } else if (i + 1 == text.size() || text[i + 1] != '\n') {
            storage += '\n';
        }
    }
    return storage;
}

XmlReader XmlReader::load(const std::string& path) { return parse(readFile(path, kMaxXmlFileBytes), path); }

XmlReader XmlReader::parse(std::string_view text, const std::string& name) {
    XmlReader r;
    r.file_ = name;
    std::string normalised;
    text = prepareXmlText(text, name, normalised);
    r.doc_ = std::make_unique<tinyxml2::XMLDocument>(true, tinyxml2::PRESERVE_WHITESPACE);
    tinyxml2::XMLError err = r.doc_->Parse(text.data(), text.size());
    if (err == tinyxml2::XML_ELEMENT_DEPTH_EXCEEDED)
        throw ParseError({name, r.doc_->ErrorLineNum(), 0},
                         fmt(tr("các phần tử lồng nhau quá sâu (tối đa {} cấp); tệp bị hỏng hoặc không "
                                "phải tệp của par-audit",
                                "elements nested too deeply (at most {} levels); the file is damaged or "
                                "not a par-audit file"),
                             std::to_string(kMaxXmlDepth)));
    if (err != tinyxml2::XML_SUCCESS) {
        const char* detail = r.doc_->ErrorStr();
        throw ParseError({name, r.doc_->ErrorLineNum(), 0},
                         fmt(tr("XML không hợp lệ: {}", "malformed XML: {}"), detail ? detail : ""));
    }
    return r;
}

std::string XmlReader::rootName() const {
    const tinyxml2::XMLElement* e = doc_->RootElement();
    return e ? e->Name() : "";
}

const tinyxml2::XMLElement& XmlReader::root(const char* expected) const {
    const tinyxml2::XMLElement* e = doc_->RootElement();
    if (e == nullptr)
        throw ParseError({file_, 1, 0}, tr("tệp không có phần tử gốc", "the file has no root element"));
    if (std::string_view(e->Name()) != expected)
        fail(*e, fmt(tr("phần tử gốc phải là <{}>, không phải <{}>", "the root element must be <{}>, not <{}>"),
                     expected, e->Name()));
    return *e;
}

SourceLocation XmlReader::at(const tinyxml2::XMLElement& e) const { return {file_, e.GetLineNum(), 0}; }

void XmlReader::fail(const tinyxml2::XMLElement& e, const std::string& message) const {
    throw ParseError(at(e), message);
}

std::optional<std::string> XmlReader::optAttr(const tinyxml2::XMLElement& e, const char* name) const {
    const char* v = e.Attribute(name);
    if (v == nullptr) return std::nullopt;
    return nfc(v);
}

std::string XmlReader::attr(const tinyxml2::XMLElement& e, const char* name) const {
    auto v = optAttr(e, name);
    if (!v || trim(*v).empty())
        fail(e, fmt(tr("<{}> thiếu thuộc tính bắt buộc '{}'", "<{}> lacks the required attribute '{}'"),
                    e.Name(), name));
    return *v;
}

std::string XmlReader::attrOr(const tinyxml2::XMLElement& e, const char* name, std::string fallback) const {
    auto v = optAttr(e, name);
    return v ? *v : fallback;
}

std::optional<long long> XmlReader::optIntAttr(const tinyxml2::XMLElement& e, const char* name) const {
    auto v = optAttr(e, name);
    if (!v) return std::nullopt;
    std::string t = trim(*v);
    errno = 0;
    char* end = nullptr;
    long long n = std::strtoll(t.c_str(), &end, 10);
    if (t.empty() || *end != '\0' || errno == ERANGE)
        fail(e, fmt(tr("thuộc tính '{}' phải là số nguyên, không phải '{}'",
                       "attribute '{}' must be an integer, not '{}'"),
                    name, *v));
    return n;
}

long long XmlReader::intAttr(const tinyxml2::XMLElement& e, const char* name) const {
    attr(e, name);  // reports a missing attribute
    return *optIntAttr(e, name);
}

std::optional<double> XmlReader::optNumberAttr(const tinyxml2::XMLElement& e, const char* name) const {
    auto v = optAttr(e, name);
    if (!v) return std::nullopt;
    std::string t = trim(*v);
    char* end = nullptr;
    double d = std::strtod(t.c_str(), &end);
    if (t.empty() || *end != '\0')
        fail(e, fmt(tr("thuộc tính '{}' phải là số, không phải '{}'", "attribute '{}' must be a number, not '{}'"),
                    name, *v));
    return d;
}

bool XmlReader::boolAttr(const tinyxml2::XMLElement& e, const char* name, bool fallback) const {
    auto v = optAttr(e, name);
    if (!v) return fallback;
    if (*v == "true" || *v == "1" || *v == "yes") return true;
    if (*v == "false" || *v == "0" || *v == "no") return false;
    fail(e, fmt(tr("thuộc tính '{}' phải là true hoặc false, không phải '{}'",
                   "attribute '{}' must be true or false, not '{}'"),
                name, *v));
}

std::optional<Date> XmlReader::optDateAttr(const tinyxml2::XMLElement& e, const char* name) const {
    auto v = optAttr(e, name);
    if (!v || v->empty()) return std::nullopt;
    auto d = parseIsoDate(trim(*v));
    if (!d)
        fail(e, fmt(tr("thuộc tính '{}': '{}' không phải ngày hợp lệ dạng YYYY-MM-DD",
                       "attribute '{}': '{}' is not a valid YYYY-MM-DD date"),
                    name, *v));
    return d;
}

Date XmlReader::dateAttr(const tinyxml2::XMLElement& e, const char* name) const {
    attr(e, name);
    return *optDateAttr(e, name);
}

std::string XmlReader::text(const tinyxml2::XMLElement& e) const {
    const char* t = e.GetText();
    if (t == nullptr) return {};
    std::string out;
    bool space = false;
    for (const char* p = t; *p != '\0'; ++p) {
        char c = *p;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return nfc(out);
}

std::string XmlReader::rawText(const tinyxml2::XMLElement& e) const {
    const char* t = e.GetText();
    if (t == nullptr) return {};
    std::string out;
    for (const char* p = t; *p != '\0'; ++p)
        if (*p != '\r') out += *p;
    return nfc(trim(out));
}

int XmlReader::checkFormatVersion(const tinyxml2::XMLElement& root, int supported, const char* kind) const {
    long long v = intAttr(root, "format-version");
    if (v < 1)
        fail(root, fmt(tr("format-version '{}' không hợp lệ", "invalid format-version '{}'"), std::to_string(v)));
    if (v > supported)
        fail(root, fmt(tr("{} có format-version {} mới hơn bản par-audit này hỗ trợ ({}); hãy cập nhật par-audit",
                          "{} has format-version {}, newer than this par-audit supports ({}); update par-audit"),
                       kind, std::to_string(v), std::to_string(supported)));
    return static_cast<int>(v);
}

void setAttrIfNotEmpty(tinyxml2::XMLElement& e, const char* name, const std::string& value) {
    if (!value.empty()) e.SetAttribute(name, value.c_str());
}

std::string toXmlString(const tinyxml2::XMLDocument& doc) {
    tinyxml2::XMLPrinter printer;
    doc.Print(&printer);
    return std::string(printer.CStr(), static_cast<size_t>(printer.CStrSize() > 0 ? printer.CStrSize() - 1 : 0));
}

}  // namespace par

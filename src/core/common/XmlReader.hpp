// SPDX-License-Identifier: Apache-2.0
// XmlReader.hpp - the one way the core reads XML: a loaded TinyXML-2 document that remembers its file
// name, and accessors that throw ParseError with file:line when an element or attribute is missing
// or malformed. Text and attribute values come back NFC-normalised.
#pragma once

#include <tinyxml2.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/common/Dates.hpp"
#include "core/common/Error.hpp"

namespace par {

// Limits on what a reader accepts (docs/reliability.md): the size of an XML file, and how deep its
// elements may nest (TinyXML-2's own bound, which keeps the recursive readers' stacks small).
constexpr size_t kMaxXmlFileBytes = 64u * 1024u * 1024u;
constexpr int kMaxXmlDepth = TINYXML2_MAX_ELEMENT_DEPTH;

// Checks text about to be parsed as XML, each problem with the line where it is: size
// (kMaxXmlFileBytes), well-formed UTF-8, no NUL byte. Returns the text with its line ends made LF
// as XML 1.0 (section 2.11) says, CR LF and a lone CR alike, so that TinyXML-2, which counts LFs,
// gives the right line in a file with CR-only line ends; `storage` holds the copy when one is made.
std::string_view prepareXmlText(std::string_view text, const std::string& name, std::string& storage);

class XmlReader {
public:
    // Reads and parses a file; throws IoError (cannot read) or ParseError (malformed, too large).
    static XmlReader load(const std::string& path);
    // Parses text held in memory; `name` stands for the file in messages.
    static XmlReader parse(std::string_view text, const std::string& name);

    const std::string& fileName() const { return file_; }

    // The root element's name ("" when there is none).
    std::string rootName() const;

    // The root element, which must be named `expected`.
    const tinyxml2::XMLElement& root(const char* expected) const;

    SourceLocation at(const tinyxml2::XMLElement& e) const;
    [[noreturn]] void fail(const tinyxml2::XMLElement& e, const std::string& message) const;

    std::string attr(const tinyxml2::XMLElement& e, const char* name) const;  // required
    std::optional<std::string> optAttr(const tinyxml2::XMLElement& e, const char* name) const;
    std::string attrOr(const tinyxml2::XMLElement& e, const char* name, std::string fallback) const;
    long long intAttr(const tinyxml2::XMLElement& e, const char* name) const;  // required
    std::optional<long long> optIntAttr(const tinyxml2::XMLElement& e, const char* name) const;
    std::optional<double> optNumberAttr(const tinyxml2::XMLElement& e, const char* name) const;
    bool boolAttr(const tinyxml2::XMLElement& e, const char* name, bool fallback) const;
    std::optional<Date> optDateAttr(const tinyxml2::XMLElement& e, const char* name) const;
    Date dateAttr(const tinyxml2::XMLElement& e, const char* name) const;  // required

    // The element's text content, NFC, with runs of white space made one space ("" when empty):
    // for labels and messages, which XML files wrap over several lines.
    std::string text(const tinyxml2::XMLElement& e) const;
    // The text content with its line breaks kept (trimmed at both ends, CR removed): for answers.
    std::string rawText(const tinyxml2::XMLElement& e) const;

    // Checks the `format-version` attribute of the root: a version newer than `supported` is refused.
    int checkFormatVersion(const tinyxml2::XMLElement& root, int supported, const char* kind) const;

private:
    XmlReader() = default;
    std::string file_;
    std::unique_ptr<tinyxml2::XMLDocument> doc_;
};

// Iterate child elements by name: for (auto* c : children(e, "question")) ...
class ChildRange {
public:
    ChildRange(const tinyxml2::XMLElement& parent, const char* name) : parent_(parent), name_(name) {}
    class iterator {
    public:
        iterator(const tinyxml2::XMLElement* e, const char* name) : e_(e), name_(name) {}
        const tinyxml2::XMLElement& operator*() const { return *e_; }
        iterator& operator++() {
            e_ = e_->NextSiblingElement(name_);
            return *this;
        }
        bool operator!=(const iterator& o) const { return e_ != o.e_; }

    private:
        const tinyxml2::XMLElement* e_;
        const char* name_;
    };
    iterator begin() const { return iterator(parent_.FirstChildElement(name_), name_); }
    iterator end() const { return iterator(nullptr, name_); }

private:
    const tinyxml2::XMLElement& parent_;
    const char* name_;
};
inline ChildRange children(const tinyxml2::XMLElement& e, const char* name = nullptr) {
    return ChildRange(e, name);
}

// Escaped-free helper for writers: sets an attribute only when the value is not empty.
void setAttrIfNotEmpty(tinyxml2::XMLElement& e, const char* name, const std::string& value);

// Serialises a document to a string (UTF-8, with the XML declaration, indented).
std::string toXmlString(const tinyxml2::XMLDocument& doc);

}  // namespace par

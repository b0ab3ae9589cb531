// SPDX-License-Identifier: Apache-2.0
// Template.hpp - the XML report templates of templates/ (format in docs/templates.md): a document
// skeleton with {placeholders}, <for> loops and <if> conditions, bound to a par::report::Data tree
// to give a Document. Users edit templates without rebuilding. Syntax errors (unknown element or
// attribute, malformed value or expression) are found at load; a placeholder naming a field the
// data does not have is found at render. Both throw par::ParseError carrying the template's
// file:line.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/report/Data.hpp"
#include "pdf/Document.hpp"

namespace tinyxml2 {
class XMLDocument;
class XMLElement;
}  // namespace tinyxml2

namespace par::pdf {

class Template {
public:
    // Reads a template file; throws IoError (missing/unreadable) or ParseError (file:line).
    static Template load(const std::string& path);
    // Parses template text; `name` stands for the file in messages, `baseDir` resolves <include>.
    static Template parse(std::string_view xml, const std::string& name,
                          const std::string& baseDir = ".");

    Template(Template&&) noexcept;
    Template& operator=(Template&&) noexcept;
    ~Template();

    const std::string& fileName() const { return file_; }

    // Builds the document; throws ParseError (unknown field, wrong kind of value) with file:line.
    Document render(const report::Data& data) const;

private:
    Template();
    void validate() const;
    std::string file_;
    std::string baseDir_;
    std::unique_ptr<tinyxml2::XMLDocument> doc_;
    std::vector<std::pair<const tinyxml2::XMLElement*, Template>> includes_;
};

// Parses a length: "1.27cm", "10mm", "6pt", "12" (points). nullopt when malformed.
std::optional<double> parseLength(std::string_view s);

}  // namespace par::pdf

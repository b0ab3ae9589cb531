// SPDX-License-Identifier: Apache-2.0
// AuditReader.hpp - reads *.audit.xml (docs/audit-files.md). Structural problems (malformed XML, a
// missing required attribute, an unsupported format-version, a bad date) throw ParseError with
// file:line; checking the answers against the form is AnswerValidator's job.
#pragma once

#include <string>
#include <string_view>

#include "core/model/Audit.hpp"

namespace tinyxml2 {
class XMLElement;
}

namespace par {

class XmlReader;

class AuditReader {
public:
    static Audit load(const std::string& path);
    static Audit parse(std::string_view xml, const std::string& name);
    // One <action> element, read in place (the plan and response files hold the same element): its
    // errors carry the element's own lines. Does not check that ids are unique.
    static Action readAction(const XmlReader& x, const tinyxml2::XMLElement& e);
};

}  // namespace par

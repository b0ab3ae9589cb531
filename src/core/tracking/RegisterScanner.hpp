// SPDX-License-Identifier: Apache-2.0
// RegisterScanner.hpp - the register's fast path: reads what `par-audit track` needs from an audit
// file's text without building a DOM for the answers, findings and actions. A hand-written pull
// scanner walks the whole document (well-formedness checked on a strict subset of XML), hands the
// small header elements (<unit>, <inspecting-body>, <form>, <notice>, ...) to AuditReader, and
// reads <actions> itself with the reader's rules. Anything outside that subset (comments, CDATA,
// character references, odd tags) or anything wrong gives nullopt: the caller then reads the file
// with AuditReader, which decides and words the message. tests/core/tracking compares both on
// generated and hand-edited files.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/model/Audit.hpp"

namespace par::track {

// The audit's header (everything but answers and findings) and its actions without their history,
// as AuditReader would read them; nullopt when the full reader must decide.
std::optional<Audit> scanForRegister(std::string_view text, const std::string& path);

}  // namespace par::track

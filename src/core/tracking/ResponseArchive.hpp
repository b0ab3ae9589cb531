// SPDX-License-Identifier: Apache-2.0
// ResponseArchive.hpp - a unit's response as ONE file that carries its evidence
// (docs/tracking.md, "Exchange format 2"): NAME.response.zip holding response.xml and
// evidence/<action id>/<file>, or a plain NAME.response.xml when nothing is attached. Reading checks
// the container itself (entry names, sizes, counts: no path traversal, no zip bomb) and refuses the
// whole file when it is wrong; whether each action's evidence matches what response.xml says
// (hash, size, name) is the import's business, action by action (PlanExchange.hpp).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "core/tracking/PlanFile.hpp"

namespace par::track {

// Limits on what a response may carry (docs/tracking.md, "Limits").
constexpr std::uint64_t kMaxEvidenceFileBytes = 25u * 1024u * 1024u;   // one evidence file
constexpr std::uint64_t kMaxResponseBytes = 100u * 1024u * 1024u;      // everything inflated
constexpr size_t kMaxResponseEntries = 1000;                            // entries in the zip
constexpr size_t kMaxEvidenceNameChars = 120;                           // code points

// Why `name` cannot be an evidence file name, in words ("" when it can): it must be a bare file
// name that is safe on Windows too: no '/', '\\' or ':' (drive, alternate data stream); no
// control, bidi-override or isolate characters (U+202A-202E, U+2066-2069, U+200E/200F); none of
// < > " | ? *; not a device name (CON, PRN, AUX, NUL, COM1-9, LPT1-9, with any extension); no
// trailing dot or space; valid UTF-8 in NFC; at most kMaxEvidenceNameChars characters.
std::string evidenceNameProblem(std::string_view name);

// The bytes of an evidence file the unit attaches to action `actionId` (`shown` names it in the
// message): a regular file of at most kMaxEvidenceFileBytes, else UsageError / IoError.
std::string readEvidenceFile(const std::string& path, const std::string& actionId,
                             const std::string& shown);

// What a response file holds.
struct ResponsePackage {
    PlanFile response;
    std::string xml;  // response.xml exactly as read
    // "A-001/bien-ban.pdf" → the bytes, for every evidence entry of the zip.
    std::map<std::string, std::string> evidence;
    // Problems of one action's evidence entries found while reading the zip (a dangerous name, an
    // entry over the size limit): action id → messages. The import refuses those actions.
    std::map<std::string, std::vector<std::string>> entryProblems;
    std::string signature;  // response.xml.p7s when present (x20sign), not checked here
    bool zipped = false;
};

// Reads a .zip (by content: a file starting "PK\3\4") or a plain .xml response or plan. Throws
// IoError / ParseError, and ParseError naming the entry for a container that is refused as a
// whole (path traversal, unknown entries, too many entries or bytes, encrypted entries).
ResponsePackage readResponsePackage(const std::string& path);
// The same for bytes held in memory (`path` names them in messages).
ResponsePackage parseResponsePackage(std::string bytes, const std::string& path);

// Writes `response` to `path`: a zip with response.xml and the evidence (stored entries, UTF-8
// names) when `evidence` is not empty or `path` ends in ".zip", the plain XML otherwise.
// `sign` (issue #20, `plan respond --sign`): called with the exact bytes of response.xml, returns
// the detached CMS signature written as response.xml.p7s; a signed response is always a zip.
// Atomic: the target is either the old file or the complete new one. Throws IoError.
void writeResponsePackage(const std::string& path, const PlanFile& response,
                          const std::map<std::string, std::string>& evidence,
                          const std::function<std::string(std::string_view xml)>& sign = {});

// Where `plan respond` writes by default for a plan or response at `input`: NAME.response.zip
// (with evidence) or NAME.response.xml, NAME being `input` without .plan.xml, .response.xml,
// .response.zip or .xml.
std::string defaultResponsePath(const std::string& input, bool withEvidence);

}  // namespace par::track

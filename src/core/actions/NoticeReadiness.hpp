// SPDX-License-Identifier: Apache-2.0
// NoticeReadiness.hpp - whether an audit holds what a document needs before it is printed for
// signing: the notice's number, symbol, date, signer and title, the inspecting body and its place;
// the minutes' visit date, inspecting body and team leader. A document printed without them carries
// "Số: /" and an empty header: `report` refuses (unless --draft) and the app asks first.
#pragma once

#include <string>
#include <vector>

#include "core/model/Audit.hpp"

namespace par::actions {

enum class DocumentKind { Notice, Plan, Minutes };

struct MissingPart {
    std::string field;    // "number", "body-name", "team-leader": as the commands name it
    std::string label;    // "số thông báo" (language of the caller's scope)
    std::string command;  // how to fill it: "notice --set number=05"
    bool required = true; // false: printed anyway, but the document will look incomplete
};

std::vector<MissingPart> missingParts(const Audit& audit, DocumentKind kind);

// The whole command line that fills the part: "par-audit notice 'a.audit.xml' --set number=05".
std::string fixCommand(const MissingPart& part, const std::string& auditPath);
inline bool readyToPrint(const std::vector<MissingPart>& parts) {
    for (const auto& p : parts)
        if (p.required) return false;
    return true;
}

}  // namespace par::actions

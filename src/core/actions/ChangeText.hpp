// SPDX-License-Identifier: Apache-2.0
// ChangeText.hpp - puts a change-log entry into words in the language asked for. Entries of format
// 2 are a code and its values (ChangeCode); this file owns the table of codes and their sentences,
// so that a log written by a Vietnamese session reads in English for an English reader and back.
// Entries of format 1 carry the sentence they were written with, shown as it is.
#pragma once

#include <string>

#include "core/common/Text.hpp"
#include "core/model/Audit.hpp"

namespace par::actions {

// The sentence for a change ("Đặt số thông báo: 05"); an unknown code (from a newer par-audit)
// is shown as the code and its values rather than dropped.
std::string describe(const ChangeCode& change, Language lang);
std::string describe(const ChangeEntry& entry, Language lang);

// Field names as the user typed them on the command line ("number", "plan-date") put into words:
// "số thông báo", "ngày kế hoạch".
std::string fieldLabel(const std::string& field, Language lang);

}  // namespace par::actions

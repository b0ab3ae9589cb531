// SPDX-License-Identifier: Apache-2.0
// Clock.hpp - the time and the user name stamped into change logs and action histories. One place,
// so that a reproducible run (the parity and end-to-end tests, a demonstration) can fix both:
// PAR_AUDIT_NOW="2026-03-02T09:00:00" fixes the time, PAR_AUDIT_USER the default user name.
#pragma once

#include <string>

namespace par {

// Local time as "YYYY-MM-DDTHH:MM:SS", or PAR_AUDIT_NOW when set (taken as it is, if it reads as
// such a time; otherwise ignored).
std::string nowIso();

// The login name, or PAR_AUDIT_USER when set; "" when neither is known.
std::string loginName();

}  // namespace par

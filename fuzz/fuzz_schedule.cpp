// SPDX-License-Identifier: Apache-2.0
// fuzz_schedule.cpp - announced holiday schedules and local overrides (par::cal::ScheduleFile).
#include "FuzzSupport.hpp"
#include "core/calendar/ScheduleFile.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    par::fuzz::refuseOnlyWithParError([&] {
        auto s = par::cal::ScheduleFile::parse(par::fuzz::bytes(data, size), "fuzz.xml");
        for (const auto& h : s.holidays) (void)(h.to - h.from).days();
    });
    return 0;
}

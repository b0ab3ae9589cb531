// SPDX-License-Identifier: Apache-2.0
// bench_calendar.cpp - how many working-day counts (WorkingCalendar::workingDaysBetween) one core
// does per second, over random date pairs in 2015-2026 (the years dossier logs and inspections
// cover). Usage: bench_calendar [seconds] (default 3). Prints the rate; see docs/performance.md.
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <random>
#include <vector>

#include "core/calendar/WorkingCalendar.hpp"

int main(int argc, char** argv) {
    using namespace par;
    using Clock = std::chrono::steady_clock;
    const double seconds = argc > 1 ? std::atof(argv[1]) : 3.0;

    const cal::WorkingCalendar calendar = cal::WorkingCalendar::standard();

    // 1 Mi random pairs (a, b) with a and b uniform in 2015-01-01 .. 2026-12-31, either order:
    // larger than the caches the tables live in would suggest, so memory access is realistic.
    const Date first(2015, 1, 1);
    const int span = static_cast<int>((Date(2026, 12, 31) - first).days()) + 1;
    std::mt19937_64 rng(20251127);
    std::uniform_int_distribution<int> pick(0, span - 1);
    constexpr std::size_t kPairs = 1u << 20;
    std::vector<std::pair<Date, Date>> pairs;
    pairs.reserve(kPairs);
    for (std::size_t i = 0; i < kPairs; ++i)
        pairs.emplace_back(first + boost::gregorian::days(pick(rng)),
                           first + boost::gregorian::days(pick(rng)));

    // Each round sums every count; the sum is printed, so the loop cannot be optimised away.
    long long checksum = 0;
    std::uint64_t counts = 0;
    const auto start = Clock::now();
    double elapsed = 0;
    do {
        long long sum = 0;
        for (const auto& [a, b] : pairs)
            sum += calendar.workingDaysBetween(a, b);
        checksum += sum;
        counts += kPairs;
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    } while (elapsed < seconds);

    const double rate = static_cast<double>(counts) / elapsed;
    std::cout << "workingDaysBetween: " << counts << " counts in " << elapsed
              << " s = " << rate / 1e6 << " million counts/s (one thread; checksum " << checksum
              << ")\n";
    return rate >= 20e6 ? 0 : 1;
}

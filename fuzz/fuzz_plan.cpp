// SPDX-License-Identifier: Apache-2.0
// fuzz_plan.cpp - plan and response files (par::track::PlanFile): read, write back, read again, and
// try to import the response into the Quỳnh Lưu sample audit (refused or merged, never a crash);
// an input starting "PK" is read as a response zip (ResponseArchive) and imported with its evidence.
#include <cstdlib>

#include "FuzzSupport.hpp"
#include "core/model/AuditReader.hpp"
#include "core/tracking/PlanExchange.hpp"
#include "core/tracking/PlanFile.hpp"
#include "core/tracking/ResponseArchive.hpp"

namespace {
const par::Audit* sampleAudit() {
    static const par::Audit* audit = []() -> const par::Audit* {
        const char* dir = std::getenv("PAR_AUDIT_DATA");
        const std::string root = dir != nullptr ? dir : PAR_FUZZ_SOURCE_DIR;
        try {
            return new par::Audit(par::AuditReader::load(
                root + "/samples/quynh-luu-2018/quynh-luu-2018.audit.xml"));
        } catch (const par::Error&) {
            return nullptr;
        }
    }();
    return audit;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    par::fuzz::refuseOnlyWithParError([&] {
        // A response zip (exchange format 2): the container and its evidence entries.
        if (size >= 4 && data[0] == 'P' && data[1] == 'K') {
            par::track::ResponsePackage pkg = par::track::parseResponsePackage(
                std::string(par::fuzz::bytes(data, size)), "fuzz.response.zip");
            if (const par::Audit* sample = sampleAudit()) {
                par::Audit audit = *sample;
                par::track::ImportInput in;
                in.evidence = pkg.evidence;
                in.entryProblems = pkg.entryProblems;
                (void)par::track::importResponse(audit, pkg.response, "fuzz", in);
            }
            return;
        }
        auto f = par::track::PlanFile::parse(par::fuzz::bytes(data, size), "fuzz.xml");
        (void)par::track::PlanFile::parse(f.toXml(), "fuzz-rewritten.xml");
        if (const par::Audit* sample = sampleAudit()) {
            par::Audit audit = *sample;
            (void)par::track::importResponse(audit, f, "fuzz");
        }
    });
    return 0;
}

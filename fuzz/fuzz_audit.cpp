// SPDX-License-Identifier: Apache-2.0
// fuzz_audit.cpp - audit files (par::AuditReader): read, then write what was read and read it back.
#include "FuzzSupport.hpp"
#include "core/model/AuditReader.hpp"
#include "core/model/AuditWriter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    par::fuzz::refuseOnlyWithParError([&] {
        par::Audit audit = par::AuditReader::parse(par::fuzz::bytes(data, size), "fuzz.audit.xml");
        (void)audit.fingerprint();
        const std::string again = par::AuditWriter::toXml(audit);
        (void)par::AuditReader::parse(again, "fuzz-rewritten.audit.xml");
    });
    return 0;
}

// SPDX-License-Identifier: Apache-2.0
// test_recovery.cpp - autosave recovery files: written beside nothing the user owns, left out while
// their writer runs, offered and restored after it died, removed on discard.
#include <catch2/catch.hpp>

#include <filesystem>

#include "TestSupport.hpp"
#include "core/wizard/AnswerEditor.hpp"
#include "core/wizard/RecoveryStore.hpp"

using namespace par;
using namespace par::wizard;

TEST_CASE("a recovery file restores the unsaved audit after its writer died", "[wizard][recovery]") {
    test::ScratchDir dir("wizard-recovery");
    std::string sample = test::sourcePath("samples/quynh-luu-2018/quynh-luu-2018.audit.xml");
    auto s = AuditSession::open(sample);
    AnswerEditor(*s).enter(FieldPath::scalar("tthc_so_thu_tuc"), "310");

    RecoveryStore store(dir.file("recovery"));
    std::string file = store.write(*s);
    CHECK(std::filesystem::exists(file));
    CHECK(store.pending().empty());  // this process is alive: not a crash

    // Pretend the writer was a process that is gone.
    std::string side = file.substr(0, file.size() - std::string(".recovery.xml").size()) + ".origin";
    std::string text = test::readText(side);
    text = text.substr(0, text.rfind('\n', text.size() - 2) + 1) + "2147483646\n";
    test::writeText(side, text);
    auto pending = store.pending();
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].original == sample);
    CHECK(pending[0].unit == "UBND huyện Quỳnh Lưu");

    auto restored = RecoveryStore::restore(pending[0]);
    CHECK(restored->dirty());
    CHECK(restored->path() == sample);
    CHECK(restored->audit().sameContent(s->audit()));
    CHECK(restored->audit().answers.find("tthc_so_thu_tuc")->value == "310");

    store.discard(pending[0].file);
    CHECK(store.pending().empty());
    CHECK_FALSE(std::filesystem::exists(side));
}

TEST_CASE("a new file name after Save As replaces the previous recovery file", "[wizard][recovery]") {
    test::ScratchDir dir("wizard-recovery2");
    auto s = AuditSession::create({"cchc-xa", "UBND xã Quỳnh Hưng", "xa", "commune", "", "", "", ""});
    RecoveryStore store(dir.file("r"));
    std::string first = store.write(*s);
    s->save(dir.file("qh.audit.xml"));
    std::string second = store.write(*s, first);
    CHECK(first != second);
    CHECK_FALSE(std::filesystem::exists(first));
    CHECK(std::filesystem::exists(second));
}

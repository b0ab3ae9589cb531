// SPDX-License-Identifier: Apache-2.0
// test_notice_page.cpp - the app's notice page without wx (NoticePageState): typed fields stored
// through the core's notice actions or kept as input errors, one pending change per field, the lists,
// the suggestions, what the notice still lacks, and the Notice step's status in the step list.
#include <catch2/catch.hpp>

#include <algorithm>

#include "TestSupport.hpp"
#include "core/common/Text.hpp"
#include "core/wizard/AuditSession.hpp"
#include "core/wizard/DetailsPageState.hpp"
#include "core/wizard/InputFormat.hpp"
#include "core/wizard/NoticePageState.hpp"
#include "core/wizard/StepList.hpp"

using namespace par;
using namespace par::wizard;

namespace {
const std::string kSample = "samples/quynh-luu-2018/quynh-luu-2018.audit.xml";

std::unique_ptr<AuditSession> openSample() { return AuditSession::open(test::sourcePath(kSample)); }

// A blank 2026 commune audit whose details (body, plan, decision) are filled, the notice empty.
std::unique_ptr<AuditSession> blankCommune() {
    auto s = AuditSession::create({"cchc-xa", "UBND xã Ngọc Sơn", "", "", "Nghệ An", "02/03/2026", "", ""});
    DetailsPageState d(*s);
    const std::pair<DetailField, const char*> fields[] = {
        {DetailField::BodyParent, "UBND TỈNH NGHỆ AN"}, {DetailField::BodyName, "SỞ NỘI VỤ"},
        {DetailField::BodyCode, "SNV"},                 {DetailField::PlanNumber, "257/KH-UBND"},
        {DetailField::PlanDate, "15/01/2026"},          {DetailField::PlanIssuer, "UBND tỉnh Nghệ An"},
        {DetailField::DecisionNumber, "12/QĐ-SNV"},     {DetailField::DecisionDate, "20/02/2026"}};
    for (const auto& [f, v] : fields) REQUIRE(d.set(f, v));
    return s;
}

// The pending changes of one notice field.
std::vector<ChangeCode> pendingOf(const AuditSession& s, const std::string& field) {
    std::vector<ChangeCode> out;
    for (const auto& c : s.pendingChanges())
        if (c.code.rfind("notice.", 0) == 0 && !c.args.empty() && c.args[0] == field) out.push_back(c);
    return out;
}

std::vector<std::string> fieldsOf(const std::vector<actions::MissingPart>& parts, bool required) {
    std::vector<std::string> out;
    for (const auto& p : parts)
        if (p.required == required) out.push_back(p.field);
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }
}  // namespace

TEST_CASE("notice page: typed values are stored, bad ones kept as input errors", "[wizard][notice]") {
    setLanguage(Language::Vietnamese);
    auto s = openSample();
    NoticePageState n(*s);
    CHECK(n.get("number") == "05");
    CHECK(n.get("date") == "05/12/2018");
    CHECK(n.errors().empty());

    CHECK(n.set("number", "06"));
    CHECK(n.get("number") == "06");
    CHECK(s->dirty());

    CHECK_FALSE(n.set("number", "6a"));
    CHECK(n.get("number") == "06");  // the audit keeps the last good value
    REQUIRE(n.errors().size() == 1);
    CHECK(n.errors()[0].first == "number");
    CHECK_THAT(n.errors()[0].second, Catch::Contains("'6a'"));

    // A notice dated before the visit (28/11/2018), and an unreadable date: both kept as errors.
    CHECK_FALSE(n.set("date", "20/11/2018"));
    CHECK_FALSE(n.set("report-by", "31/02/2019"));
    CHECK(n.errors().size() == 3);
    // Shown under the field: without the "report-by: " by which the command line names it.
    for (const auto& [field, message] : n.errors())
        if (field == "report-by") CHECK_THAT(message, Catch::StartsWith("'31/02/2019' không phải ngày hợp lệ"));
    CHECK(n.get("date") == "05/12/2018");
    CHECK(n.get("report-by").empty());
    CHECK(n.set("number", "07"));
    CHECK(n.set("date", "06/12/2018"));
    CHECK(n.set("report-by", ""));  // clearing a field with an error is a correction too
    CHECK(n.errors().empty());

    CHECK_FALSE(n.set("sign-for", "GIÁM ĐỐC"));  // no KT./TM./… before the title
    CHECK(n.get("sign-for") == "KT. GIÁM ĐỐC");
    CHECK(n.set("sign-for", "TL. GIÁM ĐỐC"));
    CHECK(n.set("sign-for", ""));  // the head signs in person
    CHECK(n.get("sign-for").empty());
}

TEST_CASE("notice page: a field typed letter by letter is one change at the next save", "[wizard][notice]") {
    auto s = openSample();
    NoticePageState n(*s);
    for (const char* typed : {"0", "06", "06x", "06"}) n.set("number", typed);
    auto number = pendingOf(*s, "number");
    REQUIRE(number.size() == 1);
    CHECK(number[0].code == "notice.set");
    CHECK(number[0].args == std::vector<std::string>{"number", "06"});

    n.set("signer", "Lê");
    n.set("signer", "Lê Đình");
    n.set("signer", "Lê Đình Lý");
    n.set("summary", "");
    n.set("summary", "Kết luận kiểm tra");
    auto signer = pendingOf(*s, "signer");
    REQUIRE(signer.size() == 1);
    CHECK(signer[0].args == std::vector<std::string>{"signer", "Lê Đình Lý"});
    auto summary = pendingOf(*s, "summary");
    REQUIRE(summary.size() == 1);
    CHECK(summary[0].args == std::vector<std::string>{"summary", "Kết luận kiểm tra"});

    // Items are not fields: two additions are two changes.
    n.add("recipient", "Phòng Nội vụ huyện");
    n.add("recipient", "Văn phòng HĐND và UBND huyện");
    CHECK(pendingOf(*s, "recipient").size() == 2);

    // The save logs them once, as codes, and clears them.
    test::ScratchDir dir("notice-page");
    size_t logBefore = s->audit().changeLog.size();
    size_t pending = s->pendingChanges().size();
    s->save(dir.file("ql.audit.xml"));
    CHECK(s->audit().changeLog.size() == logBefore + pending);
    CHECK(s->pendingChanges().empty());
    auto again = AuditSession::open(dir.file("ql.audit.xml"));
    CHECK(NoticePageState(*again).get("number") == "06");
    CHECK(NoticePageState(*again).get("summary") == "Kết luận kiểm tra");
}

TEST_CASE("notice page: lists, area summaries by label, bad items refused", "[wizard][notice]") {
    setLanguage(Language::Vietnamese);
    auto s = openSample();
    NoticePageState n(*s);
    size_t bases = n.items("basis").size();
    REQUIRE(bases == 4);
    n.add("basis", "  Căn cứ Kế hoạch số 10/KH-UBND ngày 05/01/2018  ");
    CHECK(n.items("basis").size() == bases + 1);
    CHECK(n.items("basis").back() == "Căn cứ Kế hoạch số 10/KH-UBND ngày 05/01/2018");
    std::string second = n.items("basis")[1];
    n.remove("basis", 0);
    CHECK(n.items("basis").size() == bases);
    CHECK(n.items("basis")[0] == second);
    CHECK_THROWS_AS(n.remove("basis", bases), UsageError);
    CHECK(n.items("basis").size() == bases);

    try {
        n.add("strength", "   ");
        FAIL("an empty strength was accepted");
    } catch (const UsageError& e) {
        CHECK_THAT(e.what(), Catch::Contains("strength"));
    }

    // Area summaries are shown with the area's label, not its id; an unknown area is refused with
    // the areas the form has.
    size_t areas = n.items("area-summary").size();
    n.add("area-summary", "civil-service:Công chức được bố trí đúng vị trí việc làm");
    CHECK(n.items("area-summary").size() == areas + 1);
    CHECK(n.items("area-summary").back() == "Cải cách chế độ công vụ: Công chức được bố trí đúng vị trí việc làm");
    CHECK(s->audit().notice.areaSummaries.back().area == "civil-service");
    try {
        n.add("area-summary", "weather:Trời đẹp");
        FAIL("an unknown area was accepted");
    } catch (const UsageError& e) {
        CHECK_THAT(e.what(), Catch::Contains("weather") && Catch::Contains("civil-service"));
    }
    CHECK(n.items("area-summary").size() == areas + 1);
    REQUIRE(n.areas().size() == s->form().areas.size());
    CHECK(n.areas()[0].first == "leadership");
    CHECK(n.areas()[0].second == "Công tác chỉ đạo, điều hành cải cách hành chính");
}

TEST_CASE("notice page: suggestions fill only the empty parts, from the body and the unit", "[wizard][notice]") {
    auto s = blankCommune();
    NoticePageState n(*s);
    REQUIRE(n.set("symbol", "TB-SNV-CCHC"));  // typed by the team: kept
    size_t filled = n.fillDefaults();
    CHECK(filled == 5);  // summary, two bases, two recipients
    CHECK(n.get("symbol") == "TB-SNV-CCHC");
    CHECK(n.get("summary") == "Kết luận kiểm tra công tác cải cách hành chính tại UBND xã Ngọc Sơn");
    auto bases = n.items("basis");
    REQUIRE(bases.size() == 2);
    CHECK_THAT(bases[0], Catch::StartsWith("Kế hoạch số 257/KH-UBND ngày 15/01/2026 của UBND tỉnh Nghệ An"));
    CHECK_THAT(bases[1], Catch::StartsWith("Quyết định số 12/QĐ-SNV ngày 20/02/2026"));
    CHECK(n.items("recipient") == std::vector<std::string>{"UBND xã Ngọc Sơn (để thực hiện)", "Lưu: VT, SNV"});
    CHECK(n.fillDefaults() == 0);  // nothing empty is left to suggest

    auto fresh = blankCommune();
    NoticePageState m(*fresh);
    CHECK(m.fillDefaults() == 6);
    CHECK(m.get("symbol") == "TB-SNV");
}

TEST_CASE("notice page: what the notice lacks, required and recommended", "[wizard][notice]") {
    setLanguage(Language::Vietnamese);
    auto s = blankCommune();
    NoticePageState n(*s);
    auto required = fieldsOf(n.missing(), true);
    for (const char* f : {"number", "symbol", "date", "place", "signer", "signer-title"}) CHECK(has(required, f));
    CHECK_FALSE(has(required, "body-name"));
    auto recommended = fieldsOf(n.missing(), false);
    for (const char* f : {"summary", "basis", "recipient", "team-leader"}) CHECK(has(recommended, f));
    for (const auto& p : n.missing()) CHECK_FALSE(p.label.empty());
    CHECK(NoticePageState::onThisPage("place"));
    CHECK(NoticePageState::onThisPage("recipient"));
    CHECK_FALSE(NoticePageState::onThisPage("team-leader"));
    CHECK_FALSE(NoticePageState::onThisPage("body-name"));

    n.fillDefaults();
    for (const auto& [f, v] : std::vector<std::pair<std::string, std::string>>{{"number", "05"},
                                                                                {"date", "20/03/2026"},
                                                                                {"place", "Nghệ An"},
                                                                                {"signer", "Lê Đình Lý"},
                                                                                {"signer-title", "PHÓ GIÁM ĐỐC"}})
        REQUIRE(n.set(f, v));
    CHECK(fieldsOf(n.missing(), true).empty());
    // Sections II and III.1 would be a heading with nothing under it (session 9: said nothing).
    CHECK(fieldsOf(n.missing(), false) == std::vector<std::string>{"area-summary", "strength", "team-leader"});
    CHECK(actions::readyToPrint(n.missing()));
    n.add("area-summary", "procedures:Đã công khai 100% thủ tục thuộc thẩm quyền");
    n.add("strength", "Ban hành kịp thời kế hoạch cải cách hành chính năm");
    CHECK(fieldsOf(n.missing(), false) == std::vector<std::string>{"team-leader"});
    REQUIRE(n.set("signer", ""));
    CHECK(fieldsOf(n.missing(), true) == std::vector<std::string>{"signer"});
}

TEST_CASE("notice page: signing authorities follow the inspecting body", "[wizard][notice]") {
    auto s = blankCommune();
    NoticePageState n(*s);
    auto department = n.signForChoices();
    REQUIRE_FALSE(department.empty());
    CHECK(department[0] == "KT. GIÁM ĐỐC");
    for (const auto& c : department) CHECK(n.set("sign-for", c));  // every choice is accepted by the core

    DetailsPageState d(*s);
    REQUIRE(d.set(DetailField::BodyName, "ỦY BAN NHÂN DÂN HUYỆN QUỲNH LƯU"));
    auto committee = n.signForChoices();
    CHECK(committee[0] == "TM. ỦY BAN NHÂN DÂN");
    CHECK(has(committee, "KT. CHỦ TỊCH"));
    CHECK_FALSE(has(committee, "KT. GIÁM ĐỐC"));
    for (const auto& c : committee) CHECK(n.set("sign-for", c));
}

TEST_CASE("the Notice step: incomplete until it can be signed, invalid with an input error", "[wizard][notice]") {
    setLanguage(Language::Vietnamese);
    auto sample = openSample();
    StepList sampleSteps(*sample);
    size_t at = sampleSteps.indexOf(StepKind::Notice);
    REQUIRE(at < sampleSteps.count());
    CHECK(at + 1 == sampleSteps.indexOf(StepKind::Output));
    CHECK(sampleSteps.step(at).title == "Thông báo kết luận");
    CHECK(sampleSteps.step(at).status == StepStatus::Complete);  // the sample's notice is whole

    auto s = blankCommune();
    StepList steps(*s, StepOptions::forSession(*s));
    size_t notice = steps.indexOf(StepKind::Notice);
    CHECK(notice > steps.indexOf(StepKind::Score));
    CHECK(notice + 1 == steps.indexOf(StepKind::Output));
    Step st = steps.step(notice);
    CHECK(st.status == StepStatus::Incomplete);
    CHECK(st.missing == 6);  // number, symbol, date, place, signer, title; not the recommended parts
    CHECK(st.errors == 0);

    NoticePageState n(*s);
    REQUIRE_FALSE(n.set("number", "năm"));
    st = steps.step(notice);
    CHECK(st.status == StepStatus::Invalid);
    CHECK(st.errors == 1);
    REQUIRE(steps.goTo(notice));
    CHECK_FALSE(steps.canGoNext());
    CHECK_FALSE(steps.blockReason().empty());

    for (const auto& [f, v] : std::vector<std::pair<std::string, std::string>>{{"number", "05"},
                                                                                {"symbol", "TB-SNV"},
                                                                                {"date", "20/03/2026"},
                                                                                {"place", "Nghệ An"},
                                                                                {"signer", "Lê Đình Lý"}})
        REQUIRE(n.set(f, v));
    st = steps.step(notice);
    CHECK(st.status == StepStatus::Incomplete);
    CHECK(st.missing == 1);
    CHECK(steps.canGoNext());  // incomplete does not block
    REQUIRE(n.set("signer-title", "PHÓ GIÁM ĐỐC"));
    CHECK(steps.step(notice).status == StepStatus::Complete);

    setLanguage(Language::English);
    CHECK(steps.step(notice).title == "Conclusion notice");
    setLanguage(Language::Vietnamese);
}

TEST_CASE("messages under a field drop the command line's name for it", "[wizard][notice]") {
    setLanguage(Language::Vietnamese);
    CHECK(messageUnderField("visit-end: Ngày kết thúc kiểm tra trước ngày bắt đầu.", "visit-end") ==
          "Ngày kết thúc kiểm tra trước ngày bắt đầu.");
    CHECK(messageUnderField("visit-end: x", "visit-start") == "visit-end: x");  // another field's name stays
    CHECK(messageUnderField("date: ", "date") == "date: ");                     // nothing would be left
    auto s = blankCommune();
    DetailsPageState d(*s);
    REQUIRE_FALSE(d.set(DetailField::PlanDate, "31/02/2026"));
    bool found = false;
    for (const auto& e : d.errors())
        if (e.field == DetailField::PlanDate) {
            found = true;
            CHECK_THAT(e.message, Catch::StartsWith("'31/02/2026' không phải ngày hợp lệ"));
        }
    CHECK(found);
}

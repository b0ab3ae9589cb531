// SPDX-License-Identifier: Apache-2.0
// PlanCommand.cpp - `par-audit plan ...`: the remediation actions of an audit and the file exchange
// with inspected units (docs/tracking.md).
//   plan make AUDIT                         actions from the findings (never duplicates)
//   plan add AUDIT --finding F --content …  one more action for a finding
//   plan export AUDIT --unit U -o U.plan.xml that unit's actions, each with its fingerprint
//                     [--format html]       ... or as a form the unit fills in a browser
//                     [--format xlsx]       ... or as a workbook with an answer sheet
//   plan export AUDIT --all -o DIR          one plan per responsible unit (PlanBatch.hpp)
//   plan remind WORKSPACE -o DIR            reminder letters (PlanRemindCommand.cpp)
//   plan respond FILE A-001 --status reported --date D [--doc] [--note] [--evidence PATH]…
//                                           adds to the response (U.response.xml / .zip)
//   plan import AUDIT U.response.zip        per action; exit 1 when some were set aside
//                                           (also the .xlsx workbook or .xml a unit filled)
//   plan accept|reopen AUDIT A-001 [--note] the inspectors' verification
//   plan extend AUDIT A-001 --deadline D --reason …
// Commands that change the audit take its lock file and save through the revision check.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>

#include "cli/Command.hpp"
#include "cli/SigningOptions.hpp"
#include "core/signature/Cms.hpp"
#include "core/actions/AuditTransaction.hpp"
#include "core/actions/ChangeText.hpp"
#include "core/actions/FindingActions.hpp"
#include "core/actions/PlanActions.hpp"
#include "core/calendar/WorkingCalendar.hpp"
#include "core/common/AtomicFile.hpp"
#include "core/common/Sha256.hpp"
#include "core/common/Text.hpp"
#include "core/model/AuditReader.hpp"
#include "core/model/AuditWriter.hpp"
#include "core/tracking/ActionPlan.hpp"
#include "core/tracking/AuditLock.hpp"
#include "core/tracking/PlanBatch.hpp"
#include "core/tracking/PlanExchange.hpp"
#include "core/tracking/ResponseArchive.hpp"

namespace par::cli::plan_command {

namespace {
using namespace par::track;

struct Options {
    std::string audit;
    std::string file;
    std::string action;
    std::string unit;
    std::string output;
    std::string format = "xml";
    std::string finding, content, responsible, deadline;
    std::string status = "reported";
    std::string date, doc, note, reason;
    std::vector<std::string> evidence;
    std::vector<std::string> overrides;
    std::string by;
    bool all = false;  // plan export --all (PlanBatch.hpp)
    bool sign = false;      // plan respond --sign (issue #20)
    SigningOptions signing;
};

cal::WorkingCalendar loadCalendar(const Options& o) {
    cal::WorkingCalendar c = cal::WorkingCalendar::standard(o.audit);  // + calendars/ beside it
    for (const auto& f : o.overrides)
        c.addOverrides(f);
    return c;
}

// Prints each of `ids` whose deadline falls in a year without an announced holiday schedule:
// "A-003: hạn 15/03/2027 (dự kiến: lịch nghỉ Tết 2027 chưa công bố)".
void printForecasts(const Audit& audit, const std::vector<std::string>& ids,
                    const cal::WorkingCalendar& c) {
    for (const auto& id : ids)
        if (const Action* a = audit.findAction(id);
            a != nullptr && a->deadline && c.isForecast(*a->deadline))
            std::cout << fmt(tr("{}: hạn {} ({})", "{}: due {} ({})"), id,
                             vietnameseDate(*a->deadline),
                             c.forecastNote(*a->deadline, *a->deadline))
                      << "\n";
}

Date requireDate(const std::string& text, const char* what) {
    auto d = parseUserDate(text);
    if (!d)
        throw UsageError(fmt(tr("{} '{}' không hợp lệ (YYYY-MM-DD hoặc DD/MM/YYYY)",
                                "invalid {} '{}' (YYYY-MM-DD or DD/MM/YYYY)"),
                             what, text));
    return *d;
}

// One user action on the audit through the core's transaction (lock, load, change, log, save);
// `change` returns the change-log entries, none when nothing changed.
void withAudit(const Options& o, const actions::AuditFileChange& change) {
    actions::TransactionResult r = actions::modifyAuditFile(o.audit, change, actions::TransactionOptions{o.by});
    if (!r.brokenLockOwner.empty())
        std::cerr << fmt(tr("Lưu ý: đã gỡ khoá bỏ dở của {}.", "Note: removed the abandoned lock of {}."), r.brokenLockOwner) << "\n";
    for (const auto& c : r.changes) std::cout << actions::describe(c, language()) << "\n";
}

bool fileExists(const std::string& path) {
    std::error_code ec;
    return std::filesystem::exists(std::filesystem::u8path(path), ec);
}

std::string baseName(const std::string& path) {
    size_t slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// `plan respond`: adds or replaces one action's answer in the response file, keeping every other
// answer and its evidence. From a plan, the response beside it (NAME.response.zip or .xml) is
// continued when it answers the same export; a response given is continued in place.
void respondCommand(const Options& o) {
    // The token or the .p12 first: a wrong PIN stops before anything is written.
    std::unique_ptr<sig::Signer> signer;
    if (o.sign)
        signer = o.signing.open();
    else if (o.signing.given())
        throw UsageError(tr("--pkcs12/--pkcs11-module chỉ dùng cùng --sign", "--pkcs12/--pkcs11-module go with --sign"));
    ResponsePackage in = readResponsePackage(o.file);
    std::string out = o.output;
    ResponsePackage base = std::move(in);
    if (base.response.kind == PlanFile::Kind::Plan) {
        std::vector<std::string> existing;
        if (!out.empty())
            existing.push_back(out);
        else
            existing = {defaultResponsePath(o.file, true), defaultResponsePath(o.file, false)};
        for (const auto& candidate : existing) {
            if (!fileExists(candidate))
                continue;
            ResponsePackage prior = readResponsePackage(candidate);
            if (prior.response.kind != PlanFile::Kind::Response ||
                prior.response.auditId != base.response.auditId ||
                prior.response.exportId != base.response.exportId)
                throw UsageError(fmt(
                    tr("{} đã có nhưng không phải báo cáo cho lần xuất kế hoạch {}: không ghi đè. "
                       "Trả lời tiếp trên chính tệp báo cáo đó, hoặc chọn tên khác (-o).",
                       "{} exists but is not a response to the plan export {}: not overwritten. "
                       "Answer into that response itself, or choose another name (-o)."),
                    candidate, o.file));
            base = std::move(prior);
            if (out.empty())
                out = candidate;
            break;
        }
    } else if (out.empty()) {
        out = o.file;
    }
    ActionReport r;
    r.date = requireDate(o.date, tr("ngày báo cáo", "report date"));
    r.doc = o.doc;
    r.note = o.note;
    std::vector<EvidenceRef> refs;
    std::map<std::string, std::string> added;
    for (const auto& path : o.evidence) {
        EvidenceRef ref;
        ref.file = nfc(baseName(path));
        std::string bytes = readEvidenceFile(path, o.action, path);
        ref.size = bytes.size();
        ref.sha256 = sha256Hex(bytes);
        r.evidence.push_back(ref.file);
        refs.push_back(ref);
        added.emplace(ref.file, std::move(bytes));
    }
    respond(base.response, o.action, *parseActionStatus(o.status), r, o.by, refs);
    // This action's evidence is now exactly what was attached; the others' stays.
    const std::string prefix = o.action + "/";
    for (auto it = base.evidence.begin(); it != base.evidence.end();)
        it = it->first.compare(0, prefix.size(), prefix) == 0 ? base.evidence.erase(it) : std::next(it);
    for (auto& [name, bytes] : added)
        base.evidence.emplace(prefix + name, std::move(bytes));
    const bool zip = !base.evidence.empty() || o.sign;
    if (out.empty())
        out = defaultResponsePath(o.file, zip);
    else if (zip && out.size() > 4 && out.compare(out.size() - 4, 4, ".xml") == 0) {
        // Evidence and a signature need the zip: NAME.response.xml becomes NAME.response.zip.
        std::string was = out;
        out = defaultResponsePath(out, true);
        std::cerr << fmt(tr("Lưu ý: có minh chứng nên báo cáo được ghi vào {}; gửi tệp này thay "
                            "cho {}.",
                            "Note: with evidence the response goes to {}; send it instead of {}."),
                         out, was)
                  << "\n";
    }
    std::function<std::string(std::string_view)> sign;
    if (signer)
        sign = [&](std::string_view xml) { return sig::signDetached(*signer, xml); };
    writeResponsePackage(out, base.response, base.evidence, sign);
    if (signer)
        std::cout << fmt(tr("Đã ký số báo cáo (response.xml.p7s) bằng chứng thư của {}",
                            "Signed the response (response.xml.p7s) with the certificate of {}"),
                         sig::subjectText(signer->certificate()))
                  << "\n";
    std::cout << fmt(tr("Đã ghi báo cáo {} vào {} ({} hành động đã trả lời)",
                        "Wrote the report on {} to {} ({} actions answered)"),
                     o.action, out,
                     std::to_string(std::count_if(base.response.actions.begin(),
                                                  base.response.actions.end(),
                                                  [](const PlanAction& a) { return a.answered; })))
              << "\n";
}

// `plan import`: per action; exit 0 when every answer merged (or was already in), 1 otherwise.
int importCommand(const Options& o) {
    actions::ResponseImport im;
    try {
        im = actions::importResponseFile(o.audit, o.file, o.by);
    } catch (const ImportRefused& e) {
        std::cerr << tr("Không nhập báo cáo (không thay đổi gì trong tệp kiểm tra):",
                        "Response refused (the audit is unchanged):")
                  << "\n";
        for (const auto& why : e.reasons())
            std::cerr << "  " << why << "\n";
        return kProblems;
    }
    if (!im.brokenLockOwner.empty())
        std::cerr << fmt(tr("Lưu ý: đã gỡ khoá bỏ dở của {}.", "Note: removed the abandoned lock of {}."),
                         im.brokenLockOwner)
                  << "\n";
    const ImportResult& res = im.result;
    auto join = [](const std::vector<std::string>& ids) {
        std::string list;
        for (const auto& id : ids)
            list += (list.empty() ? "" : ", ") + id;
        return list;
    };
    if (im.signer)
        std::cout << fmt(tr("Chữ ký số hợp lệ của {}", "Valid digital signature of {}"), im.signer->subject) << "\n";
    if (res.changed())
        std::cout << fmt(tr("Đã nhập báo cáo của {}: {}", "Imported the response of {}: {}"),
                         im.unit, join(res.merged))
                  << "\n";
    if (!res.unchanged.empty())
        std::cout << fmt(tr("Đã nhập trước đó, không đổi: {}", "Already imported, unchanged: {}"),
                         join(res.unchanged))
                  << "\n";
    for (const auto& folder : im.evidenceFolders)
        std::cout << fmt(tr("Minh chứng lưu tại {}", "Evidence kept in {}"), folder) << "\n";
    if (!res.setAside.empty()) {
        std::cerr << tr("Để riêng, chưa nhập (hành động đã thay đổi sau khi xuất kế hoạch):",
                        "Set aside, not merged (changed since the plan was exported):")
                  << "\n";
        for (const auto& s : res.setAside)
            std::cerr << "  " << s.reason << "\n";
    }
    if (!res.refused.empty()) {
        std::cerr << tr("Không nhập (câu trả lời không hợp lệ):", "Refused (invalid answers):")
                  << "\n";
        for (const auto& s : res.refused)
            std::cerr << "  " << s.reason << "\n";
    }
    if (!res.changed() && res.complete())
        std::cout << tr("Không có gì mới: báo cáo này đã được nhập.",
                        "Nothing new: this response was already imported.")
                  << "\n";
    return res.complete() ? kOk : kProblems;
}

void addCommon(CLI::App* s, const std::shared_ptr<Options>& o, bool calendar) {
    s->add_option(
        "--by", o->by,
        tr("Người thực hiện (mặc định: tên đăng nhập)", "Who does it (default: login name)"));
    if (calendar)
        s->add_option("--overrides", o->overrides,
                      tr("Tệp lịch nghỉ địa phương (docs/calendar.md); có thể lặp lại",
                         "Local schedule file; may be repeated"))
            ->type_name(tr("TỆP", "FILE"));
}

CLI::App* auditSub(CLI::App* plan, const char* name, const char* help,
                   const std::shared_ptr<Options>& o) {
    CLI::App* s = plan->add_subcommand(name, help);
    s->add_option("audit", o->audit, tr("Tệp kiểm tra", "Audit file"))
        ->required()
        ->check(CLI::ExistingFile);
    return s;
}

void install(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<Options>();
    CLI::App* plan = app.add_subcommand(
        "plan", tr("Kế hoạch khắc phục: tạo hành động, trao đổi với đơn vị, xác minh",
                   "Remediation plan: actions, exchange, verification"));
    plan->require_subcommand(1);

    CLI::App* make = auditSub(plan, "make",
                              tr("Tạo hành động khắc phục từ các phát hiện (không tạo trùng)",
                                 "Make remediation actions from the findings (never duplicates)"),
                              o);
    addCommon(make, o, true);
    make->callback([o]() {
        cal::WorkingCalendar calendar = loadCalendar(*o);
        withAudit(*o, [&](Audit& a) -> std::vector<ChangeCode> {
            MakeReport r;
            std::optional<ChangeCode> change = actions::makePlan(a, calendar, &r);
            std::cout << fmt(tr("{}: {} hành động mới, {} cần xem lại (phát hiện không còn hiệu "
                                "lực), {} cập nhật thời hạn; tổng {} hành động.",
                                "{}: {} new actions, {} to review (finding stale), {} deadlines "
                                "updated; {} actions in all."),
                             o->audit, std::to_string(r.added.size()),
                             std::to_string(r.staled.size()), std::to_string(r.redated.size()),
                             std::to_string(a.actions.size()))
                      << "\n";
            if (!a.notice.date)
                std::cerr << tr("Lưu ý: thông báo kết luận chưa có ngày, nên chưa tính được thời "
                                "hạn theo số ngày.",
                                "Note: the notice has no date yet, so day-count deadlines are not "
                                "computed.")
                          << "\n";
            std::vector<std::string> dated = r.added;
            dated.insert(dated.end(), r.redated.begin(), r.redated.end());
            printForecasts(a, dated, calendar);
            if (!change)
                return {};
            return {*change};
        });
    });

    CLI::App* add = auditSub(
        plan, "add", tr("Thêm một hành động cho một phát hiện", "Add one action to a finding"), o);
    add->add_option("--finding", o->finding, tr("Mã phát hiện (F-001)", "Finding id (F-001)"))
        ->required();
    add->add_option("--content", o->content, tr("Nội dung hành động", "What is to be done"))
        ->required();
    add->add_option("--responsible", o->responsible,
                    tr("Đơn vị chịu trách nhiệm (mặc định: theo kiến nghị)", "Responsible unit"));
    add->add_option("--deadline", o->deadline,
                    tr("Thời hạn: \"30 ngày làm việc\", \"15 ngày\" hoặc DD/MM/YYYY (mặc định: "
                       "theo kiến nghị)",
                       "Deadline: \"30 working days\", \"15 days\" or DD/MM/YYYY (default: "
                       "the recommendation's)"));
    addCommon(add, o, true);
    add->callback([o]() {
        // As people type it ("30 ngày làm việc", "15 ngày", a date), like `finding add`.
        std::optional<DeadlineRule> rule = actions::parseDeadlineInput(o->deadline);
        cal::WorkingCalendar calendar = loadCalendar(*o);
        withAudit(*o, [&](Audit& a) -> std::vector<ChangeCode> {
            ChangeCode c = actions::addPlanAction(a, o->finding, o->content, o->responsible, *rule, calendar);
            std::cout << c.args.front() << "\n";
            printForecasts(a, {c.args.front()}, calendar);
            return {c};
        });
    });

    CLI::App* ex = auditSub(plan, "export",
                            tr("Xuất kế hoạch khắc phục của một đơn vị (gửi cho đơn vị)",
                               "Export one unit's remediation plan (to send to the unit)"),
                            o);
    CLI::Option* unitOpt =
        ex->add_option("--unit", o->unit, tr("Đơn vị chịu trách nhiệm", "Responsible unit"));
    ex->add_flag("--all", o->all,
                 tr("Mỗi đơn vị chịu trách nhiệm một tệp, trong thư mục -o",
                    "One file per responsible unit, in the folder -o"))
        ->excludes(unitOpt);
    ex->add_option("--format", o->format,
                   tr("xml; html: biểu mẫu đơn vị mở bằng trình duyệt để báo cáo; xlsx: bảng tính "
                      "có trang trả lời",
                      "xml; html: a form the unit fills in a browser; xlsx: a workbook with an "
                      "answer sheet"))
        ->check(CLI::IsMember({"xml", "html", "xlsx"}));
    ex->add_option("-o,--output", o->output,
                   tr("Tệp kế hoạch (.xml, .html, .xlsx; với --all: thư mục)",
                      "Plan file (.xml, .html, .xlsx; with --all: a folder)"))
        ->required();
    ex->callback([o]() {
        Audit a = AuditReader::load(o->audit);
        PlanFormat format = parsePlanFormat(o->format);
        if (o->all) {
            for (const auto& w : exportAllPlans(a, o->output, format))
                std::cout << fmt(tr("{}: {} hành động → {}", "{}: {} actions → {}"), w.unit,
                                 std::to_string(w.actions), w.path)
                          << "\n";
            return;
        }
        if (o->unit.empty())
            throw UsageError(tr("cần --unit ĐƠN_VỊ hoặc --all", "--unit UNIT or --all is needed"));
        PlanFile p = exportPlan(a, o->unit);
        writeFileAtomically(o->output, planBytes(a, p, format, o->output),
                            AtomicWriteOptions{false});
        std::cout << fmt(tr("Đã xuất {} hành động của {} vào {}",
                            "Exported {} actions of {} to {}"),
                         std::to_string(p.actions.size()), p.unit, o->output)
                  << "\n";
    });

    CLI::App* re =
        plan->add_subcommand("respond", tr("Đơn vị báo cáo kết quả một hành động (tạo tệp báo cáo)",
                                           "A unit reports on one action (makes a response file)"));
    re->add_option("file", o->file,
                   tr("Tệp kế hoạch hoặc tệp báo cáo đã có", "Plan or response file"))
        ->required()
        ->check(CLI::ExistingFile);
    re->add_option("action", o->action, tr("Mã hành động (A-001)", "Action id (A-001)"))
        ->required();
    re->add_option("--status", o->status,
                   tr("Trạng thái: reported (đơn vị chỉ báo cáo)", "Status: reported"))
        ->check(CLI::IsMember({"open", "reported", "accepted", "reopened"}));
    re->add_option("--date", o->date, tr("Ngày báo cáo", "Report date"))->required();
    re->add_option("--doc", o->doc, tr("Số văn bản báo cáo", "Report document number"));
    re->add_option("--note", o->note, tr("Ghi chú", "Note"));
    re->add_option("--evidence", o->evidence,
                   tr("Tệp minh chứng (đường dẫn; được đóng gói vào tệp .response.zip); có thể "
                      "lặp lại",
                      "Evidence file (a path; packed into the .response.zip); may be repeated"))
        ->check(CLI::ExistingFile);
    re->add_option("-o,--output", o->output,
                   tr("Tệp báo cáo (mặc định: TÊN.response.zip khi có minh chứng, nếu không "
                      "TÊN.response.xml; thêm vào tệp báo cáo đã có)",
                      "Response file (default: NAME.response.zip with evidence, else "
                      "NAME.response.xml; an existing response is added to)"));
    re->add_option("--by", o->by, tr("Người báo cáo", "Who reports"));
    re->add_flag("--sign", o->sign,
                 tr("Ký số tệp báo cáo (response.xml.p7s trong tệp .zip) bằng --pkcs12 hoặc --pkcs11-module "
                    "(docs/signing.md)",
                    "Sign the response (response.xml.p7s in the .zip) with --pkcs12 or --pkcs11-module "
                    "(docs/signing.md)"));
    o->signing.add(re);
    re->callback([o]() { respondCommand(*o); });

    CLI::App* im =
        auditSub(plan, "import",
                 tr("Nhập báo cáo của đơn vị vào tệp kiểm tra", "Import a unit's response"), o);
    im->add_option("response", o->file,
                   tr("Tệp báo cáo của đơn vị (.response.zip hoặc .response.xml)",
                      "The unit's response file (.response.zip or .response.xml)"))
        ->required()
        ->check(CLI::ExistingFile);
    addCommon(im, o, false);
    im->callback([o, &ctx]() { ctx.exitCode = importCommand(*o); });

    CLI::App* ac = auditSub(
        plan, "accept",
        tr("Đoàn kiểm tra công nhận hành động đã hoàn thành", "Inspectors accept an action"), o);
    ac->add_option("action", o->action, tr("Mã hành động", "Action id"))->required();
    ac->add_option("--note", o->note, tr("Ghi chú xác minh", "Verification note"));
    addCommon(ac, o, false);
    ac->callback([o]() {
        withAudit(*o, [&](Audit& a) -> std::vector<ChangeCode> {
            return {actions::acceptPlanAction(a, o->action, o->by, o->note)};
        });
    });

    CLI::App* ro = auditSub(
        plan, "reopen",
        tr("Đoàn kiểm tra yêu cầu làm lại một hành động", "Inspectors reopen an action"), o);
    ro->add_option("action", o->action, tr("Mã hành động", "Action id"))->required();
    ro->add_option("--note", o->note, tr("Lý do", "Why"))->required();
    addCommon(ro, o, false);
    ro->callback([o]() {
        withAudit(*o, [&](Audit& a) -> std::vector<ChangeCode> {
            return {actions::reopenPlanAction(a, o->action, o->by, o->note)};
        });
    });

    CLI::App* et =
        auditSub(plan, "extend", tr("Gia hạn một hành động", "Extend an action's deadline"), o);
    et->add_option("action", o->action, tr("Mã hành động", "Action id"))->required();
    et->add_option("--deadline", o->deadline, tr("Thời hạn mới", "New deadline"))->required();
    et->add_option("--reason", o->reason, tr("Lý do gia hạn", "Reason"))->required();
    addCommon(et, o, false);
    et->callback([o]() {
        Date d = actions::parseNewDeadline(o->deadline);
        withAudit(*o, [&](Audit& a) -> std::vector<ChangeCode> {
            ChangeCode c = actions::extendPlanAction(a, o->action, d, o->reason, o->by);
            printForecasts(a, {o->action}, loadCalendar(*o));
            return {c};
        });
    });
}

const bool registered = registerCommand(90, install);
}  // namespace

}  // namespace par::cli::plan_command

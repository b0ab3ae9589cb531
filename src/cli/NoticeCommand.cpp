// SPDX-License-Identifier: Apache-2.0
// NoticeCommand.cpp - `par-audit notice A.audit.xml [--set FIELD=VALUE]... [--add LIST=VALUE]...
// [--remove LIST=N]... [--defaults]`: shows or edits the conclusion notice through the core's
// NoticeActions, and says what the notice still lacks before it can be printed for signing.
#include <iostream>

#include "cli/CliSupport.hpp"
#include "cli/Command.hpp"
#include "core/actions/ChangeText.hpp"
#include "core/actions/NoticeActions.hpp"
#include "core/actions/NoticeReadiness.hpp"
#include "core/common/Text.hpp"
#include "core/model/AuditReader.hpp"

namespace par::cli::notice_command {

namespace {
struct Options {
    std::string audit;
    std::vector<std::string> sets;
    std::vector<std::string> adds;
    std::vector<std::string> removes;
    bool defaults = false;
    std::string by;
};

void print(const Audit& a, const std::string& path) {
    const Language lang = language();
    for (const auto& f : actions::noticeFields()) {
        std::string v = actions::noticeValue(a, f);
        std::cout << "  " << f << " (" << actions::fieldLabel(f, lang) << "): "
                  << (v.empty() ? std::string(tr("(chưa có)", "(not set)")) : v) << "\n";
    }
    for (const auto& l : actions::noticeLists()) {
        auto items = actions::noticeItems(a, l);
        std::cout << "  " << l << " (" << actions::fieldLabel(l, lang) << "): "
                  << (items.empty() ? std::string(tr("(chưa có)", "(none)")) : "") << "\n";
        for (size_t i = 0; i < items.size(); ++i) std::cout << "    " << i + 1 << ". " << items[i] << "\n";
    }
    auto missing = actions::missingParts(a, actions::DocumentKind::Notice);
    if (missing.empty()) {
        std::cout << tr("Thông báo đã đủ thông tin để in.", "The notice has all it needs to be printed.") << "\n";
        return;
    }
    if (actions::readyToPrint(missing))
        std::cout << tr("Thông báo đã đủ thông tin để in; nên có thêm:", "The notice can be printed; it should also have:")
                  << "\n";
    else
        std::cout << tr("Còn thiếu:", "Still missing:") << "\n";
    for (const auto& m : missing)
        std::cout << "  - " << m.label << (m.required ? "" : tr(" (nên có)", " (recommended)")) << ": " << actions::fixCommand(m, path) << "\n";
}

std::size_t position(const std::string& list, const std::string& text) {
    if (text.empty() || text.size() > 4 || text.find_first_not_of("0123456789") != std::string::npos)
        throw UsageError(fmt(tr("--remove {}={}: cần số thứ tự của mục (đếm từ 1)", "--remove {}={}: give the item's number (from 1)"),
                             list, text));
    return std::stoul(text);
}

void install(CLI::App& app, Context&) {
    auto o = std::make_shared<Options>();
    std::string fields, lists;
    for (const auto& f : actions::noticeFields()) fields += (fields.empty() ? "" : ", ") + f;
    for (const auto& l : actions::noticeLists()) lists += (lists.empty() ? "" : ", ") + l;
    auto* cmd = app.add_subcommand("notice", tr("Xem hoặc soạn thông báo kết luận kiểm tra", "Show or edit the conclusion notice"));
    cmd->add_option("audit", o->audit, tr("Tệp kiểm tra", "Audit file"))->required()->check(CLI::ExistingFile);
    cmd->add_option("--set", o->sets, fmt(tr("TRƯỜNG=GIÁ_TRỊ (để trống để xoá); trường: {}", "FIELD=VALUE (empty clears); fields: {}"), fields));
    cmd->add_option("--add", o->adds,
                    fmt(tr("DANH_SÁCH=NỘI_DUNG thêm một mục; danh sách: {} (area-summary: LĨNH_VỰC:NỘI_DUNG)",
                           "LIST=VALUE adds an item; lists: {} (area-summary: AREA:TEXT)"),
                        lists));
    cmd->add_option("--remove", o->removes, tr("DANH_SÁCH=SỐ bỏ mục thứ SỐ (đếm từ 1)", "LIST=N removes item N (from 1)"));
    cmd->add_flag("--defaults", o->defaults,
                  tr("Điền các phần còn trống bằng giá trị gợi ý (ký hiệu, trích yếu, căn cứ, nơi nhận)",
                     "Fill the empty parts with suggestions (symbol, summary, bases, recipients)"));
    cmd->add_option("--by", o->by, tr("Người sửa (mặc định: tên đăng nhập)", "Who makes the change (default: login name)"));
    cmd->callback([o]() {
        if (o->sets.empty() && o->adds.empty() && o->removes.empty() && !o->defaults) {
            print(AuditReader::load(o->audit), o->audit);
            return;
        }
        runAction(o->audit, o->by, [&](AuditBundle& b) {
            std::vector<ChangeCode> changes;
            ValueErrors errors;
            applySets(o->sets, errors, changes,
                      [&](const std::string& f, const std::string& v) { return actions::setNoticeField(b.audit, f, v); });
            // Removals first, highest position first, so that numbers refer to the list as shown.
            std::vector<std::pair<std::string, std::size_t>> removals;
            for (const auto& r : o->removes)
                errors.attempt("--remove " + r, [&] {
                    auto [list, n] = splitAssignment(r, "--remove");
                    removals.emplace_back(list, position(list, trim(n)));
                });
            std::stable_sort(removals.begin(), removals.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
            // (A pair, not a structured binding: C++17 lambdas cannot capture those; Clang
            // refuses.)
            for (const auto& removal : removals)
                errors.attempt(
                    "--remove " + removal.first + "=" + std::to_string(removal.second), [&] {
                        changes.push_back(
                            actions::removeNoticeItem(b.audit, removal.first, removal.second));
                    });
            for (const auto& a : o->adds)
                errors.attempt("--add " + a, [&] {
                    auto [list, value] = splitAssignment(a, "--add");
                    changes.push_back(actions::addNoticeItem(b.audit, *b.form, list, value));
                });
            if (o->defaults)
                errors.attempt("--defaults", [&] {
                    auto filled = actions::fillNoticeDefaults(b.audit);
                    changes.insert(changes.end(), filled.begin(), filled.end());
                });
            errors.throwIfAny(o->audit);
            return changes;
        });
    });
}

const bool registered = registerCommand(26, install);
}  // namespace

}  // namespace par::cli::notice_command

// SPDX-License-Identifier: Apache-2.0
// SignCommand.cpp - `par-audit sign IN.pdf -o OUT.pdf (--pkcs12 F | --pkcs11-module L …)
// [--role signer|agency] [--image PNG/JPEG] [--tsa URL] [--invisible]`: signs the notice par-audit
// printed (PAdES B-B, B-T with a time-stamp) in an incremental update, with the appearance where
// Decree 30/2020 puts it (docs/signing.md). OUT is written atomically; IN is never changed.
#include <iostream>
#include <memory>

#include "cli/Command.hpp"
#include "cli/SigningOptions.hpp"
#include "core/common/AtomicFile.hpp"
#include "core/common/Error.hpp"
#include "core/common/InputFile.hpp"
#include "core/common/Text.hpp"
#include "pdf/Fingerprint.hpp"
#include "pdf/PdfSigner.hpp"

namespace par::cli::sign_command {

namespace {

struct SignOptions {
    std::string input, output;
    std::string role = "signer";
    std::string image, tsa, reason, location;
    double sealSize = 36;
    int tsaTimeout = 30;
    bool invisible = false;
    SigningOptions who;
};

void run(const SignOptions& o) {
    std::string pdf = readFile(o.input, pdf::kMaxPdfBytes);
    if (!pdf::looksLikePdf(pdf)) throw UsageError(fmt(tr("'{}' không phải là tệp PDF", "'{}' is not a PDF file"), o.input));
    pdf::PdfSignRequest rq;
    rq.role = o.role == "agency" ? pdf::SignatureRole::Agency : pdf::SignatureRole::Signer;
    rq.imagePath = o.image;
    rq.visible = !o.invisible;
    rq.sealSizeMm = o.sealSize;
    rq.reason = o.reason;
    rq.location = o.location;
    rq.cms.tsaUrl = o.tsa;
    rq.cms.tsaTimeoutSeconds = o.tsaTimeout;
    if (rq.role == pdf::SignatureRole::Agency && rq.visible && rq.imagePath.empty())
        throw UsageError(tr("chữ ký của cơ quan cần ảnh con dấu: --image CON-DAU.png", "the agency's signature needs the seal image: --image SEAL.png"));
    std::unique_ptr<sig::Signer> signer = o.who.open();
    pdf::PdfSignResult r = pdf::signPdf(pdf, o.input, *signer, rq);
    AtomicWriteOptions atomic;
    atomic.keepBackup = false;
    writeFileAtomically(o.output, r.pdf, atomic);
    std::cout << fmt(tr("Đã ký {} thành {} ({}, trường {}; người ký: {}{})", "Signed {} into {} ({}, field {}; signer: {}{})"), o.input,
                     o.output, rq.role == pdf::SignatureRole::Agency ? tr("chữ ký cơ quan", "agency signature") : tr("chữ ký người có thẩm quyền", "signer's signature"),
                     r.field, sig::subjectText(signer->certificate()),
                     rq.cms.tsaUrl.empty() ? std::string(", PAdES B-B") : std::string(", PAdES B-T"))
              << "\n";
}

void install(CLI::App& app, Context&) {
    auto o = std::make_shared<SignOptions>();
    auto* cmd = app.add_subcommand("sign", tr("Ký số văn bản PDF do par-audit in (PAdES)", "Digitally sign a PDF par-audit printed (PAdES)"));
    cmd->add_option("input", o->input, tr("Tệp PDF cần ký", "PDF to sign"))->required()->check(CLI::ExistingFile);
    cmd->add_option("-o,--output", o->output, tr("Tệp PDF đã ký sẽ ghi", "Signed PDF to write"))->required();
    cmd->add_option("--role", o->role,
                    tr("signer: chữ ký người có thẩm quyền (mặc định); agency: chữ ký cơ quan (con dấu), ký sau",
                       "signer: the signer's signature (default); agency: the agency's (seal), signed after"))
        ->check(CLI::IsMember({"signer", "agency"}));
    cmd->add_option("--image", o->image,
                    tr("Ảnh chữ ký (màu xanh) hoặc con dấu (màu đỏ), PNG nền trong suốt hoặc JPEG",
                       "Signature image (blue) or seal image (red), PNG with transparent background or JPEG"))
        ->check(CLI::ExistingFile);
    cmd->add_option("--seal-size", o->sealSize, tr("Đường kính thật của con dấu, mm (mặc định 36)", "The seal's real diameter in mm (default 36)"));
    cmd->add_option("--tsa", o->tsa, tr("Địa chỉ máy chủ cấp dấu thời gian (RFC 3161): PAdES B-T", "Time-stamping server URL (RFC 3161): PAdES B-T"));
    cmd->add_option("--tsa-timeout", o->tsaTimeout, tr("Chờ máy chủ dấu thời gian tối đa bấy nhiêu giây (mặc định 30)", "Wait at most this many seconds for the time-stamping server (default 30)"))
        ->check(CLI::Range(1, 600));
    cmd->add_option("--reason", o->reason, tr("Lý do ký (ghi trong chữ ký)", "Reason (in the signature)"));
    cmd->add_option("--location", o->location, tr("Nơi ký (ghi trong chữ ký)", "Location (in the signature)"));
    cmd->add_flag("--invisible", o->invisible, tr("Ký không hiển thị trên trang", "Sign without an appearance on the page"));
    o->who.add(cmd);
    cmd->callback([o]() { run(*o); });
}

const bool registered = registerCommand(72, install);

}  // namespace

}  // namespace par::cli::sign_command

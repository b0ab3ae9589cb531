// SPDX-License-Identifier: Apache-2.0
// PdfSigner.hpp - signs a PDF that par-audit printed, PAdES baseline B-B (B-T with a time-stamp
// URL), in an incremental update: the original bytes are kept as they are and after them come a
// signature dictionary (/SubFilter /ETSI.CAdES.detached), a signature field merged with its widget
// annotation on the signature page, the field added to the AcroForm (made when absent), the page's
// /Annots, a classic cross-reference section (/Prev to the previous one) and a trailer. /ByteRange
// is written as a placeholder, patched once the offsets are known; /Contents is a zero-padded hex
// string the CMS signature (core/signature/Cms) is written into. Each signature is one more update,
// so earlier signatures stay valid.
//
// The visible appearance goes where Decree 30/2020 puts it (docs/signing.md): the signer's image
// and text (name, agency, time) in the space between the signer's title and name that the notice
// leaves for the signature, recorded by PdfWriter in the Info dictionary (/ParAuditSignatureBox);
// the agency's seal overlapping the left third of that space. The appearance is drawn by libharu as
// a one-page PDF (image, Vietnamese text with the embedded font subsets) whose page is copied in as
// the widget's form XObject.
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <string_view>

#include "core/signature/Cms.hpp"
#include "core/signature/Signer.hpp"

namespace par::pdf {

enum class SignatureRole { Signer, Agency };

// Where the signature goes: page (1-based) and rectangle in PDF points (origin bottom left).
struct SignatureBox {
    int page = 0;
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
};

struct PdfSignRequest {
    SignatureRole role = SignatureRole::Signer;
    std::string imagePath;          // PNG or JPEG; "" = no image (text only for the signer)
    bool visible = true;            // false: an invisible signature (no box needed)
    double sealSizeMm = 36;         // the seal's real size (agency signature)
    std::string reason;             // /Reason
    std::string location;           // /Location
    std::time_t signingTime = 0;    // 0 = now
    sig::CmsOptions cms;            // tsaUrl for B-T
};

struct PdfSignResult {
    std::string pdf;                // the signed file
    std::string field;              // the field name ("chu-ky-1", "con-dau-2")
    std::optional<SignatureBox> box;
    size_t cmsBytes = 0;
    size_t reservedBytes = 0;
};

// The signature box the printed document recorded; nullopt when it has none (printed by an older
// par-audit, or not a notice).
std::optional<SignatureBox> recordedSignatureBox(std::string_view pdf, const std::string& name);

// Throws ParseError (not a PDF par-audit printed; no signature box for a visible signature, with
// what to do), Error (signing failed), IoError (image unreadable).
PdfSignResult signPdf(std::string_view pdf, const std::string& name, sig::Signer& signer, const PdfSignRequest& request);

// The info key PdfWriter writes: "/ParAuditSignatureBox (page x1 y1 x2 y2)".
constexpr const char* kSignatureBoxKey = "ParAuditSignatureBox";

}  // namespace par::pdf

// SPDX-License-Identifier: Apache-2.0
// XlsxReader.hpp - the first (or a named) worksheet of an .xlsx export as a stream of records, read
// with libzip (ISA-L inflating where built with it), TinyXML-2 for the small parts (workbook,
// relationships) and XlsxScan for the rows and shared strings: the sheet's XML is inflated in
// chunks and each <row> element is read on its own, in place, which keeps the sheet's memory
// constant; or it is handed out in blocks of whole rows for the analyser's threads (nextBlock).
// The shared-strings table is held in memory (the texts end to end, a 32-bit end per string;
// cells refer to it): that, not the row count, bounds an XLSX's memory. Budgets on what is
// inflated, the shared strings, rows and cells refuse hostile packages (docs/dossiers.md,
// "Limits").
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/dossier/RowSource.hpp"

namespace par::dossier {

class XlsxReader : public RowSource {
public:
    // Opens the workbook and reads the header row; throws IoError / ParseError (file names the
    // part of the package at fault). `sheet` empty: the first sheet. `inflateAhead`: on a machine
    // with more than one core, the shared strings and (when read by next()) the sheet are
    // inflated on a second thread while this one parses (a bounded pipeline: about 1 MB of
    // buffers); false: one thread. The records, errors and their places are the same either way.
    // `emptyIsError` false: a sheet without any row opens with an empty header instead of being
    // refused (openDossierLog's search for the sheet with the log's table passes over it).
    XlsxReader(const std::string& path, const std::string& sheet = "", bool inflateAhead = true,
               bool emptyIsError = true);
    ~XlsxReader() override;

    const std::vector<std::string>& header() const override { return header_; }
    long headerLine() const override { return headerLine_; }

protected:
    bool takeNextHeader() override;

public:
    bool next(RawRecord& record) override;
    double fraction() const override;
    bool dateSerials() const override { return true; }
    bool date1904() const override { return date1904_; }
    const std::string& name() const override { return path_; }

    const std::string& sheetName() const { return sheetName_; }
    size_t sheetIndex() const { return sheetIndex_; }  // among the workbook's sheets, from 0
    // Whether the sheet was chosen as the first having the log's table (openDossierLog).
    bool sheetSearched() const { return sheetSearched_; }
    void markSheetSearched() { sheetSearched_ = true; }

    // --- The rest of the sheet in blocks of whole rows, for the analyser's threads ----------
    // (DossierParallel.cpp): after the header, nextBlock() on one thread in order; each block's
    // rows read by a BlockRows on any thread; deliverBlock() for each block in order, on the
    // thread that called nextBlock(); finishBlocks() at the end. Records, errors and their places
    // are those next() gives, except the cell budget's error, which names the block's first row.

    // What a block held, for the checks between blocks.
    struct BlockSummary {
        long firstRow = 0;     // the number (r) of its first row, 0 when it had no number
        long lastRow = 0;      // the number of its last row (the row before it when it had none)
        long long cells = 0;   // cells read
        bool sawEnd = false;   // </sheetData> seen
        bool sawRow = false;   // a row begun in it (read or not)
    };
    // Replaces `out` with the next block: from a row's start to the start of the last row begun
    // after about `want` bytes (that row begins the next block), or to the end of the part.
    // False when nothing is left. Throws as next() does for a damaged part.
    bool nextBlock(Bytes& out, size_t want);
    // Whether the block nextBlock() gave last ends the part (then a row not closed in it is
    // cut short; in any other block, the next row begins where the block ends).
    bool blocksEnded() const;
    // The rows of one block, read as next() reads them.
    class BlockRows {
    public:
        // `last`: blocksEnded() when the block was made.
        BlockRows(const XlsxReader& reader, const char* begin, const char* end, bool last);
        ~BlockRows();
        // The next non-blank record (views valid until the next call); false at the block's end.
        // `previousRow` gives the number of the row before the block, needed when its first row
        // has no number (it may wait for the block before to be read).
        bool next(RawRecord& record, const std::function<long()>& previousRow);
        const BlockSummary& summary(const std::function<long()>& previousRow);

    private:
        struct State;
        std::unique_ptr<State> s_;
    };
    // The row before the first block (the header's row).
    long rowBeforeBlocks() const;
    // The checks between blocks: row numbers increasing across the cut, the cell budget.
    void deliverBlock(const BlockSummary& block);
    // The checks at the end of the sheet (a sheet cut short).
    void finishBlocks();

    // The sheet names of a workbook, in order.
    static std::vector<std::string> sheetNames(const std::string& path);

private:
    struct Impl;
    bool readRow(RawRecord& record);
    void takeHeader(const RawRecord& r);  // r as the header, its names trimmed

    std::string path_;
    std::string sheetName_;
    size_t sheetIndex_ = 0;
    bool sheetSearched_ = false;
    bool date1904_ = false;
    std::unique_ptr<Impl> impl_;
    std::vector<std::string> header_;
    long headerLine_ = 1;
};

}  // namespace par::dossier

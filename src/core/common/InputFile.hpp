// SPDX-License-Identifier: Apache-2.0
// InputFile.hpp - the one way the core opens a file to read it (docs/reliability.md, "Reading
// files"). Only a regular file is read: a folder, a named pipe (FIFO), a device (/dev/zero) or a
// socket is refused by name before any byte is read, so none can hang a reader or fill memory. The
// size is taken with fstat on the open file and checked against the reader's bound before reading,
// and reads stop at that bound even if the file grows meanwhile. Files that can be large are read
// in pieces (read()), never whole.
//
// Everything specific to the operating system is in core/common/Platform (openForReading,
// fileKind, makeBlocking; a Windows variant of each): InputFile.cpp only reads the descriptor.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace par {

// The bound of readFile() when the caller gives none: above every file par-audit reads whole (XML
// files are bounded at 64 MiB, kMaxXmlFileBytes), far below what would exhaust memory.
constexpr std::uint64_t kMaxReadFileBytes = 256u * 1024u * 1024u;

class InputFile {
public:
    // Opens `path` for reading. Throws IoError when it cannot be opened or is not a regular file
    // (the message names what it is: folder, pipe, device, socket), ParseError {path} when it is
    // larger than `maxBytes` ("file too large (N bytes; at most M)").
    InputFile(const std::string& path, std::uint64_t maxBytes);
    ~InputFile();
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;

    const std::string& path() const { return path_; }
    // The size fstat gave at open.
    std::uint64_t size() const { return size_; }
    // Reads up to n bytes; 0 at the end. Throws IoError on a read error, ParseError when the file
    // has grown past maxBytes since it was opened.
    size_t read(char* buf, size_t n);
    // Reads what is left into `out` (replacing its content; its capacity is reused).
    void readAll(std::string& out);

private:
    std::string path_;
    std::uint64_t maxBytes_ = 0;
    std::uint64_t size_ = 0;
    std::uint64_t done_ = 0;
    int fd_ = -1;
};

// "file too large (N bytes; at most M)" as a ParseError on `path`: the one wording of every bound.
[[noreturn]] void throwFileTooLarge(const std::string& path, std::uint64_t size, std::uint64_t max);

// Reads a whole regular file of at most `maxBytes`; throws as InputFile does.
std::string readFile(const std::string& path, std::uint64_t maxBytes = kMaxReadFileBytes);
// The same into a buffer reused between files (no allocation once it is large enough).
void readFileInto(const std::string& path, std::string& out,
                  std::uint64_t maxBytes = kMaxReadFileBytes);

}  // namespace par

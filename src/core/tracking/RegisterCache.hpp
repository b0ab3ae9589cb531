// SPDX-License-Identifier: Apache-2.0
// RegisterCache.hpp - what Register::scan read from each audit file of a workspace last time, kept
// in the user's cache folder ($XDG_CACHE_HOME/par-audit, else ~/.cache/par-audit), so that a
// re-scan parses only the files whose size or modification time changed (docs/tracking.md,
// "Register"). One binary file per workspace folder, written atomically; a cache that is missing,
// written by another version, made for another folder or damaged is ignored as a whole, and a
// damaged record only sends its file back to the parser.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model/Audit.hpp"

namespace par::track {

// How a file looked when it was read.
struct FileStamp {
    std::uint64_t size = 0;
    std::int64_t mtimeNs = 0;
    bool operator==(const FileStamp& o) const { return size == o.size && mtimeNs == o.mtimeNs; }
};

class RegisterCache {
public:
    // $XDG_CACHE_HOME/par-audit, else $HOME/.cache/par-audit; "" when neither is set.
    static std::string defaultFolder();

    // The cache of the workspace `canonicalDir` (an absolute, canonical path) inside `folder`.
    RegisterCache(const std::string& folder, const std::string& canonicalDir);
    ~RegisterCache();
    RegisterCache(const RegisterCache&) = delete;
    RegisterCache& operator=(const RegisterCache&) = delete;

    const std::string& path() const { return path_; }

    // Reads the cache file. Missing, foreign or damaged: the cache stays empty.
    void load();
    size_t size() const { return records_.size(); }

    // The record of `relative` (the file's path inside the workspace) when its stamp matches; the
    // bytes stay valid while this cache lives.
    std::optional<std::string_view> find(const std::string& relative, FileStamp stamp) const;

    // The audit fields the register uses (id, inspected unit, inspecting body, notice, actions
    // without history), as record bytes; and back (nullopt when the record is damaged).
    static std::string encode(const std::string& relative, FileStamp stamp, const Audit& audit);
    static std::optional<Audit> decode(std::string_view record);

    // The record layout ("v1:ssssssd[ssse4i4dde4e2sdss[s]i4]": strings, dates, numbers with their
    // sizes, lists) and the format version derived from it, written at the head of the file: a
    // cache of another layout is ignored as a whole.
    static std::string layout();
    static std::uint32_t formatVersion();

    // Writes the records (from encode() or find()) as the new cache, atomically. Throws IoError.
    void save(const std::vector<std::string_view>& records) const;

private:
    std::string folder_, dir_, path_;
    // The cache file, mapped read-only (no copy of its ≈ 100 MB; the page cache holds it).
    const char* data_ = nullptr;
    size_t size_ = 0;
    void unmap();
    struct Slot {
        FileStamp stamp;
        std::string_view record;
    };
    std::unordered_map<std::string_view, Slot> records_;
};

}  // namespace par::track

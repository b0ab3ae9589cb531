// SPDX-License-Identifier: Apache-2.0
// ViewIndex.hpp - text → int, for the analyser's per-row look-ups of the raw unit and procedure
// texts (two per row, a million rows): open addressing with linear probing in one array, a hash
// that reads the text 8 bytes at a time, the keys compared in place. The texts are views: their
// owner keeps them alive (DossierAnalyzer's rawTexts_). Internal to par_dossier.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace par::dossier {

class ViewIndex {
public:
    // The value stored for `key`, or nullptr.
    const int* find(std::string_view key) const {
        if (slots_.empty())
            return nullptr;
        const std::uint64_t h = hash(key);
        const std::uint32_t tag = static_cast<std::uint32_t>(h >> 32);
        const size_t mask = slots_.size() - 1;
        for (size_t i = static_cast<size_t>(h) & mask;; i = (i + 1) & mask) {
            const Slot& s = slots_[i];
            if (s.data == nullptr)
                return nullptr;
            if (s.tag == tag && s.size == key.size() &&
                std::memcmp(s.data, key.data(), key.size()) == 0)
                return &s.value;
        }
    }
    // Adds a key not in the index; `key` must stay valid as long as the index.
    void insert(std::string_view key, int value) {
        if ((count_ + 1) * 2 > slots_.size())
            grow();
        place(key, value);
        ++count_;
    }
    size_t size() const { return count_; }

private:
    struct Slot {
        const char* data = nullptr;  // nullptr: free
        std::uint32_t size = 0;
        std::uint32_t tag = 0;  // the hash's high half
        int value = 0;
    };
    static std::uint64_t mix(std::uint64_t h) {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdull;
        h ^= h >> 33;
        return h;
    }
    static std::uint64_t hash(std::string_view key) {
        const char* p = key.data();
        size_t n = key.size();
        std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xc2b2ae3d27d4eb4full);
        for (; n >= 8; n -= 8, p += 8) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            h = (h ^ w) * 0x9E3779B97F4A7C15ull;
            h ^= h >> 29;
        }
        std::uint64_t w = 0;
        for (size_t i = 0; i < n; ++i)
            w |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
        return mix(h ^ w);
    }
    void place(std::string_view key, int value) {
        const std::uint64_t h = hash(key);
        const size_t mask = slots_.size() - 1;
        size_t i = static_cast<size_t>(h) & mask;
        while (slots_[i].data != nullptr)
            i = (i + 1) & mask;
        // An empty text still needs a non-null address to mark the slot used.
        slots_[i] = {key.data() != nullptr ? key.data() : "",
                     static_cast<std::uint32_t>(key.size()), static_cast<std::uint32_t>(h >> 32),
                     value};
    }
    void grow() {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
        for (const Slot& s : old)
            if (s.data != nullptr)
                place({s.data, s.size}, s.value);
    }

    std::vector<Slot> slots_;
    size_t count_ = 0;
};

}  // namespace par::dossier

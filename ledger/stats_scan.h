// stats_scan.h — the scanning primitives behind records_stats.cpp: a read-only query whose
// text columns are views into SQLite's row buffer, a compact numbering of distinct texts, and
// a look-up that remembers the last answer. Internal to the statistics (namespace
// stats_detail); kept apart so records_stats.cpp holds only what the figures mean.
#pragma once

#include "ledger/sqlite_db.h"

#include <sqlite3.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace drillbase::ledger::stats_detail {

// A read-only query whose text columns are views into SQLite's own row buffer (valid until
// the next step). The scans below read millions of rows; Statement::columnText would make a
// std::string, and so a heap allocation, for every person id longer than the small-string
// buffer.
class Scan {
public:
    Scan(SqliteDb& db, const char* sql) : db_(db.handle()) {
        if (sqlite3_prepare_v2(db_, sql, -1, &st_, nullptr) != SQLITE_OK) {
            sqlite3_finalize(st_);
            st_ = nullptr;
            fail("prepare");
        }
    }
    ~Scan() { sqlite3_finalize(st_); }
    Scan(const Scan&) = delete;
    Scan& operator=(const Scan&) = delete;

    Scan& bind(int index, const std::string& text) {
        if (sqlite3_bind_text(st_, index, text.data(), static_cast<int>(text.size()),
                              SQLITE_TRANSIENT) != SQLITE_OK)
            fail("bind");
        return *this;
    }
    bool step() {
        const int rc = sqlite3_step(st_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        fail("step");
    }
    std::string_view text(int col) const {
        const auto* p = sqlite3_column_text(st_, col);
        if (!p) return {};
        return {reinterpret_cast<const char*>(p),
                static_cast<std::size_t>(sqlite3_column_bytes(st_, col))};
    }
    std::int64_t integer(int col) const { return sqlite3_column_int64(st_, col); }
    bool isNull(int col) const { return sqlite3_column_type(st_, col) == SQLITE_NULL; }

private:
    [[noreturn]] void fail(const char* what) const {
        throw DbError(std::string(what) + ": " + sqlite3_errmsg(db_));
    }
    sqlite3* db_;
    sqlite3_stmt* st_ = nullptr;
};

// Distinct texts (person ids, credit codes, group keys) numbered 0, 1, 2, ... in the order
// first seen. Open addressing over one character arena: a look-up is one hash and usually one
// comparison, and a million person ids cost a handful of allocations, not a million nodes.
// Once numbered, everything else is indexed by that integer.
class TextIndex {
public:
    static constexpr std::uint32_t kAbsent = 0xFFFFFFFFu;

    explicit TextIndex(std::size_t expected = 0) {
        std::size_t capacity = 16;
        while (capacity < expected * 2) capacity *= 2;
        table_.assign(capacity, 0);
        mask_ = capacity - 1;
        offsets_.reserve(expected + 1);
        offsets_.push_back(0);
    }
    std::size_t size() const { return offsets_.size() - 1; }
    std::string_view key(std::uint32_t n) const {
        return std::string_view(arena_).substr(offsets_[n], offsets_[n + 1] - offsets_[n]);
    }
    // The number of `text`, and whether it was new.
    std::pair<std::uint32_t, bool> insert(std::string_view text) {
        const auto h = hash(text);
        std::size_t i = h & mask_;
        for (; table_[i] != 0; i = (i + 1) & mask_)
            if (matches(table_[i], h, text)) return {number(table_[i]), false};
        const auto n = static_cast<std::uint32_t>(size());
        arena_.append(text);
        offsets_.push_back(arena_.size());
        table_[i] = entry(h, n);
        if (size() * 2 > table_.size()) grow();
        return {n, true};
    }
    std::uint32_t find(std::string_view text) const {
        const auto h = hash(text);
        for (std::size_t i = h & mask_; table_[i] != 0; i = (i + 1) & mask_)
            if (matches(table_[i], h, text)) return number(table_[i]);
        return kAbsent;
    }

private:
    // An entry: the hash's upper half (compared before the text) and the number plus one, so
    // that 0 marks an empty place.
    static std::uint64_t hash(std::string_view text) {
        return static_cast<std::uint64_t>(std::hash<std::string_view>{}(text));
    }
    static std::uint64_t entry(std::uint64_t h, std::uint32_t n) {
        return (h & 0xFFFFFFFF00000000ull) | (static_cast<std::uint64_t>(n) + 1);
    }
    static std::uint32_t number(std::uint64_t e) { return static_cast<std::uint32_t>(e) - 1; }
    bool matches(std::uint64_t e, std::uint64_t h, std::string_view text) const {
        return (e >> 32) == (h >> 32) && key(number(e)) == text;
    }
    void grow() {
        table_.assign(table_.size() * 2, 0);
        mask_ = table_.size() - 1;
        for (std::uint32_t n = 0; n < size(); ++n) {
            const auto h = hash(key(n));
            std::size_t i = h & mask_;
            while (table_[i] != 0) i = (i + 1) & mask_;
            table_[i] = entry(h, n);
        }
    }

    std::vector<std::uint64_t> table_;
    std::size_t mask_ = 0;
    std::string arena_;
    std::vector<std::size_t> offsets_;  // key n is arena_[offsets_[n], offsets_[n + 1])
};

// Looks person ids up in a TextIndex, remembering the last answer: the derived tables are
// written person by person (a registration, then that person's records), so consecutive rows
// of a scan mostly name the same person and skip the hash altogether.
class LastLookup {
public:
    explicit LastLookup(const TextIndex& index) : index_(index) {}
    std::uint32_t operator()(std::string_view text) {
        if (!fresh_ && text == last_) return number_;
        fresh_ = false;
        last_.assign(text);
        number_ = index_.find(text);
        return number_;
    }

    // The index has changed: the remembered answer may be stale.
    void forget() { fresh_ = true; }

private:
    const TextIndex& index_;
    std::string last_;
    std::uint32_t number_ = TextIndex::kAbsent;
    bool fresh_ = true;
};

}  // namespace drillbase::ledger::stats_detail

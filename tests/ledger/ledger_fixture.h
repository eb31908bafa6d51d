// ledger_fixture.h — the set-up every ledger test file needs, written once so each test file
// keeps only what its cases are about: a scratch database, the shipped content, a row count.
//
// Each database lives at <tmp>/drillbase-test-<pid>/<folder>/<name>.sqlite: the pid keeps
// parallel runs (ctest -j, the sanitizer build) apart, the folder (one per test file) and the
// name (one per test case) keep the cases of one run apart.
#pragma once

#include "ledger/event_store.h"
#include "ledger/industries.h"
#include "ledger/ledger.h"
#include "ledger/regions.h"
#include "ledger/rules.h"
#include "ledger/sqlite_db.h"
#include "ledger/sqlite_event_storage.h"
#include "ledger/training_kinds.h"

#include <unistd.h>
#include <cstdint>
#include <filesystem>
#include <string>

namespace drillbase::ledger::testing {

inline const std::filesystem::path kContent =
    std::filesystem::path(DRILLBASE_SOURCE_DIR) / "content";
// The tests' "today" and event time: the dated rule cases are written against this day.
inline const CivilDate kToday{2026, 11, 23};
inline constexpr const char* kAt = "2026-11-23T09:00:00Z";

// The path of a scratch database, with any file an earlier run left there (and its -wal and
// -shm companions) removed. Nothing is created.
inline std::filesystem::path scratchDb(const std::string& folder, const std::string& name) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("drillbase-test-" + std::to_string(::getpid())) / folder;
    std::filesystem::create_directories(dir);
    const auto file = dir / (name + ".sqlite");
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
    return file;
}

// A scratch database with an empty event chain whose ids start with `base`.
inline std::filesystem::path freshDb(const std::string& folder, const std::string& name,
                                     const std::string& base = "base-test") {
    const auto file = scratchDb(folder, name);
    SqliteDb db(file);
    SqliteEventStorage storage(db);
    EventStore::initialize(storage, base);
    return file;
}

// The shipped content, loaded once per test process.
inline const IndustryList& industries() {
    static const auto list = loadIndustriesFile(kContent / "industries.json");
    return list;
}
inline const CertificationRules& rules() {
    static const auto r = loadCertificationRulesFile(kContent / "certification-rules.json");
    return r;
}
inline const TrainingKindList& trainingKinds() {
    static const auto k = loadTrainingKindsFile(kContent / "training-kinds.json");
    return k;
}
inline const RegionList& regions() {
    static const auto r = loadRegionsFile(kContent / "regions.json");
    return r;
}

// A Ledger over `db` with the shipped industries, certification rules and training kinds.
inline Ledger openLedger(SqliteDb& db, const LookupKey& key) {
    return Ledger(db, key, industries(), rules(), trainingKinds());
}

// The first column of the first row of `sql`, typically a COUNT(*).
inline std::int64_t count(SqliteDb& db, const std::string& sql) {
    auto st = db.prepare(sql);
    st.step();
    return st.columnInt(0);
}

}  // namespace drillbase::ledger::testing

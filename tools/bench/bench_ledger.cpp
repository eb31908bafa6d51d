// bench_ledger — the certification ledger at provincial size: a synthetic province
// (ledger/synth.h; 1,000,000 people and about 5,000,000 records by default), then
//   - roster import rate (rows/s, all-or-nothing, one transaction),
//   - the expiring-within-30-days query and a person's archive look-up by identity number
//     (goal: under 50 ms each),
//   - chain verification speed against raw SHA-256 over the same bytes in same-sized
//     messages, measured in the same run (verification = parse + canonicalise + hash, so the
//     ratio shows what the JSON work costs on top of the hash),
//   - the officials' read paths, after the figures above so that their table scans do not
//     warm the page cache for them: coverage and pass-rate statistics (records_stats.h) by
//     region, industry and month over the calendar year to "today"; the compliance engine
//     (person_compliance.h) over the roster of the largest and of a median-size organisation
//     (ms and people/s), and for random people (goal: under 50 ms, as the archive look-up).
// Usage: bench_ledger [people] [work-dir]   (work-dir default: the system temp folder)
#include "common/data_dir.h"
#include "ledger/canonical_json.h"
#include "ledger/id_number.h"
#include "ledger/person_compliance.h"
#include "ledger/records_archive.h"
#include "ledger/records_stats.h"
#include "ledger/roster_import.h"
#include "ledger/sha256.h"
#include "ledger/synth.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

using namespace drillbase;
using namespace drillbase::ledger;
namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double worst(const std::vector<double>& v) {
    return v.empty() ? 0 : *std::max_element(v.begin(), v.end());
}

// Milliseconds of each of `runs` calls of f.
template <class F>
std::vector<double> timeRuns(int runs, F f) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = Clock::now();
        f();
        ms.push_back(secondsSince(t0) * 1000);
    }
    return ms;
}

// A roster of new people in a county synth never uses (650102, Ürümqi Tianshan).
std::string makeRoster(int rows, const std::string& org) {
    std::string csv = "name,id_number,org_credit_code,role,since\n";
    for (int i = 0; i < rows; ++i) {
        const CivilDate birth = CivilDate{1970, 1, 1}.addDays(i / 1000);
        std::string first17 = "650102" + birth.iso().substr(0, 4) + birth.iso().substr(5, 2) +
                              birth.iso().substr(8, 2);
        const std::string seq = std::to_string(i % 1000);
        first17 += std::string(3 - seq.size(), '0') + seq;
        csv += "新员工" + std::to_string(i) + "," + first17 + gb11643CheckChar(first17) + "," +
               org + ",new_worker,2026-11-01\n";
    }
    return csv;
}

}  // namespace

int main(int argc, char** argv) {
    std::int64_t people = 1000000;
    if (argc > 1) {
        char* end = nullptr;
        people = std::strtoll(argv[1], &end, 10);
        if (*end != '\0' || people < 100) {
            std::fprintf(stderr,
                         "usage: bench_ledger [PEOPLE >= 100, default 1000000] [SCRATCH_DIR]\n");
            return 2;
        }
    }
    const fs::path dir = argc > 2 ? fs::path(argv[2]) : fs::temp_directory_path();
    const fs::path file = dir / "bench_ledger.sqlite";
    for (const char* s : {"", "-wal", "-shm"}) fs::remove(file.string() + s);
    const CivilDate today{2026, 11, 23};
    const auto content = contentDir();
    const auto industries = loadIndustriesFile(content / "industries.json");
    const auto rules = loadCertificationRulesFile(content / "certification-rules.json");
    const auto kinds = loadTrainingKindsFile(content / "training-kinds.json");
    const auto regions = loadRegionsFile(content / "regions.json");

    SqliteDb db(file);
    {
        SqliteEventStorage storage(db);
        EventStore::initialize(storage, "base-bench");
    }
    // A benchmark database may be lost on a crash: no fsync per commit. The ledger itself
    // keeps SQLite's default (synchronous=FULL), so import figures here are an upper bound.
    db.exec("PRAGMA synchronous=OFF");
    BulkWriter writer(db, LookupKey::generate(), rules);

    std::vector<std::string> ids;
    SynthOptions so;
    so.people = people;
    so.seed = 2026;
    so.today = today;
    so.registeredIdNumbers = &ids;
    so.progress = [&](std::int64_t n) {
        if (n % 100000 == 0)
            std::fprintf(stderr, "  synth: %lld people\n", static_cast<long long>(n));
    };
    auto t0 = Clock::now();
    const auto sum = synthesizeProvince(writer, industries, regions, so);
    const double synthS = secondsSince(t0);
    std::printf(
        "synthetic province: %lld organisations, %lld people, %lld certificates, %lld "
        "records in %.1f s (%.0f records/s, events and derived tables)\n",
        static_cast<long long>(sum.organisations), static_cast<long long>(sum.people),
        static_cast<long long>(sum.certificates), static_cast<long long>(sum.records), synthS,
        static_cast<double>(sum.records) / synthS);

    // --- roster import ---
    std::string org;
    {
        auto st = db.prepare("SELECT credit_code FROM organisations LIMIT 1");
        st.step();
        org = st.columnText(0);
    }
    const int rosterRows = static_cast<int>(std::clamp<std::int64_t>(people / 10, 1000, 100000));
    const auto roster = makeRoster(rosterRows, org);
    RosterImportOptions ro;
    ro.today = today;
    ro.at = "2026-11-23T09:00:00Z";
    t0 = Clock::now();
    const auto imp = importRoster(writer, db, roster, ro);
    const double impS = secondsSince(t0);
    std::printf(
        "roster import: %zu of %d rows in %.2f s = %.0f rows/s (2 events per row, checked "
        "against %lld people)\n",
        imp.imported, rosterRows, impS, static_cast<double>(imp.imported) / impS,
        static_cast<long long>(sum.people));

    // --- the two queries ---
    std::vector<double> ms;
    std::size_t expiring = 0;
    for (int i = 0; i < 21; ++i) {
        t0 = Clock::now();
        expiring = certificatesExpiring(db, today.iso(), 30, 6).size();
        ms.push_back(secondsSince(t0) * 1000);
    }
    std::printf(
        "expiring within 30 days: %zu certificates, median %.2f ms, max %.2f ms "
        "(goal < 50 ms)\n",
        expiring, median(ms), *std::max_element(ms.begin(), ms.end()));

    ms.clear();
    ArchiveReader archive(db);
    auto byHash = db.prepare("SELECT person_id FROM people WHERE id_hash = ?");
    SynthRng pick(99);
    std::size_t records = 0;
    for (int i = 0; i < 1000; ++i) {
        const auto& id =
            ids[static_cast<std::size_t>(pick.between(0, static_cast<int>(ids.size()) - 1))];
        t0 = Clock::now();
        const auto doc = parseResidentId(id, today);
        byHash.reset();
        byHash.bind(1, lookupHash(*doc.document, writer.key()));
        if (!byHash.step()) return std::fprintf(stderr, "person not found\n"), 1;
        const auto a = archive.person(byHash.columnText(0));
        ms.push_back(secondsSince(t0) * 1000);
        records += a ? a->records.size() : 0;
    }
    std::printf(
        "archive look-up by identity number: median %.3f ms, max %.2f ms over 1000 "
        "people (%.1f records each; goal < 50 ms)\n",
        median(ms), *std::max_element(ms.begin(), ms.end()), static_cast<double>(records) / 1000.0);

    // --- chain verification against raw SHA-256 ---
    std::int64_t bytes = 0, events = 0;
    std::size_t sample = 0;
    {
        // The hashed document of each event, as verify() builds it, for the byte count and
        // for a same-sized raw-hash baseline.
        SqliteEventStorage storage(db);
        std::vector<std::string> docs;
        storage.scan(1, [&](const StoredEvent& e) {
            const nlohmann::json d = {{"seq", e.seq},
                                      {"event_id", e.eventId},
                                      {"kind", e.kind},
                                      {"at", e.at},
                                      {"payload", nlohmann::json::parse(e.payload)},
                                      {"prev_hash", e.prevHash}};
            auto c = canonicalJson(d);
            bytes += static_cast<std::int64_t>(c.size());
            ++events;
            if (docs.size() < 200000) docs.push_back(std::move(c));
            return true;
        });
        sample = docs.size();
        t0 = Clock::now();
        std::int64_t hashed = 0;
        unsigned sink = 0;
        while (hashed < bytes)
            for (const auto& d : docs) {
                sink += static_cast<unsigned char>(sha256Hex(d)[0]);
                hashed += static_cast<std::int64_t>(d.size());
                if (hashed >= bytes) break;
            }
        const double shaS = secondsSince(t0);
        t0 = Clock::now();
        const auto v = writer.events().verify();
        const double verS = secondsSince(t0);
        const double mb = static_cast<double>(bytes) / 1e6;
        std::printf(
            "chain verification: %lld events, %.1f MB hashed, %.2f s = %.1f MB/s, %.0f "
            "events/s (%s)\n",
            static_cast<long long>(v.eventsChecked), mb, verS, mb / verS,
            static_cast<double>(v.eventsChecked) / verS, v.ok() ? "intact" : "BROKEN");
        std::printf(
            "raw SHA-256 baseline: same %.1f MB in messages of the same sizes (%zu "
            "sampled): %.2f s = %.1f MB/s\n",
            mb, sample, shaS, mb / shaS);
        std::printf(
            "ratio: verification runs at %.2f x raw SHA-256 speed (%lld events read, "
            "checksum %u)\n",
            shaS / verS, static_cast<long long>(events), sink % 10);
    }

    // --- the officials' read paths ---
    // Statistics over the current calendar year, the period the records screen opens with.
    const CivilDate yearStart{today.year, 1, 1};
    for (const auto by : {StatsGroup::Region, StatsGroup::Industry, StatsGroup::Month}) {
        std::size_t rows = 0;
        const auto runs = timeRuns(5, [&] {
            rows =
                recordsStats(db, by, yearStart, today, regions.regions, rules, industries).size();
        });
        std::printf(
            "statistics by %s, %s to %s: %zu rows, median %.1f ms, max %.1f ms over %zu runs\n",
            std::string(statsGroupName(by)).c_str(), yearStart.iso().c_str(), today.iso().c_str(),
            rows, median(runs), worst(runs), runs.size());
    }

    // Organisations by the people holding a role there today; the roster import above made
    // the first one the largest, so the largest of the synthetic ones is measured too.
    std::vector<std::pair<std::int64_t, std::string>> sizes;
    {
        auto st = db.prepare(
            "SELECT COUNT(DISTINCT person_id), credit_code FROM roles WHERE since <= ? "
            "GROUP BY credit_code");
        st.bind(1, today.iso());
        while (st.step()) sizes.emplace_back(st.columnInt(0), st.columnText(1));
        std::sort(sizes.begin(), sizes.end());
    }
    std::vector<std::pair<std::string, std::string>> rosterOrgs;  // what, credit code
    if (!sizes.empty()) {
        const auto& largest = sizes.back();
        rosterOrgs.emplace_back(largest.second == org ? "largest organisation (the imported roster)"
                                                      : "largest organisation",
                                largest.second);
        if (largest.second == org && sizes.size() > 1)
            rosterOrgs.emplace_back("largest synthetic organisation",
                                    sizes[sizes.size() - 2].second);
        rosterOrgs.emplace_back("median-size organisation", sizes[sizes.size() / 2].second);
    }
    ComplianceReader compliance(db, rules, kinds, industries);
    for (const auto& [what, code] : rosterOrgs) {
        std::size_t rosterPeople = 0, mayNot = 0;
        // The large rosters take seconds each: fewer runs there.
        const bool medianSize = what.rfind("median", 0) == 0;
        const auto runs = timeRuns(medianSize ? 21 : 3, [&, code = code] {
            const auto r = compliance.roster(code, today, 30);
            rosterPeople = r.size();
            mayNot = static_cast<std::size_t>(std::count_if(
                r.begin(), r.end(), [](const PersonCompliance& p) { return !p.mayHoldPost; }));
        });
        std::printf(
            "compliance roster, %s: %zu people (%zu may not hold the post), median %.1f ms, "
            "max %.1f ms over %zu runs = %.0f people/s\n",
            what.c_str(), rosterPeople, mayNot, median(runs), worst(runs), runs.size(),
            static_cast<double>(rosterPeople) / (median(runs) / 1000));
    }

    // A person's compliance, for random people of the synthetic province (the person id is
    // found outside the timing: the archive look-up above measures that step).
    ms.clear();
    SynthRng pickCompliance(7);
    std::size_t requirements = 0;
    for (int i = 0; i < 1000; ++i) {
        const auto& id = ids[static_cast<std::size_t>(
            pickCompliance.between(0, static_cast<int>(ids.size()) - 1))];
        byHash.reset();
        byHash.bind(1, lookupHash(*parseResidentId(id, today).document, writer.key()));
        if (!byHash.step()) return std::fprintf(stderr, "person not found\n"), 1;
        const std::string personId = byHash.columnText(0);
        t0 = Clock::now();
        const auto c = compliance.person(personId, today, 30);
        ms.push_back(secondsSince(t0) * 1000);
        requirements += c ? c->requirements.size() : 0;
    }
    std::printf(
        "compliance of a person: median %.3f ms, max %.2f ms over 1000 people (%.1f "
        "requirements each; goal < 50 ms)\n",
        median(ms), worst(ms), static_cast<double>(requirements) / 1000.0);
    std::printf("database: %s, %.0f MB\n", file.c_str(),
                static_cast<double>(fs::file_size(file)) / 1e6);
    return 0;
}

// synth.h — a synthetic province for tests and benchmarks: organisations with valid
// GB 32100 credit codes across the industries of content/industries.json (with a supervision
// level and a risk colour), people with valid GB 11643 identity numbers (real birth dates and
// the county codes of content/regions.json), roles, training hours,
// special-operations exams and certificates issued over the last six and a half years, so
// some are expiring soon, some due for review and some already expired.
// Deterministic: the same seed and size give the same province (its own SplitMix64 RNG, no
// std::*_distribution, whose output differs between standard libraries), and no clock: the
// province is built as of `today`.
#pragma once

#include "ledger/bulk_writer.h"
#include "ledger/industries.h"
#include "ledger/regions.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace drillbase::ledger {

struct SynthOptions {
    std::int64_t people = 1000;
    std::uint64_t seed = 1;
    CivilDate today{2026, 11, 23};
    // People per transaction through a BulkWriter (memory and lock time stay bounded).
    int peoplePerBatch = 5000;
    // Called after each batch with the people written so far (progress for long runs).
    std::function<void(std::int64_t)> progress;
    // When set, receives every identity number registered (tests check that no export
    // shows one in the clear). Never set in production use.
    std::vector<std::string>* registeredIdNumbers = nullptr;
};

struct SynthSummary {
    std::int64_t organisations = 0;
    std::int64_t people = 0;
    std::int64_t certificates = 0;
    std::int64_t records = 0;  // events written, organisations included
};

// Writes the province through any sink; `batch` wraps each group of people (a BulkWriter's
// batch(), or a plain call for the validating Ledger).
// Counties (for credit codes and birthplaces) are regions.synthCounties, in that order, and
// company names carry their city's name (content/regions.json).
SynthSummary synthesizeProvince(RecordSink& sink, const IndustryList& industries,
                                const RegionList& regions, const SynthOptions& options,
                                const std::function<void(const std::function<void()>&)>& batch);
// The fast path: a BulkWriter over `db`, one transaction per peoplePerBatch people.
SynthSummary synthesizeProvince(BulkWriter& writer, const IndustryList& industries,
                                const RegionList& regions, const SynthOptions& options);

// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and passes BigCrush on its output.
class SynthRng {
public:
    explicit SynthRng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next();
    // Uniform in [lo, hi] by Lemire's multiply-shift (bias below 2^-32, fine for test data).
    int between(int lo, int hi);
    bool chance(int percent) { return between(0, 99) < percent; }

private:
    std::uint64_t state_;
};

}  // namespace drillbase::ledger

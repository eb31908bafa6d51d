// training_kinds.h — the kinds of training record (TrainingRecorded.kind) and which required
// hours each one counts toward, read from content/training-kinds.json when a ledger is opened.
// The one place that names them: the ledger refuses a kind the file does not list, the
// compliance engine and the certificate review count by it, the CLI lists it in its errors.
// Why data and not code: what a kind counts toward is a reading of 生产经营单位安全培训规定
// (SAWS Order No. 3 as amended by Order No. 80) arts. 9, 12 and 13, SAWS Order No. 30 and
// 生产安全事故应急预案管理办法 art. 33; a changed reading, or a province's own kind, is a new
// entry in the file with its source and effective date, not a new build. The file's notes
// give the reasoning for each kind. Their names on screen are the i18n keys training.kind.<id>.
#pragma once

#include "ledger/civil_date.h"
#include "ledger/compliance.h"
#include "ledger/rules.h"

#include "common/json_source.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drillbase::ledger {

// Which required figure a record of a kind counts toward ("counts_toward" in the file).
enum class TrainingCount {
    InitialHours,  // "initial_hours": Order No. 3 arts. 9 and 13, initial (岗前/初次) training
    AnnualHours,   // "annual_hours": the same articles, annual refresher (再培训)
    ReviewHours,   // "review_hours": SAWS Order No. 30, review training before a review (复审)
    NotCounted,    // "none": recorded in the archive, but toward none of the figures above
};
std::optional<TrainingCount> trainingCountFromName(std::string_view name);

// One dated entry of the file: meta.id is the kind, meta.source.note the reasoning.
struct TrainingKind {
    RuleMeta meta;
    TrainingCount countsToward = TrainingCount::NotCounted;
};

class TrainingKindList {
public:
    TrainingKindList() = default;
    // `entries` as readTrainingKinds() validated them: the entries of one kind follow each
    // other in time without gap or overlap, and the last one is open-ended.
    TrainingKindList(std::string version, std::vector<TrainingKind> entries);

    const std::string& version() const { return version_; }
    const std::vector<TrainingKind>& entries() const { return entries_; }
    // Every kind once, in the order of the file (the order forms and help texts list them).
    const std::vector<std::string>& ids() const { return ids_; }
    bool contains(std::string_view kind) const;
    // "initial, annual, review, three_level, first_lesson, special_ops or drill", for messages.
    std::string listText() const;

    // The entry that decides how a record of `kind` dated `date` counts: the one in force on
    // that date, or the kind's first entry for a record older than all of them (the file holds
    // no older reading, and an old archive must still count). nullptr for an unknown kind.
    const TrainingKind* entryFor(std::string_view kind, const CivilDate& date) const;
    // NotCounted for an unknown kind.
    TrainingCount countsAs(std::string_view kind, const CivilDate& date) const;
    // The record as the hours checks of compliance.h see it; nullopt for kinds that count
    // toward neither initial nor annual hours on that date, and for unknown kinds.
    std::optional<TrainingRecord> complianceRecord(std::string_view kind, const CivilDate& date,
                                                   int hours) const;

private:
    std::string version_;
    std::vector<TrainingKind> entries_;
    std::vector<std::string> ids_;
};

// Validates a parsed content/training-kinds.json, appending every problem to `out` as
// FILE:LINE:COL: /pointer: message (unknown keys with the nearest known one, an unknown
// counts_toward, duplicate or overlapping entries of one kind). nullopt when any was found.
std::optional<TrainingKindList> readTrainingKinds(const JsonDocument& doc,
                                                  std::vector<Diagnostic>& out);
// Reads and validates the file; throws ContentError listing every problem with its line.
TrainingKindList loadTrainingKindsFile(const std::filesystem::path& file);

}  // namespace drillbase::ledger

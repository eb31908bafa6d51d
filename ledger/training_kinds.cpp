#include "ledger/training_kinds.h"

#include "ledger/content_reader.h"

#include "common/json_fields.h"

#include <algorithm>
#include <map>

namespace drillbase::ledger {

namespace {

constexpr std::string_view kFormat = "drillbase-training-kinds/1";

constexpr TrainingCount kAllCounts[] = {TrainingCount::InitialHours, TrainingCount::AnnualHours,
                                        TrainingCount::ReviewHours, TrainingCount::NotCounted};
constexpr std::string_view kCountNames[] = {"initial_hours", "annual_hours", "review_hours",
                                            "none"};

// Kinds are stored in every TrainingRecorded event: the same key shape as industry ids.
bool isKey(const std::string& s) {
    if (s.empty() || s.size() > 64) return false;
    for (const char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

std::optional<CivilDate> date(FieldReader& r, const std::string& obj, const char* key,
                              bool required) {
    const auto text = r.string(obj, key, required);
    if (!text) return std::nullopt;
    const auto d = parseIsoDate(*text);
    if (!d)
        r.error(pointerChild(obj, key),
                "must be a real date written YYYY-MM-DD, got \"" + *text + "\"");
    return d;
}

std::optional<TrainingCount> countsToward(FieldReader& r, const std::string& p) {
    const auto name = r.string(p, "counts_toward");
    if (!name) return std::nullopt;
    if (const auto c = trainingCountFromName(*name)) return c;
    std::string msg =
        "must be initial_hours, annual_hours, review_hours or none, got \"" + *name + "\"";
    if (const auto near = nearestName(*name, kCountNames); !near.empty())
        msg += "; did you mean \"" + near + "\"?";
    r.error(p + "/counts_toward", std::move(msg));
    return std::nullopt;
}

// The source in the house style of certification-rules.json, with the reasoning required:
// a kind's counting is a reading of the rules, and the reading must be written down.
void readSource(FieldReader& r, const std::string& p, RuleSource& s) {
    const auto sp = p + "/source";
    if (!r.at(sp)) {
        r.error(p, "missing required field \"source\" (the document, article and reasoning)");
        return;
    }
    if (!r.isObject(sp)) return;
    r.knownKeys(sp, {"document", "article", "verified", "note"});
    s.document = r.string(sp, "document").value_or("");
    if (r.at(sp + "/document") && s.document.empty())
        r.error(sp + "/document", "must name the source document");
    s.article = r.string(sp, "article").value_or("");
    s.verified = r.boolean(sp, "verified").value_or(false);
    s.note = r.string(sp, "note").value_or("");
    if (r.at(sp + "/note") && s.note.empty())
        r.error(sp + "/note", "must say why the kind counts toward what it does");
}

// The entries of one kind must follow each other: the earlier one ends the day before the
// later one starts, and only the latest is open-ended, so that every record date after the
// first entry has exactly one reading, and the kind stays known for the records it has.
void checkSequence(FieldReader& r, const std::vector<TrainingKind>& all,
                   const std::vector<std::string>& pointers) {
    std::map<std::string, std::vector<std::size_t>> byId;
    for (std::size_t i = 0; i < all.size(); ++i) byId[all[i].meta.id].push_back(i);
    for (auto& [id, idx] : byId) {
        std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
            return all[a].meta.effectiveFrom < all[b].meta.effectiveFrom;
        });
        for (std::size_t k = 0; k + 1 < idx.size(); ++k) {
            const auto& earlier = all[idx[k]].meta;
            const auto& later = all[idx[k + 1]].meta;
            const auto& at = pointers[idx[k + 1]];
            if (later.effectiveFrom == earlier.effectiveFrom)
                r.error(at + "/id", "kind \"" + id + "\" is listed twice from " +
                                        later.effectiveFrom.iso() + " (also at " +
                                        pointers[idx[k]] + ")");
            else if (!earlier.effectiveUntil)
                r.error(at + "/effective_from", "kind \"" + id + "\" from " +
                                                    later.effectiveFrom.iso() + ": the entry at " +
                                                    pointers[idx[k]] +
                                                    " has no effective_until (set it to " +
                                                    later.effectiveFrom.addDays(-1).iso() + ")");
            else if (later.effectiveFrom != earlier.effectiveUntil->addDays(1))
                r.error(at + "/effective_from",
                        "kind \"" + id + "\" from " + later.effectiveFrom.iso() + " must start " +
                            earlier.effectiveUntil->addDays(1).iso() +
                            ", the day after the entry at " + pointers[idx[k]] + " ends (" +
                            (later.effectiveFrom <= *earlier.effectiveUntil ? "overlap" : "gap") +
                            ")");
        }
        const auto last = idx.back();
        if (all[last].meta.effectiveUntil)
            r.error(pointers[last] + "/effective_until",
                    "the latest entry of kind \"" + id +
                        "\" must be open-ended: its records stay in the archives (to stop "
                        "counting them, add an entry with counts_toward \"none\")");
    }
}

}  // namespace

std::optional<TrainingCount> trainingCountFromName(std::string_view name) {
    for (std::size_t i = 0; i < std::size(kAllCounts); ++i)
        if (kCountNames[i] == name) return kAllCounts[i];
    return std::nullopt;
}

TrainingKindList::TrainingKindList(std::string version, std::vector<TrainingKind> entries)
    : version_(std::move(version)), entries_(std::move(entries)) {
    for (const auto& e : entries_)
        if (!contains(e.meta.id)) ids_.push_back(e.meta.id);
}

bool TrainingKindList::contains(std::string_view kind) const {
    return std::find(ids_.begin(), ids_.end(), kind) != ids_.end();
}

std::string TrainingKindList::listText() const {
    std::string out;
    for (std::size_t i = 0; i < ids_.size(); ++i) {
        if (i) out += i + 1 == ids_.size() ? " or " : ", ";
        out += ids_[i];
    }
    return out;
}

const TrainingKind* TrainingKindList::entryFor(std::string_view kind, const CivilDate& date) const {
    const TrainingKind* first = nullptr;   // the earliest entry of the kind
    const TrainingKind* latest = nullptr;  // the latest one started on or before `date`
    for (const auto& e : entries_) {
        if (e.meta.id != kind) continue;
        if (e.meta.inForceOn(date)) return &e;
        if (!first || e.meta.effectiveFrom < first->meta.effectiveFrom) first = &e;
        if (e.meta.effectiveFrom <= date &&
            (!latest || latest->meta.effectiveFrom < e.meta.effectiveFrom))
            latest = &e;
    }
    // Only for a list readTrainingKinds() did not validate can `latest` be set here.
    return latest ? latest : first;
}

TrainingCount TrainingKindList::countsAs(std::string_view kind, const CivilDate& date) const {
    const auto* e = entryFor(kind, date);
    return e ? e->countsToward : TrainingCount::NotCounted;
}

std::optional<TrainingRecord> TrainingKindList::complianceRecord(std::string_view kind,
                                                                 const CivilDate& date,
                                                                 int hours) const {
    switch (countsAs(kind, date)) {
        case TrainingCount::InitialHours: return TrainingRecord{date, hours, true};
        case TrainingCount::AnnualHours: return TrainingRecord{date, hours, false};
        case TrainingCount::ReviewHours:
        case TrainingCount::NotCounted: break;
    }
    return std::nullopt;
}

std::optional<TrainingKindList> readTrainingKinds(const JsonDocument& doc,
                                                  std::vector<Diagnostic>& out) {
    FieldReader r(doc, out);
    if (!r.isObject("")) return std::nullopt;
    r.knownKeys("", {"format", "version", "note", "kinds"});
    if (const auto f = r.string("", "format"); f && *f != kFormat)
        r.error("/format", "must be \"" + std::string(kFormat) + "\", got \"" + *f + "\"");
    const auto version = r.string("", "version").value_or("");
    r.string("", "note", false);
    std::vector<TrainingKind> entries;
    std::vector<std::string> pointers;  // of each entry read, for the sequence check
    if (!r.at("/kinds")) {
        r.error("", "missing required field \"kinds\"");
    } else if (r.isArray("/kinds")) {
        const auto n = r.at("/kinds")->size();
        if (n == 0) r.error("/kinds", "must list at least one kind");
        for (std::size_t i = 0; i < n; ++i) {
            const auto p = pointerChild("/kinds", i);
            if (!r.isObject(p)) continue;
            r.knownKeys(p, {"id", "counts_toward", "effective_from", "effective_until", "source"});
            TrainingKind k;
            k.meta.id = r.string(p, "id").value_or("");
            if (r.at(p + "/id") && r.at(p + "/id")->is_string() && !isKey(k.meta.id))
                r.error(p + "/id", "must be 1 to 64 lower-case letters, digits and '_'");
            const auto counts = countsToward(r, p);
            const auto from = date(r, p, "effective_from", true);
            k.meta.effectiveUntil = date(r, p, "effective_until", false);
            if (from && k.meta.effectiveUntil && *k.meta.effectiveUntil < *from)
                r.error(p + "/effective_until", "is before effective_from");
            readSource(r, p, k.meta.source);
            // Only complete entries take part in the sequence check; the others are reported.
            if (!counts || !from || k.meta.id.empty()) continue;
            k.meta.effectiveFrom = *from;
            k.countsToward = *counts;
            entries.push_back(std::move(k));
            pointers.push_back(p);
        }
    }
    checkSequence(r, entries, pointers);
    if (!r.ok()) return std::nullopt;
    return TrainingKindList(version, std::move(entries));
}

TrainingKindList loadTrainingKindsFile(const std::filesystem::path& file) {
    std::vector<Diagnostic> issues;
    auto doc = loadJsonFile(file, issues);
    std::optional<TrainingKindList> list;
    if (doc) list = readTrainingKinds(*doc, issues);
    if (!list) throw ContentError(issues);
    return std::move(*list);
}

}  // namespace drillbase::ledger

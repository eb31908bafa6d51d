#include "ledger/records_stats.h"

#include "ledger/certificate_history.h"
#include "ledger/compliance.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

namespace drillbase::ledger {

namespace {

// The population of the period, held in memory: one slot per person holding a role, with the
// groups (Region, Industry) or the day of the first role (Month). Why not a temporary table
// joined in SQL: every record would then cost a B-tree look-up by a text key; a hash look-up
// is an order of magnitude cheaper, and the tables are read in one plain scan each.
class Population {
public:
    // Region or Industry: people holding a role (since <= to) at an organisation of a group.
    Population(SqliteDb& db, StatsGroup by, const CivilDate& to) {
        reserve(db);
        std::unordered_map<std::string, std::uint32_t> orgGroup;
        auto orgs = db.prepare(by == StatsGroup::Region
                                   ? "SELECT credit_code, region FROM organisations"
                                   : "SELECT credit_code, industry FROM organisations");
        while (orgs.step()) orgGroup.emplace(orgs.columnText(0), groupIndex(orgs.columnText(1)));
        auto roles = db.prepare("SELECT person_id, credit_code FROM roles WHERE since <= ?");
        roles.bind(1, to.iso());
        while (roles.step()) {
            const auto g = orgGroup.find(roles.columnText(1));
            if (g == orgGroup.end()) continue;  // a role at an unregistered organisation
            add(roles.columnText(0), g->second);
        }
    }
    // Month: everyone holding a role by `to`, with the day the first one began.
    Population(SqliteDb& db, const CivilDate& to) {
        reserve(db);
        auto roles = db.prepare(
            "SELECT person_id, MIN(since) FROM roles WHERE since <= ? "
            "GROUP BY person_id");
        roles.bind(1, to.iso());
        while (roles.step()) {
            const auto d = parseIsoDate(roles.columnText(1));
            if (!d) continue;
            slots_.emplace(roles.columnText(0), static_cast<std::uint32_t>(first_.size()));
            first_.push_back(*d);
        }
    }

    // The person's slot, or -1 when not in the population.
    std::int64_t slot(const std::string& personId) const {
        const auto it = slots_.find(personId);
        return it == slots_.end() ? -1 : it->second;
    }
    std::size_t size() const { return slots_.size(); }
    template <class F>
    void forGroups(std::int64_t slot, F f) const {
        const auto s = static_cast<std::size_t>(slot);
        f(group_[s]);
        const auto [a, b] = extra_.equal_range(static_cast<std::uint32_t>(slot));
        for (auto it = a; it != b; ++it) f(it->second);
    }
    const CivilDate& firstRole(std::int64_t slot) const {
        return first_[static_cast<std::size_t>(slot)];
    }
    const std::vector<std::string>& groupKeys() const { return keys_; }

private:
    // About one slot per registered person; MAX(rowid) is read from the b-tree's edge, no scan.
    void reserve(SqliteDb& db) {
        auto st = db.prepare("SELECT COALESCE(MAX(rowid), 0) FROM people");
        if (st.step()) slots_.reserve(static_cast<std::size_t>(st.columnInt(0)));
    }
    std::uint32_t groupIndex(const std::string& key) {
        const auto [it, fresh] = keyIndex_.emplace(key, static_cast<std::uint32_t>(keys_.size()));
        if (fresh) keys_.push_back(key);
        return it->second;
    }
    void add(const std::string& personId, std::uint32_t g) {
        const auto [it, fresh] =
            slots_.emplace(personId, static_cast<std::uint32_t>(group_.size()));
        if (fresh) {
            group_.push_back(g);
            return;
        }
        bool known = group_[it->second] == g;
        const auto [a, b] = extra_.equal_range(it->second);
        for (auto e = a; e != b && !known; ++e) known = e->second == g;
        if (!known) extra_.emplace(it->second, g);
    }

    std::unordered_map<std::string, std::uint32_t> slots_;
    std::vector<std::uint32_t> group_;  // each person's first group
    // Further groups of the few people with roles in several (most hold one role).
    std::unordered_multimap<std::uint32_t, std::uint32_t> extra_;
    std::vector<CivilDate> first_;  // Month: the first role's day
    std::vector<std::string> keys_;
    std::unordered_map<std::string, std::uint32_t> keyIndex_;
};

// Reads every special-operations certificate's history in one ordered scan and hands each
// certificate, folded by certificate_history.h (the fold Ledger::certificateStatus uses), to
// `visit` with its holder's person id.
template <class Visit>
void forEachCertificate(SqliteDb& db, Visit visit) {
    auto certificates = db.prepare(
        "SELECT certificate_id, person_id FROM certificates WHERE type = 'special_operations' "
        "ORDER BY certificate_id");
    auto events = db.prepare(
        "SELECT certificate_id, event_id, on_date, change, reason, until_date "
        "FROM certificate_events ORDER BY certificate_id, on_date, seq");
    bool more = events.step();
    std::vector<CertificateChange> history;
    while (certificates.step()) {
        const std::string id = certificates.columnText(0);
        history.clear();
        while (more && events.columnText(0) < id) more = events.step();
        while (more && events.columnText(0) == id) {
            if (const auto d = parseIsoDate(events.columnText(2))) {
                CertificateChange c{
                    events.columnText(1), *d, events.columnText(3), events.columnText(4), {}};
                if (!events.columnIsNull(5)) c.until = parseIsoDate(events.columnText(5));
                history.push_back(std::move(c));
            }
            more = events.step();
        }
        visit(certificates.columnText(1), specialOpsCertificateFrom(history));
    }
}

struct CertificateCount {
    bool valid = false, due = false;
};

CertificateCount countOn(const SpecialOpsCertificate& cert, const CertificationRules& rules,
                         const CivilDate& day) {
    const auto* rule = rules.specialOpsOn(day);
    if (!rule || day < cert.issued) return {};
    const auto s = specialOpsStatus(cert, *rule, day);
    const bool due = s.state == CertificateState::ReviewDue;
    return {due || s.state == CertificateState::Valid, due};
}

std::string monthKey(const CivilDate& d) {
    return d.iso().substr(0, 7);
}

std::vector<StatsRow> byGroup(SqliteDb& db, StatsGroup by, const CivilDate& from,
                              const CivilDate& to, const RegionList& regions,
                              const CertificationRules& rules, const IndustryList& industries) {
    const Population pop(db, by, to);
    std::vector<StatsRow> rows(pop.groupKeys().size());
    std::vector<char> trained(pop.size(), 0);
    for (std::size_t s = 0; s < pop.size(); ++s)
        pop.forGroups(static_cast<std::int64_t>(s), [&](std::uint32_t g) { ++rows[g].people; });
    {
        auto st = db.prepare("SELECT person_id FROM training WHERE on_date >= ? AND on_date <= ?");
        st.bind(1, from.iso()).bind(2, to.iso());
        while (st.step()) {
            const auto s = pop.slot(st.columnText(0));
            if (s < 0 || trained[static_cast<std::size_t>(s)]) continue;
            trained[static_cast<std::size_t>(s)] = 1;
            pop.forGroups(s, [&](std::uint32_t g) { ++rows[g].trained; });
        }
    }
    {
        auto st = db.prepare(
            "SELECT person_id, passed FROM assessments WHERE on_date >= ? AND on_date <= ?");
        st.bind(1, from.iso()).bind(2, to.iso());
        while (st.step()) {
            const auto s = pop.slot(st.columnText(0));
            if (s < 0) continue;
            const bool passed = st.columnInt(1) != 0;
            pop.forGroups(s, [&](std::uint32_t g) {
                ++rows[g].examsTaken;
                rows[g].examsPassed += passed;
            });
        }
    }
    // A certificate counts in every group its holder belongs to.
    forEachCertificate(db, [&](const std::string& personId, const SpecialOpsCertificate& cert) {
        const auto s = pop.slot(personId);
        if (s < 0) return;
        const auto n = countOn(cert, rules, to);
        pop.forGroups(s, [&](std::uint32_t g) {
            rows[g].certificatesValid += n.valid;
            rows[g].certificatesDue += n.due;
        });
    });
    for (std::size_t g = 0; g < rows.size(); ++g) {
        auto& row = rows[g];
        row.key = pop.groupKeys()[g];
        if (by == StatsGroup::Region) {
            row.label = regions.labelZh(row.key);
            row.labelEn = regions.labelEn(row.key);
        } else if (const auto* ind = industries.find(row.key)) {
            row.label = ind->zh;
            row.labelEn = ind->en;
        } else {
            row.label = row.labelEn = row.key;
        }
    }
    // Groups of organisations with nobody in post: every figure would be 0.
    rows.erase(
        std::remove_if(rows.begin(), rows.end(), [](const StatsRow& r) { return r.people == 0; }),
        rows.end());
    std::sort(rows.begin(), rows.end(),
              [](const StatsRow& a, const StatsRow& b) { return a.key < b.key; });
    return rows;
}

std::vector<StatsRow> byMonth(SqliteDb& db, const CivilDate& from, const CivilDate& to,
                              const CertificationRules& rules) {
    std::vector<StatsRow> rows;
    std::vector<CivilDate> ends;  // the day each month's stock figures are taken on
    for (CivilDate m{from.year, from.month, 1}; m <= to; m = m.addMonths(1)) {
        StatsRow r;
        r.key = r.label = r.labelEn = monthKey(m);
        rows.push_back(std::move(r));
        ends.push_back(std::min(CivilDate{m.year, m.month, daysInMonth(m.year, m.month)}, to));
    }
    const auto monthOf = [&](const CivilDate& d) {
        return static_cast<std::size_t>((d.year - from.year) * 12 + d.month - from.month);
    };
    const Population pop(db, to);
    // Head count: each person from the month of the first role on.
    std::vector<std::int64_t> starts(rows.size() + 1, 0);
    for (std::size_t s = 0; s < pop.size(); ++s) {
        const auto& first = pop.firstRole(static_cast<std::int64_t>(s));
        ++starts[first < from ? 0 : monthOf(first)];
    }
    std::int64_t running = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i].people = running += starts[i];

    // Records of people already in post in the record's month. Distinct people per month:
    // (month, slot) pairs, sorted.
    std::vector<std::uint64_t> trainedPairs;
    {
        auto st = db.prepare(
            "SELECT person_id, on_date FROM training WHERE on_date >= ? AND on_date <= ?");
        st.bind(1, from.iso()).bind(2, to.iso());
        while (st.step()) {
            const auto s = pop.slot(st.columnText(0));
            const auto d = parseIsoDate(st.columnText(1));
            if (s < 0 || !d || ends[monthOf(*d)] < pop.firstRole(s)) continue;
            trainedPairs.push_back((static_cast<std::uint64_t>(monthOf(*d)) << 32) |
                                   static_cast<std::uint64_t>(s));
        }
    }
    std::sort(trainedPairs.begin(), trainedPairs.end());
    trainedPairs.erase(std::unique(trainedPairs.begin(), trainedPairs.end()), trainedPairs.end());
    for (const auto pair : trainedPairs) ++rows[pair >> 32].trained;
    {
        auto st = db.prepare(
            "SELECT person_id, on_date, passed FROM assessments WHERE on_date >= ? AND "
            "on_date <= ?");
        st.bind(1, from.iso()).bind(2, to.iso());
        while (st.step()) {
            const auto s = pop.slot(st.columnText(0));
            const auto d = parseIsoDate(st.columnText(1));
            if (s < 0 || !d || ends[monthOf(*d)] < pop.firstRole(s)) continue;
            auto& row = rows[monthOf(*d)];
            ++row.examsTaken;
            row.examsPassed += st.columnInt(2) != 0;
        }
    }
    forEachCertificate(db, [&](const std::string& personId, const SpecialOpsCertificate& cert) {
        const auto s = pop.slot(personId);
        if (s < 0) return;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (ends[i] < pop.firstRole(s)) continue;
            const auto n = countOn(cert, rules, ends[i]);
            rows[i].certificatesValid += n.valid;
            rows[i].certificatesDue += n.due;
        }
    });
    return rows;
}

}  // namespace

std::string_view statsGroupName(StatsGroup g) {
    switch (g) {
        case StatsGroup::Region: return "region";
        case StatsGroup::Industry: return "industry";
        case StatsGroup::Month: return "month";
    }
    return "";
}

std::optional<StatsGroup> statsGroupFromName(std::string_view name) {
    for (const auto g : {StatsGroup::Region, StatsGroup::Industry, StatsGroup::Month})
        if (statsGroupName(g) == name) return g;
    return std::nullopt;
}

std::vector<StatsRow> recordsStats(SqliteDb& db, StatsGroup by, const CivilDate& from,
                                   const CivilDate& to, const std::vector<RegionName>& regions,
                                   const CertificationRules& rules,
                                   const IndustryList& industries) {
    if (to < from)
        throw std::invalid_argument("the period ends (" + to.iso() + ") before it starts (" +
                                    from.iso() + ")");
    if (from.addYears(10) < to) throw std::invalid_argument("the period is longer than 10 years");
    if (by == StatsGroup::Month) return byMonth(db, from, to, rules);
    RegionList list;
    list.regions = regions;
    return byGroup(db, by, from, to, list, rules, industries);
}

}  // namespace drillbase::ledger

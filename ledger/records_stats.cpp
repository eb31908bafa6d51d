#include "ledger/records_stats.h"

#include "ledger/certificate_history.h"
#include "ledger/compliance.h"
#include "ledger/stats_scan.h"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <functional>
#include <stdexcept>
#include <unordered_map>

namespace drillbase::ledger {

namespace {

using namespace stats_detail;

// About one person per registered person; MAX(rowid) is read from the b-tree's edge, no scan.
std::size_t expectedPeople(SqliteDb& db) {
    Scan st(db, "SELECT COALESCE(MAX(rowid), 0) FROM people");
    return st.step() ? static_cast<std::size_t>(std::max<std::int64_t>(st.integer(0), 0)) : 0;
}

// Region or Industry: the people holding a role (since <= to) at an organisation of a group,
// each numbered by the TextIndex, with the groups they belong to. Why not a temporary table
// joined in SQL: every record would then cost a B-tree look-up by a text key; the integer
// numbering costs one hash per person id, and the tables are read in one plain scan each.
class GroupPopulation {
public:
    GroupPopulation(SqliteDb& db, StatsGroup by, const CivilDate& to)
        : people_(expectedPeople(db)) {
        TextIndex orgs;
        std::vector<std::uint32_t> orgGroup;
        Scan o(db, by == StatsGroup::Region ? "SELECT credit_code, region FROM organisations"
                                            : "SELECT credit_code, industry FROM organisations");
        while (o.step()) {
            const auto g = groups_.insert(o.text(1)).first;
            // credit_code is the table's key, so every organisation is new here.
            if (orgs.insert(o.text(0)).second) orgGroup.push_back(g);
        }
        const auto since = to.iso();
        Scan roles(db, "SELECT person_id, credit_code FROM roles WHERE since <= ?");
        roles.bind(1, since);
        LastLookup orgOf(orgs);
        while (roles.step()) {
            const auto org = orgOf(roles.text(1));
            if (org == TextIndex::kAbsent) continue;  // a role at an unregistered organisation
            add(roles.text(0), orgGroup[org]);
        }
    }

    const TextIndex& people() const { return people_; }
    const TextIndex& groups() const { return groups_; }
    template <class F>
    void forGroups(std::uint32_t person, F f) const {
        f(group_[person]);
        if (!several_[person]) return;
        const auto [a, b] = extra_.equal_range(person);
        for (auto it = a; it != b; ++it) f(it->second);
    }

private:
    void add(std::string_view personId, std::uint32_t g) {
        const auto [p, fresh] = people_.insert(personId);
        if (fresh) {
            group_.push_back(g);
            several_.push_back(0);
            return;
        }
        if (group_[p] == g) return;
        const auto [a, b] = extra_.equal_range(p);
        for (auto e = a; e != b; ++e)
            if (e->second == g) return;
        extra_.emplace(p, g);
        several_[p] = 1;
    }

    TextIndex people_, groups_;
    std::vector<std::uint32_t> group_;  // each person's first group
    std::vector<char> several_;         // the person has further groups in extra_
    // Further groups of the few people with roles in several (most hold one role).
    std::unordered_multimap<std::uint32_t, std::uint32_t> extra_;
};

// Month: everyone holding a role by `to`, with the day the first one began (MIN(since), as
// text). Read as a plain scan with the minimum kept per person: GROUP BY person_id would sort,
// or walk an index with a table look-up per role, which cost more than everything else here.
// The ledger writes `since` as "YYYY-MM-DD", so the minimum is a 10-byte comparison, as
// SQLite's MIN() on text compares; a value of another length sends the whole read back to
// the GROUP BY query, so the answer is the same for any table.
class MonthPopulation {
public:
    MonthPopulation(SqliteDb& db, const CivilDate& to) : people_(expectedPeople(db)) {
        const auto toIso = to.iso();
        if (!readByScan(db, toIso)) readGrouped(db, toIso);
    }
    const TextIndex& people() const { return people_; }
    bool inPost(std::uint32_t person) const { return first_[person].has_value(); }
    const CivilDate& firstRole(std::uint32_t person) const { return *first_[person]; }

private:
    using Since = std::array<char, 10>;

    bool readByScan(SqliteDb& db, const std::string& toIso) {
        std::vector<Since> least;
        Scan roles(db, "SELECT person_id, since FROM roles WHERE since <= ?");
        roles.bind(1, toIso);
        LastLookup last(people_);
        while (roles.step()) {
            const auto since = roles.text(1);
            if (since.size() != Since().size()) {
                people_ = TextIndex();
                return false;
            }
            const auto p = last(roles.text(0));
            if (p == TextIndex::kAbsent) {
                people_.insert(roles.text(0));
                last.forget();
                least.emplace_back();
                std::copy(since.begin(), since.end(), least.back().begin());
            } else if (std::string_view(least[p].data(), least[p].size()) > since) {
                std::copy(since.begin(), since.end(), least[p].begin());
            }
        }
        first_.reserve(least.size());
        for (const auto& l : least) first_.push_back(parseIsoDate({l.data(), l.size()}));
        return true;
    }
    void readGrouped(SqliteDb& db, const std::string& toIso) {
        Scan roles(db,
                   "SELECT person_id, MIN(since) FROM roles WHERE since <= ? "
                   "GROUP BY person_id");
        roles.bind(1, toIso);
        while (roles.step()) {
            const auto d = parseIsoDate(roles.text(1));
            if (!d) continue;
            people_.insert(roles.text(0));
            first_.push_back(*d);
        }
    }

    TextIndex people_;
    // The first role's day; none when its text is no date: such a person is not counted,
    // as if not in post (the GROUP BY read leaves them out).
    std::vector<std::optional<CivilDate>> first_;
};

// A certificate's history rows (on_date, change, reason, until_date: every column the fold
// reads) as one byte string, each field length-prefixed, a NULL end marked apart from an empty
// one. Two certificates with the same string have the same history, so the same fold and the
// same status on every day.
constexpr std::uint32_t kNullField = 0xFFFFFFFFu;

void appendField(std::string& out, std::string_view text, bool null = false) {
    const std::uint32_t n = null ? kNullField : static_cast<std::uint32_t>(text.size());
    out.append(reinterpret_cast<const char*>(&n), sizeof n);
    out.append(text);
}

std::optional<std::string_view> readField(std::string_view& in) {
    std::uint32_t n = 0;
    std::memcpy(&n, in.data(), sizeof n);
    in.remove_prefix(sizeof n);
    if (n == kNullField) return std::nullopt;
    const auto text = in.substr(0, n);
    in.remove_prefix(n);
    return text;
}

// The history back from its byte string, exactly as certificate_history.h reads it from the
// table (readCertificateHistory): rows with an unreadable date left out. The event id is not
// kept: the fold does not read it.
std::vector<CertificateChange> decodeHistory(std::string_view in) {
    std::vector<CertificateChange> out;
    while (!in.empty()) {
        const auto date = readField(in);
        const auto change = readField(in);
        const auto reason = readField(in);
        const auto until = readField(in);
        const auto d = parseIsoDate(date.value_or(""));
        if (!d) continue;
        CertificateChange c{
            {}, *d, std::string(change.value_or("")), std::string(reason.value_or("")), {}};
        if (until) c.until = parseIsoDate(*until);
        out.push_back(std::move(c));
    }
    return out;
}

// Reads every special-operations certificate's history and hands each certificate to `visit`
// with its holder's person id and its history as one byte string (appendField), the rows in
// the order certificate_history.h reads them (on_date, then seq). Both tables are read in
// storage order and the rows sorted here: walking them in certificate_id order through their
// indexes costs a table look-up per row, more than the whole sort.
template <class Visit>
void forEachCertificate(SqliteDb& db, Visit visit) {
    TextIndex certificates, holders;
    std::vector<std::uint32_t> holderOf;
    {
        Scan st(db,
                "SELECT certificate_id, person_id FROM certificates WHERE type = "
                "'special_operations'");
        while (st.step())
            if (certificates.insert(st.text(0)).second)
                holderOf.push_back(holders.insert(st.text(1)).first);
    }
    struct Row {
        std::uint32_t certificate;
        std::int64_t seq;
        std::size_t date, fields, end;  // on_date at arena[date, fields), all four to end
    };
    std::vector<Row> rows;
    std::string arena;
    {
        Scan st(db,
                "SELECT certificate_id, seq, on_date, change, reason, until_date "
                "FROM certificate_events");
        LastLookup certificate(certificates);
        while (st.step()) {
            const auto c = certificate(st.text(0));
            if (c == TextIndex::kAbsent) continue;  // not a special-operations certificate
            Row r{c, st.integer(1), arena.size(), 0, 0};
            arena.append(st.text(2));
            r.fields = arena.size();
            for (int col = 2; col <= 5; ++col) {
                // The type first: it is undefined once the text has been asked for.
                const bool null = st.isNull(col);
                appendField(arena, null ? std::string_view() : st.text(col), null);
            }
            r.end = arena.size();
            rows.push_back(r);
        }
    }
    const auto date = [&](const Row& r) {
        return std::string_view(arena).substr(r.date, r.fields - r.date);
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const Row& x, const Row& y) {
        if (x.certificate != y.certificate) return x.certificate < y.certificate;
        const auto dx = date(x), dy = date(y);
        return dx != dy ? dx < dy : x.seq < y.seq;
    });
    std::string history;
    std::size_t next = 0;
    for (std::uint32_t c = 0; c < certificates.size(); ++c) {
        history.clear();
        for (; next < rows.size() && rows[next].certificate == c; ++next)
            history.append(arena, rows[next].fields, rows[next].end - rows[next].fields);
        visit(holders.key(holderOf[c]), std::string_view(history));
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

// countOn for each of a fixed list of days, computed once per distinct history. Most
// certificates share their history (issued on a day, reviewed on the days the rule sets) with
// many others, and by month a certificate is asked about up to 121 days; the fold
// (specialOpsCertificateFrom, as Ledger::certificateStatus uses it) and specialOpsStatus,
// which writes an explanation on every call, then run a few thousand times instead of
// hundreds of thousands.
class CertificateCounts {
public:
    CertificateCounts(const CertificationRules& rules, std::vector<CivilDate> days)
        : rules_(rules), days_(std::move(days)) {}

    // One count per day, in the order of the days given; valid until the next call.
    const CertificateCount* counts(std::string_view history) {
        const auto [n, fresh] = histories_.insert(history);
        const auto first = static_cast<std::size_t>(n) * days_.size();
        if (fresh) {
            const auto cert = specialOpsCertificateFrom(decodeHistory(history));
            table_.resize(first + days_.size());
            for (std::size_t i = 0; i < days_.size(); ++i)
                table_[first + i] = countOn(cert, rules_, days_[i]);
        }
        return table_.data() + first;
    }

private:
    const CertificationRules& rules_;
    std::vector<CivilDate> days_;
    TextIndex histories_;
    std::vector<CertificateCount> table_;  // days_.size() counts per history, by number
};

std::string monthKey(const CivilDate& d) {
    return d.iso().substr(0, 7);
}

std::vector<StatsRow> byGroup(SqliteDb& db, StatsGroup by, const CivilDate& from,
                              const CivilDate& to, const RegionList& regions,
                              const CertificationRules& rules, const IndustryList& industries) {
    const GroupPopulation pop(db, by, to);
    const auto& people = pop.people();
    std::vector<StatsRow> rows(pop.groups().size());
    std::vector<char> trained(people.size(), 0);
    for (std::uint32_t p = 0; p < people.size(); ++p)
        pop.forGroups(p, [&](std::uint32_t g) { ++rows[g].people; });
    const auto fromIso = from.iso(), toIso = to.iso();
    {
        Scan st(db, "SELECT person_id FROM training WHERE on_date >= ? AND on_date <= ?");
        st.bind(1, fromIso).bind(2, toIso);
        LastLookup slot(people);
        while (st.step()) {
            const auto p = slot(st.text(0));
            if (p == TextIndex::kAbsent || trained[p]) continue;
            trained[p] = 1;
            pop.forGroups(p, [&](std::uint32_t g) { ++rows[g].trained; });
        }
    }
    {
        Scan st(db,
                "SELECT person_id, passed FROM assessments WHERE on_date >= ? AND on_date <= ?");
        st.bind(1, fromIso).bind(2, toIso);
        LastLookup slot(people);
        while (st.step()) {
            const auto p = slot(st.text(0));
            if (p == TextIndex::kAbsent) continue;
            const bool passed = st.integer(1) != 0;
            pop.forGroups(p, [&](std::uint32_t g) {
                ++rows[g].examsTaken;
                rows[g].examsPassed += passed;
            });
        }
    }
    // A certificate counts in every group its holder belongs to.
    CertificateCounts counts(rules, {to});
    LastLookup holder(people);
    forEachCertificate(db, [&](std::string_view personId, std::string_view history) {
        const auto n = counts.counts(history)[0];
        if (!n.valid) return;  // counts nowhere (a due one is valid): no need to find the holder
        const auto p = holder(personId);
        if (p == TextIndex::kAbsent) return;
        pop.forGroups(p, [&](std::uint32_t g) {
            rows[g].certificatesValid += n.valid;
            rows[g].certificatesDue += n.due;
        });
    });
    for (std::uint32_t g = 0; g < rows.size(); ++g) {
        auto& row = rows[g];
        row.key = pop.groups().key(g);
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
    const MonthPopulation pop(db, to);
    const auto& people = pop.people();
    // Head count: each person from the month of the first role on.
    std::vector<std::int64_t> starts(rows.size() + 1, 0);
    for (std::uint32_t p = 0; p < people.size(); ++p) {
        if (!pop.inPost(p)) continue;
        const auto& first = pop.firstRole(p);
        ++starts[first < from ? 0 : monthOf(first)];
    }
    std::int64_t running = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i].people = running += starts[i];
    // The first month whose last day finds the person in post: records of earlier months do
    // not count (ends[] grows with the month, so this is one comparison per record).
    std::vector<std::uint16_t> firstMonth(people.size());
    for (std::uint32_t p = 0; p < people.size(); ++p) {
        std::size_t m = pop.inPost(p) ? 0 : ends.size();
        while (m < ends.size() && ends[m] < pop.firstRole(p)) ++m;
        firstMonth[p] = static_cast<std::uint16_t>(m);
    }
    const auto fromIso = from.iso(), toIso = to.iso();

    // Distinct people per month: one bit per (month, person), set the first time.
    {
        std::vector<std::vector<std::uint64_t>> trained(rows.size());
        Scan st(db, "SELECT person_id, on_date FROM training WHERE on_date >= ? AND on_date <= ?");
        st.bind(1, fromIso).bind(2, toIso);
        LastLookup slot(people);
        while (st.step()) {
            const auto p = slot(st.text(0));
            if (p == TextIndex::kAbsent) continue;
            const auto d = parseIsoDate(st.text(1));
            if (!d) continue;
            const auto m = monthOf(*d);
            if (m < firstMonth[p]) continue;
            auto& seen = trained[m];
            if (seen.empty()) seen.assign(people.size() / 64 + 1, 0);
            const auto bit = std::uint64_t{1} << (p % 64);
            if (seen[p / 64] & bit) continue;
            seen[p / 64] |= bit;
            ++rows[m].trained;
        }
    }
    {
        Scan st(db,
                "SELECT person_id, on_date, passed FROM assessments WHERE on_date >= ? AND "
                "on_date <= ?");
        st.bind(1, fromIso).bind(2, toIso);
        LastLookup slot(people);
        while (st.step()) {
            const auto p = slot(st.text(0));
            if (p == TextIndex::kAbsent) continue;
            const auto d = parseIsoDate(st.text(1));
            if (!d) continue;
            const auto m = monthOf(*d);
            if (m < firstMonth[p]) continue;
            ++rows[m].examsTaken;
            rows[m].examsPassed += st.integer(2) != 0;
        }
    }
    CertificateCounts counts(rules, ends);
    LastLookup holder(people);
    forEachCertificate(db, [&](std::string_view personId, std::string_view history) {
        const auto p = holder(personId);
        if (p == TextIndex::kAbsent) return;
        const auto* n = counts.counts(history);
        for (std::size_t i = firstMonth[p]; i < rows.size(); ++i) {
            rows[i].certificatesValid += n[i].valid;
            rows[i].certificatesDue += n[i].due;
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

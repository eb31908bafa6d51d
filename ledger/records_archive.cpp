#include "ledger/records_archive.h"

#include "ledger/civil_date.h"
#include "ledger/records_indexes.h"

namespace drillbase::ledger {

namespace {

// Ordered by date, then by kind so that a same-day exam precedes the certificate it earned.
// Columns: record, id, date, org code, org name, role, subject, training kind, hours, score,
// max, passed, certificate number, revoked, grade, reference, provider, instructor, reason,
// until, order.
constexpr const char* kRecordsHead = R"sql(
SELECT * FROM (
  SELECT 'role' AS record, r.event_id, r.since AS d, r.credit_code, COALESCE(o.name, ''), r.role,
         '', '', 0, 0, 0, 0, '', '', '', '', '', '', '', '', 1 AS o
    FROM roles r LEFT JOIN organisations o ON o.credit_code = r.credit_code WHERE r.person_id = ?1
  UNION ALL
  SELECT 'training', event_id, on_date, '', '', '', topic, kind, hours, 0, 0, 0, '', '', '', '',
         COALESCE(provider, ''), COALESCE(instructor, ''), '', '', 2
    FROM training WHERE person_id = ?1
  UNION ALL
  SELECT 'exam', event_id, on_date, '', '', '', exam || '/' || part, '', 0, score, max_points,
         passed, '', '', '', '', '', '', '', '', 3
    FROM assessments WHERE person_id = ?1
  UNION ALL
  SELECT 'certificate', certificate_id, issued, '', '', '', operation, '', 0, 0, 0, 0,
         number_masked, COALESCE(revoked, ''), '', '', '', '', '', '', 4
    FROM certificates WHERE person_id = ?1
  UNION ALL
  SELECT 'certificate_review', v.event_id, v.on_date, '', '', '', c.operation, '', 0, 0, 0, 0,
         c.number_masked, '', '', '', '', '', '', '', 5
    FROM certificate_reviews v JOIN certificates c ON c.certificate_id = v.certificate_id
   WHERE c.person_id = ?1
)sql";
// Suspensions, reinstatements and cancellations from the certificate history (projections.h);
// revocations stay in the certificate record's revoked column, as before.
constexpr const char* kCertificateChangesBranch = R"sql(
  UNION ALL
  SELECT CASE h.change WHEN 'suspended' THEN 'certificate_suspension'
                       WHEN 'reinstated' THEN 'certificate_reinstatement'
                       ELSE 'certificate_cancellation' END,
         h.event_id, h.on_date, '', '', '', c.operation, '', 0, 0, 0, 0, c.number_masked, '', '',
         '', '', '', h.reason, COALESCE(h.until_date, ''), 5
    FROM certificate_events h JOIN certificates c ON c.certificate_id = h.certificate_id
   WHERE c.person_id = ?1 AND h.change IN ('suspended', 'reinstated', 'cancelled')
)sql";
// Drill and quiz results (common/assessment.h), scored in tenths of a point out of 100.
// Only complete ones: a result awaiting an evaluator's manual items is not a record yet.
constexpr const char* kResultsBranch = R"sql(
  UNION ALL
  SELECT kind || '_result', event_id, on_date, '', '', '', title, '', 0, score_tenths, 1000,
         passed, '', '', grade, reference, '', '', '', '', 6
    FROM results WHERE person_id = ?1 AND complete = 1
)sql";
constexpr const char* kRecordsTail = ") ORDER BY d, o, 2";

bool hasTable(SqliteDb& db, const char* name) {
    auto st = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    st.bind(1, std::string_view(name));
    return st.step();
}

// The results table arrived after the others; older databases (and builds) lack it.
std::string recordsSql(SqliteDb& db) {
    std::string sql = kRecordsHead;
    if (hasTable(db, "certificate_events")) sql += kCertificateChangesBranch;
    if (hasTable(db, "results")) sql += kResultsBranch;
    return sql + kRecordsTail;
}

// The indexes must exist before the statements are prepared, so that SQLite's planner
// chooses them.
SqliteDb& withIndexes(SqliteDb& db) {
    createRecordsIndexes(db);
    return db;
}

}  // namespace

ArchiveReader::ArchiveReader(SqliteDb& db)
    : db_(withIndexes(db)),
      person_(db.prepare("SELECT person_id, name, id_masked FROM people WHERE person_id = ?")),
      records_(db.prepare(recordsSql(db))) {}

void ArchiveReader::fillRecords(PersonArchive& a) {
    records_.reset();
    records_.bind(1, a.personId);
    while (records_.step()) {
        ArchiveRecord r;
        r.record = records_.columnText(0);
        r.recordId = records_.columnText(1);
        r.date = records_.columnText(2);
        r.orgCode = records_.columnText(3);
        r.orgName = records_.columnText(4);
        r.role = records_.columnText(5);
        r.subject = records_.columnText(6);
        r.trainingKind = records_.columnText(7);
        r.hours = records_.columnInt(8);
        r.score = records_.columnInt(9);
        r.maxPoints = records_.columnInt(10);
        r.passed = records_.columnInt(11) != 0;
        r.certificateNumberMasked = records_.columnText(12);
        r.revoked = records_.columnText(13);
        r.grade = records_.columnText(14);
        r.reference = records_.columnText(15);
        r.provider = records_.columnText(16);
        r.instructor = records_.columnText(17);
        r.reason = records_.columnText(18);
        r.until = records_.columnText(19);
        a.records.push_back(std::move(r));
    }
}

std::optional<PersonArchive> ArchiveReader::person(const std::string& personId) {
    person_.reset();
    person_.bind(1, personId);
    if (!person_.step()) return std::nullopt;
    PersonArchive a{person_.columnText(0), person_.columnText(1), person_.columnText(2), {}};
    fillRecords(a);
    return a;
}

void ArchiveReader::forEachPerson(const std::function<bool(const PersonArchive&)>& visit) {
    auto all = db_.prepare("SELECT person_id, name, id_masked FROM people ORDER BY rowid");
    while (all.step()) {
        PersonArchive a{all.columnText(0), all.columnText(1), all.columnText(2), {}};
        fillRecords(a);
        if (!visit(a)) return;
    }
}

std::vector<ExpiringCertificate> certificatesExpiring(SqliteDb& db, const std::string& from,
                                                      int days, int validYears) {
    createRecordsIndexes(db);
    const auto start = parseIsoDate(from);
    if (!start) return {};
    // expires = issued + validYears, so the window on `expires` is a window on `issued`, which
    // the covering index records_certificates_expiry serves directly. The bounds match
    // CivilDate::addYears (compliance.cpp) except for certificates issued on 29 February,
    // which expire on 28 February and so may fall one day outside the window.
    const auto lo = start->addYears(-validYears);
    const auto hi = start->addDays(days).addYears(-validYears);
    auto st = db.prepare(
        "SELECT c.certificate_id, c.person_id, p.name, p.id_masked, c.operation, "
        "c.number_masked, c.issued FROM certificates c JOIN people p ON p.person_id = "
        "c.person_id WHERE c.issued >= ? AND c.issued < ? AND c.revoked IS NULL "
        "AND c.cancelled IS NULL "
        "ORDER BY c.issued, c.certificate_id");
    st.bind(1, lo.iso()).bind(2, hi.iso());
    std::vector<ExpiringCertificate> out;
    while (st.step()) {
        ExpiringCertificate e{
            st.columnText(0), st.columnText(1), st.columnText(2), st.columnText(3),
            st.columnText(4), st.columnText(5), st.columnText(6), ""};
        if (const auto d = parseIsoDate(e.issued)) e.expires = d->addYears(validYears).iso();
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace drillbase::ledger

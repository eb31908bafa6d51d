// records_archive.h — a person's archive (档案): every record of one person from the derived
// tables, oldest first. The one read path behind the CSV and xAPI exports, the CLI and the
// look-up benchmark. Identity and certificate numbers appear only masked: the derived tables
// hold nothing else (identity_document.h).
#pragma once

#include "ledger/sqlite_db.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace drillbase::ledger {

struct ArchiveRecord {
    // "role", "training", "exam", "certificate", "certificate_review", "drill_result" or
    // "quiz_result" (score and maxPoints then in tenths of a point: 789 of 1000 = 78.9), and
    // "certificate_suspension", "certificate_reinstatement", "certificate_cancellation"
    // (subject and number of the certificate, with reason; until for suspensions)
    std::string record;
    std::string recordId;  // the event id that recorded it (the certificate id for certificates)
    std::string date;      // YYYY-MM-DD: role since, training/exam date, issue or review date
    std::string orgCode, orgName, role;  // role records
    std::string subject;       // training topic, "exam/part", or the certificate's operation
    std::string trainingKind;  // training_kinds.h
    std::int64_t hours = 0;    // training class hours
    std::int64_t score = 0, maxPoints = 0;  // exams
    bool passed = false;                    // exams
    std::string certificateNumberMasked;    // certificates and reviews
    std::string revoked;                    // certificates: revocation date, if any
    std::string grade;                      // drill results: 优 / 良 / 一般 / 差
    std::string reference;                  // results: scenario or paper id
    std::string provider, instructor;       // training, when recorded
    std::string reason;                     // suspensions, reinstatements, cancellations
    std::string until;  // suspensions: first day valid again, if the suspension has an end
};

struct PersonArchive {
    std::string personId;
    std::string name;
    std::string idMasked;
    std::vector<ArchiveRecord> records;
};

class ArchiveReader {
public:
    // Adds the look-up indexes (records_indexes.h) when missing.
    explicit ArchiveReader(SqliteDb& db);
    std::optional<PersonArchive> person(const std::string& personId);
    // Every person in registration order; stops when `visit` returns false.
    void forEachPerson(const std::function<bool(const PersonArchive&)>& visit);

private:
    void fillRecords(PersonArchive& a);
    SqliteDb& db_;
    Statement person_;
    Statement records_;
};

// Special-operations certificates whose validity (issue + valid_years) ends in
// [from, from + days): the list an official works through each month. Not revoked or
// cancelled (suspended ones are listed: they still expire).
struct ExpiringCertificate {
    std::string certificateId, personId, name, idMasked, operation, numberMasked, issued, expires;
};
std::vector<ExpiringCertificate> certificatesExpiring(SqliteDb& db, const std::string& from,
                                                      int days, int validYears);

}  // namespace drillbase::ledger

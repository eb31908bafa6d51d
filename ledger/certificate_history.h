// certificate_history.h — a special-operations certificate's status history as the derived
// table certificate_events holds it (projections.h): issued, reviewed, suspended, reinstated,
// revoked, cancelled, oldest first; and the facts the status rules (compliance.h) are
// evaluated on, folded from that history. One read path for the ledger's checks, the CLI and
// the officials' screens, so they cannot disagree about a certificate's state.
#pragma once

#include "ledger/civil_date.h"
#include "ledger/compliance.h"
#include "ledger/sqlite_db.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace drillbase::ledger {

// The `change` values of certificate_events.
inline constexpr std::string_view kChangeIssued = "issued";
inline constexpr std::string_view kChangeReviewed = "reviewed";      // 复审, Order No. 30
inline constexpr std::string_view kChangeSuspended = "suspended";    // 暂扣
inline constexpr std::string_view kChangeReinstated = "reinstated";  // suspension lifted
inline constexpr std::string_view kChangeRevoked = "revoked";        // 撤销, art. 30
inline constexpr std::string_view kChangeCancelled = "cancelled";    // 注销, art. 31

struct CertificateChange {
    std::string eventId;             // the event that recorded the change
    CivilDate date;                  // the day it took effect
    std::string change;              // one of the kChange* values
    std::string reason;              // empty for issue and review
    std::optional<CivilDate> until;  // suspensions with an end: the first day valid again
};

// The certificate as recorded in the certificates table.
struct CertificateSummary {
    std::string certificateId, personId, type, operation, numberMasked;
    CivilDate issued;
};

std::optional<CertificateSummary> readCertificate(SqliteDb& db, const std::string& certificateId);
// Oldest first (by date, then by the order the events were recorded); empty for an unknown
// certificate. Voided events are not in it (the projections leave them out).
std::vector<CertificateChange> readCertificateHistory(SqliteDb& db,
                                                      const std::string& certificateId);
// The facts for specialOpsStatus(): issue, reviews passed, suspensions (a reinstatement ends
// the suspension in force on its date), revocation and cancellation.
SpecialOpsCertificate specialOpsCertificateFrom(const std::vector<CertificateChange>& history);

}  // namespace drillbase::ledger

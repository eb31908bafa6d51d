#include "ledger/certificate_history.h"

namespace drillbase::ledger {

std::optional<CertificateSummary> readCertificate(SqliteDb& db, const std::string& certificateId) {
    auto st = db.prepare(
        "SELECT certificate_id, person_id, type, operation, number_masked, issued "
        "FROM certificates WHERE certificate_id = ?");
    st.bind(1, certificateId);
    if (!st.step()) return std::nullopt;
    CertificateSummary c{st.columnText(0), st.columnText(1), st.columnText(2),
                         st.columnText(3), st.columnText(4), {}};
    c.issued = parseIsoDate(st.columnText(5)).value_or(CivilDate{});
    return c;
}

std::vector<CertificateChange> readCertificateHistory(SqliteDb& db,
                                                      const std::string& certificateId) {
    auto st = db.prepare(
        "SELECT event_id, on_date, change, reason, until_date FROM certificate_events "
        "WHERE certificate_id = ? ORDER BY on_date, seq");
    st.bind(1, certificateId);
    std::vector<CertificateChange> out;
    while (st.step()) {
        const auto date = parseIsoDate(st.columnText(1));
        if (!date) continue;  // the writers only record valid dates; a foreign event may not
        CertificateChange c{st.columnText(0), *date, st.columnText(2), st.columnText(3), {}};
        if (!st.columnIsNull(4)) c.until = parseIsoDate(st.columnText(4));
        out.push_back(std::move(c));
    }
    return out;
}

SpecialOpsCertificate specialOpsCertificateFrom(const std::vector<CertificateChange>& history) {
    SpecialOpsCertificate cert;
    for (const auto& c : history) {
        if (c.change == kChangeIssued) {
            cert.issued = c.date;
        } else if (c.change == kChangeReviewed) {
            cert.reviewsPassed.push_back(c.date);
        } else if (c.change == kChangeSuspended) {
            cert.suspensions.push_back({c.date, c.until, c.reason});
        } else if (c.change == kChangeReinstated) {
            // Lifts the suspension in force on that day: valid again from that day.
            for (auto& k : cert.suspensions)
                if (k.from <= c.date && (!k.until || c.date < *k.until)) k.until = c.date;
        } else if (c.change == kChangeRevoked) {
            if (!cert.revoked) cert.revoked = c.date;
        } else if (c.change == kChangeCancelled) {
            if (!cert.cancelled) cert.cancelled = c.date;
        }
    }
    return cert;
}

}  // namespace drillbase::ledger

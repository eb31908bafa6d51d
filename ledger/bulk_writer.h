// bulk_writer.h — many ledger records in one transaction: the synthetic province, roster
// imports and benchmarks.
// Why not Ledger: each Ledger call commits its own event with its derived rows, and re-checks
// the rules against the tables for every record. A roster of 10,000 people written that way
// is neither atomic (a failed row 9,000 leaves 8,999 people behind) nor fast (one commit per
// record). BulkWriter appends the very same events (same kinds, same payload
// fields, same hashes: test_synth.cpp replays one synthetic province through both and
// compares the chains) through the real EventStore, but inside one outer transaction; the
// derived tables catch up inside it, before the commit, exactly as in Ledger::append.
// It does NOT re-check the certification rules (theory before practical, make-ups, review
// windows): callers hand it records already known to be valid. Clerk-typed input goes
// through roster_import.h (which validates every row) or through Ledger.
#pragma once

#include "ledger/event_store.h"
#include "ledger/identity_document.h"
#include "ledger/ledger.h"
#include "ledger/rules.h"
#include "ledger/sqlite_db.h"
#include "ledger/sqlite_event_storage.h"

#include <functional>
#include <string>

namespace drillbase::ledger {

// The write calls the synthetic province needs; Ledger's own signatures, so the same
// generator can run through the validating Ledger (LedgerSink) or the fast BulkWriter.
class RecordSink {
public:
    virtual ~RecordSink() = default;
    virtual std::string registerOrganisation(const OrganisationInput& o, const std::string& at) = 0;
    // The three-field form: no region, town, supervision level or risk colour.
    std::string registerOrganisation(const std::string& creditCode, const std::string& name,
                                     const std::string& industry, const std::string& at) {
        return registerOrganisation(OrganisationInput{creditCode, name, industry, "", "", "", ""},
                                    at);
    }
    virtual std::string registerPerson(const std::string& name, const IdentityDocument& doc,
                                       const std::string& at) = 0;
    virtual std::string assignRole(const std::string& personId, const std::string& creditCode,
                                   Role role, const CivilDate& since, const std::string& at) = 0;
    virtual std::string recordTraining(const std::string& personId, const CivilDate& date,
                                       int hours, const std::string& kind, const std::string& topic,
                                       const std::string& at) = 0;
    virtual std::string recordExam(const std::string& personId, const std::string& exam,
                                   ExamPart part, const CivilDate& date, int score,
                                   const std::string& at) = 0;
    virtual std::string issueSpecialOpsCertificate(const std::string& personId,
                                                   const std::string& number,
                                                   const std::string& operation,
                                                   const CivilDate& issued,
                                                   const std::string& at) = 0;
    virtual std::string recordCertificateReview(const std::string& certificateId,
                                                const CivilDate& date, const std::string& at) = 0;
};

// Every call checked by the real Ledger, one commit per record.
class LedgerSink final : public RecordSink {
public:
    explicit LedgerSink(Ledger& ledger) : ledger_(ledger) {}
    using RecordSink::registerOrganisation;
    std::string registerOrganisation(const OrganisationInput& o, const std::string& at) override {
        return ledger_.registerOrganisation(o, at);
    }
    std::string registerPerson(const std::string& n, const IdentityDocument& d,
                               const std::string& at) override {
        return ledger_.registerPerson(n, d, at);
    }
    std::string assignRole(const std::string& p, const std::string& c, Role r,
                           const CivilDate& since, const std::string& at) override {
        return ledger_.assignRole(p, c, r, since, at);
    }
    std::string recordTraining(const std::string& p, const CivilDate& d, int h,
                               const std::string& k, const std::string& t,
                               const std::string& at) override {
        return ledger_.recordTraining(p, d, h, k, t, at);
    }
    std::string recordExam(const std::string& p, const std::string& e, ExamPart part,
                           const CivilDate& d, int s, const std::string& at) override {
        return ledger_.recordExam(p, e, part, d, s, at);
    }
    std::string issueSpecialOpsCertificate(const std::string& p, const std::string& n,
                                           const std::string& o, const CivilDate& d,
                                           const std::string& at) override {
        return ledger_.issueSpecialOpsCertificate(p, n, o, d, at);
    }
    std::string recordCertificateReview(const std::string& c, const CivilDate& d,
                                        const std::string& at) override {
        return ledger_.recordCertificateReview(c, d, at);
    }

private:
    Ledger& ledger_;
};

class BulkWriter final : public RecordSink {
public:
    // `db` must hold an initialised ledger; creates the derived tables when missing.
    BulkWriter(SqliteDb& db, LookupKey key, CertificationRules rules);
    BulkWriter(const BulkWriter&) = delete;
    BulkWriter& operator=(const BulkWriter&) = delete;

    // Runs `body` in one transaction: every record it writes is kept, or (when it throws, or
    // the process dies) none is. The derived tables are caught up in the same transaction.
    // Record calls outside a batch run in a batch of their own.
    void batch(const std::function<void()>& body);

    using RecordSink::registerOrganisation;
    std::string registerOrganisation(const OrganisationInput& o, const std::string& at) override;
    std::string registerPerson(const std::string& name, const IdentityDocument& doc,
                               const std::string& at) override;
    std::string assignRole(const std::string& personId, const std::string& creditCode, Role role,
                           const CivilDate& since, const std::string& at) override;
    std::string recordTraining(const std::string& personId, const CivilDate& date, int hours,
                               const std::string& kind, const std::string& topic,
                               const std::string& at) override;
    std::string recordExam(const std::string& personId, const std::string& exam, ExamPart part,
                           const CivilDate& date, int score, const std::string& at) override;
    // `number` is "T" + the 18-character identity number for resident-id holders.
    std::string issueSpecialOpsCertificate(const std::string& personId, const std::string& number,
                                           const std::string& operation, const CivilDate& issued,
                                           const std::string& at) override;
    std::string recordCertificateReview(const std::string& certificateId, const CivilDate& date,
                                        const std::string& at) override;

    EventStore& events() { return store_; }
    const LookupKey& key() const { return key_; }

private:
    // Lets EventStore's own per-append transaction run inside the outer batch transaction.
    class BatchStorage final : public EventStorage {
    public:
        explicit BatchStorage(SqliteDb& db) : inner_(db) {}
        void createSchema() override { inner_.createSchema(); }
        std::optional<std::string> meta(const std::string& k) override { return inner_.meta(k); }
        void setMeta(const std::string& k, const std::string& v) override { inner_.setMeta(k, v); }
        void inTransaction(const std::function<void()>& body) override {
            if (open)
                body();  // the outer transaction gives all-or-nothing
            else
                inner_.inTransaction(body);
        }
        std::optional<StoredEvent> lastEvent() override { return inner_.lastEvent(); }
        void insert(const StoredEvent& e) override { inner_.insert(e); }
        void scan(std::int64_t from, const std::function<bool(const StoredEvent&)>& v) override {
            inner_.scan(from, v);
        }
        bool appendOnlyGuardsPresent() override { return inner_.appendOnlyGuardsPresent(); }
        std::optional<BatchSignature> lastSignature() override { return inner_.lastSignature(); }
        void insertSignature(const BatchSignature& s) override { inner_.insertSignature(s); }
        void scanSignatures(const std::function<bool(const BatchSignature&)>& v) override {
            inner_.scanSignatures(v);
        }
        void beforeCommit(std::function<void(EventStorage&)> seal) override {
            inner_.beforeCommit(std::move(seal));
        }
        std::optional<SigningKey> signingKey() override { return inner_.signingKey(); }
        SigningKey signingKeyOrCreate() override { return inner_.signingKeyOrCreate(); }
        std::string signingKeyLocation() override { return inner_.signingKeyLocation(); }
        bool open = false;

    private:
        SqliteEventStorage inner_;
    };

    std::string append(const char* kind, const std::string& at, nlohmann::json payload);

    SqliteDb& db_;
    BatchStorage storage_;
    EventStore store_;
    LookupKey key_;
    CertificationRules rules_;
};

}  // namespace drillbase::ledger

// sqlite_event_storage.h — EventStorage on the base's SQLite database (sqlite_db.h).
#pragma once

#include "ledger/event_storage.h"
#include "ledger/sqlite_db.h"

namespace drillbase::ledger {

class SqliteEventStorage final : public EventStorage {
public:
    explicit SqliteEventStorage(SqliteDb& db) : db_(db) {}

    void createSchema() override;
    std::optional<std::string> meta(const std::string& key) override;
    void setMeta(const std::string& key, const std::string& value) override;
    void inTransaction(const std::function<void()>& body) override;
    std::optional<StoredEvent> lastEvent() override;
    void insert(const StoredEvent& e) override;
    void scan(std::int64_t fromSeq, const std::function<bool(const StoredEvent&)>& visit) override;
    bool appendOnlyGuardsPresent() override;
    std::optional<BatchSignature> lastSignature() override;
    void insertSignature(const BatchSignature& s) override;
    void scanSignatures(const std::function<bool(const BatchSignature&)>& visit) override;
    void beforeCommit(std::function<void(EventStorage&)> seal) override;
    std::optional<SigningKey> signingKey() override;
    SigningKey signingKeyOrCreate() override;
    std::string signingKeyLocation() override;

private:
    void ensureSignatureTable();
    bool hasSignatureTable();
    SqliteDb& db_;
};

}  // namespace drillbase::ledger

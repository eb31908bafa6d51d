// records_session.h — the GUI's side of the certification ledger: who is signed in, and the
// answers the records screens show (a person's archive, a roster, expiring certificates,
// statistics). Panels read it const and ask for changes with RecordsRequest; apply() runs
// them after the frame. Every request is checked against the signed-in user's role with the
// ledger's permission table (users.h can()), so a screen that shows a button is never the
// only guard. No ImGui here: the headless tests drive the same object the window does.
#pragma once

#include "ledger/ledger.h"
#include "ledger/person_compliance.h"
#include "ledger/records_archive.h"
#include "ledger/records_stats.h"
#include "ledger/regions.h"
#include "ledger/sqlite_db.h"
#include "ledger/users.h"
#include "sim/scenario/scenario.h"
#include "sim/scoring/scorer.h"
#include "ui/records_request.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace drillbase::ui {

// The outcome of the last request, for the status line of the records screens: `key` is an
// i18n key; `detail` adds figures or, for refusals, the ledger's own explanation (English).
struct RecordsNotice {
    bool ok = true;
    std::string key;
    std::string detail;
};

struct PersonHit {
    std::string personId, name, idMasked, orgName;
};

struct OrganisationHit {
    std::string creditCode, name, industry, region;
};

// When requests happen: read at the edge (common/wall_clock.h) in the app, fixed in tests.
struct RecordsClock {
    std::function<std::string()> utcNow;
    std::function<ledger::CivilDate()> today;
    static RecordsClock system();
};

class RecordsSession {
public:
    // `db` must outlive the session. Initialises the ledger in a new database (the embedded
    // default database on first start). Throws std::runtime_error naming the file when the
    // ledger cannot be opened (missing key, broken rules).
    RecordsSession(ledger::SqliteDb& db, const std::filesystem::path& dbFile,
                   const std::filesystem::path& contentDir, ledger::PasswordCost cost,
                   RecordsClock clock);
    ~RecordsSession();

    void apply(const RecordsRequest& r);

    // A finished drill's result for `personId` (RecordResults). The drill log is first saved
    // as <database folder>/drill-logs/<sha256>.jsonl — the hash the ledger keeps — so an
    // official can replay it later and check the score. Recording the same drill twice for
    // one person is refused.
    void recordDrillResult(const std::string& personId, const sim::ScoreReport& report,
                           const sim::Scenario& scenario, double passPercent,
                           const std::string& logText);

    // --- who ---
    bool hasUsers() const { return hasUsers_; }
    const std::optional<ledger::User>& user() const { return user_; }
    bool allowed(ledger::Action a) const;
    // --- answers ---
    const RecordsNotice& notice() const { return notice_; }
    const std::vector<PersonHit>& hits() const { return hits_; }
    const std::optional<ledger::PersonArchive>& archive() const { return archive_; }
    // The opened person's compliance today (falls due within 30 days).
    const std::optional<ledger::PersonCompliance>& archiveCompliance() const {
        return archiveCompliance_;
    }
    // Organisations matching the roster search, and the chosen one's roster with compliance.
    const std::vector<OrganisationHit>& organisations() const { return organisations_; }
    const std::optional<OrganisationHit>& rosterOrganisation() const { return rosterOrg_; }
    const std::vector<ledger::PersonCompliance>& roster() const { return roster_; }
    int rosterWithin() const { return rosterWithin_; }
    const std::vector<ledger::StatsRow>& stats() const { return stats_; }
    ledger::StatsGroup statsGroup() const { return statsGroup_; }
    const ledger::RegionList& regions() const { return regions_; }
    const ledger::IndustryList& industries() const { return industries_; }
    const std::vector<ledger::ExpiringCertificate>& expiring() const { return expiring_; }
    int expiringDays() const { return expiringDays_; }
    const std::vector<ledger::User>& users() const { return users_; }
    const std::string& baseId() const { return baseId_; }
    ledger::CivilDate today() const { return clock_.today(); }
    // Counts for the header of the records screen.
    std::int64_t peopleCount() const { return peopleCount_; }
    std::int64_t eventCount() const { return eventCount_; }

private:
    bool permit(ledger::Action a);
    void refused(const std::string& key, const std::string& detail = {});
    void done(const std::string& key, const std::string& detail = {});
    void signIn(const RecordsRequest& r);
    void signOut();
    void createFirstAdmin(const RecordsRequest& r);
    void addUser(const RecordsRequest& r);
    void findPeople(const std::string& text);
    void openArchive(const std::string& personId);
    void loadExpiring(int days);
    void loadRoster(const std::string& text, int within);
    void loadStats(const RecordsRequest& r);
    void exportRecords(const RecordsRequest& r);
    void recordTraining(const TrainingSessionForm& f);
    void refreshCounts();
    void refreshUsers();

    ledger::SqliteDb& db_;
    RecordsClock clock_;
    std::string baseId_;
    std::unique_ptr<ledger::Ledger> ledger_;
    std::unique_ptr<ledger::UserDirectory> directory_;
    std::unique_ptr<ledger::ArchiveReader> archives_;
    ledger::IndustryList industries_;
    ledger::RegionList regions_;
    std::unique_ptr<ledger::ComplianceReader> compliance_;
    std::optional<ledger::PersonCompliance> archiveCompliance_;
    std::vector<OrganisationHit> organisations_;
    std::optional<OrganisationHit> rosterOrg_;
    std::vector<ledger::PersonCompliance> roster_;
    int rosterWithin_ = 30;
    std::vector<ledger::StatsRow> stats_;
    ledger::StatsGroup statsGroup_ = ledger::StatsGroup::Region;
    bool hasUsers_ = false;
    std::optional<ledger::User> user_;
    RecordsNotice notice_;
    std::vector<PersonHit> hits_;
    std::optional<ledger::PersonArchive> archive_;
    std::vector<ledger::ExpiringCertificate> expiring_;
    int expiringDays_ = 30;
    std::vector<ledger::User> users_;
    std::int64_t peopleCount_ = 0;
    std::int64_t eventCount_ = 0;
    std::filesystem::path logsDir_;
    std::vector<std::string> recordedDrills_;  // "<log hash>/<person id>" this session
};

}  // namespace drillbase::ui

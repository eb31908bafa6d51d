// transfer_rules.h — the numbers of the personnel-transfer work (人员转移) every drill with a
// household register uses, read from content/transfer.json with their sources: who counts as
// vulnerable and how long a responsible cadre (包保责任人) takes with each household, the warning
// colours and the response stages. Defaults equal the shipped file so tests need no content.
#pragma once

#include "common/json_fields.h"

#include <optional>
#include <string>
#include <vector>

namespace drillbase::sim {

// A kind of household member: whether the register marks them vulnerable (老弱病残孕), the
// extra time a cadre needs with them and how fast they move to a shelter (of 1.2 m/s walking).
struct MemberCategory {
    std::string id;  // "adult", "elderly_alone", "bedridden", ...
    bool vulnerable = false;
    double extraHandlingS = 0;
    double speedFactor = 1;
};

struct TransferRules {
    double householdHandlingS = 180;  // knocking, persuading, leaving: per household
    double homeRadiusM = 30;          // a member farther than this from home is not found there
    double staffedRadiusM = 50;       // a unit this close to a shelter, idle, staffs it
    std::vector<MemberCategory> categories;  // the shipped six (transfer_rules.cpp)
    // Lowest to highest; a warning's level is 1 + its index.
    std::vector<std::string> warningLevels;
    // Response stages by number, the most severe first (I..IV), as report levels are.
    std::vector<std::string> responseStages;

    TransferRules();  // the values of the shipped content/transfer.json
    const MemberCategory* category(const std::string& id) const;
};

std::optional<TransferRules> parseTransferRules(const JsonDocument& doc,
                                                std::vector<Diagnostic>& out);

}  // namespace drillbase::sim

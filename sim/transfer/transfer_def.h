// transfer_def.h — a scenario's household register for the personnel-transfer work (人员转移):
// the households (户) with their members and who is vulnerable, the responsible cadre
// (包保责任人) each is assigned to, the zones (村民小组, 片区) orders name, and the shelters
// (安置点) with their capacities. Authored in the scenario's "transfer" section; members are
// people of the scenario, cadres are its units, shelters are its map's assembly points.
#pragma once

#include <string>
#include <vector>

namespace drillbase::sim {

struct HouseholdMember {
    std::string person;    // a person id of the scenario
    std::string category;  // content/transfer.json categories: "adult", "bedridden", ...
};

struct HouseholdDef {
    std::string id;
    std::string headZh, headEn;  // the head of the household as the register names them
    double x = 0, y = 0;         // the home
    std::string zone;            // a zone id
    std::string cadre;           // the unit that moves them (包保责任人)
    std::string shelter;         // where the plan sends them (an assembly point id)
    std::vector<HouseholdMember> members;
};

struct ZoneDef {
    std::string id;
    std::string nameZh, nameEn;
};

struct ShelterDef {
    std::string id;  // an assembly point of the map
    std::string nameZh, nameEn;
    int capacity = 0;
};

struct TransferDef {
    std::vector<ZoneDef> zones;
    std::vector<ShelterDef> shelters;
    std::vector<HouseholdDef> households;
    bool empty() const { return households.empty() && shelters.empty(); }
};

}  // namespace drillbase::sim

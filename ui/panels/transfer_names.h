// transfer_names.h — the words of the transfer work (人员转移) as the trainee reads them: a
// household by the name of its head, a zone and a shelter by their register names in the UI
// language, a member's category, a household's status, the warning and the response stage. The
// register's ids are for commands and logs; none of these returns one while a name exists.
#pragma once

#include "common/i18n.h"
#include "sim/engine/drill_state.h"
#include "sim/transfer/transfer_def.h"

#include <string>

namespace drillbase::ui {

// The register entry with `id`, or nullptr.
const sim::HouseholdDef* findHousehold(const sim::TransferDef& reg, const std::string& id);
const sim::ZoneDef* findZone(const sim::TransferDef& reg, const std::string& id);
const sim::ShelterDef* findShelter(const sim::TransferDef& reg, const std::string& id);

// 王建国 / Wang Jianguo; the other language's name when this one is blank.
std::string householdName(const Strings& s, const sim::HouseholdDef& h);
std::string zoneName(const Strings& s, const sim::ZoneDef& z);
std::string shelterName(const Strings& s, const sim::ShelterDef& sh);

// The name of the register entry an event attribute names ("household", "shelter", "zone"),
// or "" when `key` is not one of those or `id` is not in the register.
std::string registerName(const Strings& s, const sim::TransferDef& reg, const std::string& key,
                         const std::string& id);

// 独居老人 / elderly living alone; 卧床 / bedridden.
std::string categoryLabel(const Strings& s, const std::string& category);
// "3 人：成人 ×2、儿童" — who lives there, by category, in register order.
std::string membersSummary(const Strings& s, const sim::HouseholdDef& h);
// 已下令 / ordered; 已安置 / at the shelter.
const char* householdStatusLabel(const Strings& s, sim::HouseholdStatus status);
// 蓝色预警 / Blue warning for a level 1..4 of `levels` (content/transfer.json); "" for none.
std::string warningLabel(const Strings& s, const std::vector<std::string>& levels, int level);
// Ⅱ级应急响应 / Level II response for a stage 1..4 of `stages`; "" for none.
std::string stageLabel(const Strings& s, const std::vector<std::string>& stages, int stage);

}  // namespace drillbase::ui

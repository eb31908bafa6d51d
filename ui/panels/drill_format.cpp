#include "ui/panels/drill_format.h"

#include "ui/panels/transfer_names.h"

#include <cstdio>

namespace drillbase::ui {

std::string formatClock(double seconds) {
    const long t = static_cast<long>(seconds);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02ld:%02ld:%02ld", t / 3600, (t / 60) % 60, t % 60);
    return buf;
}

std::string describeEvent(const Strings& s, const sim::Event& e, const sim::TransferDef& reg) {
    std::string text = s.tr("event." + e.kind);
    if (!e.attrs.empty()) {
        text += " (";
        bool first = true;
        // Attribute names and known values are words a person reads: translate them; the
        // register's households, shelters and zones by their names; other ids (hazmat-1,
        // villager-3) stay as the scenario names them.
        auto word = [&s](const std::string& prefix, const std::string& raw) -> std::string {
            const std::string key = prefix + raw;
            return s.primary().has(key) ? s.tr(key) : raw;
        };
        for (const auto& [k, v] : e.attrs) {
            // A rejected order names its command by id: the order's own name is the word.
            std::string value = registerName(s, reg, k, v);
            if (value.empty()) value = k == "command" ? word("command.", v) : word("value.", v);
            text += (first ? "" : ", ") + word("attr.", k) + " " + value;
            first = false;
        }
        text += ")";
    }
    return text;
}

}  // namespace drillbase::ui

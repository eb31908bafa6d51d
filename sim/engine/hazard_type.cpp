#include "sim/engine/hazard_type.h"

#include "sim/scenario/scenario.h"

#include <fstream>
#include <sstream>

namespace drillbase::sim {

int Hazard::levelOf(double intensity) const {
    int level = 0;
    const auto& levels = legend().levels;
    for (std::size_t l = 0; l < levels.size() && l < 3; ++l)
        if (levels[l].threshold > 0 && intensity >= levels[l].threshold)
            level = static_cast<int>(l) + 1;
    return level;
}

void HazardSection::onMap(const std::string& pointer, double x, double y) const {
    if (!map.contains(x, y))
        reader.error(pointer, "point (" + nlohmann::json(x).dump() + ", " +
                                  nlohmann::json(y).dump() +
                                  ") is off the map (0..width_m, 0..height_m)");
}

std::optional<AsciiGrid> HazardSection::loadGrid(const std::string& pointer) {
    const auto* v = reader.at(pointer);
    if (!v || !v->is_string() || v->get<std::string>().empty()) {
        reader.error(pointer, "must be the path of an .asc grid, relative to the scenario file");
        return std::nullopt;
    }
    const std::string rel = v->get<std::string>();
    const auto file = scenarioDir / rel;
    std::vector<Diagnostic> gridErrors;
    auto grid = loadAsciiGrid(file, gridErrors);
    if (!grid) {
        std::string first = gridErrors.empty() ? "cannot be read" : gridErrors.front().format();
        reader.error(pointer, "grid \"" + rel + "\": " + first);
        return std::nullopt;
    }
    addInput(rel, file);
    return grid;
}

void HazardSection::addInput(const std::string& rel, const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    StateHasher h;
    h.add(std::string_view(bytes.str()));
    static const char* digits = "0123456789abcdef";
    std::string hex(16, '0');
    auto x = h.value();
    for (int i = 15; i >= 0; --i, x >>= 4) hex[static_cast<std::size_t>(i)] = digits[x & 0xF];
    inputs.push_back({rel, hex});
}

void HazardRegistry::add(std::unique_ptr<HazardType> type) {
    for (auto& t : types_)
        if (t->name() == type->name()) {
            t = std::move(type);  // a later registration replaces (tests swap in fixtures)
            return;
        }
    types_.push_back(std::move(type));
}

const HazardType* HazardRegistry::find(const std::string& name) const {
    for (const auto& t : types_)
        if (t->name() == name) return t.get();
    return nullptr;
}

std::vector<std::string> HazardRegistry::names() const {
    std::vector<std::string> out;
    for (const auto& t : types_) out.push_back(t->name());
    return out;
}

bool HazardRegistry::loadContent(const std::filesystem::path& contentDir,
                                 std::vector<Diagnostic>& out) {
    bool ok = true;
    for (auto& t : types_) ok = t->loadContent(contentDir, out) && ok;
    return ok;
}

}  // namespace drillbase::sim

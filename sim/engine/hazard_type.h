// hazard_type.h — how a hazard plugs into the engine. Each type ("gas", "flood", "fire", or a
// test's own) registers one HazardType: it loads its data from content/, reads its section of a
// scenario (`"hazard": {"type": ..., ...}`), declares its commands, and makes its model. The
// engine, the scenario loader, drillctl and the GUI only ever see this interface.
#pragma once

#include "common/json_fields.h"
#include "sim/engine/command_spec.h"
#include "sim/engine/hazard.h"
#include "sim/scenario/esri_ascii.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace drillbase::sim {

struct Scenario;
struct MapDef;

// A scenario's hazard section after parsing; each type derives its own.
struct HazardConfig {
    virtual ~HazardConfig() = default;
};

// A file a scenario reads besides itself (an .asc grid): part of what a drill log names.
struct ScenarioInput {
    std::string path;  // as written in the scenario, relative to it
    std::string hash;  // FNV-1a 64 of its bytes, hex
};

// What a hazard type gets to read its section at /hazard.
struct HazardSection {
    const JsonDocument& doc;
    FieldReader& reader;
    const MapDef& map;
    std::filesystem::path scenarioDir;   // grids are found relative to the scenario file
    std::vector<ScenarioInput>& inputs;  // add every file read, with its hash
    // Instructor commands a hazard's own files schedule (fire: the hourly wind of a C2F-W
    // Weather.csv as wind_speed / wind_shift), at their times in seconds; the loader adds them to
    // the scenario's injects so that the drill, its log and the map see one weather.
    std::vector<std::pair<double, Command>>& injects;
    // Reports a point off the map at `pointer`.
    void onMap(const std::string& pointer, double x, double y) const;
    // Reads the ESRI ASCII grid named by the string at `pointer` (a path relative to the
    // scenario file) and records it among the inputs; errors at `pointer` and in the grid file.
    std::optional<AsciiGrid> loadGrid(const std::string& pointer);
    // Records a file the hazard read some other way (a LISFLOOD-FP .par and what it names),
    // with the hash of its bytes, as `rel` (its path relative to the scenario file).
    void addInput(const std::string& rel, const std::filesystem::path& file);
};

class HazardType {
public:
    virtual ~HazardType() = default;
    virtual std::string name() const = 0;  // the scenario's hazard.type
    // Loads the type's data from content/ (chemicals, fuels, tables); errors with positions.
    virtual bool loadContent(const std::filesystem::path& contentDir,
                             std::vector<Diagnostic>& out) = 0;
    // Names of content files this type reads, relative to content/ (for `content check`).
    virtual std::vector<std::string> contentFiles() const { return {}; }
    // Reads /hazard (its "type" is already checked); every problem goes to s.reader.
    virtual std::shared_ptr<const HazardConfig> parse(HazardSection& s) const = 0;
    virtual const std::vector<CommandSpec>& commands() const = 0;
    virtual std::unique_ptr<Hazard> make(const Scenario& scenario) const = 0;
};

class HazardRegistry {
public:
    void add(std::unique_ptr<HazardType> type);
    const HazardType* find(const std::string& name) const;
    std::vector<std::string> names() const;
    const std::vector<std::unique_ptr<HazardType>>& all() const { return types_; }
    bool loadContent(const std::filesystem::path& contentDir, std::vector<Diagnostic>& out);

private:
    std::vector<std::unique_ptr<HazardType>> types_;
};

}  // namespace drillbase::sim

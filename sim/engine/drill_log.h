// drill_log.h — the append-only drill log, one JSON object per line:
//   {"format":"drillbase-drill-log/2","scenario":PATH,"scenario_id":...,"scenario_hash":...,
//    "inputs":[{"path":...,"hash":...}],"hazard":TYPE,"seed":...,"build":...,"hash_every":N}
//   {"tick":T,"command":{...}}      every command, at the tick boundary it was applied at
//   {"tick":T,"hash":"0123abcd..."} the state hash every N ticks and at the end
// Replaying the commands on a fresh Drill must give the same hashes: that is how a drill is
// re-verified from the ledger and scrubbed in after-action review. The header names the
// scenario by path and content hash (and every grid file it read), so `drillctl drill replay
// LOG` finds it alone and refuses a scenario that is not the one the drill ran on.
#pragma once

#include "sim/engine/drill.h"

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace drillbase::sim {

inline constexpr const char* kDrillLogFormat = "drillbase-drill-log/2";

// FNV-1a 64 of a file's bytes, hex: identifies the exact scenario (or grid) a log ran on.
std::string scenarioHash(const std::string& scenarioText);
std::string hex64(std::uint64_t v);

// Wraps a Drill and writes every command and periodic hashes to a stream.
class DrillRecorder {
public:
    // `scenarioPath` is written as given: a path drillctl can open from where it will be run
    // (the GUI writes the absolute path of the scenario file).
    DrillRecorder(Drill& drill, std::ostream& out, const std::string& scenarioPath,
                  const std::string& scenarioText, std::uint64_t seed, std::int64_t hashEvery = 60);
    void apply(const Command& c);
    void step();
    void finish();  // writes the final hash

private:
    Drill& drill_;
    std::ostream& out_;
    std::int64_t hashEvery_;
    std::int64_t lastHashTick_ = -1;
};

struct LogHeader {
    std::string scenarioPath;
    std::string scenarioId;
    std::string scenarioHash;
    std::vector<ScenarioInput> inputs;
    std::string hazardType;
    std::uint64_t seed = 0;
    std::string build;
};

struct LogEntry {
    std::int64_t tick = 0;
    int line = 0;                    // line of the log file, for messages
    nlohmann::json commandJson;      // as written; resolveCommands parses it
    std::optional<Command> command;  // after resolveCommands
    std::optional<std::string> hash;
};

struct DrillLog {
    LogHeader header;
    std::vector<LogEntry> entries;
};

// Parses a log; throws std::runtime_error naming the line on malformed input.
DrillLog readDrillLog(std::istream& in, const std::string& name);
// Reads each entry's command with the drill's catalog; throws std::runtime_error
// "NAME:LINE: /command/...: message" for the first that is not valid.
void resolveCommands(DrillLog& log, const CommandCatalog& catalog, const std::string& name);

struct ReplayResult {
    bool ok = true;
    std::int64_t checkedHashes = 0;
    std::int64_t firstBadTick = -1;  // first tick whose hash differs
    std::string expected, actual;
    std::string error;  // a log that cannot be replayed at all
};

// Re-runs the log's commands on `drill` (freshly made from the same scenario and seed) and
// compares every recorded hash. The commands must have been resolved.
ReplayResult replay(const DrillLog& log, Drill& drill);

}  // namespace drillbase::sim

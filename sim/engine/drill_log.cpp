#include "sim/engine/drill_log.h"

#include "build_config.h"

#include <istream>
#include <ostream>
#include <stdexcept>

namespace drillbase::sim {

std::string hex64(std::uint64_t v) {
    static const char* digits = "0123456789abcdef";
    std::string s(16, '0');
    for (int i = 15; i >= 0; --i, v >>= 4) s[static_cast<std::size_t>(i)] = digits[v & 0xF];
    return s;
}

std::string scenarioHash(const std::string& text) {
    StateHasher h;
    h.add(std::string_view(text));
    return hex64(h.value());
}

DrillRecorder::DrillRecorder(Drill& drill, std::ostream& out, const std::string& scenarioPath,
                             const std::string& scenarioText, std::uint64_t seed,
                             std::int64_t hashEvery)
    : drill_(drill), out_(out), hashEvery_(hashEvery > 0 ? hashEvery : 60) {
    const auto& sc = drill.scenario();
    nlohmann::json inputs = nlohmann::json::array();
    for (const auto& in : sc.inputs) inputs.push_back({{"path", in.path}, {"hash", in.hash}});
    nlohmann::json header = {{"format", kDrillLogFormat},
                             {"scenario", scenarioPath},
                             {"scenario_id", sc.id},
                             {"scenario_hash", scenarioHash(scenarioText)},
                             {"inputs", inputs},
                             {"hazard", sc.hazardType},
                             {"seed", seed},
                             {"build", std::string("drillbase ") + build::kVersion},
                             {"hash_every", hashEvery_}};
    out_ << header.dump() << '\n';
}

void DrillRecorder::apply(const Command& c) {
    out_ << nlohmann::json{{"tick", drill_.state().tick}, {"command", drill_.catalog().toJson(c)}}
                .dump()
         << '\n';
    drill_.apply(c);
}

void DrillRecorder::step() {
    drill_.step();
    const auto t = drill_.state().tick;
    if (t % hashEvery_ == 0 && t != lastHashTick_) {
        out_ << nlohmann::json{{"tick", t}, {"hash", hex64(drill_.hash())}}.dump() << '\n';
        lastHashTick_ = t;
    }
}

void DrillRecorder::finish() {
    out_ << nlohmann::json{{"tick", drill_.state().tick}, {"hash", hex64(drill_.hash())}}.dump()
         << '\n';
    out_.flush();
}

namespace {

std::string text(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

DrillLog readDrillLog(std::istream& in, const std::string& name) {
    DrillLog log;
    std::string line;
    int lineNo = 0;
    auto fail = [&](const std::string& why) {
        throw std::runtime_error(name + ":" + std::to_string(lineNo) + ": " + why);
    };
    while (std::getline(in, line)) {
        ++lineNo;
        if (line.empty()) continue;
        // Each line through the same limited, located JSON reader as every file.
        std::vector<Diagnostic> diags;
        auto doc = parseJsonText(name, line, diags);
        if (!doc)
            throw std::runtime_error(name + ":" + std::to_string(lineNo) + ":" +
                                     std::to_string(diags.front().pos.col) + ": " +
                                     diags.front().message);
        nlohmann::json j = std::move(doc->value);
        if (lineNo == 1) {
            const std::string format = j.is_object() ? text(j, "format") : "";
            if (format == "drillbase-drill-log/1")
                fail(
                    "recorded by an earlier engine (drillbase-drill-log/1): its state hashes "
                    "cannot be reproduced by this one");
            if (format != kDrillLogFormat)
                fail("not a drill log (expected format " + std::string(kDrillLogFormat) + ")");
            log.header.scenarioPath = text(j, "scenario");
            log.header.scenarioId = text(j, "scenario_id");
            log.header.scenarioHash = text(j, "scenario_hash");
            log.header.hazardType = text(j, "hazard");
            log.header.build = text(j, "build");
            const auto seed = j.find("seed");
            if (seed == j.end() || !seed->is_number_unsigned())
                fail("/seed: missing or not a whole number");
            log.header.seed = seed->get<std::uint64_t>();
            if (const auto ins = j.find("inputs"); ins != j.end() && ins->is_array())
                for (const auto& i : *ins)
                    if (i.is_object())
                        log.header.inputs.push_back({text(i, "path"), text(i, "hash")});
            continue;
        }
        if (!j.is_object() || !j.contains("tick") || !j["tick"].is_number_integer())
            fail("missing integer \"tick\"");
        LogEntry e;
        e.tick = j["tick"].get<std::int64_t>();
        e.line = lineNo;
        if (j.contains("command")) {
            e.commandJson = j["command"];
        } else if (j.contains("hash") && j["hash"].is_string()) {
            e.hash = j["hash"].get<std::string>();
        } else {
            fail("a line holds either \"command\" or \"hash\"");
        }
        if (!log.entries.empty() && e.tick < log.entries.back().tick) fail("ticks go backwards");
        log.entries.push_back(std::move(e));
    }
    if (lineNo == 0) throw std::runtime_error(name + ": empty log");
    return log;
}

void resolveCommands(DrillLog& log, const CommandCatalog& catalog, const std::string& name) {
    for (auto& e : log.entries) {
        if (e.hash) continue;
        std::string error;
        e.command = catalog.parse(e.commandJson, error);
        if (!e.command)
            throw std::runtime_error(name + ":" + std::to_string(e.line) + ": /command" +
                                     (error.rfind('/', 0) == 0 ? "" : ": ") + error);
    }
}

ReplayResult replay(const DrillLog& log, Drill& drill) {
    ReplayResult res;
    bool anyHash = false;
    for (const auto& e : log.entries) anyHash = anyHash || e.hash.has_value();
    if (!anyHash) {
        // Nothing to compare is not a match: a log cut after its header proves nothing.
        res.ok = false;
        res.error = "the log holds no state hash to check";
        return res;
    }
    for (const auto& e : log.entries) {
        while (drill.state().tick < e.tick) {
            const auto before = drill.state().tick;
            drill.step();
            if (drill.state().tick == before) {
                res.ok = false;
                res.error = "the drill is paused or ended at tick " + std::to_string(before) +
                            " but the log continues at tick " + std::to_string(e.tick);
                return res;
            }
        }
        if (e.command) {
            drill.apply(*e.command);
        } else if (e.hash) {
            ++res.checkedHashes;
            const auto actual = hex64(drill.hash());
            if (actual != *e.hash) {
                res.ok = false;
                res.firstBadTick = e.tick;
                res.expected = *e.hash;
                res.actual = actual;
                return res;
            }
        } else {
            res.ok = false;
            res.error = "line " + std::to_string(e.line) + ": command not resolved";
            return res;
        }
    }
    return res;
}

}  // namespace drillbase::sim

// fire_rules.h — the forest-fire hazard's numbers from content/hazards/fire.json, each with its
// source there: fireline production by fuel (NWCG IRPG), the flame lengths a hand line, an
// engine line and a break hold (Andrews & Rothermel 1982), the safety-zone separation of four
// flame lengths (Butler & Cohen 1998), aerial drops, harm distances, and the one-hour rules of
// China's forest-fire command (卫星热点1小时核查反馈, 一小时扑救圈).
#pragma once

#include "common/json_source.h"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace drillbase::sim {

enum class LineKind { Hand, Engine, Break };
const char* lineKindName(LineKind k);  // "hand_line", "engine_line", "break"

struct FireRules {
    // Chains per hour of a 20-person crew, [Type 1, Type 2], by Anderson model 1..13 (index 0 =
    // model 1).
    std::array<std::array<double, 2>, 13> productionChH{};
    std::map<std::string, int> scottBurganGroup;  // "GR" -> Anderson model whose rate applies
    std::map<LineKind, double> holdsBelowFlameM = {
        {LineKind::Hand, 1.2}, {LineKind::Engine, 2.4}, {LineKind::Break, 3.4}};
    std::map<LineKind, double> productionFactor = {
        {LineKind::Hand, 1}, {LineKind::Engine, 2}, {LineKind::Break, 4}};
    std::map<std::string, LineKind> lineKinds;  // unit kind -> the line it builds
    double safetyZoneFlameMultiple = 4;
    double dropRadiusM = 25, dropRateFactor = 0.1, dropDurationS = 1800, dropWorkS = 600;
    double hotSpotVerifyS = 3600, suppressionCircleS = 3600;
    int overrunLevel = 3, radiantLevel = 2;
    double nearM = 100;
    double siteReachM = 30;
    double hotSpotCheckWorkS = 300, backfireWorkS = 300;
    double containmentCheckS = 60;
    double passabilityRefreshS = 120;
    double maxLandscapeCells = 4'000'000;

    // Metres of line per second a unit of kind `unitKind` builds in fuel `code` ("GR2", "FM4"),
    // and the line's kind; 0 when the unit builds no line or the fuel is not in the table.
    double productionMS(const std::string& unitKind, const std::string& code) const;
    std::optional<LineKind> lineKindOf(const std::string& unitKind) const;
};

std::optional<FireRules> parseFireRules(const JsonDocument& doc, std::vector<Diagnostic>& out);

}  // namespace drillbase::sim

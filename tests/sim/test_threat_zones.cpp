// Threat zones: classifying a field into AEGL-1/2/3 levels, on a hand-made field and on a
// chlorine cloud from the puff model.
#include "sim/chemicals.h"
#include "sim/dispersion/puff_model.h"
#include "sim/threat_zones.h"

#include <doctest/doctest.h>

using namespace drillbase;
using namespace drillbase::sim;

TEST_CASE("each cell gets the highest level its value reaches") {
    FieldGrid g(0, 0, 10, 4, 1);
    g.values = {0.1, 1.0, 5.0, 50.0};
    ThreatThresholds t;
    t.level = {1.0, 5.0, 20.0};
    const auto z = classifyThreatZones(g, t, std::array<double, 2>{0, 5});
    CHECK(z.at(0, 0) == 0);
    CHECK(z.at(1, 0) == 1);  // a threshold reached counts
    CHECK(z.at(2, 0) == 2);
    CHECK(z.at(3, 0) == 3);
    CHECK(z.cellCount == std::array<int, 4>{1, 1, 1, 1});
    CHECK(z.farthestM[1] == doctest::Approx(35));  // level-3 cell is inside zone 1 too
    CHECK(z.farthestM[3] == doctest::Approx(35));
    CHECK(z.farthestM[2] == doctest::Approx(35));
}

TEST_CASE("a missing level is skipped, not treated as zero") {
    ThreatThresholds t;
    t.level = {std::nullopt, 2.0, 8.0};
    CHECK(threatLevel(1.0, t) == 0);
    CHECK(threatLevel(2.0, t) == 2);
}

TEST_CASE("a chlorine cloud has nested AEGL zones, the most severe nearest the source") {
    std::vector<Diagnostic> diags;
    const auto table = ChemicalTable::load(
        std::filesystem::path(DRILLBASE_SOURCE_DIR) / "content/chemicals.json", diags);
    REQUIRE(table);
    const Chemical* cl2 = table->find("chlorine");
    REQUIRE(cl2);
    PuffModel m;
    m.addRelease({"tank", 500, 1000, 1, 0.5, 0, -1});
    for (int i = 0; i < 1800; ++i) m.step({3, 270, Stability::D, Terrain::Rural});
    FieldGrid g(0, 0, 20, 250, 100);
    m.fillGrid(g, 1.5);
    const auto z = classifyThreatZones(g, aeglThresholds(*cl2), std::array<double, 2>{500, 1000});
    CHECK(z.cellCount[3] > 0);
    CHECK(z.cellCount[2] > 0);
    CHECK(z.cellCount[1] > 0);
    CHECK(z.farthestM[3] < z.farthestM[2]);
    CHECK(z.farthestM[2] < z.farthestM[1]);
    MESSAGE("chlorine 0.5 kg/s, D, 3 m/s: AEGL-3/2/1 reach "
            << z.farthestM[3] << " / " << z.farthestM[2] << " / " << z.farthestM[1] << " m");
}

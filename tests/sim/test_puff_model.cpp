// The puff model: convergence to the steady plume under constant weather, advection by the
// wind of each puff's time, mass bookkeeping, determinism, and the fast grid against the plain
// summation over every puff.
#include "sim/dispersion/gaussian_plume.h"
#include "sim/dispersion/puff_model.h"
#include "sim/engine/state_hash.h"
#include "sim/rng.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

using namespace drillbase::sim;

namespace {

// Runs a 1 kg/s release at (sx, sy) under constant weather long enough for the plume to reach
// steady state over 4 km. The closed-form plume has a point source, so by default the puffs do
// too (the model's default source size of 1 m only matters within a few hundred metres).
PuffModel steadyRun(const PuffWeather& w, double sx, double sy, double h,
                    double sourceSigmaM = 0.0) {
    PuffModelDef def;
    def.initialSigmaM = sourceSigmaM;
    PuffModel m(def);
    m.addRelease({"leak", sx, sy, h, 1.0, 0.0, -1.0});
    const int ticks = static_cast<int>(4000.0 / w.speedMS) + 600;
    for (int i = 0; i < ticks; ++i) m.step(w);
    return m;
}

std::uint64_t gridHash(const FieldGrid& g) {
    StateHasher h;
    for (double v : g.values) h.add(v);
    return h.value();
}

}  // namespace

TEST_CASE("under constant weather the puffs converge to the steady Gaussian plume") {
    struct Case {
        Stability s;
        Terrain t;
        double u, h;
        double fromX;  // nearest receptor distance checked
    };
    // An elevated source in stable air (F, h = 10 m) is checked from 500 m: nearer, the ground
    // sees only the far tail of a 3 m thick plume and any σz difference is magnified.
    const Case cases[] = {{Stability::D, Terrain::Rural, 3, 0, 200},
                          {Stability::F, Terrain::Rural, 2, 10, 500},
                          {Stability::A, Terrain::Rural, 4, 0, 200},
                          {Stability::B, Terrain::Urban, 5, 0, 200},
                          {Stability::E, Terrain::Urban, 2.5, 25, 200}};
    double worst = 0;
    for (const auto& c : cases) {
        PuffWeather w{c.u, 270, c.s, c.t};  // from the west: x is downwind
        const PuffModel m = steadyRun(w, 1000, 3000, c.h);
        PlumeInput p{1.0, c.u, c.s, c.t, c.h};
        for (double x : {200.0, 500.0, 1000.0, 2000.0, 3500.0}) {
            if (x < c.fromX) continue;
            const double sy = briggsSigmaY(x, c.s, c.t);
            for (double yOff : {0.0, 0.5 * sy}) {
                for (double z : {0.0, 1.5}) {
                    const double plume = gaussianPlume(p, x, yOff, z).mgPerM3;
                    const double puff = m.concentrationAt(1000 + x, 3000 + yOff, z);
                    const double rel = std::abs(puff - plume) / plume;
                    CAPTURE(stabilityLetter(c.s));
                    CAPTURE(x);
                    CAPTURE(yOff);
                    CHECK(rel < 0.04);
                    worst = std::max(worst, rel);
                }
            }
        }
    }
    MESSAGE("largest relative difference puff vs plume: " << worst);
}

TEST_CASE("far off-axis in unstable air the puffs differ from the plume only as expected") {
    // The plume formula neglects along-wind spread (the slender-plume approximation); puffs keep
    // it, and each puff's σ belongs to its own travel distance; where σy/x is large (B, urban:
    // ~0.3) and the receptor sits in the crosswind tail, the two differ by up to ~10 %.
    // Bounded here so that a regression still shows.
    PuffWeather w{5, 270, Stability::B, Terrain::Urban};
    const PuffModel m = steadyRun(w, 1000, 3000, 0);
    PlumeInput p{1.0, 5, Stability::B, Terrain::Urban, 0};
    for (double x : {500.0, 2000.0}) {
        const double yOff = 1.5 * briggsSigmaY(x, Stability::B, Terrain::Urban);
        const double plume = gaussianPlume(p, x, yOff, 0).mgPerM3;
        const double puff = m.concentrationAt(1000 + x, 3000 + yOff, 0);
        CHECK(std::abs(puff - plume) < 0.12 * plume);
    }
}

TEST_CASE("the default 1 m source size changes nothing beyond a few hundred metres") {
    PuffWeather w{3, 270, Stability::D, Terrain::Rural};
    const PuffModel point = steadyRun(w, 1000, 3000, 0, 0.0);
    const PuffModel sized = steadyRun(w, 1000, 3000, 0, PuffModelDef{}.initialSigmaM);
    for (double x : {500.0, 2000.0}) {
        CHECK(sized.concentrationAt(1000 + x, 3000, 0) ==
              doctest::Approx(point.concentrationAt(1000 + x, 3000, 0)).epsilon(0.01));
    }
}

TEST_CASE("the wind direction is where it blows from, clockwise from north") {
    // A north wind (0 deg) carries the gas south: the plume lies along -y.
    PuffWeather w{3, 0, Stability::D, Terrain::Rural};
    const PuffModel m = steadyRun(w, 2000, 5000, 0);
    const double plume =
        gaussianPlume({1.0, 3, Stability::D, Terrain::Rural, 0}, 800, 0, 0).mgPerM3;
    CHECK(m.concentrationAt(2000, 5000 - 800, 0) == doctest::Approx(plume).epsilon(0.04));
    CHECK(m.concentrationAt(2000, 5000 + 800, 0) == 0);
    // An east-north-east wind (60 deg) blows toward 240 deg: south-west.
    PuffModel m2;
    m2.addRelease({"leak", 3000, 3000, 0, 1.0, 0, -1});
    for (int i = 0; i < 300; ++i) m2.step({4, 60, Stability::D, Terrain::Rural});
    for (const auto& p : m2.puffs()) {
        CHECK(p.x <= 3000);
        CHECK(p.y <= 3000);
        CHECK((3000 - p.y) == doctest::Approx((3000 - p.x) / std::sqrt(3.0)).epsilon(1e-9));
    }
}

TEST_CASE("each puff moves with the wind of its own time") {
    PuffModel m;
    m.addRelease({"leak", 0, 0, 0, 1.0, 0, -1});
    for (int i = 0; i < 100; ++i) m.step({5, 270, Stability::D, Terrain::Rural});  // toward east
    const auto before = m.puffs().size();
    for (int i = 0; i < 100; ++i) m.step({5, 180, Stability::D, Terrain::Rural});  // toward north
    const auto& puffs = m.puffs();
    // The first puffs went east for ~100 s and then north for 100 s; the newest only north.
    CHECK(puffs.front().x == doctest::Approx(5 * 99).epsilon(0.02));
    CHECK(puffs.front().y == doctest::Approx(500).epsilon(1e-9));
    CHECK(std::abs(puffs.back().x) < 1e-9);
    CHECK(puffs.back().y > 0);
    CHECK(puffs.size() == 2 * before);
}

TEST_CASE("released mass is conserved, the release stops on time and when a valve closes") {
    PuffModel m;
    m.addRelease({"a", 0, 0, 0, 2.0, 10, 50});  // 2 kg/s from 10 s for 50 s
    m.addRelease({"b", 0, 0, 0, 1.0, 0, -1});   // until stopped
    PuffWeather w{3, 270, Stability::D, Terrain::Rural};
    for (int i = 0; i < 31; ++i) m.step(w);
    CHECK(m.stopRelease("b"));  // at t = 31 s
    CHECK_FALSE(m.stopRelease("nope"));
    for (int i = 0; i < 100; ++i) m.step(w);
    CHECK(m.airborneMassMg() == doctest::Approx((2.0 * 50 + 1.0 * 31) * 1e6).epsilon(1e-12));
    m.knockDown(0, 0, 1e9, 0.25);
    CHECK(m.airborneMassMg() == doctest::Approx(0.75 * 131e6).epsilon(1e-12));
}

TEST_CASE("a puff never shrinks when the air turns stable") {
    PuffModel m;
    m.addRelease({"leak", 0, 0, 0, 1.0, 0, 2});
    for (int i = 0; i < 400; ++i) m.step({3, 270, Stability::B, Terrain::Rural});
    REQUIRE(m.puffs().size() == 1);
    const Puff before = m.puffs().front();
    m.step({3, 270, Stability::F, Terrain::Rural});
    const Puff after = m.puffs().front();
    CHECK(after.sigmaY >= before.sigmaY);
    CHECK(after.sigmaZ >= before.sigmaZ);
    CHECK(after.sigmaY < before.sigmaY * 1.01);  // and then grows at F's slow rate
}

TEST_CASE("same inputs give a bit-identical state and grid") {
    auto run = [](std::uint64_t seed) {
        PuffModel m;
        m.addRelease({"leak", 1500, 1500, 2, 0.8, 0, -1});
        m.addRelease({"secondary", 2000, 1000, 0, 0.3, 120, 200});
        Rng rng(seed);
        PuffWeather w{3, 250, Stability::D, Terrain::Rural};
        for (int i = 0; i < 900; ++i) {
            if (i % 60 == 0) {  // gusty weather drawn from the seeded generator
                w.fromDeg = rng.uniform(200, 300);
                w.speedMS = rng.uniform(1.5, 6);
                w.stability = static_cast<Stability>(rng.below(6));
            }
            m.step(w);
        }
        FieldGrid g(0, 0, 25, 160, 160);
        m.fillGrid(g, 1.5);
        StateHasher h;
        m.hashInto(h);
        return std::pair{h.value(), gridHash(g)};
    };
    const auto a = run(2024), b = run(2024), c = run(2025);
    CHECK(a.first == b.first);
    CHECK(a.second == b.second);
    CHECK(a.first != c.first);
}

TEST_CASE("the fast grid equals plain summation over every puff") {
    PuffModel m;
    m.addRelease({"leak", 800, 800, 0, 1.0, 0, -1});
    Rng rng(11);
    PuffWeather w{2.5, 225, Stability::C, Terrain::Urban};
    for (int i = 0; i < 1200; ++i) {
        if (i % 100 == 0) w.fromDeg = rng.uniform(180, 270);
        m.step(w);
    }
    FieldGrid fast(0, 0, 40, 80, 80), plain(0, 0, 40, 80, 80);
    m.fillGrid(fast, 1.5);
    m.fillGridPlain(plain, 1.5);
    const double peak = *std::max_element(plain.values.begin(), plain.values.end());
    REQUIRE(peak > 0);
    double worst = 0;
    for (std::size_t k = 0; k < fast.values.size(); ++k) {
        worst = std::max(worst, std::abs(fast.values[k] - plain.values[k]));
    }
    MESSAGE("largest fast-vs-plain difference / peak: " << worst / peak);
    CHECK(worst / peak < 1e-3);
    // And the cut-off point query agrees with the fast grid at a cell centre.
    CHECK(m.concentrationAt(fast.centreX(30), fast.centreY(30), 1.5) ==
          doctest::Approx(fast.at(30, 30)).epsilon(1e-9));
}

TEST_CASE("a single puff at ground level doubles by reflection") {
    Puff p;
    p.x = 0;
    p.y = 0;
    p.heightM = 0;
    p.massMg = 1e6;
    const double sy = 20, sz = 10;
    const double single = 1e6 / (std::pow(2 * 3.14159265358979323846, 1.5) * sy * sy * sz);
    CHECK(puffConcentration(p, sy, sz, 0, 0, 0) == doctest::Approx(2 * single).epsilon(1e-12));
}

// The real drillbase window under Xvfb: --screenshot writes a PNG of the requested size that
// is not a single colour; without any display the GUI exits 2 and names drillctl.
#include "run_command.h"

#include <doctest/doctest.h>
#include <stb_image.h>

#include <array>
#include <filesystem>
#include <set>

namespace {
const std::string kExe = DRILLBASE_EXE;

std::string scratchDir() {
    const auto dir =
        std::filesystem::temp_directory_path() / ("drillbase-e2e-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    return dir.string();
}

struct PngInfo {
    int w = 0, h = 0;
    std::size_t distinctColours = 0;
};

PngInfo inspect(const std::string& file) {
    PngInfo info;
    int n = 0;
    unsigned char* px = stbi_load(file.c_str(), &info.w, &info.h, &n, 3);
    if (!px) return info;
    std::set<unsigned> colours;
    for (int i = 0; i < info.w * info.h; ++i)
        colours.insert(px[i * 3] << 16 | px[i * 3 + 1] << 8 | px[i * 3 + 2]);
    stbi_image_free(px);
    info.distinctColours = colours.size();
    return info;
}
}  // namespace

TEST_CASE("--screenshot renders each screen in both languages at the requested size") {
    const std::string dir = scratchDir();
    for (const char* screen : {"home", "trainee", "settings"}) {
        for (const char* lang : {"zh-CN", "en"}) {
            const std::string png = dir + "/" + screen + "-" + lang + ".png";
            const std::string cmd = "xvfb-run -a -s '-screen 0 1400x900x24' " + kExe + " --db " +
                                    dir + "/e2e.sqlite --screenshot " + png +
                                    " --frames 4 --size 1024x700 --screen " + screen + " --lang " +
                                    lang;
            const auto r = runCommand(cmd);
            INFO(cmd, "\n", r.err);
            REQUIRE(r.exitCode == 0);
            const auto info = inspect(png);
            CHECK(info.w == 1024);
            CHECK(info.h == 700);
            // Text, panels and buttons give many colours; a blank or failed frame gives one.
            CHECK(info.distinctColours > 20);
        }
    }
}

TEST_CASE("the fire drill's map shows the fuels over the relief in the real window") {
    // The ground is a texture in the window (ui/map_texture.h), rectangles in the headless
    // tests: this is the one check that the texture is drawn, the right way up. The grass of the
    // hillside (GR2) lies across the map's middle, the bare ridge above it is grey.
    const std::string dir = scratchDir();
    const std::string png = dir + "/fire.png";
    const std::string cmd = "xvfb-run -a -s '-screen 0 1400x900x24' " + kExe + " --db " + dir +
                            "/fire.sqlite --drill " + DRILLBASE_SOURCE_DIR +
                            "/scenarios/fire-grass-hillside-village.json --drill-time 600"
                            " --screenshot " +
                            png + " --size 1400x900 --lang zh-CN";
    const auto r = runCommand(cmd);
    INFO(cmd, "\n", r.err);
    REQUIRE(r.exitCode == 0);
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load(png.c_str(), &w, &h, &n, 3);
    REQUIRE(px);
    auto at = [&](int x, int y) {
        const unsigned char* p = px + (static_cast<std::size_t>(y) * w + x) * 3;
        return std::array<int, 3>{p[0], p[1], p[2]};
    };
    const auto grass = at(130, 450), ridge = at(130, 200);
    stbi_image_free(px);
    CAPTURE(grass[0]);
    CAPTURE(grass[1]);
    CAPTURE(grass[2]);
    CHECK(grass[1] >= grass[0]);  // yellow-green, not the bare map's dark green (52, 66, 52)
    CHECK(grass[1] > grass[2] + 40);
    CHECK(grass[1] > 120);
    CHECK(ridge[0] == ridge[1]);  // rock is grey
    CHECK(ridge[1] == ridge[2]);
    CHECK(ridge[0] > 120);
}

TEST_CASE("without a display the GUI exits 2 and points to drillctl") {
    const std::string dir = scratchDir();
    const auto r = runCommand("env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER " + kExe +
                              " --db " + dir + "/nodisplay.sqlite");
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("drillctl") != std::string::npos);
}

TEST_CASE("a bad --screen is refused before any window opens") {
    const auto r = runCommand(kExe + " --screen nowhere");
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("unknown --screen nowhere") != std::string::npos);
}

TEST_CASE("--login signs in from standard input and opens the official's records") {
    const std::string dir = scratchDir();
    const std::string db = dir + "/records.sqlite";
    const std::string ctl = DRILLCTL_EXE;
    REQUIRE(runCommand(ctl + " ledger init --db " + db + " --base-id base-e2e").exitCode == 0);
    REQUIRE(runCommand(ctl + " ledger synth --db " + db + " --people 300 --seed 3").exitCode == 0);
    REQUIRE(runCommand("printf 'admin password\\n' | " + ctl + " ledger user add --db " + db +
                       " --name admin --role admin")
                .exitCode == 0);
    REQUIRE(runCommand("printf 'admin password\\nofficial password\\n' | " + ctl +
                       " ledger user add --db " + db +
                       " --name inspector --role official --as admin")
                .exitCode == 0);
    const std::string shot = "xvfb-run -a -s '-screen 0 1400x900x24' " + kExe + " --db " + db +
                             " --frames 4 --size 1024x700 --screen official --login inspector";
    for (const char* tab : {"roster", "expiring", "stats"}) {
        const std::string png = dir + "/records-" + tab + ".png";
        const auto r = runCommand("printf 'official password\\n' | " + shot + " --tab " + tab +
                                  " --screenshot " + png);
        INFO(tab, "\n", r.err);
        REQUIRE(r.exitCode == 0);
        CHECK(inspect(png).distinctColours > 20);
    }
    const auto refused = runCommand("printf 'not the password\\n' | " + shot + " --screenshot " +
                                    dir + "/refused.png");
    CHECK(refused.exitCode == 1);
    CHECK(refused.err.find("refused") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir + "/refused.png"));
}

// drillbase — the desktop GUI. Parses the command line, opens the database, runs the frame
// loop. Everything drawn comes from ui/frame.cpp; this file only wires the window to it.
#include "build_config.h"
#include "common/data_dir.h"
#include "ledger/db_path.h"
#include "ui/app.h"
#include "ui/fonts.h"
#include "ui/frame.h"
#include "ui/screenshot.h"
#include "ui/window.h"

#include <SDL.h>
#include <imgui.h>
#include <CLI/CLI.hpp>

#include <iostream>

namespace {

struct Options {
    std::string db;
    std::string content;
    std::string screenshot;
    int frames = 3;
    std::string screen = "home";
    std::string lang;
    std::string size = "1280x800";
    std::string drill;     // scenario file to start (screenshots, demos)
    std::string actions;   // action script applied to it
    double drillTime = 0;  // drill seconds to run before showing it
    std::string login;     // sign in as this user, password from standard input
    std::string tab;       // records tab to open
    std::string find;      // person search to run on it
};

bool parseSize(const std::string& s, int& w, int& h) {
    return std::sscanf(s.c_str(), "%dx%d", &w, &h) == 2 && w >= 320 && h >= 240 && w <= 8192 &&
           h <= 8192;
}

// Both languages: the user's choice is stored in the database we could not use yet.
void explainNoDisplay(const std::string& detail) {
    std::cerr << "drillbase：找不到可用的图形显示。无界面操作请使用 drillctl（drillctl --help）。\n"
                 "drillbase: no graphical display is available. For headless work use drillctl "
                 "(drillctl --help).\n";
    if (!detail.empty()) std::cerr << "  (" << detail << ")\n";
}

}  // namespace

int main(int argc, char** argv) {
    using namespace drillbase;
    Options opt;
    CLI::App cli{"drillbase — emergency drills and safety training (GUI)"};
    cli.set_version_flag("--version", std::string("drillbase ") + build::kVersion);
    cli.add_option("--db", opt.db,
                   "Database file (default: $XDG_DATA_HOME/drillbase/drillbase.sqlite)");
    cli.add_option("--content", opt.content,
                   "content/ folder (default: the installed or source one)");
    cli.add_option("--screenshot", opt.screenshot,
                   "Render --frames frames, save this PNG and exit");
    cli.add_option("--frames", opt.frames, "Frames to render before the screenshot")
        ->check(CLI::Range(1, 10000));
    cli.add_option("--screen", opt.screen,
                   "Start screen: home, trainee, instructor, official, settings, about");
    cli.add_option("--lang", opt.lang, "Interface language for this run: zh-CN or en");
    cli.add_option("--size", opt.size, "Window size WIDTHxHEIGHT");
    cli.add_option("--drill", opt.drill, "Start this scenario file at once");
    cli.add_option("--actions", opt.actions, "With --drill: JSON action script to apply");
    cli.add_option("--drill-time", opt.drillTime, "With --drill: drill seconds to run first")
        ->check(CLI::NonNegativeNumber);
    cli.add_option("--login", opt.login,
                   "Sign in as this user at start; the password is read from standard input");
    cli.add_option("--tab", opt.tab,
                   "Records tab to open: archive, roster, expiring, stats, export, users");
    cli.add_option("--find", opt.find,
                   "With --tab: a person (name, identity or certificate number) or, on the roster "
                   "tab, an organisation to find");
    CLI11_PARSE(cli, argc, argv);

    int width = 0, height = 0;
    if (!parseSize(opt.size, width, height)) {
        std::cerr << "drillbase: --size must be WIDTHxHEIGHT (320x240 to 8192x8192), got "
                  << opt.size << '\n';
        return 1;
    }
    const auto start = ui::screenFromName(opt.screen);
    if (!start) {
        std::cerr << "drillbase: unknown --screen " << opt.screen << '\n';
        return 1;
    }
    if (!ui::displayAvailable()) {
        explainNoDisplay("");
        return 2;
    }

    std::unique_ptr<ui::App> app;
    try {
        const auto dbFile =
            opt.db.empty() ? ledger::defaultDbPathFromEnv() : std::filesystem::path(opt.db);
        const auto content = contentDir(
            opt.content.empty() ? std::nullopt : std::optional<std::filesystem::path>(opt.content));
        app = std::make_unique<ui::App>(content, dbFile);
    } catch (const std::exception& e) {
        std::cerr << "drillbase: " << e.what() << '\n';
        return 1;
    }
    if (!opt.lang.empty()) app->setLocale(opt.lang);
    app->state().screen = *start;
    if (!opt.login.empty()) {
        // Never from an argument: it would show in `ps` and the shell history.
        std::string password;
        std::getline(std::cin, password);
        if (!password.empty() && password.back() == '\r') password.pop_back();
        if (!app->signIn(opt.login, password)) {
            std::cerr << "drillbase: sign-in of " << opt.login << " refused\n";
            return 1;
        }
    }
    if ((!opt.tab.empty() || !opt.find.empty()) &&
        !app->openRecordsTab(opt.tab.empty() ? "archive" : opt.tab, opt.find)) {
        std::cerr << "drillbase: unknown --tab " << opt.tab << '\n';
        return 1;
    }
    if (!opt.drill.empty()) {
        std::string why;
        if (!app->startScenarioFile(opt.drill, opt.actions, opt.drillTime, why)) {
            std::cerr << "drillbase: " << why << '\n';
            return 1;
        }
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // never write imgui.ini into the user's working directory
    std::unique_ptr<ui::Window> window;
    try {
        window = std::make_unique<ui::Window>(app->strings().tr("app.title"), width, height);
    } catch (const std::exception& e) {
        explainNoDisplay(e.what());
        ImGui::DestroyContext();
        return 2;
    }
    const auto font = ui::findCjkFont();
    if (!font) std::cerr << "drillbase: CJK font not found (install fonts-wqy-microhei)\n";
    ui::loadFonts(*io.Fonts, font, app->fontPixelSize(), app->glyphRanges());

    const bool shooting = !opt.screenshot.empty();
    int exitCode = 0;
    for (int frame = 0;; ++frame) {
        if (!window->pollEvents()) break;
        // Screenshots show the drill exactly as --drill-time left it: no wall-clock advance.
        if (!shooting) app->tick(io.DeltaTime);
        window->beginFrame();
        const auto requests = ui::drawFrame(app->strings(), app->state(), app->info(),
                                            app->drillView(), app->recordsView());
        const bool last = shooting && frame + 1 >= opt.frames;
        window->endFrame(!last);
        if (last) {
            int w = 0, h = 0;
            window->drawableSize(w, h);
            exitCode = ui::saveFramebufferPng(opt.screenshot, w, h) ? 0 : 1;
            break;
        }
        if (app->apply(requests)) {
            ui::loadFonts(*io.Fonts, font, app->fontPixelSize(), app->glyphRanges());
            window->rebuildFontTexture();
        }
        if (app->quitRequested()) break;
    }
    window.reset();
    ImGui::DestroyContext();
    return exitCode;
}

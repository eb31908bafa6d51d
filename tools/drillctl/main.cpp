// drillctl — the headless command line of drillbase: everything an official, an instructor's
// script or CI needs, without a window. Subcommands live in their own files and register here.
#include "tools/drillctl/content_check.h"
#include "tools/drillctl/drill_commands.h"
#include "tools/drillctl/fire_command.h"
#include "tools/drillctl/flood_command.h"
#include "tools/drillctl/ledger_admin_commands.h"
#include "tools/drillctl/ledger_commands.h"
#include "tools/drillctl/ledger_data_commands.h"
#include "tools/drillctl/ledger_query_commands.h"
#include "tools/drillctl/plume_command.h"

#include "build_config.h"
#include "common/data_dir.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace {

void addContentCommands(CLI::App& app, int& exitCode) {
    auto* content =
        app.add_subcommand("content", "Shipped data: chemicals, rules, strings, scenarios");
    content->require_subcommand(1);
    auto* check = content->add_subcommand(
        "check", "Parse and validate every JSON file under content/ and scenarios/");
    static std::vector<std::string> paths;
    check->add_option("paths", paths,
                      "Files or folders to check (default: the content/ and scenarios/ folders)");
    check->callback([&exitCode] {
        std::vector<std::filesystem::path> roots(paths.begin(), paths.end());
        if (roots.empty()) roots = {drillbase::contentDir(), drillbase::scenarioDir()};
        const auto result = drillbase::tools::checkContent(roots);
        for (const auto& d : result.errors) std::cerr << d.format() << '\n';
        std::cout << "checked " << result.filesChecked << " file(s): "
                  << (result.errors.empty() ? "all valid"
                                            : std::to_string(result.errors.size()) + " error(s)")
                  << '\n';
        exitCode = result.errors.empty() ? 0 : 1;
    });
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"drillctl — headless tool of drillbase (drills, quizzes, certification ledger)"};
    app.set_version_flag("--version", std::string("drillctl ") + drillbase::build::kVersion);
    app.require_subcommand(1);
    int exitCode = 0;
    addContentCommands(app, exitCode);
    drillbase::tools::addDrillCommands(app, exitCode);
    drillbase::tools::addPlumeCommand(app);
    drillbase::tools::addFloodCommand(app, exitCode);
    drillbase::tools::addFireCommand(app, exitCode);
    drillbase::tools::addLedgerCommands(app);
    drillbase::tools::addLedgerAdminCommands(app);
    drillbase::tools::addLedgerDataCommands(app);
    drillbase::tools::addLedgerQueryCommands(app);
    CLI11_PARSE(app, argc, argv);
    return exitCode;
}

#include "ledger/db_path.h"

#include <doctest/doctest.h>

#include <stdexcept>

using drillbase::ledger::defaultDbPath;

TEST_CASE("default database follows XDG_DATA_HOME, then HOME") {
    CHECK(defaultDbPath(std::string("/data"), std::string("/home/li")) ==
          "/data/drillbase/drillbase.sqlite");
    CHECK(defaultDbPath(std::nullopt, std::string("/home/li")) ==
          "/home/li/.local/share/drillbase/drillbase.sqlite");
    // A relative XDG_DATA_HOME is invalid by the XDG spec and is ignored.
    CHECK(defaultDbPath(std::string("rel/dir"), std::string("/home/li")) ==
          "/home/li/.local/share/drillbase/drillbase.sqlite");
    CHECK(defaultDbPath(std::string(""), std::string("/home/li")) ==
          "/home/li/.local/share/drillbase/drillbase.sqlite");
    CHECK_THROWS_AS(defaultDbPath(std::nullopt, std::nullopt), std::runtime_error);
}

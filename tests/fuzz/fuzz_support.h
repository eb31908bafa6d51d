// fuzz_support.h — what the libFuzzer harnesses share: the shipped content loaded once, and a
// check that turns a broken contract into a crash libFuzzer saves the input for.
#pragma once

#include "sim/hazards/builtin_hazards.h"

#include <cstdlib>
#include <filesystem>
#include <string>

namespace drillbase::fuzz {

inline void require(bool ok) {
    if (!ok) std::abort();  // reported by libFuzzer as a crash, with the input saved
}

// The shipped content (chemicals, drill and gas rules), as every scenario is checked against.
inline const sim::SimContent& content() {
    static const sim::SimContent c = [] {
        std::vector<Diagnostic> d;
        auto loaded =
            sim::loadSimContent(std::filesystem::path(DRILLBASE_SOURCE_DIR) / "content", d);
        require(loaded.has_value());
        return std::move(*loaded);
    }();
    return c;
}

// Every diagnostic names a place: a file and a line; a refusal is never silent.
inline void requireLocated(const std::vector<Diagnostic>& d, bool accepted) {
    require(accepted || !d.empty());
    for (const auto& x : d) require(!x.message.empty() && x.pos.line >= 1 && x.pos.col >= 1);
}

}  // namespace drillbase::fuzz

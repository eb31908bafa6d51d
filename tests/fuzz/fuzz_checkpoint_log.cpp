// libFuzzer harness: the checkpoint log reader (ledger/checkpoint_log.h). Besides the
// sanitizers' checks it asserts the reader's contract: a refusal has a FILE:LINE:COL location
// on a line the input has and no entries, and a success gives checkpoints in rising number.
#include "ledger/checkpoint_log.h"

#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

void require(bool ok) {
    if (!ok) std::abort();  // reported by libFuzzer as a crash, with the input saved
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace drillbase::ledger;
    const std::string text(reinterpret_cast<const char*>(data), size);
    CheckpointLogLimits limits;
    limits.maxBytes = 1u << 16;  // small, so the fuzzer reaches the limit checks
    limits.maxLineBytes = 1024;
    const auto r = parseCheckpointLog("log.jsonl", text, limits);
    if (!r.error.empty()) {
        require(r.entries.empty());
        require(r.error.rfind("log.jsonl:", 0) == 0);
        const auto line = std::stoul(r.error.substr(10));
        std::size_t lines = 1;
        for (const char c : text) lines += c == '\n' ? 1 : 0;
        require(line >= 1 && line <= lines);
        return 0;
    }
    for (std::size_t i = 1; i < r.entries.size(); ++i)
        require(r.entries[i - 1].number < r.entries[i].number);
    for (const auto& c : r.entries) require(c.version == 1 || c.version == 2);
    return 0;
}

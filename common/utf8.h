// utf8.h — decoding UTF-8 to code points, needed to know which glyphs the CJK font must carry,
// and checking it, needed before a string is hashed into the ledger.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace drillbase {

// Decodes strict UTF-8 (no overlongs, no surrogates). Returns nullopt on invalid input and
// sets *badOffset to the offending byte when given.
std::optional<std::u32string> decodeUtf8(std::string_view s, std::size_t* badOffset = nullptr);

// The same check without building the decoded string (RFC 3629 well-formed UTF-8).
bool isValidUtf8(std::string_view s);

}  // namespace drillbase

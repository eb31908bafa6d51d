// utf8.h — decoding UTF-8 to code points, needed to know which glyphs the CJK font must carry.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace drillbase {

// Decodes strict UTF-8 (no overlongs, no surrogates). Returns nullopt on invalid input and
// sets *badOffset to the offending byte when given.
std::optional<std::u32string> decodeUtf8(std::string_view s, std::size_t* badOffset = nullptr);

}  // namespace drillbase

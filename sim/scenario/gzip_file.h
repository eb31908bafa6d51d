// gzip_file.h — reads a file whole, inflating it when it is gzip-compressed (RFC 1952), so that
// the grid and LISFLOOD-FP readers take `dem.asc` and `dem.asc.gz` alike. Compression is
// detected by the gzip magic bytes 1f 8b (RFC 1952 §2.3.1), not by the file name. The size of
// the text is bounded on both sides: the file itself, and the inflated text, which stops being
// inflated as soon as it would pass the limit (a "gzip bomb" is refused, never allocated).
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace drillbase::sim {

// Reads `file` into `text`, inflated if it begins with the gzip magic bytes (concatenated gzip
// members are read one after the other, as gzip(1) does). Returns nullopt on success, or why the
// file cannot be read: missing, over `maxBytes` (compressed or inflated), or a broken gzip
// stream. Never throws.
std::optional<std::string> readMaybeGzipFile(const std::filesystem::path& file,
                                             std::size_t maxBytes, std::string& text);

}  // namespace drillbase::sim

// gzip_file.cpp — see gzip_file.h. zlib's inflate with windowBits 15 + 16 reads exactly the gzip
// format (zlib manual, inflateInit2); the input is streamed in chunks and the output grows in
// chunks, so neither the compressed nor the inflated text is ever held beyond `maxBytes`.
#include "sim/scenario/gzip_file.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <new>
#include <system_error>
#include <vector>

namespace drillbase::sim {
namespace {

using std::to_string;

std::string overBytes(std::uintmax_t size, std::size_t limit, const char* what) {
    return std::string(what) + " " + to_string(size) + " bytes, over the limit of " +
           to_string(limit);
}

// Inflates the rest of `in`, whose first bytes `head` were already read.
std::optional<std::string> inflateStream(std::ifstream& in, std::string head, std::size_t maxBytes,
                                         std::string& text) {
    z_stream z{};
    if (inflateInit2(&z, 15 + 16) != Z_OK) return std::string("cannot start zlib");
    struct End {
        z_stream* z;
        ~End() { inflateEnd(z); }
    } end{&z};

    constexpr std::size_t kChunk = 256 << 10;
    std::vector<char> inBuf(kChunk);
    std::string pending = std::move(head);  // input not yet given to zlib
    text.clear();
    bool streamEnded = false;  // the last member ended and no input followed it yet
    for (;;) {
        if (pending.empty()) {
            in.read(inBuf.data(), static_cast<std::streamsize>(inBuf.size()));
            pending.assign(inBuf.data(), static_cast<std::size_t>(in.gcount()));
            if (pending.empty()) break;  // end of file
        }
        if (streamEnded) {  // another gzip member follows (RFC 1952 §2.2)
            inflateReset(&z);
            streamEnded = false;
        }
        z.next_in = reinterpret_cast<Bytef*>(pending.data());
        z.avail_in = static_cast<uInt>(pending.size());
        while (z.avail_in > 0 && !streamEnded) {
            const std::size_t used = text.size();
            if (used >= maxBytes) {
                // One more byte would pass the limit: check whether any would come.
                char probe = 0;
                z.next_out = reinterpret_cast<Bytef*>(&probe);
                z.avail_out = 1;
                const int r = inflate(&z, Z_NO_FLUSH);
                if (z.avail_out == 0)
                    return "inflates to more than " + to_string(maxBytes) +
                           " bytes, the limit; refused";
                if (r == Z_STREAM_END) {
                    streamEnded = true;
                    break;
                }
                if (r != Z_OK && r != Z_BUF_ERROR)
                    return std::string("is not a valid gzip stream: ") +
                           (z.msg ? z.msg : "inflate failed");
                continue;
            }
            const std::size_t room = std::min<std::size_t>(kChunk, maxBytes - used);
            text.resize(used + room);
            z.next_out = reinterpret_cast<Bytef*>(text.data() + used);
            z.avail_out = static_cast<uInt>(room);
            const int r = inflate(&z, Z_NO_FLUSH);
            text.resize(used + room - z.avail_out);
            if (r == Z_STREAM_END) {
                streamEnded = true;
            } else if (r != Z_OK && r != Z_BUF_ERROR) {
                return std::string("is not a valid gzip stream: ") +
                       (z.msg ? z.msg : "inflate failed");
            }
        }
        // Keep what zlib did not consume (the start of a following member).
        pending.erase(0, pending.size() - z.avail_in);
    }
    if (!streamEnded) return std::string("gzip stream ends early (a truncated file?)");
    return std::nullopt;
}

}  // namespace

std::optional<std::string> readMaybeGzipFile(const std::filesystem::path& file,
                                             std::size_t maxBytes, std::string& text) try {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) return "cannot read file: " + ec.message();
    if (size > maxBytes) return overBytes(size, maxBytes, "file is");
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::string("cannot read file");
    char magic[2] = {0, 0};
    in.read(magic, 2);
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 2 && static_cast<unsigned char>(magic[0]) == 0x1f &&
        static_cast<unsigned char>(magic[1]) == 0x8b) {
        if (auto why = inflateStream(in, std::string(magic, 2), maxBytes, text))
            return "gzip file " + *why;
        return std::nullopt;
    }
    text.assign(magic, got);
    text.resize(static_cast<std::size_t>(size));
    if (size > got && !in.read(text.data() + got, static_cast<std::streamsize>(size - got)))
        return std::string("cannot read file");
    return std::nullopt;
} catch (const std::bad_alloc&) {
    return std::string("not enough memory to read the file");
} catch (...) {
    return std::string("cannot read file");
}

}  // namespace drillbase::sim

#include "ledger/checkpoint_log.h"

#include "common/json_source.h"
#include "ledger/canonical_json.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

namespace drillbase::ledger {

std::filesystem::path checkpointLogFor(const std::filesystem::path& dbFile) {
    return std::filesystem::path(dbFile.string() + ".checkpoints.jsonl");
}

void appendToCheckpointLog(const std::filesystem::path& log, const Checkpoint& c) {
    std::string line = canonicalJson(c.toJson()) + "\n";
    // O_APPEND: concurrent writers (two processes closing at once) never interleave inside a
    // line of this size; 0600 because the log names the base and its head, nothing more, but
    // sits with files that hold personal data.
    std::error_code ec;
    const bool fresh = !std::filesystem::exists(log, ec);
    // A line torn by a crash has no newline: start on a line of our own.
    std::string prefix;
    if (!fresh) {
        std::ifstream in(log, std::ios::binary | std::ios::ate);
        if (in && in.tellg() > 0) {
            in.seekg(-1, std::ios::end);
            if (in.get() != '\n') prefix = "\n";
        }
    }
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) throw std::runtime_error("cannot open checkpoint log " + log.string());
    line = prefix + line;
    const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!written || !synced)
        throw std::runtime_error("cannot write checkpoint log " + log.string());
    if (fresh) syncParentDir(log);
}

std::int64_t lastCheckpointInLog(const std::filesystem::path& log) {
    std::ifstream in(log, std::ios::binary | std::ios::ate);
    if (!in) return 0;
    const std::streamoff size = in.tellg();
    const std::streamoff tail = std::min<std::streamoff>(size, 8192);
    std::string text(static_cast<std::size_t>(tail), '\0');
    in.seekg(size - tail);
    in.read(text.data(), tail);
    // The newest line that parses: a line torn by a crash mid-append is skipped.
    while (!text.empty()) {
        while (!text.empty() && text.back() == '\n') text.pop_back();
        const auto start = text.rfind('\n');
        const auto line = start == std::string::npos ? text : text.substr(start + 1);
        try {
            const auto j = nlohmann::json::parse(line);
            if (j.is_object() && j.contains("number") && j["number"].is_number_integer())
                return j["number"].get<std::int64_t>();
        } catch (const nlohmann::json::exception&) {
        }
        if (start == std::string::npos) break;
        text.resize(start);
    }
    return 0;
}

CheckpointLogRead parseCheckpointLog(const std::string& file, const std::string& text,
                                     const CheckpointLogLimits& limits) {
    CheckpointLogRead r;
    auto fail = [&](std::size_t line, int col, const std::string& message) {
        r.entries.clear();
        r.error = file + ":" + std::to_string(line) + ":" + std::to_string(col) + ": " + message;
        return r;
    };
    if (text.size() > limits.maxBytes)
        return fail(
            1, 1,
            "the checkpoint log is larger than " + std::to_string(limits.maxBytes >> 20) + " MiB");
    std::size_t lineNo = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        ++lineNo;
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(start, end - start);
        start = end + 1;
        if (line.empty()) continue;
        if (line.size() > limits.maxLineBytes)
            return fail(lineNo, 1,
                        "line longer than " + std::to_string(limits.maxLineBytes) +
                            " bytes: not a checkpoint");
        std::vector<Diagnostic> diags;
        JsonLimits jl;
        jl.maxBytes = limits.maxLineBytes;
        jl.maxDepth = 4;
        jl.maxStringBytes = limits.maxLineBytes;
        const auto doc = parseJsonText(file, line, diags, jl);
        // A line cut short by a crash mid-append (it cannot end in '}') holds no checkpoint;
        // the one it was to hold is appended again after the next commit.
        if (!doc && line.back() != '}') continue;
        if (!doc) {
            const auto& d = diags.front();
            return fail(lineNo, d.pos.col, d.message);
        }
        const auto c = Checkpoint::fromJson(doc->value);
        if (!c) return fail(lineNo, 1, "not a checkpoint (a field is missing or mistyped)");
        if (!r.entries.empty() && c->number <= r.entries.back().number)
            return fail(lineNo, 1,
                        "checkpoint " + std::to_string(c->number) + " after checkpoint " +
                            std::to_string(r.entries.back().number) + ": the log is out of order");
        r.entries.push_back(*c);
    }
    return r;
}

CheckpointLogRead readCheckpointLog(const std::filesystem::path& log,
                                    const CheckpointLogLimits& limits) {
    std::error_code ec;
    if (!std::filesystem::exists(log, ec)) return {};
    const auto size = std::filesystem::file_size(log, ec);
    if (ec || size > limits.maxBytes) {
        CheckpointLogRead r;
        r.error = log.string() + ":1:1: " +
                  (ec ? "cannot read the checkpoint log" : "the checkpoint log is too large");
        return r;
    }
    std::ifstream in(log, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return parseCheckpointLog(log.string(), text.str(), limits);
}

CheckpointVerification verifyCheckpointLog(SqliteDb& db, const std::filesystem::path& log,
                                           const std::string& trustedPublicKey) {
    CheckpointVerification v;
    const auto read = readCheckpointLog(log);
    if (!read.error.empty()) {
        v.message = read.error;
        return v;
    }
    CheckpointBook book(db);
    std::map<std::int64_t, Checkpoint> table;
    for (auto& c : book.list()) table.emplace(c.number, c);
    for (const auto& c : read.entries) {
        const auto it = table.find(c.number);
        const std::string where = "checkpoint " + std::to_string(c.number) + " of " + log.string();
        if (it == table.end()) {
            v.failedNumber = c.number;
            v.message = where + " is missing from the ledger's own checkpoints: they were cut";
            return v;
        }
        if (it->second.signature != c.signature) {
            v.failedNumber = c.number;
            v.message = where + " differs from the ledger's checkpoint " +
                        std::to_string(c.number) + ": the checkpoints were replaced";
            return v;
        }
    }
    v = verifyCheckpointList(read.entries, db, trustedPublicKey, false);
    if (v.ok)
        v.message =
            std::to_string(read.entries.size()) + " checkpoint(s) in " + log.string() +
            " held (the newest at event " +
            (read.entries.empty() ? std::string("-") : std::to_string(read.entries.back().seq)) +
            ")";
    return v;
}

}  // namespace drillbase::ledger

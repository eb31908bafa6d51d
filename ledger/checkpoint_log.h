// checkpoint_log.h — the checkpoint log: every checkpoint the ledger signs, copied as one line
// of JSON to a file beside the database ("<db>.checkpoints.jsonl", owner-only).
// Why a file of its own: the table of checkpoints is inside the database, so whoever cuts the
// tail of the events can cut the checkpoints with it. The log is written only by appending,
// after each commit, and verify holds the database to every head it names; a cut tail is
// found unless the log is cut as well — and the log's lines are what goes to inspectors and
// the central ledger, where a copy is out of reach (ledger/README.md).
#pragma once

#include "ledger/checkpoint.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace drillbase::ledger {

std::filesystem::path checkpointLogFor(const std::filesystem::path& dbFile);

// The number of the log's last checkpoint (0 for no log or an unreadable last line): read from
// the end of the file, so a long log costs nothing per commit.
std::int64_t lastCheckpointInLog(const std::filesystem::path& log);

// Appends one line (canonical JSON of Checkpoint::toJson()) and syncs it to disk. The file is
// created with mode 0600. Throws std::runtime_error when it cannot be written.
void appendToCheckpointLog(const std::filesystem::path& log, const Checkpoint& c);

// What a reader of the log accepts: a line is one checkpoint (well under 4 KiB), and a log of
// a million checkpoints stays far below the size limit.
struct CheckpointLogLimits {
    // ~300 bytes a line: over three million checkpoints, a close checkpoint per drillctl
    // command for decades of a base's work.
    std::size_t maxBytes = std::size_t{1} << 30;
    std::size_t maxLineBytes = 4096;
};

struct CheckpointLogRead {
    std::vector<Checkpoint> entries;
    std::string error;  // "FILE:LINE:COL: message" at the first bad line; empty when read
};

// Parses the log's text (the fuzz harness's entry point). Never throws.
CheckpointLogRead parseCheckpointLog(const std::string& file, const std::string& text,
                                     const CheckpointLogLimits& limits = {});
// Reads the log beside the database; an absent file reads as no entries.
CheckpointLogRead readCheckpointLog(const std::filesystem::path& log,
                                    const CheckpointLogLimits& limits = {});

// Holds the database to its checkpoint log: each entry must verify (verifyCheckpointList) and
// match the table's checkpoint of the same number, which must exist (a missing one means the
// table was cut). Entries need not be contiguous: a log line lost to a full disk after a
// commit only weakens the log, it does not make the database wrong.
CheckpointVerification verifyCheckpointLog(SqliteDb& db, const std::filesystem::path& log,
                                           const std::string& trustedPublicKey);

}  // namespace drillbase::ledger

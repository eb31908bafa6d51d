#include "ledger/projection_audit.h"

#include "ledger/event_store.h"
#include "ledger/projections.h"
#include "ledger/sha256.h"
#include "ledger/sqlite_event_storage.h"

#include <bit>
#include <optional>
#include <utility>

namespace drillbase::ledger {

namespace {

// One value as SQLite stores it: the type matters, a tampered 4 and '4' are not the same.
struct Cell {
    int type = SQLITE_NULL;
    std::int64_t integer = 0;
    double real = 0;
    std::string bytes;  // TEXT or BLOB
};
using Row = std::vector<Cell>;

Cell readCell(const Statement& st, int col) {
    Cell c;
    c.type = st.columnType(col);
    if (c.type == SQLITE_INTEGER) c.integer = st.columnInt(col);
    if (c.type == SQLITE_FLOAT) c.real = st.columnDouble(col);
    if (c.type == SQLITE_TEXT || c.type == SQLITE_BLOB) c.bytes = st.columnText(col);
    return c;
}

bool sameCell(const Cell& a, const Cell& b) {
    if (a.type != b.type) return false;
    switch (a.type) {
        case SQLITE_INTEGER: return a.integer == b.integer;
        case SQLITE_FLOAT:
            return std::bit_cast<std::uint64_t>(a.real) == std::bit_cast<std::uint64_t>(b.real);
        case SQLITE_NULL: return true;
        default: return a.bytes == b.bytes;
    }
}

// SQLite's sort order with the BINARY collation (what ORDER BY on these columns uses), so that
// two row streams in ORDER BY key order can be merged: NULL, then numbers, then text, then
// blobs; text and blobs bytewise (std::string compares as unsigned char, like memcmp).
int typeClass(int type) {
    switch (type) {
        case SQLITE_NULL: return 0;
        case SQLITE_INTEGER:
        case SQLITE_FLOAT: return 1;
        case SQLITE_TEXT: return 2;
        default: return 3;
    }
}

int compareCells(const Cell& a, const Cell& b) {
    const int ca = typeClass(a.type), cb = typeClass(b.type);
    if (ca != cb) return ca < cb ? -1 : 1;
    if (ca == 0) return 0;
    if (ca == 1) {
        if (a.type == SQLITE_INTEGER && b.type == SQLITE_INTEGER)
            return a.integer < b.integer ? -1 : a.integer > b.integer ? 1 : 0;
        const double x = a.type == SQLITE_INTEGER ? static_cast<double>(a.integer) : a.real;
        const double y = b.type == SQLITE_INTEGER ? static_cast<double>(b.integer) : b.real;
        return x < y ? -1 : x > y ? 1 : 0;
    }
    const int c = a.bytes.compare(b.bytes);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
}

// --- unambiguous encoding for the digests: a type tag, then a fixed-width integer or a
// length-prefixed byte string, so no two different rows encode to the same bytes.
void putInt64(std::string& out, std::int64_t v) {
    const auto u = static_cast<std::uint64_t>(v);
    for (int shift = 56; shift >= 0; shift -= 8) out += static_cast<char>((u >> shift) & 0xff);
}

void putBytes(std::string& out, char tag, std::string_view bytes) {
    out += tag;
    putInt64(out, static_cast<std::int64_t>(bytes.size()));
    out += bytes;
}

void putCell(std::string& out, const Cell& c) {
    switch (c.type) {
        case SQLITE_NULL: out += 'N'; break;
        case SQLITE_INTEGER:
            out += 'I';
            putInt64(out, c.integer);
            break;
        case SQLITE_FLOAT:
            out += 'F';
            putInt64(out, std::bit_cast<std::int64_t>(c.real));
            break;
        case SQLITE_TEXT: putBytes(out, 'T', c.bytes); break;
        default: putBytes(out, 'B', c.bytes); break;
    }
}

// How a value reads in a message: text in quotes, NULL and numbers bare.
std::string render(const Cell& c) {
    switch (c.type) {
        case SQLITE_NULL: return "NULL";
        case SQLITE_INTEGER: return std::to_string(c.integer);
        case SQLITE_FLOAT: return std::to_string(c.real);
        case SQLITE_TEXT: return "\"" + c.bytes + "\"";
        default: return "a blob of " + std::to_string(c.bytes.size()) + " bytes";
    }
}

std::string quoteIdentifier(std::string_view name) {
    std::string out = "\"";
    for (char ch : name) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

// A table's columns in declaration order and which one is its primary key, as SQLite reports
// them: the schema text in projections.cpp stays the one place that names the columns.
struct TableShape {
    std::vector<std::string> columns;
    int key = -1;  // index into columns; -1 when the table has no primary key
    bool operator==(const TableShape&) const = default;
};

std::optional<TableShape> shapeOf(SqliteDb& db, std::string_view table) {
    auto st = db.prepare("SELECT name, pk FROM pragma_table_info(?) ORDER BY cid");
    st.bind(1, table);
    TableShape shape;
    while (st.step()) {
        if (st.columnInt(1) == 1) shape.key = static_cast<int>(shape.columns.size());
        shape.columns.push_back(st.columnText(0));
    }
    if (shape.columns.empty()) return std::nullopt;
    return shape;
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

// The rows of a table in key order (then by every other column, so the order is total even
// for a table that lost its key).
class RowReader {
public:
    RowReader(SqliteDb& db, std::string_view table, const TableShape& shape)
        : st_(db.prepare(selectSql(table, shape))), width_(shape.columns.size()) {}
    bool next() {
        if (!st_.step()) return false;
        row_.resize(width_);
        for (std::size_t i = 0; i < width_; ++i) row_[i] = readCell(st_, static_cast<int>(i));
        return true;
    }
    const Row& row() const { return row_; }

private:
    static std::string selectSql(std::string_view table, const TableShape& shape) {
        std::vector<std::string> quoted, order;
        for (const auto& c : shape.columns) quoted.push_back(quoteIdentifier(c));
        if (shape.key >= 0) order.push_back(quoted[static_cast<std::size_t>(shape.key)]);
        for (std::size_t i = 0; i < quoted.size(); ++i)
            if (static_cast<int>(i) != shape.key) order.push_back(quoted[i]);
        return "SELECT " + joined(quoted) + " FROM " + quoteIdentifier(table) + " ORDER BY " +
               joined(order);
    }
    Statement st_;
    std::size_t width_;
    Row row_;
};

// Holds `db` to reading for the audit's lifetime: PRAGMA query_only makes SQLite itself refuse
// any write (the audit promises to leave the record alone), and one read transaction gives a
// single snapshot of events and tables even while another process writes (WAL).
class ReadOnlySnapshot {
public:
    explicit ReadOnlySnapshot(SqliteDb& db) : db_(db) {
        auto st = db_.prepare("PRAGMA query_only");
        wasQueryOnly_ = st.step() && st.columnInt(0) != 0;
        db_.exec("PRAGMA query_only = 1");
        if (sqlite3_get_autocommit(db_.handle()) != 0) {
            db_.exec("BEGIN DEFERRED");
            began_ = true;
        }
    }
    ~ReadOnlySnapshot() {
        try {
            if (began_) db_.exec("ROLLBACK");  // nothing was written: ending it is all it does
            if (!wasQueryOnly_) db_.exec("PRAGMA query_only = 0");
        } catch (...) {
            // A destructor cannot report; closing the connection ends the transaction anyway.
        }
    }
    ReadOnlySnapshot(const ReadOnlySnapshot&) = delete;
    ReadOnlySnapshot& operator=(const ReadOnlySnapshot&) = delete;

private:
    SqliteDb& db_;
    bool wasQueryOnly_ = false;
    bool began_ = false;
};

std::optional<std::string> metaValue(SqliteDb& db, std::string_view key) {
    auto st = db.prepare("SELECT value FROM ledger_meta WHERE key = ?");
    st.bind(1, key);
    if (!st.step()) return std::nullopt;
    return st.columnText(0);
}

std::int64_t headSeq(SqliteDb& db) {
    auto st = db.prepare("SELECT COALESCE(MAX(seq), 0) FROM events");
    st.step();
    return st.columnInt(0);
}

// The derived tables as events 1..through give them, in a database that lives in memory only.
// The events are copied row by row (the append-only trigger accepts them, in seq order) rather
// than through EventStore::initialize, whose commit would count as a record of this process
// (committedWriteTransactions) although nothing real is written.
SqliteDb rebuildInMemory(SqliteDb& db, std::int64_t through) {
    SqliteDb scratch(":memory:");
    SqliteEventStorage target(scratch);
    target.createSchema();
    {
        Transaction tx(scratch);
        target.setMeta("base_id", metaValue(db, "base_id").value_or(""));
        SqliteEventStorage(db).scan(1, [&](const StoredEvent& e) {
            if (e.seq > through) return false;
            target.insert(e);
            return true;
        });
        tx.commit(false);
    }
    Projections projections(scratch);
    projections.createSchema();
    projections.rebuild(EventStore(target));
    return scratch;
}

// Compares every derived table of `stored` with `derived`, filling the first difference.
void compareTables(SqliteDb& stored, SqliteDb& derived, ProjectionAudit& a) {
    const auto differs = [&a](ProjectionDifference d, std::string table) {
        a.ok = false;
        a.difference = d;
        a.table = std::move(table);
    };
    for (const char* table : projectionTables()) {
        const auto ref = shapeOf(derived, table);
        if (!ref) throw DbError(std::string("the rebuilt projections lack table ") + table);
        const auto got = shapeOf(stored, table);
        if (!got) return differs(ProjectionDifference::TableMissing, table);
        if (!(*got == *ref)) {
            differs(ProjectionDifference::Columns, table);
            a.stored = joined(got->columns);
            a.derived = joined(ref->columns);
            return;
        }
        const auto k = static_cast<std::size_t>(ref->key);
        const auto keyOf = [&](const Row& r) {
            return ref->columns[k] + "=" + (r[k].type == SQLITE_TEXT ? r[k].bytes : render(r[k]));
        };
        RowReader s(stored, table, *got), d(derived, table, *ref);
        bool hs = s.next(), hd = d.next();
        while (hs || hd) {
            const int c = !hs ? 1 : !hd ? -1 : compareCells(s.row()[k], d.row()[k]);
            if (c < 0) {
                differs(ProjectionDifference::ExtraRow, table);
                a.key = keyOf(s.row());
                return;
            }
            if (c > 0) {
                differs(ProjectionDifference::RowMissing, table);
                a.key = keyOf(d.row());
                return;
            }
            for (std::size_t i = 0; i < ref->columns.size(); ++i) {
                if (sameCell(s.row()[i], d.row()[i])) continue;
                differs(ProjectionDifference::Value, table);
                a.key = keyOf(s.row());
                a.column = ref->columns[i];
                a.stored = render(s.row()[i]);
                a.derived = render(d.row()[i]);
                return;
            }
            ++a.rowsChecked;
            hs = s.next();
            hd = d.next();
        }
        ++a.tablesChecked;
    }
}

}  // namespace

std::vector<TableDigest> projectionTableDigests(SqliteDb& db) {
    ReadOnlySnapshot snapshot(db);
    std::vector<TableDigest> out;
    for (const char* table : projectionTables()) {
        TableDigest td{table, 0, {}};
        Sha256Stream hash;
        std::string buf;
        putBytes(buf, 'T', table);
        if (const auto shape = shapeOf(db, table)) {
            putInt64(buf, static_cast<std::int64_t>(shape->columns.size()));
            for (const auto& c : shape->columns) putBytes(buf, 'T', c);
            putInt64(buf, shape->key);
            RowReader rows(db, table, *shape);
            while (rows.next()) {
                for (const auto& cell : rows.row()) putCell(buf, cell);
                ++td.rows;
                if (buf.size() >= 1 << 16) {
                    hash.update(buf);
                    buf.clear();
                }
            }
        } else {
            buf += 'M';  // missing: differs from a table that is present and empty
        }
        hash.update(buf);
        const auto d = hash.finish();
        td.sha256 = toHex(d.data(), d.size());
        out.push_back(std::move(td));
    }
    return out;
}

std::string projectionDigest(SqliteDb& db) {
    std::string all;
    for (const auto& td : projectionTableDigests(db)) {
        putBytes(all, 'T', td.table);
        putInt64(all, td.rows);
        putBytes(all, 'T', td.sha256);
    }
    return sha256Hex(all);
}

ProjectionAudit auditProjections(SqliteDb& db) {
    ReadOnlySnapshot snapshot(db);
    ProjectionAudit a;
    a.head = headSeq(db);
    const auto mark = metaValue(db, "projected_through");
    a.projectedThrough = mark ? std::stoll(*mark) : 0;
    const auto schema = metaValue(db, "projection_schema");
    if ((schema ? std::stoi(*schema) : 1) < kProjectionSchemaVersion) {
        // Projections::createSchema drops such tables and the next catch-up replays the log.
        a.outdated = true;
        return a;
    }
    if (a.projectedThrough > a.head) {
        a.ok = false;
        a.difference = ProjectionDifference::MarkAhead;
        a.table = "ledger_meta";
        a.key = "key=projected_through";
        a.column = "value";
        a.stored = std::to_string(a.projectedThrough);
        a.derived = std::to_string(a.head);
        return a;
    }
    a.behind = a.projectedThrough < a.head;
    {
        auto derived = rebuildInMemory(db, a.projectedThrough);
        compareTables(db, derived, a);
    }
    if (!a.ok && a.behind) {
        // A ledger jammed by an older catch-up holds rows of events past its mark (see
        // projections.h); such rows come from the events, so they are a lag, not tampering.
        ProjectionAudit full = a;
        full.ok = true;
        full.difference = ProjectionDifference::None;
        full.table = full.key = full.column = full.stored = full.derived = "";
        full.tablesChecked = 0;
        full.rowsChecked = 0;
        auto derived = rebuildInMemory(db, a.head);
        compareTables(db, derived, full);
        if (full.ok) return full;
    }
    return a;
}

std::string ProjectionAudit::message() const {
    const std::string counted =
        std::to_string(rowsChecked) + " row(s) in " + std::to_string(tablesChecked) + " table(s)";
    const std::string at = "projection " + table + " differs at " + key + ": ";
    switch (difference) {
        case ProjectionDifference::None: break;
        case ProjectionDifference::Value:
            return at + "column " + column + " is " + stored + " but the events give " + derived;
        case ProjectionDifference::RowMissing:
            return at + "row missing (the events give it, the table lacks it)";
        case ProjectionDifference::ExtraRow: return at + "extra row (no event gives it)";
        case ProjectionDifference::TableMissing:
            return "projection " + table + " differs: the table is missing";
        case ProjectionDifference::Columns:
            return "projection " + table + " differs: its columns are (" + stored +
                   ") but the schema gives (" + derived + ")";
        case ProjectionDifference::MarkAhead:
            return "projections differ from the events: they are marked as projected through "
                   "event " +
                   stored + " but the log ends at event " + derived + " (events were removed)";
    }
    if (outdated && head == 0) return "projections: no events yet, nothing to compare";
    if (outdated)
        return "projections not built for this version yet: the next opening of the ledger "
               "rebuilds them from the events, so there is nothing to compare";
    if (behind)
        return "projections match the events they have projected (" + counted +
               ") but are behind: projected through event " + std::to_string(projectedThrough) +
               " of " + std::to_string(head) + "; the next catch-up (any write) applies the rest";
    return "projections match the events: " + counted;
}

}  // namespace drillbase::ledger

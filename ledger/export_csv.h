// export_csv.h — the ledger as one CSV table for officials: one row per person-record
// (role, training, exam, certificate, review), UTF-8 with a byte order mark so Excel opens the
// Chinese names correctly, RFC 4180 quoting (records_csv.h). Identity and certificate numbers
// are masked ("110105********1234", PIPL art. 28 and 51); birth dates are not exported, since
// they are the masked middle of the identity number.
#pragma once

#include "ledger/sqlite_db.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>
#include <vector>

namespace drillbase::ledger {

// The header row, in column order.
const std::vector<std::string>& csvExportHeader();

// Writes the BOM, the header and every row; returns the number of data rows.
std::int64_t exportCsv(SqliteDb& db, std::ostream& out);

// A file that will hold personal data (an export, a roster reject file), opened for writing
// and truncated, readable and writable by its owner only (0600; PIPL art. 51: technical
// measures against unauthorised access). The mode is set before a byte is written, also when
// the file already existed with a wider mode. The stream is not open when that failed.
std::ofstream openPersonalDataFile(const std::filesystem::path& file);

}  // namespace drillbase::ledger

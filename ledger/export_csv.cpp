#include "ledger/export_csv.h"

#include "ledger/records_archive.h"
#include "ledger/records_csv.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace drillbase::ledger {

namespace {

std::string tenths(std::int64_t t) {
    std::string s = std::to_string(t / 10);
    if (t % 10 != 0) {  // appended: `"." + std::to_string()` trips GCC 12's false -Wrestrict
        s += '.';
        s += std::to_string(t % 10);
    }
    return s;
}

}  // namespace

const std::vector<std::string>& csvExportHeader() {
    static const std::vector<std::string> kHeader{
        "person_id", "name",       "id_number_masked", "record",
        "record_id", "date",       "org_credit_code",  "org_name",
        "role",      "subject",    "training_kind",    "hours",
        "score",     "max_points", "passed",           "certificate_number_masked",
        "revoked",   "grade"};
    return kHeader;
}

std::int64_t exportCsv(SqliteDb& db, std::ostream& out) {
    out << kUtf8Bom;
    writeCsvRow(out, csvExportHeader());
    std::int64_t rows = 0;
    ArchiveReader reader(db);
    std::vector<std::string> row(csvExportHeader().size());
    reader.forEachPerson([&](const PersonArchive& a) {
        for (const auto& r : a.records) {
            const bool exam = r.record == "exam";
            const bool training = r.record == "training";
            const bool result = r.record == "drill_result" || r.record == "quiz_result";
            std::string score, max;
            if (exam) {
                score = std::to_string(r.score);
                max = std::to_string(r.maxPoints);
            } else if (result) {  // tenths of a point, shown as "78.9" of "100"
                score = tenths(r.score);
                max = tenths(r.maxPoints);
            }
            row = {a.personId,
                   a.name,
                   a.idMasked,
                   r.record,
                   r.recordId,
                   r.date,
                   r.orgCode,
                   r.orgName,
                   r.role,
                   r.subject,
                   r.trainingKind,
                   training ? std::to_string(r.hours) : "",
                   score,
                   max,
                   exam || result ? (r.passed ? "yes" : "no") : "",
                   r.certificateNumberMasked,
                   r.revoked,
                   r.grade};
            writeCsvRow(out, row);
            ++rows;
        }
        return true;
    });
    return rows;
}

std::ofstream openPersonalDataFile(const std::filesystem::path& file) {
    std::ofstream out;
    // Created with mode 0600 (not the umask's 0644), and narrowed to 0600 when it existed.
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, S_IRUSR | S_IWUSR);
    const bool narrowed = fd >= 0 && ::fchmod(fd, S_IRUSR | S_IWUSR) == 0;
    if (fd >= 0) ::close(fd);
    if (!narrowed) {
        out.setstate(std::ios::failbit);
        return out;
    }
    out.open(file, std::ios::binary | std::ios::trunc);
    return out;
}

}  // namespace drillbase::ledger

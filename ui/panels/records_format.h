// records_format.h — ledger records in words for the records screens: the record's kind, what
// it is about and its figures, in the current language. Codes stored in the ledger (roles,
// training kinds, certificate states) are translated through "<family>.<code>" i18n keys, so
// an unknown code shows as its key rather than vanishing.
#pragma once

#include "common/i18n.h"
#include "ledger/records_archive.h"

#include <string>

namespace drillbase::ui {

// s.tr(family + "." + code), e.g. codeText(s, "person_role", "safety_manager").
std::string codeText(const Strings& s, const std::string& family, const std::string& code);
// The same for codes that may also be free text (an exam named by the clerk): the text itself
// when the catalog has no translation for it.
std::string knownCodeText(const Strings& s, const std::string& family, const std::string& code);
std::string recordKindText(const Strings& s, const std::string& record);
std::string recordSubjectText(const Strings& s, const ledger::ArchiveRecord& r);
std::string recordDetailText(const Strings& s, const ledger::ArchiveRecord& r);
// A failed exam or result, a revoked certificate: shown in the warning colour.
bool recordIsBad(const ledger::ArchiveRecord& r);
// 78.9 from 789 tenths.
std::string tenths(std::int64_t v);

}  // namespace drillbase::ui

// records_notice.h — the one line that tells the user what the last records request did.
#pragma once

#include "common/i18n.h"
#include "ui/records_session.h"

namespace drillbase::ui {

void drawRecordsNotice(const Strings& s, const RecordsNotice& n);

}  // namespace drillbase::ui

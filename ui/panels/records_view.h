// records_view.h — what the screens that touch the ledger are given: the records session
// (null when the ledger could not be opened, `error` then says why) and their UI state.
#pragma once

#include "ui/panels/records_ui_state.h"
#include "ui/records_session.h"

#include <string>

namespace drillbase::ui {

struct RecordsView {
    const RecordsSession* session = nullptr;
    RecordsUiState* ui = nullptr;
    std::string error;
    // When set, the error said in the user's language instead: an i18n key, and the derived
    // table it names (ledger.table.<name>), if any.
    std::string errorKey;
    std::string errorTable;
};

}  // namespace drillbase::ui

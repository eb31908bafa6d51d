// person_links.h — the two ways the records screens reach a person: a search field (name,
// identity number or certificate number) and a name in a list that opens the archive.
#pragma once

#include "common/i18n.h"
#include "ui/app_state.h"
#include "ui/panels/records_ui_state.h"

#include <cstddef>
#include <string>

namespace drillbase::ui {

// An input with a Find button; Enter or the button asks for a person search.
void drawPersonSearchField(const Strings& s, const char* id, char* buffer, std::size_t size,
                           float width, UiRequests& out);

// The person's name as a row-wide selectable in the current table cell; a click opens the
// archive tab on that person. `key` keeps rows of the same name apart.
void personArchiveLink(const std::string& name, const std::string& key, const std::string& personId,
                       RecordsUiState& ui, UiRequests& out);

}  // namespace drillbase::ui

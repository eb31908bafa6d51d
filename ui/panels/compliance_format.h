// compliance_format.h — the compliance engine's answers in words and colours: requirement
// states (met, missing, overdue, due soon) and requirement items in the current language.
#pragma once

#include "common/i18n.h"
#include "ledger/person_compliance.h"

#include <imgui.h>

#include <string>

namespace drillbase::ui {

ImVec4 requirementColour(ledger::RequirementState s);
std::string requirementStateText(const Strings& s, ledger::RequirementState st);
// "安全生产管理人员 · 年度再培训学时 12/16" — the role, the item and, for hours, the figures.
std::string requirementText(const Strings& s, const ledger::Requirement& r);
// Each requirement on its own line, coloured by state, with its detail (English, from the
// rules) as a tooltip; a person who may not hold the post is said so first.
void drawRequirements(const Strings& s, const ledger::PersonCompliance& c);

}  // namespace drillbase::ui

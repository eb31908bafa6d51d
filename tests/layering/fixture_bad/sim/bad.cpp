// Fixture for layering_check_catches_violation: a headless file that includes ImGui.
#include <imgui.h>

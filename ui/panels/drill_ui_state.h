// drill_ui_state.h — what the drill screen remembers between frames: the selected unit and
// the order waiting for a click on the map. UI state only; the drill itself is in the session.
#pragma once

namespace drillbase::ui {

enum class OrderMode { None, Move, WaterCurtain, Rescue, Cordon, Evacuate, Shelter, SecondaryLeak };

struct DrillUiState {
    int selectedUnit = -1;
    OrderMode mode = OrderMode::None;
    float radiusM = 300;
    int assemblyPoint = 0;
    int valve = 0;
    int reportLevel = 3;  // 应急响应级别 I..IV as 1..4
    int supportKind = 0;
    float windSpeedMS = 2;
    int stability = 3;  // D
    float leakRateKgS = 0.5f;
    int speedIndex = 0;
    int leakCount = 0;  // names secondary leaks uniquely
};

}  // namespace drillbase::ui

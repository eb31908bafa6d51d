#!/usr/bin/env python3
"""Writes the synthetic terrain of drillbase's flood scenarios as ESRI ASCII grids.

The grids are pure functions of their coordinates (no random numbers), so running this again
gives the same bytes; the files it writes are committed beside the scenarios that use them:

  scenarios/data/levee-village/   a river behind a levee, a village on the floodplain south of it
                                  and a hill with the school (安置点) in the south-west;
  scenarios/data/urban-rainstorm/ city blocks, streets and two railway underpasses (下穿通道)
                                  that fill first in a rainstorm, a river along the east edge.

Land use codes (land_use.asc), named in each scenario's "land_use_codes":
  1 pasture, 2 road, 3 urban (yards and courts), 4 water, 5 buildings.
"""
import math
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scenarios", "data")


def write_asc(path, nx, ny, cell, fn, decimals):
    with open(path, "w", newline="\n") as f:
        f.write(f"ncols {nx}\nnrows {ny}\nxllcorner 0\nyllcorner 0\ncellsize {cell}\n"
                "NODATA_value -9999\n")
        for j in range(ny - 1, -1, -1):  # northern row first
            y = (j + 0.5) * cell
            row = []
            for i in range(nx):
                x = (i + 0.5) * cell
                v = fn(x, y)
                row.append("-9999" if v is None else f"{v:.{decimals}f}")
            f.write(" ".join(row) + "\n")


def smoothstep(e0, e1, v):
    t = min(1.0, max(0.0, (v - e0) / (e1 - e0)))
    return t * t * (3 - 2 * t)


# ---- levee village: 2000 x 1400 m at 10 m --------------------------------------------------
LV_RIVER_Y = (1120.0, 1200.0)  # channel between these y
LV_LEVEE_Y = (1100.0, 1120.0)  # levee crest band south of it


def levee_z(x, y):
    plain = 10.0 - 0.0008 * x - 0.0015 * max(0.0, 1100.0 - y)
    hill = 7.0 * math.exp(-((x - 300.0) ** 2 + (y - 250.0) ** 2) / (2 * 220.0 ** 2))
    z = plain + hill
    if LV_LEVEE_Y[0] <= y < LV_LEVEE_Y[1]:
        return 12.5 - 0.0008 * x  # levee crest 2.5 m above the plain
    if LV_RIVER_Y[0] <= y < LV_RIVER_Y[1]:
        return 6.0 - 0.0008 * x  # channel bed 4 m below the plain
    if y >= LV_RIVER_Y[1]:
        return 12.0 - 0.0008 * x  # the north bank rises to the hills
    # a drainage ditch along the village's south side carries water east
    if 380.0 <= y < 400.0 and x > 700.0:
        z -= 0.8
    return z


def levee_landuse(x, y):
    if LV_RIVER_Y[0] <= y < LV_RIVER_Y[1]:
        return 4
    if 880.0 <= x < 1320.0 and 420.0 <= y < 760.0:  # the village
        return 3
    if abs(x - 1100.0) < 6.0 or abs(y - 600.0) < 6.0:  # roads through it
        return 2
    return 1


# ---- urban rainstorm: 1600 x 1200 m at 5 m -------------------------------------------------
UR_RAIL_X = (780.0, 820.0)        # a railway embankment north-south
UR_UNDERPASS_Y = [(300.0, 320.0), (800.0, 820.0)]  # streets that dip under it


def urban_street(x, y):
    return (x % 200.0) < 20.0 or (y % 250.0) < 20.0


def urban_z(x, y):
    z = 20.0 - 0.004 * x - 0.001 * y  # the city slopes gently east to the river
    if x > 1520.0:
        return z - 3.0 - 0.05 * (x - 1520.0)  # river bank
    if UR_RAIL_X[0] <= x < UR_RAIL_X[1]:
        for (y0, y1) in UR_UNDERPASS_Y:
            if y0 <= y < y1:
                return z - 4.5  # underpass floor 4.5 m below the street
        return z + 3.0  # embankment
    # the approaches of the underpasses ramp down over 60 m each side
    for (y0, y1) in UR_UNDERPASS_Y:
        if y0 <= y < y1:
            d = max(UR_RAIL_X[0] - x, x - UR_RAIL_X[1])
            if 0.0 < d < 60.0:
                return z - 4.5 * (1.0 - d / 60.0)
    if urban_street(x, y):
        return z - 0.15  # kerbs: streets a little below the blocks
    return z


def urban_landuse(x, y):
    if x > 1520.0:
        return 4
    if UR_RAIL_X[0] <= x < UR_RAIL_X[1]:
        for (y0, y1) in UR_UNDERPASS_Y:
            if y0 <= y < y1:
                return 2
        return 1
    if urban_street(x, y):
        return 2
    bx, by = x % 200.0, y % 250.0
    if 40.0 <= bx < 180.0 and 40.0 <= by < 230.0 and int(x // 200 + y // 250) % 3 != 0:
        return 5
    return 3


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else ROOT
    lv = os.path.join(out, "levee-village")
    ur = os.path.join(out, "urban-rainstorm")
    os.makedirs(lv, exist_ok=True)
    os.makedirs(ur, exist_ok=True)
    write_asc(os.path.join(lv, "dem.asc"), 200, 140, 10, levee_z, 2)
    write_asc(os.path.join(lv, "land_use.asc"), 200, 140, 10, levee_landuse, 0)
    write_asc(os.path.join(ur, "dem.asc"), 320, 240, 5, urban_z, 2)
    write_asc(os.path.join(ur, "land_use.asc"), 320, 240, 5, urban_landuse, 0)


if __name__ == "__main__":
    main()

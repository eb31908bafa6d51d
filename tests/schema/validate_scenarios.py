#!/usr/bin/env python3
"""Checks the shipped scenarios against their JSON Schema (CTest: scenario_schema).

Usage: validate_scenarios.py SOURCE_ROOT

1. The schema scenarios/schema/drillbase-scenario-2.schema.json is itself a valid draft 2020-12
   schema.
2. Every scenarios/*.json validates against it; each error is printed as
   FILE:LINE:COL: /json/pointer: message, the form drillctl uses (DEVELOPERS.md).
3. A few deliberately wrong inline documents are rejected at the expected place, so this test
   is known to be able to fail (a schema that accepts everything would pass step 2).

Prints one line per check and "N passed, N failed"; exits 1 on any failure.
The schema is narrower than the C++ loader: drillctl scenario validate also checks points on the
map, ids that exist, chemicals and rubric sums.
"""

import copy
import glob
import json
import os
import sys

SCHEMA = os.path.join("scenarios", "schema", "drillbase-scenario-2.schema.json")


def pointer(path):
    """RFC 6901 pointer of a jsonschema path (deque of keys and indices)."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def value_positions(text):
    """Maps the JSON pointer of every value in (valid JSON) `text` to its 1-based (line, col),
    and lists duplicate object keys, which json.loads would silently drop."""
    pos, dups = {}, []
    i = 0
    n = len(text)

    def ws():
        nonlocal i
        while i < n and text[i] in " \t\r\n":
            i += 1

    def string():
        nonlocal i
        start = i
        i += 1
        while text[i] != '"':
            i += 2 if text[i] == "\\" else 1
        i += 1
        return json.loads(text[start:i])

    def value(ptr):
        nonlocal i
        ws()
        pos[ptr] = i
        c = text[i]
        if c in "{[":
            close = "}" if c == "{" else "]"
            i += 1
            ws()
            seen, k = set(), 0
            while text[i] != close:
                if c == "{":
                    key = string()
                    if key in seen:
                        dups.append(ptr + "/" + key.replace("~", "~0").replace("/", "~1"))
                    seen.add(key)
                    ws()
                    i += 1  # ':'
                    value(ptr + "/" + key.replace("~", "~0").replace("/", "~1"))
                else:
                    value(ptr + "/" + str(k))
                    k += 1
                ws()
                if text[i] == ",":
                    i += 1
                    ws()
            i += 1
        elif c == '"':
            string()
        else:
            while i < n and text[i] not in ",]} \t\r\n":
                i += 1

    value("")

    def line_col(offset):
        line = text.count("\n", 0, offset) + 1
        return line, offset - (text.rfind("\n", 0, offset) + 1) + 1

    return {p: line_col(o) for p, o in pos.items()}, dups


def located(err):
    """(pointer, message) pairs for one validation error. An unknown key is reported at the key
    itself, like the C++ loader does; a oneOf failure names its closest branch's complaint."""
    from jsonschema.exceptions import best_match

    at = pointer(err.absolute_path)
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        known = set(err.schema.get("properties", {}))
        extra = [k for k in err.instance if k not in known]
        if extra:
            return [(at + "/" + k.replace("~", "~0").replace("/", "~1"),
                     f"unknown key \"{k}\"") for k in extra]
    message = err.message
    if err.validator == "oneOf" and isinstance(err.instance, dict) and "type" in err.instance:
        # Rules are told apart by "type": when no branch takes it, say so rather than pick a
        # branch at random.
        types = [e.validator_value for e in err.context
                 if e.validator == "const" and list(e.relative_path) == ["type"]]
        if len(types) == len(err.validator_value):
            return [(at + "/type", f"unknown type {json.dumps(err.instance['type'])} "
                     f"(one of: {', '.join(types)})")]
    if err.context:
        closest = best_match(err.context)
        message += f" (closest: {pointer(closest.absolute_path) or '/'}: {closest.message})"
    return [(at, message)]


def schema_errors(validator, doc):
    """All (pointer, message) errors of `doc`."""
    out = []
    for err in validator.iter_errors(doc):
        out.extend(located(err))
    return out


def check_file(validator, path):
    """Errors of one scenario file, each as 'FILE:LINE:COL: /pointer: message'."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        return [f"{path}:{e.lineno}:{e.colno}: {e.msg}"]
    except (OSError, UnicodeDecodeError) as e:
        return [f"{path}: {e}"]
    where, dups = value_positions(text)

    def line_col(ptr):
        while ptr not in where:  # a missing value is reported where its parent is
            ptr = ptr[: ptr.rfind("/")] if "/" in ptr else ""
        return where[ptr]

    found = [(p, "duplicate key (the earlier value is ignored)") for p in dups]
    found += schema_errors(validator, doc)
    found.sort(key=lambda e: line_col(e[0]))  # in document order
    return [f"{path}:{':'.join(map(str, line_col(p)))}: {p or '/'}: {m}" for p, m in found]


# The smallest valid /2 document; each wrong case below changes one thing in it.
VALID = {
    "format": "drillbase-scenario/2",
    "id": "minimal",
    "title_zh": "最小场景",
    "title_en": "Minimal scenario",
    "briefing_zh": "",
    "briefing_en": "",
    "map": {
        "width_m": 100,
        "height_m": 100,
        "cell_m": 10,
        "assembly_points": [{"id": "ap", "x": 10, "y": 10}],
    },
    "weather": {"wind_speed_m_s": 2, "wind_from_deg": 270},
    "hazard": {
        "type": "gas",
        "stability": "D",
        "releases": [{"id": "r1", "chemical": "chlorine", "x": 50, "y": 50, "height_m": 1,
                      "rate_kg_s": 0.5, "start_s": 0, "duration_s": 600}],
        "valves": [{"id": "v1", "x": 50, "y": 50, "release": "r1", "work_s": 60}],
    },
    "rubric": {
        "total_points": 10,
        "areas": [{"id": "a", "title_zh": "甲", "title_en": "A", "items": [
            {"id": "i", "title_zh": "乙", "title_en": "B", "max_points": 10,
             "rule": {"type": "manual"}}]}],
    },
}


def variant(change):
    doc = copy.deepcopy(VALID)
    change(doc)
    return doc


def flood(doc):
    doc["hazard"] = {"type": "flood", "dem": "dem.asc", "manning_n": 0.035,
                     "breaches": [{"id": "b", "x0": 0, "y0": 0, "x1": 10, "y1": 0,
                                   "bottom_m": 1, "start_s": 0, "duration_s": 60}]}


def flood_unknown_key(doc):
    flood(doc)
    doc["hazard"]["terrain_grid"] = "dem.asc"


def flood_both_models(doc):
    flood(doc)
    doc["hazard"]["lisflood"] = "model.par"


def unknown_top_level_key(doc):
    doc["notes"] = "not a scenario key"


def misspelt_valve_key(doc):
    doc["hazard"]["valves"][0]["work_sec"] = doc["hazard"]["valves"][0].pop("work_s")


def format_1(doc):
    doc["format"] = "drillbase-scenario/1"


def gas_without_releases(doc):
    del doc["hazard"]["releases"]


# (name, document, where the schema must complain or None when it must accept)
CASES = [
    ("minimal /2 document is accepted", VALID, None),
    ("flood hazard on a DEM is accepted", variant(flood), None),
    ("flood hazard with an unknown key is rejected", variant(flood_unknown_key),
     "/hazard/terrain_grid"),
    ("flood hazard with both a DEM and a .par is rejected", variant(flood_both_models), "/hazard"),
    ("unknown top-level key is rejected", variant(unknown_top_level_key), "/notes"),
    ("misspelt valve key work_sec is rejected", variant(misspelt_valve_key),
     "/hazard/valves/0/work_sec"),
    ("/1 format string is rejected", variant(format_1), "/format"),
    ("gas hazard without releases is rejected", variant(gas_without_releases), "/hazard"),
]


def main(argv):
    if len(argv) != 2:
        print("usage: validate_scenarios.py SOURCE_ROOT", file=sys.stderr)
        return 2
    root = argv[1]
    try:
        from jsonschema import Draft202012Validator
        from jsonschema.exceptions import SchemaError
    except ImportError:
        print("FAIL: the jsonschema module is missing (Debian package python3-jsonschema, "
              "see scripts/install-deps.sh)")
        print("0 passed, 1 failed")
        return 1

    passed = failed = 0

    def report(ok, what, details=()):
        nonlocal passed, failed
        print(("PASS " if ok else "FAIL ") + what)
        for d in details:
            print("  " + d)
        if ok:
            passed += 1
        else:
            failed += 1

    schema_path = os.path.join(root, SCHEMA)
    try:
        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
        Draft202012Validator.check_schema(schema)
        report(True, f"schema {schema_path}")
    except (OSError, json.JSONDecodeError, SchemaError) as e:
        report(False, f"schema {schema_path}", [str(e).splitlines()[0]])
        print(f"{passed} passed, {failed} failed")
        return 1
    validator = Draft202012Validator(schema)

    files = sorted(glob.glob(os.path.join(root, "scenarios", "*.json")))
    if not files:
        report(False, f"no scenarios/*.json under {root}")
    for path in files:
        errors = check_file(validator, path)
        report(not errors, path, errors)

    for name, doc, expect_at in CASES:
        errors = schema_errors(validator, doc)
        if expect_at is None:
            report(not errors, name, [f"{p or '/'}: {m}" for p, m in errors])
        else:
            hit = any(p == expect_at for p, _ in errors)
            details = [f"{p or '/'}: {m}" for p, m in errors]
            if not hit:
                details.insert(0, f"expected an error at {expect_at}, " +
                               ("got:" if errors else "the document was accepted"))
            report(hit, name, details)

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env bash
# Installs the Debian packages drillbase needs, and only those that are missing.
# Uses sudo when not root; does nothing (not even apt-get update) when all are present.
set -euo pipefail

packages=(
  g++ cmake make pkg-config            # toolchain
  libimgui-dev libstb-dev              # Dear ImGui 1.86 (with SDL2/OpenGL3 backends) and stb
  libsdl2-dev libgl-dev libgl1-mesa-dri  # window, OpenGL headers, Mesa (llvmpipe when no GPU)
  libsqlite3-dev libsodium-dev         # ledger: storage, SHA-256/Ed25519/Argon2id
  libicu-dev                           # ledger: Unicode NFC check of names (text_rules)
  zlib1g-dev                           # sim: gzip-compressed .asc grids (sim/scenario/gzip_file.cpp)
  nlohmann-json3-dev libcli11-dev      # JSON, command-line parsing
  doctest-dev                          # unit tests
  fonts-wqy-microhei                   # CJK glyphs
  xvfb xauth                           # GUI tests without a screen
  sqlite3                              # ledger tamper tests edit a database by hand
  python3 python3-jsonschema           # scenario files checked against their JSON Schema (tests/schema)
  clang-15 libclang-common-15-dev      # libFuzzer harnesses (tests/fuzz, make fuzz; its runtime ships here)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "drillbase: installing missing packages: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "drillbase: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"

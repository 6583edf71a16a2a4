#!/usr/bin/env bash
# Installs every Debian 12 package that building, running and testing Thi đua ANTT
# needs, and generates the vi_VN.UTF-8 locale. Idempotent: when everything is
# present it only checks and returns in about a second.
set -eu

packages=(
  # build
  build-essential meson ninja-build pkg-config gettext itstool
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsqlite3-dev
  libpango1.0-dev libcairo2-dev libsodium-dev
  # data validation
  desktop-file-utils appstream libglib2.0-bin
  # runtime: fonts with Vietnamese glyphs, icons
  fonts-liberation2 fonts-dejavu-core adwaita-icon-theme
  # tests
  sqlite3 xvfb xauth dbus dbus-x11 at-spi2-core python3-gi gir1.2-atspi-2.0
  gir1.2-gtk-4.0 poppler-utils imagemagick locales
  # quality gates
  valgrind clang clang-tools libclang-rt-14-dev cppcheck clang-tidy
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing packages: ${missing[*]}" >&2
    echo "install-deps: run this script as root (or with sudo) to install them" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! locale -a 2>/dev/null | grep -qi '^vi_VN\.utf-\?8$'; then
  if [ "$(id -u)" -eq 0 ]; then
    sed -i 's/^# *\(vi_VN.UTF-8 UTF-8\)/\1/' /etc/locale.gen
    grep -q '^vi_VN.UTF-8 UTF-8' /etc/locale.gen || echo 'vi_VN.UTF-8 UTF-8' >> /etc/locale.gen
    locale-gen >/dev/null
  else
    echo "install-deps: the vi_VN.UTF-8 locale is missing; run as root to generate it" >&2
  fi
fi

#!/bin/sh
# Installs the Linux package into a temporary root with its own Makefile,
# checks what landed (valid desktop entry and metadata, the icon the entry
# names, a binary that prints the version), uninstalls, and checks that
# exactly what install added is gone and nothing else.
# Usage: scripts/package-test.sh TARBALL VERSION
set -eu
tarball=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
version=$2
id=io.github.masterplan_app.masterplan
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "package-test: $*" >&2; exit 1; }

mkdir "$work/pkg" "$work/root"
tar -xJf "$tarball" -C "$work/pkg"
# The Makefile sits at the top or in the tarball's one folder.
pkg=$(dirname "$(find "$work/pkg" -maxdepth 2 -name Makefile | head -n 1)")
root=$work/root
# Someone else's files in the same folders: uninstall must leave them.
mkdir -p "$root/usr/share/applications" "$root/usr/bin"
echo other > "$root/usr/share/applications/other.desktop"
echo other > "$root/usr/bin/other"

make -s -C "$pkg" install DESTDIR="$root" PREFIX=/usr

desktop=$root/usr/share/applications/$id.desktop
[ -f "$desktop" ] || fail "no desktop entry at $desktop"
desktop-file-validate "$desktop"
appstreamcli validate --no-net "$root/usr/share/metainfo/$id.metainfo.xml"
[ -f "$root/usr/share/icons/hicolor/512x512/apps/$id.png" ] || fail "no themed icon"
exe=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
[ -x "$root/usr/bin/$(basename "$exe")" ] || fail "the desktop entry runs $exe, which is not installed"
icon=$(sed -n 's/^Icon=//p' "$desktop")
ls "$root/usr/share/pixmaps/$icon"* >/dev/null 2>&1 || [ -f "$root/usr/share/icons/hicolor/512x512/apps/$icon.png" ] ||
  fail "the desktop entry's icon $icon is not installed"
grep -q "<release version=\"$version\"" "$root/usr/share/metainfo/$id.metainfo.xml" || fail "the metadata does not name release $version"
got=$("$root/usr/bin/$(basename "$exe")" --version)
[ "$got" = "MasterPlan $version" ] || fail "--version printed \"$got\", want \"MasterPlan $version\""

make -s -C "$pkg" uninstall DESTDIR="$root" PREFIX=/usr
after=$(cd "$root" && find . -type f | sort)
[ "$after" = "$(printf './usr/bin/other\n./usr/share/applications/other.desktop')" ] ||
  fail "after uninstall the root holds: $after"
# Folders install created may stay empty (as with most make uninstall); no file may.
echo "package-test: install, check and uninstall of $(basename "$tarball") $version: ok"

#!/bin/sh
# Finishes the tar.xz that `fyne package -os linux` made: adds the AppStream
# metadata (assets/*.metainfo.xml.in with the version filled in) and the
# icon under the hicolor theme, teaches the package's Makefile to install
# and uninstall both, and validates the desktop entry and the metadata with
# the desktop's own tools. Usage: scripts/package-linux.sh TARBALL VERSION
set -eu
tarball=$1
version=$2
id=io.github.masterplan_app.masterplan
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

tar -xJf "$tarball" -C "$work"
# fyne's tarball holds a Makefile and a usr tree, inside a folder of their
# own (masterplan/) in fyne 1.7; the tree is under usr/local or usr, and
# the Makefile names it the same way.
pkg=$(dirname "$(find "$work" -maxdepth 2 -name Makefile | head -n 1)")
share=$(dirname "$(find "$pkg/usr" -type d -name applications)")
rel=${share#"$pkg/"}

desktop-file-validate "$share/applications/$id.desktop"

# The release's date is the day FyneApp.toml (the version) last changed.
date=$(git -C "$repo" log -1 --format=%cs -- FyneApp.toml 2>/dev/null || true)
[ -n "$date" ] || date=$(date -u +%F)
mkdir -p "$share/metainfo" "$share/icons/hicolor/512x512/apps"
sed -e "s/@VERSION@/$version/g" -e "s/@DATE@/$date/g" \
  "$repo/assets/$id.metainfo.xml.in" > "$share/metainfo/$id.metainfo.xml"
appstreamcli validate --no-net "$share/metainfo/$id.metainfo.xml"
# Software centres fetch the screenshots from the repository's main branch:
# each one the metadata names must be committed under assets/screenshots
# (make appstream-screenshots copies them from the e2e run's bin/screenshots).
for shot in $(sed -n 's|.*/assets/screenshots/\([^<]*\)</image>.*|\1|p' "$share/metainfo/$id.metainfo.xml"); do
  file "$repo/assets/screenshots/$shot" | grep -q "PNG image data, 1600 x 1000" ||
    { echo "package-linux: the metadata names screenshot $shot, which is not a 1600x1000 PNG in assets/screenshots" >&2; exit 1; }
done
cp "$repo/assets/icon.png" "$share/icons/hicolor/512x512/apps/$id.png"

# After each line that installs or removes the icon, the same for the
# metadata and the themed icon: system-wide ($(PREFIX)) and per user.
awk -v rel="$rel" -v id="$id" '
function add(kind, base) {
  mi = base "/metainfo/" id ".metainfo.xml"
  ic = base "/icons/hicolor/512x512/apps/" id ".png"
  if (kind == "install") {
    printf "\tinstall -Dm00644 %s/metainfo/%s.metainfo.xml %s\n", rel, id, mi
    printf "\tinstall -Dm00644 %s/icons/hicolor/512x512/apps/%s.png %s\n", rel, id, ic
  } else {
    printf "\t-rm %s\n\t-rm %s\n", mi, ic
  }
  added++
}
{ print }
/^\tinstall .*\$\(Icon\)/ && /\$\(DESTDIR\)\$\(PREFIX\)/ { add("install", "$(DESTDIR)$(PREFIX)/share") }
/^\t-rm .*\$\(Icon\)/ && /\$\(DESTDIR\)\$\(PREFIX\)/ { add("remove", "$(DESTDIR)$(PREFIX)/share") }
/^\tinstall .*\$\(Icon\)/ && /\$\(HOME\)/ { add("install", "$(DESTDIR)$(HOME)/.local/share") }
/^\t-rm .*\$\(Icon\)/ && /\$\(HOME\)/ { add("remove", "$(DESTDIR)$(HOME)/.local/share") }
END { if (added != 4) { print "package-linux.sh: the Makefile from fyne changed shape: " added+0 " of 4 places found" > "/dev/stderr"; exit 1 } }
' "$pkg/Makefile" > "$pkg/Makefile.new"
mv "$pkg/Makefile.new" "$pkg/Makefile"

if [ "$pkg" = "$work" ]; then inner=.; else inner=${pkg#"$work"/}; fi
tar -cJf "$tarball.new" -C "$work" "$inner"
mv "$tarball.new" "$tarball"
echo "$tarball: desktop entry and AppStream metadata valid, version $version"

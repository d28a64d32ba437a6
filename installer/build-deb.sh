#!/usr/bin/env bash
# Build the store terminals' Debian package: `make deb` -> dist/loyalty-terminal_<v>_amd64.deb
#
# The app gets its own virtual environment under /opt/loyalty-terminal/venv, made with
# Debian's own python3 (so it runs on a bare Debian 12), with every pinned dependency
# installed now: the package installs offline. Run as root (or under fakeroot).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VERSION=${VERSION:-$(/usr/bin/python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')}
ARCH=$(dpkg --print-architecture)
APP=/opt/loyalty-terminal
OUT=${OUT:-$ROOT/dist}
STAGE=$(mktemp -d /tmp/loyalty-deb.XXXXXX)
chmod 0755 "$STAGE"
trap 'rm -rf "$STAGE"' EXIT

echo "building loyalty-terminal $VERSION ($ARCH) in $STAGE"
/usr/bin/python3 -m venv "$STAGE$APP/venv"
"$STAGE$APP/venv/bin/python" -m pip install -q --no-cache-dir --upgrade pip
"$STAGE$APP/venv/bin/python" -m pip install -q --no-cache-dir "$ROOT"
# The venv must live at $APP: drop the staging prefix from every path pip wrote.
grep -rlI --null "$STAGE" "$STAGE$APP/venv" | xargs -0 -r sed -i "s|$STAGE||g"
find "$STAGE$APP/venv" -name __pycache__ -type d -prune -exec rm -rf {} +

install -d "$STAGE/usr/bin" "$STAGE/etc/loyalty-terminal" "$STAGE/lib/udev/rules.d" \
  "$STAGE/etc/modprobe.d" "$STAGE/etc/xdg/autostart" "$STAGE/usr/share/doc/loyalty-terminal" \
  "$STAGE/DEBIAN"
ln -s "$APP/venv/bin/loyalty-terminal" "$STAGE/usr/bin/loyalty-terminal"
"$STAGE$APP/venv/bin/python" -c "from terminal.config import render_default; print(render_default(packaged=True))" \
  > "$STAGE/etc/loyalty-terminal/config.toml"
install -m 0644 installer/debian/60-loyalty-terminal.rules "$STAGE/lib/udev/rules.d/"
install -m 0644 installer/debian/blacklist-pn533.conf "$STAGE/etc/modprobe.d/loyalty-terminal-pn533.conf"
install -m 0644 installer/debian/loyalty-terminal.desktop "$STAGE/etc/xdg/autostart/"
install -m 0644 README.md docs/install.md "$STAGE/usr/share/doc/loyalty-terminal/"
for f in postinst prerm postrm; do install -m 0755 "installer/debian/$f" "$STAGE/DEBIAN/"; done
echo /etc/loyalty-terminal/config.toml > "$STAGE/DEBIAN/conffiles"
SIZE=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$SIZE/" \
  installer/debian/control.in > "$STAGE/DEBIAN/control"

mkdir -p "$OUT"
DEB="$OUT/loyalty-terminal_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zgzip -z1 --build "$STAGE" "$DEB" >/dev/null
echo "$DEB"

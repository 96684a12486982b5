#!/bin/sh
# Install the desktop bundle for the current user (no root): the app folder, a menu entry, the icon,
# and the two file types, so that double-clicking a .selfreview or .selfreview-invite file opens it.
#
#     sh desktop/install.sh              # from the bundle folder (dist/selfreview/)
#     sh desktop/install.sh --uninstall  # removes the app and its menu entry; the data folder stays
#
# Where: the app in $XDG_DATA_HOME/selfreview-app (default ~/.local/share/selfreview-app), the command
# in ~/.local/bin/selfreview, the menu entry, icons and file types under $XDG_DATA_HOME. Installing a
# newer bundle over an older one replaces the app folder only: the data folder
# (~/.local/share/selfreview) is never touched here; the app migrates it at its next start, after a
# backup (docs/install.md).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
bundle=$(cd "$here/.." && pwd)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
app_dir=$data_home/selfreview-app
bin_dir=${SELFREVIEW_BIN_DIR:-$HOME/.local/bin}

refresh() {
  if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$data_home/mime" >/dev/null 2>&1 || true
  fi
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database "$data_home/applications" >/dev/null 2>&1 || true
  fi
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$app_dir"
  rm -f "$bin_dir/selfreview" "$data_home/applications/selfreview.desktop" \
        "$data_home/mime/packages/selfreview.xml" "$data_home/icons/hicolor/scalable/apps/selfreview.svg"
  for size in 16 32 48 64 128 256; do
    rm -f "$data_home/icons/hicolor/${size}x${size}/apps/selfreview.png"
  done
  refresh
  echo "selfreview removed; your data folder ($data_home/selfreview) was kept"
  exit 0
fi

[ -x "$bundle/selfreview" ] || { echo "install.sh: no selfreview executable in $bundle" >&2; exit 1; }

# the app: a fresh copy beside the old one, then swapped in (a failed copy leaves the old app working)
mkdir -p "$data_home" "$bin_dir"
rm -rf "$app_dir.new"
cp -R "$bundle" "$app_dir.new"
rm -rf "$app_dir.old"
[ -d "$app_dir" ] && mv "$app_dir" "$app_dir.old"
mv "$app_dir.new" "$app_dir"
rm -rf "$app_dir.old"
ln -sf "$app_dir/selfreview" "$bin_dir/selfreview"

mkdir -p "$data_home/applications" "$data_home/mime/packages" "$data_home/icons/hicolor/scalable/apps"
sed "s|^Exec=selfreview |Exec=\"$app_dir/selfreview\" |; s|^TryExec=selfreview$|TryExec=$app_dir/selfreview|" \
  "$here/selfreview.desktop" > "$data_home/applications/selfreview.desktop"
cp "$here/selfreview-mime.xml" "$data_home/mime/packages/selfreview.xml"
cp "$here/selfreview.svg" "$data_home/icons/hicolor/scalable/apps/selfreview.svg"
for size in 16 32 48 64 128 256; do
  mkdir -p "$data_home/icons/hicolor/${size}x${size}/apps"
  cp "$here/selfreview-$size.png" "$data_home/icons/hicolor/${size}x${size}/apps/selfreview.png"
done
refresh
echo "selfreview installed in $app_dir (menu: Office → Self-review; command: $bin_dir/selfreview)"

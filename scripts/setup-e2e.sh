#!/usr/bin/env bash
# Installs what the end-to-end suite (test/e2e/run.ts) needs, and nothing when it is already there:
#  - Debian packages: chromium (the browser Playwright drives), ripgrep (VS Code's search binary),
#    and, to build code-server's native modules, libkrb5-dev and pkg-config (plus a compiler and
#    python3 if the machine lacks them). Needs root and apt-get; otherwise it says what is
#    missing and fails.
#  - code-server (a real VS Code served to the browser) from npm into .e2e/code-server (git-ignored;
#    DECAY_LENS_E2E_CACHE moves it), the steps of ../shared/ENVIRONMENT.md: its install scripts
#    download from GitHub, which is unreachable here, so they are skipped and redone by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

CODE_SERVER_VERSION=4.100.3
cache="${DECAY_LENS_E2E_CACHE:-$PWD/.e2e}"
root="$cache/code-server"
stamp="$root/.installed-$CODE_SERVER_VERSION"
vscode="$root/node_modules/code-server/lib/vscode"
started=$SECONDS

say() { echo "setup-e2e: $*"; }
die() { echo "setup-e2e: ERROR: $*" >&2; exit 1; }

# --- Debian packages -------------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/rg ] || missing+=(ripgrep)
if [ ! -f "$stamp" ]; then # only building code-server needs these
  [ -e /usr/include/krb5.h ] || missing+=(libkrb5-dev)
  command -v pkg-config >/dev/null || missing+=(pkg-config)
  { command -v make >/dev/null && command -v g++ >/dev/null; } || missing+=(build-essential)
  command -v python3 >/dev/null || missing+=(python3)
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    die "the end-to-end tests need these Debian packages: ${missing[*]}.
  Install them as root: apt-get update && apt-get install -y ${missing[*]}
  (this script installs them itself when run as root on a machine with apt-get)."
  fi
fi

# --- code-server -------------------------------------------------------------------------------
if [ -f "$stamp" ] && [ -f "$root/node_modules/code-server/out/node/entry.js" ]; then
  say "code-server $CODE_SERVER_VERSION already in ${root#"$PWD"/} ($((SECONDS - started)) s)"
  exit 0
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" = 20 ] || say "warning: code-server $CODE_SERVER_VERSION is built for Node 20, this is Node $node_major"

say "installing code-server $CODE_SERVER_VERSION into ${root#"$PWD"/}"
rm -rf "$root"
mkdir -p "$root"
echo '{ "name": "decay-lens-e2e-code-server", "private": true }' >"$root/package.json"
npm_quiet=(--no-audit --no-fund --loglevel=error)

# Its postinstall would fetch VS Code's dependencies and ripgrep from GitHub: skip it, then
# build the one native module code-server itself needs.
(cd "$root" && npm install "code-server@$CODE_SERVER_VERSION" --ignore-scripts "${npm_quiet[@]}")
(cd "$root" && npm rebuild argon2 "${npm_quiet[@]}")

# VS Code's own dependencies, with ripgrep taken from Debian instead of its download.
(cd "$vscode" && npm install --omit=dev --ignore-scripts "${npm_quiet[@]}")
mkdir -p "$vscode/node_modules/@vscode/ripgrep/bin"
ln -sf /usr/bin/rg "$vscode/node_modules/@vscode/ripgrep/bin/rg"
(cd "$vscode" && npm_config_yes=true npm rebuild "${npm_quiet[@]}")

# What code-server's postinstall.sh does after that.
ln -sfn node_modules "$vscode/node_modules.asar"
ln -sf code-linux.sh "$vscode/bin/remote-cli/code-server"
ln -sf browser-linux.sh "$vscode/bin/helpers/browser.sh"
(cd "$vscode/extensions" && npm install --omit=dev "${npm_quiet[@]}" >/dev/null) # its postinstall lists every file it trims

# npm may skip install scripts it was not told to allow: check the native modules were built.
for module in "$root/node_modules/argon2" "$vscode/node_modules/node-pty" "$vscode/node_modules/@vscode/spdlog"; do
  find "$module" -name '*.node' -print -quit | grep -q . || die "$module has no built .node file: npm rebuild did not run its install script"
done
version=$(XDG_CONFIG_HOME="$root/.config" XDG_DATA_HOME="$root/.data" "$root/node_modules/.bin/code-server" --version 2>/dev/null | tail -n 1)
case "$version" in
  "$CODE_SERVER_VERSION "*) ;;
  *) die "code-server --version printed '$version'" ;;
esac
touch "$stamp"
say "installed $version ($((SECONDS - started)) s)"

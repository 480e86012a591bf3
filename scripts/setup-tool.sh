#!/usr/bin/env bash
# Installs a program some tests drive, and nothing when it is already there: the editors of the
# other-editor tests (test/lsp/neovim.test.ts, test/lsp/emacs.test.ts), `neovim` (Debian's nvim) or
# `emacs` (emacs-nox with the elpa-eglot LSP client), and `pre-commit` (test/cli/preCommit.test.ts).
# Needs root and apt-get; otherwise it says what is missing and exits 2, which the tests take as
# "skip".
set -euo pipefail

say() { echo "setup-tool: $*"; }

case "${1:-}" in
  neovim) command=nvim packages=(neovim) ;;
  emacs) command=emacs packages=(emacs-nox elpa-eglot) ;;
  pre-commit) command=pre-commit packages=(pre-commit) ;;
  *) echo "usage: $0 neovim|emacs|pre-commit" >&2; exit 64 ;;
esac

installed() {
  command -v "$command" >/dev/null || return 1
  # eglot comes as a Debian package of its own: emacs alone is not enough.
  [ "$1" != emacs ] || compgen -G '/usr/share/emacs/site-lisp/elpa-src/eglot-*' >/dev/null
}

# The tests run in parallel: one apt-get at a time, and the second finds the first's work.
exec 9<"${BASH_SOURCE[0]}"
flock 9
if installed "$1"; then
  say "$1 already installed"
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  say "$1 is not installed and cannot be installed here (needs root and apt-get): apt-get install -y ${packages[*]}" >&2
  exit 2
fi
say "installing Debian packages: ${packages[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null; }; then
  say "apt-get could not install ${packages[*]}" >&2
  exit 2
fi
installed "$1" || { say "installed ${packages[*]} but $1 is still missing" >&2; exit 1; }
say "installed $("$command" --version | head -n 1)"

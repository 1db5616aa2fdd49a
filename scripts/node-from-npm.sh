#!/usr/bin/env bash
# Usage: scripts/node-from-npm.sh <version or range, e.g. 22> [cache folder]
#
# Prints the home folder of a Node.js binary for this machine, installed from the npm
# registry's node-linux-<arch> packages: they hold the official release's bin/node and its
# include/node headers, so native modules (better-sqlite3) compile against the right ABI
# without reaching nodejs.org. Installs are kept per version range in the cache folder
# (default ~/.cache/mesa/node); a cached one is reused for a day before the registry is
# asked again for the newest release in the range. Needs some npm on PATH to bootstrap.
set -euo pipefail
spec=${1:?"usage: $0 <node version or range> [cache folder]"}
cache=${2:-${XDG_CACHE_HOME:-$HOME/.cache}/mesa/node}

case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "node-from-npm: no node-linux package for $(uname -m)" >&2; exit 1 ;;
esac
[ "$(uname -s)" = Linux ] || { echo "node-from-npm: Linux only" >&2; exit 1; }

package=node-linux-$arch
prefix="$cache/$package@$spec"
home="$prefix/node_modules/$package"
stamp="$prefix/.installed"

if [ ! -x "$home/bin/node" ] || [ -z "$(find "$stamp" -mmin -1440 2>/dev/null)" ]; then
  mkdir -p "$prefix"
  # A stuck registry must not hold CI for its whole time budget.
  timeout 600 npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund \
    --loglevel=error "$package@$spec" >&2
  touch "$stamp"
fi
"$home/bin/node" -e 'process.exit(0)' # the binary runs here (right libc, right arch)
echo "$home"

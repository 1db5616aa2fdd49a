#!/usr/bin/env bash
# What the tests need from the system, installed from Debian's packages if absent:
# Chromium (Playwright drives it; it never downloads its own browser), PostgreSQL
# (the backend's team deployment is tested against a real cluster), a C++ toolchain
# (better-sqlite3 compiles from source when no prebuilt binary can be fetched), Dovecot's
# IMAP server (the mail tests start their own on a free port and fill its mailbox).
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
[ -x /usr/sbin/dovecot ] || missing+=(dovecot-imapd)
command -v g++ >/dev/null || missing+=(g++)
command -v make >/dev/null || missing+=(make)
command -v python3 >/dev/null || missing+=(python3)
if [ ${#missing[@]} -eq 0 ]; then
  echo "system deps: all present"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "system deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-liberation fonts-noto-color-emoji >/dev/null

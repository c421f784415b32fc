#!/usr/bin/env bash
# Installs what Sunlight needs to build, test and run on Debian 12, as root.
# Idempotent and quick when everything is present: it asks dpkg first and only calls
# apt-get for what is missing, then npm for the packages in package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  nodejs npm
  libboost-dev libsqlite3-dev sqlite3 libpq-dev postgresql-15
  nlohmann-json3-dev libopencc-dev opencc libicu-dev libssl-dev
  libargon2-dev libsodium-dev
  libxlsxwriter-dev libminizip-dev libzip-dev libpugixml-dev libcairo2-dev libpango1.0-dev poppler-utils
  libspdlog-dev libfmt-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  chromium chromium-driver fonts-noto-cjk
  curl
)

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
# A machine may carry its own Node.js outside Debian's packages; keep it when it works.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for pkg in "${missing[@]}"; do
    [[ "$pkg" == nodejs || "$pkg" == npm ]] || filtered+=("$pkg")
  done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  if [[ $(id -u) -ne 0 ]]; then
    echo "install-deps: missing packages and not root; run as root: apt-get install ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# npm packages (region codes; DuckDB as the benchmarks' peer), at the versions of
# package-lock.json; skipped when that file has not changed since the last install.
# Not `npm ci`: npm 11 refuses a lock file whose platform-specific optional packages
# (@duckdb/node-bindings-<os>-<cpu>) for other platforms are absent, which this machine's
# npm settings produce. `npm install --no-save` installs the locked versions and writes nothing.
stamp=node_modules/.sunlight-lock
if [[ ! -f "$stamp" ]] || ! cmp -s package-lock.json "$stamp"; then
  echo "install-deps: npm install"
  npm install --no-audit --no-fund --no-save --loglevel=error
  cp package-lock.json "$stamp"
fi

# The web app (web/) has its own package.json and lock: Vue, Element Plus, ECharts, Vite,
# Vitest, playwright-core (driving Debian's /usr/bin/chromium, never a downloaded browser).
if [[ -f web/package.json ]]; then
  web_stamp=web/node_modules/.sunlight-lock
  if [[ ! -f "$web_stamp" ]] || ! cmp -s web/package-lock.json "$web_stamp"; then
    echo "install-deps: npm install (web/)"
    (cd web && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --no-save --loglevel=error)
    [[ -f web/package-lock.json ]] && cp web/package-lock.json "$web_stamp"
  fi
fi

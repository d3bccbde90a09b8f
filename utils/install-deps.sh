#!/usr/bin/env bash
# Installs what the build and the tests need and is missing; a no-op in seconds when all is there.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

debian_packages=(
  cmake ninja-build g++ pkg-config python3 python3-yaml nodejs npm git
  libclang-19-dev llvm-19-dev clang-19 llvm-19-tools
  nlohmann-json3-dev libgtest-dev libgmock-dev libre2-dev libcurl4-openssl-dev
  neovim pre-commit
)
# An IaC-only build (CLOUDPACT_ENABLE_CXX=OFF) needs no LLVM libraries: only lit and FileCheck.
if [[ "${CLOUDPACT_ENABLE_CXX:-ON}" == "OFF" ]]; then
  filtered=()
  for pkg in "${debian_packages[@]}"; do
    case "$pkg" in libclang-19-dev|llvm-19-dev|clang-19) ;; *) filtered+=("$pkg") ;; esac
  done
  debian_packages=("${filtered[@]}")
fi

missing=()
for pkg in "${debian_packages[@]}"; do
  [[ -z "$pkg" ]] && continue
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
# node/npm may come from outside Debian (e.g. nvm); do not fight over them.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for pkg in "${missing[@]}"; do [[ "$pkg" == nodejs || "$pkg" == npm ]] || filtered+=("$pkg"); done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi
if ((${#missing[@]})); then
  echo "install-deps: apt-get install ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq || true
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm packages: tree-sitter sources, and the validators the tests run.
npm_install() { # dir
  local dir=$1
  if [[ ! -d "$dir/node_modules" || "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]]; then
    echo "install-deps: npm ci in ${dir#"$root"/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
npm_install "$root/grammars"
npm_install "$root/utils"
# npm ci runs no install scripts (utils/.npmrc); the multitool's native binary needs its mode bit.
multitool="$root/utils/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [[ -f "$multitool" && ! -x "$multitool" ]]; then chmod +x "$multitool"; fi
echo "install-deps: all dependencies present"

#!/bin/sh
# Every system header that src/ and tests/ include must come from a package that the install
# script installs: a header a developer installed by hand builds on their machine and nowhere
# else. The C library, the kernel headers and the compiler's own headers are always there.
#
#   check_headers.sh INSTALL_SCRIPT DIR...    exit 0 when every header is declared, 1 otherwise
#
# A header is resolved under /usr/include (and its multiarch folder) and its package found with
# 'dpkg -S'; the package must be named, as a whole word, in INSTALL_SCRIPT.
set -u
script=$1
shift
[ -f "$script" ] || { echo "check_headers: no install script $script"; exit 2; }
command -v dpkg >/dev/null || { echo "check_headers: needs dpkg (Debian)"; exit 2; }
multiarch=$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)
# The package names the script lists: its words outside comments.
declared=$(sed 's/#.*//' "$script" | tr -s ' \t()"' '\n\n\n\n\n' | sort -u)
bad=0
checked=0
headers=$(grep -rhoE '^[[:space:]]*#[[:space:]]*include[[:space:]]*<[^>]+>' "$@" 2>/dev/null |
          sed -E 's/.*<([^>]+)>.*/\1/' | sort -u)
for h in $headers; do
  path=""
  for dir in /usr/include "/usr/include/$multiarch"; do
    if [ -f "$dir/$h" ]; then path="$dir/$h"; break; fi
  done
  [ -n "$path" ] || continue # a standard library or project header
  pkg=$(dpkg -S "$path" 2>/dev/null | head -n 1 | cut -d: -f1)
  if [ -z "$pkg" ]; then
    echo "check_headers: <$h> ($path) belongs to no Debian package: declare where it comes from"
    bad=1
    continue
  fi
  case "$pkg" in
  libc6-dev | linux-libc-dev | libstdc++* | libgcc*) continue ;;
  esac
  checked=$((checked + 1))
  if ! printf '%s\n' "$declared" | grep -qx -- "$pkg"; then
    echo "check_headers: <$h> comes from $pkg, which $script does not install"
    bad=1
  fi
done
if [ $bad -eq 0 ]; then
  echo "check_headers: $checked system headers, each from a package $script installs"
fi
exit $bad

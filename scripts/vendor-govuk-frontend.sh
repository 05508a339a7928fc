#!/bin/sh
# Vendors GOV.UK Frontend's compiled stylesheet for Polku (docs/decisions/0066-design-system.md).
# Usage: scripts/vendor-govuk-frontend.sh 6.6.0
# Takes the published npm package (its dist/ is already compiled: no Sass, no JavaScript build), then makes
# two documented changes to the copy, because Polku is not a GOV.UK service:
#   1. the @font-face rules of the GDS Transport typeface are removed (its licence allows it only on
#      GOV.UK, and Polku downloads no fonts), and every font-family naming it becomes Polku's system font stack;
#   2. nothing else: colours are CSS custom properties (--govuk-brand-colour, …) that polku.css sets.
set -eu
version="${1:?version, e.g. 6.6.0}"
here="$(cd "$(dirname "$0")/.." && pwd)"
target="$here/polku/core/static/polku/vendor/govuk-frontend-$version"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "govuk-frontend@$version" >/dev/null && tar xzf "govuk-frontend-$version.tgz")
mkdir -p "$target"
python3 - "$work/package/dist/govuk/govuk-frontend.min.css" "$target/govuk-frontend.min.css" <<'PY'
import re, sys
css = open(sys.argv[1], encoding="utf-8").read()
css = re.sub(r"@font-face\{font-family:GDS Transport;[^}]*\}", "", css)
css = css.replace("font-family:GDS Transport,arial,sans-serif", "font-family:var(--polku-font)")
css = css.replace("font-family:GDS Transport", "font-family:var(--polku-font)")
assert "GDS Transport" not in css and "/assets/fonts/" not in css
css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", css)
open(sys.argv[2], "w", encoding="utf-8").write(css)
PY
# The npm package carries no licence file; its README states MIT. The licence text is the repository's.
cp "$here/scripts/govuk-frontend-LICENCE.txt" "$target/LICENCE.txt"
printf 'govuk-frontend %s (npm), dist/govuk/govuk-frontend.min.css, changed by scripts/vendor-govuk-frontend.sh\n' "$version" > "$target/VERSION"

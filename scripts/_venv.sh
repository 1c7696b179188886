# Shared by start.sh and test.sh: make .venv (Python 3.11+) and install a requirements file.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "Co-Star Studio needs Python 3.11 or newer ($PYTHON is $("$PYTHON" --version 2>&1))." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  echo "==> creating virtualenv .venv"
  "$PYTHON" -m venv .venv
fi
VENV_PY="$REPO_ROOT/.venv/bin/python"
install_requirements() {
  echo "==> installing $1"
  "$VENV_PY" -m pip install --quiet --upgrade pip
  # torch first and pinned: on our machines it resolves to the local CPU wheel, so nothing
  # pulls the multi-gigabyte CUDA build through a looser requirement later.
  "$VENV_PY" -m pip install --quiet "torch==2.13.0" "setuptools<81"
  "$VENV_PY" -m pip install --quiet -r "$1"
  if "$VENV_PY" -c 'import core.model_files' 2>/dev/null; then
    "$VENV_PY" -m core.model_files   # model files that ship inside pip packages (no hub)
  fi
}

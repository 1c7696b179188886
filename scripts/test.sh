#!/usr/bin/env bash
# Install everything the tests need and run the whole suite. Extra arguments go to pytest.
source "$(dirname "$0")/_venv.sh"
install_requirements requirements-dev.txt
bash "$(dirname "$0")/install_test_tools.sh"  # axe-core for the accessibility scan
export GRADIO_ANALYTICS_ENABLED=False HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
"$VENV_PY" -m ruff check .
"$VENV_PY" -m ruff format --check .
set +e
"$VENV_PY" -m pytest "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: treating that as a failure." >&2
  exit 1
fi
exit "$status"

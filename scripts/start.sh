#!/usr/bin/env bash
# Quick start: install everything and run the app at http://127.0.0.1:7860 (SQLite, CPU).
source "$(dirname "$0")/_venv.sh"
install_requirements requirements.txt
export GRADIO_ANALYTICS_ENABLED="${GRADIO_ANALYTICS_ENABLED:-False}"
echo "==> starting Co-Star Studio on http://${COSTAR_HOST:-127.0.0.1}:${COSTAR_PORT:-7860}"
exec "$VENV_PY" app.py

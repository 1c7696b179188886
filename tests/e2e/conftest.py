"""End-to-end tests against the real app process."""

from tests.app_server import running_app  # noqa: F401 - fixture

"""Persistence: SQLAlchemy 2.0 models, sessions, queries and Alembic migrations.

Imports neither gradio nor torch. Query functions take a ``Session`` first and never commit;
the services in ``webapp`` own the transaction.
"""

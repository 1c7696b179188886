"""Alembic environment. The engine is handed in by db.migrate through ``config.attributes``."""

from alembic import context

from db import models  # noqa: F401  (registers the tables on Base.metadata)
from db.base import Base

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()

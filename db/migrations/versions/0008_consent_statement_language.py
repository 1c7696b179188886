"""the language of the consent statement agreed to

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 07:00:00

The consent statement exists in English, Simplified Chinese, Indonesian and Catalan, each with
its own version and hash; every consent event now names the language of the statement it refers
to. Earlier events keep NULL (their statements were English): the ledger hashes the language
only when it is present, so their hashes and the chain stay valid.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("consent_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("statement_language", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("consent_events", schema=None) as batch_op:
        batch_op.drop_column("statement_language")

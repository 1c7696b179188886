"""double voice shift: the built-in voice's shift toward a double's own voice

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-21 10:40:00

Chosen once at registration (JSON with the basis it was chosen on). Existing doubles keep NULL:
the renderer chooses their shift the same way when they are next cast.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("double_references", schema=None) as batch_op:
        batch_op.add_column(sa.Column("voice_shift", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("double_references", schema=None) as batch_op:
        batch_op.drop_column("voice_shift")

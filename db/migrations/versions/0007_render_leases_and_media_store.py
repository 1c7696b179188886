"""render leases and an external media store

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-02 18:00:00

Distributed rendering (COSTAR_QUEUE=celery): the worker rendering a clip holds a lease (owner,
expiry) on its row; ``published_at`` says a "render clip N" message reached the broker, so the
reaper can re-send the ones that never did. Media bytes may live in an S3-compatible store:
``media_blobs.data`` is then NULL and the row keeps the key, type and size.
"""

import sqlalchemy as sa
from alembic import op

import db.base

revision = "0007"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("clips", schema=None) as batch_op:
        batch_op.add_column(sa.Column("lease_owner", sa.String(length=200), nullable=True))
        batch_op.add_column(
            sa.Column("lease_expires_at", db.base.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(
            sa.Column("published_at", db.base.UTCDateTime(timezone=True), nullable=True)
        )
    with op.batch_alter_table("media_blobs", schema=None) as batch_op:
        batch_op.alter_column("data", existing_type=sa.LargeBinary(), nullable=True)


def downgrade() -> None:
    with op.batch_alter_table("media_blobs", schema=None) as batch_op:
        batch_op.alter_column("data", existing_type=sa.LargeBinary(), nullable=False)
    with op.batch_alter_table("clips", schema=None) as batch_op:
        batch_op.drop_column("published_at")
        batch_op.drop_column("lease_expires_at")
        batch_op.drop_column("lease_owner")

"""clips and appearances

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 05:47:42.731788
"""

import sqlalchemy as sa
from alembic import op

import db.base

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('clips',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('public_id', sa.String(length=16), nullable=False),
    sa.Column('creator_user_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('script_json', sa.Text(), nullable=False),
    sa.Column('cast_json', sa.Text(), nullable=False),
    sa.Column('template_id', sa.String(length=64), nullable=True),
    sa.Column('seed', sa.Integer(), nullable=False),
    sa.Column('backend', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('progress', sa.Double(), nullable=False),
    sa.Column('status_message', sa.String(length=500), nullable=False),
    sa.Column('visibility', sa.String(length=16), nullable=False),
    sa.Column('video_sha', sa.String(length=64), nullable=True),
    sa.Column('duration', sa.Double(), nullable=True),
    sa.Column('metrics_json', sa.Text(), nullable=False),
    sa.Column('created_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('finished_at', db.base.UTCDateTime(timezone=True), nullable=True),
    sa.CheckConstraint("status IN ('queued', 'running', 'done', 'failed', 'cancelled')", name=op.f('ck_clips_status_known')),
    sa.CheckConstraint("visibility IN ('only_me', 'friends', 'everyone')", name=op.f('ck_clips_visibility_known')),
    sa.ForeignKeyConstraint(['creator_user_id'], ['users.id'], name=op.f('fk_clips_creator_user_id_users')),
    sa.ForeignKeyConstraint(['video_sha'], ['media_blobs.sha256'], name=op.f('fk_clips_video_sha_media_blobs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clips')),
    sa.UniqueConstraint('public_id', name=op.f('uq_clips_public_id'))
    )
    with op.batch_alter_table('clips', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clips_creator_user_id'), ['creator_user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_clips_status'), ['status'], unique=False)

    op.create_table('appearances',
    sa.Column('clip_id', sa.Integer(), nullable=False),
    sa.Column('double_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=24), nullable=False),
    sa.ForeignKeyConstraint(['clip_id'], ['clips.id'], name=op.f('fk_appearances_clip_id_clips'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['double_id'], ['doubles.id'], name=op.f('fk_appearances_double_id_doubles')),
    sa.PrimaryKeyConstraint('clip_id', 'double_id', name=op.f('pk_appearances'))
    )
    with op.batch_alter_table('appearances', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appearances_double_id'), ['double_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('appearances', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appearances_double_id'))

    op.drop_table('appearances')
    with op.batch_alter_table('clips', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_clips_status'))
        batch_op.drop_index(batch_op.f('ix_clips_creator_user_id'))

    op.drop_table('clips')

"""social: friendships, blocks, grants, reports, clip jobs

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21 07:49:21.988764
"""

import sqlalchemy as sa
from alembic import op

import db.base

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing clips get defaults for the new NOT NULL columns (server defaults).
    op.create_table('blocks',
    sa.Column('blocker_user_id', sa.Integer(), nullable=False),
    sa.Column('blocked_user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['blocked_user_id'], ['users.id'], name=op.f('fk_blocks_blocked_user_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['blocker_user_id'], ['users.id'], name=op.f('fk_blocks_blocker_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('blocker_user_id', 'blocked_user_id', name=op.f('pk_blocks'))
    )
    with op.batch_alter_table('blocks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_blocks_blocked_user_id'), ['blocked_user_id'], unique=False)

    op.create_table('friendships',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_low_id', sa.Integer(), nullable=False),
    sa.Column('user_high_id', sa.Integer(), nullable=False),
    sa.Column('requester_user_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('accepted_at', db.base.UTCDateTime(timezone=True), nullable=True),
    sa.CheckConstraint("status IN ('pending', 'accepted')", name=op.f('ck_friendships_status_known')),
    sa.CheckConstraint('user_low_id < user_high_id', name=op.f('ck_friendships_pair_ordered')),
    sa.ForeignKeyConstraint(['requester_user_id'], ['users.id'], name=op.f('fk_friendships_requester_user_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_high_id'], ['users.id'], name=op.f('fk_friendships_user_high_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_low_id'], ['users.id'], name=op.f('fk_friendships_user_low_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_friendships')),
    sa.UniqueConstraint('user_low_id', 'user_high_id', name=op.f('uq_friendships_user_low_id'))
    )
    with op.batch_alter_table('friendships', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_friendships_user_high_id'), ['user_high_id'], unique=False)

    op.create_table('clip_reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('clip_id', sa.Integer(), nullable=False),
    sa.Column('reporter_user_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('created_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['clip_id'], ['clips.id'], name=op.f('fk_clip_reports_clip_id_clips'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reporter_user_id'], ['users.id'], name=op.f('fk_clip_reports_reporter_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clip_reports'))
    )
    with op.batch_alter_table('clip_reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clip_reports_clip_id'), ['clip_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_clip_reports_reporter_user_id'), ['reporter_user_id'], unique=False)

    op.create_table('double_grants',
    sa.Column('double_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('approved', 'revoked')", name=op.f('ck_double_grants_status_known')),
    sa.ForeignKeyConstraint(['double_id'], ['doubles.id'], name=op.f('fk_double_grants_double_id_doubles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_double_grants_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('double_id', 'user_id', name=op.f('pk_double_grants'))
    )
    with op.batch_alter_table('double_grants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_double_grants_user_id'), ['user_id'], unique=False)

    with op.batch_alter_table('clips', schema=None) as batch_op:
        batch_op.add_column(sa.Column('started_at', db.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('attempts', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('width', sa.Integer(), nullable=False, server_default='832'))
        batch_op.add_column(sa.Column('height', sa.Integer(), nullable=False, server_default='480'))
        batch_op.add_column(sa.Column('cancel_requested', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('source_clip_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('provenance_json', sa.Text(), nullable=False, server_default='{}'))
        batch_op.add_column(sa.Column('removed_at', db.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('removed_by_user_id', sa.Integer(), nullable=True))
        batch_op.create_index('ix_clips_creator_created', ['creator_user_id', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_clips_source_clip_id'), ['source_clip_id'], unique=False)
        batch_op.create_index('ix_clips_visibility_status_created', ['visibility', 'status', 'created_at'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_clips_removed_by_user_id_users'), 'users', ['removed_by_user_id'], ['id'], ondelete='SET NULL')
        batch_op.create_foreign_key(batch_op.f('fk_clips_source_clip_id_clips'), 'clips', ['source_clip_id'], ['id'], ondelete='SET NULL')

    # ### end Alembic commands ###


def downgrade() -> None:
    # ### commands auto generated by Alembic - please adjust! ###
    with op.batch_alter_table('clips', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_clips_source_clip_id_clips'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_clips_removed_by_user_id_users'), type_='foreignkey')
        batch_op.drop_index('ix_clips_visibility_status_created')
        batch_op.drop_index(batch_op.f('ix_clips_source_clip_id'))
        batch_op.drop_index('ix_clips_creator_created')
        batch_op.drop_column('removed_by_user_id')
        batch_op.drop_column('removed_at')
        batch_op.drop_column('provenance_json')
        batch_op.drop_column('source_clip_id')
        batch_op.drop_column('cancel_requested')
        batch_op.drop_column('attempts')
        batch_op.drop_column('width')
        batch_op.drop_column('height')
        batch_op.drop_column('started_at')

    with op.batch_alter_table('double_grants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_double_grants_user_id'))

    op.drop_table('double_grants')
    with op.batch_alter_table('clip_reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_clip_reports_reporter_user_id'))
        batch_op.drop_index(batch_op.f('ix_clip_reports_clip_id'))

    op.drop_table('clip_reports')
    with op.batch_alter_table('friendships', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_friendships_user_high_id'))

    op.drop_table('friendships')
    with op.batch_alter_table('blocks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_blocks_blocked_user_id'))

    op.drop_table('blocks')
    # ### end Alembic commands ###

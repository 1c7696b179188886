"""doubles, references, consent ledger, challenges

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 05:24:59.741767
"""

import sqlalchemy as sa
from alembic import op

import db.base

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('consent_challenges',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('code_length', sa.Integer(), nullable=False),
    sa.Column('created_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('used_at', db.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_consent_challenges_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consent_challenges'))
    )
    with op.batch_alter_table('consent_challenges', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consent_challenges_user_id'), ['user_id'], unique=False)

    op.create_table('doubles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('public_id', sa.String(length=16), nullable=False),
    sa.Column('owner_user_id', sa.Integer(), nullable=False),
    sa.Column('handle', sa.String(length=24), nullable=False),
    sa.Column('display_name', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('visibility', sa.String(length=16), nullable=False),
    sa.Column('restrictions', sa.String(length=500), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('has_voice', sa.Boolean(), nullable=False),
    sa.Column('created_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', db.base.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('person', 'pet', 'object', 'character')", name=op.f('ck_doubles_kind_known')),
    sa.CheckConstraint("status IN ('active', 'revoked', 'deleted')", name=op.f('ck_doubles_status_known')),
    sa.CheckConstraint("visibility IN ('only_me', 'approved', 'friends', 'everyone')", name=op.f('ck_doubles_visibility_known')),
    sa.ForeignKeyConstraint(['owner_user_id'], ['users.id'], name=op.f('fk_doubles_owner_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_doubles')),
    sa.UniqueConstraint('handle', name=op.f('uq_doubles_handle')),
    sa.UniqueConstraint('public_id', name=op.f('uq_doubles_public_id'))
    )
    with op.batch_alter_table('doubles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_doubles_owner_user_id'), ['owner_user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_doubles_status'), ['status'], unique=False)

    op.create_table('consent_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('double_id', sa.Integer(), nullable=False),
    sa.Column('double_public_id', sa.String(length=16), nullable=False),
    sa.Column('actor_user_id', sa.Integer(), nullable=False),
    sa.Column('event_type', sa.String(length=24), nullable=False),
    sa.Column('statement_version', sa.String(length=16), nullable=False),
    sa.Column('statement_sha256', sa.String(length=64), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('scores', sa.Text(), nullable=False),
    sa.Column('created_at_text', sa.String(length=40), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('event_hash', sa.String(length=64), nullable=False),
    sa.CheckConstraint("event_type IN ('given', 'challenge_passed', 'settings_changed', 'revoked', 'deleted')", name=op.f('ck_consent_events_event_type_known')),
    sa.ForeignKeyConstraint(['actor_user_id'], ['users.id'], name=op.f('fk_consent_events_actor_user_id_users')),
    sa.ForeignKeyConstraint(['double_id'], ['doubles.id'], name=op.f('fk_consent_events_double_id_doubles')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consent_events')),
    sa.UniqueConstraint('event_hash', name=op.f('uq_consent_events_event_hash')),
    sa.UniqueConstraint('prev_hash', name=op.f('uq_consent_events_prev_hash'))
    )
    with op.batch_alter_table('consent_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consent_events_actor_user_id'), ['actor_user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_consent_events_double_id'), ['double_id'], unique=False)

    op.create_table('double_references',
    sa.Column('double_id', sa.Integer(), nullable=False),
    sa.Column('source_video_sha', sa.String(length=64), nullable=True),
    sa.Column('portrait_sha', sa.String(length=64), nullable=False),
    sa.Column('preview_sha', sa.String(length=64), nullable=False),
    sa.Column('sprite_sha', sa.String(length=64), nullable=True),
    sa.Column('voice_sha', sa.String(length=64), nullable=True),
    sa.Column('photo_shas', sa.Text(), nullable=False),
    sa.Column('face_model', sa.String(length=64), nullable=True),
    sa.Column('face_embedding', sa.LargeBinary(), nullable=True),
    sa.Column('voice_model', sa.String(length=64), nullable=True),
    sa.Column('voice_embedding', sa.LargeBinary(), nullable=True),
    sa.Column('quality_report', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['double_id'], ['doubles.id'], name=op.f('fk_double_references_double_id_doubles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['portrait_sha'], ['media_blobs.sha256'], name=op.f('fk_double_references_portrait_sha_media_blobs')),
    sa.ForeignKeyConstraint(['preview_sha'], ['media_blobs.sha256'], name=op.f('fk_double_references_preview_sha_media_blobs')),
    sa.ForeignKeyConstraint(['source_video_sha'], ['media_blobs.sha256'], name=op.f('fk_double_references_source_video_sha_media_blobs')),
    sa.ForeignKeyConstraint(['sprite_sha'], ['media_blobs.sha256'], name=op.f('fk_double_references_sprite_sha_media_blobs')),
    sa.ForeignKeyConstraint(['voice_sha'], ['media_blobs.sha256'], name=op.f('fk_double_references_voice_sha_media_blobs')),
    sa.PrimaryKeyConstraint('double_id', name=op.f('pk_double_references'))
    )


def downgrade() -> None:
    op.drop_table('double_references')
    with op.batch_alter_table('consent_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consent_events_double_id'))
        batch_op.drop_index(batch_op.f('ix_consent_events_actor_user_id'))

    op.drop_table('consent_events')
    with op.batch_alter_table('doubles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_doubles_status'))
        batch_op.drop_index(batch_op.f('ix_doubles_owner_user_id'))

    op.drop_table('doubles')
    with op.batch_alter_table('consent_challenges', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consent_challenges_user_id'))

    op.drop_table('consent_challenges')

"""results travel up, decisions come back: the committee's call, the results it imported, its
decisions; the call a cell opened

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-07 00:05:00.000000

Four new tables; nothing existing changes. (Issue 15, file half. The lead rechains
``down_revision`` onto the newest revision on main at merge: 0007 once issues 13-15 land.)
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('results_invitation',
    sa.Column('uid', sa.String(length=64), nullable=False),
    sa.Column('profile_id', sa.Integer(), nullable=True),
    sa.Column('committee_name', sa.String(length=300), nullable=False),
    sa.Column('superior_body', sa.String(length=300), nullable=False),
    sa.Column('secretary_name', sa.String(length=200), nullable=False),
    sa.Column('period', sa.String(length=40), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('sign_key', sa.String(length=128), nullable=False),
    sa.Column('enc_key', sa.String(length=128), nullable=False),
    sa.Column('fingerprint', sa.String(length=32), nullable=False),
    sa.Column('organisations', sa.JSON(), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['profile_id'], ['profile.id'], name=op.f('fk_results_invitation_profile_id_profile'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_results_invitation'))
    )
    op.create_index(op.f('ix_results_invitation_period'), 'results_invitation', ['period'], unique=False)
    op.create_table('results_call',
    sa.Column('uid', sa.String(length=64), nullable=False),
    sa.Column('period', sa.String(length=40), nullable=False),
    sa.Column('committee_name', sa.String(length=300), nullable=False),
    sa.Column('superior_body', sa.String(length=300), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('organisations', sa.JSON(), nullable=False),
    sa.Column('quota_percent', sa.Integer(), server_default='20', nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_results_call'))
    )
    op.create_index(op.f('ix_results_call_period'), 'results_call', ['period'], unique=False)
    op.create_table('org_result',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('org_uid', sa.String(length=64), nullable=False),
    sa.Column('call_uid', sa.String(length=64), nullable=False),
    sa.Column('period', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('superior_body', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('secretary_name', sa.String(length=200), nullable=False),
    sa.Column('sign_key', sa.String(length=128), nullable=False),
    sa.Column('enc_key', sa.String(length=128), nullable=False),
    sa.Column('fingerprint', sa.String(length=32), nullable=False),
    sa.Column('members', sa.Integer(), nullable=False),
    sa.Column('report', sa.JSON(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('written_at', sa.DateTime(), nullable=True),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('decisions_sent_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_org_result')),
    sa.UniqueConstraint('org_uid', 'period', name=op.f('uq_org_result_org_uid'))
    )
    op.create_index(op.f('ix_org_result_period'), 'org_result', ['period'], unique=False)
    op.create_table('org_decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('result_id', sa.Integer(), nullable=False),
    sa.Column('unit_uid', sa.String(length=64), nullable=False),
    sa.Column('ref', sa.String(length=64), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('rating', sa.String(length=16), nullable=True),
    sa.Column('decided_by', sa.String(length=200), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['result_id'], ['org_result.id'], name=op.f('fk_org_decision_result_id_org_result'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_org_decision')),
    sa.UniqueConstraint('result_id', 'unit_uid', 'ref', name=op.f('uq_org_decision_result_id'))
    )
    op.create_index(op.f('ix_org_decision_result_id'), 'org_decision', ['result_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_org_decision_result_id'), table_name='org_decision')
    op.drop_table('org_decision')
    op.drop_index(op.f('ix_org_result_period'), table_name='org_result')
    op.drop_table('org_result')
    op.drop_index(op.f('ix_results_call_period'), table_name='results_call')
    op.drop_table('results_call')
    op.drop_index(op.f('ix_results_invitation_period'), table_name='results_invitation')
    op.drop_table('results_invitation')

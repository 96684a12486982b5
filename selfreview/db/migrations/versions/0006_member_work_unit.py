"""the member's work unit, as the member's file carries it (issue 14: every member field travels)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 00:10:00.000000

Two columns on ``member``: ``work_unit``, empty for the rows already there (importing a member's
file again fills it), and ``key_confirmed`` (true for keys pinned before this migration).
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


# Plain ALTER TABLE ADD / DROP COLUMN, not a batch "move and copy" (see 0004).
def upgrade() -> None:
    op.add_column('member', sa.Column('work_unit', sa.String(length=300), nullable=False, server_default=''))
    # a key pinned from a member's first file is held "unconfirmed" until the secretary confirms
    # its fingerprint; keys pinned before this migration count as confirmed (they were accepted then)
    op.add_column('member', sa.Column('key_confirmed', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.execute("UPDATE member SET key_confirmed = 1 WHERE sign_public_key IS NOT NULL")


def downgrade() -> None:
    op.drop_column('member', 'key_confirmed')
    op.drop_column('member', 'work_unit')

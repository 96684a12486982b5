"""the member's work unit, as the member's file carries it (issue 14: every member field travels)

Revision ID: 0006
Revises: 0004 (0005 when the lead's migration is on main: see the issue-14 report)
Create Date: 2026-12-07 00:10:00.000000

One column on ``member``, empty for the rows already there (the files they came from are not kept;
importing a member's file again fills it).
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0004'
branch_labels = None
depends_on = None


# Plain ALTER TABLE ADD / DROP COLUMN, not a batch "move and copy" (see 0004).
def upgrade() -> None:
    op.add_column('member', sa.Column('work_unit', sa.String(length=300), nullable=False, server_default=''))


def downgrade() -> None:
    op.drop_column('member', 'work_unit')

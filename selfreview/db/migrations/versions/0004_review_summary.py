"""a small summary on each review for the roll-up: self-proposed rating, responsibility self-check

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 19:30:00.000000

Three nullable columns on ``review`` (see selfreview/forms/summary.py), then filled for
every finalized review from its answers. A review the fill cannot summarise (a draft, or one whose
template is missing) keeps NULL, and the reports read its answers as before.
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


# Plain ALTER TABLE ADD / DROP COLUMN (SQLite 3.35+), not a batch "move and copy": rebuilding
# ``review`` would delete every answer through the ON DELETE CASCADE of answer.review_id while
# foreign keys are on.
def upgrade() -> None:
    op.add_column('review', sa.Column('self_rating', sa.String(length=16), nullable=True))
    op.add_column('review', sa.Column('self_check', sa.JSON(none_as_null=True), nullable=True))
    op.add_column('review', sa.Column('summary_version', sa.Integer(), nullable=True))

    from selfreview.db.summary_fill import fill_missing
    fill_missing(op.get_bind())


def downgrade() -> None:
    op.drop_column('review', 'summary_version')
    op.drop_column('review', 'self_check')
    op.drop_column('review', 'self_rating')

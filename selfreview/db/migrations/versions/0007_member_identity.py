"""a member is unique by cell and signing key

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-07 00:10:00.000000

Two imports of the same files at the same time (two command-line runs, two PCs on one PostgreSQL
server) each added every member: nothing in the schema made a roster entry unique. The copies
already there are merged first (db/member_dedupe.py: the first entry kept, the copies' reviews,
assessments and meeting rows moved to it, a review imported twice kept once), then a unique index
on (cell_id, sign_public_key) makes the database refuse a second copy. Entries without a key are
not concerned (NULLs are distinct in a unique index on SQLite and PostgreSQL alike).
"""
from alembic import op


revision = '0007'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    from selfreview.db.member_dedupe import merge_duplicates
    merge_duplicates(op.get_bind())
    op.create_index("uq_member_cell_key", "member", ["cell_id", "sign_public_key"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_member_cell_key", table_name="member")

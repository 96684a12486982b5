"""a member is unique by cell and signing key; the audit log names the database login

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 00:10:00.000000

Two imports of the same files at the same time (two command-line runs, two PCs on one PostgreSQL
server) each added every member: nothing in the schema made a roster entry unique. The copies
already there are merged first (db/member_dedupe.py: the first entry kept, the copies' reviews,
assessments and meeting rows moved to it, a review imported twice kept once), then a unique index
on (cell_id, sign_public_key) makes the database refuse a second copy. Entries without a key are
not concerned (NULLs are distinct in a unique index on SQLite and PostgreSQL alike).

``audit_log.db_user``: the database login that wrote each entry. On PostgreSQL the server fills it
(``DEFAULT session_user``), so an office's audit log names the staff member's own login whatever a
PC's profile says; on SQLite it stays NULL (one person's file).
"""
import sqlalchemy as sa
from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    from selfreview.db.member_dedupe import merge_duplicates
    merge_duplicates(op.get_bind())
    op.create_index("uq_member_cell_key", "member", ["cell_id", "sign_public_key"], unique=True)
    postgres = op.get_bind().dialect.name == "postgresql"
    op.add_column("audit_log", sa.Column("db_user", sa.String(length=128), nullable=True,
                                         server_default=sa.text("session_user") if postgres else None))


def downgrade() -> None:
    op.drop_column("audit_log", "db_user")
    op.drop_index("uq_member_cell_key", table_name="member")

"""one current review per member and round, per profile and period, per collective and round

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 23:55:00.000000

Partial unique indexes (SQLite 3.8+ and PostgreSQL both have them) make the database itself refuse
a second current revision, whatever a check-then-write in the code missed under concurrency. Rows
that already break the rule (only possible through the races the indexes now prevent) are repaired
first: the newest revision (highest id) of each group stays current, the others become history.
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

# (index name, key columns, the rows the rule is about); the same texts as in db/models.py
RULES = (
    ("uq_review_current_member", ("member_id", "round_id"),
     "is_current AND member_id IS NOT NULL AND round_id IS NOT NULL"),
    ("uq_review_current_profile", ("profile_id", "period"),
     "is_current AND profile_id IS NOT NULL"),
    ("uq_review_current_collective", ("round_id",),
     "is_current AND is_collective"),
)


def upgrade() -> None:
    conn = op.get_bind()
    for name, columns, where in RULES:
        keys = ", ".join(columns)
        # every current row that is not the newest of its group stops being current
        conn.execute(sa.text(
            f"UPDATE review SET is_current = :false WHERE {where} "
            f"AND id NOT IN (SELECT MAX(id) FROM review WHERE {where} GROUP BY {keys})"
        ).bindparams(false=False))
        op.create_index(name, "review", list(columns), unique=True,
                        sqlite_where=sa.text(where), postgresql_where=sa.text(where))


def downgrade() -> None:
    for name, _columns, _where in RULES:
        op.drop_index(name, table_name="review")

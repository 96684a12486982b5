"""The committee's page: results of the organisations, drill-down, decisions (docs/committee.md)."""

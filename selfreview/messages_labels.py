"""Names of the codes the command line shows in its tables (a backup's kind, a form's category, a
result's status), kept apart from messages.py; ``messages.CATALOGUE`` takes them in as
``label.<group>.<code>``. The JSON output keeps the codes. (vi, en)."""

from __future__ import annotations

CATALOGUE_LABELS: dict[str, tuple[str, str]] = {
    "label.backup_kind.daily": ("hằng ngày", "daily"),
    "label.backup_kind.pre-migration": ("trước khi nâng cấp", "before an upgrade"),
    "label.backup_kind.pre-restore": ("trước khi khôi phục", "before a restore"),
    "label.backup_kind.other": ("khác", "other"),
    "label.category.leader": ("lãnh đạo, quản lý", "leadership post"),
    "label.category.non_leader": ("không lãnh đạo, quản lý", "no leadership post"),
    "label.category.outside_system": ("ngoài hệ thống chính trị", "outside the political system"),
    "label.category.collective": ("tập thể", "collective"),
    "label.category.any": ("mọi đối tượng", "anyone"),
    "label.result_status.received": ("đã nhận", "received"),
    "label.result_status.decided": ("đã quyết định", "decided"),
    "label.result_status.decisions_sent": ("đã gửi quyết định", "decisions sent"),
    "label.member_status.rated": ("đã xếp loại", "rated"),
    "label.member_status.not_rated": ("chưa xếp loại", "not rated"),
}

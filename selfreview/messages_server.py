"""What ``doctor`` says about a database server (services/server_check.py), kept apart from
messages.py so that file stays easy to merge; ``messages.CATALOGUE`` takes them in. (vi, en)."""

from __future__ import annotations

CATALOGUE_SERVER: dict[str, tuple[str, str]] = {
    "server.check.connection": ("kết nối", "connection"),
    "server.check.schema": ("cấu trúc dữ liệu", "schema"),
    "server.check.constraints": ("ràng buộc", "constraints"),
    "server.check.consistency": ("tính nhất quán", "consistency"),
    "server.connection": ("{server}, người dùng {user}, cơ sở dữ liệu {database}",
                          "{server}, user {user}, database {database}"),
    "server.no_schema": ("chưa có cấu trúc dữ liệu: cơ sở dữ liệu trống (ứng dụng sẽ tạo khi chạy lần đầu)",
                         "no schema: an empty database (the app makes it on its first start)"),
    "server.schema_current": ("phiên bản {revision}, đúng của ứng dụng này", "revision {revision}, this app's"),
    "server.schema_older": ("phiên bản {revision}; ứng dụng này sẽ nâng lên {head} ở lần chạy tới",
                            "revision {revision}; this app migrates it to {head} on its next start"),
    "server.schema_newer": ("phiên bản {revision} mới hơn của ứng dụng này ({head}): hãy cập nhật ứng dụng",
                            "revision {revision} is newer than this app's {head}: update the app"),
    "server.indexes_missing": ("thiếu chỉ mục duy nhất: {names}", "missing unique indexes: {names}"),
    "server.indexes_present": ("có đủ chỉ mục duy nhất: {names}", "unique indexes present: {names}"),
    "server.inconsistent": ("{twice} đảng viên bị nhập hai lần, {current} đảng viên có hai bản kiểm điểm hiện hành "
                            "trong một đợt",
                            "{twice} members entered twice, {current} members with two current reviews in a round"),
    "server.consistent": ("không đảng viên nào bị nhập hai lần, mỗi đảng viên một bản hiện hành trong mỗi đợt",
                          "no member twice, one current review per member and round"),
    "server.counts": ("số lượng", "counts"),
    "server.count.cell": ("chi bộ", "cell"),
    "server.count.member": ("đảng viên", "member"),
    "server.count.review": ("bản kiểm điểm", "review"),
    "server.count.import_receipt": ("biên nhận nhập tệp", "import_receipt"),
    "server.count.profile": ("hồ sơ", "profile"),
}

"""Names in Vietnamese order, given name first: the sorting tests of the core (tests/unit/test_find_names.py)
and of the screens (tests/gui/test_find_people.py)."""

# the names the issue saw out of order: Nguyễn/Ngô, Trần/Tô/Tạ, Ông, Đặng, Đỗ
VIETNAMESE_ORDER = ["Ngô Văn An", "Nguyễn Văn An", "Tạ Thị Bình", "Tô Thị Bình", "Trần Thị Bình",
                    "Dương Văn Cường", "Đặng Văn Cường", "Đỗ Văn Cường", "Ông Văn Cường", "Vũ Văn Dũng",
                    "Phạm Minh Đức"]

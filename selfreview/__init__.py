"""selfreview: the annual self-review (bản kiểm điểm cá nhân), offline."""

__version__ = "0.1.0"

"""The operations the desktop app and the command line share: one AppContext, one service per task."""

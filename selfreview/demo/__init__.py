"""Synthetic data for trying the app and for benchmarks: a secretary, cells with a round each, and
finalized, encrypted response files from invented members (``selfreview demo``)."""

"""The frozen app's entry point (PyInstaller runs this file; see packaging/selfreview.spec).

``freeze_support()`` first: a large import checks files in worker processes started with
``forkserver`` or ``spawn`` (services/importing/workers.py), and in a frozen app those workers are
this same executable, started with multiprocessing's own arguments; without it each would start the
command line (or the desktop app) again.
"""

import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from selfreview.cli import main

    raise SystemExit(main())

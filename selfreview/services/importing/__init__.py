"""Importing response files (the secretary's side): every file is checked on its own and gets a
receipt; a rejected file changes nothing but the receipt that says why.

One file's way through an import, a module per step, each calling the next by its public names:

1. **list** (:mod:`.files`): the files named, and every ``*.selfreview`` under the folders named,
   in order;
2. **check** (:mod:`.checks`): read, hash, decrypt, verify, parse, coerce the answers: what needs no
   database; run in worker processes for a large import (:mod:`.workers`, whose forkserver loads
   :mod:`.preload` once);
3. **decide** (:mod:`.decide`): the file against the database as the import sees it (the rounds,
   rosters and current reviews of :mod:`.rounds`): its round, form, member and outcome, or its
   refusal; nothing written;
4. **write** (:mod:`.write`): the rows of up to a batch of decided files in one transaction (or one
   file in its own);
5. **receipt** (:mod:`.receipts`): what happened to each file, stored with the rows, handed to the
   caller as it comes and counted.

:mod:`.importer` runs the steps (``Importer``: batches, turns on a shared writer, cancel, the
fallback to one file per transaction). Results and decision files take another way
(``services/committee/level_import.py``) to the same receipts.

This ``__init__`` imports nothing: the worker processes import :mod:`.checks` without the database
layer the importer needs, so callers import each module by its name.
"""

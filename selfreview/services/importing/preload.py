"""What the import's forkserver loads once, so that every worker forked from it starts ready:
the file checks and the bundled forms (:mod:`.workers`). Importing this module loads the forms;
nothing else imports it."""

from selfreview.forms import registry
from selfreview.services.importing.workers import CheckPool

registry.bundled()

__all__ = ["CheckPool"]

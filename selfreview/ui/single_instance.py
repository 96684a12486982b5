"""One window per data directory: the first app listens on a local socket (a named pipe on Windows),
a second start asks it to come forward (and to open the file it was given: a double-clicked
invitation or member's file) and then exits.

The instance lock (``services/instance.py``, an OS file lock) decides who is first; this module only
carries the "come forward" message. The server name is derived from the data directory's resolved
path and the user, so two users, or two data directories, never meet. The socket is owner-only
(``UserAccessOption``: file permissions on POSIX, the pipe's access list on Windows). A message can
raise the window, and name a file for it to open the way the person's own "Open…" would: an
invitation is shown for the person to accept, a member's file goes through the checked import
(signature, key, round) with its receipt; nothing is accepted or written without those checks.

    activate\n            → ok\n   bring the window forward
    open <utf-8 path>\n   → ok\n   bring it forward and open that file (an absolute path)

    server = InstanceServer(data_dir)           # the first instance, holding the lock (from its first paint on)
    server.activate_requested.connect(...)      # bring the window forward
    reached = ask_to_activate(data_dir)         # a second start: True when the first answered
"""

from __future__ import annotations

import getpass
import hashlib
import os
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

REQUEST = b"activate\n"
OPEN = b"open "
REPLY = b"ok\n"
MAX_LINE = 64 * 1024  # a path, with room to spare


def server_name(data_dir: Path | str) -> str:
    """``selfreview-<16 hex>``: from the resolved data directory and the user name."""
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in the environment: the uid still separates users
        user = ""
    uid = str(os.getuid()) if hasattr(os, "getuid") else ""
    key = f"{Path(data_dir).resolve()}\0{user}\0{uid}".encode("utf-8", "surrogatepass")
    return "selfreview-" + hashlib.sha256(key).hexdigest()[:16]


class InstanceServer(QObject):
    """Listens for "come forward" from later starts on the same data directory."""

    activate_requested = Signal()
    open_requested = Signal(str)  # an absolute path a later start was given (after activate_requested)

    def __init__(self, data_dir: Path | str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_dir)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._connection)
        # We hold the instance lock, so a socket file with this name is a leftover of a crash.
        QLocalServer.removeServer(self.name)
        self.listening = self.server.listen(self.name)
        self.error = "" if self.listening else self.server.errorString()

    def _connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > MAX_LINE:
                socket.abort()
            return
        line = bytes(socket.readLine(MAX_LINE + 1).data())
        path = None
        if line.startswith(OPEN) and line.endswith(b"\n"):
            try:
                path = line[len(OPEN):-1].decode("utf-8")
            except UnicodeDecodeError:
                path = None
            if not path or not Path(path).is_absolute():
                path = None
        if line == REQUEST or path is not None:
            socket.write(REPLY)
            socket.flush()
            self.activate_requested.emit()
            if path is not None:
                self.open_requested.emit(path)
        socket.disconnectFromServer()

    def close(self) -> None:
        self.server.close()


def ask_to_activate(data_dir: Path | str, timeout_ms: int = 3000, starting_ms: int = 2000,
                    open_path: str | None = None) -> bool:
    """Ask the first instance to bring its window forward (and to open ``open_path``, made absolute
    here: the first app has its own working folder); True when it answered.

    The first app takes the folder's lock before its window and starts listening only once the
    window is painted (ui/app.py), so while nobody listens yet this tries again for ``starting_ms``."""
    name = server_name(data_dir)
    deadline = time.monotonic() + starting_ms / 1000
    not_yet = (QLocalSocket.LocalSocketError.ServerNotFoundError, QLocalSocket.LocalSocketError.ConnectionRefusedError)
    while True:
        socket = QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(timeout_ms):
            break
        if socket.error() not in not_yet or time.monotonic() >= deadline:
            return False
        time.sleep(0.05)
    if open_path is None:
        socket.write(REQUEST)
    else:
        socket.write(OPEN + str(Path(open_path).absolute()).replace("\n", "").encode("utf-8") + b"\n")
    if not socket.waitForBytesWritten(timeout_ms):
        return False
    reply = b""
    while not reply.endswith(b"\n") and socket.waitForReadyRead(timeout_ms):
        reply += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return reply == REPLY


def bring_to_front(window: QWidget) -> None:
    """Show, un-minimize, raise and activate a top-level window."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()

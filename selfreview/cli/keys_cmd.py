"""``selfreview keys status|protect|backup|restore|renew --profile ID``: a profile's private keys.

    selfreview keys status [--profile 1]                 # profiles: id, fingerprint, protected or not
    selfreview keys protect --profile 1                  # set or change the passphrase (asked twice)
    selfreview keys protect --profile 1 --remove         # keep the keys unprotected again
    selfreview keys backup  --profile 1 --out FILE       # a key backup sealed under its own passphrase
    selfreview keys restore --profile 1 FILE [--protect] # put a backup of *this* profile's keys back
    selfreview keys renew   --profile 1 [--protect] [--yes]  # lost for good: a new key pair

Passphrases are read with ``getpass`` (no echo), never from the command line, where the shell
history and other users' ``ps`` could see them. Each step goes through ``services/keyguard.py`` and
is written to the audit log (never a key or a passphrase). Exit status: 0 done, 1 refused (wrong
passphrase, not this profile's backup, ...), 2 usage.
"""

from __future__ import annotations

import getpass
import sys

from selfreview.cli.lang import say
from selfreview.cli.out_path import add_force
from selfreview.cli.common import open_context
from selfreview.messages import Message, msg
from selfreview.services import keyguard
from selfreview.services.errors import ServiceError


def register(sub, common) -> None:
    keys = sub.add_parser("keys", parents=[common], help="a profile's private keys: passphrase, backup, restore, "
                          "new key after a loss")
    actions = keys.add_subparsers(dest="keys_action", metavar="ACTION", required=True)

    def action(name: str, help_text: str, required: bool = True):
        p = actions.add_parser(name, parents=[common], help=help_text)
        p.add_argument("--profile", type=int, required=required, metavar="ID",
                       help="the profile (`selfreview keys status` lists them)")
        p.set_defaults(handler=cmd_keys)
        return p

    action("status", "the profiles on this computer: id, key fingerprint, protected by a passphrase or not",
           required=False)
    p = action("protect", "protect the private keys with a passphrase, change it, or (--remove) remove it")
    p.add_argument("--remove", action="store_true", help="store the keys without a passphrase again")
    p = action("backup", "write a key backup file (for a USB stick or a safe place), sealed under a passphrase")
    p.add_argument("--out", required=True, metavar="FILE")
    add_force(p)
    p = action("restore", "restore this profile's keys from a key backup file")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--protect", action="store_true", help="protect the restored keys with a passphrase")
    p = action("renew", "make a new key pair after the old one was lost; the cell secretary must confirm the "
                        "new fingerprint")
    p.add_argument("--protect", action="store_true", help="protect the new keys with a passphrase")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")


def _say(message: Message, lang: str | None, err: bool = False) -> None:
    text = message.get(lang) if lang else f"{message.vi}\n{message.en}"
    print(text, file=sys.stderr if err else sys.stdout)


def _ask(prompt: str) -> str:
    return getpass.getpass(prompt)


def _new_passphrase(what: str) -> str:
    """A new passphrase, typed twice."""
    first = _ask(f"{what} (≥ 8 {say('ký tự', 'characters')}): ")
    again = _ask(say("Nhập lại: ", "Again: "))
    if first != again:
        raise ServiceError(msg("keys.passphrases_differ"))
    return first


def _current(ctx, profile_id: int) -> str | None:
    if not keyguard.is_protected(ctx, profile_id):
        return None
    return _ask(say("Cụm mật khẩu hiện tại: ", "Current passphrase: "))


def cmd_keys(args, data_dir) -> int:
    with open_context(data_dir) as ctx:
        profiles = {p.id: p for p in ctx.profiles.list()}
        if args.keys_action == "status" and args.profile is None:
            for p in profiles.values():
                state = say("có bảo vệ", "protected") if keyguard.is_protected(ctx, p.id) \
                    else say("không bảo vệ", "not protected")
                print(f"{p.id}  {p.fingerprint}  {state:13}  {p.full_name}")
            return 0
        profile = profiles.get(args.profile)
        if profile is None:
            _say(msg("keys.no_profile", id=args.profile), args.lang, err=True)
            return 2
        try:
            return _run(ctx, args, profile)
        except ServiceError as e:
            _say(e.message, args.lang, err=True)
            return 1
        except (EOFError, KeyboardInterrupt):
            print(say("đã hủy", "cancelled"), file=sys.stderr)
            return 1


def _run(ctx, args, profile) -> int:
    pid = profile.id
    if args.keys_action == "status":
        protected = keyguard.is_protected(ctx, pid)
        print(f"{profile.full_name}: {profile.fingerprint}")
        print(say("được bảo vệ bằng mật khẩu", "protected by a passphrase") if protected else
              say("KHÔNG được bảo vệ bằng mật khẩu", "NOT protected by a passphrase"))
        return 0
    if args.keys_action == "protect":
        current = _current(ctx, pid)
        new = None if args.remove else _new_passphrase(say("Cụm mật khẩu mới", "New passphrase"))
        keyguard.protect(ctx, pid, new, current_passphrase=current)
        print(say("khóa đã được bảo vệ bằng mật khẩu", "keys are now protected by the passphrase") if new else
              say("đã bỏ mật khẩu", "the passphrase was removed"))
        return 0
    if args.keys_action == "backup":
        current = _current(ctx, pid)
        backup_pass = _new_passphrase(say("Cụm mật khẩu cho bản sao lưu", "Passphrase for the backup"))
        pub = keyguard.export_backup(ctx, pid, args.out, backup_pass, current_passphrase=current)
        print(say(f"đã ghi {args.out} (mã khóa {pub.fingerprint}); hãy cất tệp và mật khẩu của nó ở hai nơi khác nhau",
                  f"wrote {args.out} (fingerprint {pub.fingerprint}); keep it and its passphrase apart"))
        return 0
    if args.keys_action == "restore":
        backup_pass = _ask(say("Cụm mật khẩu của bản sao lưu: ", "The backup's passphrase: "))
        protect_with = _new_passphrase(say("Cụm mật khẩu bảo vệ khóa", "Passphrase to protect the keys")) \
            if args.protect else None
        pub = keyguard.restore_backup(ctx, pid, args.file, backup_pass, protect_with=protect_with)
        print(say(f"đã khôi phục khóa của {profile.full_name} (mã khóa {pub.fingerprint})",
                  f"restored the keys of {profile.full_name} (fingerprint {pub.fingerprint})"))
        return 0
    # renew
    _say(msg("keys.renew_warning"), args.lang)
    if not args.yes:
        if not sys.stdin.isatty():
            print(say("chưa làm: xác nhận bằng --yes (không có cửa sổ lệnh để hỏi)",
                      "not done: confirm with --yes (no terminal to ask on)"), file=sys.stderr)
            return 2
        answer = input(say(f"Tạo khóa mới cho {profile.full_name}? [gõ YES]: ",
                           f"Make a new key for {profile.full_name}? [type YES]: "))
        if answer.strip().upper() != "YES":
            print(say("đã hủy", "cancelled"), file=sys.stderr)
            return 1
    protect_with = _new_passphrase(say("Cụm mật khẩu bảo vệ khóa mới", "Passphrase for the new keys")) \
        if args.protect else None
    old = profile.fingerprint
    pub = keyguard.replace_lost_keys(ctx, pid, protect_with)
    _say(msg("keys.renewed", new=pub.fingerprint, old=old), args.lang)
    return 0

"""``selfreview keys status|protect|backup|restore|renew --profile ID``: a profile's private keys;
``keys new-office|export-office|import-office``: a committee office's key.

    selfreview keys status [--profile 1]                 # profiles: id, fingerprint, protected or not
    selfreview keys protect --profile 1                  # set or change the passphrase (asked twice)
    selfreview keys protect --profile 1 --remove         # keep the keys unprotected again
    selfreview keys backup  --profile 1 --out FILE       # a key backup sealed under its own passphrase
    selfreview keys restore --profile 1 FILE [--protect] # put a backup of *this* profile's keys back
    selfreview keys renew   --profile 1 [--protect] [--yes]  # lost for good: a new key pair

A committee office's key (docs/security.md §5; services/committee/office_key.py), one per committee, a copy
on each staff PC sealed under that person's own passphrase:

    selfreview keys new-office --profile 1 [--committee NAME]    # the head makes it (or --name NAME:
                                                                 #   a new profile of their own first)
    selfreview keys new-office --profile 1 --replace             # someone left or a PC was lost
    selfreview keys export-office --profile 1 --out FILE         # a copy for a colleague (on a USB stick)
    selfreview keys import-office FILE --profile 2               # the colleague (or --name NAME)

Passphrases are read with ``getpass`` (no echo), never from the command line, where the shell
history and other users' ``ps`` could see them. Each step goes through ``services/keyguard.py`` and
is written to the audit log (never a key or a passphrase). Exit status: 0 done, 1 refused (wrong
passphrase, not this profile's backup, ...), 2 usage.
"""

from __future__ import annotations

import getpass
import sys

from selfreview.cli.lang import lang, say
from selfreview.cli.out_path import add_force
from selfreview.cli.common import open_context
from selfreview.messages import Message, msg
from selfreview.services import keyguard
from selfreview.services.committee import office_key
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

    # a committee office's key (services/committee/office_key.py)
    name_help = "a new profile of your own with this name (its keys protected by the passphrase asked), " \
                "instead of --profile"
    p = action("new-office", "the head of a committee office: make the office key (a copy on this computer, "
                             "sealed under the profile's passphrase; the database gets the public key)", required=False)
    p.add_argument("--name", metavar="NAME", help=name_help)
    p.add_argument("--committee", default="", metavar="NAME", help="the committee's name (default: the profile's)")
    p.add_argument("--replace", action="store_true",
                   help="replace the office key (someone left, a computer was lost): send new calls for results")
    p = action("export-office", "write a copy of the office key for a colleague, sealed under a passphrase of "
                                "its own")
    p.add_argument("--out", required=True, metavar="FILE")
    add_force(p)
    p = action("import-office", "a staff member: import the office key file the head gave you", required=False)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--name", metavar="NAME", help=name_help)


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


def _office_status(ctx) -> None:
    info = office_key.current(ctx)
    if info is None:
        return
    _say(msg("office_key.status", committee=info.committee, fingerprint=info.fingerprint), lang())
    for p in office_key.holders(ctx, info.fingerprint):
        print(f"  {say('có bản sao trên máy này', 'a copy on this computer')}: {p.id}  {p.full_name}")
    if not office_key.holders(ctx, info.fingerprint):
        print(f"  {say('máy này chưa có bản sao', 'no copy on this computer')}")


def _own_profile(ctx, name: str) -> tuple[int, str]:
    """A new staff profile of one's own (``--name``), its keys sealed under a new passphrase; the
    office's secretary when the database has none."""
    from selfreview.services.dto import ProfileData
    passphrase = _new_passphrase(say(f"Cụm mật khẩu của {name}", f"Passphrase of {name}"))
    _check_new(passphrase)
    p = ctx.profiles.create(ProfileData(full_name=" ".join(name.split())))
    keyguard.protect(ctx, p.id, passphrase)
    if ctx.profiles.secretary() is None:
        ctx.profiles.set_secretary(p.id)
    print(say(f"đã tạo hồ sơ {p.id}: {p.full_name} (mã khóa {p.fingerprint})",
              f"made profile {p.id}: {p.full_name} (fingerprint {p.fingerprint})"))
    return p.id, passphrase


def _check_new(passphrase: str) -> None:
    keyguard.check_new_passphrase(passphrase)


def _office(ctx, args) -> int:
    """new-office and import-office: for ``--profile ID`` or a new profile ``--name NAME``."""
    if (args.profile is None) == (args.name is None):
        print(say("lỗi: cần --profile ID hoặc --name TÊN (một trong hai)",
                  "error: give --profile ID or --name NAME (one of them)"), file=sys.stderr)
        return 2
    file_pass = None
    if args.keys_action == "import-office":
        file_pass = _ask(say("Cụm mật khẩu của tệp khóa văn phòng: ", "The office key file's passphrase: "))
        office_key.read_file(ctx, args.file, file_pass)  # a wrong file makes no new profile
    if args.name is not None:
        pid, passphrase = _own_profile(ctx, args.name)
    else:
        if args.profile not in {p.id for p in ctx.profiles.list()}:
            _say(msg("keys.no_profile", id=args.profile), args.lang, err=True)
            return 2
        pid = args.profile
        passphrase = None
        if keyguard.is_protected(ctx, pid):  # else the service says to protect the keys first
            passphrase = _ask(say("Cụm mật khẩu của hồ sơ: ", "The profile's passphrase: "))
    name = ctx.profiles.get(pid).full_name
    if args.keys_action == "new-office":
        before = office_key.current(ctx)
        info = office_key.create(ctx, pid, passphrase, args.committee, replace=args.replace)
        if before is not None and args.replace:
            _say(msg("office_key.replaced", fingerprint=info.fingerprint, old=before.fingerprint), args.lang)
        else:
            _say(msg("office_key.created", committee=info.committee, fingerprint=info.fingerprint), args.lang)
        return 0
    info = office_key.receive(ctx, pid, args.file, file_pass, passphrase)
    _say(msg("office_key.received", committee=info.committee, fingerprint=info.fingerprint, name=name), args.lang)
    return 0


def cmd_keys(args, data_dir) -> int:
    with open_context(data_dir) as ctx:
        profiles = {p.id: p for p in ctx.profiles.list()}
        if args.keys_action == "status" and args.profile is None:
            for p in profiles.values():
                state = say("có bảo vệ", "protected") if keyguard.is_protected(ctx, p.id) \
                    else say("không bảo vệ", "not protected") if (ctx.keys_dir / str(p.id)).is_dir() \
                    else say("khóa ở máy khác", "keys elsewhere")  # a colleague's profile in a shared database
                print(f"{p.id}  {p.fingerprint}  {state:13}  {p.full_name}")
            _office_status(ctx)
            return 0
        if args.keys_action in ("new-office", "import-office"):
            try:
                return _office(ctx, args)
            except ServiceError as e:
                _say(e.message, args.lang, err=True)
                return 1
            except (EOFError, KeyboardInterrupt):
                print(say("đã hủy", "cancelled"), file=sys.stderr)
                return 1
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
    if args.keys_action == "export-office":
        current = _current(ctx, pid)
        file_pass = _new_passphrase(say("Cụm mật khẩu cho tệp khóa văn phòng", "Passphrase for the office key file"))
        pub = office_key.export(ctx, pid, args.out, file_pass, current)
        _say(msg("office_key.exported", file=args.out, fingerprint=pub.fingerprint), args.lang)
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

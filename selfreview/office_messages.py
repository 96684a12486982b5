"""The messages of a committee office's shared key (services/committee/office_key.py, docs/security.md §5), in
both languages; merged into ``selfreview.messages.CATALOGUE``. No imports: messages.py imports this."""

OFFICE: dict[str, tuple[str, str]] = {
    "office_key.missing": (
        "Máy này chưa có khóa văn phòng của {committee} (mã khóa {fingerprint}), nên không mở hoặc ký được tệp "
        "của cấp ủy. Hãy xin trưởng văn phòng một tệp khóa văn phòng (selfreview keys export-office) trên USB, "
        "đối chiếu mã khóa bằng lời, rồi nhập: selfreview keys import-office TỆP --profile ID.",
        "This computer does not have the office key of {committee} (fingerprint {fingerprint}), so it cannot "
        "open or sign the committee's files. Ask the head of the office for an office key file (selfreview keys "
        "export-office) on a USB stick, compare the fingerprint aloud, then import it: selfreview keys "
        "import-office FILE --profile ID."),
    "office_key.recipient_missing": (
        "Tệp này được mã hóa cho khóa của {name} (mã khóa {fingerprint}), khóa đó không có trên máy này: hãy "
        "nhập tệp trên máy của người đó. Để mọi cán bộ văn phòng mở được tệp gửi cấp ủy, hãy dùng khóa văn "
        "phòng (selfreview keys new-office) cho các yêu cầu báo cáo sau.",
        "This file is encrypted to the key of {name} (fingerprint {fingerprint}), which is not on this "
        "computer: import it on that person's computer. For every staff member of the office to open files "
        "sent to the committee, use an office key (selfreview keys new-office) for the next calls for results."),
    "office_key.secretary_elsewhere": (
        "Việc này cần khóa riêng của bí thư {name} (mã khóa {fingerprint}), khóa đó không có trên máy này: hãy làm "
        "trên máy của bí thư.",
        "This needs the private key of the secretary, {name} (fingerprint {fingerprint}), which is not on this "
        "computer: do it on the secretary's computer."),
    "office_key.exists": (
        "Văn phòng đã có khóa văn phòng (mã khóa {fingerprint}). Hãy trao bản sao cho đồng nghiệp bằng selfreview "
        "keys export-office; chỉ thay khóa (--replace) khi có người thôi việc hoặc mất máy.",
        "The office already has an office key (fingerprint {fingerprint}). Hand copies to colleagues with "
        "selfreview keys export-office; replace it (--replace) only when someone leaves or a computer is lost."),
    "office_key.none": (
        "Cơ sở dữ liệu của văn phòng chưa có khóa văn phòng: trưởng văn phòng tạo khóa bằng selfreview keys "
        "new-office.",
        "The office's database has no office key yet: the head of the office makes it with selfreview keys "
        "new-office."),
    "office_key.not_ours": (
        "Tệp này chứa khóa văn phòng {found}, không phải khóa văn phòng hiện nay của cơ sở dữ liệu này "
        "({expected}): không nhập.",
        "This file holds the office key {found}, not the current office key of this database ({expected}): "
        "not imported."),
    "office_key.not_office_file": (
        "Tệp này không phải tệp khóa văn phòng (nó là “{purpose}”).",
        "This file is not an office key file (it is “{purpose}”)."),
    "office_key.needs_protection": (
        "Khóa văn phòng được niêm phong bằng cụm mật khẩu của chính hồ sơ: hãy bảo vệ khóa của {name} trước "
        "(selfreview keys protect --profile {id}).",
        "The office key is sealed under the profile's own passphrase: protect the keys of {name} first "
        "(selfreview keys protect --profile {id})."),
    "office_key.keep_protected": (
        "Hồ sơ này giữ khóa văn phòng nên không bỏ được cụm mật khẩu; chỉ đổi được.",
        "This profile holds the office key, so its passphrase cannot be removed, only changed."),
    "office_key.no_committee": (
        "Chưa biết tên cấp ủy của khóa văn phòng: hãy ghi --committee TÊN.",
        "The office key's committee is not known: give --committee NAME."),
    "office_key.created": (
        "Đã tạo khóa văn phòng của {committee}, mã khóa {fingerprint}. Khóa chỉ nằm trên máy này, được niêm phong "
        "bằng cụm mật khẩu của bạn; cơ sở dữ liệu chỉ giữ khóa công khai. Trao bản sao cho đồng nghiệp bằng "
        "selfreview keys export-office.",
        "Made the office key of {committee}, fingerprint {fingerprint}. It is only on this computer, sealed under "
        "your passphrase; the database holds only the public key. Hand copies to colleagues with selfreview keys "
        "export-office."),
    "office_key.replaced": (
        "Đã thay khóa văn phòng: mã khóa mới {fingerprint} (cũ {old}). Hãy gửi yêu cầu báo cáo mới và trao khóa "
        "mới cho những đồng nghiệp còn làm việc; khóa cũ chỉ còn trên máy này để mở các tệp còn gửi đến khóa cũ.",
        "Replaced the office key: new fingerprint {fingerprint} (old {old}). Send new calls for results and hand "
        "the new key to the colleagues who stay; the old key stays on this computer only, to open files still "
        "sent to it."),
    "office_key.exported": (
        "Đã ghi {file} (khóa văn phòng, mã khóa {fingerprint}). Trao tận tay trên USB, đọc mã khóa cho người nhận "
        "và báo cụm mật khẩu của tệp riêng; xóa tệp khỏi USB sau khi đã nhập.",
        "Wrote {file} (the office key, fingerprint {fingerprint}). Hand it over in person on a USB stick, read the "
        "fingerprint to the colleague and tell them the file's passphrase separately; delete the file from the "
        "stick once imported."),
    "office_key.received": (
        "Đã nhập khóa văn phòng của {committee} (mã khóa {fingerprint}) cho {name}, niêm phong bằng cụm mật khẩu "
        "của hồ sơ này. Hãy đối chiếu mã khóa với trưởng văn phòng.",
        "Imported the office key of {committee} (fingerprint {fingerprint}) for {name}, sealed under this "
        "profile's passphrase. Compare the fingerprint with the head of the office."),
    "office_key.status": (
        "Khóa văn phòng của {committee}: {fingerprint}",
        "Office key of {committee}: {fingerprint}"),
}

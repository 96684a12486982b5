"""Messages the Qt-free core shows to people (through the CLI and the GUI), in both languages.

The core cannot use Qt's translators (it runs without Qt), so each message carries its Vietnamese
and English text; the GUI picks the language the user chose. Widget strings use ``tr()`` instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from selfreview.text import Bilingual, nfc


@dataclass(frozen=True)
class Message(Bilingual):
    code: str
    vi: str
    en: str

    def __str__(self) -> str:
        return self.vi


CATALOGUE: dict[str, tuple[str, str]] = {
    # answers
    "answer.not_text": ("Câu trả lời phải là văn bản.", "The answer must be text."),
    "answer.too_long": ("Quá dài: {n} ký tự, tối đa {max}.", "Too long: {n} characters, at most {max}."),
    "answer.too_short": ("Quá ngắn: cần ít nhất {min} ký tự.", "Too short: at least {min} characters."),
    "answer.bad_date": ("Ngày không hợp lệ (cần dạng năm-tháng-ngày).", "Not a valid date (YYYY-MM-DD)."),
    "answer.date_out_of_range": ("Ngày nằm ngoài khoảng cho phép.", "The date is out of the allowed range."),
    "answer.unknown_option": ("Lựa chọn không có trong mẫu.", "That choice is not in the form."),
    "answer.not_number": ("Điểm phải là một số.", "The score must be a number."),
    "answer.score_range": ("Điểm phải từ {min} đến {max}.", "The score must be between {min} and {max}."),
    "answer.score_step": ("Điểm chấm theo bước {step}.", "Scores go in steps of {step}."),
    "answer.read_only": ("Mục này không nhận câu trả lời.", "This item takes no answer."),
    "answer.too_many_records": ("Quá nhiều dòng (tối đa {max}).", "Too many entries (at most {max})."),
    "answer.bad_record": ("Dòng không đúng cấu trúc của mẫu.", "An entry does not match the form."),
    "answer.bad_checklist": ("Bảng tự kiểm tra không đúng cấu trúc.", "The self-check does not match the form."),
    "answer.missing": ("Chưa trả lời (bắt buộc).", "Not answered (required)."),
    "answer.too_few_selected": ("Cần chọn ít nhất {min}.", "Choose at least {min}."),
    "answer.too_many_selected": ("Chỉ được chọn tối đa {max}.", "Choose at most {max}."),
    "answer.levels_incomplete": ("Chưa chọn mức cho mọi tiêu chí.", "Not every criterion has a level."),
    "answer.too_few_records": ("Cần ít nhất {min} dòng.", "At least {min} entries are needed."),
    "answer.record_field_missing": ("Dòng {n}: chưa điền “{field}”.", "Entry {n}: “{field_en}” is empty."),
    "answer.checklist_incomplete": ("Còn {n} biểu hiện chưa chọn mức độ.",
                                    "{n} behaviours have no frequency yet."),
    "answer.checklist_example": ("“{behaviour}”: cần nêu ví dụ và biện pháp khắc phục.",
                                 "“{behaviour_en}”: give an example and a remedy."),
    # reviews
    "review.locked": ("Bản kiểm điểm đã hoàn tất và bị khóa; hãy tạo bản sửa đổi mới để chỉnh sửa.",
                      "This review is finalized and locked; make a new revision to change it."),
    "review.unknown_question": ("Mẫu không có câu hỏi “{qid}”.", "The form has no question “{qid}”."),
    "review.not_found": ("Không tìm thấy bản kiểm điểm số {id}.", "Review {id} not found."),
    "review.has_problems": ("Còn {n} vấn đề cần sửa trước khi hoàn tất.",
                            "{n} problems must be fixed before finalizing."),
    "review.not_finalized": ("Chỉ bản đã hoàn tất mới tạo được bản sửa đổi.",
                             "Only a finalized review can get a new revision."),
    "cell.name_required": ("Cần nhập tên chi bộ.", "The cell needs a name."),
    "template.unknown": ("Không có mẫu “{id}” phiên bản {version}.", "No form “{id}” version {version}."),
    # storage: disk full, read-only folder, lock held elsewhere, damaged file (services/safety.py)
    "storage.disk_full": ("Ổ đĩa đã đầy: thay đổi vừa rồi chưa được lưu. Những gì đã lưu trước đó vẫn còn "
                          "nguyên. Hãy giải phóng dung lượng ổ đĩa rồi thử lại.",
                          "The disk is full: the last change was not saved. Everything saved before is intact. "
                          "Free some disk space and try again."),
    "storage.read_only": ("Thư mục dữ liệu chỉ đọc ({path}): không ghi được gì. Dữ liệu đã lưu vẫn còn nguyên. "
                          "Hãy kiểm tra quyền ghi của thư mục (hoặc USB bị khóa ghi), hoặc chép thư mục sang nơi "
                          "ghi được.",
                          "The data folder is read-only ({path}): nothing can be written. Saved data is intact. "
                          "Check the folder's write permission (or a write-protected USB stick), or copy the "
                          "folder somewhere writable."),
    "storage.busy": ("Cơ sở dữ liệu đang bị một chương trình khác khóa: thay đổi vừa rồi chưa được lưu. Hãy đóng "
                     "chương trình kia (hoặc cửa sổ selfreview khác) rồi thử lại.",
                     "The database is locked by another program: the last change was not saved. Close the other "
                     "program (or another selfreview window) and try again."),
    "storage.damaged": ("Cơ sở dữ liệu bị hỏng ({path}): {detail}. Có thể chuyển tệp hỏng sang thư mục riêng và "
                        "khôi phục bản sao lưu tự động gần nhất.",
                        "The database is damaged ({path}): {detail}. The damaged file can be moved aside and the "
                        "latest automatic backup restored."),
    "storage.cannot_open": ("Không mở được cơ sở dữ liệu ({path}): {detail}.",
                            "The database could not be opened ({path}): {detail}."),
    "storage.unreachable": ("Không kết nối được máy chủ cơ sở dữ liệu (SELFREVIEW_DB_URL): {detail}. Hãy kiểm tra "
                            "địa chỉ, mạng, mật khẩu và máy chủ PostgreSQL rồi thử lại.",
                            "Could not connect to the database server (SELFREVIEW_DB_URL): {detail}. Check the "
                            "address, the network, the password and the PostgreSQL server, then try again."),
    "storage.io": ("Lỗi đọc/ghi ổ đĩa: thay đổi vừa rồi chưa được lưu; dữ liệu đã lưu trước đó vẫn còn nguyên. "
                   "Hãy kiểm tra ổ đĩa (hoặc USB) rồi thử lại.",
                   "The disk failed to read or write: the last change was not saved; data saved before is intact. "
                   "Check the disk (or USB stick) and try again."),
    "backup.dump_failed": ("Không sao lưu được cơ sở dữ liệu trên máy chủ bằng pg_dump: {detail}.",
                           "The server database could not be backed up with pg_dump: {detail}."),
    "backup.none": ("Chưa có bản sao lưu tự động nào để khôi phục.", "There is no automatic backup to restore."),
    "backup.not_found": ("Không tìm thấy bản sao lưu “{name}”.", "Backup “{name}” not found."),
    "backup.damaged": ("Bản sao lưu “{name}” cũng bị hỏng: {detail}. Hãy chọn bản cũ hơn.",
                       "Backup “{name}” is damaged too: {detail}. Choose an older one."),
    "backup.not_a_file": ("Cơ sở dữ liệu không phải là tệp trong thư mục dữ liệu: sao lưu và khôi phục tự động "
                          "không áp dụng.",
                          "The database is not a file in the data folder: automatic backup and restore do not "
                          "apply."),
    "instance.running": ("selfreview đang chạy với thư mục dữ liệu này ({path}). Hãy dùng cửa sổ đang mở.",
                         "selfreview is already running with this data folder ({path}). Use the window that is "
                         "open."),
    "instance.not_reachable": ("selfreview có vẻ đang chạy với thư mục dữ liệu này ({path}, tiến trình {pid}) "
                               "nhưng cửa sổ của nó không trả lời. Nếu không thấy cửa sổ nào, hãy đợi một lát "
                               "rồi mở lại; nếu vẫn vậy, hãy đóng tiến trình đó hoặc khởi động lại máy.",
                               "selfreview seems to be running with this data folder ({path}, process {pid}) but "
                               "its window does not answer. If you see no window, wait a moment and start it "
                               "again; if it stays so, end that process or restart the computer."),
    # keys: passphrase protection and key backups (exchange/keystore.py, services/keyguard.py)
    "keys.passphrase_short": ("Cụm mật khẩu cần ít nhất {min} ký tự.", "The passphrase needs at least {min} characters."),
    "keys.wrong_passphrase": ("Cụm mật khẩu không đúng, hoặc tệp khóa đã bị sửa.",
                              "Wrong passphrase, or the key file was altered."),
    "keys.bad_file": ("Đây không phải tệp khóa của selfreview, hoặc tệp đã hỏng ({detail}).",
                      "This is not a selfreview key file, or it is damaged ({detail})."),
    "keys.not_this_profile": ("Bản sao lưu khóa này có dấu vân tay {found}, không phải của hồ sơ này ({expected}).",
                              "This key backup has fingerprint {found}, not this profile's ({expected})."),
    "keys.need_passphrase": ("Khóa của hồ sơ này được bảo vệ bằng cụm mật khẩu: hãy nhập cụm mật khẩu.",
                             "This profile's keys are protected by a passphrase: enter it."),
    "keys.missing": ("Không tìm thấy khóa riêng của hồ sơ này trên máy.",
                     "This profile's private keys are not on this computer."),
    "keys.cannot_write": ("Không ghi được tệp “{path}”: {error}.", "Could not write “{path}”: {error}."),
    "keys.no_profile": ("Không có hồ sơ số {id} trên máy này.", "There is no profile {id} on this computer."),
    "keys.passphrases_differ": ("Hai lần nhập cụm mật khẩu không giống nhau.",
                                "The two passphrases you typed are not the same."),
    "keys.renew_warning": ("Chỉ làm việc này khi khóa cũ đã mất (máy hỏng, quên cụm mật khẩu, không có bản sao "
                           "lưu). Một khóa mới sẽ thay khóa cũ: dấu vân tay của bạn sẽ đổi. Bí thư chi bộ sẽ từ "
                           "chối tệp ký bằng khóa mới cho đến khi đã đối chiếu dấu vân tay mới với bạn (gặp trực "
                           "tiếp hoặc gọi điện) và xác nhận nó.",
                           "Do this only when the old key is lost (a broken computer, a forgotten passphrase, no "
                           "backup). A new key replaces the old one: your fingerprint changes. The cell secretary "
                           "will refuse files signed with the new key until they have compared the new "
                           "fingerprint with you (in person or by phone) and confirmed it."),
    "keys.renewed": ("Đã tạo khóa mới. Dấu vân tay mới: {new} (cũ: {old}). Hãy đọc dấu vân tay mới cho bí thư "
                     "chi bộ (gặp trực tiếp hoặc gọi điện): bí thư phải xác nhận nó thì mới nhận tệp của bạn.",
                     "A new key was made. New fingerprint: {new} (old: {old}). Read the new fingerprint to your "
                     "cell secretary (in person or by phone): they must confirm it before your files are "
                     "accepted."),
    # reports
    "report.no_cell": ("Không tìm thấy chi bộ số {id}.", "Cell {id} not found."),
    "report.no_round": ("Chi bộ số {cell} chưa có đợt kiểm điểm kỳ “{period}”.",
                        "Cell {cell} has no review round for “{period}”."),
    "report.no_rounds": ("Chưa chi bộ nào có đợt kiểm điểm kỳ “{period}”.", "No cell has a review round for “{period}”."),
    "docx_import.unreadable": ("Không đọc được “{name}” như một tệp Word (.docx) ({reason}). Hãy mở tệp bằng Word "
                               "hoặc LibreOffice và lưu lại dưới dạng .docx.",
                               "“{name}” cannot be read as a Word file (.docx) ({reason}). Open it in Word or "
                               "LibreOffice and save it again as .docx."),
    "docx_import.too_large": ("Tệp “{name}” quá lớn để là một bản kiểm điểm.", "“{name}” is too large to be a self-review."),
    "docx_import.nothing": ("Không tìm thấy trong “{name}” đề mục nào khớp với mẫu kiểm điểm; chưa ghi gì.",
                            "No heading in “{name}” matches the form; nothing was written."),
    "report.bad_format": ("Không xuất được “{name}”: báo cáo này chỉ xuất ra tệp {allowed}.",
                          "Cannot write “{name}”: this report is written only as {allowed}."),
    "report.bad_min_count": ("Ngưỡng hiển thị phải từ 1 trở lên (đang là {n}).",
                             "The display threshold must be 1 or more (got {n})."),
    # exchange: files moving between colleagues (invitation, response, import receipts)
    "import.too_large": ("Tệp quá lớn ({size} byte, tối đa {max} byte): đây không phải một bản kiểm điểm.",
                         "The file is too large ({size} bytes, at most {max}): it is not a self-review."),
    "import.unreadable": ("Không đọc được tệp ({error}).", "The file could not be read ({error})."),
    "import.bad_text": ("Tệp chứa ký tự không hợp lệ (một mã \\uD800–\\uDFFF đứng riêng): tệp bị hỏng hoặc do "
                        "chương trình khác viết sai.",
                        "The file contains an invalid character (a lone \\uD800–\\uDFFF escape): it is damaged or "
                        "was written wrongly by another program."),
    "import.not_utf8": ("Tệp chứa byte không phải văn bản UTF-8: tệp bị hỏng hoặc không phải bản kiểm điểm.",
                        "The file contains bytes that are not UTF-8 text: it is damaged or not a self-review."),
    "import.not_format": ("Đây không phải tệp của ứng dụng này (bản kiểm điểm hoặc lời mời).",
                          "This is not a file of this application (a self-review or an invitation)."),
    "import.truncated": ("Tệp bị cắt cụt (chép chưa hết hoặc tải về chưa xong): hãy xin lại tệp.",
                         "The file is cut short (not fully copied or downloaded): ask for it again."),
    "import.too_deep": ("Tệp có cấu trúc lồng nhau quá sâu (quá {max} mức): đây không phải bản kiểm điểm hợp lệ.",
                        "The file is nested too deeply (more than {max} levels): it is not a valid self-review."),
    "import.is_invitation": ("Đây là tệp lời mời của bí thư, không phải bản kiểm điểm đảng viên gửi về.",
                             "This is the secretary's invitation file, not a self-review sent back by a member."),
    "import.is_response": ("Đây là tệp bản kiểm điểm, không phải tệp lời mời.",
                           "This is a self-review file, not an invitation."),
    "import.bad_version": ("Tệp theo định dạng phiên bản {version}; ứng dụng này chỉ đọc phiên bản {supported}. "
                           "Hãy cập nhật ứng dụng.",
                           "The file uses format version {version}; this application reads version {supported}. "
                           "Please update the application."),
    "import.bad_structure": ("Tệp không đúng cấu trúc quy định (ở “{where}”): tệp bị hỏng hoặc do chương trình "
                             "khác tạo sai.",
                             "The file does not have the required structure (at “{where}”): it is damaged or was "
                             "written wrongly by another program."),
    "import.no_secretary": ("Tệp đã được mã hóa cho bí thư chi bộ, nhưng máy này chưa có hồ sơ bí thư nên không "
                            "mở được.",
                            "The file is encrypted for a cell secretary, but this computer has no secretary profile "
                            "to open it."),
    "import.not_for_you": ("Tệp được mã hóa cho một bí thư khác, không phải cho máy này: không mở được. Hãy hỏi "
                           "đảng viên đã dùng đúng lời mời của chi bộ chưa.",
                           "The file is encrypted for another secretary, not for this computer: it cannot be "
                           "opened. Ask the member whether they used this cell's invitation."),
    "import.decrypt_failed": ("Không giải mã được: tệp đã bị thay đổi trên đường chuyển hoặc bị hỏng. Hãy xin lại tệp.",
                              "The file could not be decrypted: it was changed on the way or is damaged. "
                              "Ask for it again."),
    "import.bad_signature": ("Chữ ký không khớp: nội dung đã bị sửa sau khi người viết ký, hoặc tệp bị hỏng. "
                             "Không nhập; hãy xin lại tệp.",
                             "The signature does not match: the content was changed after it was signed, or the "
                             "file is damaged. Not imported; ask for the file again."),
    "import.bad_template": ("Mẫu “{id}” phiên bản {version} kèm trong tệp không hợp lệ: {error}",
                            "The form “{id}” version {version} carried in the file is not valid: {error_en}"),
    "import.template_hash": ("Mẫu “{id}” phiên bản {version} kèm trong tệp không khớp với mã kiểm tra ghi trong tệp.",
                             "The form “{id}” version {version} carried in the file does not match its checksum."),
    "import.unknown_template": ("Tệp dùng mẫu “{id}” phiên bản {version} mà máy này không có, và tệp không kèm mẫu "
                                "đó. Hãy cập nhật ứng dụng hoặc xin đảng viên gửi lại tệp.",
                                "The file uses form “{id}” version {version}, which this computer does not have, "
                                "and the file does not carry it. Update the application or ask for the file again."),
    "import.bad_answer": ("Câu trả lời “{qid}” không hợp với mẫu: {reason}",
                          "The answer “{qid}” does not fit the form: {reason_en}"),
    "import.no_round": ("Bản kiểm điểm này không lập theo lời mời nên không biết thuộc đợt kiểm điểm nào: hãy chọn "
                        "đợt khi nhập (tùy chọn --round).",
                        "This review was not made from an invitation, so its review round is unknown: choose the "
                        "round when importing (option --round)."),
    "import.unknown_round": ("Tệp thuộc đợt kiểm điểm của chi bộ “{cell}”, kỳ {period}, không có trên máy này.",
                             "The file belongs to a review round of “{cell}”, period {period}, that is not on this "
                             "computer."),
    "import.round_mismatch": ("Tệp ghi chi bộ “{cell}”, kỳ {period}, nhưng đợt kiểm điểm trên máy này là chi bộ "
                              "“{round_cell}”, kỳ {round_period}.",
                              "The file names cell “{cell}”, period {period}, but the round on this computer is "
                              "“{round_cell}”, period {round_period}."),
    "import.form_not_in_round": ("Tệp dùng mẫu “{id}” phiên bản {version}, không phải mẫu của đợt kiểm điểm này.",
                                 "The file uses form “{id}” version {version}, which is not a form of this round."),
    "import.key_changed": ("Khóa của đồng chí {name} khác với khóa ghi nhận lần đầu (dấu vân tay cũ {old}, mới {new}). "
                           "Hãy gọi điện đọc đối chiếu dấu vân tay với đồng chí ấy; nếu đúng, nhập lại và xác nhận "
                           "khóa mới (--accept-new-key {new}).",
                           "The key of {name} differs from the one first seen (old fingerprint {old}, new {new}). "
                           "Call them and compare the fingerprint by voice; if it matches, import again and "
                           "confirm the new key (--accept-new-key {new})."),
    "import.older_revision": ("Đây là bản sửa đổi cũ (lần {revision}) trong khi đã có bản mới hơn (lần {current}): "
                              "không nhập.",
                              "This is an older revision ({revision}) and a newer one ({current}) is already here: "
                              "not imported."),
    "import.revision_conflict": ("Đã có bản sửa đổi lần {revision} của đồng chí này với nội dung khác: đề nghị đảng "
                                 "viên tạo bản sửa đổi mới rồi gửi lại.",
                                 "Revision {revision} of this member is already here with different content: ask "
                                 "the member to make a new revision and send it again."),
    "import.period_mismatch": ("Bản kiểm điểm kỳ {period} không thuộc đợt kiểm điểm kỳ {round_period} đã chọn.",
                               "The review for period {period} does not belong to the chosen round for period "
                               "{round_period}."),
    "import.normalised": ("Đã nhập; chữ tiếng Việt dạng tổ hợp (NFD) được chuẩn hóa về dạng dựng sẵn (NFC).",
                          "Imported; decomposed (NFD) Vietnamese text was normalised to precomposed form (NFC)."),
    "import.key_accepted": ("Đã nhập với khóa mới của đồng chí {name} (dấu vân tay {new}), đã xác nhận bằng lời.",
                            "Imported with the new key of {name} (fingerprint {new}), confirmed by voice."),
    "import.wrong_type": ("Giá trị không đúng loại mà câu hỏi yêu cầu.", "The value is not of the kind the question takes."),
    "import.failed": ("Lỗi ngoài dự kiến khi nhập tệp này; tệp chưa được nhập ({error}).",
                      "An unexpected error while importing this file; it was not imported ({error})."),
    "import.no_such_round": ("Không có đợt kiểm điểm số {id}.", "There is no review round {id}."),
    "export.draft": ("Bản kiểm điểm chưa hoàn tất: hãy hoàn tất trước khi xuất tệp.",
                     "The review is not finalized: finalize it before exporting."),
    "export.not_own": ("Chỉ xuất được bản kiểm điểm của hồ sơ trên máy này (bản này do bí thư nhập về).",
                       "Only a review of a profile on this computer can be exported (this one was imported)."),
    "export.unencrypted": ("Bản kiểm điểm này không lập theo lời mời của chi bộ, nên tệp sẽ được ký nhưng KHÔNG "
                           "được mã hóa: ai có tệp cũng đọc được. Vẫn xuất tệp?",
                           "This review was not made from the cell's invitation, so the file will be signed but "
                           "NOT encrypted: anyone who gets it can read it. Export anyway?"),
    "invite.no_secretary": ("Máy này chưa có hồ sơ bí thư chi bộ: hãy tạo hồ sơ và chọn làm bí thư trước.",
                            "This computer has no secretary profile: create one and make it the secretary first."),
    "invite.no_form": ("Lời mời không có mẫu cho loại đảng viên của hồ sơ này ({category}).",
                       "The invitation has no form for this profile's member category ({category})."),
    "invite.key_differs": ("Lời mời này mang cùng đợt kiểm điểm với lời mời đã mở trước, nhưng do một khóa khác ký "
                           "(dấu vân tay cũ {old}, mới {new}). Không mở; hãy gọi điện hỏi bí thư chi bộ.",
                           "This invitation names the same round as one opened before, but is signed by another "
                           "key (old fingerprint {old}, new {new}). Not opened; call the cell secretary."),
    "invite.form_differs": ("Đã có bản kiểm điểm kỳ {period} theo mẫu khác với mẫu trong lời mời.",
                            "There is already a review for period {period} on a form other than the invitation's."),
    # the secretary's workspace: roster, roll-call, assessment, collective report, meeting
    "cell.not_found": ("Không có chi bộ số {id}.", "There is no cell {id}."),
    "round.not_found": ("Không có đợt kiểm điểm số {id}.", "There is no review round {id}."),
    "round.no_period": ("Chi bộ “{cell}” chưa có đợt kiểm điểm kỳ {period}.",
                        "The cell “{cell}” has no review round for period {period}."),
    "round.no_form": ("Đợt kiểm điểm không có mẫu cho đối tượng {category}.",
                      "The review round has no form for category {category}."),
    "round.bad_quota": ("Hạn mức Hoàn thành xuất sắc nhiệm vụ chỉ được là 20% hoặc 25% số Hoàn thành tốt nhiệm vụ.",
                        "The “Excellent completion of tasks” quota can only be 20% or 25% of the number rated "
                        "“Good completion of tasks”."),
    "member.not_found": ("Không có đảng viên số {id} trong danh sách.", "Member {id} is not on the roster."),
    "member.name_required": ("Cần nhập họ và tên.", "A full name is needed."),
    "member.bad_category": ("Đối tượng “{value}” không hợp lệ (cần 2A, 2B hoặc 2C).",
                            "The category “{value}” is not valid (use 2A, 2B or 2C)."),
    "member.has_reviews": ("Không xóa được đồng chí {name}: đã có bản kiểm điểm trong dữ liệu.",
                           "{name} cannot be removed: there are reviews of theirs in the data."),
    "member.not_in_round": ("Đồng chí số {id} không thuộc chi bộ của đợt kiểm điểm này.",
                            "Member {id} is not in the cell of this review round."),
    "roster.file_missing": ("Không tìm thấy tệp {path}.", "The file {path} was not found."),
    "roster.unsupported": ("Chỉ nhập được danh sách dạng .xlsx hoặc .csv (tệp này là “{suffix}”). Tệp .xls cũ: hãy "
                           "mở bằng Excel rồi lưu lại dạng .xlsx.",
                           "Only .xlsx or .csv rosters can be imported (this file is “{suffix}”). An old .xls file: "
                           "open it in Excel and save it as .xlsx."),
    "roster.too_large": ("Tệp quá lớn ({size} byte, tối đa {max} byte) để là một danh sách đảng viên.",
                         "The file is too large ({size} bytes, at most {max}) to be a roster."),
    "roster.not_utf8": ("Tệp CSV không phải mã UTF-8 (byte lạ ở vị trí {pos}), nên chữ tiếng Việt sẽ bị sai. Trong "
                        "Excel hãy lưu lại bằng “CSV UTF-8 (Comma delimited)”, hoặc chọn mã Windows-1258 khi nhập.",
                        "The CSV file is not UTF-8 (an unexpected byte at position {pos}), so Vietnamese letters "
                        "would come out wrong. In Excel save it again as “CSV UTF-8 (Comma delimited)”, or choose "
                        "the Windows-1258 encoding when importing."),
    "roster.bad_encoding": ("Không đọc được tệp theo mã {encoding}.", "The file could not be read as {encoding}."),
    "roster.bad_xlsx": ("Không đọc được tệp Excel ({error}).", "The Excel file could not be read ({error})."),
    "roster.bad_csv": ("Không đọc được tệp CSV ({error}).", "The CSV file could not be read ({error})."),
    "roster.no_header": ("Không thấy dòng tiêu đề có cột “Họ và tên” (hoặc “full_name”) trong {n} dòng đầu.",
                         "No header row with a “Họ và tên” (or “full_name”) column in the first {n} rows."),
    "roster.too_many_rows": ("Tệp có quá nhiều dòng (tối đa {max}).", "The file has too many rows (at most {max})."),
    "roster.row.no_name": ("Thiếu họ và tên.", "The full name is missing."),
    "roster.row.bad_date": ("Ngày sinh “{value}” không đọc được (cần dạng ngày/tháng/năm, ví dụ 05/03/1980).",
                            "The date of birth “{value}” could not be read (use day/month/year, e.g. 05/03/1980)."),
    "roster.row.date_range": ("Ngày sinh {value} không hợp lý.", "The date of birth {value} is not plausible."),
    "roster.row.bad_category": ("Đối tượng “{value}” không rõ: ghi 2A (giữ chức vụ lãnh đạo, quản lý), 2B (không giữ "
                                "chức vụ lãnh đạo, quản lý) hoặc 2C (không làm việc trong hệ thống chính trị).",
                                "The category “{value}” is unclear: write 2A (holds a leadership post), 2B (holds no "
                                "leadership post) or 2C (not working in the political system)."),
    "roster.row.bad_order": ("Thứ tự kiểm điểm “{value}” phải là một số nguyên.",
                             "The meeting order “{value}” must be a whole number."),
    "roster.row.duplicate": ("Trùng với dòng {row} (cùng họ tên và ngày sinh): bỏ qua.",
                             "Same name and date of birth as row {row}: skipped."),
    "roster.row.ambiguous": ("Danh sách đã có {n} đồng chí cùng họ tên và ngày sinh này: không biết cập nhật ai.",
                             "The roster already has {n} members with this name and date of birth: unclear whom "
                             "to update."),
    "roster.row.default_category": ("Không ghi đối tượng: đã đặt là 2B (không giữ chức vụ lãnh đạo, quản lý).",
                                    "No category given: set to 2B (holds no leadership post)."),
    "roster.import_summary": ("Đã thêm {added}, cập nhật {updated}, không đổi {unchanged}; {failed} dòng không đọc được.",
                              "Added {added}, updated {updated}, unchanged {unchanged}; {failed} rows could not be "
                              "read."),
    "rollcall.not_submitted": ("Chưa nộp", "Not submitted"),
    "rollcall.submitted": ("Đã nộp", "Submitted"),
    "rollcall.updated": ("Đã nộp lại bản sửa đổi", "Updated after submission"),
    "rollcall.late": ("Nộp muộn", "Late"),
    "rollcall.key_mismatch": ("Khóa khác, chờ xác nhận", "Key mismatch, awaiting confirmation"),
    "rollcall.count": ("{submitted}/{total} đã nộp", "{submitted}/{total} submitted"),
    "rollcall.already_submitted": ("Đồng chí {name} đã có bản kiểm điểm trong đợt này: hãy mở bản đó (hoặc tạo bản "
                                   "sửa đổi) thay vì nhập bản mới.",
                                   "{name} already has a review in this round: open it (or make a new revision) "
                                   "instead of entering a new one."),
    "table.bad_format": ("Định dạng “{format}” không hỗ trợ (chỉ xlsx hoặc csv).",
                         "The format “{format}” is not supported (only xlsx or csv)."),
    "assessment.bad_rating": ("Mức xếp loại “{value}” không hợp lệ.", "The rating “{value}” is not valid."),
    "assessment.no_review": ("Đồng chí chưa nộp bản kiểm điểm nên chưa đối chiếu được mức đề xuất với điểm và điều kiện.",
                             "No review has been handed in, so the proposed rating cannot be checked against a score "
                             "and conditions."),
    "collective.no_form": ("Không có mẫu báo cáo tập thể (Mẫu 01) “{id}”.", "The collective report form “{id}” is missing."),
    "meeting.not_found": ("Đợt kiểm điểm này chưa có hội nghị.", "This review round has no meeting yet."),
    "meeting.bad_votes": ("Số phiếu phải là số nguyên không âm.", "Vote counts must be whole numbers, not negative."),
    "meeting.votes_exceed": ("{who}: tổng số phiếu ({votes}) nhiều hơn số đảng viên có mặt ({present}).",
                             "{who_en}: the votes ({votes}) outnumber the members present ({present})."),
    "meeting.absent_no_reason": ("Đồng chí {name} vắng mặt nhưng chưa ghi lý do.", "{name} is absent with no reason given."),
    "meeting.attendance_missing": ("Chưa điểm danh {n} đồng chí.", "{n} members have no attendance recorded."),
    "meeting.result_missing": ("Chưa ghi kết quả biểu quyết của {n} đồng chí.", "{n} members have no vote recorded."),
    "meeting.final_missing": ("{who}: chưa ghi mức chi bộ đề xuất sau biểu quyết.",
                              "{who_en}: the cell's proposed rating after the vote is not recorded."),
    "meeting.not_most_votes": ("{who}: mức chi bộ đề xuất “{rating}” không phải mức được nhiều phiếu nhất.",
                               "{who_en}: the cell's proposed rating “{rating}” is not the one with the most votes."),
    "meeting.ends_before_start": ("Giờ kết thúc phải sau giờ bắt đầu.", "The end time must be after the start time."),
    "meeting.no_chair": ("Chưa ghi người chủ trì.", "The chair is not recorded."),
    "meeting.no_recorder": ("Chưa ghi thư ký hội nghị.", "The recorder is not recorded."),
    "meeting.collective": ("Tập thể chi bộ", "The cell collective"),
}

from selfreview.results_messages import RESULTS  # noqa: E402 - results up, decisions down (issue 15)

CATALOGUE.update(RESULTS)
from selfreview.office_messages import OFFICE  # noqa: E402 - a committee office's shared key

CATALOGUE.update(OFFICE)
from selfreview.messages_validity import CATALOGUE_VALIDITY  # noqa: E402 - issue 14's messages

CATALOGUE.update(CATALOGUE_VALIDITY)
from selfreview.messages_forms import CATALOGUE_FORMS  # noqa: E402 - a form template's problems

CATALOGUE.update(CATALOGUE_FORMS)
from selfreview.messages_server import CATALOGUE_SERVER  # noqa: E402 - doctor on a database server

CATALOGUE.update(CATALOGUE_SERVER)
from selfreview.messages_labels import CATALOGUE_LABELS  # noqa: E402 - codes named in the CLI's tables

CATALOGUE.update(CATALOGUE_LABELS)


def msg(code: str, **params: object) -> Message:
    """The message ``code`` with its parameters filled in (both languages, NFC)."""
    vi, en = CATALOGUE[code]
    return Message(code, nfc(vi.format(**params)), nfc(en.format(**params)))

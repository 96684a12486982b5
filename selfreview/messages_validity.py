"""Messages of issue 14 (import validity, identity, safe exports), kept apart from messages.py so
that file stays easy to merge; ``messages.CATALOGUE`` takes them in. Same style: (vi, en)."""

from __future__ import annotations

CATALOGUE_VALIDITY: dict[str, tuple[str, str]] = {
    "answer.rating_above_band": ("Mức đề xuất “{proposed}” cao hơn mức mà tổng điểm tự chấm cho phép (“{band}”).",
                                 "The proposed rating “{proposed}” is better than your own total score allows "
                                 "(“{band}”)."),
    "import.incomplete": ("Bản kiểm điểm ghi là đã hoàn tất nhưng chưa đạt yêu cầu của mẫu ở câu “{label}” "
                          "({qid}): {reason} Không nhập; đề nghị đảng viên kiểm tra lại rồi gửi lại.",
                          "The review says it is finalized but does not meet the form at “{label_en}” ({qid}): "
                          "{reason_en} Not imported; ask the member to check it and send it again."),
    "import.template_identity": ("Tệp ghi mẫu “{id}” phiên bản {version}, nhưng mã kiểm tra của nó là của mẫu "
                                 "“{real_id}” phiên bản {real_version}: tệp do chương trình khác tạo sai.",
                                 "The file names form “{id}” version {version}, but its checksum is that of form "
                                 "“{real_id}” version {real_version}: it was written wrongly by another program."),
    "import.duplicate_key": ("Tệp có khóa “{key}” lặp lại trong cùng một đối tượng JSON: hai chương trình có thể "
                             "đọc ra hai nội dung khác nhau, nên không nhập.",
                             "The file repeats the key “{key}” inside one JSON object: two programs could read "
                             "two different contents from it, so it is not imported."),
    "import.trailing_bytes": ("Sau phần cuối của tệp còn {n} byte thừa (có thể hai tệp bị nối vào nhau hoặc tệp bị "
                              "ghi thêm): không nhập; hãy xin lại tệp.",
                              "There are {n} extra bytes after the end of the file (two files joined, or data "
                              "appended): not imported; ask for the file again."),
    "import.bom": ("Tệp bắt đầu bằng dấu BOM do một trình soạn thảo thêm vào: tệp đã bị mở và lưu lại bằng chương "
                   "trình khác, nên không nhập; hãy xin lại tệp gốc.",
                   "The file starts with a byte-order mark added by a text editor: it was opened and saved again "
                   "by another program, so it is not imported; ask for the original file."),
    "import.bad_file_name": ("Tên tệp không phải văn bản UTF-8 (hiển thị: {shown}): không nhập; hãy đổi tên tệp "
                             "rồi nhập lại.",
                             "The file name is not UTF-8 text (shown as: {shown}): not imported; rename the file "
                             "and import it again."),
    "import.not_regular": ("Đây không phải một tệp thường (thiết bị, ống dẫn hoặc ổ cắm): bỏ qua.",
                           "This is not a regular file (a device, pipe or socket): skipped."),
    "import.too_many_folders": ("Thư mục lồng nhau quá sâu hoặc quá nhiều (quá {max}): phần còn lại bị bỏ qua.",
                                "Folders nested too deeply or too many (more than {max}): the rest was skipped."),
    "import.member_field": ("Thông tin người viết trong tệp không hợp lệ: {reason} Không nhập.",
                            "The writer's details in the file are not valid: {reason_en} Not imported."),
    "import.stored_altered": ("Bản kiểm điểm lần {revision} của đồng chí {name} lưu trên máy này không còn khớp với "
                              "tệp đã ký: cơ sở dữ liệu đã bị sửa ngoài ứng dụng. Không nhập gì; hãy chạy "
                              "“selfreview doctor” và khôi phục bản sao lưu.",
                              "Revision {revision} of {name} stored on this computer no longer matches the signed "
                              "file: the database was changed outside the app. Nothing imported; run "
                              "“selfreview doctor” and restore a backup."),
    "doctor.altered": ("Bản kiểm điểm số {id} ({name}, lần {revision}): câu trả lời đã lưu không còn khớp với mã "
                       "kiểm tra lúc hoàn tất/nhập: đã bị sửa ngoài ứng dụng.",
                       "Review {id} ({name}, revision {revision}): its stored answers no longer match the hash "
                       "taken when it was finalized or imported: changed outside the app."),
    "import.key_confirmed": ("Đã xác nhận khóa của đồng chí {name} (dấu vân tay {fp}, đối chiếu bằng lời).",
                             "The key of {name} is confirmed (fingerprint {fp}, compared by voice)."),
    "import.key_unconfirmed": ("Khóa của đồng chí {name} (dấu vân tay {fp}) đến cùng tệp đầu tiên nên đang “chưa "
                               "xác nhận”: hãy gọi điện đối chiếu dấu vân tay với đảng viên rồi xác nhận "
                               "(--accept-new-key {fp}). Tệp từ khóa đã xác nhận sẽ thay thế mọi tệp từ khóa này.",
                               "The key of {name} (fingerprint {fp}) came with a first file and is held as "
                               "“unconfirmed”: call the member, compare the fingerprint, then confirm it "
                               "(--accept-new-key {fp}). Files from a confirmed key replace every file from this "
                               "one."),
    "import.revision_gap": ("Đã nhận lần {revision} của đồng chí {name}, trong khi lần trước nhận được là lần "
                            "{current}: (các) lần {missing} chưa đến máy này. Hãy hỏi đồng chí vì sao (ví dụ đã sửa "
                            "lại trước khi gửi); nếu đồng chí không lập các lần đó, có thể có người khác giữ khóa.",
                            "Revision {revision} of {name} arrived, but the last one received was {current}: "
                            "revision(s) {missing} never came here. Ask the member why (e.g. reopened before "
                            "sending); if they did not make those, someone else may hold the key."),
    "import.look_alike": ("Đã thêm đảng viên MỚI “{name}” theo lựa chọn của bí thư, dù tên này trông giống "
                          "“{other}” đã có trong danh sách.",
                          "Added as a NEW member “{name}” as the secretary chose, although the name looks like "
                          "“{other}”, already on the roster."),
    "import.look_alike_refused": ("Tên “{name}” trong tệp trông giống “{other}” đã có trong danh sách nhưng không "
                                  "phải cùng một người (khác ngày sinh, ký tự ẩn hoặc chữ của bảng chữ cái khác): "
                                  "không nhập. Hãy gọi điện hỏi đảng viên; nếu đúng là một người khác, nhập lại với "
                                  "--accept-look-alike {fp}.",
                                  "The name “{name}” in the file looks like “{other}”, already on the roster, but "
                                  "is not that member (another date of birth, invisible characters or letters of "
                                  "another script): not imported. Call the member; if this really is another "
                                  "person, import again with --accept-look-alike {fp}."),
    "import.cell_differs": ("Tệp lập không theo lời mời ghi chi bộ “{cell}”, còn đợt kiểm điểm đã chọn là của chi bộ "
                            "“{round_cell}”: không nhập. Nếu đúng là đảng viên của chi bộ này, nhập lại với "
                            "--accept-other-cell.",
                            "The file, made without an invitation, names cell “{cell}”, but the chosen round is "
                            "of “{round_cell}”: not imported. If the member does belong here, import again with "
                            "--accept-other-cell."),
    "invite.other_secretary": ("Bản kiểm điểm kỳ {period} của đồng chí đang gửi cho bí thư {old_name} (dấu vân tay "
                               "{old}). Lời mời này do {new_name} ký bằng khóa KHÁC (dấu vân tay {new}). Hãy gọi "
                               "điện cho bí thư đối chiếu dấu vân tay; chỉ khi đúng mới chọn gửi cho khóa mới.",
                               "Your review for {period} goes to the secretary {old_name} (fingerprint {old}). This "
                               "invitation is signed by {new_name} with a DIFFERENT key (fingerprint {new}). Call "
                               "the secretary and compare the fingerprint; choose the new key only if it matches."),
    "limit.too_long": ("“{field}” quá dài: {n} ký tự, tối đa {max}.",
                       "“{field_en}” is too long: {n} characters, at most {max}."),
    "limit.invisible": ("“{field}” chứa ký tự ẩn hoặc ký tự điều khiển hướng chữ (U+{char}): hãy gõ lại.",
                        "“{field_en}” contains an invisible or text-direction control character (U+{char}): "
                        "type it again."),
    "limit.control": ("“{field}” chứa ký tự điều khiển (U+{char}).",
                      "“{field_en}” contains a control character (U+{char})."),
    "limit.empty": ("“{field}” không được để trống.", "“{field_en}” must not be empty."),
    "out.exists": ("Tệp “{path}” đã có: thêm --force để ghi đè.",
                   "The file “{path}” already exists: add --force to replace it."),
    "out.is_folder": ("“{path}” là một thư mục, không phải tên tệp.", "“{path}” is a folder, not a file name."),
    "out.cannot_write": ("Không ghi được “{path}”: {error}.", "Could not write “{path}”: {error_en}."),
}

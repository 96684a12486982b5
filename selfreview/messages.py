"""Messages the Qt-free core shows to people (through the CLI and the GUI), in both languages.

The core cannot use Qt's translators (it runs without Qt), so each message carries its Vietnamese
and English text; the GUI picks the language the user chose. Widget strings use ``tr()`` instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from selfreview.text import nfc


@dataclass(frozen=True)
class Message:
    code: str
    vi: str
    en: str

    def get(self, lang: str = "vi") -> str:
        return self.en if lang == "en" else self.vi

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
}


def msg(code: str, **params: object) -> Message:
    """The message ``code`` with its parameters filled in (both languages, NFC)."""
    vi, en = CATALOGUE[code]
    return Message(code, nfc(vi.format(**params)), nfc(en.format(**params)))

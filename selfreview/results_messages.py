"""The messages of results travelling up and decisions coming back (issue 15), in both languages;
merged into ``selfreview.messages.CATALOGUE``. No imports: messages.py imports this."""

RESULTS: dict[str, tuple[str, str]] = {
    "results.other_kind": ("Tệp này là loại “{kind}”, không phải loại “{expected}” cần ở đây.",
                           "This file is a “{kind}” file, not the “{expected}” expected here."),
    "results.reason.not_submitted": ("Chưa nộp bản kiểm điểm", "No review handed in"),
    "results.reason.not_finalized": ("Bản kiểm điểm chưa hoàn tất", "The review is not finalized"),
    "results.reason.not_proposed": ("Chi bộ chưa đề xuất mức xếp loại", "The cell has proposed no rating"),
    "results.no_call": ("Chưa mở tệp yêu cầu báo cáo kết quả kỳ {period} của cấp ủy cấp trên, nên chưa biết gửi "
                        "kết quả cho ai: hãy mở tệp đó trước (selfreview open-invite TỆP --profile ID).",
                        "No call for results of period {period} from the committee above has been opened, so "
                        "there is no one to send the results to: open that file first "
                        "(selfreview open-invite FILE --profile ID)."),
    "results.call_key_differs": ("Đã có yêu cầu báo cáo kỳ {period} do một khóa khác ký (dấu vân tay cũ {old}, mới "
                                 "{new}): hãy gọi điện cho cấp ủy cấp trên để xác nhận trước khi dùng tệp mới.",
                                 "A call for results of period {period} signed by another key was opened before "
                                 "(old fingerprint {old}, new {new}): phone the committee to confirm before using "
                                 "the new file."),
    "results.no_period": ("Chưa ghi kỳ kiểm điểm.", "No period given."),
    "results.bad_quota": ("Tỷ lệ HTXSNV phải là 20 hoặc 25 (%), không phải {percent}.",
                          "The HTXSNV quota must be 20 or 25 (%), not {percent}."),
    "results.no_committee_name": ("Chưa ghi tên cấp ủy (--committee).", "The committee's name is missing (--committee)."),
    "results.not_found": ("Không có kết quả báo cáo số {id}.", "There are no results number {id}."),
    "results.no_org": ("Chưa nhận kết quả của tổ chức “{organisation}” kỳ {period}.",
                       "No results of “{organisation}” for period {period} have been imported."),
    "results.no_member": ("Không có đảng viên “{ref}” trong kết quả này.", "No member “{ref}” in these results."),
    "results.ambiguous_member": ("Có nhiều đảng viên tên “{name}”: hãy chỉ rõ bằng mã (--ref).",
                                 "Several members are named “{name}”: name one by its ref (--ref)."),
    "results.no_review": ("Bản kiểm điểm đầy đủ của đồng chí {name} không được gửi kèm kết quả (chi bộ cần ghi "
                          "kết quả với tùy chọn kèm bản kiểm điểm).",
                          "The full review of {name} did not come with the results (the cell writes them with "
                          "the reviews in full)."),
    "results.none": ("Chưa nhận kết quả báo cáo nào của kỳ {period}.", "No results for period {period} were imported."),
    "results.over_quota": ("Mức xếp loại đã quyết định vượt tỷ lệ: {summary}. Hãy xem lại, hoặc dùng --over-quota "
                           "nếu cấp có thẩm quyền cho phép.",
                           "The decided ratings break the quota: {summary_en}. Review them, or use --over-quota "
                           "where the competent level allows it."),
    "results.rollcall": ("{reported}/{total} tổ chức đã báo cáo", "{reported}/{total} organisations have reported"),
    "results.unknown_call": ("Tệp kết quả này trả lời một yêu cầu báo cáo không do máy này gửi đi.",
                             "These results answer a call for results that this office did not send."),
    "results.period_mismatch": ("Tệp ghi kỳ {period}, nhưng yêu cầu báo cáo là kỳ {call_period}.",
                                "The file is for period {period}, but the call was for period {call_period}."),
    "results.key_changed": ("Kết quả của “{organisation}” được ký bằng khóa khác với lần trước (dấu vân tay cũ {old}, "
                            "mới {new}): hãy gọi điện cho bí thư để xác nhận.",
                            "The results of “{organisation}” are signed by another key than before (old fingerprint "
                            "{old}, new {new}): phone its secretary to confirm."),
    "results.older": ("Đây là bản kết quả cũ hơn bản đã nhận của “{organisation}”.",
                      "These results of “{organisation}” are older than the ones already imported."),
    "decisions.unknown_committee": ("Tệp quyết định của “{committee}” không đến từ cấp ủy mà máy này đã mở yêu cầu "
                                    "báo cáo: không nhận.",
                                    "This decision file from “{committee}” does not come from a committee whose "
                                    "call for results was opened here: refused."),
    "decisions.unknown_member": ("Tệp quyết định nêu đồng chí {name}, người không có trong kết quả đã gửi từ máy "
                                 "này: không nhận.",
                                 "The decision file names {name}, who is not in the results sent from here: "
                                 "refused."),
}

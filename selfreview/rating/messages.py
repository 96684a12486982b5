"""Message and label catalogue for the rating rules (QĐ 366-QĐ/TW, Điều 11).

Pure data, no logic: :mod:`selfreview.rating.rules` builds explanations from these strings.

Vietnamese condition texts are taken verbatim from Article 11 of Quy định 366-QĐ/TW (30/8/2025),
shortened only by cutting. A cut inside a text is marked with " … "; a text that starts in the
middle of a sentence has only its first letter capitalised. Nothing is reworded. The English is a
working rendering for the app, not an official translation; where a bundled form offers a condition
as a tick-box (its ``rating_conditions`` question, option value = condition code), the English here
is that option's English, so one condition has one wording in the English interface
(tests/unit/test_rating_condition_texts.py holds the two together). Every string here is NFC.
"""

from __future__ import annotations

# --- rating levels (keys are ``Rating`` values) ---------------------------------------------------
RATING_LABEL_VI = {
    "htxsnv": "Hoàn thành xuất sắc nhiệm vụ",
    "httnv": "Hoàn thành tốt nhiệm vụ",
    "htnv": "Hoàn thành nhiệm vụ",
    "khtnv": "Không hoàn thành nhiệm vụ",
}
# The English of the bundled forms' rating options (resources/forms/*.yaml, "Tự đề xuất mức xếp
# loại"), so that one level has one name in the English interface; tests/unit/test_rating_names.py
# holds the two together.
RATING_LABEL_EN = {
    "htxsnv": "Excellent completion of tasks",
    "httnv": "Good completion of tasks",
    "htnv": "Completion of tasks",
    "khtnv": "Failure to complete tasks",
}
RATING_SHORT = {"htxsnv": "HTXSNV", "httnv": "HTTNV", "htnv": "HTNV", "khtnv": "KHTNV"}
# Article 11 item (khoản) that defines each level.
RATING_ITEM = {"htxsnv": 1, "httnv": 2, "htnv": 3, "khtnv": 4}

# --- categories (keys are ``Category`` values) ----------------------------------------------------
CATEGORY_LABEL_VI = {
    "leader": "Cá nhân giữ chức vụ lãnh đạo, quản lý",
    "non_leader": "Cá nhân không giữ chức vụ lãnh đạo, quản lý",
    "outside_system": "Đảng viên không làm việc trong hệ thống chính trị",
    "collective": "Tập thể",
}
CATEGORY_LABEL_EN = {
    "leader": "Person holding a leadership or management post",
    "non_leader": "Person not holding a leadership or management post",
    "outside_system": "Party member not working in the political system",
    "collective": "Collective",
}
CATEGORY_FORM = {"leader": "2A", "non_leader": "2B", "outside_system": "2C", "collective": "01"}

# --- condition texts: code -> (vi verbatim from Article 11, en) -----------------------------------
# Each code is also the value of the bundled forms' tick-box for it (resources/forms/*.yaml, the
# ``rating_conditions`` question). For every category whose form offers it, the text (from
# CONDITION_TEXT_FOR where that category's is worded apart) is that option's label, in both
# languages; where they differ on purpose, a comment says why.
CONDITION_TEXT: dict[str, tuple[str, str]] = {
    # Listed cases of "Không hoàn thành nhiệm vụ" (khoản 4).
    # Worded as in 4.2 (leaders, Mẫu 2A); 4.3 (2B, 2C) words it apart: CONDITION_TEXT_FOR.
    "degraded": (
        "Bị cấp có thẩm quyền kết luận có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, "
        "\"tự diễn biến\", \"tự chuyển hoá\"",
        "Concluded by the competent level to show signs of degradation in political ideology, ethics "
        "or lifestyle, \"self-evolution\" or \"self-transformation\"",
    ),
    "disciplined_duty": (
        "Có vi phạm liên quan đến chức trách, nhiệm vụ trong thực thi công vụ bị xử lý kỷ luật từ "
        "khiển trách trở lên",
        "Disciplined (reprimand or above) for a violation related to one's duties and tasks in public "
        "service",
    ),
    "violated_prohibitions": (
        "Vi phạm những điều đảng viên không được làm, vi phạm quy định về trách nhiệm nêu gương, gây "
        "ảnh hưởng xấu đến uy tín của bản thân và tổ chức, cơ quan, đơn vị",
        "Broke the things Party members must not do or the rules on exemplary responsibility, harming "
        "the reputation of oneself and of the organisation, agency or unit",
    ),
    "tasks_failed_over_half": (
        "Có trên 50% số nhiệm vụ trong năm bị đánh giá không hoàn thành",
        "More than 50% of the year's tasks assessed as not completed",
    ),
    # A cut of Mẫu 2A's option (4.2): the list of the 5 targets in brackets is left out, in both
    # languages at the same place (" … ").
    "unit_below_70pct": (
        "Địa phương, lĩnh vực, cơ quan, đơn vị, bộ phận do cá nhân trực tiếp lãnh đạo, quản lý hoàn "
        "thành dưới 70% số nhiệm vụ theo chương trình, kế hoạch trong năm hoặc không hoàn thành 5 chỉ "
        "tiêu kinh tế - xã hội cơ bản được cấp có thẩm quyền giao, phê duyệt … hoặc có trên 50% tổng "
        "số địa phương, lĩnh vực, cơ quan, đơn vị, bộ phận mà cá nhân phụ trách lãnh đạo, quản lý có "
        "trách nhiệm trực tiếp hoặc trách nhiệm người đứng đầu hoặc cùng chịu trách nhiệm liên quan "
        "bị xếp loại \"Không hoàn thành nhiệm vụ\"",
        "The locality, field, agency, unit or division one directly leads or manages completed under "
        "70% of the year's programme or plan tasks, or missed the 5 basic socio-economic targets "
        "assigned or approved by the competent level … or more than 50% of the localities, fields, "
        "agencies, units or divisions one leads or manages, with direct, head's or joint "
        "responsibility, were rated \"Failure to complete tasks\"",
    ),
    "low_confidence_votes": (
        "Có trên 50% số phiếu tín nhiệm thấp tại kỳ lấy phiếu tín nhiệm trong năm (nếu có)",
        "More than 50% low-confidence votes at the year's confidence vote (if any)",
    ),
    "corruption_in_scope": (
        "Có tổ chức hoặc cá nhân trong phạm vi quản lý trực tiếp xảy ra tham nhũng, lãng phí, tiêu "
        "cực và bị xử lý kỷ luật",
        "Corruption, waste or negative practices occurred in an organisation or by an individual "
        "under one's direct management and were disciplined",
    ),
    # Listed cases of "Không hoàn thành nhiệm vụ" for a leadership collective (khoản 4, 4.1).
    "cadre_work_violations": (
        "Bị cấp có thẩm quyền kết luận có sai phạm trong công tác cán bộ, mất đoàn kết nội bộ, bè phái, "
        "chạy chức, chạy quyền trong phạm vi phụ trách",
        "Concluded by the competent level to have committed wrongdoing in cadre work, internal disunity, "
        "factionalism, or buying of posts or power within its scope of responsibility",
    ),
    "member_disciplined_duty": (
        "Có thành viên trong tập thể lãnh đạo, quản lý vi phạm liên quan đến chức trách, nhiệm vụ trong "
        "thực thi công vụ bị xử lý kỷ luật từ khiển trách trở lên (trừ trường hợp thành viên đó bị kỷ "
        "luật mà vi phạm đó xảy ra từ thời điểm tại tổ chức, cơ quan, đơn vị khác chuyển đến hoặc hành "
        "vi vi phạm đó không liên quan đến chức trách, thẩm quyền của tập thể lãnh đạo, quản lý đang "
        "công tác tại thời điểm hiện tại)",
        "A member of the leadership collective was disciplined (reprimand or above) for a breach related "
        "to their responsibilities and duties in public service (except where the breach happened at "
        "the organisation they came from, or is unrelated to the responsibilities and powers of the "
        "leadership collective they now serve in)",
    ),
    "member_degraded": (
        "Có thành viên trong tập thể lãnh đạo, quản lý bị cấp có thẩm quyền kết luận có biểu hiện suy "
        "thoái về tư tưởng chính trị, đạo đức, lối sống, \"tự diễn biến\", \"tự chuyển hoá\"",
        "A member of the leadership collective was concluded by the competent level to show signs of "
        "degradation in political ideology, ethics or lifestyle, \"self-evolution\", "
        "\"self-transformation\"",
    ),
    # Conditions of "Hoàn thành xuất sắc nhiệm vụ" (khoản 1).
    "no_discipline_in_collective": (
        "Không có đơn vị trực thuộc (đối với tổ chức, cơ quan, đơn vị) hoặc thành viên của tập thể lãnh "
        "đạo, quản lý bị kỷ luật",
        "No subordinate unit (for an organisation, agency or unit) and no member of the leadership "
        "collective was disciplined",
    ),
    "all_tasks_on_time_quality": (
        "Hoàn thành 100% các nhiệm vụ được giao, đúng hạn, bảo đảm chất lượng, hiệu quả",
        "Completed 100% of assigned tasks, on time, with quality and effect",
    ),
    "over_30pct_exceeded": (
        "Có ít nhất 30% nhiệm vụ hoàn thành vượt mức yêu cầu",
        "At least 30% of tasks were completed beyond the requirement",
    ),
    "prior_shortcomings_fixed": (
        "Đã khắc phục 100% các hạn chế, khuyết điểm được chỉ ra ở thời điểm kiểm điểm trước (nếu có)",
        "Remedied 100% of the limitations and shortcomings pointed out at the previous review (if any)",
    ),
    "unit_all_tasks_30pct_exceeded": (
        "Các địa phương, lĩnh vực, cơ quan, đơn vị, bộ phận do cá nhân trực tiếp lãnh đạo, quản lý "
        "hoàn thành 100% nhiệm vụ được giao; trong đó có ít nhất 30% số nhiệm vụ hoàn thành vượt mức "
        "yêu cầu",
        "The localities, fields, agencies, units or divisions one directly leads or manages completed "
        "100% of assigned tasks, at least 30% of them beyond the requirement",
    ),
    # Task conditions of "Hoàn thành tốt nhiệm vụ" (khoản 2) and "Hoàn thành nhiệm vụ" (khoản 3), in
    # Article 11's own (positive) words. These differ from the forms on purpose: the forms ask the
    # negation in the app's words (options not_all_tasks_done, tasks_late_over_20pct; Mẫu 2A's also
    # name the unit one leads), and no form asks tasks_on_time (RatingInput.any_task_late).
    "tasks_on_time": (
        "Hoàn thành 100% các nhiệm vụ được giao, đúng thời hạn, bảo đảm chất lượng, hiệu quả",
        "Completed 100% of assigned tasks on time, with quality and effect",
    ),
    "all_tasks_done": (
        "Hoàn thành 100% các nhiệm vụ được giao",
        "Completed 100% of assigned tasks",
    ),
    "late_within_20pct": (
        "Số nhiệm vụ chưa bảo đảm tiến độ không vượt quá 20%",
        "No more than 20% of tasks behind schedule",
    ),
}

# Where Article 11 words a condition differently for some categories: (category, code) -> texts.
# 4.3 (non-leaders and members outside the political system; Mẫu 2B, 2C) puts its cases in one
# sentence; the forms and these cut it into the cases, without 4.2's "tự diễn biến", "tự chuyển hoá".
CONDITION_TEXT_FOR: dict[tuple[str, str], tuple[str, str]] = {
    (cat, code): texts
    for cat in ("non_leader", "outside_system")
    for code, texts in {
        "degraded": (
            "Bị cấp có thẩm quyền kết luận có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, "
            "lối sống",
            "Concluded by the competent level to show signs of degradation in political ideology, ethics "
            "or lifestyle",
        ),
        "disciplined_duty": (
            "Vi phạm liên quan đến hoạt động công vụ bị xử lý kỷ luật từ khiển trách trở lên",
            "Disciplined (reprimand or above) for a violation related to public service",
        ),
    }.items()
}
# A collective (khoản 1, 1.1; khoản 2, 2.1; khoản 4, 4.1) is worded apart from individuals.
CONDITION_TEXT_FOR.update({
    ("collective", "over_30pct_exceeded"): (
        "Có ít nhất 30% số nhiệm vụ hoàn thành vượt mức yêu cầu",
        "At least 30% of tasks were completed beyond the requirement",
    ),
    ("collective", "tasks_on_time"): (
        "Hoàn thành 100% các nhiệm vụ được giao, đúng hạn, bảo đảm chất lượng, hiệu quả",
        "Completed 100% of assigned tasks, on time, with quality and effect",
    ),
    ("collective", "unit_below_70pct"): (
        "Địa phương, tổ chức, cơ quan, đơn vị do mình trực tiếp lãnh đạo, quản lý hoàn thành dưới 70% "
        "số nhiệm vụ theo chương trình, kế hoạch trong năm hoặc không hoàn thành 5 chỉ tiêu kinh tế - xã "
        "hội cơ bản được cấp có thẩm quyền giao, phê duyệt",
        "The locality, organisation, agency or unit it directly leads or manages completed under 70% of "
        "the year's programme and plan tasks, or missed the 5 basic socio-economic targets assigned or "
        "approved by the competent level",
    ),
})

# The "competent level considers" clause after the listed cases of khoản 4, per category.
MITIGATION_TEXT: dict[str, tuple[str, str]] = {
    "leader": (
        "Trường hợp cá nhân lãnh đạo, quản lý đã chủ động phát hiện, báo cáo và chỉ đạo xử lý kịp "
        "thời, khắc phục xong hậu quả thì cấp có thẩm quyền … xem xét, đánh giá, xếp loại",
        "Where the leader proactively detected, reported and directed timely handling and has "
        "remedied the consequences, the competent level … considers, assesses and rates",
    ),
    **{
        cat: (
            "Trường hợp tự giác nhận lỗi, tự phát hiện vi phạm và khắc phục xong hậu quả thì cấp có "
            "thẩm quyền … xem xét, đánh giá, xếp loại",
            "Where the person admitted the fault, detected the breach themselves and has remedied "
            "the consequences, the competent level … considers, assesses and rates",
        )
        for cat in ("non_leader", "outside_system")
    },
    "collective": (
        "Trường hợp không hoàn thành nhiệm vụ hoặc các chỉ tiêu nêu trên mà có lý do bất khả kháng hoặc "
        "trường hợp tập thể lãnh đạo, quản lý hoặc có thành viên của tập thể lãnh đạo, quản lý bị xử lý "
        "kỷ luật nhưng đã chủ động phát hiện vi phạm và khắc phục kịp thời thì cấp có thẩm quyền … xem "
        "xét, đánh giá, xếp loại",
        "Where the tasks or targets above were missed for reasons of force majeure, or the leadership "
        "collective or one of its members was disciplined but detected the breach itself and remedied "
        "it in time, the competent level … considers, assesses and rates",
    ),
}

# --- explanation templates (the app's own wording, not official text) ----------------------------
# Placeholders: {total} formatted score, {label} level name, {item} khoản number, {text} condition.
BAND_LINE = ("{total}/100 → {label}", "{total}/100 → {label}")
NOT_SCORED = ("Chưa có tổng điểm", "Not scored yet")
SUMMARY_DIFFERS = ("{line} (theo điểm: {band})", "{line} (score alone: {band})")

REASON_DISQUALIFIER = (
    "Thuộc trường hợp \"{label}\" (Điều 11, khoản 4): {text}",
    "A listed case of \"{label}\" (Article 11, item 4): {text}",
)
REASON_UNMET = (
    "Chưa đáp ứng điều kiện của mức \"{label}\" (Điều 11, khoản {item}): {text}",
    "Condition for \"{label}\" not met (Article 11, item {item}): {text}",
)

NOTE_IGNORED = (
    "Điều 11, khoản 4 không nêu trường hợp này cho đối tượng \"{category}\", nên không dùng để "
    "gợi ý: {text}",
    "Article 11, item 4 does not list this case for \"{category}\", so it does not change the "
    "suggestion: {text}",
)
NOTE_RESIDUAL = (
    "Không đáp ứng điều kiện của mức \"Hoàn thành nhiệm vụ\" nhưng cũng không thuộc trường hợp nêu "
    "ở Điều 11, khoản 4; gợi ý là mức còn lại. Cấp có thẩm quyền xem xét, quyết định.",
    "The conditions for \"Completion of tasks\" are not met, yet this is not a case listed in "
    "Article 11, item 4; the suggestion is the only level left. The competent level decides.",
)
NOTE_LEADER_UNIT = (
    "Với người giữ chức vụ lãnh đạo, quản lý, mức này còn đòi hỏi địa phương, lĩnh vực, cơ quan, "
    "đơn vị, bộ phận do mình trực tiếp lãnh đạo, quản lý đáp ứng điều kiện tương ứng "
    "(Điều 11, khoản 2, 3); phần này chưa được kiểm tra.",
    "For a leader this level also requires the localities, fields, agencies, units or divisions "
    "they directly lead to meet the matching conditions (Article 11, items 2 and 3); not checked "
    "here.",
)
DISCLAIMER = (
    "Đây là gợi ý để tham khảo; cấp có thẩm quyền xem xét, quyết định xếp loại.",
    "This is a suggestion only; the competent level considers and decides the rating.",
)

# --- problems with a proposed rating ---------------------------------------------------------------
PROBLEM_TEXT: dict[str, tuple[str, str]] = {
    "proposed_missing": ("Chưa tự đề xuất mức xếp loại.", "No rating has been proposed yet."),
    "not_scored": (
        "Chưa có tổng điểm nên chưa đối chiếu được mức tự đề xuất.",
        "No total score yet, so the proposed rating cannot be checked.",
    ),
    "above_score_band": (
        "Mức tự đề xuất \"{proposed}\" cao hơn mức tổng điểm {total}/100 cho phép (\"{band}\").",
        "The proposed rating \"{proposed}\" is higher than the total score {total}/100 allows "
        "(\"{band}\").",
    ),
    "above_conditions": (
        "Mức tự đề xuất \"{proposed}\" cao hơn mức gợi ý \"{suggested}\": {why}",
        "The proposed rating \"{proposed}\" is higher than the suggested \"{suggested}\": {why}",
    ),
    "below_suggestion": (
        "Mức tự đề xuất \"{proposed}\" thấp hơn mức gợi ý \"{suggested}\"; được phép, chỉ lưu ý "
        "để cân nhắc.",
        "The proposed rating \"{proposed}\" is lower than the suggested \"{suggested}\"; this is "
        "allowed, noted for consideration only.",
    ),
}

# The same problems with the rating the cell (its committee) proposes for a member.
PROBLEM_TEXT_CELL: dict[str, tuple[str, str]] = {
    "proposed_missing": ("Chi bộ chưa đề xuất mức xếp loại.", "The cell has not proposed a rating yet."),
    "not_scored": (
        "Bản kiểm điểm chưa có tổng điểm nên chưa đối chiếu được mức chi bộ đề xuất.",
        "The review has no total score yet, so the cell's proposed rating cannot be checked.",
    ),
    "above_score_band": (
        "Mức chi bộ đề xuất \"{proposed}\" cao hơn mức tổng điểm {total}/100 cho phép (\"{band}\").",
        "The cell's proposed rating \"{proposed}\" is higher than the total score {total}/100 allows "
        "(\"{band}\").",
    ),
    "above_conditions": (
        "Mức chi bộ đề xuất \"{proposed}\" cao hơn mức gợi ý \"{suggested}\": {why}",
        "The cell's proposed rating \"{proposed}\" is higher than the suggested \"{suggested}\": {why}",
    ),
    "below_suggestion": (
        "Mức chi bộ đề xuất \"{proposed}\" thấp hơn mức gợi ý \"{suggested}\"; được phép, chỉ lưu ý "
        "để cân nhắc.",
        "The cell's proposed rating \"{proposed}\" is lower than the suggested \"{suggested}\"; this "
        "is allowed, noted for consideration only.",
    ),
}

# --- quota (khoản 1, 1.5) -----------------------------------------------------------------------------
QUOTA_LINE = (
    "HTXSNV {excellent} / HTTNV {good}: tối đa {max} ({percent}%) — {verdict}",
    "HTXSNV {excellent} / HTTNV {good}: at most {max} ({percent}%) — {verdict}",
)
QUOTA_OK = ("trong hạn mức", "within the limit")
QUOTA_OVER = ("vượt {over}", "over by {over}")

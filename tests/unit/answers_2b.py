"""A complete, valid set of answers for Mẫu 2B (shared by service and end-to-end tests)."""

BEHAVIOURS = ["not_proactive", "no_clear_view", "unclear_law_no_plan", "poor_coordination", "not_daring_decide",
              "pushing_up_sideways", "slow_handling", "fear_of_discipline", "avoiding_posts"]


def complete_2b() -> dict:
    checklist = {b: {"frequency": "never"} for b in BEHAVIOURS}
    checklist["slow_handling"] = {"frequency": "sometimes", "example": "Hồ sơ đất đai tháng 5 xử lý chậm 3 ngày.",
                                  "remedy": "Lập sổ theo dõi hạn xử lý từng hồ sơ."}
    return {
        "a1_political": "Luôn giữ vững lập trường, tư tưởng chính trị; đoàn kết, giữ gìn kỷ luật.",
        "a1_duties": "Hoàn thành 100% nhiệm vụ được giao, đúng tiến độ; tham mưu 12 văn bản.",
        "a1_pledge": "Thực hiện nghiêm cam kết tu dưỡng, rèn luyện năm 2026.",
        "a2_shortcomings": "- Có lúc xử lý hồ sơ còn chậm.\n- Chưa chủ động đề xuất cải tiến quy trình.",
        "a2_causes": "Khối lượng công việc lớn; chưa sắp xếp thời gian hợp lý.",
        "a6_direction": "Lập kế hoạch tuần, theo dõi hạn xử lý; chủ động đề xuất, không đùn đẩy việc.",
        "b1_general": 26,
        "b1_tasks": 60,
        "b2_proposed": "httnv",
        "b2_conditions": ["all_tasks_on_time_quality"],
        "r_behaviours": checklist,
    }

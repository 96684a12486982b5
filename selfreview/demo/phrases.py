"""A small bank of plausible Vietnamese sentences for the demo's long answers, by topic."""

from __future__ import annotations

POLITICAL = (
    "Luôn giữ vững lập trường, tư tưởng chính trị; chấp hành nghiêm chủ trương của Đảng, "
    "chính sách, pháp luật của Nhà nước.",
    "Có ý thức tổ chức kỷ luật, giữ gìn đoàn kết nội bộ, thực hiện tốt nguyên tắc tập trung dân chủ.",
    "Giữ gìn phẩm chất đạo đức, lối sống lành mạnh, giản dị; không có biểu hiện suy thoái.",
    "Thực hiện nghiêm những điều đảng viên không được làm và quy định về nêu gương.",
    "Tích cực học tập, làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    "Gần gũi, lắng nghe ý kiến của đồng nghiệp và nhân dân; tác phong làm việc khoa học, đúng mực.",
)
DUTIES = (
    "Hoàn thành {pct}% nhiệm vụ được giao trong năm, bảo đảm tiến độ và chất lượng.",
    "Tham mưu ban hành {n} văn bản, trong đó có {k} văn bản được cấp trên đánh giá cao.",
    "Giải quyết {n} hồ sơ thủ tục hành chính, không có hồ sơ quá hạn.",
    "Phối hợp với các phòng, ban liên quan triển khai chương trình chuyển đổi số của đơn vị.",
    "Chủ động đề xuất {k} sáng kiến cải tiến quy trình, rút ngắn thời gian xử lý công việc.",
    "Tham gia đầy đủ các lớp bồi dưỡng chuyên môn, nghiệp vụ; vận dụng tốt vào thực tiễn.",
)
LEADERSHIP = (
    "Lãnh đạo đơn vị hoàn thành các chỉ tiêu kế hoạch năm; nội bộ đoàn kết, thống nhất.",
    "Phân công nhiệm vụ rõ người, rõ việc, rõ thời hạn; thường xuyên kiểm tra, đôn đốc.",
    "Chỉ đạo tháo gỡ kịp thời các vướng mắc trong giải phóng mặt bằng và cải cách hành chính.",
)
DARING = (
    "Dám nghĩ, dám làm, dám chịu trách nhiệm trong những việc mới, khó; không né tránh, đùn đẩy.",
    "Chủ động quyết định những việc thuộc thẩm quyền, chịu trách nhiệm về kết quả thực hiện.",
)
EXAMPLE = (
    "Gương mẫu chấp hành quy định về nêu gương; kê khai tài sản, thu nhập trung thực, đúng hạn.",
    "Không để xảy ra tham nhũng, lãng phí, tiêu cực trong phạm vi phụ trách.",
)
PLEDGE = (
    "Thực hiện nghiêm cam kết tu dưỡng, rèn luyện, phấn đấu năm {year}.",
    "Đăng ký và thực hiện đầy đủ nội dung cam kết học tập, làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
)
SHORTCOMINGS = (
    "Có lúc xử lý hồ sơ còn chậm so với yêu cầu.",
    "Chưa chủ động đề xuất cải tiến quy trình làm việc.",
    "Ít phát biểu, đóng góp ý kiến trong sinh hoạt chi bộ.",
    "Việc tự học tập nâng cao trình độ ngoại ngữ, tin học còn hạn chế.",
    "Công tác phối hợp với các đơn vị liên quan có lúc chưa chặt chẽ.",
    "Báo cáo định kỳ đôi khi nộp chưa đúng hạn.",
)
CAUSES = (
    "Khối lượng công việc lớn, nhiều việc đột xuất; bản thân chưa sắp xếp thời gian hợp lý.",
    "Chưa thật sự quyết liệt trong chỉ đạo, đôn đốc thực hiện.",
    "Một số quy định pháp luật còn chồng chéo, chưa rõ ràng.",
)
DIRECTION = (
    "Lập kế hoạch công tác tuần, tháng; theo dõi hạn xử lý từng việc.",
    "Chủ động đề xuất, không đùn đẩy công việc; tăng cường phối hợp với đồng nghiệp.",
    "Tích cực học tập nâng cao trình độ chuyên môn, kỹ năng số.",
    "Tiếp tục khắc phục dứt điểm các hạn chế đã chỉ ra trong năm.",
)
EXPLANATIONS = ("Giải trình về việc chậm tiến độ dự án: do thay đổi quy hoạch, đã báo cáo cấp trên.",)
COLLECTIVE = ("Chịu trách nhiệm một phần về hạn chế của tập thể trong công tác cải cách hành chính.",)
EXAMPLES = (
    "Hồ sơ đất đai tháng {m} xử lý chậm {d} ngày.",
    "Chuyển văn bản xin ý kiến cấp trên dù việc thuộc thẩm quyền của mình.",
    "Tham mưu chưa nêu rõ quan điểm khi quy định chưa rõ.",
    "Phối hợp với phòng bạn còn chậm trong đợt kiểm tra tháng {m}.",
)
REMEDIES = (
    "Lập sổ theo dõi hạn xử lý từng hồ sơ.",
    "Chủ động đề xuất phương án và chịu trách nhiệm trong phạm vi được giao.",
    "Trao đổi trực tiếp với đơn vị phối hợp ngay khi nhận việc.",
)
GENERIC = POLITICAL + DUTIES

BY_QUESTION = {
    "political": POLITICAL, "duties": DUTIES, "leadership": LEADERSHIP, "daring": DARING, "example": EXAMPLE,
    "pledge": PLEDGE, "shortcomings": SHORTCOMINGS, "causes": CAUSES, "direction": DIRECTION,
    "explanations": EXPLANATIONS, "collective": COLLECTIVE, "difficulties": CAUSES, "responsibility": COLLECTIVE,
    "principles": POLITICAL, "targets": DUTIES, "party_building": POLITICAL,
}


def bank_for(question_id: str) -> tuple[str, ...]:
    """The sentences for a question, chosen by the last word of its id (``a1_duties`` → duties)."""
    for key, bank in BY_QUESTION.items():
        if question_id.endswith(key):
            return bank
    return GENERIC

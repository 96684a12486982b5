<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name></name>
    <message>
        <location filename="../../selfreview/ui/committee/cell_actions.py" line="+24"/>
        <source>Open the committee&apos;s call for results</source>
        <translation>Mở yêu cầu báo cáo kết quả của cấp ủy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calls for results (*%1)</source>
        <translation>Yêu cầu báo cáo kết quả (*%1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 asks for the results of period %2 (key fingerprint %3: compare it by phone). Keep this call?</source>
        <translation>%1 yêu cầu báo cáo kết quả kỳ %2 (dấu vân tay khóa %3: hãy đối chiếu qua điện thoại). Nhận yêu cầu này?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call for results</source>
        <translation>Yêu cầu báo cáo kết quả</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keep it</source>
        <translation>Nhận</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save the results for the committee</source>
        <translation>Lưu kết quả gửi cấp ủy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results (*%1)</source>
        <translation>Kết quả (*%1)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Results for the committee</source>
        <translation>Kết quả gửi cấp ủy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Writing %1…</source>
        <translation>Đang ghi %1…</translation>
    </message>
</context>
<context>
    <name>About</name>
    <message>
        <location filename="../../selfreview/ui/help.py" line="+71"/>
        <source>About this program</source>
        <translation>Giới thiệu chương trình</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Self-review %1: the annual self-review of party members (bản kiểm điểm cá nhân), written offline on this computer. It suggests a rating and explains it; the competent level decides.</source>
        <translation>Bản kiểm điểm cá nhân %1: viết bản kiểm điểm hằng năm của đảng viên ngay trên máy tính này, không cần Internet. Chương trình gợi ý mức xếp loại và giải thích lý do; cấp có thẩm quyền xem xét, quyết định.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../selfreview/ui/app.py" line="+152"/>
        <source>Self-review</source>
        <translation>Bản kiểm điểm cá nhân</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The data folder could not be opened:
%1</source>
        <translation>Không mở được thư mục dữ liệu:
%1</translation>
    </message>
</context>
<context>
    <name>AssessmentPanel</name>
    <message>
        <location filename="../../selfreview/ui/secretary/assessment_panel.py" line="+44"/>
        <source>The committee&apos;s assessment</source>
        <translation>Nhận xét, đánh giá của chi ủy</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>— not proposed yet —</source>
        <translation>— chưa đề xuất —</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Committee&apos;s &amp;comments</source>
        <translation>Nhận xét của chi ủ&amp;y</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The cell&apos;s proposed ra&amp;ting</source>
        <translation>Chi bộ đề xuất xếp &amp;loại</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sav&amp;e</source>
        <translation>Lư&amp;u đánh giá</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Choose a member in the roll-call</source>
        <translation>Chọn một đảng viên trong bảng điểm danh</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>score %1/%2</source>
        <translation>điểm %1/%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>self-proposed: %1</source>
        <translation>tự đề xuất: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>entered by the secretary</source>
        <translation>do bí thư nhập</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The rules suggest: %1</source>
        <translation>Theo quy định: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not saved yet</source>
        <translation>Chưa lưu</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saved</source>
        <translation>Đã lưu</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <location filename="../../selfreview/ui/secretary/meeting_model.py" line="+29"/>
        <source>Member</source>
        <translation>Đảng viên</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Post</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Present</source>
        <translation>Có mặt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason for absence</source>
        <translation>Lý do vắng mặt</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>present</source>
        <translation>có mặt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>absent</source>
        <translation>vắng mặt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not recorded</source>
        <translation>chưa ghi</translation>
    </message>
</context>
<context>
    <name>BehaviourRow</name>
    <message>
        <location filename="../../selfreview/ui/question_widgets/checklist.py" line="+50"/>
        <source>Concrete example</source>
        <translation>Ví dụ cụ thể</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remedy</source>
        <translation>Biện pháp khắc phục</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>example</source>
        <translation>ví dụ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>remedy</source>
        <translation>biện pháp khắc phục</translation>
    </message>
</context>
<context>
    <name>CheckPanel</name>
    <message>
        <location filename="../../selfreview/ui/check_panel.py" line="+33"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Problems found</source>
        <translation>Các vấn đề tìm thấy</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n problem(s) to fix</source>
        <translation>
            <numerusform>Còn %n vấn đề cần sửa</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No problems found: the review can be finalized.</source>
        <translation>Không thấy vấn đề nào: có thể hoàn tất bản kiểm điểm.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Press Enter or click to go to this field</source>
        <translation>Bấm Enter hoặc nhấp chuột để đến mục này</translation>
    </message>
</context>
<context>
    <name>ChoiceDialog</name>
    <message>
        <location filename="../../selfreview/ui/choice_dialog.py" line="+38"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
</context>
<context>
    <name>CollectivePage</name>
    <message>
        <location filename="../../selfreview/ui/secretary/collective_page.py" line="+30"/>
        <source>The collective&apos;s report (Mẫu 01)</source>
        <translation>Báo cáo kiểm điểm của tập thể (Mẫu 01)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The cell reviews itself first, then each member. Write the collective&apos;s report in the same form as the members do: its strengths and shortcomings, the shortcomings named last time and how far they were fixed, its scores and the rating it proposes for itself.</source>
        <translation>Chi bộ kiểm điểm tập thể trước, sau đó từng đảng viên. Báo cáo của tập thể viết trên mẫu như của đảng viên: ưu điểm, hạn chế, việc khắc phục hạn chế đã chỉ ra lần trước, tự chấm điểm và mức tự đề xuất xếp loại.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>General criteria</source>
        <translation>Tiêu chí chung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results of tasks</source>
        <translation>Kết quả thực hiện nhiệm vụ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Total</source>
        <translation>Tổng điểm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposed rating</source>
        <translation>Tự đề xuất xếp loại</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The rules suggest</source>
        <translation>Theo quy định</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open the &amp;collective&apos;s report</source>
        <translation>&amp;Mở báo cáo của tập thể</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save it as &amp;PDF…</source>
        <translation>Lưu thành &amp;PDF…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Word…</source>
        <translation>Word…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the collective&apos;s report as a Word document (.docx) to edit</source>
        <translation>Lưu báo cáo của tập thể thành tệp Word (.docx) để sửa</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Not started yet</source>
        <translation>Chưa bắt đầu</translation>
    </message>
</context>
<context>
    <name>CommitteePage</name>
    <message>
        <location filename="../../selfreview/ui/committee/page.py" line="+40"/>
        <source>← H&amp;ome</source>
        <translation>← Trang &amp;chính</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Committee: results of the organisations</source>
        <translation>Cấp ủy: kết quả của các tổ chức đảng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Period:</source>
        <translation>&amp;Kỳ:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Import results…</source>
        <translation>&amp;Nhập kết quả…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>&amp;Decided rating:</source>
        <translation>Mức xếp loại &amp;quyết định:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(not decided)</source>
        <translation>(chưa quyết định)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record the &amp;decision</source>
        <translation>Ghi &amp;quyết định</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The member&apos;s review as PDF…</source>
        <translation>Bản kiểm điểm của đảng viên (PDF)…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>No organisation&apos;s results have been imported yet: import the files the cells sent (selfreview import, or drop them on the window).</source>
        <translation>Chưa nhận kết quả của tổ chức nào: hãy nhập các tệp chi bộ gửi lên (selfreview import, hoặc kéo thả tệp vào cửa sổ).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not reported yet: %1</source>
        <translation>Chưa báo cáo: %1</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Score: %1; self-proposed: %2; cell-proposed: %3; decided: %4</source>
        <translation>Điểm: %1; tự đề xuất: %2; chi bộ đề xuất: %3; quyết định: %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The meeting&apos;s vote: %1</source>
        <translation>Biểu quyết tại hội nghị: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not rated: %1</source>
        <translation>Chưa xếp loại: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The full review came with the results.</source>
        <translation>Bản kiểm điểm đầy đủ được gửi kèm kết quả.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The full review did not come with the results.</source>
        <translation>Bản kiểm điểm đầy đủ không được gửi kèm kết quả.</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+19"/>
        <source>Import results</source>
        <translation>Nhập kết quả</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Results and decisions (*.selfreview-results *.selfreview-decisions)</source>
        <translation>Kết quả và quyết định (*.selfreview-results *.selfreview-decisions)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 imported, %2 updated, %3 already present, %4 refused.</source>
        <translation>Đã nhập %1, cập nhật %2, đã có %3, từ chối %4.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save the review as PDF</source>
        <translation>Lưu bản kiểm điểm dạng PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
</context>
<context>
    <name>CounterLabel</name>
    <message>
        <location filename="../../selfreview/ui/question_widgets/text.py" line="+29"/>
        <source>Characters used and the limit</source>
        <translation>Số ký tự đã viết và giới hạn</translation>
    </message>
</context>
<context>
    <name>CrashNotice</name>
    <message>
        <location filename="../../selfreview/ui/crash_notice.py" line="+35"/>
        <source>Self-review closed unexpectedly last time.</source>
        <translation>Lần trước ứng dụng Bản kiểm điểm cá nhân đã đóng bất thường.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your answers were saved until %1.</source>
        <translation>Các câu trả lời đã được lưu đến %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No answer had been saved yet.</source>
        <translation>Khi đó chưa có câu trả lời nào được lưu.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What happened is written in %1</source>
        <translation>Chi tiết sự cố được ghi trong %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Details</source>
        <translation>Ch&amp;i tiết</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the log &amp;folder</source>
        <translation>Mở &amp;thư mục nhật ký</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>DateWidget</name>
    <message>
        <location filename="../../selfreview/ui/question_widgets/numbers.py" line="+112"/>
        <source>Clear</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the date</source>
        <translation>Bỏ ngày đã chọn</translation>
    </message>
</context>
<context>
    <name>DialogService</name>
    <message>
        <location filename="../../selfreview/ui/dialogs.py" line="+27"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <location filename="../../selfreview/ui/secretary/outputs.py" line="+57"/>
        <location line="+22"/>
        <source>Writing %1…</source>
        <translation>Đang ghi %1…</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Save the invitation</source>
        <translation>Lưu lời mời</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invitations (*%1)</source>
        <translation>Lời mời (*%1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Invitation</source>
        <translation>Lời mời</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save the cell&apos;s summary</source>
        <translation>Lưu báo cáo tổng hợp của chi bộ</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Word documents (*.docx)</source>
        <translation>Tài liệu Word (*.docx)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The cell&apos;s summary</source>
        <translation>Báo cáo tổng hợp của chi bộ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the minutes</source>
        <translation>Lưu biên bản</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Minutes of the meeting</source>
        <translation>Biên bản hội nghị</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save the roll-up of every cell</source>
        <translation>Lưu báo cáo tổng hợp các chi bộ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Roll-up of every cell</source>
        <translation>Tổng hợp các chi bộ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the review as PDF</source>
        <translation>Lưu bản kiểm điểm thành PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the review as Word</source>
        <translation>Lưu bản kiểm điểm thành tệp Word</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review</source>
        <translation>Bản kiểm điểm</translation>
    </message>
    <message>
        <location line="-28"/>
        <location line="+33"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the roll-call table</source>
        <translation>Lưu bảng điểm danh</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Roll-call table</source>
        <translation>Bảng điểm danh</translation>
    </message>
</context>
<context>
    <name>FileRequests</name>
    <message>
        <location filename="../../selfreview/ui/file_requests.py" line="+46"/>
        <source>Open a file</source>
        <translation>Mở tệp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not a self-review file or invitation.</source>
        <translation>%1 không phải tệp bản kiểm điểm hay lời mời.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file %1 was not found.</source>
        <translation>Không tìm thấy tệp %1.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Set up your profile first (your name and your role), then open the invitation again.</source>
        <translation>Hãy tạo hồ sơ của bạn trước (họ tên và chức vụ), rồi mở lại lời mời.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open an invitation</source>
        <translation>Mở lời mời</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Create the review round first (tab 1, Set-up), then open the member&apos;s file again.</source>
        <translation>Hãy tạo đợt kiểm điểm trước (thẻ 1, Chuẩn bị), rồi mở lại tệp của đảng viên.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import a member&apos;s file</source>
        <translation>Nhập tệp của đảng viên</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../../selfreview/ui/first_run.py" line="+61"/>
        <source>Welcome</source>
        <translation>Chào mừng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This program helps you write your annual self-review (bản kiểm điểm cá nhân) on this computer, without the Internet. Everything is saved as you type.</source>
        <translation>Chương trình giúp bạn viết bản kiểm điểm cá nhân hằng năm ngay trên máy tính này, không cần Internet. Mọi nội dung được lưu tự động trong khi gõ.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Next</source>
        <translation>Tiế&amp;p tục</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Your profile</source>
        <translation>Hồ sơ của bạn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These details go at the top of your self-review. Only the full name is required; you can change everything later. Several people can each have a profile on this computer; their reviews are kept apart.</source>
        <translation>Các thông tin này được ghi ở đầu bản kiểm điểm. Chỉ bắt buộc họ và tên; có thể sửa lại mọi thông tin sau. Nhiều người có thể cùng có hồ sơ trên máy tính này; bản kiểm điểm của mỗi người được giữ riêng.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Create profile</source>
        <translation>Tạo hồ &amp;sơ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The profile was not created</source>
        <translation>Chưa tạo được hồ sơ</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../selfreview/ui/guide.py" line="+46"/>
        <source>User guide</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../selfreview/ui/home.py" line="+63"/>
        <location line="+21"/>
        <source>My self-reviews</source>
        <translation>Bản kiểm điểm của tôi</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No self-review yet. Press &quot;Create a new review&quot; to start one.</source>
        <translation>Chưa có bản kiểm điểm nào. Bấm “Tạo bản kiểm điểm mới” để bắt đầu.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Create a &amp;new review</source>
        <translation>Tạo bản kiểm điểm &amp;mới</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Open the selected review</source>
        <translation>Mở bản đã &amp;chọn</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Show &amp;earlier revisions too</source>
        <translation>&amp;Xem cả các bản cũ</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Before you write: ask your cell secretary for the invitation file (.selfreview-invite) and open it here with &quot;Open an invitation from the secretary…&quot;. A review started from the invitation goes back encrypted: only the secretary can read it. Without one, the file you send is signed but anyone who gets it can read it.</source>
        <translation>Trước khi viết: hãy xin bí thư chi bộ tệp lời mời (.selfreview-invite) rồi mở tại đây bằng nút &quot;Mở lời mời từ bí thư…&quot;. Bản kiểm điểm lập từ lời mời được gửi lại dưới dạng mã hóa: chỉ bí thư chi bộ đọc được. Không có lời mời, tệp gửi đi vẫn được ký nhưng ai có tệp cũng đọc được.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Open an &amp;invitation from the secretary…</source>
        <translation>Mở &amp;lời mời từ bí thư…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When your cell secretary sent you an invitation file (.selfreview-invite), open it here: your review is made on the cell&apos;s form and will be sent back encrypted for the secretary.</source>
        <translation>Khi bí thư chi bộ gửi cho bạn tệp lời mời (.selfreview-invite), hãy mở tại đây: bản kiểm điểm được lập theo mẫu của chi bộ và khi gửi lại sẽ được mã hóa để chỉ bí thư đọc được.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Send to the cell…</source>
        <translation>&amp;Gửi cho chi bộ…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the selected finalized review as a signed file for the cell secretary</source>
        <translation>Lưu bản kiểm điểm đã hoàn tất đang chọn thành tệp có chữ ký để gửi bí thư chi bộ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;xport PDF…</source>
        <translation>Xuất &amp;PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the selected review as a PDF to print or keep</source>
        <translation>Lưu bản kiểm điểm đang chọn thành tệp PDF để in hoặc lưu giữ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>My profile</source>
        <translation>Hồ sơ của tôi</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Hello, %1</source>
        <translation>Xin chào, %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Party post</source>
        <translation>Chức vụ Đảng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Government post</source>
        <translation>Chức vụ chính quyền</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mass-organisation post</source>
        <translation>Chức vụ đoàn thể</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Work unit</source>
        <translation>Đơn vị công tác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Party cell</source>
        <translation>Chi bộ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Superior party body</source>
        <translation>Đảng bộ cấp trên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proposed form</source>
        <translation>Mẫu đề xuất</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Read this code out to your cell secretary when asked: it shows that files sent in your name really come from you.</source>
        <translation>Đọc mã này cho bí thư chi bộ khi được hỏi: mã cho biết tệp gửi đi mang tên bạn đúng là do bạn gửi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key code</source>
        <translation>Mã khóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit &amp;profile…</source>
        <translation>Sửa hồ &amp;sơ…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Securit&amp;y of my key…</source>
        <translation>Bảo mật &amp;khóa…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protect the key with a passphrase, back it up, restore it</source>
        <translation>Đặt mật khẩu bảo vệ khóa, sao lưu, khôi phục khóa</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../selfreview/ui/secretary/drop_import.py" line="+107"/>
        <source>Importing file %1 of %2…</source>
        <translation>Đang nhập tệp %1/%2…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Importing reviews</source>
        <translation>Nhập bản kiểm điểm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reading the files…</source>
        <translation>Đang đọc các tệp…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Import receipts</source>
        <translation>Biên nhận nhập tệp</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Files that name another cell</source>
        <translation>Tệp ghi chi bộ khác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take them into this round</source>
        <translation>Nhận vào đợt kiểm điểm này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These files were made without an invitation and name another cell. Take them only if these members belong to this cell.</source>
        <translation>Các tệp này lập không theo lời mời và ghi một chi bộ khác. Chỉ nhận nếu các đồng chí này đúng là đảng viên của chi bộ mình.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Members whose names look like others</source>
        <translation>Đảng viên có tên trông giống người khác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add them as new members</source>
        <translation>Thêm họ làm đảng viên mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The names in these files look like members already on the roster but are not them. Call each member first; add them only if they really are other people.</source>
        <translation>Tên trong các tệp này trông giống đảng viên đã có trong danh sách nhưng không phải họ. Hãy gọi điện cho từng đồng chí trước; chỉ thêm khi đúng là người khác.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>All import receipts</source>
        <translation>Mọi biên nhận nhập tệp</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Confirm a new key</source>
        <translation>Xác nhận khóa mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A file from %1 was signed with a key other than the one used before.

Key code in the file:
%2</source>
        <translation>Tệp của đồng chí %1 được ký bằng một khóa khác với khóa dùng trước đây.

Mã khóa trong tệp:
%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The codes match: accept the new key</source>
        <translation>Hai mã trùng khớp: nhận khóa mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call the member and ask them to read out the key code shown on their Home page. Accept only if every character matches; otherwise someone else may have made the file.</source>
        <translation>Hãy gọi điện cho đồng chí ấy và đề nghị đọc mã khóa hiện trên trang chính của mình. Chỉ nhận khi từng ký tự trùng khớp; nếu không, tệp có thể do người khác làm ra.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose the file to import again</source>
        <translation>Chọn tệp để nhập lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Self-review and decision files (*.selfreview *.selfreview-decisions)</source>
        <translation>Tệp bản kiểm điểm và tệp quyết định (*.selfreview *.selfreview-decisions)</translation>
    </message>
</context>
<context>
    <name>InvitationDialog</name>
    <message>
        <location filename="../../selfreview/ui/exchange_dialogs.py" line="+62"/>
        <source>Invitation from the party cell</source>
        <translation>Lời mời kiểm điểm của chi bộ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the invitation before opening it</source>
        <translation>Kiểm tra lời mời trước khi mở</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Party cell</source>
        <translation>Chi bộ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Superior party body</source>
        <translation>Đảng bộ cấp trên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>Kỳ kiểm điểm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline</source>
        <translation>Hạn nộp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none given</source>
        <translation>không ghi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent by</source>
        <translation>Người gửi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your form</source>
        <translation>Mẫu của bạn</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The secretary&apos;s key code:</source>
        <translation>Mã khóa của bí thư:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Before opening it, call %1 and ask them to read out their key code. If it is the same as this one, the invitation really comes from them. If it is not, do not open it.</source>
        <translation>Trước khi mở, hãy gọi điện cho đồng chí %1 và đề nghị đọc mã khóa của mình. Nếu trùng với mã trên đây thì lời mời đúng là do đồng chí ấy gửi. Nếu không trùng, đừng mở.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This invitation has no form for your kind of post. Check your profile, or ask the secretary for the right invitation.</source>
        <translation>Lời mời này không có mẫu dành cho chức vụ của bạn. Hãy kiểm tra lại hồ sơ, hoặc đề nghị bí thư gửi đúng lời mời.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You already have a review for %1 on another form (%2). This invitation cannot be used for it: ask the secretary.</source>
        <translation>Bạn đã có bản kiểm điểm kỳ %1 theo mẫu khác (%2). Không dùng được lời mời này cho bản đó: hãy hỏi bí thư.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You already have a review for %1: it will be linked to this invitation and sent to this secretary.</source>
        <translation>Bạn đã có bản kiểm điểm kỳ %1: bản đó sẽ được gắn với lời mời này và gửi cho bí thư này.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open the review</source>
        <translation>Mở bản kiểm điểm</translation>
    </message>
</context>
<context>
    <name>KeyActions</name>
    <message>
        <location filename="../../selfreview/ui/key_actions.py" line="+122"/>
        <location line="+41"/>
        <source>&amp;Current passphrase</source>
        <translation>Cụm mật khẩu &amp;hiện tại</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Your key is protected by a passphrase. Type it, then the new one.</source>
        <translation>Khóa của bạn đang được bảo vệ bằng cụm mật khẩu. Hãy gõ cụm đó, rồi gõ cụm mới.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With a passphrase, the key files on this computer are of no use to anyone who does not know it: nobody can sign or open files in your name. The app asks for it when you send a review.</source>
        <translation>Khi có cụm mật khẩu, các tệp khóa trên máy này vô dụng với người không biết nó: không ai ký hay mở được tệp nhân danh bạn. Ứng dụng sẽ hỏi cụm mật khẩu khi bạn gửi bản kiểm điểm.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Protect the key with a passphrase</source>
        <translation>Đặt mật khẩu bảo vệ khóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New passphrase</source>
        <translation>Cụm mật khẩu &amp;mới</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Key protected</source>
        <translation>Đã bảo vệ khóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your key is now protected by the passphrase. Keep the passphrase in a safe place: without it the key cannot be used.</source>
        <translation>Khóa của bạn đã được bảo vệ bằng cụm mật khẩu. Hãy giữ cụm mật khẩu ở nơi an toàn: không có nó thì không dùng được khóa.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+8"/>
        <location line="+3"/>
        <source>Remove the passphrase</source>
        <translation>Bỏ mật khẩu bảo vệ khóa</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Type the passphrase that protects your key now. After that the key is kept on this computer without a passphrase, as when it was made.</source>
        <translation>Hãy gõ cụm mật khẩu đang bảo vệ khóa của bạn. Sau đó khóa được giữ trên máy này mà không có cụm mật khẩu, như lúc mới tạo.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Keep the key without a passphrase? Anyone who can use your account on this computer could then sign and open files in your name.</source>
        <translation>Giữ khóa mà không có cụm mật khẩu? Khi đó bất kỳ ai dùng được tài khoản của bạn trên máy này cũng có thể ký và mở tệp nhân danh bạn.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You can protect the key with a passphrase again at any time.</source>
        <translation>Bạn có thể đặt lại mật khẩu bảo vệ khóa bất cứ lúc nào.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The passphrase was not removed</source>
        <translation>Chưa bỏ được mật khẩu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Passphrase removed</source>
        <translation>Đã bỏ mật khẩu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your key is no longer protected by a passphrase. The app will not ask for one when you send a review.</source>
        <translation>Khóa của bạn không còn được bảo vệ bằng cụm mật khẩu. Ứng dụng sẽ không hỏi cụm mật khẩu khi bạn gửi bản kiểm điểm.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Back up the key: save the file</source>
        <translation>Sao lưu khóa: lưu tệp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key backups (*%1)</source>
        <translation>Bản sao lưu khóa (*%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Back up the key</source>
        <translation>Sao lưu khóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup file is sealed with its own passphrase. Keep the file (on a USB stick, say) and the passphrase apart: with both, your key can be put back on a new computer.</source>
        <translation>Tệp sao lưu được niêm phong bằng một cụm mật khẩu riêng. Hãy cất tệp (ví dụ trên USB) và cụm mật khẩu ở hai nơi khác nhau: có cả hai thì khóa của bạn được đưa lại lên máy mới.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passphrase for the &amp;backup</source>
        <translation>Cụm mật khẩu cho &amp;bản sao lưu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Key backed up</source>
        <translation>Đã sao lưu khóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The key backup was saved as %1.</source>
        <translation>Bản sao lưu khóa đã được lưu thành %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore the key from a backup</source>
        <translation>Khôi phục khóa từ bản sao lưu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key backups (*%1);;All files (*)</source>
        <translation>Bản sao lưu khóa (*%1);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore the key</source>
        <translation>Khôi phục khóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the passphrase of the backup file. To protect the restored key on this computer, also type a passphrase for it (you may leave that empty).</source>
        <translation>Hãy gõ cụm mật khẩu của tệp sao lưu. Muốn bảo vệ khóa được khôi phục trên máy này thì gõ thêm một cụm mật khẩu cho nó (có thể để trống).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passphrase of the &amp;backup</source>
        <translation>Cụm mật khẩu của &amp;bản sao lưu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;New passphrase (optional)</source>
        <translation>Cụm mật khẩu &amp;mới (không bắt buộc)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Key restored</source>
        <translation>Đã khôi phục khóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your key is back. Its code is %1, as before.</source>
        <translation>Khóa của bạn đã trở lại. Mã khóa vẫn là %1 như trước.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <source>Make a new key</source>
        <translation>Tạo khóa mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your key code now: %1</source>
        <translation>Mã khóa hiện nay của bạn: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New key made</source>
        <translation>Đã tạo khóa mới</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Protected by a passphrase</source>
        <translation>Đã được bảo vệ bằng mật khẩu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not protected by a passphrase</source>
        <translation>Chưa được bảo vệ bằng mật khẩu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key protection</source>
        <translation>Bảo vệ khóa</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Protec&amp;t the key with a passphrase…</source>
        <translation>Đặt mật khẩu bảo &amp;vệ khóa…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move the passphrase…</source>
        <translation>Bỏ mật khẩu bả&amp;o vệ khóa…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore the &amp;key…</source>
        <translation>&amp;Khôi phục khóa…</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>&amp;Back up the key…</source>
        <translation>S&amp;ao lưu khóa…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make a new key (key &amp;lost)…</source>
        <translation>Tạo khóa mớ&amp;i (mất khóa)…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../selfreview/ui/main_window.py" line="+74"/>
        <location line="+238"/>
        <source>Opening your data…</source>
        <translation>Đang mở dữ liệu…</translation>
    </message>
    <message>
        <location line="-224"/>
        <location line="+85"/>
        <location line="+14"/>
        <source>Self-review</source>
        <translation>Bản kiểm điểm cá nhân</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: still being saved</source>
        <translation>%1: đang lưu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Some changes are not saved</source>
        <translation>Có thay đổi chưa được lưu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some of what you typed could not be saved yet. If you leave now, it is lost.</source>
        <translation>Một phần nội dung vừa nhập chưa lưu được. Nếu rời đi bây giờ, phần đó sẽ mất.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave without saving</source>
        <translation>Rời đi, không lưu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel to stay: the app keeps trying, and the text stays on screen so you can copy it.</source>
        <translation>Chọn Hủy để ở lại: ứng dụng vẫn tiếp tục thử lưu, nội dung vẫn còn trên màn hình để bạn có thể sao chép.</translation>
    </message>
    <message>
        <location line="+62"/>
        <location line="+34"/>
        <location line="+103"/>
        <source>Self-review — %1</source>
        <translation>Bản kiểm điểm cá nhân — %1</translation>
    </message>
    <message>
        <location filename="../../selfreview/ui/main_menus.py" line="+40"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Home</source>
        <translation>&amp;Trang chính</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save now</source>
        <translation>&amp;Lưu ngay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switch &amp;person…</source>
        <translation>Đổi &amp;người dùng…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open an &amp;invitation from the secretary…</source>
        <translation>Mở lời &amp;mời từ bí thư…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cell se&amp;cretary&apos;s workspace</source>
        <translation>Việc của &amp;bí thư chi bộ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Securit&amp;y of my key…</source>
        <translation>Bảo mật &amp;khóa…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;mmittee: results of the organisations</source>
        <translation>Cấp ủ&amp;y: kết quả của các tổ chức đảng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Review</source>
        <translation>&amp;Bản kiểm điểm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a &amp;new review…</source>
        <translation>Tạo bản kiểm điểm &amp;mới…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Check for problems</source>
        <translation>&amp;Kiểm tra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finali&amp;ze…</source>
        <translation>&amp;Hoàn tất…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;revision</source>
        <translation>Tạo bản &amp;sửa đổi mới</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Send to the cell…</source>
        <translation>&amp;Gửi cho chi bộ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export PDF…</source>
        <translation>&amp;Xuất PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export as &amp;Word…</source>
        <translation>Xuất tệp &amp;Word…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ne&amp;xt section</source>
        <translation>&amp;Phần tiếp theo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Previous section</source>
        <translation>Phần &amp;trước</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Switch between sections and &amp;form</source>
        <translation>Chuyển giữa &amp;danh mục và biểu mẫu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;Hiển thị</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Text size</source>
        <translation>&amp;Cỡ chữ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Larger text</source>
        <translation>Chữ &amp;lớn hơn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Smaller text</source>
        <translation>Chữ &amp;nhỏ hơn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Normal text size</source>
        <translation>Cỡ chữ &amp;vừa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L&amp;anguage</source>
        <translation>Ngôn n&amp;gữ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Help</source>
        <translation>T&amp;rợ giúp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User guide</source>
        <translation>&amp;Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Phím tắt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sources of the forms&apos; wording</source>
        <translation>&amp;Nguồn văn bản của các mẫu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About</source>
        <translation>&amp;Giới thiệu</translation>
    </message>
    <message>
        <location filename="../../selfreview/ui/main_window.py" line="+12"/>
        <source>Self-review — cell secretary</source>
        <translation>Tự kiểm điểm — bí thư chi bộ</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Self-review — committee</source>
        <translation>Kiểm điểm — cấp ủy</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved</source>
        <translation>Đã lưu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not saved: “%1” (%2). Trying again…</source>
        <translation>Chưa lưu được “%1” (%2). Đang thử lại…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not saved: “%1” (%2)</source>
        <translation>Chưa lưu được “%1” (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved: %1</source>
        <translation>Chưa lưu được: %1</translation>
    </message>
</context>
<context>
    <name>MeetingPage</name>
    <message>
        <location filename="../../selfreview/ui/secretary/meeting_page.py" line="+76"/>
        <source>The review meeting</source>
        <translation>Hội nghị kiểm điểm</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Starts</source>
        <translation>Bắt đầ&amp;u</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Ends</source>
        <translation>&amp;Kết thúc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pl&amp;ace</source>
        <translation>Đị&amp;a điểm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Con&amp;tent</source>
        <translation>Nội &amp;dung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conc&amp;lusions</source>
        <translation>Kết &amp;luận</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>&amp;Chair</source>
        <translation>N&amp;gười chủ trì</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recor&amp;der</source>
        <translation>Thư ký hội &amp;nghị</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the meetin&amp;g details</source>
        <translation>Lưu &amp;phần thông tin chung</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Still to do before the minutes</source>
        <translation>Còn phải làm trước khi lập biên bản</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save the &amp;minutes (PDF)…</source>
        <translation>Lưu biên bản (PD&amp;F)…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Attendance</source>
        <translation>Điểm danh dự họp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everyone &amp;present</source>
        <translation>Tất cả có &amp;mặt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Marks everyone present except those already marked absent</source>
        <translation>Đánh dấu mọi người có mặt, trừ những người đã ghi vắng</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Untick &quot;Present&quot; for an absent member and type the reason.</source>
        <translation>Bỏ đánh dấu &quot;Có mặt&quot; với người vắng và ghi lý do.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Votes on the proposed ratings</source>
        <translation>Biểu quyết mức xếp loại đề xuất</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unanimous</source>
        <translation>Biểu &amp;quyết nhất trí</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every member present voted for the proposal of the selected line</source>
        <translation>Mọi đảng viên có mặt đều biểu quyết đồng ý với mức đề xuất của dòng đang chọn</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Double-click a cell to type the votes for each level, choose the cell&apos;s rating after the vote, and note the opinions.</source>
        <translation>Bấm đúp vào ô để ghi số phiếu cho từng mức, chọn mức chi bộ đề xuất sau biểu quyết và ghi các ý kiến.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Attendance: %1 of %2 present</source>
        <translation>Có mặt: %1/%2</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Votes</source>
        <translation>Biểu quyết</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mark who is present and make sure the line has a proposed rating first.</source>
        <translation>Hãy điểm danh người có mặt và bảo đảm dòng này đã có mức đề xuất.</translation>
    </message>
</context>
<context>
    <name>MemberActions</name>
    <message>
        <location filename="../../selfreview/ui/member_actions.py" line="+111"/>
        <source>Open an invitation from the secretary</source>
        <translation>Mở lời mời từ bí thư</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invitations from the cell (*%1);;All files (*)</source>
        <translation>Lời mời của chi bộ (*%1);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open an invitation</source>
        <translation>Mở lời mời</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Checking the invitation…</source>
        <translation>Đang kiểm tra lời mời…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>A different secretary key</source>
        <translation>Khóa bí thư khác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send to the new key</source>
        <translation>Gửi cho khóa mới</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+32"/>
        <source>Send to the cell</source>
        <translation>Gửi cho chi bộ</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Only a finalized review can be sent. Finalize it first.</source>
        <translation>Chỉ gửi được bản kiểm điểm đã hoàn tất. Hãy hoàn tất trước.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Send to the cell: save the file</source>
        <translation>Gửi cho chi bộ: lưu tệp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review files (*%1)</source>
        <translation>Tệp bản kiểm điểm (*%1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Replace the file?</source>
        <translation>Thay tệp cũ?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 already exists. Replace it?</source>
        <translation>Đã có tệp %1. Thay bằng tệp mới?</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Replace</source>
        <translation>Thay</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Signing and saving the file…</source>
        <translation>Đang ký và lưu tệp…</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+34"/>
        <source>Send without encryption?</source>
        <translation>Gửi mà không mã hóa?</translation>
    </message>
    <message>
        <location line="-33"/>
        <location line="+34"/>
        <source>Save unencrypted</source>
        <translation>Vẫn lưu, không mã hóa</translation>
    </message>
    <message>
        <location line="-33"/>
        <location line="+34"/>
        <source>A review opened from the secretary&apos;s invitation is encrypted for them. Ask the secretary for the invitation file if you can.</source>
        <translation>Bản kiểm điểm mở từ lời mời của bí thư được mã hóa để chỉ bí thư đọc được. Nếu có thể, hãy xin bí thư tệp lời mời.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Passphrase of your key</source>
        <translation>Cụm mật khẩu của khóa</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Export PDF</source>
        <translation>Xuất PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export Word</source>
        <translation>Xuất Word</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+40"/>
        <source>Word documents (*.docx)</source>
        <translation>Tài liệu Word (*.docx)</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Attach the self-check?</source>
        <translation>Đính kèm phần tự kiểm tra?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your responsibility self-check is the app&apos;s own aid, not part of the official form, so the printed form leaves it out. Attach it at the end?</source>
        <translation>Phần tự kiểm tra về trách nhiệm là công cụ hỗ trợ của ứng dụng, không thuộc biểu mẫu chính thức, nên bản in không có phần này. Đính kèm vào cuối?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attach it</source>
        <translation>Đính kèm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose this only if you want to hand it in with your review.</source>
        <translation>Chỉ chọn khi đồng chí muốn nộp phần này cùng bản kiểm điểm.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Writing the PDF…</source>
        <translation>Đang tạo tệp PDF…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Writing the Word document…</source>
        <translation>Đang ghi tệp Word…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Word document saved</source>
        <translation>Đã lưu tệp Word</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Word document was saved as %1. No program to show it could be started; open it from its folder.</source>
        <translation>Đã lưu tệp Word thành %1. Không mở được chương trình nào để xem; hãy mở tệp từ thư mục chứa nó.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PDF saved</source>
        <translation>Đã lưu tệp PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The PDF was saved as %1. No program to show it could be started; open it from its folder.</source>
        <translation>Đã lưu tệp PDF: %1. Không mở được chương trình xem tệp; hãy mở tệp từ thư mục chứa nó.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+7"/>
        <location line="+7"/>
        <source>Import from a Word file</source>
        <translation>Nhập từ tệp Word</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Reading the Word file…</source>
        <translation>Đang đọc tệp Word…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No heading in %1 matches a part of the form; nothing was written.</source>
        <translation>Không có đề mục nào trong %1 khớp với một phần của mẫu; chưa ghi gì.</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../selfreview/ui/secretary/roster_page.py" line="+85"/>
        <source>Edit a member</source>
        <translation>Sửa thông tin đảng viên</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a member</source>
        <translation>Thêm đảng viên</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Smaller numbers are reviewed first; leaders always come first</source>
        <translation>Số nhỏ hơn kiểm điểm trước; người giữ chức vụ lãnh đạo luôn kiểm điểm trước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Full name</source>
        <translation>&amp;Họ và tên</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Date of birth</source>
        <translation>Ngày &amp;sinh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Party post</source>
        <translation>Chức vụ Đản&amp;g</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Government post</source>
        <translation>Chức vụ chính &amp;quyền</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mass-organisation post</source>
        <translation>Chức vụ đoàn &amp;thể</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Category (form)</source>
        <translation>Đối tượng (&amp;mẫu)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meeting &amp;order</source>
        <translation>Thứ tự &amp;kiểm điểm</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <location filename="../../selfreview/ui/committee/models.py" line="+47"/>
        <source>Organisation</source>
        <translation>Tổ chức đảng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Form</source>
        <translation>Mẫu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>Tổng điểm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Self-proposed</source>
        <translation>Tự đề xuất</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cell-proposed</source>
        <translation>Chi bộ đề xuất</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Decided</source>
        <translation>Cấp trên quyết định</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not rated because</source>
        <translation>Lý do chưa xếp loại</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <location filename="../../selfreview/ui/names.py" line="+61"/>
        <source>(by given name)</source>
        <translation>(theo tên)</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <location filename="../../selfreview/ui/navigator.py" line="+76"/>
        <source>Parts and sections of the form</source>
        <translation>Các phần, các mục của biểu mẫu</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 of %2 answered</source>
        <translation>Đã trả lời %1/%2</translation>
    </message>
</context>
<context>
    <name>NewReviewDialog</name>
    <message>
        <location filename="../../selfreview/ui/new_review.py" line="+24"/>
        <source>New self-review</source>
        <translation>Bản kiểm điểm mới</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Period</source>
        <translation>&amp;Kỳ kiểm điểm</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Usually the year, e.g. 2025. A review for a term or a quarter can be named e.g. 2020-2025.</source>
        <translation>Thường là năm, ví dụ 2025. Kiểm điểm theo nhiệm kỳ hoặc theo quý có thể ghi, ví dụ, 2020-2025.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(proposed for you)</source>
        <translation>(đề xuất cho bạn)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Form</source>
        <translation>&amp;Mẫu</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>You already have a review for %1; it will be opened.</source>
        <translation>Bạn đã có bản kiểm điểm kỳ %1; bản đó sẽ được mở.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create</source>
        <translation>Tạo</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../selfreview/ui/operations.py" line="+93"/>
        <source>The file could not be read or written: %1</source>
        <translation>Không đọc hoặc ghi được tệp: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown reason</source>
        <translation>không rõ lý do</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something unexpected went wrong. The details are written in the log file (logs/selfreview.log in the data folder).</source>
        <translation>Đã xảy ra lỗi ngoài dự kiến. Chi tiết được ghi trong tệp nhật ký (logs/selfreview.log trong thư mục dữ liệu).</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Could not do that</source>
        <translation>Chưa thực hiện được</translation>
    </message>
</context>
<context>
    <name>OrganisationsModel</name>
    <message>
        <location filename="../../selfreview/ui/committee/models.py" line="-24"/>
        <source>Organisation</source>
        <translation>Tổ chức đảng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Members</source>
        <translation>Số đảng viên</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>Decided</source>
        <translation>Đã quyết định</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+4"/>
        <source>Received</source>
        <translation>Đã nhận</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Decisions sent</source>
        <translation>Đã gửi quyết định</translation>
    </message>
</context>
<context>
    <name>OutputsPage</name>
    <message>
        <location filename="../../selfreview/ui/secretary/outputs.py" line="+25"/>
        <source>Documents and tables</source>
        <translation>Văn bản và bảng biểu</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>For the party committee above</source>
        <translation>Gửi cấp ủy cấp trên</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The cell&apos;s &amp;summary (PDF)…</source>
        <translation>Báo cáo tổn&amp;g hợp của chi bộ (PDF)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every member with scores and the two proposed ratings, the quota, and what the members wrote about avoiding responsibility (counted, without names).</source>
        <translation>Từng đảng viên với điểm và hai mức đề xuất xếp loại, tỷ lệ HTXSNV, và tổng hợp phần tự soát biểu hiện né tránh trách nhiệm (chỉ đếm, không nêu tên).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The &amp;minutes of the meeting (PDF)…</source>
        <translation>Biên bản hội &amp;nghị (PDF)…</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>With every review in f&amp;ull</source>
        <translation>&amp;Kèm toàn văn từng bản kiểm điểm</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+8"/>
        <location line="+9"/>
        <source>Word…</source>
        <translation>Word…</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>The minutes: attendance, the vote on each member, conclusions.</source>
        <translation>Biên bản: điểm danh, biểu quyết đối với từng đảng viên, kết luận.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the committee&apos;s call for results…</source>
        <translation>Mở yêu cầu báo cáo kết quả của cấp ủy…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The cell&apos;s results file for the committee…</source>
        <translation>Tệp kết quả của chi bộ gửi cấp ủy…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ro&amp;ll-up of every cell on this computer (PDF)…</source>
        <translation>Tổng hợp &amp;mọi chi bộ trên máy này (PDF)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For a committee that collects several cells&apos; rounds of the same period.</source>
        <translation>Cho cấp ủy tổng hợp đợt kiểm điểm cùng kỳ của nhiều chi bộ.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Excel…</source>
        <translation>Excel…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The roll-call as a table</source>
        <translation>Bảng điểm danh</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As an &amp;Excel workbook (XLSX)…</source>
        <translation>Dạng &amp;Excel (XLSX)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As &amp;CSV (UTF-8, opens in Excel with Vietnamese letters)…</source>
        <translation>Dạng C&amp;SV (UTF-8, mở bằng Excel vẫn đúng chữ Việt)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For the members</source>
        <translation>Gửi đảng viên</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The &amp;invitation file…</source>
        <translation>Tệp &amp;lời mời…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send it to every member (USB stick, e-mail, chat): it brings the round&apos;s form, and their reviews come back encrypted to you.</source>
        <translation>Gửi cho từng đảng viên (USB, thư điện tử, ứng dụng nhắn tin): tệp mang mẫu của đợt kiểm điểm, và bản kiểm điểm gửi lại được mã hóa cho đồng chí.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>On every document</source>
        <translation>Trên mọi văn bản</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. Hà Nội (left empty: dots to fill in by hand)</source>
        <translation>ví dụ Hà Nội (để trống: in dấu chấm để điền tay)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Place before the &amp;date</source>
        <translation>Địa d&amp;anh ghi trước ngày tháng</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>O&amp;pen each file after saving it</source>
        <translation>Mở từng tệ&amp;p sau khi lưu</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../selfreview/ui/key_actions.py" line="-201"/>
        <source>Type it &amp;again</source>
        <translation>Gõ &amp;lại lần nữa</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At least %1 characters; a few words you will remember are best. Nobody can open the keys without it, not even the cell secretary: write it down and keep it in a safe place.</source>
        <translation>Ít nhất %1 ký tự; tốt nhất là vài từ bạn sẽ nhớ. Không ai mở được khóa nếu không có nó, kể cả bí thư chi bộ: hãy ghi lại và cất ở nơi an toàn.</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../selfreview/ui/new_review.py" line="+16"/>
        <source>Edit profile</source>
        <translation>Sửa hồ sơ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A change of post changes the form proposed for new reviews; reviews already started keep their form.</source>
        <translation>Đổi chức vụ sẽ đổi mẫu đề xuất cho các bản kiểm điểm mới; bản đã bắt đầu vẫn giữ mẫu của nó.</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <location filename="../../selfreview/ui/profile_form.py" line="+24"/>
        <source>Form %1 (not available in this version yet)</source>
        <translation>Mẫu %1 (chưa có trong phiên bản này)</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Full &amp;name *</source>
        <translation>Họ &amp;và tên *</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Date of &amp;birth</source>
        <translation>&amp;Ngày sinh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Party post</source>
        <translation>Chức vụ Đảng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>e.g. Party member, cell committee member</source>
        <translation>ví dụ: Đảng viên, Chi ủy viên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Government post</source>
        <translation>Chức vụ chính quyền</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>e.g. specialist, deputy head of division</source>
        <translation>ví dụ: Chuyên viên, Phó Trưởng phòng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mass-organisation post</source>
        <translation>Chức vụ đoàn thể</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>e.g. trade union group leader</source>
        <translation>ví dụ: Tổ trưởng công đoàn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work unit</source>
        <translation>Đơn vị công tác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Party cell</source>
        <translation>Chi bộ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Superior party body</source>
        <translation>Đảng bộ cấp trên</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The form proposed for you:</source>
        <translation>Mẫu đề xuất cho bạn:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Do you work in the political system?</source>
        <translation>Bạn có làm việc trong hệ thống chính trị không?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Party, State, Fatherland Front and mass-organisation bodies. Retired members, students and people working in private companies answer No.</source>
        <translation>Cơ quan Đảng, Nhà nước, Mặt trận Tổ quốc và các đoàn thể. Đảng viên đã nghỉ hưu, sinh viên, người làm ở doanh nghiệp tư nhân chọn Không.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do you hold a leadership or management post?</source>
        <translation>Bạn có giữ chức vụ lãnh đạo, quản lý không?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For example head or deputy head of a body, unit or division.</source>
        <translation>Ví dụ: cấp trưởng hoặc cấp phó của cơ quan, đơn vị, phòng, ban.</translation>
    </message>
</context>
<context>
    <name>ProfilePickerPage</name>
    <message>
        <location filename="../../selfreview/ui/profile_picker.py" line="+29"/>
        <source>Who is writing?</source>
        <translation>Ai đang viết bản kiểm điểm?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose your profile. Each person&apos;s reviews are kept apart.</source>
        <translation>Chọn hồ sơ của bạn. Bản kiểm điểm của mỗi người được giữ riêng.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Profiles on this computer</source>
        <translation>Các hồ sơ trên máy tính này</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add a person…</source>
        <translation>Thêm &amp;người dùng…</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../selfreview/ui/tasks.py" line="+243"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cancelling…</source>
        <translation>Đang hủy…</translation>
    </message>
</context>
<context>
    <name>QuestionWidget</name>
    <message>
        <location filename="../../selfreview/ui/question_widgets/base.py" line="+33"/>
        <source>Reconstructed wording: the official text could not be checked word for word.</source>
        <translation>Câu chữ được tái dựng: chưa đối chiếu được từng chữ với văn bản chính thức.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wording from a third-party source, not from the official text.</source>
        <translation>Câu chữ lấy từ nguồn khác, không phải văn bản chính thức.</translation>
    </message>
</context>
<context>
    <name>QuotaBanner</name>
    <message>
        <location filename="../../selfreview/ui/secretary/common.py" line="+120"/>
        <source>Quota of excellent ratings: %1</source>
        <translation>Tỷ lệ HTXSNV: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Quota of excellent ratings so far: %1; %n member(s) not rated yet</source>
        <translation>
            <numerusform>Tỷ lệ HTXSNV đến lúc này: %1; còn %n đảng viên chưa đánh giá</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too many proposed excellent (HTXSNV): %1</source>
        <translation>Đề xuất HTXSNV vượt tỷ lệ: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>With the rating being chosen, once saved: %1</source>
        <translation>Với mức đang chọn, khi đã lưu: %1</translation>
    </message>
</context>
<context>
    <name>ReceiptModel</name>
    <message>
        <location filename="../../selfreview/ui/secretary/receipts_dialog.py" line="+69"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Member</source>
        <translation>Đảng viên</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revision</source>
        <translation>Lần sửa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why / note</source>
        <translation>Lý do / ghi chú</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>Thời điểm</translation>
    </message>
</context>
<context>
    <name>Receipts</name>
    <message>
        <location line="-43"/>
        <source>Imported</source>
        <translation>Đã nhập</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated (newer revision)</source>
        <translation>Đã cập nhật (bản sửa đổi mới hơn)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already present</source>
        <translation>Đã có từ trước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 file(s) — %2</source>
        <translation>%1 tệp — %2</translation>
    </message>
</context>
<context>
    <name>ReceiptsDialog</name>
    <message>
        <location line="+75"/>
        <source>Find by member or file name</source>
        <translation>Tìm theo tên đảng viên hoặc tên tệp</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>◀ Newer</source>
        <translation>◀ Mới hơn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Older ▶</source>
        <translation>Cũ hơn ▶</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1–%2 of %3 (newest first)</source>
        <translation>%1–%2 trong %3 (mới nhất trước)</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <location filename="../../selfreview/ui/question_widgets/records.py" line="+48"/>
        <source>Remove this entry</source>
        <translation>Xóa mục này</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Entry %1</source>
        <translation>Mục %1</translation>
    </message>
</context>
<context>
    <name>RecordsWidget</name>
    <message>
        <location line="+25"/>
        <source>No entries.</source>
        <translation>Chưa có mục nào.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add an entry</source>
        <translation>Thêm một mục</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Remove entry</source>
        <translation>Xóa mục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove entry %1 and what is written in it?</source>
        <translation>Xóa mục %1 cùng nội dung đã viết trong đó?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../selfreview/ui/secretary/meeting_model.py" line="+53"/>
        <source>Member</source>
        <translation>Đảng viên</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Proposed before</source>
        <translation>Đề xuất trước biểu quyết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cell&apos;s rating after the vote</source>
        <translation>Chi bộ đề xuất sau biểu quyết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opinions</source>
        <translation>Ý kiến</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>votes</source>
        <translation>số phiếu</translation>
    </message>
</context>
<context>
    <name>ReviewEditor</name>
    <message>
        <location filename="../../selfreview/ui/review_editor.py" line="+75"/>
        <source>← H&amp;ome</source>
        <translation>← Trang &amp;chính</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Check</source>
        <translation>&amp;Kiểm tra</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List every missing answer and invalid value (F7)</source>
        <translation>Liệt kê mọi mục chưa trả lời và giá trị không hợp lệ (F7)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finali&amp;ze…</source>
        <translation>H&amp;oàn tất…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New revision</source>
        <translation>Tạo bản &amp;sửa đổi mới</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make an editable copy; the finalized review is kept as it is</source>
        <translation>Tạo một bản sao để sửa; bản đã hoàn tất được giữ nguyên</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Send to the cell…</source>
        <translation>&amp;Gửi cho chi bộ…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save this finalized review as a signed file for the cell secretary</source>
        <translation>Lưu bản kiểm điểm đã hoàn tất này thành tệp có chữ ký để gửi bí thư chi bộ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport PDF…</source>
        <translation>Xuất &amp;PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save this review as a PDF to print or keep</source>
        <translation>Lưu bản kiểm điểm này thành tệp PDF để in hoặc lưu giữ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export Wor&amp;d…</source>
        <translation>Xuất &amp;Word…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save this review as a Word document (.docx) to edit or keep</source>
        <translation>Lưu bản kiểm điểm này thành tệp Word (.docx) để sửa hoặc lưu giữ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I&amp;mport from Word…</source>
        <translation>&amp;Nhập từ tệp Word…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read your own kiểm điểm written in Word (.docx) into this form, after a preview</source>
        <translation>Đưa bản kiểm điểm bạn đã viết bằng Word (.docx) vào mẫu này, sau khi xem trước</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>%1 · revision %2 · %3</source>
        <translation>%1 · lần sửa %2 · %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This review was finalized on %1 and is locked.</source>
        <translation>Bản kiểm điểm này đã hoàn tất lúc %1 và đã được khóa.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To change it, make a new revision; this one is kept as it is.</source>
        <translation>Muốn sửa, hãy tạo bản sửa đổi mới; bản này được giữ nguyên.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A newer revision replaces it.</source>
        <translation>Đã có bản sửa đổi mới hơn thay thế bản này.</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Not finalized yet</source>
        <translation>Chưa hoàn tất được</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n problem(s) must be fixed before the review can be finalized. Each one is listed under &quot;Check&quot;; click it to go to the field.</source>
        <translation>
            <numerusform>Còn %n vấn đề cần sửa trước khi hoàn tất. Các vấn đề được liệt kê ở phần “Kiểm tra”; bấm vào từng dòng để đến mục cần sửa.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Finalize the review</source>
        <translation>Hoàn tất bản kiểm điểm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finalize this review now?</source>
        <translation>Hoàn tất bản kiểm điểm này ngay bây giờ?</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Finalize</source>
        <translation>Hoàn tất</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After finalizing, the review is locked and can no longer be changed. To correct it later, make a new revision; the finalized one is kept.</source>
        <translation>Sau khi hoàn tất, bản kiểm điểm được khóa và không sửa được nữa. Muốn sửa sau này, hãy tạo bản sửa đổi mới; bản đã hoàn tất vẫn được giữ.</translation>
    </message>
</context>
<context>
    <name>ReviewReader</name>
    <message>
        <location filename="../../selfreview/ui/secretary/review_view.py" line="+50"/>
        <source>← Bac&amp;k to the roll-call</source>
        <translation>← &amp;Về điểm danh</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>◀ &amp;Previous member</source>
        <translation>◀ N&amp;gười trước</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ne&amp;xt member ▶</source>
        <translation>Người &amp;sau ▶</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Read only: a member&apos;s review is not changed here. The committee&apos;s comments and the cell&apos;s proposed rating go in the panel on the right.</source>
        <translation>Chỉ xem: bản kiểm điểm của đảng viên không sửa ở đây. Nhận xét của chi ủy và mức chi bộ đề xuất ghi ở khung bên phải.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Self-proposed: %1</source>
        <translation>Tự đề xuất: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Self-proposed: none</source>
        <translation>Tự đề xuất: chưa chọn</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>revision %1</source>
        <translation>lần sửa %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>handed in %1</source>
        <translation>nộp lúc %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>entered from paper by the secretary</source>
        <translation>bí thư nhập từ bản giấy</translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message>
        <location filename="../../selfreview/ui/review_model.py" line="+23"/>
        <source>Period</source>
        <translation>Kỳ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Form</source>
        <translation>Mẫu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revision</source>
        <translation>Lần sửa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last change</source>
        <translation>Sửa lần cuối</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>(replaced by a newer revision)</source>
        <translation>(đã có bản sửa đổi mới hơn)</translation>
    </message>
</context>
<context>
    <name>RollCallModel</name>
    <message>
        <location filename="../../selfreview/ui/secretary/rollcall_model.py" line="+156"/>
        <source>Entered from paper by the secretary</source>
        <translation>Bí thư nhập từ bản giấy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key code in the refused file: %1</source>
        <translation>Mã khóa trong tệp bị từ chối: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A draft is being typed in; it counts once finalized</source>
        <translation>Đang nhập dở; được tính là đã nộp khi hoàn tất</translation>
    </message>
</context>
<context>
    <name>RollCallPage</name>
    <message>
        <location filename="../../selfreview/ui/secretary/rollcall_page.py" line="+65"/>
        <source>Every status</source>
        <translation>Mọi tình trạng</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Find by name or post</source>
        <translation>Tìm theo tên hoặc chức vụ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Status:</source>
        <translation>Tình trạn&amp;g:</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Roll-call</source>
        <translation>Điểm danh</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Drag members&apos; files (.selfreview) or whole folders onto the table to import them.</source>
        <translation>Kéo thả tệp bản kiểm điểm (.selfreview) hoặc cả thư mục vào bảng để nhập.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>E&amp;nter from paper…</source>
        <translation>&amp;Nhập hộ từ bản giấy…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type in a review handed in on paper; it is marked as entered by the secretary</source>
        <translation>Nhập bản kiểm điểm nộp trên giấy; bản này được ghi là do bí thư nhập</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Confirm the new &amp;key…</source>
        <translation>Xác nhận &amp;khóa mới…</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>Show who is &amp;missing</source>
        <translation>Xem &amp;ai chưa nộp</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Re&amp;ad the review</source>
        <translation>Đọc bản kiể&amp;m điểm</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Import files…</source>
        <translation>Nhập tệ&amp;p…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recei&amp;pts…</source>
        <translation>&amp;Xem biên nhận…</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Not handed in (%1): %2</source>
        <translation>Chưa nộp (%1): %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>and %1 more</source>
        <translation>và %1 người khác</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Everyone has handed in.</source>
        <translation>Tất cả đã nộp.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The roster is empty: add members on the set-up page, or import files.</source>
        <translation>Danh sách còn trống: thêm đảng viên ở trang chuẩn bị, hoặc nhập tệp.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Import members&apos; files</source>
        <translation>Nhập tệp của đảng viên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Self-review files (*.selfreview);;All files (*)</source>
        <translation>Tệp bản kiểm điểm (*.selfreview);;Mọi tệp (*)</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <location filename="../../selfreview/ui/secretary/roster_page.py" line="-75"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Posts</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meeting order</source>
        <translation>Thứ tự kiểm điểm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key code</source>
        <translation>Mã khóa</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No file received yet: the key is pinned with the first one</source>
        <translation>Chưa nhận tệp nào: khóa được ghi nhận từ tệp đầu tiên</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This key came with the member&apos;s first file and is not confirmed yet: call the member and compare the key code by voice, then confirm it on import</source>
        <translation>Khóa này đến cùng tệp đầu tiên của đảng viên và chưa được xác nhận: hãy gọi điện cho đồng chí, đối chiếu mã khóa bằng lời, rồi xác nhận khi nhập tệp</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 (unconfirmed)</source>
        <translation>%1 (chưa xác nhận)</translation>
    </message>
</context>
<context>
    <name>RosterPanel</name>
    <message>
        <location line="+88"/>
        <location line="+21"/>
        <location line="+39"/>
        <source>Roster</source>
        <translation>Danh sách đảng viên</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Find by name or post</source>
        <translation>Tìm theo tên hoặc chức vụ</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;Add a member…</source>
        <translation>Thêm đảng &amp;viên…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;move…</source>
        <translation>&amp;Xóa…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import a ro&amp;ster file…</source>
        <translation>Nhập &amp;danh sách từ tệp…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An Excel (.xlsx) or CSV file with the columns: full name, date of birth, posts, category (2A, 2B or 2C)</source>
        <translation>Tệp Excel (.xlsx) hoặc CSV có các cột: họ và tên, ngày sinh, chức vụ, đối tượng (2A, 2B hoặc 2C)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Roster (%1 members)</source>
        <translation>Danh sách đảng viên (%1 đồng chí)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Remove a member</source>
        <translation>Xóa đảng viên khỏi danh sách</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take %1 off the roster?</source>
        <translation>Xóa đồng chí %1 khỏi danh sách?</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A member whose review is already in the data cannot be removed.</source>
        <translation>Không xóa được đảng viên đã có bản kiểm điểm trong dữ liệu.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import a roster</source>
        <translation>Nhập danh sách đảng viên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roster files (*.xlsx *.csv);;All files (*)</source>
        <translation>Danh sách (*.xlsx *.csv);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Importing a roster</source>
        <translation>Đang nhập danh sách</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reading the roster file…</source>
        <translation>Đang đọc tệp danh sách…</translation>
    </message>
</context>
<context>
    <name>RosterReportDialog</name>
    <message>
        <location filename="../../selfreview/ui/secretary/roster_report.py" line="+21"/>
        <source>Roster import</source>
        <translation>Nhập danh sách đảng viên</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Columns not used: %1</source>
        <translation>Các cột không dùng: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not read</source>
        <translation>Không đọc được</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Lưu ý</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Every row was read.</source>
        <translation>Đã đọc được mọi dòng.</translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <location filename="../../selfreview/ui/score_panel.py" line="+57"/>
        <source>Self-assessed scores</source>
        <translation>Điểm tự chấm</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Suggested rating</source>
        <translation>Gợi ý xếp loại</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Please check</source>
        <translation>Cần xem lại</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Member&apos;s proposal: %1</source>
        <translation>Đảng viên tự đề xuất: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member&apos;s proposal: not chosen yet</source>
        <translation>Đảng viên tự đề xuất: chưa chọn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The collective&apos;s proposal: %1</source>
        <translation>Tập thể tự đề xuất: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The collective&apos;s proposal: not chosen yet</source>
        <translation>Tập thể tự đề xuất: chưa chọn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your proposal: %1</source>
        <translation>Tự đề xuất: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your proposal: not chosen yet</source>
        <translation>Tự đề xuất: chưa chọn</translation>
    </message>
</context>
<context>
    <name>ScoreWidget</name>
    <message>
        <location filename="../../selfreview/ui/question_widgets/numbers.py" line="-78"/>
        <source>From %1 to %2, in steps of %3. Leave empty while not scored.</source>
        <translation>Từ %1 đến %2, theo bước %3. Để trống khi chưa chấm.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>out of %1</source>
        <translation>trên %1 điểm</translation>
    </message>
</context>
<context>
    <name>Secretary</name>
    <message>
        <location filename="../../selfreview/ui/secretary/common.py" line="-49"/>
        <source>Passphrase of the secretary&apos;s key</source>
        <translation>Mật khẩu khóa của bí thư</translation>
    </message>
    <message>
        <location filename="../../selfreview/ui/secretary/workspace.py" line="+43"/>
        <source>Cell secretary</source>
        <translation>Bí thư chi bộ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose your own profile first: the secretary&apos;s workspace uses its key.</source>
        <translation>Hãy chọn hồ sơ của chính mình trước: phần việc của bí thư dùng khóa của hồ sơ đó.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Act as the cell secretary on this computer as %1?</source>
        <translation>Làm bí thư chi bộ trên máy này với hồ sơ %1?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Yes, I am the secretary</source>
        <translation>Đúng, tôi là bí thư</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The invitation carries your key code; members&apos; reviews are encrypted to your key and only this profile can open them.</source>
        <translation>Lời mời mang mã khóa của đồng chí; bản kiểm điểm của đảng viên được mã hóa bằng khóa này và chỉ hồ sơ này mở được.</translation>
    </message>
</context>
<context>
    <name>SecretaryWorkspace</name>
    <message>
        <location line="+29"/>
        <source>← H&amp;ome</source>
        <translation>← Trang &amp;chính</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cell secretary</source>
        <translation>Bí thư chi bộ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revie&amp;w round:</source>
        <translation>Đợt kiểm đ&amp;iểm:</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>1 · Set-up and roster</source>
        <translation>1 · Chuẩn bị và danh sách</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>2 · Roll-call</source>
        <translation>2 · Điểm danh, đánh giá</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3 · The collective (Mẫu 01)</source>
        <translation>3 · Tập thể (Mẫu 01)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>4 · The meeting</source>
        <translation>4 · Hội nghị</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>5 · Documents</source>
        <translation>5 · Văn bản</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Secretary: %1 · key code %2</source>
        <translation>Bí thư: %1 · mã khóa %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No secretary profile on this computer yet</source>
        <translation>Máy này chưa có hồ sơ bí thư</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Typed in from paper on behalf of %1, by the secretary. Finalize it when every answer is in: it then counts as handed in.</source>
        <translation>Bí thư nhập hộ đồng chí %1 từ bản giấy. Hoàn tất khi đã nhập đủ: khi đó bản kiểm điểm được tính là đã nộp.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The collective&apos;s own report (Mẫu 01) of the cell, for the meeting. Finalize it before the meeting.</source>
        <translation>Báo cáo kiểm điểm của tập thể chi bộ (Mẫu 01) để trình hội nghị. Hoàn tất trước hội nghị.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>← &amp;Back</source>
        <translation>← Quay &amp;lại</translation>
    </message>
</context>
<context>
    <name>SectionPage</name>
    <message>
        <location filename="../../selfreview/ui/section_view.py" line="+45"/>
        <source>Fields marked * must be answered.</source>
        <translation>Các mục có dấu * là bắt buộc.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This self-check is the app&apos;s own aid, not part of the official form. It is optional: it does not hold up finalizing, and it is printed only if you choose to attach it to the PDF.</source>
        <translation>Phần tự kiểm tra này là công cụ hỗ trợ của ứng dụng, không thuộc biểu mẫu chính thức. Phần này không bắt buộc: không ảnh hưởng đến việc hoàn tất bản kiểm điểm và chỉ được in khi đồng chí chọn đính kèm vào bản PDF.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It helps you look at what the Central Organisation Commission&apos;s Guidance 43-HD/BTCTW asks of party members: to “%1”.</source>
        <translation>Phần này giúp đồng chí tự soi lại yêu cầu của Hướng dẫn 43-HD/BTCTW của Ban Tổ chức Trung ương đối với đảng viên: “%1”.</translation>
    </message>
</context>
<context>
    <name>Security</name>
    <message>
        <location filename="../../selfreview/ui/security_dialog.py" line="+25"/>
        <source>Your key is not backed up and not protected by a passphrase.</source>
        <translation>Khóa của đồng chí chưa được sao lưu và chưa được bảo vệ bằng mật khẩu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your key is not backed up yet.</source>
        <translation>Khóa của đồng chí chưa được sao lưu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your key is not protected by a passphrase.</source>
        <translation>Khóa của đồng chí chưa được bảo vệ bằng mật khẩu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>See &quot;Security&quot; on your profile card.</source>
        <translation>Xem mục &quot;Bảo mật&quot; trong thẻ hồ sơ.</translation>
    </message>
</context>
<context>
    <name>SecurityDialog</name>
    <message>
        <location line="+7"/>
        <source>Security</source>
        <translation>Bảo mật</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Security of your key</source>
        <translation>Bảo mật khóa của đồng chí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your key signs the files you send, so the secretary knows they come from you, and opens the files sent to you. It stays on this computer.</source>
        <translation>Khóa dùng để ký các tệp đồng chí gửi đi, để bí thư chi bộ biết tệp đúng là của đồng chí, và để mở các tệp gửi cho đồng chí. Khóa chỉ nằm trên máy tính này.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Key code</source>
        <translation>Mã khóa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backed up</source>
        <translation>Đã sao lưu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not backed up yet: a backup lets you put the key back on a new computer</source>
        <translation>Chưa sao lưu: có bản sao lưu thì có thể đưa khóa trở lại trên máy tính mới</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backup</source>
        <translation>Sao lưu</translation>
    </message>
</context>
<context>
    <name>SentDialog</name>
    <message>
        <location filename="../../selfreview/ui/exchange_dialogs.py" line="+18"/>
        <source>Send to the cell</source>
        <translation>Gửi cho chi bộ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file for the cell is ready</source>
        <translation>Tệp gửi chi bộ đã sẵn sàng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved as:</source>
        <translation>Đã lưu tại:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Encrypted for the cell secretary who sent the invitation: only they can open it. Their key code:</source>
        <translation>Đã mã hóa cho bí thư chi bộ đã gửi lời mời: chỉ đồng chí ấy mở được. Mã khóa của bí thư:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Signed but NOT encrypted: anyone who gets this file can read it. Hand it over in person.</source>
        <translation>Đã ký nhưng KHÔNG mã hóa: ai có tệp này cũng đọc được. Hãy trao tận tay.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your key code (read it out when the secretary asks):</source>
        <translation>Mã khóa của bạn (đọc cho bí thư khi được hỏi):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the file to your cell secretary: on a USB stick, by e-mail or through a chat app. The review is now marked as sent.</source>
        <translation>Chuyển tệp cho bí thư chi bộ: qua USB, thư điện tử hoặc ứng dụng nhắn tin. Bản kiểm điểm giờ đã được đánh dấu là đã gửi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show the &amp;folder</source>
        <translation>Mở &amp;thư mục</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <location filename="../../selfreview/ui/secretary/setup_page.py" line="+80"/>
        <source>The round in hand</source>
        <translation>Đợt kiểm điểm đang làm</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cell</source>
        <translation>Chi bộ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Superior party body</source>
        <translation>Đảng bộ cấp trên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>Kỳ kiểm điểm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deadline</source>
        <translation>Hạn nộp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forms</source>
        <translation>Mẫu theo đối tượng</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>20% of those rated HTTNV (the rule)</source>
        <translation>20% số HTTNV (theo quy định)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>25% (allowed by the competent level for an outstanding unit)</source>
        <translation>25% (cấp có thẩm quyền cho phép với đơn vị tiêu biểu)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HTXSNV at most</source>
        <translation>HTXSNV tối đa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the &amp;invitation…</source>
        <translation>Lưu &amp;lời mời…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A file for the members: it brings them this round&apos;s form and encrypts their reviews to you</source>
        <translation>Tệp gửi đảng viên: mang mẫu của đợt kiểm điểm và mã hóa bản kiểm điểm gửi về cho đồng chí</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No review round yet: create the cell, then open a round below.</source>
        <translation>Chưa có đợt kiểm điểm: tạo chi bộ, rồi mở đợt kiểm điểm ở dưới.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>A new cell</source>
        <translation>Chi bộ mới</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. Chi bộ Văn phòng</source>
        <translation>ví dụ Chi bộ Văn phòng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. Đảng bộ Sở Nội vụ</source>
        <translation>ví dụ Đảng bộ Sở Nội vụ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cell &amp;name</source>
        <translation>Tê&amp;n chi bộ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;uperior party body</source>
        <translation>Đản&amp;g bộ cấp trên</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Create the cell</source>
        <translation>Tạ&amp;o chi bộ</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Open a new review round</source>
        <translation>Mở đợt kiểm điểm mới</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ce&amp;ll</source>
        <translation>Chi bộ</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Open &amp;the round</source>
        <translation>&amp;Mở đợt kiểm điểm</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>&amp;Period</source>
        <translation>&amp;Kỳ kiểm điểm</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Deadline</source>
        <translation>Hạn nộ&amp;p</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Could not do that</source>
        <translation>Không thực hiện được</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 already has a round for %2.</source>
        <translation>%1 đã có đợt kiểm điểm kỳ %2.</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../selfreview/ui/help.py" line="-57"/>
        <source>Save now (changes are also saved by themselves)</source>
        <translation>Lưu ngay (mọi thay đổi cũng được tự động lưu)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a new self-review (on Home)</source>
        <translation>Tạo bản kiểm điểm mới (ở Trang chính)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check: list missing answers and invalid values</source>
        <translation>Kiểm tra: liệt kê các mục chưa trả lời và giá trị không hợp lệ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next section</source>
        <translation>Phần tiếp theo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous section</source>
        <translation>Phần trước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move between the list of sections and the form</source>
        <translation>Chuyển giữa danh mục các phần và biểu mẫu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next / previous field</source>
        <translation>Mục tiếp theo / mục trước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to Home</source>
        <translation>Về Trang chính</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The cell secretary&apos;s workspace</source>
        <translation>Việc của bí thư chi bộ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Larger text</source>
        <translation>Chữ lớn hơn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smaller text</source>
        <translation>Chữ nhỏ hơn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normal text size</source>
        <translation>Cỡ chữ vừa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo / redo in a text field</source>
        <translation>Hoàn tác / làm lại trong ô văn bản</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The user guide</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This list</source>
        <translation>Danh sách này</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alt + underlined letter</source>
        <translation>Alt + chữ có gạch dưới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Press the button or open the menu whose letter is underlined</source>
        <translation>Bấm nút hoặc mở trình đơn có chữ được gạch dưới</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location line="+12"/>
        <location line="+2"/>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
</context>
<context>
    <name>SingleChoiceWidget</name>
    <message>
        <location filename="../../selfreview/ui/question_widgets/choice.py" line="+31"/>
        <source>Clear the choice</source>
        <translation>Bỏ lựa chọn</translation>
    </message>
</context>
<context>
    <name>Sources</name>
    <message>
        <location filename="../../selfreview/ui/sources_dialog.py" line="+19"/>
        <source>Word for word from the official text</source>
        <translation>Nguyên văn theo văn bản chính thức</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word for word; the heading&apos;s place inferred</source>
        <translation>Nguyên văn; vị trí đề mục được suy ra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reconstructed: not checked word for word</source>
        <translation>Dựng lại, chưa đối chiếu được từng chữ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From another source, not the official text</source>
        <translation>Lấy từ nguồn khác, không phải văn bản chính thức</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written for this app</source>
        <translation>Do ứng dụng soạn</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Section</source>
        <translation>Mục</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>Câu chữ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wording</source>
        <translation>Mức độ nguyên văn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
</context>
<context>
    <name>SourcesDialog</name>
    <message>
        <location line="+11"/>
        <location line="+2"/>
        <source>Sources of the forms&apos; wording</source>
        <translation>Nguồn văn bản của các mẫu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where each text of a form comes from. The official wording is kept as the documents give it; what the app adds (hints, its own self-check) is marked as written for this app.</source>
        <translation>Nguồn của từng câu chữ trong mỗi mẫu. Câu chữ chính thức được giữ nguyên như văn bản; phần ứng dụng thêm vào (gợi ý, phần tự kiểm tra) được ghi là do ứng dụng soạn.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Form:</source>
        <translation>&amp;Mẫu:</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../selfreview/ui/startup.py" line="+36"/>
        <source>daily copy</source>
        <translation>bản sao hằng ngày</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>copy made before an update</source>
        <translation>bản sao trước khi cập nhật</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>copy made before a restore</source>
        <translation>bản sao trước khi khôi phục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>copy</source>
        <translation>bản sao</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Self-review is already open</source>
        <translation>Bản kiểm điểm cá nhân đang mở</translation>
    </message>
    <message>
        <location filename="../../selfreview/ui/app.py" line="+54"/>
        <location filename="../../selfreview/ui/startup.py" line="+4"/>
        <location line="+93"/>
        <location line="+5"/>
        <source>Self-review</source>
        <translation>Bản kiểm điểm cá nhân</translation>
    </message>
    <message>
        <location line="-1"/>
        <location filename="../../selfreview/ui/startup.py" line="-98"/>
        <location line="+93"/>
        <location line="+5"/>
        <source>The data folder could not be opened:
%1</source>
        <translation>Không mở được thư mục dữ liệu:
%1</translation>
    </message>
    <message>
        <location filename="../../selfreview/ui/startup.py" line="-76"/>
        <source>Your data file is damaged</source>
        <translation>Tệp dữ liệu của bạn bị hỏng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file that holds your self-reviews (%1) is damaged: the app cannot read it safely, so it has not changed anything in it.</source>
        <translation>Tệp chứa các bản kiểm điểm của bạn (%1) bị hỏng: ứng dụng không đọc được nó một cách an toàn, nên chưa thay đổi gì trong tệp.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the check found: %1</source>
        <translation>Kết quả kiểm tra: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The app can move the damaged file to a separate folder (nothing is deleted) and put back one of its automatic copies, the newest unless you choose another. Anything saved after the chosen copy was made is only in the damaged file.</source>
        <translation>Ứng dụng có thể chuyển tệp hỏng sang một thư mục riêng (không bị xóa) và đặt lại một bản sao tự động: bản mới nhất, trừ khi bạn chọn bản khác. Những gì lưu sau thời điểm của bản sao được chọn chỉ còn trong tệp hỏng.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not offered, because they failed their own check: %1.</source>
        <translation>Không có trong danh sách vì không qua được bước kiểm tra: %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore the chosen copy</source>
        <translation>Khôi phục bản sao đã chọn</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The automatic copies on this computer failed their own check too, so none can be put back. The app can move the damaged file to a separate folder (nothing is deleted) and start with an empty data file.</source>
        <translation>Các bản sao tự động trên máy này cũng không qua được bước kiểm tra, nên không đặt lại được bản nào. Ứng dụng có thể chuyển tệp hỏng sang một thư mục riêng (không bị xóa) và bắt đầu với tệp dữ liệu trống.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no automatic copy to restore yet. The app can move the damaged file to a separate folder (nothing is deleted) and start with an empty data file.</source>
        <translation>Chưa có bản sao tự động nào để khôi phục. Ứng dụng có thể chuyển tệp hỏng sang một thư mục riêng (không bị xóa) và bắt đầu với tệp dữ liệu trống.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move it aside and start empty</source>
        <translation>Chuyển tệp hỏng đi và bắt đầu với tệp trống</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The damaged file could not be moved: %1</source>
        <translation>Không chuyển được tệp hỏng: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Damaged file moved aside</source>
        <translation>Đã chuyển tệp hỏng sang chỗ khác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The damaged file was moved to %1. The app starts with an empty data file.</source>
        <translation>Tệp hỏng đã được chuyển vào %1. Ứng dụng bắt đầu với tệp dữ liệu trống.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No automatic copy could be restored: %1

The app starts with an empty data file; the damaged file is kept in %2.</source>
        <translation>Không khôi phục được bản sao tự động nào: %1

Ứng dụng bắt đầu với tệp dữ liệu trống; tệp hỏng được giữ trong %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Automatic copy restored</source>
        <translation>Đã khôi phục bản sao tự động</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The automatic copy of %1 is back in place. The damaged file was moved to %2.

Check your latest answers: what was saved after %1 is not in the copy.</source>
        <translation>Bản sao tự động lúc %1 đã được đặt lại. Tệp hỏng đã được chuyển vào %2.

Hãy xem lại những câu trả lời gần nhất: những gì lưu sau %1 không có trong bản sao.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../selfreview/ui/labels.py" line="+10"/>
        <source>Draft</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finalized</source>
        <translation>Đã hoàn tất</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
</context>
<context>
    <name>TextSize</name>
    <message>
        <location filename="../../selfreview/ui/settings.py" line="+20"/>
        <source>Small</source>
        <translation>Nhỏ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normal</source>
        <translation>Vừa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Large</source>
        <translation>Lớn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra large</source>
        <translation>Rất lớn</translation>
    </message>
</context>
<context>
    <name>WordImportDialog</name>
    <message>
        <location filename="../../selfreview/ui/word_import_dialog.py" line="+34"/>
        <source>Import from a Word file</source>
        <translation>Nhập từ tệp Word</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What %1 would put into your review</source>
        <translation>Những gì %1 sẽ đưa vào bản kiểm điểm của bạn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing is written yet. Check where each part goes; what is written now in a part marked “replaces” is replaced.</source>
        <translation>Chưa ghi gì. Hãy xem từng phần sẽ vào đâu; nội dung hiện có ở phần ghi “thay” sẽ được thay.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> (replaces what is written now)</source>
        <translation> (thay nội dung đang có)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not placed (copy by hand if needed):</source>
        <translation>Không xếp được vào mục nào (chép tay nếu cần):</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Write into my review</source>
        <translation>&amp;Ghi vào bản kiểm điểm</translation>
    </message>
</context>
<context>
    <name>YesNo</name>
    <message>
        <location filename="../../selfreview/ui/profile_form.py" line="-69"/>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>Không</translation>
    </message>
</context>
</TS>

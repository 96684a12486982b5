<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>About</name>
    <message>
        <location filename="../../selfreview/ui/help.py" line="+69"/>
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
        <location filename="../../selfreview/ui/app.py" line="+53"/>
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
    <name>BehaviourRow</name>
    <message>
        <location filename="../../selfreview/ui/question_widgets/checklist.py" line="+50"/>
        <location line="+46"/>
        <source>Concrete example</source>
        <translation>Ví dụ cụ thể</translation>
    </message>
    <message>
        <location line="-45"/>
        <location line="+46"/>
        <source>Remedy</source>
        <translation>Biện pháp khắc phục</translation>
    </message>
    <message>
        <location line="-38"/>
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
    <name>CounterLabel</name>
    <message>
        <location filename="../../selfreview/ui/question_widgets/text.py" line="+29"/>
        <source>Characters used and the limit</source>
        <translation>Số ký tự đã viết và giới hạn</translation>
    </message>
</context>
<context>
    <name>DateWidget</name>
    <message>
        <location filename="../../selfreview/ui/question_widgets/numbers.py" line="+112"/>
        <source>Clear</source>
        <translation>Xoá</translation>
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
        <location filename="../../selfreview/ui/dialogs.py" line="+17"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../../selfreview/ui/first_run.py" line="+60"/>
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
        <translation>Huỷ</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The profile was not created</source>
        <translation>Chưa tạo được hồ sơ</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../selfreview/ui/home.py" line="+41"/>
        <location line="+16"/>
        <source>My self-reviews</source>
        <translation>Bản kiểm điểm của tôi</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No self-review yet. Press &quot;Create a new review&quot; to start one.</source>
        <translation>Chưa có bản kiểm điểm nào. Bấm “Tạo bản kiểm điểm mới” để bắt đầu.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Create a &amp;new review</source>
        <translation>Tạo bản kiểm điểm &amp;mới</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Open the selected review</source>
        <translation>Mở bản đã &amp;chọn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show &amp;earlier revisions too</source>
        <translation>&amp;Xem cả các bản cũ</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>My profile</source>
        <translation>Hồ sơ của tôi</translation>
    </message>
    <message>
        <location line="+14"/>
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
        <translation>Mã khoá</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit &amp;profile…</source>
        <translation>Sửa hồ &amp;sơ…</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Could not do that</source>
        <translation>Chưa thực hiện được</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../selfreview/ui/main_window.py" line="+84"/>
        <location line="+14"/>
        <source>Self-review</source>
        <translation>Bản kiểm điểm cá nhân</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+19"/>
        <location line="+159"/>
        <source>Self-review — %1</source>
        <translation>Bản kiểm điểm cá nhân — %1</translation>
    </message>
    <message>
        <location line="-124"/>
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
        <location line="+2"/>
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
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Phím tắt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About</source>
        <translation>&amp;Giới thiệu</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved</source>
        <translation>Đã lưu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved: %1</source>
        <translation>Chưa lưu được: %1</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <location filename="../../selfreview/ui/navigator.py" line="+73"/>
        <source>Parts and sections of the form</source>
        <translation>Các phần, các mục của biểu mẫu</translation>
    </message>
    <message>
        <location line="+43"/>
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
    <name>ProfileDialog</name>
    <message>
        <location line="+16"/>
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
        <location filename="../../selfreview/ui/profile_form.py" line="+23"/>
        <source>Form %1 (not available in this version yet)</source>
        <translation>Mẫu %1 (chưa có trong phiên bản này)</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Full &amp;name *</source>
        <translation>Họ &amp;và tên *</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <translation>ví dụ: Đảng viên, Chi uỷ viên</translation>
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
        <location filename="../../selfreview/ui/profile_picker.py" line="+28"/>
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
        <location line="+13"/>
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
        <location filename="../../selfreview/ui/tasks.py" line="+208"/>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cancelling…</source>
        <translation>Đang huỷ…</translation>
    </message>
</context>
<context>
    <name>QuestionWidget</name>
    <message>
        <location filename="../../selfreview/ui/question_widgets/base.py" line="+32"/>
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
    <name>RecordEditor</name>
    <message>
        <location filename="../../selfreview/ui/question_widgets/records.py" line="+48"/>
        <source>Remove this entry</source>
        <translation>Xoá mục này</translation>
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
        <translation>Xoá mục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove entry %1 and what is written in it?</source>
        <translation>Xoá mục %1 cùng nội dung đã viết trong đó?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Xoá</translation>
    </message>
</context>
<context>
    <name>ReviewEditor</name>
    <message>
        <location filename="../../selfreview/ui/review_editor.py" line="+67"/>
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
        <location line="+61"/>
        <source>%1 · revision %2 · %3</source>
        <translation>%1 · lần sửa %2 · %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This review was finalized on %1 and is locked.</source>
        <translation>Bản kiểm điểm này đã hoàn tất lúc %1 và đã được khoá.</translation>
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
        <location line="+110"/>
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
        <translation>Sau khi hoàn tất, bản kiểm điểm được khoá và không sửa được nữa. Muốn sửa sau này, hãy tạo bản sửa đổi mới; bản đã hoàn tất vẫn được giữ.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Could not do that</source>
        <translation>Chưa thực hiện được</translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message>
        <location filename="../../selfreview/ui/review_model.py" line="+26"/>
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
        <location line="+45"/>
        <source>(replaced by a newer revision)</source>
        <translation>(đã có bản sửa đổi mới hơn)</translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <location filename="../../selfreview/ui/score_panel.py" line="+49"/>
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
        <location line="+28"/>
        <source>Your proposal: %1</source>
        <translation>Tự đề xuất: %1</translation>
    </message>
    <message>
        <location line="+2"/>
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
    <name>SectionPage</name>
    <message>
        <location filename="../../selfreview/ui/section_view.py" line="+39"/>
        <source>Fields marked * must be answered.</source>
        <translation>Các mục có dấu * là bắt buộc.</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../selfreview/ui/help.py" line="-55"/>
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
    <name>YesNo</name>
    <message>
        <location filename="../../selfreview/ui/profile_form.py" line="-68"/>
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

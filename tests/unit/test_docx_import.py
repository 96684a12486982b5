"""Import from Word (issue 16): a member's own .docx kiểm điểm, in the 2025 and the 2023 layouts,
made by LibreOffice from plain text (tests/data/kiem-diem-20xx.txt: no Word styles, only the
numbering a person types), is placed into the form's questions; the preview writes nothing; the
accepted plan is written in one go, NFC; what could not be placed is listed; bad files are refused
with a clear message and nothing changes."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from docx import Document

from libreoffice import convert
from selfreview.cli import main
from selfreview.services.context import AppContext
from selfreview.services.docx_import import WordImport
from selfreview.services.dto import ProfileData
from selfreview.services.errors import Locked, ServiceError

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def word_files(tmp_path_factory):
    """Both layouts as .docx, made by LibreOffice from the text files (one conversion)."""
    texts = [DATA / "kiem-diem-2025.txt", DATA / "kiem-diem-2023.txt"]
    profile = tmp_path_factory.mktemp("lo-profile")
    out = convert(texts, "docx:MS Word 2007 XML", tmp_path_factory.mktemp("docx"), profile,
                  infilter="Text (encoded):UTF8")
    return {"2025": out["kiem-diem-2025.txt"], "2023": out["kiem-diem-2023.txt"]}


@pytest.fixture
def draft(ctx):
    p = ctx.profiles.create(ProfileData(full_name="Nguyễn Thị Hồng Nhung"))
    rid = ctx.reviews.create(p.id, "2025", template_id="hd43-2025-2b").summary.id
    ctx.reviews.save_answer(rid, "a6_direction", "Nội dung cũ sẽ được thay.")
    return rid


def test_the_2025_layout_is_placed_and_written_only_when_accepted(ctx, draft, word_files):
    importer = WordImport(ctx)
    before = ctx.reviews.answers(draft)
    preview = importer.preview(draft, word_files["2025"])
    assert ctx.reviews.answers(draft) == before  # a preview writes nothing
    plan = preview.plan
    assert plan.layout == "2025"
    got = {p.question_id: p.text for p in plan.placements}
    assert got == {
        "a1_political": "Luôn trung thành với lý tưởng của Đảng; lối sống giản dị, trung thực, đoàn kết với đồng nghiệp.",
        "a1_duties": "Hoàn thành 100% nhiệm vụ được giao; thẩm định 38 hồ sơ đúng hạn.\n"
                     "Tham mưu kế hoạch chuyển đổi số của cơ quan.",
        "a1_pledge": "Thực hiện đầy đủ cam kết tu dưỡng, rèn luyện năm 2024.",
        "a2_shortcomings": "Đôi khi chưa chủ động đề xuất giải pháp mới.",
        "a2_causes": "Khối lượng công việc lớn; chưa sắp xếp thời gian hợp lý.",
        "a3_previous": "Chậm cập nhật văn bản mới của ngành.",
        "a4_explanations": "Không có vấn đề được gợi ý.",
        "a5_collective": "Chịu trách nhiệm một phần về việc chậm tiến độ số hóa hồ sơ của phòng.",
        "a6_direction": "Chủ động nghiên cứu, đề xuất giải pháp; dành 3 giờ mỗi tuần tự học ngoại ngữ.",
    }
    assert preview.replaces["a6_direction"] and not preview.replaces["a1_political"]
    # the header, identity, part B and the signature are listed, not dropped silently
    for line in ("Họ và tên: Nguyễn Thị Hồng Nhung", "B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI", "1. Nhóm tiêu chí chung: 26/30",
                 "NGƯỜI TỰ KIỂM ĐIỂM"):
        assert line in plan.unplaced, line

    written = importer.apply(preview)
    assert sorted(written) == sorted(got)
    answers = ctx.reviews.answers(draft)
    for qid, text in got.items():
        if qid == "a3_previous":  # a list question: one entry per line
            assert answers[qid] == [{"shortcoming": text}]
        else:
            assert answers[qid] == text


def test_the_2023_layout_lands_in_the_2025_form(ctx, draft, word_files):
    preview = WordImport(ctx).preview(draft, word_files["2023"])
    plan = preview.plan
    assert plan.layout == "2023"
    got = {p.question_id: p.text for p in plan.placements}
    # 2023's I.1-I.3 (politics, ethics, style) are 2025's first question, each under its own heading
    assert got["a1_political"] == ("1. Về tư tưởng chính trị\n"
                                   "Tuyệt đối trung thành với chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh.\n"
                                   "2. Về phẩm chất đạo đức, lối sống\nGiữ gìn lối sống giản dị, lành mạnh.\n"
                                   "3. Về tác phong, lề lối làm việc\nLàm việc khoa học, đúng giờ.")
    assert got["a1_duties"] == "Hoàn thành tốt nhiệm vụ chuyên môn; 41 hồ sơ đúng hạn."  # 2023's I.4
    assert got["a1_pledge"] == "Thực hiện nghiêm cam kết đầu năm."  # 2023's I.5
    assert got["a2_causes"] == "Chưa bố trí thời gian hợp lý."
    assert got["a6_direction"] == "Bố trí 2 giờ mỗi tuần học ngoại ngữ."
    # 2023's self-rating (VII) has no place in 2025's form (rated by scores): listed
    assert "VII. TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG" in plan.unplaced
    assert "Xếp loại đảng viên: Hoàn thành tốt nhiệm vụ" in plan.unplaced


def test_text_is_nfc_and_bold_headings_count(ctx, draft, tmp_path):
    doc = Document()
    heading = doc.add_paragraph().add_run(unicodedata.normalize("NFD", "Phương hướng, biện pháp khắc phục"))
    heading.bold = True  # a heading by its look, without numbering
    doc.add_paragraph(unicodedata.normalize("NFD", "Tự học tiếng Anh mỗi tối; đọc kỹ văn bản mới."))
    path = tmp_path / "nfd.docx"
    doc.save(str(path))
    importer = WordImport(ctx)
    preview = importer.preview(draft, path)
    assert [(p.question_id, p.text) for p in preview.plan.placements] == [
        ("a6_direction", "Tự học tiếng Anh mỗi tối; đọc kỹ văn bản mới.")]
    importer.apply(preview)
    stored = ctx.reviews.answers(draft)["a6_direction"]
    assert stored == "Tự học tiếng Anh mỗi tối; đọc kỹ văn bản mới." and unicodedata.is_normalized("NFC", stored)


def test_bad_files_and_locked_reviews_change_nothing(ctx, draft, tmp_path, word_files):
    importer = WordImport(ctx)
    before = ctx.reviews.answers(draft)
    fake = tmp_path / "not-word.docx"
    fake.write_bytes(b"%PDF-1.4 not a Word file")
    with pytest.raises(ServiceError) as e:
        importer.preview(draft, fake)
    assert "not-word.docx" in e.value.message.vi and ".docx" in e.value.message.en
    with pytest.raises(ServiceError):
        importer.preview(draft, tmp_path / "missing.docx")
    import zipfile
    with zipfile.ZipFile(tmp_path / "a-zip.docx", "w") as z:  # a zip, but not a Word document
        z.writestr("hello.txt", "xin chào")
    with pytest.raises(ServiceError):
        importer.preview(draft, tmp_path / "a-zip.docx")
    empty = tmp_path / "empty.docx"
    Document().save(str(empty))
    nothing = importer.preview(draft, empty)
    assert nothing.plan.empty
    with pytest.raises(ServiceError):
        importer.apply(nothing)
    preview = importer.preview(draft, word_files["2025"])
    _lock(ctx, draft)  # finalized meanwhile (in another window)
    with pytest.raises(Locked):
        importer.apply(preview)
    assert ctx.reviews.answers(draft) == before


def _lock(ctx, review_id):
    """Finalize a review that is not complete, as the database would hold it."""
    from selfreview.db.models import Review
    with ctx.session() as s:
        s.get(Review, review_id).status = "finalized"


def test_the_command_previews_and_writes_with_yes(data_dir, word_files, capsys):
    with AppContext.open(data_dir) as ctx:
        p = ctx.profiles.create(ProfileData(full_name="Nguyễn Thị Hồng Nhung"))
        rid = ctx.reviews.create(p.id, "2025", template_id="hd43-2025-2b").summary.id
    args = ["--data-dir", str(data_dir), "import-docx", str(word_files["2023"]), "--review", str(rid)]
    assert main(args + ["--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["layout"] == "2023" and shown["placements"][1]["question"] == "a1_duties"
    with AppContext.open(data_dir) as ctx:
        assert "a1_duties" not in ctx.reviews.answers(rid)  # shown, not written
    assert main(args + ["--yes"]) == 0
    out = capsys.readouterr().out
    assert "VII. TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG" in out  # the unplaced lines are listed
    with AppContext.open(data_dir) as ctx:
        assert ctx.reviews.answers(rid)["a1_duties"] == "Hoàn thành tốt nhiệm vụ chuyên môn; 41 hồ sơ đúng hạn."


@pytest.mark.parametrize("form", ["hd43-2025-2a", "hd43-2025-2b", "hd43-2025-2c"])
@pytest.mark.parametrize("layout", ["2025", "2023"])
def test_every_member_form_places_both_layouts_and_never_the_header(form, layout):
    from selfreview.forms import registry
    from selfreview.forms.text_import import Paragraph, plan_import

    lines = (DATA / f"kiem-diem-{layout}.txt").read_text(encoding="utf-8").splitlines()
    plan = plan_import(registry.find(form).template, [Paragraph(line) for line in lines])
    got = {p.question_id: p.text for p in plan.placements}
    assert plan.layout == layout
    # the issuing body above the title (capitals, like a heading) is not a part of the form
    assert plan.unplaced[:2] == ["ĐẢNG BỘ SỞ NỘI VỤ", "CHI BỘ VĂN PHÒNG"]
    assert got["a2_causes"] in ("Khối lượng công việc lớn; chưa sắp xếp thời gian hợp lý.", "Chưa bố trí thời gian hợp lý.")
    assert got["a6_direction"].endswith("ngoại ngữ.")
    assert "Tuyệt đối trung thành" in got["a1_political"] or "Luôn trung thành" in got["a1_political"]

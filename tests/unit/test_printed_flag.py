"""What goes on paper is data: guidance marked ``printed: false`` stays on screen only."""

from selfreview.forms.model import Guidance
from selfreview.forms.registry import find
from selfreview.reports.review_items import on_paper


def guidance_ids(template_id, printed):
    t = find(template_id).template
    return {i.id for _, i in t.items() if isinstance(i, Guidance) and on_paper(i) is printed}


def test_criteria_frameworks_are_screen_only_and_the_official_lines_are_printed():
    printed_2a = guidance_ids("hd43-2025-2a", True)
    assert "b1_lead" in printed_2a  # "Trên cơ sở cụ thể hoá khung tiêu chí…" leads into Part B
    assert {"b1_pl3_i_1", "b1_pl3_ii"} <= guidance_ids("hd43-2025-2a", False)
    screen_2b = guidance_ids("hd43-2025-2b", False)
    assert {f"b1_pl4_ii_{n}" for n in range(1, 10)} <= screen_2b and "a1_duties_hints" in screen_2b
    assert "b1_lead" in guidance_ids("hd43-2025-2b", True)

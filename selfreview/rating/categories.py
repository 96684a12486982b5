"""Who is rated (QĐ 366 Article 11 and Hướng dẫn 43): the categories, the form each fills, and the
rule that puts a person in one. The one place these facts are written."""

from __future__ import annotations

from enum import Enum

from . import messages as M


class Category(str, Enum):
    """Who is rated; picks the Article 11 sub-items that apply."""

    LEADER = "leader"  # giữ chức vụ lãnh đạo, quản lý (Mẫu 2A, Phụ lục 3)
    NON_LEADER = "non_leader"  # không giữ chức vụ (Mẫu 2B, Phụ lục 4)
    OUTSIDE = "outside_system"  # không làm việc trong hệ thống chính trị (Mẫu 2C, Phụ lục 5)
    COLLECTIVE = "collective"  # tập thể, tập thể lãnh đạo, quản lý (Mẫu 01, Phụ lục 1)

    label_vi = property(lambda self: M.CATEGORY_LABEL_VI[self.value])
    label_en = property(lambda self: M.CATEGORY_LABEL_EN[self.value])
    form = property(lambda self: M.CATEGORY_FORM[self.value])  # "2A" / "2B" / "2C"


# The categories of a person (a roster entry, a profile, a response file); the collective is rated
# on its own form (Mẫu 01), never a member's.
MEMBER_CATEGORIES: tuple[str, ...] = (Category.LEADER.value, Category.NON_LEADER.value, Category.OUTSIDE.value)


def member_category(is_leader: bool, in_political_system: bool) -> str:
    """The category that decides a person's form (Hướng dẫn 43, 2.1 b): a Party member who does not
    work in the political system fills Mẫu 2C whatever the post; otherwise a leader 2A, others 2B."""
    if not in_political_system:
        return Category.OUTSIDE.value
    return Category.LEADER.value if is_leader else Category.NON_LEADER.value


def form_of(category: str) -> str:
    """The form a category fills, as people name it: "2A", "2B", "2C" ("01" for the collective);
    a value that is no category is returned as it is (shown as the data holds it)."""
    return M.CATEGORY_FORM.get(category, category)


def judged_as(category: str) -> Category:
    """The category whose rules rate a form made for ``category``; a form for anyone ("any") is
    judged like a non-leader's (its score bands)."""
    try:
        return Category(category)
    except ValueError:
        return Category.NON_LEADER

"""The member-category rule and the category → form mapping, stated once in ``selfreview.rating``
and what the services show (a profile's category, a roll-call row's form)."""

import pytest

from selfreview.rating import MEMBER_CATEGORIES, Category, form_of, judged_as, member_category
from selfreview.services.dto import ProfileData


@pytest.mark.parametrize(("is_leader", "in_system", "category", "form"), [
    (True, True, "leader", "2A"),
    (False, True, "non_leader", "2B"),
    (True, False, "outside_system", "2C"),  # outside the political system: 2C whatever the post
    (False, False, "outside_system", "2C"),
])
def test_a_persons_category_and_form(is_leader, in_system, category, form):
    assert member_category(is_leader, in_system) == category
    assert form_of(category) == form
    profile = ProfileData(full_name="Nguyễn Văn A", is_leader=is_leader, in_political_system=in_system)
    assert profile.category == category


def test_forms_of_every_category_and_of_unknown_values():
    assert [form_of(c) for c in MEMBER_CATEGORIES] == ["2A", "2B", "2C"]
    assert form_of(Category.COLLECTIVE.value) == "01"
    assert form_of("something else") == "something else"  # shown as the data holds it


def test_a_form_for_anyone_is_judged_like_a_non_leaders():
    assert judged_as("leader") is Category.LEADER
    assert judged_as("any") is Category.NON_LEADER

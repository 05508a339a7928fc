"""The shared template components (polku/templates/components, docs/design-system.md) render what they promise."""

from __future__ import annotations

from django.template.loader import render_to_string


def test_summary_list_rows_with_and_without_a_change_link():
    html = render_to_string(
        "components/summary_list.html",
        {
            "rows": [
                {"key": "Phone", "value": "", "href": "/edit/", "action": "Change"},
                {"key": "E-mail", "value": "a@b.fi"},
            ]
        },
    )
    assert html.count("<dt") == 2 and html.count("govuk-summary-list__row--no-actions") == 1
    assert "–" in html  # an empty value reads as a dash
    assert 'href="/edit/"' in html and '<span class="visually-hidden"> Phone</span>' in html


def test_task_list_links_open_tasks_to_their_status():
    html = render_to_string(
        "components/task_list.html",
        {
            "tasks": [
                {"name": "Contact details", "href": "/1/", "status": "Completed", "done": True},
                {"name": "Languages", "href": "/2/", "status": "Not started"},
            ]
        },
    )
    assert 'aria-describedby="task-2-status"' in html and 'id="task-2-status"' in html
    assert '<strong class="govuk-tag govuk-tag--yellow">Not started</strong>' in html
    assert "govuk-tag" not in html.split("task-1-status")[-1].split("</div>")[0]  # done reads plain


def test_tabs_mark_the_current_view_and_tags_carry_their_words():
    html = render_to_string(
        "components/tabs.html",
        {
            "tabs": [
                {"label": "Open", "href": "?s=open", "current": True},
                {"label": "Closed", "href": "?s=closed"},
            ]
        },
    )
    assert html.count('aria-current="page"') == 1 and "govuk-tabs__list-item--selected" in html
    tag = render_to_string("components/tag.html", {"text": "Waiting", "tone": "yellow"})
    assert tag.strip().endswith('<strong class="tag tag--yellow">Waiting</strong>')


def test_the_error_summary_takes_the_focus_and_links_to_the_fields():
    from polku.core.forms import SummaryItem

    html = render_to_string(
        "includes/error_summary.html",
        {"summary": [SummaryItem(anchor="id_email", label="e-mail", message="Required.")]},
    )
    assert "data-error-summary" in html and 'tabindex="-1"' in html and 'role="alert"' in html
    assert '<a href="#id_email">E-mail: Required.</a>' in html

"""The publisher's details: supplied once, they reach the manifest's links and the legal pages, and a placeholder
in any of them keeps the skill from being created."""

from __future__ import annotations

import json

import pytest

from build_tools import interaction_model, publisher

REAL = publisher.Publisher(
    name="Neuro Help Ltd", contact="privacy@neurohelp.co.uk", docs_url="https://neurohelp.co.uk/mmn"
)


def test_the_checked_in_details_are_placeholders_so_the_skill_cannot_be_created_from_them():
    assert len(publisher.placeholders(publisher.load())) == 3


def test_real_details_pass():
    assert publisher.placeholders(REAL) == []
    assert (
        publisher.placeholders(publisher.Publisher(REAL.name, "https://neurohelp.co.uk/contact", REAL.docs_url)) == []
    )


@pytest.mark.parametrize(
    "field, value",
    [
        ("name", ""),
        ("contact", ""),
        ("contact", "call us"),
        ("contact", "https://example.com/contact"),
        ("docs_url", ""),
        ("docs_url", "http://neurohelp.co.uk/mmn"),
        ("docs_url", "https://mmn-guide.example.org"),
        ("docs_url", "https://docs.example"),
        ("docs_url", "https://site.invalid"),
        ("docs_url", "https://localhost/mmn"),
    ],
)
def test_each_placeholder_is_named(field, value):
    details = publisher.Publisher(**{**vars(REAL), field: value})
    assert [problem.split(":")[0] for problem in publisher.placeholders(details)] == [field]


def test_the_manifest_and_the_legal_pages_carry_the_details(tmp_path, monkeypatch):
    settings = tmp_path / "publisher.toml"
    settings.write_text(
        'name = "Neuro Help Ltd"\ncontact = "privacy@neurohelp.co.uk"\ndocs_url = "https://neurohelp.co.uk/mmn/"\n'
    )
    monkeypatch.setattr(publisher, "PUBLISHER_PATH", settings)
    details = publisher.load()
    assert details == REAL, "the trailing slash is dropped"
    legal = interaction_model.build_manifest()["manifest"]["privacyAndCompliance"]["locales"]
    assert {json.dumps(links, sort_keys=True) for links in legal.values()} == {
        json.dumps(
            {
                "privacyPolicyUrl": "https://neurohelp.co.uk/mmn/privacy",
                "termsOfUseUrl": "https://neurohelp.co.uk/mmn/terms",
            },
            sort_keys=True,
        )
    }
    pages = publisher.documents(details)
    assert set(pages) == {publisher.DOCS / "privacy.md", publisher.DOCS / "terms.md"}
    for text in pages.values():
        assert "published by Neuro Help Ltd" in text and "privacy@neurohelp.co.uk" in text and "$" not in text

"""The Lambda package's built content (build_tools/compile_content.py pickles each locale's model) is the content the
loader builds from the data files, and the loader takes it instead of building."""

from __future__ import annotations

import shutil

import pytest

from build_tools import compile_content as content_compile
from skill.content import load_content, loader, supported_locales

CACHES = (loader._read, loader._load, loader._languages, loader.supported_locales)


@pytest.fixture
def package_data(tmp_path, monkeypatch):
    """The data files as the package ships them (JSON), the loader reading them."""
    data = tmp_path / "data"
    shutil.copytree(loader.DATA_DIR, data)
    content_compile.compile_tree(data)
    monkeypatch.setattr(loader, "DATA_DIR", data)
    for cache in CACHES:
        cache.cache_clear()
    yield data
    monkeypatch.undo()
    for cache in CACHES:
        cache.cache_clear()


def test_every_locales_built_content_is_what_the_data_files_make(package_data, monkeypatch):
    locales = supported_locales("en")
    expected = {locale: loader.build_content(locale) for locale in locales}
    assert sorted(p.name for p in content_compile.build_tree()) == sorted(f"{locale}.pickle" for locale in locales)
    loader._load.cache_clear()

    def not_built(locale):
        raise AssertionError(f"{locale} was built from the data files, not read from the package")

    monkeypatch.setattr(loader, "build_content", not_built)
    assert {locale: load_content(locale) for locale in locales} == expected


def test_without_built_content_the_loader_builds_it(package_data):
    assert not list(package_data.rglob("*.pickle"))
    assert load_content("en-GB") == loader.build_content("en-GB")

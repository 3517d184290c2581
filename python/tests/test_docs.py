"""Every `>>>` example of docs/python.md and README.md runs and prints what it shows
(doctest over the pages, with ELLIPSIS: `...` in a shown output matches any text)."""
import doctest

import pytest

PAGES = ["docs/python.md", "README.md"]


@pytest.mark.parametrize("page", PAGES)
def test_page_examples(repo, page, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "instances").symlink_to(repo / "instances")
    # A code fence ends an example's expected output, as a blank line does for doctest.
    text = "\n".join("" if line.startswith("```") else line for line in (repo / page).read_text().splitlines())
    test = doctest.DocTestParser().get_doctest(text, {}, page, page, 0)
    if page == "docs/python.md":
        assert len(test.examples) >= 10, "the page lost its examples"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples of {page} differ (doctest output above)"

"""Front matter that is wrong: reported on its line, with what was done, and the article kept."""

from datetime import date
from pathlib import Path

import pytest

from generator.articles import Article, distinct_slugs, one_spelling_per_outlet, parse_article, read_date, slugify

TODAY = date(2020, 6, 1)
PATH = Path("seeds/article.md")


def article(front_matter: str, body: str = "The town was shelled on Wednesday.\n", today=TODAY) -> Article:
    return parse_article(PATH, f"---\n{front_matter}---\n{body}", today)


def problems(item: Article, level: str | None = None) -> list:
    return [p for p in item.problems if level is None or p.level == level]


def test_front_matter_that_is_not_yaml_is_reported_on_its_line_and_the_body_kept():
    item = article("title: fine\nsource: AFP\nurl: [unclosed\n")
    error = problems(item, "error")
    assert len(error) == 1 and error[0].line == 4 and "not valid YAML" in error[0].message
    assert "published without it" in error[0].message
    assert item.body == "The town was shelled on Wednesday.\n" and item.title == "article"


def test_front_matter_never_closed_is_an_error_and_the_whole_file_is_kept_as_text():
    text = "---\ntitle: Strikes\ndate: 2020-01-16\nThe town was shelled on Wednesday.\n"
    item = parse_article(PATH, text, TODAY)
    [error] = problems(item, "error")
    assert error.line == 1 and "never closed" in error.message
    assert item.body == text and item.published is None


def test_a_file_that_opens_with_a_rule_and_no_key_is_not_taken_for_front_matter():
    item = parse_article(PATH, "---\nThe town was shelled on Wednesday.\n", TODAY)
    assert not problems(item, "error")


@pytest.mark.parametrize("written", ["''", "'   '"])
def test_a_blank_title_is_reported_and_the_title_found_as_without_one(written):
    item = article(f"title: {written}\ndate: 2020-01-16\n", body="Strikes\n\nThe town was shelled on Wednesday.\n")
    [warning] = problems(item, "warning")
    assert warning.line == 2 and "title is blank" in warning.message
    assert item.title == "Strikes"


@pytest.mark.parametrize("written", ["Narrative", "NARRATIVE", " narrative "])
def test_the_genre_is_read_whatever_its_case(written):
    item = article(f"date: 2020-01-16\ngenre: '{written}'\n")
    assert item.genre == "narrative" and not problems(item, "warning")


@pytest.mark.parametrize("front_matter, kind", [("- a\n- list\n", "list"), ("just a sentence\n", "str")])
def test_front_matter_that_is_not_a_mapping_is_an_error(front_matter, kind):
    error = problems(article(front_matter), "error")
    assert len(error) == 1 and error[0].line == 2
    assert f"is a {kind}, not a mapping" in error[0].message


def test_unknown_keys_are_reported_on_their_own_line():
    item = article("title: Strikes\ndate: 2020-01-16\nauthr: Someone\ntags: [a]\n")
    found = {p.message.split("'")[1]: p.line for p in problems(item) if "unknown" in p.message}
    assert found == {"authr": 4, "tags": 5}
    assert item.title == "Strikes" and item.published == date(2020, 1, 16)


def test_an_impossible_date_is_an_error_and_not_used():
    item = article("title: Strikes\ndate: 2020-02-30\n")
    error = problems(item, "error")
    assert item.published is None
    assert len(error) == 1 and error[0].line == 3
    assert "2020-02-30" in error[0].message and "February 2020 has 29 days" in error[0].message
    assert "not used" in error[0].message
    assert not [p for p in item.problems if "no publication date" in p.message], "reported once"


@pytest.mark.parametrize("written, read, form", [
    ("16/01/2020", date(2020, 1, 16), "day/month/year"),
    ("01/16/2020", date(2020, 1, 16), "month/day/year"),
    ("16.01.2020", date(2020, 1, 16), "day/month/year"),
    ("05/05/2020", date(2020, 5, 5), "the same either way"),
    ("2020/01/16", date(2020, 1, 16), "year/month/day"),
    ("January 16, 2020", date(2020, 1, 16), "month day, year"),
    ("Thursday, January 16, 2020", date(2020, 1, 16), "month day, year"),
    ("16 January 2020", date(2020, 1, 16), "day month year"),
    ("16 Jan. 2020", date(2020, 1, 16), "day month year"),
])
def test_an_unambiguous_date_in_another_form_is_read_with_a_warning_saying_as_what(written, read, form):
    assert read_date(written)[0] == read and form in read_date(written)[1]
    item = article(f"title: Strikes\ndate: {written}\n")
    assert item.published == read
    warning = problems(item, "warning")
    assert len(warning) == 1 and warning[0].line == 3
    assert form in warning[0].message and f"{read.day} {read:%B} {read.year}" in warning[0].message


@pytest.mark.parametrize("written, why", [
    ("01/02/2020", "could be 1 February or 2 January 2020"),
    ("13/13/2020", "neither number can be a month"),
    ("31/02/2020", "February 2020 has 29 days"),
    ("Smarch 3, 2020", "not a date in a form that can be read"),
    ("yesterday", "not a date in a form that can be read"),
    ("2020", "not a date in a form that can be read"),
])
def test_an_ambiguous_or_unreadable_date_is_an_error_and_not_used(written, why):
    item = article(f"title: Strikes\ndate: {written}\n")
    assert item.published is None
    error = problems(item, "error")
    assert len(error) == 1 and why in error[0].message and error[0].line == 3


def test_an_iso_date_with_a_time_is_read_silently():
    item = article("date: 2020-01-16T08:30:00Z\n")
    assert item.published == date(2020, 1, 16) and problems(item) == []


def test_a_date_after_the_build_is_reported_and_not_used_for_resolution():
    item = article("title: Strikes\ndate: 2020-06-02\n")
    assert item.published is None
    warning = problems(item, "warning")
    assert len(warning) == 1 and warning[0].line == 3
    assert "after the day of the build (2020-06-01)" in warning[0].message
    assert article("date: 2020-06-01\n").published == date(2020, 6, 1), "today itself is not the future"


def make(name: str, title: str) -> Article:
    return parse_article(Path("seeds") / name, f"---\ntitle: {title}\ndate: 2020-01-16\n---\nBody.\n", TODAY)


def test_articles_with_the_same_slug_get_distinct_deterministic_ones():
    articles = [make("a.md", "One"), make("a.txt", "Two"), make("a-2.md", "Three"),
                make("Idlib!.md", "Four"), make("idlib.md", "Five"), make("index.md", "Six")]
    distinct_slugs(articles, reserved=frozenset({"index"}))
    assert [a.slug for a in articles] == ["a", "a-3", "a-2", "idlib", "idlib-2", "index-2"]
    clash = problems(articles[1], "warning")
    assert len(clash) == 1 and "'a' is taken by a.md" in clash[0].message and "'a-3'" in clash[0].message
    assert "taken by a page of the site" in problems(articles[5], "warning")[0].message
    assert problems(articles[0]) == [] and problems(articles[2]) == []


def test_articles_with_the_same_title_are_both_kept_with_a_notice():
    articles = [make("first.md", "Strikes hit Idlib"), make("second.md", "strikes  hit IDLIB")]
    distinct_slugs(articles)
    assert [a.slug for a in articles] == ["first", "second"]
    notice = problems(articles[1], "notice")
    assert len(notice) == 1 and "same title as first.md" in notice[0].message


@pytest.mark.parametrize("name", ["../../etc/passwd", "a/b\\c", "..", "<script>", "**x**", "Ünïcödé ✓", "\u202e", ""])
def test_a_slug_is_only_letters_digits_and_hyphens(name):
    slug = slugify(name)
    assert slug and all(c in "abcdefghijklmnopqrstuvwxyz0123456789-" for c in slug)
    assert not slug.startswith("-") and ".." not in slug


def test_an_empty_date_is_a_missing_date():
    item = article("title: Strikes\ndate:\n")
    assert item.published is None
    assert [p.message for p in problems(item)] == ["no publication date: relative dates are left unresolved"]


def test_a_list_or_mapping_where_text_belongs_is_ignored_on_its_line():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, "
        f"*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}]\n" for n in range(8))
    item = article(f"{bomb}title: *i\ndate: {{day: 16}}\nsource: AFP\n")
    ignored = {p.message: p.line for p in problems(item) if "not text" in p.message}
    assert ignored == {"title is a list, not text; ignored": 11, "date is a dict, not text; ignored": 12}
    assert item.title == "article" and item.published is None and item.source == "AFP"


def test_an_outlet_written_in_different_ways_gets_the_spelling_most_used():
    items = [article(f"title: {n}\ndate: 2020-01-16\nsource: {outlet}\n") for n, outlet in
             enumerate(["WSJ", "wsj", "Reuters", "wsj", "W.S.J."])]
    one_spelling_per_outlet(items)
    assert [item.source for item in items] == ["wsj", "wsj", "Reuters", "wsj", "wsj"]
    noted = [item for item in items if any("is shown as 'wsj'" in p.message for p in item.problems)]
    assert noted == [items[0], items[4]] and all(p.level == "notice" for item in noted for p in item.problems)


def test_outlets_used_as_often_take_the_first_spelling():
    items = [article(f"title: {n}\ndate: 2020-01-16\nsource: {outlet}\n") for n, outlet in enumerate(["AFP", "afp"])]
    one_spelling_per_outlet(items)
    assert [item.source for item in items] == ["AFP", "AFP"]

"""The synthetic corpus of the scale benchmark: the same bytes for the same seed, articles the
generator reads like the real seeds, of news length, with dates and expressions that vary."""

from collections import Counter

from bench.synthetic import MAX_WORDS, MIN_WORDS, write_corpus
from generator.articles import read_article
from generator.tagger import tag


def corpus(folder, count=30, seed=2020):
    return {path.name: path.read_bytes() for path in write_corpus(count, folder, seed)}


def test_a_seed_always_writes_the_same_bytes(tmp_path):
    assert corpus(tmp_path / "a") == corpus(tmp_path / "b")
    assert corpus(tmp_path / "c", seed=7) != corpus(tmp_path / "a")


def test_a_smaller_corpus_is_the_start_of_a_larger_one(tmp_path):
    small, large = corpus(tmp_path / "small", 10), corpus(tmp_path / "large", 30)
    assert small.items() <= large.items()


def test_articles_read_like_seeds_and_have_news_lengths(tmp_path):
    years, outlets, types = Counter(), Counter(), Counter()
    for path in write_corpus(30, tmp_path):
        article = read_article(path)
        assert article.problems == []
        assert article.title and article.published and article.source and article.url.startswith("https://")
        assert MIN_WORDS <= len(article.body.split()) <= MAX_WORDS
        years[article.published.year] += 1
        outlets[article.source] += 1
        types.update(found.type for found in tag(article.body, article.published))
    assert len(years) >= 3 and len(outlets) >= 5
    assert {"DATE", "TIME", "DURATION", "SET"} <= set(types)

"""The tense around an expression: whether what it dates lies before or after the anchor."""

from __future__ import annotations

import re
from functools import lru_cache

from . import vocabulary

_WORD = re.compile(r"[\w'’]+(?:\.[\w'’]+)*")
_LOOK_BEHIND = 16  # words before the expression that may decide its tense
_LOOK_AHEAD = 8
_GOVERNING_REACH = 4  # words at most between a verb of a timetable or a modal and a date it governs
_CLAUSE_WORDS = 2  # words between a reporting verb and an expression in the clause it reports
# what comes after "since", right after it or after a phrase with no verb: "since March", "since
# the disputed vote in March"
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$|\bsince\s+(?:the|a|an|his|her|its|their|this|that)\s+"
                    r"(?:(?!(?:and|or|but|will|would|shall|could|may|might|is|are|was|were|be|been"
                    r"|that|which|who|when|to)\s)[\w'’-]+\s+){1,5}(?:in|on|of|during)\s+(?:the\s+)?$", re.IGNORECASE)
# a deadline ("must respond by", "extended to"), not the time before a date ("the run-up to Christmas")
_DEADLINE_BEFORE = re.compile(r"\b(?:by|until|till|through|(?<![-\s]up\s)(?<!countdown\s)to)\s+$", re.IGNORECASE)
# "By the end of January, the virus had spread": what a past sentence opens with is no deadline
_OPENING_BY = re.compile(r"\s*(?:by|until|till)\s+", re.IGNORECASE)
_RANGE_END_BEFORE = re.compile(r"\bfrom\s+\S+(?:\s+\S+){0,3}\s*(?:-|–|—|to|until|till|through)\s*$", re.IGNORECASE)
# a sentence that opens with a condition in the present: "Once the bill is signed on Monday, it becomes law",
# "Should the deal fall through on Monday, shares could slump"
_A_CONDITION = re.compile(r"\s*(?:if|once|unless|as\s+soon\s+as|should)\b", re.IGNORECASE)
# a time of the day a deadline ends at, before its date: "until the close of business on", "by 5 p.m. on"
_TIME_OF_A_DEADLINE = (r"(?:(?:(?:the\s+)?(?:end|close)\s+of\s+(?:business|play|trading|the\s+day)"
                       r"|\d[\d.:]*\s*(?:[ap]\.?m\.?)?|noon|midnight)\s+(?:on\s+)?)?")
# "gave the defence until Friday to respond": a time given to do something is still to come
_DEADLINE_BEFORE_TIME = re.compile(rf"\b(?:until|till|by)\s+{_TIME_OF_A_DEADLINE}$", re.IGNORECASE)
_DEADLINE_OR_START_BEFORE = re.compile(rf"\b(?:(?:until|till|through|by)\s+{_TIME_OF_A_DEADLINE}|(?:starting|beginning)\s+)$",
                                       re.IGNORECASE)
_TO_ACT = re.compile(r"\s+to\s+(?!(?:the|a|an|its|his|her|their|this|that|these|those)\b)(?-i:[a-z]+)", re.IGNORECASE)
_DEADLINE_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:deadline|target|date)\b", re.IGNORECASE)
# "The deadline is Friday", "the hearing is on Monday", "elections are in May", "the deadline is
# midnight on 31 December", "the final is at Wembley on 1 June", "Sunday is polling day": a date
# the present tense joins to what happens on it is one to come.
_COPULA_BEFORE = re.compile(
    r"\b(?:is|are)\s+(?:(?:at|in)\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,2}\s+)?"  # "at Wembley"
    r"(?:on\s+(?:the\s+)?|in\s+)?(?:(?:at\s+)?(?:midnight|noon|midday|\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?)"
    rf"(?:\s+(?:{vocabulary.TIME_ZONE}))?\s+(?:on\s+)?)?$",
    re.IGNORECASE)
_COPULA_AFTER = re.compile(r"\s+(?:is|are)\b", re.IGNORECASE)
_COMMA_AFTER = re.compile(r"\s*,")
_CLAUSE_BREAK = re.compile(r"[,;:()]|\s(?:and|but|while|whereas)\s", re.IGNORECASE)


@lru_cache(maxsize=1)
def _plan_before() -> re.Pattern:
    """An infinitive ("to acquire", not "to the"), a word of plan_words or a present progressive
    ("is calling") before an expression."""
    words = vocabulary.alternation(vocabulary.load()["tense"]["plan_words"])
    # a verb after "to" is in lower case: not "in the run-up to Christmas"
    return re.compile(rf"\b(?:to\s+(?!(?:the|a|an|its|his|her|their|this|that|these|those)\b)(?-i:[a-z]+)\b|{words}"
                      r"|(?:is|are)\s+[a-z]+ing)\b", re.IGNORECASE)


def _a_few_words_on(table: str, fewest: int, joiners: str) -> re.Pattern:
    """A word of the tense table, then fewest to four words and one of joiners, before a date."""
    words = vocabulary.alternation(vocabulary.load()["tense"][table])
    return re.compile(rf"\b(?:{words})\b(?:\s+[\w'’-]+){{{fewest},4}}?\s+(?:{joiners})\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _moved_to() -> re.Pattern:
    """A date something was moved to, a few words after the moving: "postponed from April to
    September", "rescheduled for Friday"."""
    return _a_few_words_on("moved_to", 0, "to|until|till|for")


@lru_cache(maxsize=1)
def _markers() -> dict[str, frozenset[str]]:
    table = vocabulary.load()["tense"]
    return {name: frozenset(word.lower() for word in words) for name, words in table.items()}


@lru_cache(maxsize=1)
def _a_deadline() -> re.Pattern:
    """The words that make an expression a deadline, taken into it: "no later than Friday"."""
    words = vocabulary.load()["date_qualifiers"]["ON_OR_BEFORE"]
    return re.compile(rf"(?:{vocabulary.alternation(words)})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _timetable_word_company() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """The words a word of a timetable must come before to look ahead ("comes into"), and the words
    it must not come before ("goes back")."""
    table = vocabulary.load()["tense"]
    return tuple({word: frozenset(after) for word, after in table[name].items()}
                 for name in ("timetable_only_before", "timetable_not_before"))


def _word_tense(words: list[str], index: int) -> str | None:
    markers = _markers()
    word = words[index]
    if word in ("until", "till") and index and words[index - 1] in markers["put_off_until"]:
        return "future"
    before = words[index - 1] if index else ""
    after = words[index + 1] if index + 1 < len(words) else ""
    only_before, not_before = _timetable_word_company()
    if (word in only_before and after not in only_before[word]) or after in not_before.get(word, ()):
        return None
    if before in markers["comparing"] and (word in markers["future"] or word.endswith("ed")):
        return None  # "rose more than expected in October"
    if (word in markers["future"] or word in markers["timetable"]
            or (word == "to" and before in markers["future_before_to"])
            or (word == "for" and before in markers["future_before_for"]) or (word == "due" and _scheduled(words, index))
            or (word in markers["obligation"] and "have" not in words[index + 1 : index + 3])
            or (word in markers["possibility"] and _a_verb_after(words, index))):
        return "past" if markers["plan_in_the_past"].intersection(words[max(0, index - 3) : index]) else "future"
    if word in markers["finite_past"]:
        if before == "to" or before in markers["future"]:  # "would last" is no past
            return None
        if word == "last" and after in markers["last_the_verb_before"] and before not in markers["denials"]:
            return "future"  # "the curbs last until January"
        return "past"
    regular = word.endswith("ed") and len(word) > 3 and word not in markers["not_past"]
    if word in markers["past"] and (before == "to" or _after_a_modal(words, index)):  # "is forecast to hit", "will hit"
        return None
    if word in markers["timetable_plural"]:  # not after "to", a determiner or a possessive: "Friday's vote"
        # "close to", and after a past tense of "be": "the fair was open Friday"
        adjective = (word in markers["adjectives_before_to"] and after in ("to", "by")) or before in markers["finite_past"]
        noun_or_adjective = before in markers["determiners"] or before.endswith(("'s", "’s")) or adjective
        return None if before == "to" or noun_or_adjective else "future"
    if word in markers["past"] or regular:
        nearby = words[max(0, index - 2) : index]
        if markers["auxiliaries"].intersection(nearby) or _describes_a_noun(words, index):  # "a cut in December"
            return None
        return "past"
    return None


def _a_verb_after(words: list[str], index: int) -> bool:
    """Whether a verb other than "have" follows the "may" at index, and it is no month: the next
    word is no connector, number or name of a month or weekday ("May and June"), and the word
    before is none that comes before a month ("in May rose")."""
    after = words[index + 1] if index + 1 < len(words) else ""
    return bool(after.isalpha() and after not in _markers()["not_a_verb_after_may"] and after not in _calendar_names()
                and "have" not in words[index + 1 : index + 3] and not _the_month_may(words, index))


def _the_month_may(words: list[str], index: int) -> bool:
    """Whether "may" at index is the month: after a word that comes before a month ("sales in May
    rose")."""
    return words[index] == "may" and index > 0 and words[index - 1] in _markers()["before_a_month"]


@lru_cache(maxsize=1)
def _calendar_names() -> frozenset[str]:
    vocab = vocabulary.load()
    return frozenset(str(name).lower().rstrip(".") for table in ("months", "weekdays") for name in vocab[table])


def _after_a_modal(words: list[str], index: int) -> bool:
    """Whether the word at index follows a modal, perhaps with "not" between ("will hit", "could
    not hit"), and so is the bare verb whatever its past form."""
    modal = index - 2 if index > 1 and words[index - 1] == "not" else index - 1
    return modal >= 0 and words[modal] in _markers()["modals"] and not _the_month_may(words, modal)


def _scheduled(words: list[str], index: int) -> bool:
    """Whether "due" at index tells of a schedule: after a form of "be" ("is due Friday", "are due
    to resume"), not as a cause ("cancelled due to the storm") or an adjective ("the payment due on
    Monday was made late")."""
    markers = _markers()
    return index > 0 and words[index - 1] in markers["auxiliaries"] | markers["finite_past"]


def _describes_a_noun(words: list[str], index: int) -> bool:
    determiners = _markers()["determiners"] - {"that"}  # "the strike that started on Monday"
    before = words[index - 1] if index else ""
    adverb = before.endswith("ly") or before == "still"
    return before in determiners or (adverb and index > 1 and words[index - 2] in determiners)


def tense(sentence: str, start: int, end: int) -> str | None:
    """'past', 'future' or None for the expression at sentence[start:end].

    The nearest tense marker wins, looking first at the words before the expression (the verb
    it modifies usually comes first in news English), then at the words after it.
    """
    if _COPULA_BEFORE.search(sentence, 0, start) or _COPULA_AFTER.match(sentence, end):
        return "future"
    if _DEADLINE_BEFORE_TIME.search(sentence, 0, start) and _TO_ACT.match(sentence, end):
        return "future"
    if _moved_to().search(sentence, 0, start):
        return "future"
    before = _words_before(sentence[:start])
    index, found_before = _nearest_marker(before)
    # "She added that by the spring things would improve": the reported clause has its own tense
    reporting = found_before == "past" and before[index] in _markers()["reporting"] and "that" in before[index + 1 :]
    if found_before and not reporting:
        return found_before
    found = _tense_after(sentence, end)
    if found or found_before:
        return found or found_before
    # "given until Tuesday", "must arrive by 5 p.m. on Friday", "no later than Friday", "likely through
    # the weekend", "Starting Monday, ...", "Once the bill is signed"
    if (_DEADLINE_OR_START_BEFORE.search(sentence, 0, start) or _a_deadline().match(sentence, start)
            or _A_CONDITION.match(sentence)):
        return "future"
    return None


def _tense_after(sentence: str, end: int) -> str | None:
    after = [w.lower() for w in _WORD.findall(sentence[end:])][:_LOOK_AHEAD]
    for index in range(_words_to_pass_over(sentence, end, after), len(after)):
        found = _word_tense(after, index)
        if found:
            return found
    return None


def _words_to_pass_over(sentence: str, end: int, after: list[str]) -> int:
    """The words after the expression to pass over: a word of a timetable right after it and a
    comma, which begins a clause and so is no verb of it ("On Monday, close allies said", "On
    Tuesday, play resumed")."""
    markers = _markers()
    comma = _COMMA_AFTER.match(sentence, end)
    return int(bool(comma and after and (after[0] in markers["timetable"] or after[0] in markers["timetable_plural"])))


def _words_before(lead_in: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(lead_in)][-_LOOK_BEHIND:]


def _nearest_marker(before: list[str]) -> tuple[int, str | None]:
    """The index of the last word before an expression that tells a tense, and that tense; a verb
    of a timetable tells it only of a date it governs."""
    for index in range(len(before) - 1, -1, -1):
        found = _word_tense(before, index)
        if found and (found != "future" or _governs(before, index)):
            return index, found
    return -1, None


def _governs(before: list[str], index: int) -> bool:
    """Whether the word at index, if a verb of a timetable or a modal of obligation, governs the
    expression after the last word of before: "kicks off on", "comes into force on", "returns from
    recess on", "must repay the loan in"; not "takes its name from a merger in", "opens with a
    scene from", "must be returned to his father, Juan Miguel Gonzalez, and set"."""
    markers = _markers()
    if not any(before[index] in markers[name] for name in ("timetable", "timetable_plural", "obligation", "possibility")):
        return True
    between = [word for word in before[index + 1 :]
               if not any(c.isdigit() for c in word) and word not in markers["timetable_passes_over"]]  # "at 10am on"
    return len(between) <= _GOVERNING_REACH and not markers["timetable_not_between"].intersection(between)


def in_a_reported_clause(lead_in: str, lead_out: str) -> bool:
    """Whether the past tense before an expression is only that of a verb reporting a clause it is
    in ("Officials said talks resume in January", "The union said members walk out on Dec. 1"),
    whose own tense no word tells ("The minister said that in January prices rose" tells it);
    "The ministry said in January" dates the saying."""
    before = _words_before(lead_in)
    index, found = _nearest_marker(before)
    reported = found == "past" and before[index] in _markers()["reporting"] and len(before) - 1 - index >= _CLAUSE_WORDS
    return reported and not _tense_after(lead_out, 0)


@lru_cache(maxsize=1)
def _set_for() -> re.Pattern:
    """A date something was called or set for, a few words on: "called a snap election for July 4"."""
    return _a_few_words_on("set_for", 1, "for")


@lru_cache(maxsize=1)
def _ahead_of() -> re.Pattern:
    """The date of something still ahead, a few words on: "ahead of the snap election on Jan. 8"."""
    return _a_few_words_on("ahead_of", 1, "on|in")


def tells_of_a_plan(lead_in: str, lead_out: str) -> bool:
    """Whether the words around an expression tell of a plan, so that a sentence in the past tense
    may date something still ahead: a verb in the infinitive or a modal before it ("agreed to
    acquire the bank in January", "said it will redeem the shares on Oct. 31", "said it is calling
    the shares on Dec. 7", "signalled more rate rises in December"), a deadline ("must respond by
    Oct. 31", "extended to Nov. 20"), a date named as one ("the Jan. 14 deadline", "a Jan. 14
    return date"), one something was called or set for ("called a snap election for July 4") or
    one of something ahead ("was dissolved ahead of the snap election on Jan. 8").
    "The company was fined on Jan. 5" tells of none: it is the last Jan. 5; nor does the end of a
    range, "rose from March to May", nor "By" opening the sentence ("By the end of January, the
    virus had spread")."""
    deadline = _DEADLINE_BEFORE.search(lead_in) and not ends_a_range(lead_in) and not _OPENING_BY.fullmatch(lead_in)
    return bool(_plan_before().search(lead_in) or deadline or _DEADLINE_AFTER.match(lead_out)
                or _set_for().search(lead_in) or _ahead_of().search(lead_in))


def ends_a_range(lead_in: str) -> bool:
    """Whether the expression after lead_in ends a range from another date: "from March to May"."""
    return bool(_RANGE_END_BEFORE.search(lead_in))


def reports(words: str) -> bool:
    """Whether words hold a verb reporting what was said ("the company said on March 3")."""
    return any(word.lower() in _markers()["reporting"] for word in _WORD.findall(words))


def clause_around(lead_in: str, lead_out: str) -> tuple[str, str]:
    """The words of the clause around an expression, before it and after it."""
    return _CLAUSE_BREAK.split(lead_in)[-1], _CLAUSE_BREAK.split(lead_out)[0]


def habit(lead_in: str, lead_out: str) -> str | None:
    """The word that tells of a habit in the clause around an expression ("The budget is usually
    presented in the spring"), if any."""
    before, after = clause_around(lead_in, lead_out)
    return next((word for word in before.split() + after.split()
                 if word.lower().strip(".,;:") in _markers()["habitual"]), None)


def after_since(lead_in: str) -> bool:
    """Whether the expression follows "since": in news what it dates is not after the publication
    date, whatever the tense ("Shares have fallen since January" in November is this year's
    January, not a plan for the next)."""
    return bool(_SINCE.search(lead_in))

"""Signs that an enumeration card ('Topic — label: which three?') asks for no list of members.

Pure. A label with lines under it is a list when the lines are the label's members ('Output:
S3, Redshift, Splunk'); it is notes about the label when the lines are statements, and a
"which N?" asks the learner to recite them word for word. Three shapes a blind review marked
acceptable at best, each for any subject:
- the lines are statements: most say what the label does or is, with a verb of their own
  ('Runs a desktop environment', 'Replaces text with text', 'Tree generates the parts');
- the label is the list's own topic ('Tamoxifen — tamoxifen: which five?'): the lines are
  everything the note says about it, no set with a count;
- the label leads in examples ('used for applications such as'): the list is not all, so
  "which three?" has no one answer.
"""

from __future__ import annotations

import re

from studyapp.text import lexicon
from studyapp.text.blanks import predicate, relation_verb
from studyapp.text.names import name_key

STATEMENTS_PENALTY = 0.3
OWN_TOPIC_PENALTY = 0.3
EXAMPLES_PENALTY = 0.3

# An item's verbs: the finite ones, and the past and 'get'/'become' forms a note's line uses.
_FINITE = lexicon.FINITE_VERBS | frozenset("did gets got becomes became".split())


def is_statement(item: str) -> bool:
    """A line that says something rather than names something: it opens with what its
    subject does ('Runs some sort of shell'), or has a finite verb of its own ('Picture of
    evolution gets developed', 'Data can be lost', 'The tree generates its parts')."""
    text = item.strip(" •-*").strip()
    words = re.findall(r"[a-z']+", text.lower())
    if len(words) < 2:
        return False
    return (
        predicate(text) is not None
        or bool(_FINITE.intersection(words))
        # a relation verb's -s form after its subject ('The tree generates its parts'); not an
        # -ed form, which is as often an adjective ('distributed control')
        or any(w.endswith("s") and relation_verb(w) for w in words[1:])
    )


def enumeration_penalty(topic: str, label: str, items: list[str]) -> float:
    """What an enumeration card loses for asking no list of members: `topic` is the subject
    its front shows, `label` what it asks ('conductors'), `items` its back's lines."""
    penalty = 0.0
    items = [i for i in items if i.strip(" •-*").strip()]
    statements = sum(1 for i in items if is_statement(i))
    if len(items) >= 2 and statements * 2 >= len(items):
        penalty += STATEMENTS_PENALTY
    last = topic.rsplit("›", 1)[-1].split("·", 1)[0]
    if label and name_key(label) and name_key(label) == name_key(last):
        penalty += OWN_TOPIC_PENALTY
    if lexicon.EXAMPLES_LEAD_IN.search(label.strip()):
        penalty += EXAMPLES_PENALTY
    bare = [i.strip(" •*").strip() for i in items]
    if len(bare) >= 2 and all(_SYNTAX_ITEM.fullmatch(i) or _expression(i) for i in bare):
        penalty += SYNTAX_PENALTY  # '— aws s3 website: which two?' -> '--index-document', …
    if len(bare) >= 2 and _quote_split(bare):
        penalty += SYNTAX_PENALTY  # '• “All forms of regular • determine • …”': one quotation
    if len(bare) == 2 and (
        label.rstrip(": ").endswith("?") or any(map(_code_like, [label, *bare]))
    ):
        # two notes under a command or a question ('xxd' over 'Useful for hex output' and
        # 'xxd [-b] <FILE>'; 'How to make a process terminate?' over 'Send SIGINT', 'kill -INT
        # 3819'): what is said of it and how it is typed, not two members of a list
        penalty += PAIR_OF_NOTES_PENALTY
    return penalty


PAIR_OF_NOTES_PENALTY = 0.3  # from an enumeration's 0.75: held back


def _code_like(text: str) -> bool:
    """A command, an option or a test as typed: a placeholder ('<FILE>'), brackets, a pipe, a
    flag before a number ('kill -INT 3819'); not a comparison ('>24 oz/day') nor TeX ('$G$')."""
    return bool(re.search(r"<[A-Za-z][\w ]*>|[\[\]{}|`]|\s-[A-Za-z]+\s+\d|\s-eq\s", text))


def _expression(item: str) -> bool:
    """'1 | 0 == 1', 'x = 3', 'a + b': an expression, worked or shown, with no word of four
    letters or more outside it: examples of an operator, not members of a list."""
    return bool(re.search(r"[=<>|&+*/^%]", item)) and not re.search(r"[A-Za-z]{4,}", item)


def _quote_split(items: list[str]) -> bool:
    """The items are one quotation cut at its commas: the first opens a quotation mark that a
    later one closes."""
    opens = sum(i.count("“") + i.count("«") for i in items)
    closes = sum(i.count("”") + i.count("»") for i in items)
    straight = sum(i.count('"') for i in items)
    curly = bool(opens and closes) and not any("“" in i and "”" in i for i in items)
    return curly or (straight == 2 and not any(i.count('"') == 2 for i in items))


# An item that is a command's option or a call written as code ('--metric-name', '[--index-
# document]', '-r', 'describe_job()'): a list of them recalls a command's syntax, which its
# manual shows, and the card does not say what they are for.
_SYNTAX_ITEM = re.compile(r"\[?--?[\w-]+(?:[ =][^\s\]]+)?\]?|[\w.]+\(\)")
SYNTAX_PENALTY = 0.4

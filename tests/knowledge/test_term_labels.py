"""The notes under a bold term's definition are labelled by the term: '**Rolling deployments**:
update in batches' over 'pros: …' and 'cons: …' gives them the label 'Rolling deployments'.
Before, their label was the whole line, which a card's context drops as too long, so each
strategy's 'pros?' read the same and all but the first were dropped as repeats. A generic bold
label ('**Solution**: use a cache') or a plain key ('kids: body bigger') still labels them with
the whole line, which says more. Snippets in our own words."""

from __future__ import annotations

from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.parse import parse


def _labels(text: str) -> dict[str, tuple[str, ...]]:
    return {f.text: f.labels for f in extract(parse(text), name="n.md").facts}


NOTE = (
    "# Deploying apps\n\n## Strategies\n\n"
    "**Rolling deployments**: update instances in batches, checking health before the next\n\n"
    "- pros: no downtime and no extra resources\n- cons: a failed batch lowers capacity\n\n"
    "**Blue/green deployments**: run a second stack and switch the traffic over\n\n"
    "- pros: easy rollback\n- cons: twice the resources for a while\n"
)


def test_the_notes_under_a_bold_terms_definition_are_labelled_by_the_term():
    labels = _labels(NOTE)
    assert labels["pros: no downtime and no extra resources"] == ("Rolling deployments",)
    assert labels["cons: twice the resources for a while"] == ("Blue/green deployments",)


def test_a_pigments_notes_in_biology_too():
    labels = _labels(
        "# Photosynthesis\n\n**Chlorophyll a**: the main pigment of the light reactions\n\n"
        "- absorbs: violet-blue and red light\n- found in: every plant and alga\n"
    )
    assert labels["absorbs: violet-blue and red light"] == ("Chlorophyll a",)


def test_a_generic_bold_label_or_a_plain_key_keeps_the_whole_line():
    labels = _labels(
        "# Caching\n\n**Solution**: put a cache in front of the database\n\n"
        "- hit ratio: the share of reads the cache answers\n- eviction: least recently used\n\n"
        "# Burns\n\nkids: body surface is mostly head\n\n- head: 18%\n- each leg: 14%\n"
    )
    assert labels["hit ratio: the share of reads the cache answers"] == (
        "Solution: put a cache in front of the database",
    )
    assert labels["head: 18%"] == ("kids: body surface is mostly head",)


def test_a_card_the_author_wrote_over_notes_is_a_card_and_their_label():
    # 'two-way (…):: an, auf, …' over when each case follows: before, the whole line was read
    # as the lead-in of a list of its notes, and neither it nor they were asked
    text = (
        "- Prepositions\n"
        "  - two-way (Wechselpräpositionen):: an, auf, in, neben, über\n"
        "    - movement towards (wohin?) → accusative\n"
        "    - position (wo?) → dative\n"
        "- Bones of the ear\n"
        "  - smallest bone (stapes):: in the middle ear, 3 mm long\n"
        "    - attached to: the oval window\n"
        "    - named for: its stirrup shape\n"
    )
    facts = extract(parse(text), name="n.md").facts
    cards = {(f.attribute, f.value) for f in facts if f.kind == "qa"}
    assert ("two-way (Wechselpräpositionen)", "an, auf, in, neben, über") in cards
    assert ("smallest bone (stapes)", "in the middle ear, 3 mm long") in cards
    assert not any(f.kind == "enumeration" for f in facts)
    labels = {f.text: f.labels for f in facts}
    assert labels["attached to: the oval window"][-1] == "smallest bone (stapes)"

"""Stop 37 (issue 10): a plain word that some note uses as a heading ('Acute' under Hepatitis B)
does not make every longer heading that opens with it ('Acute Limb Ischemia', 'Chronic Venous
Insufficiency') an aspect of that topic. English names put their head noun last: the word
modifies what follows. A heading whose rest is an aspect ('Redis pricing') still files under
the topic it names. Snippets in our own words."""

from __future__ import annotations

from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.merge import merge
from studyapp.knowledge.ingest.parse import parse


def _placed(notes: dict[str, str]) -> dict[str, tuple[str | None, str]]:
    model = merge({name: extract(parse(text), name=name) for name, text in notes.items()})
    names = {t.key: t.name for t in model.topics}
    return {f.text: (names.get(f.topic_key), f.subheading) for f in model.facts}


VIROLOGY = """# Viral infections

## Hepatitis B

### Acute

Most adults clear the virus within six months.

### Chronic

Chronic carriers risk **cirrhosis** and liver cancer.
"""

VASCULAR = """# Vascular surgery

## Acute Limb Ischemia

Heparin stops further **thrombus propagation** in the blocked artery.

## Chronic Venous Insufficiency

Compression stockings are the first treatment for swollen legs.
"""


def test_a_heading_opening_with_another_notes_plain_heading_is_its_own_topic():
    placed = _placed({"virology.md": VIROLOGY, "vascular.md": VASCULAR})
    topic, aspect = placed["Heparin stops further thrombus propagation in the blocked artery."]
    assert (topic, aspect) == ("Acute Limb Ischemia", ""), placed
    topic, aspect = placed["Compression stockings are the first treatment for swollen legs."]
    assert (topic, aspect) == ("Chronic Venous Insufficiency", ""), placed


def test_the_plain_heading_keeps_its_own_facts():
    placed = _placed({"virology.md": VIROLOGY, "vascular.md": VASCULAR})
    topic, _aspect = placed["Most adults clear the virus within six months."]
    assert topic == "Acute", placed


CACHES = """# Caching

## Redis

- Redis keeps its whole dataset in memory

## Redis pricing

- Memory is billed per node hour
"""


def test_a_heading_of_a_known_name_and_an_aspect_files_under_that_name():
    placed = _placed({"caching.md": CACHES})
    topic, aspect = placed["Memory is billed per node hour"]
    assert topic == "Redis" and aspect.lower() == "pricing", placed

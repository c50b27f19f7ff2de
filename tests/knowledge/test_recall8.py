"""Recall (round 8): structured lecture notes give a card for each fact a teacher would ask.

A name the note marks (bold or code) over a line saying what it does, a short claim whose bold
term the line under it explains, a block titled by the kind of lines it holds ('Operations'),
and a subject ranked first of its kind ('… has the highest …'). Every snippet is our own
wording, in several subjects; near-miss shapes give nothing new."""

from __future__ import annotations

from studyapp.decks.generate import cards_for_fact, statement_cards
from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.extract_formats import claim_meaning, does_meaning
from studyapp.knowledge.ingest.parse import parse
from studyapp.text.blanks import agent_blank, blanks_in_order, superlative_blank
from tests.decks.facts import fact_input


def _definitions(note: str) -> dict[str, str]:
    return {
        f.subject: f.value
        for f in extract(parse(note), name="n.md").facts
        if f.kind == "definition"
    }


def _blank(sentence: str) -> str | None:
    found = blanks_in_order(sentence)
    return found[0].term if found else None


# --- a marked name over a line saying what it does -------------------------------------------

OPERATIONS = """# Queues

> [!def]+ Priority queue
> > [!summary]+ Operations
> > - `Insert(Q, x)`
> >     - Given a key x, add it to Q in order of priority
> > - `Extract-Max(Q)`
> >     - Remove and return the element of Q with the largest key
> > - `Peek(Q)`
> >     - The element with the largest key
"""


def test_an_operation_written_as_code_is_defined_by_the_instruction_under_it():
    found = _definitions(OPERATIONS)
    assert found["Insert(Q, x)"] == "Given a key x, add it to Q in order of priority"
    assert found["Extract-Max(Q)"] == "Remove and return the element of Q with the largest key"


def test_a_block_titled_by_the_kind_of_its_lines_defines_nothing():
    # 'Operations' names what kind of lines follow; its first line is no meaning of it
    assert "Operations" not in _definitions(OPERATIONS)


def test_the_operation_card_hides_the_operation_name():
    note = _definitions(OPERATIONS)
    fact = fact_input(
        kind="definition",
        subject="Insert(Q, x)",
        attribute="Insert(Q, x)",
        value=note["Insert(Q, x)"],
        topic="Priority queue",
    )
    clozes = [c for c in cards_for_fact(fact) if c.kind == "cloze"]
    assert clozes and clozes[0].front == "[…]: Given a key x, add it to Q in order of priority"
    assert clozes[0].quality >= 0.5


BOLD_DOES = """# Cell biology

## Enzymes

- **Kinase**
    - Adds a phosphate group to a protein
- **Helicase**
    - Unwinds the DNA double helix at the replication fork
- Ligase
    - Joins two DNA fragments
- **Mitochondria**
    - Cells contain hundreds of them
"""


def test_a_bold_name_over_what_it_does_is_defined_by_that_line():
    found = _definitions(BOLD_DOES)
    assert found["Kinase"] == "Adds a phosphate group to a protein"
    assert found["Helicase"] == "Unwinds the DNA double helix at the replication fork"


def test_a_plain_name_or_a_line_with_its_own_subject_defines_nothing_new():
    found = _definitions(BOLD_DOES)
    assert "Ligase" not in found  # not marked: the note may be a remark on a field
    assert "Mitochondria" not in found  # 'Cells contain …': a statement with its own subject


def test_what_a_line_does_needs_a_verb_of_its_own_and_no_person():
    assert does_meaning("Stores the return address of a call", code=False)
    assert does_meaning("Given a user id, return its session", code=True)
    assert does_meaning("Return the session", code=False) is None  # an instruction, no code
    assert does_meaning("We store the return address here", code=False) is None
    assert does_meaning("Does not block the caller", code=False) is None
    assert does_meaning("Statutes are binding", code=False) is None


# --- a short claim whose bold term the line under it explains ---------------------------------

CLAIMS = """# Constitutional law

## Powers

- Parliament is **sovereign**
    - No court can set aside an Act it has passed
- The treaty was **ratified**
    - e.g. by France in 1919
- The judges are **independent**
    - They were appointed for life
"""


def test_a_claim_with_a_bold_term_and_a_line_explaining_it_defines_the_term():
    found = _definitions(CLAIMS)
    assert found["sovereign"] == "No court can set aside an Act it has passed"


def test_an_example_or_a_pointer_under_the_claim_explains_nothing():
    found = _definitions(CLAIMS)
    assert "ratified" not in found  # an example, not what the term means
    assert "independent" not in found  # 'They were …' points back


def test_a_claim_must_be_short_and_mark_one_term():
    item = parse(CLAIMS).sections[-1].items[0]
    assert claim_meaning(item) == ("sovereign", "No court can set aside an Act it has passed")


# --- a subject ranked first of its kind -------------------------------------------------------


def test_a_subject_ranked_first_of_its_kind_is_the_blank():
    assert _blank("Jupiter has the most moons of any planet in the solar system") == "Jupiter"
    assert _blank("Mercury is the smallest planet orbiting the Sun") == "Mercury"
    blank = superlative_blank("Quicksort was the fastest sort in the benchmark")
    assert blank is not None and blank.term == "Quicksort"


def test_a_pointer_ranked_first_is_no_blank():
    assert superlative_blank("It is the most common cause of anaemia") is None
    assert superlative_blank("This was the first time the court sat") is None
    assert superlative_blank("Magna Carta was not the first charter") is None


def test_a_name_with_a_bold_word_or_a_cut_line_explains_nothing():
    note = """# Circuits

## Counters

- **Ripple** counter
    - With a slight delay at each stage
- **Mergesort**
    - Splits the list in two halves, then
"""
    found = _definitions(note)
    assert "Ripple" not in found  # a name, not a claim: its note is no meaning
    assert "Mergesort" not in found  # the line goes on below it


def test_a_note_likening_saying_when_or_what_the_subject_does_explains_no_claim():
    note = """# Notes

## Points

- A ribosome is made of **RNA**
    - Just like the spliceosome it holds catalytic strands
- The token is then an **arbitrary marker**
    - When it appears again the block ends
- The court is just a **tribunal**
    - Hears appeals from the county courts
- **Habeas corpus** protects liberty
    - Nobody may be held without a hearing before a judge
"""
    found = _definitions(note)
    assert "RNA" not in found  # a likeness, not a meaning
    assert "arbitrary marker" not in found  # says when
    assert "tribunal" not in found  # what the court does
    assert "Habeas corpus" not in found  # the note explains the whole claim, not its opening


# --- a passive sentence's agent, beside the sentence's own blank -----------------------------


def test_the_agent_of_a_passive_sentence_is_a_second_blank():
    fact = fact_input(
        kind="statement",
        text="The Magna Carta was sealed at Runnymede in 1215 by King John of England.",
        topic="Medieval England",
    )
    fronts = [c.front for c in statement_cards(fact)]
    assert fronts == [
        "The Magna Carta was sealed at Runnymede in […] by King John of England",
        "The Magna Carta was sealed at Runnymede in 1215 by […]",
    ]


def test_a_pair_of_agents_is_no_second_blank():
    fact = fact_input(
        kind="statement",
        text="The structure of DNA was described in 1953 by Watson and Crick.",
        topic="Genetics",
    )
    assert [c.front for c in statement_cards(fact)] == [
        "The structure of DNA was described in […] by Watson and Crick"
    ]


def test_an_agent_is_a_name_not_one_of_a_list_nor_a_common_noun():
    blank = agent_blank("Penicillin was discovered by Alexander Fleming in 1928")
    assert blank is not None and blank.term == "Alexander Fleming"
    assert agent_blank("Glucose is broken down by glycolysis in the cytoplasm") is None
    assert agent_blank("The bill was passed by Parliament and the Senate") is None
    assert agent_blank("Cells are surrounded by a membrane") is None


# --- a question the note asks, with its answer under it --------------------------------------

QUESTIONS = """# Revision

## Circuits and courts

- ? Which gate sets the output high when exactly one input is high?
    - XOR
- ? Who hears appeals from the Court of Appeal?
    - The Supreme Court
    - ![](diagram.png)
- ? Why does the heart have four chambers?
    - Blood is pumped twice: to the lungs, and to the body because
- ? Can we do better than a sorted list?
- ? What happens next?
    - e.g. the cell divides
- ? How do we handle this?
    - A branch for each case
- ? What if the input were negative?
    - The loop never ends
- ? Which organs are alive?
    - How do you draw the line between them
- ? What does a parser need?
    - If parsing a sentence; a grammar
"""


def test_a_question_bullet_over_its_answer_is_a_card_the_author_wrote():
    found = {
        f.attribute: f.value for f in extract(parse(QUESTIONS), name="n.md").facts if f.kind == "qa"
    }
    assert found == {
        "Which gate sets the output high when exactly one input is high?": "XOR",
        "Who hears appeals from the Court of Appeal?": "The Supreme Court",
    }


def test_a_question_callout_over_its_answer_is_a_card_too():
    note = "# Photosynthesis\n\n> [!question] Where do the light reactions happen?\n> - In the thylakoid membranes\n"
    found = [f for f in extract(parse(note), name="n.md").facts if f.kind == "qa"]
    assert [(f.attribute, f.value) for f in found] == [
        ("Where do the light reactions happen?", "In the thylakoid membranes")
    ]


# --- a marked name over a sentence of its own ---------------------------------------------------

STATED = """# Notes

## Terms

- **Hold time**
    - The input must stay stable for a moment after the clock edge
- **Stare decisis**
    - Lower courts must follow the decisions of higher courts on a point
- **Osmosis**
    - It happens across any membrane
- **Meiosis**
    - Meiosis halves the number of chromosomes
- Ligation
    - The two fragments are joined by an enzyme
"""


def test_a_marked_name_over_a_sentence_of_its_own_is_asked_forwards():
    facts = extract(parse(STATED), name="n.md").facts
    stated = {f.attribute: f.value for f in facts if f.kind == "key_value"}
    assert stated == {
        "Hold time": "The input must stay stable for a moment after the clock edge",
        "Stare decisis": "Lower courts must follow the decisions of higher courts on a point",
    }
    fact = fact_input(
        kind="key_value",
        attribute="Hold time",
        value=stated["Hold time"],
        text=f"Hold time: {stated['Hold time']}",
        topic="Flip-flops",
    )
    cards = cards_for_fact(fact)
    assert [c.front for c in cards if c.kind == "qa"] == ["Flip-flops — hold time?"]
    # never dealt hidden: the sentence may say what holds of the term, not what it is
    assert all(c.quality < 0.5 for c in cards if c.kind == "cloze")


def test_a_short_name_written_with_its_argument_is_one_blank():
    assert _blank("Average lookup in a hash table is O(1)") == "O(1)"
    assert _blank("Vitamin D (calciferol) is made in the skin") != "D (calciferol)"

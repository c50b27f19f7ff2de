"""Formulas, theorems and folded questions in maths and science notes become cards.

A formula a note states is asked by its left side ('dV = ?' -> 'r dr dθ dz'): when its left
side names a quantity, when it stands in a theorem's, definition's or formula's callout, or
first under a heading that names it. A formula of the working around it (after 'we know:', a
derivation's '& = …' rows, one example's numbers) is not asked. A folded question callout's
body is the answer the author hid. Snippets in our own words, in physics, chemistry,
economics, biology and maths."""

from __future__ import annotations

from studyapp.decks.generate import cards_for_fact, readable_card
from studyapp.decks.quality import card_quality
from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.parse import parse
from tests.decks.facts import fact_input

THRESHOLD = 0.5  # under it a card is held back (decks.quality)


def _cards(note: str) -> list[tuple[str, str, str, float]]:
    """(context, front, back, quality) of every card the note's candidates give, as shown."""
    out = []
    for c in extract(parse(note), name="n.md").facts:
        path = (*c.headings, *c.labels)
        fact = fact_input(
            key=f"f{c.line}-{c.text}",
            kind=c.kind,
            topic=path[0] if path else "Notes",
            subheading=" › ".join(path[1:]),
            text=c.text,
            subject=c.subject,
            attribute=c.attribute,
            value=c.value,
            items=c.items,
            emphasis=c.emphasis,
        )
        for card in cards_for_fact(fact):
            shown = readable_card(card)
            out.append((shown.context, shown.front, shown.back, card_quality(card)))
    return out


def _asked(front: str) -> str:
    """What a formula card asks, without the context its front names ('Circuits — V = ?')."""
    return front.rpartition(" — ")[2]


def _dealt(note: str) -> dict[str, str]:
    return {_asked(front): back for _c, front, back, q in _cards(note) if q >= THRESHOLD}


PHYSICS = """# Electric circuits

> [!formula]+ Ohm's law
> $$V = I R$$

> [!def]+ Work.
> $$W = F\\,d,$$where $F$ is the force and $d$ the distance moved
"""


def test_a_formula_in_a_formula_or_definition_callout_is_asked_by_its_left_side():
    dealt = _dealt(PHYSICS)
    assert dealt["V = ?"] == "I R"
    assert dealt["W = ?"] == "F d"  # the thin space kept from Markdown's escape, the aside cut


ECONOMICS = """# National accounts

$$\\text{GDP} = C + I + G + (X - M)$$

Some prose about spending, then a working:

$$Y = 100 + 50 = 150$$
"""


def test_a_named_left_side_is_asked_anywhere_and_a_working_is_not():
    dealt = _dealt(ECONOMICS)
    assert dealt["GDP = ?"] == "C + I + G + (X - M)"
    assert not any(front.startswith("Y ") for front in dealt)


MATHS = """# Triple integrals

> [!thm]+ Relation between Cartesian and cylindrical coordinates
> $$
> \\begin{align}
> x & = r \\cos \\theta, \\\\
> y & = r \\sin \\theta, \\\\
> z & = z
> \\end{align}
> $$

> [!tip]+ Computing integrals in cylindrical coordinates
> $$dV = r\\,dr\\,d\\theta\\,dz$$

## Working it through

Since the region is a wedge, we know:
$$\\int_{W} 1 \\, dV = \\int_{0}^{4} \\int_{0}^{\\pi/6} \\int_{0}^{6} r \\, dr \\, d\\theta \\, dz$$

$$
\\begin{align}
V & = \\int_{0}^{1} 2x \\, dx \\\\
 & = 1
\\end{align}
$$
"""


def test_an_aligned_system_gives_a_card_per_row_and_a_derivation_none():
    cards = _cards(MATHS)
    fronts = {_asked(f): (context, back) for context, f, back, q in cards if q >= THRESHOLD}
    assert fronts["x = ?"][1] == "r cos θ"
    assert (
        fronts["x = ?"][0]
        .lower()
        .endswith("relation between cartesian and cylindrical coordinates")
    )
    assert fronts["y = ?"][1] == "r sin θ"
    assert "z = ?" not in fronts  # 'z = z' states nothing
    assert fronts["dV = ?"][1] == "r dr dθ dz"
    assert fronts["dV = ?"][0].lower().endswith("computing integrals in cylindrical coordinates")
    # the working after 'we know:' and the '& = …' derivation are steps, not results
    assert not any(front.startswith(("∫", "V ")) for front in fronts)


CHEMISTRY = """# Gases

## Ideal gas law

$$PV = nRT$$

- $P$ is the pressure and $V$ the volume
"""


def test_a_formula_first_under_the_heading_that_names_it():
    assert _dealt(CHEMISTRY)["PV = ?"] == "nRT"


THEOREM = """# Vector calculus

> [!thm]+ Green's theorem
> Suppose $C$ is a simple closed curve bounding a region $R$. Then
> $$\\oint_{C} \\vec{F} \\cdot d\\vec{r} = \\iint_{R} \\left( \\frac{\\partial F_{2}}{\\partial x} - \\frac{\\partial F_{1}}{\\partial y} \\right) dA$$
"""


def test_a_theorem_whose_sentence_leads_into_its_formula():
    (front,) = [f for _c, f, _b, _q in _cards(THEOREM) if "= ?" in f]
    assert front.lower().startswith("vector calculus · green's theorem — ")  # its name shown
    dealt = _dealt(THEOREM)
    assert dealt["∮_C F⃗ · dr⃗ = ?"] == "∬_R (∂F₂/∂x - ∂F₁/∂y) dA"


WORKED = """# Derivatives

> [!example]+ Find the gradient of $f(x, y) = x^2 + y^2$ at $(1, 0)$
> > [!note]- Step 2: Evaluate at the point
> > $$f_{x}(1,0) = 2(1) = 2$$

> [!thm]+ Evaluating a gradient
> $$f_{y}(1,0) = 2(0) = 0$$

> [!def]+ Dot product
> $$\\begin{align} \\vec{v} \\cdot \\vec{w} = v_{1}w_{1} + v_{2}w_{2} && \\text{(a number)} \\end{align}$$

> [!formula]+ Bitwise address
> $$a = b \\& 255$$

> [!thm]+ Power rule
> $$\\frac{d}{dx} x^{n} = n x^{n-1}$$
"""


def test_one_examples_numbers_are_no_formula():
    asked = {_asked(c[1]): c[2] for c in _cards(WORKED) if "= ?" in c[1]}
    assert asked == {
        "d/dx xⁿ = ?": "n xⁿ⁻¹",
        "v⃗ · w⃗ = ?": "v₁w₁ + v₂w₂",  # the row's aside is no row
        "a = ?": "b & 255",  # outside an alignment, '&' is the formula's own
    }


UNREADABLE = """# Linear algebra

> [!def]+ Determinant of a 2 by 2 matrix
> $$\\det A = \\begin{vmatrix} a & b \\\\ c & d \\end{vmatrix}$$

> [!def]+ Rotation
> $$R = \\begin{pmatrix} \\cos\\theta & -\\sin\\theta \\\\ \\sin\\theta & \\cos\\theta \\end{pmatrix}$$

> [!def]+ Trace of a matrix
> $$\\operatorname{tr} A = \\sum_{i} a_{ii}$$
"""


def test_a_formula_that_stays_markup_is_never_dealt():
    cards = _cards(UNREADABLE)
    dealt = {_asked(f): back for _c, f, back, q in cards if q >= THRESHOLD and "= ?" in f}
    assert dealt == {"tr A = ?": "Σᵢ aᵢᵢ"}
    # a matrix or a determinant written out has no plain reading: its card is held back, or
    # not made when the formula's markup wraps the equation itself
    assert all(q < THRESHOLD for _c, f, _b, q in cards if _asked(f).startswith(("det", "R ")))


BIOLOGY = """# Cells

> [!question]- Where in the cell does we find the Krebs cycle?
> - In the mitochondrial matrix

> [!question]- What is the load factor of a hash table?
> $$\\alpha = \\frac{n}{m}$$

> [!question]+ What do you think happens next?
> - Discussed in class

> [!question]- How does the cell divide its chromosomes?
> - Not obvious
> - ? What did we say about spindles
"""


def test_a_folded_question_callout_is_a_card_its_body_answers():
    dealt = _dealt(BIOLOGY)
    # folded, the author hid the answer on purpose: even asked in the lecture's own voice
    assert dealt["Where in the cell does we find the Krebs cycle?"] == "In the mitochondrial matrix"
    assert dealt["What is the load factor of a hash table?"] == "α = n/m"
    # an open question callout over a remark is no card (question_answer decides it)
    assert "What do you think happens next?" not in dealt
    # a folded body that asks on answers nothing
    assert "How does the cell divide its chromosomes?" not in dealt


def test_tex_in_prose_keeps_its_escapes_and_emphasis_outside_it():
    note = "# Sets\n\n- $A \\cap B = \\{x : x \\in A\\}$ and **intersection** is $u$ $\\iff$$v$ *here*\n"
    outline = parse(note)
    item = outline.sections[0].items[0]
    assert "\\{x : x \\in A\\}" in item.text
    assert "intersection" in item.emphasis  # '$\\iff$$v$' opened no display formula


def test_a_formula_card_is_judged_as_shown():
    from studyapp.decks.generate import CardSpec

    def quality(back: str) -> float:
        return card_quality(CardSpec("k", "formula", "s", "Optics", "$n$ = ?", back))

    assert quality("$\\frac{c}{v}$") >= THRESHOLD  # 'c/v' reads
    assert quality("$\\begin{pmatrix} c \\\\ v \\end{pmatrix}$") < THRESHOLD  # stays TeX


ELECTROMAGNETISM = """# Fields

> [!thm]+ Flux through a closed surface
> The flux of $\\vec{E}$ through the surface $S$ is
> $$\\oint_{S} \\vec{E} \\cdot d\\vec{A} = \\frac{Q}{\\varepsilon_{0}},$$ where $Q$ is the charge inside $S$

> [!def]+ Curl of a vector field
> $$\\text{curl }\\vec{F} = \\left( \\frac{\\partial F_{3}}{\\partial y} - \\frac{\\partial F_{2}}{\\partial z} \\right) \\vec{i} + \\left( \\frac{\\partial F_{1}}{\\partial z} - \\frac{\\partial F_{3}}{\\partial x} \\right) \\vec{j} + \\left( \\frac{\\partial F_{2}}{\\partial x} - \\frac{\\partial F_{1}}{\\partial y} \\right) \\vec{k}$$
"""


def test_a_sentence_into_a_formula_with_an_aside_and_a_long_formula_answer():
    dealt = _dealt(ELECTROMAGNETISM)
    assert dealt["∮_S E⃗ · dA⃗ = ?"] == "Q/ε₀"
    # a formula card's answer is the formula itself: longer than one shown beside a sentence
    assert dealt["curl F⃗ = ?"] == (
        "(∂F₃/∂y - ∂F₂/∂z) i⃗ + (∂F₁/∂z - ∂F₃/∂x) j⃗ + (∂F₂/∂x - ∂F₁/∂y) k⃗"
    )

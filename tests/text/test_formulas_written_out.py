"""TeX that real maths and science notes write, written out in Unicode for a card (round 9):
thin spaces kept, partial derivatives and norms as a reader writes them, double and closed
integrals, '\\left.' markers gone; what still has no plain reading stays TeX."""

from __future__ import annotations

import pytest

from studyapp.text.formulas import plain_formula, readable


@pytest.mark.parametrize(
    ("tex", "plain"),
    [
        ("r\\,dr\\,d\\theta\\,dz", "r dr dθ dz"),  # a thin space spaces on purpose
        ("\\rho^{2} \\sin \\phi \\,d\\rho\\,d\\phi\\,d\\theta", "ρ² sin φ dρ dφ dθ"),
        ("\\frac{ \\partial F_{2} }{ \\partial x }", "∂F₂/∂x"),
        ("\\frac{\\partial^{2}f}{\\partial y \\partial x}", "∂²f/(∂y ∂x)"),
        ("||\\vec{v}|| \\, ||\\vec{w}|| \\sin \\theta", "‖v⃗‖ ‖w⃗‖ sin θ"),
        ("\\| d\\vec{A} \\|", "‖dA⃗‖"),
        ("\\iint_{R} f \\, dA", "∬_R f dA"),
        ("\\sqrt{ \\left( f_{x} \\right) ^{2} + 1 }", "√((fₓ)² + 1)"),
        ("\\left. \\frac{r^{2}}{2} \\right|", "r²/2 |"),
        ("x \\because y", "x ∵ y"),
        ("\\frac{\\partial z}{\\partial x}\\frac{dx}{dt}", "∂z/∂x dx/dt"),
        (
            "(\\cos \\theta \\vec{i} + \\sin \\theta \\vec{j}) \\Delta \\vec{A}",
            "(cos θ i⃗ + sin θ j⃗) ΔA⃗",
        ),
    ],
)
def test_real_notes_tex_reads_in_unicode(tex, plain):
    assert plain_formula(tex) == plain


def test_an_operator_binds_to_a_letter_not_to_another_operator():
    assert plain_formula("\\frac{\\partial \\rho}{\\partial t}") == "∂ρ/∂t"
    assert (
        plain_formula("\\nabla \\cdot \\vec{E} = \\frac{\\rho}{\\varepsilon_{0}}") == "∇ · E⃗ = ρ/ε₀"
    )


def test_what_has_no_plain_reading_stays_tex():
    assert readable("$\\oiint_{S} \\vec{E} \\cdot d\\vec{A}$") == "∯_S E⃗ · dA⃗"
    assert plain_formula("\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}") is None
    assert (
        readable("$\\det \\begin{vmatrix} a \\end{vmatrix}$")
        == "$\\det \\begin{vmatrix} a \\end{vmatrix}$"
    )

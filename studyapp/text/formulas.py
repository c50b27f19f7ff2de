"""TeX formulas written out in plain Unicode, so a card can show them as a reader reads them.

Pure. The app does not typeset TeX: '$\\mathcal{O}(n^{2})$' on a card is markup, not a formula.
A short formula made of letters, digits, operators, Greek letters, sub- and superscripts,
fractions of simple parts and font wrappers reads as well in Unicode ('O(n²)', 'θ = π/2',
'v⃗ · w⃗ = 0'); anything else (an aligned block, a matrix, a fraction of fractions, a
leftover command) stays as written, so the quality score still holds its card back
(`prompts.has_math`). What a card hides is chosen, and its quality scored, on the text as
written: a formula is never the hidden part because it became readable.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Commands that stand for one symbol. Longer names first where one is a prefix of another
# ('\\leq' before '\\le'), which the word boundary in _COMMAND already ensures.
_SYMBOLS = {
    "alpha": "α", "beta": "β", "gamma": "γ", "Gamma": "Γ", "delta": "δ", "Delta": "Δ",
    "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ", "eta": "η", "theta": "θ", "Theta": "Θ",
    "kappa": "κ", "lambda": "λ", "Lambda": "Λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π",
    "Pi": "Π", "rho": "ρ", "sigma": "σ", "Sigma": "Σ", "tau": "τ", "phi": "φ", "varphi": "φ",
    "Phi": "Φ", "chi": "χ", "psi": "ψ", "Psi": "Ψ", "omega": "ω", "Omega": "Ω",
    "infty": "∞", "cdot": "·", "times": "×", "div": "÷", "pm": "±", "mp": "∓",
    "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈",
    "equiv": "≡", "sim": "∼", "propto": "∝", "to": "→", "rightarrow": "→", "leftarrow": "←",
    "Rightarrow": "⇒", "implies": "⇒", "iff": "⇔", "mapsto": "↦", "in": "∈", "notin": "∉",
    "subseteq": "⊆", "subset": "⊂", "supseteq": "⊇", "cup": "∪", "cap": "∩",
    "emptyset": "∅", "varnothing": "∅", "setminus": "∖", "nabla": "∇", "partial": "∂",
    "forall": "∀", "exists": "∃", "neg": "¬", "lnot": "¬", "lor": "∨", "land": "∧",
    "oplus": "⊕", "ldots": "…", "dots": "…", "cdots": "⋯", "circ": "∘", "angle": "∠",
    "perp": "⊥", "parallel": "∥", "mid": "|", "lfloor": "⌊", "rfloor": "⌋",
    "lceil": "⌈", "rceil": "⌉", "langle": "⟨", "rangle": "⟩", "sum": "Σ", "prod": "Π",
    "int": "∫", "oint": "∮", "log": "log", "ln": "ln", "lg": "lg", "exp": "exp",
    "sin": "sin", "cos": "cos", "tan": "tan", "max": "max", "min": "min", "lim": "lim",
    "det": "det", "gcd": "gcd", "deg": "°",
    "iint": "∬", "iiint": "∭", "oiint": "∯", "because": "∵", "therefore": "∴", "hbar": "ħ",
    "ell": "ℓ", "ll": "≪", "gg": "≫", "leftrightarrow": "↔", "Leftrightarrow": "⇔",
    "Longrightarrow": "⟹", "longrightarrow": "⟶", "Leftarrow": "⇐", "uparrow": "↑",
    "downarrow": "↓", "bullet": "•", "star": "⋆", "prime": "′", "vert": "|", "Vert": "‖",
    "lvert": "|", "rvert": "|", "lVert": "‖", "rVert": "‖", "colon": ":", "vdots": "⋮",
    "sinh": "sinh", "cosh": "cosh", "tanh": "tanh", "arcsin": "arcsin", "arccos": "arccos",
    "arctan": "arctan", "sec": "sec", "csc": "csc", "cot": "cot", "sup": "sup", "inf": "inf",
    "Pr": "Pr", "arg": "arg", "upsilon": "υ", "omicron": "ο", "vartheta": "ϑ", "varrho": "ϱ",
    "Xi": "Ξ", "Upsilon": "Υ", "aleph": "ℵ", "Re": "Re", "Im": "Im", "cong": "≅",
    "simeq": "≃", "lesssim": "≲", "gtrsim": "≳", "nexists": "∄", "top": "⊤", "bot": "⊥",
}  # fmt: skip
# Operators that bind to what follows as a letter does ('\\partial x' reads '∂x', so
# '\\frac{\\partial f}{\\partial x}' is '∂f/∂x', not '(∂ f)/(∂ x)').
_PREFIXES = frozenset("∂∇")
_INCREMENTS = frozenset("Δδ")  # 'Δx', 'δq': a change in what follows
# Spacing commands are written as a stand-in first: they space on purpose ('r\\,dr\\,d\\theta\\,dz'
# is 'r dr dθ dz'), which the spaces TeX ignores after a command's name must not swallow.
_SPACE = "\ue0ff"
_FRACTION = "\ue0fe"  # marks where a written-out fraction begins and ends
_SPACES = {",": _SPACE, ";": _SPACE, ":": _SPACE, "!": "", " ": _SPACE, "quad": _SPACE,
           "qquad": _SPACE}  # fmt: skip
_DROPPED = frozenset({"left", "right", "big", "Big", "bigg", "displaystyle", "limits"})
# Wrappers whose argument is shown as it is: fonts and words in a formula.
_FONTS = frozenset(
    "mathcal mathbb mathrm mathbf mathit mathsf mathtt text textbf textit texttt textrm"
    " operatorname boldsymbol".split()
)
# Accents written over one letter, as a combining mark after it.
_ACCENTS = {"vec": "\u20d7", "hat": "\u0302", "bar": "\u0304", "overline": "\u0305",
            "tilde": "\u0303", "dot": "\u0307"}  # fmt: skip
_SUPERSCRIPTS = str.maketrans("0123456789+-=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ")
_SUBSCRIPTS = str.maketrans("0123456789+-=()aeijkmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑᵢⱼₖₘₙₒₚᵣₛₜᵤᵥₓ")
_SUPERSCRIPT_CHARS = frozenset("0123456789+-=()ni")
_WRITTEN_SCRIPTS = frozenset("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑᵢⱼₖₘₙₒₚᵣₛₜᵤᵥₓ")
_SUBSCRIPT_CHARS = frozenset("0123456789+-=()aeijkmnoprstuvx")

# An inline formula that ends on an operator ends on no word: '`$s0`-`$s7`' (two MIPS
# registers, their code marks gone) is not the formula 's0-' before 's7'; '($+/-$)' is one.
_CLOSE = r"(?:(?<![-+=])\$(?!\d)|\$(?!\w))"
_SPAN = re.compile(rf"\$\$(?P<display>[^$]+?)\$\$|\$(?P<inline>[^$\s](?:[^$\n]*[^$\s])?){_CLOSE}")
_GROUP = r"\{(?P<arg>[^{}]*)\}"
MAX_FORMULA_CHARS = 60  # written out: a longer formula is a derivation, not a fact to show
# A formula that is itself the answer (a formula card's: 'curl F = (∂F₃/∂y - ∂F₂/∂z) i⃗ + …')
# is the fact to show, so it may be longer than one shown beside a sentence.
MAX_ANSWER_FORMULA_CHARS = 100
MAX_DEPTH = 8  # nested groups; a formula deeper than this stays as written
_LITERALS = {c: chr(0xE000 + i) for i, c in enumerate("{}_%|#$^&")}  # private-use stand-ins


def readable(text: str, *, limit: int = MAX_FORMULA_CHARS) -> str:
    """Every formula of the text that reads in Unicode written out ('$\\Theta(n)$' ->
    'Θ(n)'); a formula that does not, or is longer than `limit` written out, stays as
    written."""
    if "$" not in text:
        return text
    return _SPAN.sub(lambda m: _written_out(m, limit), text)


def _written_out(m: re.Match[str], limit: int) -> str:
    plain = plain_formula(m.group("display") or m.group("inline"), limit=limit)
    if plain is None:
        return m.group()
    # '$$W = Fd,$$where …': the markup kept the formula apart from the word next to it
    text = m.string
    before = " " if m.start() > 0 and text[m.start() - 1].isalnum() else ""
    after = " " if m.end() < len(text) and text[m.end()].isalnum() else ""
    return f"{before}{plain}{after}"


@lru_cache(maxsize=8192)
def plain_formula(tex: str, *, limit: int = MAX_FORMULA_CHARS) -> str | None:
    """'\\frac{\\pi}{2}' -> 'π/2', 'n^{2} + 1' -> 'n² + 1', 'x_{i}' -> 'xᵢ'; None for markup
    that has no plain reading (an environment, a matrix, alignment, an unknown command)."""
    if re.search(r"\\begin|\\\\|(?<!\\)&|\\(?:substack|underbrace|overbrace|stackrel|bbox)", tex):
        return None
    # escaped characters are the characters themselves, never markup ('student\_number')
    out = re.sub(r"\\([{}_%|#$&])", lambda m: _LITERALS[m.group(1)], tex.strip())
    out = re.sub(r"\\([,;:! ])", lambda m: _SPACES[m.group(1)], out)
    # '\\left.' and '\\right.' open or close nothing: the dot is no part of the formula
    out = re.sub(r"\\(?:left|right)\.", "", out)
    out = re.sub(r"\\([A-Za-z]+)(\s*)(?=(\\[A-Za-z]+|.?))", _symbol, out)
    for _ in range(MAX_DEPTH):  # innermost groups first, then the groups around them
        before = out
        second = _GROUP.replace("arg", "arg2")
        out = re.sub(rf"\\(?P<name>[A-Za-z]+)\s*{_GROUP}\s*{second}", _two, out)
        out = re.sub(rf"\\(?P<name>[A-Za-z]+)\s*{_GROUP}", _one, out)
        out = re.sub(rf"(?P<mark>[\^_])\s*(?:{_GROUP}|(?P<one>[^\s{{}}\\]))", _script, out)
        out = re.sub(r"(?<![\\\w}^_])\{(?P<arg>[^{}\\]*)\}", lambda m: m.group("arg"), out)
        if out == before:
            break
    if re.search(r"[\\{}]", out):
        return None
    for char, stand_in in _LITERALS.items():
        out = out.replace(stand_in, "‖" if char == "|" else char)
    # two fractions side by side are a product: '∂z/∂x dx/dt', not '∂z/∂xdx/dt'
    out = out.replace(_FRACTION * 2, " ").replace(_FRACTION, "")
    out = _tidied(out.replace(_SPACE, " "))
    return out if out and len(out) <= limit else None


def _tidied(out: str) -> str:
    """Spacing as a reader writes it: '( fₓ ) ²' -> '(fₓ)²', '||v⃗||' -> '‖v⃗‖', '‖ dA⃗ ‖' ->
    '‖dA⃗‖'."""
    out = re.sub(r"\s+", " ", out).strip().rstrip(",").strip()
    out = out.replace("||", "‖")
    out = re.sub(r"([(\[])\s+", r"\1", out)
    out = re.sub(r"\s+([)\]])", r"\1", out)
    out = re.sub(r"\s+(?=[⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ])", "", out)
    # a norm's bars hug what they hold: an opening bar follows a space, a bracket or the start
    out = re.sub(r"(^|[\s(])‖\s+", r"\1‖", out)
    return re.sub(r"\s+‖(?=$|[\s),.;²/])", "‖", out)


def _symbol(m: re.Match[str]) -> str:
    """A command with no argument: its symbol. TeX ignores the spaces after a command's name,
    so a letter joins what follows ('\\Delta t' -> 'Δt'); an operator keeps its spaces."""
    name, spaces, after = m.group(1), m.group(2), m.group(3)
    if name in _SYMBOLS:
        symbol = _SYMBOLS[name]
        letter = len(symbol) == 1 and (symbol.isalpha() or symbol in _PREFIXES)
        # an accented or font-wrapped letter next joins an operator or an increment only
        # ('\\Delta \\vec{A}' is 'ΔA⃗'; '\\cos \\theta \\vec{i}' is 'cos θ i⃗')
        wrapped = after[1:] in _ACCENTS or after[1:] in _FONTS
        binds = symbol in _PREFIXES or symbol in _INCREMENTS
        follows = after[:1].isalnum() or after == "(" or (wrapped and binds)
        # '\\partial \\rho' is '∂ρ', but '\\nabla \\cdot' keeps its space: '∇ · E⃗'
        greek = len(_SYMBOLS.get(after[1:], "")) == 1 and _SYMBOLS[after[1:]].isalpha()
        joins = letter and (follows or (symbol in _PREFIXES and greek))
        return symbol + ("" if joins else spaces)
    if name in _SPACES:
        return _SPACES[name] + spaces
    if name in _DROPPED:
        return spaces
    return m.group()  # a command with an argument, or unknown: left for the next passes


def _two(m: re.Match[str]) -> str:
    name, top, bottom = m.group("name"), m.group("arg"), m.group("arg2")
    if name in ("frac", "dfrac", "tfrac") and "\\" not in top + bottom:
        return f"{_FRACTION}{_part(top)}/{_part(bottom)}{_FRACTION}"
    return m.group()  # not a fraction, or its parts not plain yet: left for _one or later


def _one(m: re.Match[str]) -> str:
    name, arg = m.group("name"), m.group("arg")
    if "\\" in arg:
        return m.group()  # its inside is not plain yet
    if name in _FONTS:
        return arg
    letter = arg.strip()
    if name in _ACCENTS and letter and set(letter[1:]) <= _WRITTEN_SCRIPTS:
        return letter[0] + _ACCENTS[name] + letter[1:]  # 'X₃' with a bar: 'X̅₃'
    if name == "sqrt":
        return f"√{_part(arg)}"
    return m.group()  # unknown: '\\' stays, and the formula with it


def _part(text: str) -> str:
    """A fraction's or a root's part: bracketed unless it is one token ('π', '2', 'n²')."""
    text = text.strip()
    return text if re.fullmatch(r"[^\s()+\-·×/=]+", text) else f"({text})"


def _script(m: re.Match[str]) -> str:
    """'^{2}' -> '²', '_1' -> '₁', '^{n+1}' -> 'ⁿ⁺¹'; a script Unicode has no letters for is
    written '^(…)' or '_(…)', which still reads. A group with a command inside is left for a
    later pass, once its inside is plain."""
    mark = m.group("mark")
    arg = m.group("arg") if m.group("arg") is not None else m.group("one")
    if "\\" in arg:
        return m.group()
    arg = arg.replace(" ", "")
    if mark == "^" and arg == "∘":
        return "°"  # '90^{\\circ}': degrees
    chars = _SUPERSCRIPT_CHARS if mark == "^" else _SUBSCRIPT_CHARS
    if arg and set(arg) <= chars:
        return arg.translate(_SUPERSCRIPTS if mark == "^" else _SUBSCRIPTS)
    # stand-ins, so a later pass does not read the fallback's mark as another script
    kept = _LITERALS["^"] if mark == "^" else _LITERALS["_"]
    return f"{kept}({arg})" if len(arg) > 1 else f"{kept}{arg}"

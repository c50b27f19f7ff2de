"""Synthetic Markdown study-notes corpus for the notes-to-flashcards benchmark.

Notes come deterministically from random.Random(seed), built from combinatorial vocabulary
(invented names plus real subject words) in many styles: plain Markdown, Obsidian, Notion export,
Logseq, Bear/Joplin, prose, numbered outlines, Q/A, glossaries, tables and deep headings, with
code blocks and some messiness. Standard library only.

Usage: python bench/corpus.py OUT_DIR --notes 1000 --seed 7
"""

from __future__ import annotations

import argparse
import math
import pathlib
import random
import re
from dataclasses import dataclass


def w(s: str) -> list[str]:
    """Split a '|'-separated word list."""
    return [x.strip() for x in s.split("|")]


ONSETS = w("k|v|d|t|m|s|br|th|z|l|r|n|g|p|f|h|qu|st|dr|c|b|tr|j|sh|ph")
VOWELS = w("a|e|i|o|u|ae|ei|ou|ia|a|e|o")
CODAS = w("|||r|l|n|s|m|x|th")
ENDS_AFTER_VOWEL = w("n|r|th|x|ris|nor|ra|lin|mar|dis|s|l|rex|ndor")
ENDS_AFTER_CONSONANT = w("i|ar|is|on|ith|ex|a|or|el|ine|und|as|en|ia|ost")
MONTHS = w("January|February|March|April|May|June|July|August|September|October|November|December")
MEANINGS = w(
    "house|river|to remember|bread|window|quickly|tomorrow|to borrow|friendship|bright|heavy"
    "|to wait|market|key|mountain|to forgive|ticket|weather|slowly|neighbour|to promise|salt"
    "|cloud|honest|train station|to carry|wedding|thirsty|library|often|to explain|knife"
)
CONDS = w(
    "conditions change quickly|the level rises above {x}|demand is low|nothing else is available"
    "|the system is under load|the temperature drops|the review period ends|{x} units are reached"
)
CALLOUTS = w("note|tip|important|warning|example|question|info|abstract")


def invent(r: random.Random) -> str:
    """A pronounceable invented name such as 'Kelvari' or 'Dorith'."""
    n = r.choice((1, 2, 2))
    word = "".join(r.choice(ONSETS) + r.choice(VOWELS) + r.choice(CODAS) for _ in range(n))
    ends = ENDS_AFTER_VOWEL if word[-1] in "aeiou" else ENDS_AFTER_CONSONANT
    return (word + r.choice(ends)).capitalize()


SPECIAL = {  # value generators that a range or choice list cannot express
    "@date": lambda r: f"{r.randint(1, 28)} {r.choice(MONTHS)} {r.randint(1100, 1950)}",
    "@iso": lambda r: f"{r.randint(2018, 2024)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
    "@person": lambda r: f"{r.choice('ABCDEHJKLMPRST')}. {invent(r)}",
    "@place": lambda r: invent(r) + r.choice(("", "ia", " Valley", "burg", " Province")),
    "@word": lambda r: invent(r).lower(),
    "@version": lambda r: f"{r.randint(0, 9)}.{r.randint(0, 30)}.{r.randint(0, 12)}",
    "@citation": lambda r: f"[{r.randint(1900, 2023)}] {r.randint(1, 4)} AC {r.randint(1, 999)}",
    "@region": lambda r: f"{r.choice(('eu', 'us'))}-{r.choice(('west', 'east'))}-{r.randint(1, 4)}",
    "@price": lambda r: f"${r.uniform(0.001, 0.5):.3f} per GB-month",
}


def value_gen(spec: str):
    """'lo..hi unit' -> random number (decimals as in hi); 'a;b;c' -> choice; '@x' -> SPECIAL."""
    if spec in SPECIAL:
        return SPECIAL[spec]
    m = re.fullmatch(r"(-?\d+(?:\.(\d+))?)\.\.(-?\d+(?:\.(\d+))?) ?(.*)", spec)
    if not m:
        opts = spec.split(";")
        return lambda r: r.choice(opts)
    lo, hi, unit, nd = float(m[1]), float(m[3]), m[5], len(m[4] or "")
    comma, sep = ("," if unit and hi >= 10000 else ""), ("" if unit in ("", "%") else " ")
    return lambda r: f"{r.uniform(lo, hi):{comma}.{nd}f}{sep}{unit}"


# "[subject] folders", then word lists ("key: a|b|c") and attributes ("= Label: spec | ...").
VOCAB = """
[biology] cells|genetics|ecology|physiology|microbiology
kinds: {N} enzyme|{N} protein|{N} gene|{N} receptor|{N} pathway|{N}ase|{N} cell
terms: osmosis|mitosis|meiosis|homeostasis|transcription|apoptosis|phenotype|allele|glycolysis
verbs: catalyses|binds|inhibits|phosphorylates|transports|regulates|cleaves
objects: glucose|pyruvate|lipids|calcium ions|mRNA|amino acids|ATP|the membrane potential
= Optimal pH: 4.0..9.5 | Location: cytoplasm;mitochondrial matrix;nucleus;cell membrane;rough ER
= Molecular weight: 12..480 kDa | Optimal temperature: 18..45 °C | Half-life: 0.5..72.0 h
= Cofactor: Mg2+;Zn2+;NAD+;FAD;heme;none known | Year discovered: 1880..2018
[history] medieval|ancient|early-modern|revolutions|empires
kinds: Treaty of {N}|Battle of {N}|House of {N}|{N} dynasty|{N} revolt|Council of {N}|Siege of {N}
terms: feudalism|vassalage|tithe|suzerainty|mercantilism|serfdom|regency|annexation|armistice
verbs: ended|provoked|weakened|restored|partitioned|centralised|reformed
objects: royal authority|the grain trade|the frontier garrisons|noble privileges|the silver mines
= Date: @date | Location: @place | Leader: @person | Death toll: 200..90000 dead
= Outcome: decisive victory;stalemate;partition;dynastic union;negotiated truce
= Duration: 2..40 years
[law] contracts|torts|constitutional|criminal|property
kinds: {N} v. {M}|{N} doctrine|{N} Act|Rule in {N}'s Case|{N} test|{N} principle
terms: consideration|estoppel|negligence|duty of care|mens rea|actus reus|easement|injunction
verbs: established|overruled|narrowed|clarified|extended|rejected|codified
objects: implied terms|the reasonable person test|liability for omissions|equitable remedies
= Jurisdiction: England and Wales;Scotland;Ontario;New South Wales;Federal (US)
= Court: Supreme Court;Court of Appeal;High Court;House of Lords | Year decided: 1850..2023
= Citation: @citation | Standard of proof: balance of probabilities;beyond reasonable doubt
= Limitation period: 1..15 years
[programming] algorithms|web|databases|languages|systems
kinds: {N} protocol|{n}.js|{n}lib|{N} pattern|{N} algorithm|{N} framework|{n}-cli|{N} sort
terms: recursion|memoization|closure|idempotency|deadlock|polymorphism|immutability|backpressure
verbs: serialises|caches|schedules|parses|streams|validates|compiles
objects: JSON payloads|HTTP requests|the event loop|database rows|syntax trees|worker threads
= Language: Python;Rust;Go;TypeScript;C++;Java;Kotlin;Haskell | First release: 1972..2024
= Time complexity: O(1);O(log n);O(n);O(n log n);O(n^2);O(V + E) | Latest version: @version
= License: MIT;Apache-2.0;GPL-3.0;BSD-3-Clause;MPL-2.0 | Default port: 1024..49151
[chemistry] organic|inorganic|physical|analytical|electrochemistry
kinds: {N}ium|{N} reaction|{N}ite|{N} catalyst|{N}'s rule|{N} rearrangement|{N} acid
terms: electronegativity|enthalpy|entropy|chirality|titration|molarity|isomerism|oxidation
verbs: oxidises|reduces|precipitates|catalyses|dissolves|chelates|isomerises
objects: aqueous chloride|benzene rings|carbonyl groups|transition metals|ethanol|free radicals
= Molar mass: 12.00..420.00 g/mol | Melting point: -180..1600 °C | Density: 0.60..19.00 g/cm³
= pKa: -2.00..14.00 | Oxidation states: +1;+2, +4;-1, +1, +5;+3;+2, +3, +6 | Yield: 12..98 %
[economics] macro|micro|trade|finance|development
kinds: {N} curve|{N} effect|{N} index|{N} model|{N} paradox|Central Bank of {N}|{N} rule
terms: opportunity cost|marginal utility|deadweight loss|moral hazard|externality|stagflation
verbs: raises|depresses|stabilises|distorts|predicts|amplifies|offsets
objects: aggregate demand|real wages|import prices|household savings|bond yields|labour supply
= Proponent: @person | Year proposed: 1750..2020 | Elasticity: -3.00..3.00
= Inflation rate: 0.2..14.0 % | GDP growth: -4.0..9.0 %
= Key variable: interest rate;money supply;real wage;exchange rate;output gap
[language] vocab|grammar|phrases|pronunciation|idioms
kinds: {N} conjugation|{N} case|the '{n}' particle|{N} verb class|{N} dialect|{N} vowel shift
terms: declension|umlaut|ablaut|aspect|honorific|cognate|false friend|vowel harmony|diphthong
verbs: marks|softens|precedes|replaces|modifies|agrees with|emphasises
objects: the direct object|past tense verbs|plural nouns|polite requests|loanwords|the subject
= Part of speech: noun;verb;adjective;adverb;particle | Gender: masculine;feminine;neuter;n/a
= Plural form: @word | Register: formal;informal;literary;colloquial;archaic
= Frequency rank: 1..5000 | Earliest record: 900..1900
[cloud] aws|azure|gcp|kubernetes|networking
kinds: {N} service|{N} gateway|{N}DB|{N} queue|{N} cluster|{N} zone|{N} function
terms: autoscaling|eventual consistency|cold start|sharding|egress|service mesh|tenancy
verbs: replicates|throttles|routes|encrypts|provisions|buffers
objects: object storage|TLS traffic|container images|log streams|DNS records|spot instances
= Region: @region | SLA: 99.9%;99.95%;99.99%;99.5% | Max throughput: 5..2500 MB/s
= Price: @price | Default timeout: 3..900 s | Max payload: 64..10240 KB
"""


def load_vocab(text: str) -> dict[str, dict]:
    subjects: dict[str, dict] = {}
    for line in text.strip().splitlines():
        if line.startswith("["):
            name, folders = line[1:].split("] ")
            cur = subjects[name] = {"attrs": {}, "folders": w(folders)}
        elif line.startswith("= "):
            for item in line[2:].split(" | "):
                label, spec = item.split(": ", 1)
                cur["attrs"][label] = value_gen(spec)
        else:
            key, words = line.split(": ", 1)
            cur[key] = w(words)
    return subjects


SUBJECTS = load_vocab(VOCAB)
TITLES = w(
    "{E}|{Folder}: {E} and {F}|Lecture {k} — {E}|Notes on {term}|{Term} review|Week {k}: {Term}"
    " and {E}|Chapter {k} – {E}|{E} cheat sheet|{Folder} study guide ({E})|{Term} ({E})"
)
HEADINGS = w(
    "{E}|Overview of {E}|About {E}|{E} — key facts|How {E} works|{E} vs {F}|Why {E} matters"
    "|Lecture {k}: {E}|Notes on {E}|{E} in practice|Common mistakes with {E}|Review: {E}"
    "|{Term} and {E}|The role of {term} in {E}|{E}: {attr}|Origins of {E}|{E} ({year})"
    "|Exam tips for {E}|Comparing {E} and {F}"
)
SENTENCES = w(
    "{E} {verb} {obj} when {cond}.|First described in {year}, {E} is best understood as"
    " something that {verb} {obj}.|Most textbooks contrast {E} with {F}, since each {verb} {obj}"
    " but differ in {attr_l}.|The {attr_l} of {E} is {value}, which is why it matters for {term}."
    "|Students often confuse {term} with {term2}; the first is really about {obj}.|In the"
    " lecture we saw that {E} {verb} {obj} roughly {k} times faster than {F}.|A good way to"
    " remember it is that {E} always comes before {F}.|There is still some debate about whether"
    " {E} really {verb} {obj}.|{E} was revisited in {year}, when its {attr_l} was revised to"
    " {value}.|It helps to think of {term} as the reason {E} {verb} {obj}.|Exam questions"
    " usually ask for the {attr_l} of {E}, so memorise {value}."
)
DEFS = w(
    "the process by which something {verb} {obj}|a mechanism that {verb} {obj} when {cond}"
    "|a concept describing how {E} {verb} {obj}|the tendency of {obj} to change under {term2}"
    "|a standard way to explain why {E} {verb} {obj}"
)
TODOS = w(
    "Review {E}|Make flashcards for {term}|Ask about {E} in the tutorial|Re-read chapter {k}"
    "|Memorise the {attr_l} of {E}|Compare {E} with {F}"
)
WIKI = "[[{}]]".format


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def lower1(s: str) -> str:
    """Lower-case the first letter unless it starts an acronym ('pH', 'GDP' stay)."""
    return s if s[1:2].isupper() else s[:1].lower() + s[1:]


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


@dataclass
class Entity:
    name: str
    facts: dict[str, str]  # ordered "Attribute: value" pairs


def make_entity(r: random.Random, subject: str, kind=None, labels=None) -> Entity:
    s = SUBJECTS[subject]
    kind = kind or r.choice(s["kinds"])  # {N}, {M}: invented names; {n}: lower-case one
    name = re.sub(r"{(\w)}", lambda m: invent(r).lower() if m[1] == "n" else invent(r), kind)
    labels = labels or r.sample(list(s["attrs"]), r.randint(3, 5))
    return Entity(name, {k: s["attrs"][k](r) for k in labels})


class Note:
    """Context for one note: subject vocabulary, its entities and a size budget in bytes."""

    def __init__(self, r: random.Random, subject: str, pool: list[Entity], target: int):
        self.r, self.subject, self.s, self.target = r, subject, SUBJECTS[subject], target
        self.folder = r.choice(self.s["folders"])
        picks = r.choices(range(len(pool)), [1 / (i + 1) for i in range(len(pool))], k=4)
        self.shared = [pool[i] for i in sorted(set(picks))]  # topics recurring across the vault
        self.own = [make_entity(r, subject) for _ in range(r.randint(3, 6))]
        self.tags = [subject, self.folder] + [slug(t) for t in r.sample(self.s["terms"], 2)]
        self.title = cap(self.fmt(r.choice(TITLES)))

    def full(self, out: list[str]) -> bool:
        return sum(len(x) + 1 for x in out) >= self.target

    def ent(self, p_new: float = 0.0) -> Entity:
        """A new entity with probability p_new, else an existing own or vault-shared one."""
        if self.r.random() < p_new:
            self.own.append(make_entity(self.r, self.subject))
            return self.own[-1]
        return self.r.choice(self.own if self.r.random() < 0.65 else self.shared)

    def term(self) -> str:
        return self.r.choice(self.s["terms"])

    def fmt(self, template: str, e: Entity | None = None, wrap=str) -> str:
        r, s, e = self.r, self.s, e or self.ent()
        f = r.choice([x for x in self.own + self.shared if x is not e] or [e])
        attr, value = r.choice(list(e.facts.items()))
        term, term2 = r.sample(s["terms"], 2)
        v = {"E": wrap(e.name), "F": wrap(f.name), "attr": attr, "attr_l": lower1(attr)}
        v.update(value=value, term=term, term2=term2, Term=cap(term), k=r.randint(2, 14))
        v.update(verb=r.choice(s["verbs"]), obj=r.choice(s["objects"]), year=r.randint(1850, 2023))
        v.update(Folder=self.folder.replace("-", " ").title())
        v["cond"] = r.choice(CONDS).format(x=r.randint(3, 95))
        return template.format_map(v)

    def sentence(self, e: Entity | None = None, wrap=str, template: str = "") -> str:
        return cap(self.fmt(template or self.r.choice(SENTENCES), e, wrap))

    def heading(self, e: Entity) -> str:
        return cap(self.fmt(self.r.choice(HEADINGS), e))

    def definition(self) -> str:
        return self.fmt(self.r.choice(DEFS))

    def facts(self, e: Entity, prefix: str = "") -> list[str]:
        return [f"{prefix}{k}: {v}" for k, v in e.facts.items()]

    def qa(self, e: Entity | None = None) -> tuple[str, str]:
        e, roll = e or self.ent(), self.r.random()
        if roll < 0.6:
            attr, value = self.r.choice(list(e.facts.items()))
            return f"What is the {lower1(attr)} of {e.name}?", value
        if roll < 0.8:
            return f"Define {self.term()}.", cap(self.definition())
        return f"What does {e.name} do?", self.fmt("It {verb} {obj}.", e)

    def pair(self) -> tuple[str, str]:
        """A (term, meaning) pair for glossaries and vocabulary tables."""
        if self.subject == "language" and self.r.random() < 0.7:
            return invent(self.r).lower(), self.r.choice(MEANINGS)
        if self.r.random() < 0.4:
            return cap(self.term()), self.definition()
        e = self.ent(1)
        attr, value = next(iter(e.facts.items()))
        return e.name, f"{self.fmt('something that {verb} {obj}', e)} ({lower1(attr)}: {value})"


# --- shared building blocks ---------------------------------------------------------------------
def siblings(n: Note, n_labels: int = 3) -> list[Entity]:
    """2-4 entities of one kind with the same attribute labels (parallel sections, tables)."""
    kind, labels = n.r.choice(n.s["kinds"]), n.r.sample(list(n.s["attrs"]), n_labels)
    ents = [make_entity(n.r, n.subject, kind, labels) for _ in range(n.r.randint(2, 4))]
    n.own += ents
    return ents


def parallel(n: Note, level: str) -> list[str]:
    prefix = n.r.choice(("", "", "- "))
    return [x for e in siblings(n) for x in (f"{level} {e.name}", "", *n.facts(e, prefix), "")]


SNIPPETS = """
@@ programming python
def {f}_score(items: list[float], k: int = {k}) -> float:
    top = sorted(items, reverse=True)[:k]  # top-{k} mean used by {name}
    return sum(top) / max(len(top), 1)
@@ programming javascript
export async function fetch{F}(id) {{
  const res = await fetch(`/api/{f}/${{id}}?limit={k}`);
  return res.json();
}}
@@ programming sql
SELECT {f}_id, COUNT(*) AS hits FROM {f}_events
WHERE created_at > NOW() - INTERVAL '{k} days' GROUP BY {f}_id LIMIT {x};
@@ cloud yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {f}
spec:
  replicas: {k}
@@ cloud bash
aws s3 cp ./dist s3://{f}-assets --recursive --region eu-west-{k}
kubectl scale deployment/{f} --replicas={k}
@@ cloud json
{{"service": "{f}", "timeoutSeconds": {k}, "maxPayloadKb": {x}}}
"""
CODE: dict[str, list[tuple[str, str]]] = {}
for _block in SNIPPETS.strip().split("@@ ")[1:]:
    _head, _, _body = _block.partition("\n")
    CODE.setdefault(_head.split()[0], []).append((_head.split()[1], _body.rstrip()))


def maybe_code(n: Note) -> list[str]:
    """Sometimes a fenced code block (often for programming/cloud, a timeline otherwise)."""
    r, e = n.r, n.ent()
    if r.random() > (0.45 if n.subject in CODE else 0.06):
        return []
    if n.subject not in CODE:
        rows = sorted(f"{r.randint(1100, 2020)}  {x.name}" for x in r.sample(n.own, 3))
        return ["```text", *rows, "```", ""]
    lang, tpl = r.choice(CODE[n.subject])
    f = re.sub(r"[^a-z0-9]+", "-" if n.subject == "cloud" else "_", e.name.lower()).strip("-_")
    camel = "".join(p.capitalize() for p in re.split(r"[_-]", f))
    body = tpl.format(f=f, F=camel, name=e.name, k=r.randint(2, 9), x=r.choice((64, 128, 512)))
    return [f"```{lang}", *body.split("\n"), "```", ""]


# --- styles: each returns the note's lines ------------------------------------------------------
def style_markdown(n: Note) -> list[str]:
    r, out = n.r, [f"# {n.title}", "", n.sentence(), ""]
    while not n.full(out):
        if r.random() < 0.3:
            out += parallel(n, "##")
            continue
        e = n.ent(0.8)
        out += [f"## {n.heading(e)}", "", f"**{e.name}** {n.fmt('{verb} {obj}', e)}.", ""]
        out += [*n.facts(e), ""]
        out += [f"- **{n.term()}** is {n.definition()}" for _ in range(r.randint(1, 3))] + [""]
        if r.random() < 0.35:
            out += [f"### {n.heading(n.ent(1))}", "", f"- {n.sentence()}", f"- {n.sentence()}", ""]
        out += maybe_code(n)
    return out


def style_obsidian(n: Note) -> list[str]:
    r, out = n.r, ["---", f"title: {n.title}", f"tags: [{', '.join(n.tags)}]"]
    out += [f"aliases: [{n.own[0].name}]", f"created: {SPECIAL['@iso'](r)}", "---", ""]
    out += [f"# {n.title}", "", f"{n.sentence(wrap=WIKI)} #{n.tags[2]}", ""]
    while not n.full(out):
        e = n.ent(0.75)
        attr, value = r.choice(list(e.facts.items()))
        out += [f"## {n.heading(e)}", "", n.sentence(e, WIKI), ""]
        out += [f"> [!{r.choice(CALLOUTS)}] {n.heading(e)}"]
        out += [f"> The {lower1(attr)} of {e.name} is =={value}==.", f"> {n.sentence()}", ""]
        out += [*n.facts(e, "- "), ""] + (parallel(n, "###") if r.random() < 0.3 else [])
        out += [f"See also [[{n.ent().name}]] and #{r.choice(n.tags)}.", ""] + maybe_code(n)
    return out


def style_notion(n: Note) -> list[str]:
    r, out = n.r, [f"# {n.title}", ""]
    hour = f"{r.randint(1, 12)}:{r.randint(0, 59):02d} {r.choice(('AM', 'PM'))}"
    out += [f"Created: {r.choice(MONTHS)} {r.randint(1, 28)}, {r.randint(2019, 2024)} {hour}"]
    out += [f"Tags: {', '.join(n.tags)}", f"Status: {r.choice(('Not started', 'Done'))}", ""]
    while not n.full(out):
        e = n.ent(0.8)
        out += [f"## {n.heading(e)}", "", n.sentence(e), ""]
        for q, a in (n.qa(e) for _ in range(r.randint(1, 3))):
            out += ["<details>", f"<summary>{q}</summary>", "", a, "", "</details>", ""]
        out += [f"**{k}**: {v}" if r.random() < 0.5 else f"{k}: {v}" for k, v in e.facts.items()]
        out += ["", *maybe_code(n)]
    return out


def style_logseq(n: Note) -> list[str]:
    r, out = n.r, [f"title:: {n.title}", f"tags:: {', '.join(n.tags)}", f"type:: [[{n.folder}]]"]
    while not n.full(out):
        e = n.ent(0.75)
        out += [f"- {'## ' if r.random() < 0.3 else ''}{n.heading(e)}", f"  topic:: [[{e.name}]]"]
        out += [f"\t- {k}{'::' if r.random() < 0.6 else ':'} {v}" for k, v in e.facts.items()]
        out += [f"\t- {n.sentence(e, WIKI)}"] + [f"\t\t- {n.sentence()}"] * r.randint(0, 1)
        if r.random() < 0.5:
            q, a = n.qa(e)
            out += [f"\t- {q} #card", f"\t\t- {a}"]
    return out


def style_bear(n: Note) -> list[str]:
    r, out = n.r, [f"# {n.title}", f"#{n.subject}/{n.folder} #{n.tags[2]} #{n.tags[3]}", ""]
    bullet = r.choice(("- ", "* "))  # Joplin exports often use '*'
    while not n.full(out):
        e = n.ent(0.75)
        out += [f"## {n.heading(e)}", "", f"{n.sentence(e)} #{r.choice(n.tags)}", ""]
        out += [*n.facts(e, bullet), ""]
        out += [f"- [{r.choice(' x')}] {n.fmt(r.choice(TODOS), e)}" for _ in range(r.randint(1, 3))]
        out += ["", *maybe_code(n)]
    return out


def style_prose(n: Note) -> list[str]:
    r = n.r
    out = [f"# {n.title}", ""] if r.random() < 0.7 else []
    while not n.full(out):
        if r.random() < 0.2:
            out += [f"## {n.heading(n.ent(1))}", ""]
        e = n.ent(0.5)
        tpls = r.sample(SENTENCES, r.randint(3, 6))
        sents = [n.sentence(e if r.random() < 0.6 else None, template=t) for t in tpls]
        out += [" ".join(sents), ""]
    return out


def style_numbered(n: Note) -> list[str]:
    r, out, i = n.r, [f"# {n.title}", ""], 0
    while not n.full(out):
        i, e = i + 1, n.ent(0.8)
        out += [f"{i}. {n.heading(e)}"]
        out += [f"   {i}.{j} {x}" for j, x in enumerate([*n.facts(e), n.sentence(e)], 1)]
        j = len(e.facts) + 1
        out += [f"      {i}.{j}.{m} {n.sentence()}" for m in range(1, r.randint(1, 3))]
        out += [""]
    return out


def style_qa(n: Note) -> list[str]:
    r, out = n.r, [f"# {n.title}", ""]
    while not n.full(out):
        e = n.ent(0.75)
        out += [f"## {n.heading(e)}", ""]
        for q, a in (n.qa(e if r.random() < 0.7 else None) for _ in range(r.randint(2, 4))):
            out += [f"**Q:** {q}", f"**A:** {a}", ""]
        out += ["{}::{}".format(*n.qa(e)) for _ in range(r.randint(1, 3))] + [""]
    return out


def style_glossary(n: Note) -> list[str]:
    r = n.r
    out = [f"# {r.choice(('Glossary', 'Key terms', 'Definitions'))}: {n.title}", ""]
    while not n.full(out):
        out += [f"## {n.heading(n.ent(1))}", ""]
        dash = r.random() < 0.5  # "Term — definition" lines, else "Term" / ": definition" lists
        for t, d in (n.pair() for _ in range(r.randint(3, 6))):
            out += [f"{t} — {d}"] if dash else [t, f": {d}", ""]
        out += [""] if dash else []
    return out


def style_tables(n: Note) -> list[str]:
    r, out = n.r, [f"# {n.title}", "", n.sentence(), ""]
    while not n.full(out):
        if r.random() < 0.5:
            head = "| Word | Translation |" if n.subject == "language" else "| Term | Meaning |"
            out += [f"## {n.heading(n.ent(1))}", "", head, "| --- | --- |"]
            out += ["| {} | {} |".format(*n.pair()) for _ in range(r.randint(4, 8))]
        else:
            ents = siblings(n, r.randint(2, 3))  # 3-4 column comparison table
            head = ["Topic", *ents[0].facts]
            rows = [head, ["---"] * len(head)] + [[e.name, *e.facts.values()] for e in ents]
            out += [f"## Comparison: {', '.join(e.name for e in ents)}", ""]
            out += ["| " + " | ".join(x) + " |" for x in rows]
        out += [""]
    return out


def deep(n: Note, out: list[str], level: int) -> None:
    """A heading tree from `level` down to depth 5."""
    e = n.ent(0.7)
    out += [f"{'#' * level} {n.heading(e)}", "", n.sentence(e), ""]
    out += [*n.facts(e, "- "), ""] if level >= 4 else []
    for _ in range(n.r.randint(1, 2) if level < 5 else 0):
        deep(n, out, level + 1)


def style_deep(n: Note) -> list[str]:
    out = [f"# {n.title}", ""]
    while not n.full(out):
        deep(n, out, 2)
        out += maybe_code(n)
    return out


STYLES = {name[6:]: fn for name, fn in list(globals().items()) if name.startswith("style_")}


# --- messiness ----------------------------------------------------------------------------------
def typo(r: random.Random, line: str) -> str:
    words = list(re.finditer(r"[A-Za-z]{5,}", line))
    if not words:
        return line
    m = r.choice(words)
    s, i = m[0], r.randrange(len(m[0]) - 1)
    bad = r.choice([s[:i] + s[i + 1] + s[i] + s[i + 2 :], s[:i] + s[i + 1 :], s[:i] + s[i] + s[i:]])
    return line[: m.start()] + bad + line[m.end() :]


def messify(n: Note, lines: list[str], style: str) -> list[str]:
    """Typos, a Date/Author line, a TOC, inconsistent indentation and trailing spaces."""
    r = n.r
    at = next((i for i, x in enumerate(lines) if x.startswith("# ")), -1) + 1
    heads = [x[3:] for x in lines if x.startswith("## ")]
    if r.random() < 0.4 and len(heads) >= 3 and style != "prose":
        lines[at:at] = ["", "## Table of Contents", *[f"- [{h}](#{slug(h)})" for h in heads], ""]
    if r.random() < 0.5:
        lines.insert(at, f"Date: {SPECIAL['@iso'](r)} / Author: {SPECIAL['@person'](r)}")
    for i in (r.randrange(len(lines)) for _ in range(r.randint(1, 5))):
        lines[i] = typo(r, lines[i])
    for i, x in enumerate(lines if r.random() < 0.5 else []):
        body = x.lstrip(" \t")
        if body[:2] in ("- ", "* ") or body[:1].isdigit():
            pad = r.choice(("\t", "  ", "    ", " ")) if len(body) < len(x) else ""
            lines[i] = pad + body + " " * r.choice((0, 0, 0, 2))
    return lines


# --- writing ------------------------------------------------------------------------------------
def rel_path(n: Note, style: str) -> pathlib.Path:
    r, parts = n.r, [n.subject] + [n.folder] * (n.r.random() < 0.75)
    if r.random() < 0.15:
        parts.append(r.choice((f"week-{r.randint(1, 12)}", "archive", "drafts", "exam")))
    name = re.sub(r"\s+", " ", re.sub(r"[^\w\s'-]", "", n.title)).strip()[:80]
    if style == "notion":
        name = f"{name} {r.getrandbits(128):032x}"
    elif style not in ("obsidian", "bear", "logseq"):
        name = slug(name)
    return pathlib.Path(*parts, name + ".md")


def corpus_write(directory: pathlib.Path, n_notes: int, seed: int = 7) -> int:
    """Write n_notes Markdown notes under directory; return the total bytes written."""
    r, directory = random.Random(seed), pathlib.Path(directory)
    pools = {s: [make_entity(r, s) for _ in range(40)] for s in SUBJECTS}
    styles = list(STYLES) + [r.choice(list(STYLES)) for _ in range(n_notes - len(STYLES))]
    r.shuffle(styles)  # every style appears at least once when n_notes >= len(STYLES)
    total, used = 0, set()
    for style in styles[:n_notes]:
        subject = r.choice(list(SUBJECTS))
        target = min(12000, max(600, int(r.lognormvariate(math.log(2400), 0.5))))
        n = Note(r, subject, pools[subject], target)
        lines = STYLES[style](n)
        if style != "logseq" and r.random() < 0.3:
            lines = messify(n, lines, style)
        path, k = rel_path(n, style), 2
        while path in used:
            path, k = path.with_name(f"{path.stem.rsplit(' ~', 1)[0]} ~{k}.md"), k + 1
        used.add(path)
        data = ("\n".join(lines).strip("\n") + "\n").encode("utf-8")
        (directory / path).parent.mkdir(parents=True, exist_ok=True)
        (directory / path).write_bytes(data)
        total += len(data)
    return total


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description="Write a synthetic Markdown study-notes corpus.")
    p.add_argument("out_dir", type=pathlib.Path)
    p.add_argument("--notes", type=int, default=1000)
    p.add_argument("--seed", type=int, default=7)
    a = p.parse_args(argv)
    total = corpus_write(a.out_dir, a.notes, a.seed)
    print(f"wrote {a.notes} notes, {total:,} bytes to {a.out_dir}")


if __name__ == "__main__":
    main()

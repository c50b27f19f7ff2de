"""The merge stage: one topic model out of several notes."""

from __future__ import annotations

from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.merge import merge
from studyapp.knowledge.ingest.parse import parse


def _model(**notes):
    return merge({slug: extract(parse(text)) for slug, text in notes.items()})


def _topic(model, name):
    return next(t for t in model.topics if t.name == name)


def test_spellings_of_one_topic_are_one_topic_with_every_source():
    model = _model(
        a="# Serverless\n## **2. AWS Lambda**\n- Run on-demand\n",
        b="# Serverless\n## Lambda\n- Scaling is automated\n",
        c="# Serverless\n## AWS Lambda Limits\n- Memory: 128 MB - 10 GB\n",
        d="# Serverless\n**AWS Lambda**\n\n- Virtual functions\n",
    )
    lambdas = [t for t in model.topics if "Lambda" in t.name]
    assert len(lambdas) == 1
    lam = lambdas[0]
    assert {"AWS Lambda", "Lambda"} <= set(lam.aliases)
    facts = [f for f in model.facts if f.topic_key == lam.key]
    assert {s.note for f in facts for s in f.sources} == {"a", "b", "c", "d"}
    limits = next(f for f in facts if f.attribute == "Memory")
    assert limits.subheading == "Limits"
    assert _topic(model, "Serverless").key == lam.parent_key


def test_near_duplicate_facts_become_one_fact_citing_all_sources():
    model = _model(
        a="## AWS Lambda\n- **Max execution**: 900s (15 min)\n",
        b="## AWS Lambda limits to know - per region\n- Maximum execution time: 900 seconds (15 minutes)\n",
        c="### AWS Lambda Limits\n- Execution\n\t- max time : 900 Seconds (15 mins)\n",
    )
    timeouts = [f for f in model.facts if f.quantity_key == "900-900s"]
    assert len(timeouts) == 1
    assert sorted(s.note for s in timeouts[0].sources) == ["a", "b", "c"]
    # the wording most notes agree on is shown
    assert timeouts[0].attribute in {"Max execution", "Maximum execution time"}


def test_same_attribute_different_values_is_a_conflict():
    model = _model(
        a="## Edge\n- **CloudFront Functions** → Lightweight JS (sub-ms latency)\n### CloudFront Functions\n- JS\n",
        b="## Edge Computing\n- **CloudFront Functions**: Lightweight JS for CDN customisation (ms-scale latency)\n",
    )
    (conflict,) = model.conflicts
    assert conflict.attribute == "latency"
    assert sorted(conflict.values) == ["ms-scale", "sub-ms"]
    assert _topic(model, "CloudFront Functions").key == conflict.topic_key


def test_different_values_in_one_note_or_of_different_topics_are_not_conflicts():
    model = _model(
        a="## CloudFront Functions\n- max memory - 2MB\n## Lambda@Edge\n- max memory - 10GB\n",
    )
    assert model.conflicts == []


def test_markdown_table_becomes_a_comparison_with_cited_cells():
    model = _model(
        a=(
            "## Comparison – Lambda vs CloudFront Functions\n"
            "| Feature | **AWS Lambda** | **CloudFront Functions** |\n| --- | --- | --- |\n"
            "| **Runtime** | Many | **JavaScript only** |\n| **File System Access** | ✅ `/tmp` | ❌ Not supported |\n"
        )
    )
    (comparison,) = model.comparisons
    assert comparison.entities == ["AWS Lambda", "CloudFront Functions"]
    assert comparison.attributes == ["Runtime", "File System Access"]
    cell = next(
        c
        for c in comparison.cells
        if c.entity == "CloudFront Functions" and c.attribute == "File System Access"
    )
    assert cell.value == "❌ Not supported"
    assert (cell.sources[0].note, cell.sources[0].line) == ("a", 5)


def test_table_without_an_attribute_column_names_rows_by_their_shared_words():
    model = _model(
        a="| Amazon EC2 | Amazon Lambda |\n| --- | --- |\n| Limited by RAM and CPU | Limited by time |\n| Runs Continuously | Runs on demand |\n"
    )
    assert model.comparisons[0].attributes == ["Limited by", "Runs"]


def test_keys_are_stable_and_independent_of_unrelated_notes():
    first = _model(a="## Lambda\n- Memory: 128 MB - 10 GB\n", b="## DynamoDB\n- NoSQL database\n")
    second = _model(
        a="## Lambda\n- Memory: 128 MB - 10 GB\n",
        b="## DynamoDB\n- NoSQL database\n- Made of tables\n",
    )
    key = lambda m: {f.text: f.key for f in m.facts}  # noqa: E731
    assert key(first)["Memory: 128 MB - 10 GB"] == key(second)["Memory: 128 MB - 10 GB"]
    assert key(first)["NoSQL database"] == key(second)["NoSQL database"]


def test_a_merge_that_reuses_each_notes_own_work_equals_one_that_does_not():
    """merge memoises where each note's facts go and which of its sections compare, under its
    extraction's key and the merge's context (merge_memo): a second merge, and one after an
    edit that changes a note's lines or its headings, must equal a merge from nothing."""
    from pathlib import Path

    from studyapp.knowledge.ingest.merge_memo import forget

    # the five notes merge their sections' tables across notes and enrich them in place
    root = Path(__file__).parent.parent.parent
    texts = {
        str(p.relative_to(root)): p.read_text()
        for folder in (root / "content", root / "tests" / "fixtures" / "notes")
        for p in sorted(folder.rglob("*.md"))
    }

    def extractions(texts):
        out = {}
        for name, text in texts.items():
            ex = extract(parse(text), name=name)
            ex.key = f"{name}:{hash(text)}"
            out[name.replace("/", "-")] = ex
        return out

    def cold(texts):
        forget()
        return merge(extractions(texts))

    def shown(model):  # facts hold cycles (their variants), so compared by what they store
        facts = [
            (f.key, f.topic_key, f.kind, f.text, f.subheading, f.attribute, f.value, f.sources)
            for f in model.facts
        ]
        return model.comparisons, model.topics, model.conflicts, facts

    first = cold(texts)
    assert first.comparisons
    assert shown(merge(extractions(texts))) == shown(first)  # warm: every note from the memo
    one = sorted(texts)[len(texts) // 2]
    for edit in ("\n- Added later: 42 kg\n", "\n## Mitosis\n- Purpose: growth\n"):
        edited = {**texts, one: texts[one] + edit}
        merge(extractions(texts))  # warm the memo on the texts before the edit
        assert shown(merge(extractions(edited))) == shown(cold(edited))


def test_merging_leaves_the_extractions_as_they_were():
    """An ingest reuses a note's unpickled extraction in every later ingest of the process
    (knowledge.services): merging, warm or cold, must not change what it is given."""
    import pickle

    from studyapp.knowledge.ingest.merge_memo import forget

    texts = {
        "bio": "# Cells\n## Mitochondria\n- Function: makes ATP\n- Membranes: 2\n",
        "law": "# Contracts\n## Offer\n- Must be communicated\n## Acceptance\n- Mirror image rule\n",
        "lang": (
            "## Ser vs Estar\n| | Ser | Estar |\n| --- | --- | --- |\n"
            "| Use | identity | state |\n| Example | soy alto | estoy cansado |\n"
        ),
        "hist": "# Rome\n## Republic\n- Founded: 509 BC\n## Empire\n- Founded: 27 BC\n",
    }
    extractions = {}
    for slug, text in texts.items():
        extractions[slug] = extract(parse(text), name=slug)
        extractions[slug].key = slug
    before = {slug: pickle.dumps(e) for slug, e in extractions.items()}
    forget()
    merge(dict(extractions))  # cold
    merge(dict(extractions))  # warm: from the memo
    assert {slug: pickle.dumps(e) for slug, e in extractions.items()} == before


def test_a_patched_merge_equals_a_merge_from_nothing_after_each_kind_of_edit():
    """merge patches the last merge of the process when only some notes' lines changed (their
    names and headings as they were): it places those notes' facts again and merges again only
    the topics they touch. After each kind of edit, and each undone, a merge in the same process
    must equal a merge from nothing, facts' wordings, variants and order included."""
    import dataclasses
    from pathlib import Path

    from studyapp.knowledge.ingest import merge_memo

    root = Path(__file__).parent.parent.parent
    texts = {
        str(p.relative_to(root)).replace("/", "-"): p.read_text()
        for folder in (root / "content", root / "tests" / "fixtures" / "notes")
        for p in sorted(folder.rglob("*.md"))
    }

    made: dict = {}  # merging leaves an extraction as it was: one serves every merge

    def extractions(texts):
        out = {}
        for name, text in sorted(texts.items()):
            if (name, text) not in made:
                made[name, text] = extract(parse(text), name=name)
                made[name, text].key = f"{name}:{hash(text)}"
            out[name] = made[name, text]
        return out

    def shown(value):  # facts hold cycles (each is its own first variant): variants one deep
        if dataclasses.is_dataclass(value):
            return {
                f.name: [shown({**vars(v), "variants": None}) for v in value.variants]
                if f.name == "variants"
                else shown(getattr(value, f.name))
                for f in dataclasses.fields(value)
            }
        if isinstance(value, dict):
            return {k: shown(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [shown(v) for v in value]
        return value

    one, other = sorted(texts)[len(texts) // 2], sorted(texts)[1]
    first_line = next(line for line in texts[one].splitlines() if line.startswith("- "))
    edits = {
        "line added": {**texts, one: texts[one] + "\n- Added later: 42 kg\n"},
        "line changed": {**texts, one: texts[one].replace(first_line, first_line + " (edited)")},
        "line removed": {**texts, one: texts[one].replace(first_line + "\n", "", 1)},
        "two notes changed": {
            **texts,
            one: texts[one] + "\n- Added later: 42 kg\n",
            other: texts[other] + "\n- Also added: 7 days\n",
        },
        "heading renamed": {**texts, one: texts[one].replace("\n## ", "\n## Renamed ", 1)},
        "heading added": {**texts, one: texts[one] + "\n## Mitosis\n- Purpose: growth\n"},
        "note deleted": {k: v for k, v in texts.items() if k != one},
        "note added": {**texts, "zz-new.md": "# Mitosis\n## Phases\n- Prophase: first\n"},
    }
    merge_memo.forget()
    merge(extractions(texts))
    for label, edited in edits.items():
        for version in (edited, texts):  # the edit, then undone
            patched = merge(extractions(version))
            merge_memo.forget()
            assert shown(patched) == shown(merge(extractions(version))), label


def test_a_merge_patches_the_last_only_when_the_shared_context_is_as_it_was():
    from studyapp.knowledge.ingest import merge_memo

    texts = {
        "a": "# Cells\n## Mitochondria\n- Function: makes ATP\n",
        "b": "# Cells\n## Ribosome\n- Function: makes proteins\n",
    }

    def extractions(texts):
        out = {slug: extract(parse(text), name=slug) for slug, text in texts.items()}
        for slug, ex in out.items():
            ex.key = f"{slug}:{hash(texts[slug])}"
        return out

    merge_memo.forget()
    merge(extractions(texts))
    state = merge_memo.last_merge()
    merge(extractions({**texts, "b": texts["b"] + "- Size: 20 nm\n"}))
    assert merge_memo.last_merge() is state  # patched
    merge(extractions({**texts, "b": texts["b"].replace("Ribosome", "Ribosomes")}))
    assert merge_memo.last_merge() is not state  # a heading changed: merged anew

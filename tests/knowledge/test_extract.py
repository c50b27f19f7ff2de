"""The extract stage: candidate facts from one note, on snippets of the real notes."""

from __future__ import annotations

from studyapp.knowledge.ingest.extract import extract
from studyapp.knowledge.ingest.parse import parse
from studyapp.text.quantities import first_quantity


def _facts(text, kind=None):
    facts = extract(parse(text)).facts
    return [f for f in facts if kind is None or f.kind == kind]


def test_key_value_is_split_and_its_quantity_normalised():
    (fact,) = _facts(
        "## AWS Lambda limits\n- Maximum execution time: 900 seconds (15 minutes)\n", "key_value"
    )
    assert (fact.attribute, fact.value) == ("Maximum execution time", "900 seconds (15 minutes)")
    assert fact.quantity.key() == first_quantity("15 min").key()
    assert fact.headings == ("AWS Lambda limits",)
    assert fact.line == 2


def test_key_value_forms_seen_in_the_notes():
    text = (
        "## Limits\n"
        "- memory : 128 MB - 10 GB (1MB Increment)\n"
        "- Environment variables (4 KB)\n"
        "- max memory - 2MB\n"
        "- max item size is 400KB\n"
        "- **Scaling** → Seamless & automatic\n"
    )
    pairs = {(f.attribute, f.value) for f in _facts(text, "key_value")}
    assert ("memory", "128 MB - 10 GB (1MB Increment)") in pairs
    assert ("Environment variables", "4 KB") in pairs
    assert ("max memory", "2MB") in pairs
    assert ("max item size", "400KB") in pairs
    scaling = [f for f in _facts(text) if f.attribute == "Scaling"]
    assert scaling and scaling[0].value == "Seamless & automatic"


def test_value_first_items_take_their_attribute_from_the_parent():
    text = "## Limits\n- **Deployment**:\n    - 50 MB (zip, compressed)\n    - 250 MB (uncompressed with deps)\n"
    facts = _facts(text, "key_value")
    assert [(f.attribute, f.value) for f in facts] == [
        ("Deployment (zip, compressed)", "50 MB"),
        ("Deployment (uncompressed with deps)", "250 MB"),
    ]
    assert all(f.labels == () for f in facts)


def test_a_value_with_default_and_maximum_is_two_facts():
    facts = _facts("## Performance\n- Timeout: 3s default, max 900s (15 mins)\n", "key_value")
    assert [(f.attribute, f.quantity.display()) for f in facts] == [
        ("default Timeout", "3 s"),
        ("max Timeout", "15 min"),
    ]


def test_enumerations_from_bullets_with_short_children_and_from_sections():
    text = (
        "## Serverless Overview\n- **AWS Serverless Services**\n    - **Lambda Functions**\n"
        "    - **Fargate** (serverless containers)\n    - **API Gateway**\n"
        "## Serverless in AWS\n- AWS Lambda\n- DynamoDB\n- AWS Cognito\n"
    )
    enums = _facts(text, "enumeration")
    assert enums[0].subject == "AWS Serverless Services"
    assert enums[0].items == ("Lambda Functions", "Fargate (serverless containers)", "API Gateway")
    assert enums[1].subject == "Serverless in AWS" and enums[1].items == (
        "AWS Lambda",
        "DynamoDB",
        "AWS Cognito",
    )
    # the items of an enumeration are not also separate facts
    assert not [f for f in _facts(text, "statement") if f.text == "DynamoDB"]


def test_definitions_from_bold_terms_and_acronyms():
    text = "## Execution\n- **Event Object**: Input data from the triggering service\n- Creates ENI (Elastic Network Interface) in subnet.\n"
    defs = {(f.subject, f.value) for f in _facts(text, "definition")}
    assert ("Event Object", "Input data from the triggering service") in defs
    assert ("ENI", "Elastic Network Interface") in defs


def test_measures_inside_text_and_inline_cards():
    text = "## Edge\n- **CloudFront Functions** → Lightweight JS (sub-ms latency)\n- What is DAX?::An in-memory cache for DynamoDB\n"
    facts = _facts(text)
    latency = [f for f in facts if f.attribute == "latency"]
    assert latency and latency[0].value == "sub-ms" and latency[0].subject == "CloudFront Functions"
    (qa,) = [f for f in facts if f.kind == "qa"]
    assert (qa.attribute, qa.value) == ("What is DAX?", "An in-memory cache for DynamoDB")


def test_a_number_inside_a_name_is_no_measure():
    """'Apollo 11 retention …', 'Route 53 latency …': the number belongs to the name before it."""
    text = (
        "## Archives\n- Apollo 11 retention schedules are kept by the agency\n- 30 days retention\n"
    )
    retention = [f.value for f in _facts(text) if f.attribute == "retention"]
    assert retention == ["30 days"]


def test_emphasis_and_highlights_are_kept_for_cloze_cards():
    (fact,) = _facts("## DynamoDB\n- max item size is ==400KB== and **NoSQL**\n", "key_value")
    assert set(fact.emphasis) == {"400KB", "NoSQL"}


def test_tables_and_link_lists():
    text = "## Compare\n| Feature | A | B |\n|---|---|---|\n| Runtime | JS | Python |\n## References\n- [x](https://a.b)\n- [y](https://c.d)\n"
    extraction = extract(parse(text))
    assert extraction.tables[0].rows == [["Runtime", "JS", "Python"]]
    assert not [f for f in extraction.facts if f.headings[-1:] == ("References",)]


def test_languages_named_in_a_claim_are_a_fact_but_a_list_of_languages_is_not():
    boost = _facts(
        "## SnapStart\n- Pre-initializes functions for 10x performance boost (Java, .NET, Python)\n"
    )
    java11 = _facts("## SnapStart\n- Improves performance up to 10x for java 11 and above\n")
    assert [(f.attribute, f.value) for f in boost if f.attribute == "languages"] == [
        ("languages", "Java, .NET, Python")
    ]
    assert [(f.attribute, f.value) for f in java11 if f.attribute == "languages"] == [
        ("languages", "Java 11+")
    ]
    listing = _facts("## Language support\n- Node.js (Javascript)\n- Java (Java 8 compatible)\n")
    assert not [f for f in listing if f.attribute == "languages"]


def test_a_line_break_inside_a_bullet_separates_two_claims():
    facts = _facts("## DynamoDB\n- Item size: 400 KB<br>Max partition: 10 GB\n", "key_value")
    assert [(f.attribute, f.value) for f in facts] == [
        ("Item size", "400 KB"),
        ("Max partition", "10 GB"),
    ]


def test_a_capability_is_claimed_only_by_a_short_line_that_opens_with_it():
    from studyapp.knowledge.ingest.extract import extract
    from studyapp.knowledge.ingest.parse import parse

    note = (
        "# Lab sandbox\n\n- No internet access\n"
        "- Staff can configure firewall rules to control internet access to the lab machines\n"
    )
    facts = extract(parse(note), name="lab.md").facts
    claimed = [(f.attribute, f.value, f.line) for f in facts if f.attribute == "internet access"]
    assert claimed == [("internet access", "No", 3)]


def test_a_list_reads_as_the_count_its_label_states():
    # The third part of a 'three-part' test is 'fair, just and reasonable', not two parts.
    note = "## Negligence\n- Three-part test: foreseeability, proximity, fair just and reasonable\n"
    (enumeration,) = [f for f in extract(parse(note)).facts if f.kind == "enumeration"]
    assert enumeration.items == ("foreseeability", "proximity", "fair just and reasonable")
    # A label that states a count no reading of the list gives asks no list of that count.
    wrong = "## Estates\n- The two estates: clergy, nobility, commoners and serfs\n"
    assert not [f for f in extract(parse(wrong)).facts if f.kind == "enumeration"]


def test_bullets_that_go_on_from_their_parent_are_no_list_of_names():
    # Under a term, bullets that describe it or go on from it are notes, not its parts.
    note = (
        "## Verbs\n- **Subjunctive**\n    - Expresses doubt\n    - Formed from the stem\n"
        "    - But irregular in ser\n"
        "- Four humours:\n    - blood\n    - phlegm\n    - yellow bile\n    - black bile\n"
        "- The two houses:\n    - Lords\n    - Commons\n    - Crown\n"
    )
    facts = extract(parse(note)).facts
    enumerations = {f.subject: f.items for f in facts if f.kind == "enumeration"}
    assert enumerations == {"Four humours": ("blood", "phlegm", "yellow bile", "black bile")}
    assert "Expresses doubt" in [f.text for f in facts]

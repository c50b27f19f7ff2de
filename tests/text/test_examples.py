"""text.examples: a worked case's data told from the concept it illustrates, and a note's remarks
about its sources from facts. Every snippet is our own wording, in several subjects."""

from __future__ import annotations

import pytest

from studyapp.text import examples


@pytest.mark.parametrize(
    "value",
    [
        "42",
        "0.375",
        "-3",
        "1,204,511",
        "`$s2`",
        "0110 1001",
        "0x3F",
        "P · ¬Q",
        "(u, v)",
        "4, 9, 11",
        "arr[3]",
    ],
)
def test_a_cases_data(value):
    assert examples.example_data(value)


@pytest.mark.parametrize(
    "value", ["12 mm", "64 KB", "XOR", "mitochondria", "Yes", "the root of the tree", "3 weeks"]
)
def test_a_word_or_a_quantity_is_no_data(value):
    assert not examples.example_data(value)


@pytest.mark.parametrize(
    "context",
    [
        "Binary search · e.g., searching for 17",
        "Mergesort › Trace through the merge",
        "Sample run",
        "Q3",
        "Torts › Consider a driver who swerves",
        "Enzymes › Examples",
        "Recursion › Exercise 2",
        "Depreciation · Suppose a machine costs 900",
    ],
)
def test_a_heading_that_opens_a_worked_case(context):
    assert examples.example_heading(context)


@pytest.mark.parametrize(
    "context",
    [
        "Trace elements",
        "Sample size",
        "Examples of mutualism",
        "Request tracing",
        "Checks and balances",
    ],
)
def test_a_concept_that_shares_the_words(context):
    assert not examples.example_heading(context)


@pytest.mark.parametrize(
    "text",
    [
        "In this example the loop runs five times",
        "For the tree above, the height is 3",
        "In our example the treaty fails",
        "Here, the pivot is the last element",
    ],
)
def test_a_line_that_points_at_an_unseen_example(text):
    assert examples.refers_to_example(text)


def test_a_line_without_a_pointer():
    assert not examples.refers_to_example("The pivot splits the list into two halves")
    assert not examples.refers_to_example("Here is where the enzyme binds")


def test_one_individual_of_a_case_named_by_number():
    assert examples.numbered_instance("Thread 2 acquires the lock before thread 1")
    assert examples.numbered_instance("Patient 4 improved on the higher dose")
    assert examples.numbered_instance("The worker […] finishes last", "3")
    assert not examples.numbered_instance("Type 2 diabetes responds to metformin")
    assert not examples.numbered_instance("The pool keeps 8 threads alive")
    assert not examples.numbered_instance("The Article 5 guarantee binds members")


def test_a_number_asked_by_a_label_only_a_case_gives():
    assert examples.example_value("result", "42")
    assert examples.example_value("remainder", "`3`")
    assert not examples.example_value("remainder", "less than the divisor")
    assert not examples.example_value("offset", "12 bits")
    assert not examples.example_value("half-life", "8")


@pytest.mark.parametrize(
    "text",
    [
        "Chapter from Lena Ortiz's A History of Maps",
        "Guest speaker from the city council",
        "Lecture 6 (Oct 14) covers torts",
        "See slide 22 for the diagram",
        "Discussed on p. 118",
        "TODO: add the second theorem",
        "Review this later",
    ],
)
def test_a_remark_on_the_sources(text):
    assert examples.non_fact(text)


@pytest.mark.parametrize(
    "text",
    [
        "Contracts need an offer and an acceptance",
        "Pages are mapped to frames",
        "The page table maps pages",
        "todo el mundo: everybody",
    ],
)
def test_a_fact_is_no_remark(text):
    assert not examples.non_fact(text)


def test_an_exercises_task():
    assert examples.exercise_task("Show that the sum of two odd numbers is even")
    assert examples.exercise_task("Compute the present value at a rate of 5%")
    assert not examples.exercise_task("Calculate the anion gap from the sodium and chloride")
    assert not examples.exercise_task("Mitosis produces two identical cells")


def test_a_pasted_page_number():
    assert examples.page_artefact("the council met twice before […] the treaty was signed", "14")
    assert not examples.page_artefact("take the tablet […] a day", "3")
    assert not examples.page_artefact("humans have […] chromosomes", "46")


def test_a_blank_on_one_of_two_values():
    assert examples.given_binary("each bit is either […] or 1", "0")
    assert examples.given_binary("the signal is high or […]", "low")
    assert not examples.given_binary("the flag is set to […] on overflow", "1")
    assert not examples.given_binary("a vote needs […] majority", "simple")


def test_a_concept_stated_under_an_example_is_a_fact():
    context = "Heaps › Examples"
    assert not examples.example_card(
        "cloze", context, "A min-heap's root holds its […] key", "smallest"
    )
    assert examples.example_card("cloze", context, "After the insert the root holds […]", "7")


def test_a_question_on_a_cases_data():
    assert examples.example_question("Division · e.g., 17 by 5 — remainder? (give a number)", ["2"])
    assert examples.example_question("Trials — which did patient 2 receive?", ["placebo"])
    assert not examples.example_question("Division — remainder?", ["less than the divisor"])
    assert not examples.example_question("Humans — chromosomes? (give a number)", ["46"])


def test_a_calls_arguments_and_an_input_list_are_data():
    assert examples.example_data("log_file, 20, SEEK_END")
    assert examples.example_data("[8, -2, 15]")
    assert not examples.example_data("_undirected_")


def test_a_question_the_note_taker_asks():
    assert examples.note_question("Why would a court […] this?", "Why would a court allow this?")
    assert examples.example_card("cloze", "Courts", "Why would a court […] this?", "allow")
    assert not examples.note_question(
        "[…]: Where is the station?", "¿Dónde está la estación?: Where is the station?"
    )
    assert not examples.note_question(
        "Enzymes lower the […]", "Enzymes lower the activation energy"
    )


def test_the_examples_own_names_and_computed_values():
    assert examples.example_card("comparison", "Hashing", "Priya — bucket $g(k)$?", "417")
    assert examples.example_card("comparison", "Pointers", "buf2 — lives on?", "the heap")
    assert not examples.example_card("comparison", "Storage", "S3 — durability?", "eleven nines")
    assert not examples.example_card(
        "comparison", "Cell division", "Meiosis — daughter cells?", "4"
    )
    assert examples.example_question("Arrays — which of these are mutable?", ["arr1", "arr3"])
    assert examples.example_question("Which of these has account number 4,410,237?", ["Omar"])
    assert not examples.example_question("Platelets — lower limit?", ["150,000"])


def test_a_register_a_product_code_and_a_base_unit_are_no_example():
    assert not examples.example_question("$4 — name?", ["$a0"])
    assert not examples.example_question("Disks — cheap cold storage?", ["sc1"])
    assert not examples.example_question("Archive — minimum duration? (give a number)", ["7776000"])


def test_a_sample_case():
    assert examples.sample_case("A 34-year-old carpenter presents with a painful swollen knee")
    assert examples.sample_case("Case: an 8-year-old girl is brought in after a fall")
    assert not examples.sample_case("In this patient, the low sodium points to the diuretic")
    assert not examples.sample_case("The rash spares the palms, as seen in this patient")
    assert not examples.sample_case("A 12-month-old typically walks with support")
    assert not examples.sample_case("Screening starts at 45 years old for most adults")

"""A question whose own words point at its key is held back."""

from studyapp.quizzes import spec
from studyapp.quizzes.generate.quality import GIVEAWAY_PENALTY, given_away


def _q(kind, prompt, answers, options=(), items=()):
    return spec.QuestionSpec("k", kind, prompt, tuple(answers), tuple(options), tuple(items))


def test_only_the_key_repeats_the_asked_word():
    q = _q(
        spec.CHOICE,
        "Photosynthesis — light absorption?",
        ["chlorophyll absorbs light in the red and blue bands"],
        [
            "chlorophyll absorbs light in the red and blue bands",
            "stomata close at night",
            "roots take up nitrates",
        ],
    )
    assert given_away(q) == GIVEAWAY_PENALTY


def test_every_option_repeating_the_word_is_a_fair_question():
    q = _q(
        spec.CHOICE,
        "Photosynthesis — light absorption?",
        ["red and blue light"],
        ["red and blue light", "green light", "ultraviolet light"],
    )
    assert given_away(q) == 0.0


def test_a_matching_item_naming_its_own_match():
    q = _q(
        spec.MATCHING,
        "Contract law: match each statement to its stage.",
        ["Formation", "Damages"],
        ["Formation", "Damages"],
        [
            "A contract exists once acceptance reaches the offeror",
            "Damages put the injured party where performance would have left them",
        ],
    )
    assert given_away(q) == GIVEAWAY_PENALTY


def test_an_answer_that_only_restates_the_asked_label():
    short = _q(
        spec.SHORT,
        "Renaissance art › Workshops — apprentice contracts?",
        ["the apprentice contracts used"],
    )
    fact = _q(spec.SHORT, "Renaissance art › Workshops — apprentice age?", ["about twelve"])
    stated = _q(
        spec.TRUEFALSE,
        "True or false: Workshops — apprentice contracts: a list of apprentice contracts",
        ["true"],
    )
    assert given_away(short) == GIVEAWAY_PENALTY and given_away(stated) == GIVEAWAY_PENALTY
    assert given_away(fact) == 0.0


def test_a_label_that_only_says_where_its_line_stands_is_unreadable():
    from studyapp.quizzes.generate.quality import UNREADABLE_PENALTY, unreadable

    positional = _q(spec.SHORT, "Heap sort — second?", ["sift the root down"])
    named = _q(spec.SHORT, "Heap sort — second phase?", ["sift the root down"])
    assert unreadable(positional) == UNREADABLE_PENALTY and unreadable(named) == 0.0


def test_a_code_name_asked_for_the_meaning_its_words_spell():
    # stop 39: 'max_depth' asked for 'the maximum depth of the tree' reads out its answer
    choice = _q(
        spec.CHOICE,
        "Decision trees · settings — max_depth?",
        ["the maximum depth of the tree"],
        ["the maximum depth of the tree", "the number of trees", "the learning rate"],
    )
    assert given_away(choice) == GIVEAWAY_PENALTY
    stated = spec.QuestionSpec(
        "k",
        spec.TRUEFALSE,
        "True or false: Decision trees · settings — max_depth: the number of trees",
        ("false",),
        explanation="max_depth: the maximum depth of the tree",
    )
    assert given_away(stated) == GIVEAWAY_PENALTY
    # a code name whose meaning says something its words do not is a fair question
    fair = _q(
        spec.CHOICE,
        "Decision trees · settings — min_samples_leaf?",
        ["fewest rows a leaf may hold"],
        ["fewest rows a leaf may hold", "the number of trees", "the learning rate"],
    )
    assert given_away(fair) == 0.0

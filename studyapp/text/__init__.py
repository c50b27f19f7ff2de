"""Text helpers every app shares, with no Django in them: names and stable keys, quantities and
units, answers and numbers, seeded randomness, the wording of prompts, and the lexicon (every word
list the heuristics use). Everything here is a pure function of its arguments."""

"""Every word list and word pattern the ingest heuristics read, in one place.

Each constant says what it is for, which heuristic reads it, and whether it is
- language-general: true of English study notes on any subject, or
- subject-specific: true of the AWS notes this app was built on (vendor names, the limits of AWS
  Lambda, what edge functions are compared on). These are listed here so that they are visible;
  the plan is to replace them with mechanisms that learn the same from the notes themselves.

Pure: no Django. Patterns are compiled here so that every reader shares one object.
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------------------------------------
# Names and attributes (studyapp.text.names; read by merge, compare and the quiz generator)

# Vendor words a name may start with: 'AWS Lambda' and 'Lambda' are one topic. Read by
# names.name_tokens (dropped before a name's key is taken) and merge_topics.aspect_text (skipped
# before a heading's aspect words). Subject-specific.
VENDOR_PREFIXES = ("aws", "amazon")

# How a heading asks about its topic: 'What is DynamoDB?' is DynamoDB. Read by
# names.name_tokens. Language-general.
QUESTION_PREFIX = re.compile(r"^(?:what\s+is|what's|what’s|what\s+are|intro(?:duction)?\s+to)\s+")

# Words that carry no meaning in an attribute or a phrase ('Memory of the function' ~ 'Memory').
# Read by names.attribute_stems and names.content_stems (via STOP_WORDS). Language-general.
ENGLISH_STOP_WORDS = frozenset(
    "a an the of in on for to per and or with by is are be can at from as it its this that your"
    " you".split()
)
# The notes' own subject and vendor as stop words ('Lambda memory' ~ 'memory'), and 'size'
# ('Memory size' ~ 'Memory'). Read with ENGLISH_STOP_WORDS. Subject-specific.
SUBJECT_STOP_WORDS = frozenset({*VENDOR_PREFIXES, "lambda", "function", "functions", "size"})
STOP_WORDS = ENGLISH_STOP_WORDS | SUBJECT_STOP_WORDS

# Spellings of one attribute word ('Max RAM' ~ 'maximum memory'); '' drops the word. Read by
# names.attribute_stems (via ATTRIBUTE_SYNONYMS). Language-general: abbreviations.
GENERAL_ATTRIBUTE_SYNONYMS = {
    "ram": "memory",
    "env": "environment",
    "vars": "variable",
    "var": "variable",
    "maximum": "max",
    "minimum": "min",
    "concurrent": "concurrency",
    "mins": "min",
}
# The same for the words the notes use for AWS Lambda's limits ('Timeout' is the max execution
# time, '/tmp' and 'ephemeral storage' are the disk). Subject-specific.
SUBJECT_ATTRIBUTE_SYNONYMS = {
    "allocation": "",
    "timeout": "execution",
    "time": "execution",
    "ephemeral": "disk",
    "tmp": "disk",
    "capacity": "",
}
ATTRIBUTE_SYNONYMS = {**GENERAL_ATTRIBUTE_SYNONYMS, **SUBJECT_ATTRIBUTE_SYNONYMS}

# Attribute stems that qualify a limit rather than name it ('max memory' and 'default memory' are
# both about memory). Read by compare.row_key, merge_facts (same fact, conflicts) and the quiz
# generator. Language-general.
QUALIFIERS = frozenset({"max", "min", "default", "up"})

# ---------------------------------------------------------------------------------------------
# Quantities (studyapp.text.quantities)

# Unit spellings -> (base unit, factor to base, canonical spelling). Read by
# quantities.find_quantities. Language-general. Not "us" for microseconds: "3 US regions".
UNIT_SPELLINGS = (
    ("µs microsecond microseconds", "s", 1e-6, "µs"),
    ("ms millisecond milliseconds msec", "s", 1e-3, "ms"),
    ("s sec secs second seconds", "s", 1, "s"),
    ("min mins minute minutes", "s", 60, "min"),
    ("h hr hrs hour hours", "s", 3600, "h"),
    ("day days", "s", 86400, "days"),
    ("yr yrs year years", "s", 365 * 86400, "years"),
    ("b byte bytes", "B", 1, "B"),
    ("kb", "B", 1024, "KB"),
    ("mb", "B", 1024**2, "MB"),
    ("gb", "B", 1024**3, "GB"),
    ("tb", "B", 1024**4, "TB"),
)
# Words after a number that multiply it ('1M', '2 billion'). QUANTITY_MULTIPLIERS is what the
# quantity pattern accepts; MULTIPLIERS their factors. Read by quantities.find_quantities.
# Language-general.
QUANTITY_MULTIPLIERS = ("k", "m", "million", "billion")
MULTIPLIERS = {"k": 1e3, "m": 1e6, "million": 1e6, "millions": 1e6, "b": 1e9, "billion": 1e9}
# What comes just before a rate's denominator ('$0.40 per 1M requests'): the number after it
# says per how many, it is no amount of its own. Read by quantities.find_quantities (on the
# few characters before a number). Language-general.
RATE_DENOMINATOR = re.compile(r"(?:^|\W)(?:per|every)\s+$", re.I)
# What introduces an example ('e.g. 30 s', 'such as 5 min'): a value's quantity comes before
# it. Read by quantities.first_quantity. Language-general.
# A line or a label that opens on an example or a restatement ('e.g., from …', 'i.e. the index
# at which …', 'For example: …'): what it says illustrates a claim another line makes. Read by
# decks.quality and knowledge.ingest.compare. Language-general (English).
EXAMPLE_OPENING = re.compile(
    r"[\s*_]*(?:e\.\s?g\.|eg\b|i\.\s?e\.|for (?:example|instance)\b)", re.I
)
EXAMPLE_MARKER = re.compile(r"\be\.\s?g\.?|\beg\b|\bfor (?:example|instance)\b|\bsuch as\b", re.I)
# What joins the two ends of a range ('128 MB - 10 GB', '1 to 5 min'). Read by
# quantities.find_quantities. Language-general.
RANGE_SEPARATOR = re.compile(r"^\s*(?:-|–|—|to|up to)\s*", re.I)

# ---------------------------------------------------------------------------------------------
# Extraction (studyapp.knowledge.ingest.extract, extract_key_values, extract_claims)

# Section titles whose items are link lists, not knowledge. Read by extract.extract.
# Language-general.
# What a course page says it will teach ('Learning objectives: sketch a circuit from its
# specification', 'Agenda'): the goals of a lesson, no facts; as a section or as a label over
# its lines. Read by extract (and SKIPPED_SECTIONS). Language-general (English).
COURSE_GOAL_TITLES = frozenset(
    {"learning objectives", "objectives", "learning outcomes", "outcomes", "learning goals"}
    | {"goals", "agenda", "today's agenda", "today’s agenda", "plan for today"}
    | {"what you will learn", "what you'll learn", "by the end of this lecture"}
)
SKIPPED_SECTIONS = frozenset(
    {"references", "links", "resources", "see also", "further reading", "sources", "related"}
    | {"related notes", "related topics", "next", "previous", "backlinks", "bibliography"}
    | {"contents", "table of contents", "toc", "in this note", "on this page"}
    | COURSE_GOAL_TITLES
)

# Lines that are no fact to learn, whatever the subject. Read by extract_nonfacts.non_fact.
# Language-general (English): how notes and pasted chats say these things.
# - Who speaks in a pasted chat transcript ('You said:', 'ChatGPT said:'); the user's turn is a
#   prompt, not knowledge, so USER_SPEAKER also starts a run of lines to skip.
CHAT_SPEAKER = re.compile(
    r"^(?:you|user|me|i|chatgpt|gpt[-\w.]*|assistant|claude|gemini|copilot|bard|bing|ai)"
    r"\s+(?:said|wrote|asked)\b\s*:?\s*",
    re.I,
)
USER_SPEAKER = re.compile(r"^(?:you|user|me|i)\s+(?:said|wrote|asked)\b", re.I)
# - An assistant's pleasantries around its answer ('Sure! Here's…', 'Let me know if…').
CHAT_FILLER = re.compile(
    r"^(?:sure|certainly|absolutely|of course|great question|good question|okay|ok)\b\s*[!,.]"
    r"|\blet me know if\b|\bi hope (?:this|that|it) helps\b|\bwould you like me to\b"
    r"|\bfeel free to (?:ask|reach out)\b|\bhappy to help\b|\bhope this clarifies\b",
    re.I,
)
# What CHAT_FILLER cannot match without, in lower case: one of its phrases anywhere, or one of
# its openers at the start (`patterns.may_match`, asked first by extract_nonfacts.non_fact:
# most lines hold none of them). Keep it in step with the pattern.
CHAT_FILLER_NEEDS = (
    ("let me know if", "hope", "would you like me to", "feel free to", "happy to help"),
    ("sure", "certainly", "absolutely", "of course", "great question", "good question", "ok"),
)
# - Course logistics: where the lesson is, what is due, what to click in a demo.
COURSE_LOGISTICS = re.compile(
    r"\b(?:next|previous|upcoming|today'?s|last)\s+(?:lesson|lecture|video|session|class|module"
    r"|week|chapter|section)\b"
    r"|\bin (?:this|the next|the previous|today'?s|the last) (?:video|lecture|lesson|session"
    r"|course|clip)\b"
    r"|\b(?:homework|assignments?|projects?|quiz|exam|essay|lab|problem set)s?"
    r"(?:\s+#?\d+)?\s+(?:is\s+|are\s+)?due\b|\bdue (?:on|by|next)\b"
    r"|\bsee you (?:next|in|tomorrow|then)\b|\boffice hours\b"
    r"|\b(?:like and subscribe|subscribe to (?:my|our|the) channel)\b"
    r"|^(?:demo|hands-on|lab)\s*[:\-–—]|^(?:click|tap|go to|navigate to)\b",
    re.I,
)
# What COURSE_LOGISTICS cannot match without (read the same way): the word of what is next or
# due (every other alternative names one), or an opener of a demo's step.
COURSE_LOGISTICS_NEEDS = (
    (
        *("lesson", "lecture", "video", "session", "class", "module", "week", "chapter"),
        *("section", "course", "clip", "due", "see you", "office hours", "subscribe"),
    ),
    ("demo", "hands-on", "lab", "click", "tap", "go to", "navigate to"),
)
# - A note's own metadata ('Date: 2024-03-02', 'Author: …', 'Last edited …', 'Tags: …').
METADATA_LINE = re.compile(
    r"^(?:date|dated|authors?|written by|created(?: at| on| by)?|updated(?: at| on)?"
    r"|last (?:edited|updated|modified|reviewed)(?: on| by)?|modified|edited|tags?|aliases"
    r"|instructor|lecturer|teacher|professor|prof|ta|teaching assistants?|tutor|room|location"
    r"|section|lecture section|tutorial section|course code|course|term|semester|email"
    r"|office|office hours|syllabus|textbook|prerequisites?|credits?|week|lecture"
    r"|learning (?:objectives?|outcomes?|goals?)|agenda)"
    r"\s*[:\-–—]\s*\S"
    r"|^last (?:edited|updated|modified)\b",
    re.I,
)
# - A line that is only a date ('2024-03-02', '02/03/2024, 10:15'). A date with content after
#   a colon ('1945-05-08: Germany surrenders') is a fact of history and stays.
# - A cross-reference to another note or section ('See also: Mitosis', 'Recall: Kruskal's
#   algorithm', 'Cf. the Treaty of Paris', 'Refer to Chapter 3', 'Prereq: Cell biology',
#   'Linked: Tort law'): it points, it states nothing.
CROSS_REFERENCE = re.compile(
    r"^(?:(?:see(?:\s+also)?|cf\.?|refer to)\s*[:\-–—]?\s+\S"
    r"|(?:recall|related(?: notes?| topics?)?|links?|linked(?: notes?| to)?|backlinks?"
    r"|prereqs?|prerequisite notes?)"
    r"\s*[:\-–—]\s*\S)",
    re.I,
)
# - An entry of a reading list or a bibliography ('Wilkinson, D. (2017). Is there such a thing
#   as animism? Journal of Religion, 85(2), 289-311', 'Smith J, Lee K (2019) Title. Nature
#   567:12–18'): a year in brackets after the authors, then a volume and its pages; nothing
#   in it is a fact to recall.
REFERENCE_ENTRY = re.compile(
    r"\(\s*(?:1[6-9]|20)\d\d[a-z]?\s*\)\.?\s.*\b\d+\s*(?:\(\s*\d+\s*\))?\s*[,:]\s*"
    r"(?:pp?\.\s*)?\d+\s*[-–]\s*\d+"
)
# - A recap or a plan of the lecture ('Last time: Preformationism', 'Next week: mitosis',
#   'Today: …'): what the course did or will do, not what it teaches.
RECAP_LINE = re.compile(
    r"^(?:last|next|previous|this)\s+(?:time|week|lecture|class|lesson|session)\s*[:\-–—]"
    r"|^(?:today|previously|coming up)\s*[:\-–—]",
    re.I,
)
# - A figure's, table's or graph's caption ('Figure 17.2: Blood flow through the heart',
#   'Graph 4: Three components', 'Table 2 - Treaty signatories'): it describes a picture the
#   card does not show.
FIGURE_CAPTION = re.compile(
    r"^(?:fig(?:ure)?\.?|graph|table|image|diagram|chart|plate|map|illustration|photo|exhibit)"
    r"\s+\d+(?:[.\-]\d+)*[a-z]?\s*[:.\-–—]",
    re.I,
)
# - A table of a course's sections, times, rooms and teachers: its header names a teaching
#   role or a course section, and a time or a place. Read by extract_nonfacts.
LOGISTICS_ROLES = frozenset(
    "instructor instructors professor professors prof lecturer lecturers teacher teachers ta tas"
    " tutor tutors section sections tutorial tutorials lec tut".split()
)
LOGISTICS_PLACES_TIMES = frozenset(
    "time times day days hours schedule location locations room rooms building when where"
    " office".split()
)
DATE_ONLY = re.compile(
    r"^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})(?:[ ,T]+\d{1,2}:\d{2}(?::\d{2})?)?$"
)
# - A task-list checkbox ('[ ] Review chapter 3'): a to-do, unless it reads as a key and value.
CHECKBOX = re.compile(r"^\[[ xX]\]\s+")

# A parenthesis that cites a source rather than states a measure: '(Mayr, 1942)', '(2016a,
# p. 12)', '(p. 315)'; and a bare year, which cites when it follows an author ('Adelman
# (2018)', 'Smith et al. (2016)': CITED_BY) but dates an event after a longer name ('Treaty of
# Paris (1763)'). Nothing to learn in a page or a citation's year. Read by
# extract_key_values.key_value. Language-general (how writers cite).
CITATION = re.compile(
    r"^(?:[A-Z][\w'’-]+(?:\s+et\s+al\.?)?,\s+(?:c\.\s*)?(?:1[5-9]|20)\d\d[a-z]?"
    r"|(?:1[5-9]|20)\d\d[a-z]?\s*[,;:]\s*pp?\.?\s*\d+(?:\s*[-–]\s*\d+)?"
    r"|pp?\.\s*\d+(?:\s*[-–]\s*\d+)?)$"
)
YEAR = re.compile(r"^(?:c\.\s*)?(?:1[5-9]|20)\d\d[a-z]?$")
CITED_BY = re.compile(r"(?:^[A-Z][\w'’-]+|\bet\s+al\.?|\band\s+[A-Z][\w'’-]+)$")

# 'Memory is 128 MB', 'Max size = 10 GB': a key, then is/are/=, then a value with a number.
# Read by extract_key_values.key_value. Language-general.
KEY_IS_QUANTITY = re.compile(r"^(?P<key>.{3,50}?)\s+(?:is|are|=)\s+(?P<value>.*\d.*)$", re.I)
# Words that make a would-be key a clause rather than a label: 'Servers still exist → But
# abstracted away', 'Developers don't manage servers → deploy code'. A key is a short noun
# phrase. CLAUSE_WORDS may stand anywhere in it (auxiliaries, modals, negations, clause
# adverbs); CLAUSE_OPENERS only first (subject pronouns, conjunctions), and a value that opens
# with a conjunction continues a sentence. Read by extract_key_values.label_key.
# Language-general (English).
CLAUSE_WORDS = frozenset(
    "is are was were am be been being do does did don't doesn't didn't can can't cannot could"
    " will won't would should shouldn't must mustn't may might has have had hasn't haven't"
    " isn't aren't wasn't weren't still already never always just also".split()
)
# Words that open a question ('How?', 'Why use it?', 'What it does'). Read by
# extract_key_values.label_key and names.generic_heading. Language-general (English).
QUESTION_WORDS = frozenset("what how why when where which who whom whose".split())
CLAUSE_OPENERS = frozenset(
    "i you he she we they but and so because if when while although though then yet or"
    " therefore however not never".split()
)
# The verbs that make a bullet a sentence rather than one of a list's parts ('Stack contents are
# dumped', 'M4 is a good choice'); 'can change AZ', 'has low variance' stay parts of a list of
# what something can do or has. Read by extract._is_clause. Language-general (English).
SENTENCE_VERBS = frozenset("is are was were will would isn't aren't wasn't weren't won't".split())
# A would-be key that points back at what the note said before ('This time: reads 10 bytes',
# 'Now: the parent waits', 'Since there are 32 registers', 'Same way: …') names nothing a card
# could ask about out of its place. Read by extract_key_values.label_key (first word only).
# Language-general (English).
DEICTIC_OPENERS = frozenset("this that these those now here there since same such also".split())
# Words a line points with at what another line shows ('Note that this is …', 'such cases').
# Read by blanks.end_focus_blank. Language-general (English).
POINTERS_IN_LINE = frozenset("this these those such above below following".split())
# Words a sentence opens with to point back at the one before it ('It is caused by …', 'This
# gives …', 'They mature in …'): cut out of its paragraph such a sentence says nothing, so a
# cloze on it keeps the sentence before. Read by decks.generate. Language-general (English).
BACK_REFERENCES = frozenset(
    "it its they their them he she his her this these those such both thus hence".split()
)
# A numbered step ('1. Open the console: search for Lambda') starts with an instruction verb;
# such a line is a step, not a key and a value. A key 'Step 3' names a position. Read by
# extract (numbered items) and extract_key_values.label_key. Language-general (English).
STEP_VERBS = frozenset(
    "open click go select choose create run add enter type install navigate press set"
    " configure copy paste save upload download deploy write check verify test start stop"
    " restart log sign attach define call build import export launch connect mix heat pour cut"
    " measure record draw label calculate find look read repeat wait remove delete edit update"
    " make put take use apply fill submit review compare identify place turn switch".split()
)
# Verbs a line opens with to say what its topic does to a list of things, with no subject of
# its own ('Supports Java, Python and Go', 'Produces ATP, NADH and FADH2', 'Included Prussia,
# Austria and Russia'): a closed list, so that a plural noun ('Databags exist at …', 'Updates
# include …') is never taken for one. Language-general (English): read by text.blanks.verb_list.
LIST_VERBS = frozenset(
    "supports supported includes included contains contained produces produced causes caused"
    " uses used requires required needs needed integrates integrated covers covered offers"
    " offered provides provided comprises comprised involves involved affects affected treats"
    " treated inhibits inhibited stimulates stimulated regulates regulated secretes secreted"
    " forms formed joined joins replaced replaces allows allowed enables enabled handles"
    " handled targets targeted protects protected lists listed".split()
)
# Verbs a line with no subject of its own opens with to say what its topic does to a named
# thing ('Outputs a Kinesis Video Stream', 'Needs the SMS Connector', 'Activates Protein
# kinase A'): the list verbs and more. Language-general (English): read by
# text.blanks.object_blank.
PREDICATE_VERBS = LIST_VERBS | frozenset(
    "outputs creates created migrates migrated stores stored sends sent runs ran converts"
    " converted returns returned generates generated moves moved loads loaded replicates"
    " replicated encrypts encrypted triggers triggered binds bound carries carried transports"
    " transported releases released activates activated blocks blocked connects connected"
    " defeated founded signed ended started led ruled built wrote invented discovered".split()
)
# What a line with no subject of its own may open with before its verb ('can read from HDFS',
# 'must be encrypted at rest'), and the particles that end the verb's phrase ('treated with',
# 'located in', 'leads to'). Read by text.blanks.predicate. Language-general (English).
MODAL_VERBS = frozenset("can could may might must will should".split())
# First words of a line that says what can, must or cannot be ('cannot decrease storage', 'should
# not be given with …'): a property, never what a term is. Read by prompts.opens_on_modal.
# Language-general (English).
MODAL_OR_NEGATION_OPENERS = MODAL_VERBS | frozenset("not never no cannot can't".split())
VERB_PARTICLES = frozenset(
    "with by in on to for from into onto as at of via through over under between against".split()
)
# Verbs too light to ask by ('— can use?', '— need to?', '— can get?'): what they say is in the
# words after them. Read by text.blanks.predicate. Language-general (English).
LIGHT_VERBS = frozenset(
    "use uses used get gets got have has had do does did make makes help helps want wants try"
    " tries see sees go goes need needs needed able easily also".split()
)
# Verbs whose 'to' names where they go ('Leads to kidney failure', 'Binds to albumin'); after
# another verb 'to' opens a purpose ('blocks to wait for …'). Read by text.blanks.predicate.
# Language-general (English).
TO_VERBS = frozenset(
    "lead leads led contribute contributes bind binds convert converts belong belongs refer"
    " refers point points map maps respond responds apply applies connect connects send sends"
    " migrate migrates progress progresses return returns spread spreads deliver delivers"
    " travel travels attach attaches".split()
)
# Past participles that do not end in -ed ('Found in the liver', 'Made of keratin', 'Known as
# …'). Read by text.blanks.predicate. Language-general (English).
IRREGULAR_PARTICIPLES = frozenset(
    "found made known seen given taken held built written shown drawn grown kept sold paid bound"
    " driven run sent brought led spread split shed set put hidden bred fed born worn".split()
)
STEP_LABEL = re.compile(r"^(?:step|stage|phase)\s*\d+[a-z]?$|^\d+$", re.I)

# Qualifiers of one part of a split value ('3s default, max 900s'), before or after it. Read by
# extract_key_values.split_qualified. Language-general.
QUALIFIED_BEFORE = re.compile(
    r"^(?P<q>max(?:imum)?|min(?:imum)?|default|up to)\s+(?P<rest>.+)$", re.I
)
QUALIFIED_AFTER = re.compile(r"^(?P<rest>.+?)\s+(?P<q>default|by default|max)$", re.I)

# 'Network Load Balancer (NLB)': capitalised words (and the small words English puts between
# them) before an acronym. Read by extract_claims.acronym_definitions. Language-general.
EXPANSION_THEN_ACRONYM = re.compile(
    r"\b(?P<exp>[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|as|a|of|for|and)){1,6})\s*\((?P<acr>[A-Z]{2,6})\)"
)

# "<value> <measure>" fragments such as "sub-ms latency", "24 hour retention", "5 minutes TTL":
# the measures the notes compare edge and serverless functions on; a value starts a word
# ('Na/H2O retention' holds no '2O'). Read by
# extract_claims.measures. Subject-specific.
MEASURE = re.compile(
    r"(?<![\w.])(?P<value>(?:sub-|< ?)?"
    r"(?:\d[\d,.]*(?:\s?[-–]\s?\d[\d,.]*)?\s?[a-zµ]*|ms|microseconds?|single-digit millisecond)"
    r"(?:-scale)?)\s+(?P<attr>latency|startup times?|retention|ttl)\b",
    re.I,
)

# What MEASURE cannot match without (`patterns.may_match`, asked first by
# extract_claims.measures). Keep it in step with the pattern.
MEASURE_NEEDS = ("latency", "startup", "retention", "ttl")

# Capability claims a statement makes, as (attribute, pattern): 'No network access' -> network
# access: No; 'Author your functions in one AWS Region (us-east-1)' -> authoring region:
# us-east-1. ACCESS_CLAIM's attribute follows what is accessed ('file system access'). Read by
# extract_claims.claims; CLAIM_ROWS shows them as table rows. Subject-specific: what the notes
# compare Lambda@Edge and CloudFront Functions on, and AWS's region codes.
ACCESS_CLAIM = (
    "access",
    re.compile(r"\b(no |without )?(network|file[- ]?system|internet)\s+access\b", re.I),
)
BODY_ACCESS_CLAIM = (
    "request body access",
    re.compile(r"\b(no |without )?access to the body of (?:the )?(?:http )?requests?\b", re.I),
)
REGION_CLAIM = (
    "authoring region",
    re.compile(r"\bauthor\w*\b.*?\bregion\b\s*\(([a-z]{2}-[a-z]+-\d)\)", re.I),
)
SCALE_CLAIM = (
    "scale",
    re.compile(
        r"\b(millions|thousands|1000s|hundreds|100s)\s+of\s+requests?\s*(?:/|per\s+)"
        r"(?:s|sec|second)\b",
        re.I,
    ),
)
# What ACCESS_CLAIM, BODY_ACCESS_CLAIM, REGION_CLAIM and SCALE_CLAIM cannot match without
# (`patterns.may_match`, asked first by extract_claims.claims). Keep it in step with them.
CLAIM_NEEDS = ("access", "region", "request")
# How SCALE_CLAIM's amounts are written out ('1000s' -> 'thousands'). Language-general.
SCALE_AMOUNTS = {"1000s": "thousands", "100s": "hundreds"}

# Programming languages, as notes spell them -> one spelling. Read by extract_claims.languages.
# Subject-specific to notes on software (general knowledge, not AWS's).
LANGUAGE_NAMES = {
    "java": "Java", "python": "Python", "node.js": "Node.js", "nodejs": "Node.js",
    "node": "Node.js", "javascript": "JavaScript", "js": "JavaScript", "typescript": "TypeScript",
    ".net": ".NET", "go": "Go", "golang": "Go", "ruby": "Ruby", "c#": "C#",
    "powershell": "PowerShell", "rust": "Rust",
}  # fmt: skip
# The languages a claim about languages may name (longer names first: 'javascript' before
# 'java'). Subject-specific, as LANGUAGE_NAMES.
LANGUAGE = (
    r"(?:node\.js|nodejs|javascript|typescript|java|python|\.net|golang|ruby|c#|powershell|rust)"
)
_LANGUAGE_ITEM = rf"{LANGUAGE}(?:\s?\d+(?:\s+and\s+above|\+)?)?"
# A list of languages: '(Java, .NET, Python)', 'for java 11 and above', 'written in Go or Rust'.
# Read by extract_claims.languages. The connecting words are language-general.
LANGUAGE_LIST = re.compile(
    rf"(?:\(|\b(?:for|in|written in)\s+)"
    rf"(?P<list>{_LANGUAGE_ITEM}(?:\s*(?:,|/|and|or|&)\s*{_LANGUAGE_ITEM})*)"
    r"(?:\)|\b|$)",
    re.I,
)
# What LANGUAGE_LIST cannot match without (`patterns.may_match`, asked first by
# extract_claims.languages): a language's name. Keep it in step with LANGUAGE.
LANGUAGE_NEEDS = (
    *("node", "java", "typescript", "python", ".net", "golang", "ruby", "c#", "powershell"),
    "rust",
)
# What separates the languages of such a list, and a version's 'and above' (written '+').
# Read by extract_claims.languages. Language-general.
LANGUAGE_LIST_SEPARATOR = re.compile(r"\s*(?:,|/|\band\b(?!\s+above)|\bor\b|&)\s*")
AND_ABOVE = re.compile(r"\s*and above$")
# The attribute such a claim is stored under (CLAIM_ROWS shows it as 'Languages').
LANGUAGES_ATTRIBUTE = "languages"
# The attribute of another name a line gives ('aka rubeola', 'also called the Krebs cycle').
ALIAS_ATTRIBUTE = "Also known as"

# ---------------------------------------------------------------------------------------------
# Comparisons (studyapp.knowledge.ingest.compare, merge_comparisons)

# Row-name stems that mean one row ('Runtime' and 'languages', 'Scaling' and 'scale'). Read by
# compare.row_key. Subject-specific: how the notes word the rows of their Lambda tables. ('scales'
# is no stem row_key makes, as 'scales' is singular 'scale' first. Kept as it was.)
ROW_SYNONYMS = {
    "runtim": "langua",
    "writte": "langua",
    "scalin": "scale",
    "scales": "scale",
    "latenc": "execut",
    "startu": "start",
}

# Words two block titles or two bullets may share without being about the same thing. Read by
# compare (parallel titles, aligned bullets, via FILLER_WORDS). Language-general.
GENERAL_FILLER_WORDS = frozenset(
    "used more than some form of the a an any can must may will just with and for".split()
)
# The vendor and 'function', which every block of the notes mentions. Subject-specific.
SUBJECT_FILLER_WORDS = frozenset({*VENDOR_PREFIXES, "function", "functions"})
FILLER_WORDS = GENERAL_FILLER_WORDS | SUBJECT_FILLER_WORDS

# Rows worth a line in a table even when one entity alone has a value (what the notes say about
# one side is still a difference), by row key, with the name they are shown under. A row key
# must be one of these exactly: 'multi region', 'climate change' or 'memory of the war' are
# rows of their own, not 'Authoring region', 'Events it can change' or 'Memory'. Read by
# compare.claim_row and merge_comparisons. Subject-specific.
CLAIM_ROWS = {
    frozenset({"change"}): "Events it can change",
    frozenset({"change", "event"}): "Events it can change",
    frozenset({"author", "region"}): "Authoring region",
    frozenset({"networ", "access"}): "Network access",
    frozenset({"file", "system", "access"}): "File system access",
    frozenset({"reques", "body", "access"}): "Request body access",
    frozenset({"scale"}): "Scale",
    frozenset({"langua"}): "Languages",
    frozenset({"langua", "suppor"}): "Languages",
    frozenset({"memory"}): "Memory",
}

# Words that cannot name a comparison row on their own: two bullets that share only these share
# no attribute ('used to…' / 'used for…', 'more…', 'also…'). Read by compare_rows (with
# FILLER_WORDS, ROW_PREPOSITIONS, GENERIC_ATTRIBUTES and QUALIFIERS). Language-general.
GENERIC_ROW_WORDS = frozenset(
    "use uses used using also very much many more most less few other others same different"
    " new good better best bad like such thing things way ways lot lots can cannot need needs"
    " needed one two make makes made get gets do does done have has not no yes etc".split()
)

# Abbreviations of attribute words, read only when deciding whether two row names are one row
# ('Avg temp' ~ 'Average temperature', 'No. of legs' ~ 'number of legs'). Read by
# compare.same_row. Language-general.
ROW_ABBREVIATIONS = {
    "avg": "average",
    "approx": "approximate",
    "temp": "temperature",
    "no": "number",
    "num": "number",
    "nr": "number",
    "qty": "quantity",
    "info": "information",
    "config": "configuration",
    "req": "request",
    "reqs": "request",
    "sec": "second",
    "secs": "second",
    "pct": "percent",
    "dept": "department",
    "yr": "year",
    "yrs": "year",
}

# Headings that name a part of a note rather than a thing, whatever the subject ('Key
# insights', 'Summary', 'Definitions', 'Part 2'): never one side of a comparison. Read by
# compare.is_entity_title, with GENERIC_ASPECTS; a title all of whose words are these (or
# numbers) is generic. Singular spellings: titles are compared word by word after
# names.singular. Language-general.
GENERIC_TITLE_WORDS = frozenset(
    "key main important insight takeaway summary recap review conclusion definition glossary"
    " term note detail basic fundamental background context general misc miscellaneous other"
    " more further additional extra question answer exercise practice quiz example tip trick"
    " part step section chapter lesson lecture week day module unit topic point idea fact"
    " thought highlight what how why when where who which".split()
)

# How a heading asks a question ('Why use it?', 'How does it scale'): a question is no entity
# to compare. Read by compare.is_entity_title. Language-general.
QUESTION_TITLE = re.compile(
    r"\?\s*$|^(?:what|why|how|when|where|who|whom|whose|which|is|are|do|does|can|should)\b",
    re.I,
)

# First-column headers that say a table's rows are attributes ('| Feature | EC2 | Lambda |').
# Read by merge_comparisons (tables). Language-general.
ATTRIBUTE_HEADERS = frozenset(
    {
        "",
        "feature",
        "features",
        "attribute",
        "aspect",
        "property",
        "criteria",
        "criterion",
        "category",
        "dimension",
        "item",
    }
)

# What may follow a topic's name in an entity that is that topic ('Lambda@Edge Function' is
# Lambda@Edge; 'On-Demand Mode' is no topic). Read by merge_comparisons. Language-general words;
# 'function' is there for AWS's naming.
TOPIC_NAME_SUFFIXES = frozenset({"", "function", "service", "feature"})

# Subheadings (name keys, hyphenated) under which a fact is about the entity itself rather than
# a sub-feature of it ('Limits' yes, 'SnapStart' no). Read by merge_comparisons when a table takes
# its entities' facts. Language-general words; 'function' is there for AWS's naming.
ENTITY_ASPECTS = frozenset(
    {"", "limit", "key-feature", "feature", "function", "overview", "concept"}
)

# An attribute that opens a relation ('More RAM → better CPU'), not a property. Read by
# merge_comparisons. Language-general.
RELATION_OPENING = re.compile(r"(more|less|increas)", re.I)

# A value that says no ('❌', 'not supported', "can't", 'without'): it never merges with one that
# says yes. Read by merge_comparisons. Language-general.
NEGATION = re.compile(r"❌|\bno\b|\bnot\b|n't\b|\bwithout\b", re.I)

# Words that cannot name an unlabelled table row on their own. Read by merge_comparisons.
# Language-general.
ARTICLES = frozenset({"a", "an", "the"})

# ---------------------------------------------------------------------------------------------
# Topics and facts (studyapp.knowledge.ingest.merge_topics, merge_facts)

# Headings (name keys, hyphenated) that name an aspect of the enclosing topic rather than a thing
# of their own. Read by names.generic_heading (merge_topics' resolver) and merge_comparisons
# (parallel blocks). Language-general: how study notes title their sections. Spelled as name
# keys are, singular ('Notes' is 'note', 'Best practices' is 'best-practice').
GENERIC_ASPECTS = frozenset(
    "overview introduction intro concept purpose component feature key-feature limitation limit"
    " benefit use-case integration performance best-practice example flow-example summary note"
    " basic content key-characteristic problem solution architecture detail usage pricing type"
    " used-for use-when change table-of-content".split()
)
# Words a heading made only of (with stop words and numbers) is generic too ('Key insights',
# 'Main ideas', 'Definitions', 'Part 2'): the words of GENERIC_ASPECTS and GENERIC_LABEL_WORDS,
# singular, and these. Read by names.generic_heading. Language-general.
GENERIC_HEADING_WORDS = frozenset(
    "key main general basic insight takeaway recap review conclusion background misc"
    " miscellaneous other more additional extra quick short brief final thought idea point fact"
    " term terminology glossary vocabulary question answer faq tip trick exercise practice"
    " highlight lesson learned part section chapter topic my our theory definition what"
    " history structure timeline motivation intuition rationale"
    # folder and file names of note apps and courses ('journals/', 'Inbox', 'Week 3', 'Lecture
    # notes'), which name where a note is kept, not what it is about
    " journal page inbox daily untitled archive draft template attachment asset lecture week"
    " reading vault"
    # the pages that list a vault's other notes ('Index', 'MOC', a map of content): navigation
    " index moc"
    # a course's own sessions and work ('Video 1', 'Lab 3', 'Lecture preamble', 'Midterm
    # review'): when it was taught, not what
    " video tutorial lab midterm exam preamble slide assignment homework seminar workshop"
    " recording"
    # what a course page or a proof block says of itself ('Learning objectives', 'Proof')
    " learning objective outcome goal agenda proof".split()
)

# Title words that name where a note comes from, not what it is about: a question bank, a
# pretest book, a flashcard set ('Pretest Endocrine' is endocrinology from a pretest book; not
# 'review' or 'practice', which subjects are named with: 'Judicial review'), a chat exported
# from an assistant ('ChatGPT - TCP vs UDP'; not 'Claude' or 'Gemini', which name people and
# missions too). Read by
# names.collection_words, which adds the corpus' own (numbered instalments, shared title
# suffixes). Language-general (English).
COLLECTION_WORDS = frozenset("pretest posttest qbank questionbank flashcards anki chatgpt".split())
# How many numbered instalments of one title word ('Bank 2', 'Bank3', 'Bank 5') make it the
# name of a collection rather than a subject split in two ('Stroke', 'Stroke 2'). Read by
# names.collection_words.
COLLECTION_INSTALMENTS = 3

# Endings of a one-word heading that describes rather than names ('Chemical', 'Infectious',
# 'Reversible'): such a heading is a kind of its parent, asked 'what is it?' it has no
# one answer. Only endings nouns seldom have ('-al', '-ic', '-ory' name 'Hospital', 'Logic',
# 'Memory'; '-less' a subject, 'Serverless'; '-able' 'Variable'). Read by names.no_name, for a
# capitalised single word only. Language-general (English suffixes of adjectives).
ADJECTIVE_ENDINGS = ("ical", "ous", "ible")

# 'Benefits of AWS Lambda', 'Networking for the lambda': an aspect of what follows 'of'. Read by
# merge_topics (the resolver). Language-general.
ASPECT_OF_OWNER = re.compile(r"^(.+?)\s+(?:of|for)\s+(?:the\s+)?(.+)$")
# 'Invoking Lambda from RDS': a heading that starts with a verb in -ing is about what it does to
# the topic it names. Read by merge_topics (the resolver). Language-general.
GERUND_ENDING = "ing"
# Words that join two topics in one heading ('Lambda@Edge and CloudFront Functions', 'EC2 vs
# Lambda'); such a heading belongs to neither. PAIR_OPENERS may start the rest of the heading,
# PAIR_WORDS are dropped from it. Read by merge_topics (the resolver). Language-general. ('versu'
# never matches: names.singular keeps the s of 'versus'. Kept as it was.)
PAIR_OPENERS = frozenset({"and", "vs", "versu"})
PAIR_WORDS = frozenset({"and", "vs", "v", "versu", "with"})

# Class nouns that complete a name rather than name an aspect of it: a heading 'Sturge-Weber
# syndrome' under or beside 'Sturge-Weber', 'Paget disease' beside 'Paget', 'Bayes theorem'
# beside 'Bayes' are that same subject, not its 'syndrome' or 'theorem' (as 'Lambda limits' is
# Lambda's limits). Read by merge_topics; singular, as
# names.name_tokens gives them. Language-general across subjects: medicine, mathematics, law,
# history, science.
NAME_HEAD_NOUNS = frozenset(
    {
        "syndrome", "disease", "disorder", "deficiency", "fever", "infection", "palsy",
        "theorem", "lemma", "conjecture", "paradox", "equation", "inequality", "principle",
        "law", "doctrine", "treaty", "war", "revolution", "dynasty", "empire",
        "effect", "phenomenon", "reflex", "sign",
    }
)  # fmt: skip

# Headings that frame their subject rather than name it: what the section is about is the
# subject, not the heading ('Overview of Mitosis', 'Lecture 4: The Magna Carta', 'Tort law — key
# facts' are about Mitosis, the Magna Carta, tort law). Each pattern has a `subject` group; an
# ASPECT_FRAMING also names which aspect of it the section covers (`aspect`: 'Common mistakes
# with the subjunctive' is the subjunctive's common mistakes), a WHOLE_FRAMING none. Read by
# names.framing (merge_topics' resolver files the section under its subject; compare never
# takes an aspect framing for one side of a comparison). Language-general: how English study
# notes title their sections.
_SEP = r"(?:\s*[:–—]\s*|\s+-\s+)"
WHOLE_FRAMINGS = (
    re.compile(
        r"^(?:an?\s+)?(?:overview|introduction|intro|summary|recap|review|notes?|basics"
        r"|fundamentals|key facts|essentials)\s+(?:of|on|to|about)\s+(?:the\s+)?(?P<subject>.+)$",
        re.I,
    ),
    re.compile(r"^(?:about|regarding|all about)\s+(?:the\s+)?(?P<subject>.+)$", re.I),
    re.compile(rf"^(?:overview|summary|recap|review|notes?|revision){_SEP}(?P<subject>.+)$", re.I),
    re.compile(
        r"^(?:lecture|chapter|week|part|unit|module|section|lesson|session|day|topic|video"
        r"|tutorial|lab|seminar|workshop)\s+"
        rf"\d+[a-z]?{_SEP}(?P<subject>.+)$",
        re.I,
    ),
    re.compile(
        rf"^(?P<subject>.+?)(?:{_SEP}|\s+)(?:key facts|key points|at a glance|in brief)$", re.I
    ),
    re.compile(rf"^(?P<subject>.+?){_SEP}(?:overview|summary|basics|essentials)$", re.I),
)
ASPECT_FRAMINGS = (
    re.compile(
        r"^(?P<aspect>(?:common\s+|typical\s+)?(?:mistakes|pitfalls|misconceptions|errors"
        r"|confusions|exam tips|tips|tricks|exam questions))\s+(?:with|for|in|about|on|of)\s+"
        r"(?:the\s+)?(?P<subject>.+)$",
        re.I,
    ),
    re.compile(
        r"^(?P<aspect>origins?|history|significance)\s+of\s+(?:the\s+)?(?P<subject>.+)$", re.I
    ),
    re.compile(
        r"^(?P<subject>.+?)\s+(?P<aspect>in practice|in action|in use|in the real world)$", re.I
    ),
    re.compile(
        r"^(?P<aspect>(?:the\s+)?(?:role|place|importance) of .+?)\s+in\s+(?:the\s+)?"
        r"(?P<subject>.+)$",
        re.I,
    ),
    re.compile(r"^why\s+(?:the\s+)?(?P<subject>.+?)\s+(?P<aspect>matters?)$", re.I),
    re.compile(r"^how\s+(?:the\s+)?(?P<subject>.+?)\s+(?P<aspect>works?)$", re.I),
)
# How an aspect framing's aspect is shown when the heading wraps it round its subject ('Why
# inflation matters' is inflation's 'Why it matters'). Read by names.framing.
FRAMING_ASPECT_NAMES = {
    "matter": "Why it matters",
    "matters": "Why it matters",
    "work": "How it works",
    "works": "How it works",
}
# A heading about two things at once ('Mitosis vs Meiosis', 'Comparing torts and crimes',
# 'Comparison: A, B, C'): it names no one thing. Read by names.pair_heading (compare never
# takes one for one side of a comparison). Language-general.
PAIR_HEADING = re.compile(
    r"\bvs\.?(?:\s|$)|\bversus\b|\bv\.\s|^compar(?:ing|isons?|e)\b|^differences?\s+between\b"
    r"|\bcompared\s+(?:to|with)\b",
    re.I,
)

# Fields written short in clinical and study notes ('path: X-linked', 'tx: IVIG', 'f/u: 2
# weeks'): a label any subject's lines sit under, never a thing the note defines. Read by
# extract_formats._field_word. Subject-specific (medicine), and common note shorthand.
FIELD_ABBREVIATIONS = frozenset(
    "path patho pathophys pt pts tx dx ddx sx hx rx mgmt f/u w/u epi etiol cx labs lab pe"
    " def defn eg ex misc info".split()
)

# What those short fields stand for, shown whole in a label ('Subdural — path?' ->
# 'Subdural — pathophysiology?') where the notes' other fields say they are clinical notes
# (CLINICAL_FIELDS): in a programming note 'path' is a thing. Read by text.casing.with_labels
# and knowledge.written_names. Subject-specific (medicine).
FIELD_SHORTHAND = {
    **dict.fromkeys(("path", "patho", "pathophys"), "pathophysiology"),
    "pt": "patient",
    "pts": "patients",
    "tx": "treatment",
    "dx": "diagnosis",
    "ddx": "differential diagnosis",
    "sx": "symptoms",
    "hx": "history",
    "f/u": "follow-up",
    "w/u": "work-up",
    "mgmt": "management",
}
# Fields of clinical notes, as name keys: two of them among the notes' field labels (a label
# in several topics) say the notes are clinical.
CLINICAL_FIELDS = frozenset(
    "treatment diagnosis symptom presentation complication management pathophysiology"
    " etiology prognosis tx dx sx path pt".split()
)

# Aspect spellings shown under one name ('Limitations' -> 'Limits'). Read by merge_facts (a
# fact's subheading). Language-general.
ASPECT_SYNONYMS = {"limitations": "Limits", "limits to know": "Limits", "limit": "Limits"}
# Trailing words an aspect heading drops ('Limits to know', 'Quotas - per region'). Read by
# merge_facts (a fact's subheading). 'to know' is language-general; 'per region' is
# subject-specific (cloud regions).
ASPECT_TRAILERS = re.compile(r"\s*[-–—]\s*per region$|\s+to know\b", re.I)


# ---------------------------------------------------------------------------------------------
# Cards and questions (studyapp.quizzes.generate, studyapp.decks.generate, knowledge.tables)

# Words allowed around a quantity that is the whole value ('up to 10 GB' is a pure quantity, so a
# numeric question). Read by generate.values.pure_quantity. Language-general.
QUANTITY_FILLER = frozenset(
    "up to max maximum min minimum default of only approx approximately about around roughly"
    " nearly the a".split()
)

# Attributes too generic to ask about ('Problem: …', 'Tip: …'): such a line is a remark, not a fact.
# Read by generate.values (junk facts). Language-general.
GENERIC_ATTRIBUTES = frozenset(
    {"problem", "solution", "default", "note", "example", "eg", "e g", "tip", "use case"}
)

# Generic headings that introduce the subject of the heading above them ('## Overview', '##
# General info'): their first line, when it is a noun phrase, says what that subject is. Other
# aspects ('Uses', 'Causes') list something else. Name keys. Read by
# knowledge.ingest.extract (a section's meaning). Language-general (English).
INTRODUCING_HEADINGS = frozenset(
    "overview|general|general info|general information|info|information|introduction|intro"
    "|definition|description|about|basics|summary|key facts".split("|")
)
# Words that label a line rather than name a term ('**Solution**: use a pool', '**Note**: …'):
# a cloze that hides one teaches nothing. A phrase of only these (and stop words, and
# GENERIC_ASPECTS' words) is no cloze answer. Read by prompts.cloze_term. Language-general.
GENERIC_LABEL_WORDS = frozenset(
    "solution problem note notes example examples tip tips answer reason result results why how"
    " what important key main idea ideas point points remember warning caution hint fact facts"
    " summary definition definitions question questions step steps goal goals takeaway"
    " takeaways insight insights advantage advantages disadvantage disadvantages pro pros con"
    " cons benefit benefits drawback drawbacks issue issues fix cause effect effects use uses"
    " case cases explanation meaning rule rules tldr tl;dr update info information detail"
    " details here there yes no true false correct wrong".split()
)
# Titles of a block that say what kind of lines it holds, not a thing they describe
# ('> [!summary] Operations' over '- `Find-Set(x)`', '**Data**' over the parts a structure
# keeps): the block's first line is no meaning of its title. Read by
# extract_formats.label_meaning. Language-general (English).
BLOCK_KIND_TITLES = frozenset(
    "data operations properties methods attributes fields functions members parameters"
    " arguments components parts interface api commands features characteristics".split()
)
# Base-form verbs a line under an operation's name opens with to say what the operation does
# ('`Find-Set(x)`' over 'Return the representative of the set holding x', 'Given a key,
# insert it …'): under a name written as code an instruction is its meaning, not a step.
# Read by extract_formats.does_meaning with STEP_VERBS. Language-general (English).
OPERATION_VERBS = STEP_VERBS | frozenset(
    "return returns insert merge split compute count combine convert swap push pop append"
    " allocate free send receive print sort search join link unlink close change reset store"
    " hold keep control enable disable load clear toggle invert".split()
)
# Labels of a procedure's parts ('**Input**' over 'An array A of n numbers', 'Output: …'): a
# field of the algorithm above, asked forwards ('Quicksort — input?'), never hidden as the
# term a definition defines. Read by decks.generate.cloze_cards. Language-general.
PROCEDURE_FIELDS = frozenset(
    "input inputs output outputs implementation pseudocode algorithm procedure method idea"
    " precondition postcondition preconditions postconditions returns parameters".split()
)

# Labels of a remark rather than names of an attribute ('RDS proxy — solution?', 'Cells —
# note?'): a card asking for one asks "what did the line after this label say". Read by
# decks.quality. Language-general.
REMARK_LABELS = frozenset(
    "problem solution note notes tip tips example examples eg warning caution hint important"
    " remember question answer reason result results why how tldr update info idea ideas"
    " takeaway takeaways insight insights"
    # the note-taker's own flags ('Exam tip:', 'To know:', 'FYI', 'NB', 'Gotcha'): what
    # follows is a remark about studying, not the name of a fact
    " exam exams know reminder reminders fyi nb aside caveat caveats gotcha gotchas trivia recap"
    " summary careful beware pitfall pitfalls".split()
)

# Labels of a memory aid rather than of a fact ('Haloperidol — mnemonic?'): which rhyme goes
# with which drug or king is not what the note teaches, and the rhyme names its subject's words.
# Read by generate.values.junk_fact and generate.table_rows.fit_row (not asked, not offered).
# Language-general (English).
MEMORY_AID_LABELS = frozenset({"mnemonic", "mnemonics", "rhyme", "memory aid", "memory trick"})

# A value that only says which way a measure goes ('High', 'Low', 'Normal', 'Increased'): typed
# as a short answer to a label that does not name the measure ('Splenic sequestration?' ->
# 'High') it answers nothing a learner could know was asked. Read by generate.facts (short
# answers only; a choice shows the other directions). Language-general (English).
LEVEL_WORDS = frozenset(
    "high low normal raised elevated increased decreased reduced absent present positive"
    " negative up down".split()
)

# How a line that leads into a list ends ('Common causes include', 'The hepatic pattern shows',
# 'Side effects may include:', 'Risk factors are'): a sentence cut before its list, no name of
# a thing to compare. Read by generate.table_bank.sentence_entity and prompts.context (a
# parent line shown without its lead-in). Language-general (English).
LEAD_IN_END = re.compile(
    r"(?:\b(?:include|includes|including|are|is|show|shows|consist of|consists of|contain"
    r"|contains|involve|involves|such as|as follows|the following)|:)\s*$",
    re.I,
)

# How a line opens that says a property of its subject rather than what it is ('usually caused
# by …', 'seen in toddlers'; a comparison, 'most common in men over 40', is decks.quality's
# pattern): as the back of a 'what is it?' card it names no meaning. Read by decks.quality.
# Language-general (English).
PROPERTY_OPENERS = frozenset(
    "usually often typically commonly rarely mostly mainly seen found occurs occur caused"
    " presents affects located situated considered favored favoured".split()
)

# Participles that define what precedes them ('X is defined as …', 'is characterised by …',
# 'is known as …'): a key read out of such a sentence is asked for its meaning, which the rest
# says, so the sentence is no split one. Read by decks.generate.split_sentence. Language-general
# (English).
DEFINING_PARTICIPLES = frozenset(
    "defined characterized characterised known called described termed denoted".split()
)
# Verbs that report what someone holds ('Walsh says', 'Hobbes argues', 'the court held'): a
# label '<who> <verb>' is asked 'what does Walsh say?'. Read by prompts.reported_question.
# Language-general (English).
REPORTING_VERBS = frozenset(
    "says argues claims thinks believes holds suggests proposes states writes notes maintains"
    " contends insists denies concludes".split()
)

# Verbs (any tense) that report a view its author holds ('Hume argued', 'as Kant believed'):
# a cloze hiding the name before one asks who said it, not what. Read by
# decks.blank_signs._author_hidden. 'says'/'states' are left out: a law or a document says
# things too ('The Constitution states …'). Language-general (English).
VIEW_VERBS = frozenset(
    "argues argued argue claims claimed thinks thought believes believed suggests suggested"
    " proposes proposed writes wrote maintains maintained contends contended insists insisted"
    " concludes concluded denies denied rejects rejected objects objected".split()
)

# Words that hide nothing a learner recalls when a cloze blanks them alone: quantifiers and
# generic nouns ('a rule can specify [multiple] targets', 'the [part] of the process'). Read by
# decks.blank_signs._vague. Counts in digits or words are judged by the bare-number sign
# instead; 'same', 'different', 'more' and 'less' are left out: said of a thing ('keeps the
# height [the same]', 'is [more] common in men') they are the fact. Language-general (English).
VAGUE_WORDS = frozenset(
    "multiple several many various few some numerous certain whole part parts piece pieces"
    " thing things stuff way ways aspect aspects kind kinds sort sorts lot lots amount number"
    " deal all each every much".split()
)

# Adjectives that describe a thing without naming it ('a default CF domain', '2 distinct S3
# buckets', 'a separate VPC'): written in lower case before a short name they are no head word
# the name goes with, as 'vitamin' is of 'vitamin D' or 'type' of 'type 2'. Not words that
# state a value or a kind ('high', 'normal', 'primary': 'a high RAIU', 'primary AI'), nor 'all'
# and 'given', which are often a line's point or its verb. Read by text.blanks.named_blank.
# Language-general (English).
GENERIC_MODIFIERS = frozenset(
    "default distinct separate different same new old simple single multiple custom own"
    " specific particular standard basic common existing additional extra entire whole"
    " original typical usual regular other various certain respective corresponding dedicated"
    " optional several many few some each every any both either".split()
)

# What a subheading shown as a card's context may not open or end with (prompts.context): a
# parent line the author speaks in ('we have 4 types of volumes', 'you need') or one cut before
# what it leads into ('check the metrics for', 'the pieces of') is a sentence, not the name of
# a part, and says less than the topic alone ('a' is no cut: 'chlorophyll a'). Language-general
# (English).
CONTEXT_SPEAKERS = frozenset("we you i they let's lets".split())
CONTEXT_DANGLING = frozenset(
    "of to for with by the an and or from at in on as that which be than into via".split()
)
# A subheading that is a sentence or a condition, not the name of a part ('streams can be
# configured with four views', 'German has four cases', 'when output is redirected'): shown as
# a card's context it reads as a clause of the note, and the topic alone says more. A finite
# verb after its first word. Read by prompts.clause_heading. Language-general (English).
CONTEXT_CLAUSE_VERBS = SENTENCE_VERBS | MODAL_VERBS | frozenset("has have".split())

# Aspect labels a line is filed under ('Treatment: …', 'Used for: …', 'Pros: …', 'aka …') asked
# as the question a teacher would ask of the subject, name key -> question ('{x}': the subject,
# as the notes name it). Each is worded so that it reads for a singular or a plural subject
# ('How do you treat {x}?', not 'How is {x} treated?'). Read by decks.generate.qa_card. Shorthand
# ('tx', 'dx') is there too: asked so, it is no longer shorthand. A word that is also a term of
# some subject ('Role' in access control, 'Limit' in calculus, 'Mechanism' in philosophy) is
# left out. Language-general (English).
ASPECT_QUESTIONS: dict[str, str] = {
    **dict.fromkeys(("treatment", "tx", "therapy", "treated with"), "How do you treat {x}?"),
    **dict.fromkeys(
        ("diagnosis", "dx", "workup", "work up", "diagnosed by", "diagnosed with"),
        "How do you diagnose {x}?",
    ),
    **dict.fromkeys(("cause", "etiology", "aetiology", "caused by"), "What causes {x}?"),
    **dict.fromkeys(
        ("symptom", "sign and symptom", "clinical feature", "symptoms and sign"),
        "What are the symptoms of {x}?",
    ),
    **dict.fromkeys(("presentation", "clinical presentation"), "What is the presentation of {x}?"),
    "risk factor": "What are the risk factors for {x}?",
    "complication": "What are the complications of {x}?",
    **dict.fromkeys(("prevention", "prophylaxis"), "How do you prevent {x}?"),
    **dict.fromkeys(("mechanism of action", "moa"), "What is the mechanism of action of {x}?"),
    **dict.fromkeys(("pathophysiology", "pathogenesis"), "What is the pathophysiology of {x}?"),
    "prognosis": "What is the prognosis of {x}?",
    **dict.fromkeys(("side effect", "adverse effect"), "What are the side effects of {x}?"),
    "contraindication": "What are the contraindications of {x}?",
    "indication": "What are the indications for {x}?",
    **dict.fromkeys(("used for", "use", "usage"), "What can {x} be used for?"),
    "use case": "What are the use cases of {x}?",
    **dict.fromkeys(("purpose", "aim"), "What is the purpose of {x}?"),
    **dict.fromkeys(("pro", "advantage", "benefit"), "What are the advantages of {x}?"),
    **dict.fromkeys(
        ("con", "disadvantage", "drawback", "weakness"), "What are the drawbacks of {x}?"
    ),
    "limitation": "What are the limitations of {x}?",
    **dict.fromkeys(
        ("also known as", "aka", "also called", "other name", "synonym"),
        "What is another name for {x}?",
    ),
    **dict.fromkeys(("stand for", "stands for"), "What does {x} stand for?"),
    **dict.fromkeys(("example", "examples include"), "What is an example of {x}?"),
    "pricing": "What is the pricing of {x}?",
}

# Headings that name an aspect of the subject above them without being a label asked as a
# question ('Management', 'Evaluation', 'Clinical features'): passed over when a question names
# its subject (decks.generate.aspect_question), with ASPECT_QUESTIONS' labels and
# GENERIC_ASPECTS. Name keys. Language-general (English).
ASPECT_HEADINGS = frozenset(
    "management evaluation investigation screening epidemiology feature clinical features"
    " overview summary".split()
)
# Labels naming a side of the subject above them, in any subject: hidden by a definition's
# cloze ('[…]: includes 47 voices' hiding 'Options', '[…]: Robespierre and the Committee'
# hiding 'Leaders') they are no term. Read by decks.quality._aspect_label.
SIDE_LABELS = frozenset(
    "option requirement prerequisite leader trigger material pricing cost limit limitation"
    " benefit advantage disadvantage pro con use implication consequence"
    # what a function's signature names ('Return type: void*'), and the rest of a thing
    " return type value parameter argument rest remainder".split()
)

# The labels of ASPECT_QUESTIONS that ask for another name, whose answer may well be a noun
# phrase ('aka: the citric acid cycle'); another label's answer in that shape is what the label
# means in the note's subject ('Treatment: the condition a group is given'), and is asked as
# written. Read by decks.generate.aspect_question.
ASPECT_NAMINGS = frozenset(("also known as", "aka", "also called", "other name", "synonym"))
ASPECT_NAMINGS |= frozenset(("stand for", "stands for"))

# Labels that name a line by its siblings, not by a thing ('Both: return to play step by step',
# 'Either: …', 'Neither: …', 'Others: …'): asked alone ('Concussion — both?') they say nothing
# of what the line is about, which the lines before it named. Read by decks.quality.
# Language-general (English).
SIBLING_LABELS = frozenset("both either neither all each other others rest same likewise".split())

# Particles of a phrasal verb ('backed up', 'sent along', 'rolled out'): an answer opening on one
# ('can be backed? -> up with AWS Backup') is the verb cut from its particle. Read by
# decks.generate._predicate_card. Language-general (English).
PHRASAL_PARTICLES = frozenset("up out off down away back along apart".split())

# A fixed adverbial phrase ('by default', 'at most', 'in general'): a line split at its verb
# between the two words ('Disabled by? -> default', 'Can double at? -> most log n times') asks
# half a phrase. Read by decks.generate._predicate_card. Language-general (English).
CUT_ADVERBIALS = frozenset(
    (
        "by default|at least|at most|in general|on demand|at once|by hand|in advance|in place"
        "|at all|in total|in parallel|in turn|in practice|in theory|at first|at last|by far"
        "|in short|in particular|on average|at random|in order"
    ).split("|")
)

# A date in a value: a line dated like a log entry is not a fact to quiz. Read by generate.values.
# Language-general.
DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")

# Small words a name may contain without counting as words of its own ('Simple Queue Service and
# friends'). Read by generate.values.name_like. Language-general.
NAME_SMALL_WORDS = frozenset("and or of for the a as & to in".split())

# Answers that are a yes or a no: never a distractor for a value, nor the other way round. Read by
# generate.values, facts and distractors. Language-general.
YES_NO = frozenset({"yes", "no", "true", "false"})

# A value given as approximate ('~100 ms', 'about 5 min'): its numeric question accepts 10 % either
# way. Read by generate.facts. Language-general.
APPROXIMATE = re.compile(r"~|≈|\b(?:approx\w*|about|around|roughly|nearly)\b", re.I)

# A list name that ends in a plural or a category word ('Messaging services'): a category whose
# members a multiple-select question asks for. Read by generate.lists. Language-general.
CATEGORY_NAME = re.compile(r"(?:[a-z]{3,}[^s]s|services|types|categories)$", re.I)

# How a list says it goes on ('…, etc.', '…', 'and more'): no 'which N?' for it. Read by
# generate.lists, decks.generate (enumeration cards) and extract_key_values.list_items.
# Language-general.
OPEN_LIST_END = re.compile(
    r"(?:^|[\s,(])(?:etc\.?|…|\.\.\.|(?:and|or) (?:many |much )?(?:more|others|so on)|and the like)"
    r"\s*\)?$",
    re.I,
)
# Verbs that make a line a statement wherever they stand ('is', 'can', 'has'): a list's name or
# item holding one is a sentence. Read by decks.quality (list names) and decks.list_signs
# (list items). Language-general (English).
FINITE_VERBS = SENTENCE_VERBS | MODAL_VERBS | frozenset("has have had does do".split())

# How a lead-in says that what follows are examples, not all ('Signs of shock, such as:',
# 'Common causes include e.g.', 'Dynasties, for instance'): the list under it is open, so a
# thing it leaves out may belong to it too. Read by generate.lists. Language-general (English).
EXAMPLES_LEAD_IN = re.compile(
    r"(?:\bsuch as|\be\.\s?g\.?|\bfor (?:example|instance)|\bincluding|\blike|\bamong them)"
    r"\s*[:,]?\s*$",
    re.I,
)
# A lead-in that names some of a set, not all ('Other symptoms include:', 'Causes include'): the
# list under it may leave members out, so another subject's member may belong to it too. Read by
# generate.lists (with EXAMPLES_LEAD_IN; not by the cards, for which such a list is still a
# list to recall). Language-general (English).
SOME_LEAD_IN = re.compile(r"\b(?:include|includes|other)\b.*$|\bsome\s+\w+\s*:?\s*$", re.I)

# The item extraction puts last in a list that goes on (read by the cards and the quiz lists
# through OPEN_LIST_END). 'etc', as lists ending in 'etc.' always gave, so their facts' keys
# stay.
OPEN_LIST_MARK = "etc"

# Words that name a kind of list rather than its subject ('service types'). Read by generate.lists.
# Language-general.
GENERIC_LIST_WORDS = frozenset("service services type types kind kinds category categories".split())

# A row named by a bare preposition ('via') is a broken pairing, not a row. Read by
# generate.table_rows. Language-general.
ROW_PREPOSITIONS = frozenset("through by via using with from to of for".split())

# Values that state a scale rather than a fact of one entity ('up to', 'millions'): too vague to
# contrast. Read by generate.contrasts. Language-general.
MAGNITUDE = re.compile(r"\b(?:up to|scales? to|millions?|thousands?|\d+s of)\b|\d\+", re.I)

# A value that says how a thing compares ('Slower than CF Functions', 'unlike EC2'): relative
# to what it was said of, so never swapped into a statement about something else. Read by
# generate.swaps. Language-general (English).
COMPARATIVE = re.compile(
    r"\b(?:than|compared\s+(?:to|with)|unlike|versus|vs\.?|relative\s+to)\b", re.I
)

# A value that says there is none ('no treatment', 'None', 'nothing specific', 'not needed'):
# borrowed from another subject into a false statement it may well be true of this one too
# (many diseases have no cure). Read by generate.swaps for field attributes. Language-general
# (English).
ABSENCE_VALUE = re.compile(r"^\W*(?:no|none|nothing|not|never|n/a)\b", re.I)

# The marks notes put in comparison cells (✅ ❌ ⚠ ⚡). Read by generate.contrasts.
# Language-general.
CHECK_MARKS = re.compile(r"[✅❌⚠⚡]")

# Small words left out when comparing two values word by word ('the maximum memory' ~ 'maximum
# memory'), with the vendor prefixes. Read by generate.values.word_stems. Language-general, plus
# VENDOR_PREFIXES (subject-specific).
VALUE_SMALL_WORDS = frozenset(
    "a an the of and or to in on for with by as at from is are".split()
) | frozenset(VENDOR_PREFIXES)

# A cell that says yes or no ('✅ Supported', '❌ Not supported'). Read by knowledge.tables (do
# two notes disagree?) and generate.table_bank (yes/no questions). Language-general.
YES_MARK = re.compile(r"✅|\byes\b|\bsupport(?:s|ed)?\b", re.I)
NO_MARK = re.compile(r"❌|\bno\b|\bnot\b|n't\b|\bwithout\b", re.I)

# A row or line named only by its position ('Point 3', 'Option 2', 'Step 4b', 'Part II'):
# nothing to ask about it. Read by names.named_by_position (cards, questions). Language-general.
POSITIONAL_NAME = re.compile(
    r"(?:point|option|step|part|item|case|example|no\.?|number|#|fig\.?|figure|table|page|p\.?"
    r"|eq\.?|equation|slide|lecture|week|chapter|section)\s*(?:\d+(?:\.\d+)*[a-z]?|[ivx]+)",
    re.I,
)

# ---------------------------------------------------------------------------------------------
# Telling answers and options apart (studyapp.text.answers; read by grading and the generator)

# Words that carry no content of their own in an option: 'Always linked to an ENI' and 'Always
# linked with the ENI' say one thing. Read by answers.content_words. Language-general (English).
FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for with from into onto as is are was were be been being it its"
    " this that these those there their them they which who whom whose than then so such very"
    " just also can could may might will would shall should do does did has have had".split()
)

# Words that mean one thing in an option ('linked' ~ 'bound'): each group folds to its first
# word. Kept small on purpose: a synonym folded here makes two options one, so only words that
# are interchangeable in any subject belong. Read by answers.content_words. Language-general.
WORD_SYNONYMS = (
    ("link", "bind", "bound", "attach", "tie", "tied", "connect", "associate"),
    ("big", "large", "huge"),
    ("small", "little", "tiny"),
    ("fast", "quick", "rapid", "speedy"),
    ("slow", "sluggish"),
    ("begin", "start", "commence"),
    ("end", "finish", "stop", "terminate"),
    ("use", "utilise", "utilize", "employ"),
    ("need", "require"),
    ("allow", "permit", "enable", "let"),
    ("show", "display"),
    ("make", "create", "build"),
    ("get", "obtain", "receive", "acquire"),
    ("give", "provide", "supply", "offer"),
    ("always", "invariably"),
    ("often", "frequently"),
    ("maybe", "perhaps", "possibly"),
    ("help", "assist", "aid"),
    ("buy", "purchase"),
    ("choose", "select", "pick"),
    ("shut", "close"),
    ("rise", "increase", "grow"),
    ("fall", "decrease", "drop", "decline", "reduce"),
)

# Words that deny what an option says ('Never linked …' against 'Always linked …'): two options
# one of which has one are never one option. Compared after answers.normalise, so "can't" is
# "can t". Read by answers.paraphrase. Language-general (English).
NEGATION_WORDS = frozenset("no not never none nor neither without cannot non t".split())

# How people shorten words in an answer ('Sub-ms' for 'sub-millisecond', '15 min' for '15
# minutes'): a short answer in either form is accepted. A form with two readings ('min':
# minute or minimum) lists both. Read by answers.answer_forms. Language-general (English and
# SI units).
ABBREVIATIONS = {
    "ms": ("millisecond",),
    "µs": ("microsecond",),
    "ns": ("nanosecond",),
    "s": ("second",),
    "sec": ("second",),
    "secs": ("second",),
    "min": ("minute", "minimum"),
    "mins": ("minute",),
    "h": ("hour",),
    "hr": ("hour",),
    "hrs": ("hour",),
    "wk": ("week",),
    "yr": ("year",),
    "yrs": ("year",),
    "kb": ("kilobyte",),
    "mb": ("megabyte",),
    "gb": ("gigabyte",),
    "tb": ("terabyte",),
    "max": ("maximum",),
    "approx": ("approximately",),
    "info": ("information",),
    "config": ("configuration",),
    "env": ("environment",),
    "db": ("database",),
    "app": ("application",),
    "apps": ("application",),
    "auth": ("authentication", "authorization"),
    "req": ("request",),
    "vs": ("versus",),
    "dept": ("department",),
    "govt": ("government",),
    "intl": ("international",),
    "st": ("saint", "street"),
    "mt": ("mount",),
    "dr": ("doctor",),
}

# The small numbers people write in words, in order ('three' is 3): a short answer in words or
# digits is one answer. Read by answers.answer_forms. Language-general (English).
CARDINALS = "zero one two three four five six seven eight nine ten eleven twelve".split()
ORDINALS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
).split()

# Words that say a number ('half' is 50 %, 'twice' is 2, 'dozen' is 12): a question whose
# prompt says the number its answer is gives it away. Values as plain numbers; a fraction also
# stands for its percentage (see numbers.number_values). Read by prompts.gives_away.
# Language-general (English).
NUMBER_WORDS = {
    "half": 0.5,
    "halves": 0.5,
    "quarter": 0.25,
    "quarters": 0.25,
    "third": 1 / 3,
    "single": 1,
    "once": 1,
    "one": 1,
    "twice": 2,
    "double": 2,
    "pair": 2,
    "couple": 2,
    "both": 2,
    "two": 2,
    "triple": 3,
    "thrice": 3,
    "three": 3,
    "four": 4,
    "quadruple": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "dozen": 12,
    "score": 20,
    "hundred": 100,
    "thousand": 1000,
    "million": 1e6,
    "billion": 1e9,
}

# Attribute words too vague to make a strong question ('Features', 'Details', 'Type'): the
# question is kept, with a lower quality score. Read by generate.quality. Language-general.
VAGUE_ATTRIBUTE_WORDS = frozenset(
    "type types kind kinds feature features detail details info information other misc notes"
    " overview summary general main key about description purpose use uses usage how why what"
    " thing things aspect aspects point points".split()
)

# ---------------------------------------------------------------------------------------------
# Plain statements as clozes (studyapp.text.blanks, read by decks.generate.statement_cards)

# Measurement units a number's blank takes with it ('24 dm³', '2372 kJ/mol', '37 °C'): the
# number alone would leave its unit as a hint, and the pair is what a learner recalls. A
# counted noun ('four chambers') is not a unit: it stays in the sentence as the question.
# Matched case-sensitively after the number. Language-general (SI and common units).
MEASURE_UNITS = (
    "%", "‰", "°C", "°F", "°", "K", "nm", "µm", "mm", "cm", "m", "km", "mg", "µg", "g", "kg",
    "t", "ml", "mL", "l", "L", "dm³", "cm³", "m³", "m²", "km²", "mol", "mol/dm³", "mol/L", "M",
    "J", "kJ", "kJ/mol", "cal", "kcal", "W", "kW", "MW", "V", "mV", "A", "Hz", "kHz", "MHz",
    "GHz", "Pa", "kPa", "atm", "bar", "N", "ms", "s", "min", "h", "bp", "kb", "KB", "MB", "GB",
    "TB", "mph", "km/h", "m/s", "BC", "BCE", "AD", "CE", "million", "billion", "trillion",
    "seconds", "minutes", "hours", "days", "weeks", "months", "years", "degrees",
    # singular, as a quantity before a noun says it: 'a 2-minute notice', 'a 5-year term'
    "second", "minute", "hour", "day", "week", "month", "year",
    "per cent", "percent",
)  # fmt: skip
# Month names: '20 June 1789', 'May 1789', 'September 1792' are one date. Language-general
# (English).
MONTHS = (
    "January February March April May June July August September October November December"
    " Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
).split()
# Words before a number that make it an index, not a fact ('chapter 4', 'step 3', 'version
# 2', 'week 5'): course logistics and positions. Language-general (English).
_INDEX_NOUNS = (
    "chapter section page step item line figure table lecture week unit lesson version release"
    " slide question part exercise"
).split()
INDEX_WORDS = frozenset(
    [*_INDEX_NOUNS, *(f"{noun}s" for noun in _INDEX_NOUNS)]  # 'lines 14-18', 'pages 3-5'
    + "ch sec p pp fig no v q ex".split()
)
# Written numbers a statement may state a count in ('three Punic Wars'); 'one' is left out,
# it is as often a pronoun ('one of', 'one another'). Language-general (English).
COUNT_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty"
    " hundred dozen".split()
)
# Verbs that say what a named thing does ('Mitochondria produce ATP', 'The Senate ratifies
# treaties', 'Jenner discovered …'): the subject before one of them is the term to hide.
# Base forms; blanks.relation_verb adds -s/-es/-ed/-ies/-ied. Irregular past forms are listed
# in RELATION_VERBS_IRREGULAR. Language-general (English), kept small on purpose: a verb here
# turns any subject before it into a blank.
RELATION_VERBS = frozenset(
    "produce carry cause contain convert store regulate ratify found invent discover develop"
    " establish secrete release transport catalyse catalyze synthesise synthesize encode bind"
    " activate inhibit control introduce create sign defeat conquer govern kill digest absorb"
    " pump unwind replicate transcribe translate protect separate generate provide prevent"
    " elect veto declare abolish replace form trigger mediate transmit detect"
    " assassinate invade publish propose formulate describe".split()
)
RELATION_VERBS_IRREGULAR = frozenset("led built wrote won fought began broke took".split())
# Irregular past forms: after a proper name any past verb says what it did ('The Third Estate
# paid …', 'Caesar became …'); the regular ones end in -ed. Language-general (English).
IRREGULAR_PAST = RELATION_VERBS_IRREGULAR | frozenset(
    "paid held became gave sent brought kept lost met ran sold spent stood taught told rose"
    " fell grew drew chose came went saw knew".split()
)
# Adverbs that may stand between a subject and its verb ('Primase then makes …'). Language-
# general (English).
# A line that opens by saying what its subject is, with no subject of its own: the term above
# it (a label, a heading) is the subject ('Is a function pointer', 'Are vectors of length 1',
# 'Refers to the idea that …', 'Is defined as …'). Read by extract_formats.copular_rest.
# Language-general (English).
SUBJECTLESS_DEFINITION = re.compile(
    r"^(?:(?P<copula>is(?=\s+(?:an?|the|one)\s)|are)|refers?\s+to|means|(?:is|are)\s+defined\s+as)\s+",
    re.I,
)
# Adverbs a term's definition may put before its verb ('Sentience sometimes refers to …',
# 'A tort usually means …'). Read by blanks.term_blank. Language-general (English).
DEFINING_ADVERBS = ("sometimes", "usually", "often", "generally", "commonly", "also", "simply")
# Prepositions that open a qualifier after a defined class's name ('A normal vector to a
# plane is …', 'An easement over land is …'). Read by blanks.term_blank. Language-general.
QUALIFIER_PREPOSITIONS = ("of", "to", "in", "on", "for", "from", "with", "over", "between")
# Nouns that count, gather or sort what follows their 'of' ('a lot of', 'a list of', 'a number
# of'): before a qualifier they are not the thing a sentence defines. Read by blanks.term_blank
# with KIND_NOUNS. Language-general (English).
PARTITIVE_NOUNS = frozenset(
    "lot lots number list set collection series couple pair range variety piece bit amount"
    " deal majority minority part portion half third quarter example instance case".split()
)
SUBJECT_ADVERBS = frozenset("then also usually often mainly mostly first later finally".split())
# Words that make a sentence's opening no subject to hide: pronouns and determiners that point
# elsewhere ('It produces …', 'This causes …', 'Each …'). Language-general (English).
NON_SUBJECT_OPENERS = frozenset(
    "it its this that these those there here he she they we you i which what who each every"
    " all some any most many such both either neither other another when while if because"
    " although as since after before during first last next same".split()
)
# First and second person, and the note-taker's own asides: a sentence with them is the
# author talking, not a fact ('I think …', 'you should …', 'we will see'). Language-general
# (English).
PERSONAL_WORDS = frozenset("i i'm i've me my we we'll our us you you're your let's".split())
# Abbreviations whose dot does not end a sentence ('e.g.', 'v.', 'Dr.'). Read by
# blanks.sentences. Language-general (English).
NON_FINAL_ABBREVIATIONS = frozenset(
    "e.g i.e etc vs v cf approx ca c dr mr mrs ms prof st no fig jr sr inc ltd co".split()
)
# Prepositions of time that may start a sentence before a year ('Since 1614', 'Until 1918'):
# a capitalised word before a number otherwise names it ('Article 231'). Language-general
# (English).
TIME_PREPOSITIONS = frozenset(
    "since until till after before around about circa during between by".split()
)

# Column headers that make a two-column table a list of pairs to learn both ways ('Spanish |
# English', 'Term | Definition', 'Word | Meaning'), not a comparison of two things ('Amazon
# EC2 | Amazon Lambda'): a header is a language's name (in English or its own) or a word for a
# term or its meaning. Read by extract._pair_rows. Language-general.
LANGUAGE_HEADERS = frozenset(
    "english spanish español french français german deutsch italian italiano portuguese"
    " português dutch nederlands swedish svenska norwegian norsk danish dansk finnish suomi"
    " polish polski russian czech greek turkish türkçe arabic hebrew hindi chinese mandarin"
    " japanese korean latin esperanto irish welsh catalan català".split()
)
PAIR_HEADERS = LANGUAGE_HEADERS | frozenset(
    "term terms word words phrase phrases expression vocabulary vocab concept concepts"
    " definition definitions meaning meanings translation translations gloss description"
    " explanation abbreviation acronym symbol sign stands for".split()
)
# A second column's header that says the first column's words are defined in it ('| Command |
# Description |', '| Symptom | Meaning |'). Read by knowledge.ingest.extract (pair tables).
# Language-general (English).
MEANING_HEADERS = frozenset(
    "definition definitions meaning meanings description descriptions explanation translation"
    " gloss".split()
)
# What follows a version rather than an amount ('Java 11 and above', 'Python 3.8+'). Read by
# blanks.number_blank. Language-general (English).
VERSION_AFTER = re.compile(r"^\s*(?:\+|and (?:above|later|up|newer)|or (?:later|newer|above))")

# ---------------------------------------------------------------------------------------------
# Note formats (read by knowledge.ingest.extract_formats)

# The labels of an authored question and its answer: '**Q:** …' then '**A:** …', 'Question: …'
# then 'Answer: …', 'Q3.' / 'A3.'. Language-general (English, German, Spanish, French, Italian).
QA_QUESTION_LABEL = re.compile(
    r"^(?:q|ques|question|frage|pregunta|domanda)\s*\d*\s*[:.)]\s+(?P<text>\S.*)$", re.I | re.S
)
QA_ANSWER_LABEL = re.compile(
    r"^(?:a|ans|answer|antwort|respuesta|r[ée]ponse|risposta)\s*\d*\s*[:.)]\s+(?P<text>\S.*)$",
    re.I | re.S,
)
# Outliner properties that describe the page or the block itself (Logseq 'tags:: …',
# 'collapsed:: true', 'id:: 64f…', 'card-next-schedule:: …'), never a fact of the subject.
# Language-general (outliner syntax).
PAGE_PROPERTIES = frozenset(
    "tags tag title alias aliases collapsed id type template template-including-parent public"
    " icon filters heading background-color source sources level author authors date created"
    " updated status category categories course".split()
)
PAGE_PROPERTY_PREFIXES = ("card-", "hl-", "ls-")


# A card or question read under an example, an exercise or a trace ('Induction · example',
# 'Exercise 3', '> [!example]' callouts, which parse titles 'Example: …'): what it asks belongs
# to that example, not a fact to keep. A list of a concept's instances ('Examples of
# mutualism', 'Specific examples') is a fact, and so are concepts that share the words
# ('Sample size', 'Trace elements', 'Request tracing'). Read by decks.generate, decks.quality
# and quizzes.generate.
# Language-general (English).
WORKED_EXAMPLE = re.compile(
    r"\b(?:example(?!s)(?:\s+\d+)?|exercises?|practice (?:problems?|questions?)"
    r"|worked|sample (?:problems?|questions?|exams?|tests?|solutions?)|demo"
    r"|problem \d+[a-z]?|question \d+[a-z]?|e\.g\.|given the following)\b",
    re.I,
)

# The premise of a worked problem, written as plain text with no example heading or callout
# ('Suppose the price rises to 5', 'Given: a tree of height 3', 'Assume: …', 'Let x be …',
# 'e.g. if demand doubles …'): a line opening so, and every line filed under it, asks a detail
# of that one problem. Read by decks.generate (with WORKED_EXAMPLE). Language-general (English).
WORKED_PREMISE = re.compile(
    r"^(?:(?:given|assume|assuming|suppose|supposing|imagine|let(?!['’]s)"
    r"|consider\s+(?:a|an|the|this|two|three|some)|say\s+(?:we|you|there|that|a|an|the)"
    r"|(?:e\.\s?g\.?|for example|for instance),?\s+(?:if|when|suppose|say|assume))\b"
    # a bare 'If' over the givens ('If' / '- Record size = 500kb' … 'Then' / '- … = 1000')
    r"|if\s*:?\s*$)",
    re.I,
)
# A heading that opens one worked case rather than names a concept, read at the start of each
# part of a heading path ('Karnaugh maps · e.g., for the table above', 'Trace through insert',
# 'Sample run', 'Q2', 'Verify', 'Consider a heap of 7 keys', 'Examples'): beside
# WORKED_EXAMPLE (which holds everything filed under it), a card under one of these is held
# only when what it asks is that case's data (text.examples). A concept that shares the words
# ('Trace elements', 'Sample size', 'Examples of mutualism') is no case.
# Language-general (English).
EXAMPLE_HEADING = re.compile(
    r"^(?:e\.\s?g\.?|eg\b|i\.\s?e\.?,?\s+(?:for|in)\b|examples?(?!\s+of\b)\b"
    r"|for (?:example|instance)|consider(?:ing)?\b|suppose\b|given (?:the|this|a|an|that)\b"
    r"|trac(?:e|ing)\s+(?:through|of|the|it|this|an?)\b|tracing\b"
    r"|sample\s+(?:case|run|output|input|data|patient|calculation|problem|question|code|program)s?\b"
    r"|exercises?\b|q\s?\d+[a-z]?\b|question\s*\d+|verify\b"
    r"|walk-?through\b|in simulation\b|try it\b|let['’]s (?:try|see)\b|case stud(?:y|ies)\b"
    r"|vignette\b|scenario\b|demo\b)",
    re.I,
)
# Words that point at an example the card does not show ('in this example', 'the table above',
# 'for the graph above', 'in our case', 'Here, the …'): what the line says is true of that one
# case. Read by text.examples.refers_to_example. Language-general (English).
EXAMPLE_POINTERS = re.compile(
    r"\b(?:in|for|from)\s+(?:this|that|the|each|our|my)\s+(?:example|exercise|trace|demo|walkthrough"
    r"|sample)\b"
    r"|\b(?:in|for|from)\s+our\s+case\b"
    r"|\bthe\s+(?:table|graph|tree|figure|diagram|code|program|circuit|array|list|output|example"
    r"|matrix|heap|input)\s+above\b|^here,?\s+(?:the|we|it|this)\b",
    re.I,
)
# A sample case's opening: one individual, by age, and what happened to them ('A 13-year-old
# boy presents with …', 'Case: an 8-year-old is brought in …', 'A 40-year-old client was
# healthy until …'): its details are that case's, not the condition's. A line reasoning on
# the case ('In this patient, clots suggest bleeding in the bladder') often states the
# condition's fact, and is not read as one. A general statement by age ('A 12-month-old
# typically …') has no such verb. Read by text.examples.sample_case. Language-general (English).
SAMPLE_CASE = re.compile(
    r"^(?:case\s*\d*\s*[:.-]\s*)?(?:a|an)\s+(?:[\w-]+\s+){0,3}?\d{1,3}[- ](?:year|month|week|day)s?"
    r"[- ]old\b.*?\b(?:presents?|presented|is brought|was brought|comes|came|is noted|was noted"
    r"|was healthy|has had|is seen|was seen|complains|reports)\b",
    re.I,
)
# What a note says about its own sources and course rather than the subject: who wrote a
# reading or gave a talk, when a lecture was, a slide or a page, a task to do ('Chapter from
# Karl Smith's …', 'Guest speaker: …', 'Lecture 4 (Jan 12)', 'see slide 14', 'p. 212',
# 'TODO: …', 'Review this later'). Read by text.examples.non_fact. Language-general (English).
NON_FACT = re.compile(
    r"\b(?:guest (?:speaker|lecturer|lecture|talk)|(?:written|edited|authored|translated|presented)"
    r"\s+by|chapter\s+(?:\d+\s+)?(?:from|of|in)\s+[A-Z]|reading\s+by|(?:the\s+)?author\s+of"
    r"\s+the\s+reading|ph\.?d\.?\s+(?:student|candidate)|today['’]s\s+(?:lecture|class|talk))"
    # a slide or a page pointed at; a citation's page in brackets ('(p. 84)') is the quote's
    r"|(?<![(\[])\b(?:slides?|pages?|pp?\.)\s*\d+(?:\s*[-–]\s*\d+)?\b"
    r"|\b(?:lecture|week|class|tutorial|lab|session)\s+\d+\s*[(,:]?\s*(?:on\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    # a to-do in capitals or labelled ('TODO', 'To-do:'); 'todo' alone is a word elsewhere
    r"|\b(?-i:TODO|FIXME)\b|\bto-?do\s*:|^\s*\[\s?\]\s"
    r"|\b(?:review|revisit|finish|look up)\s+(?:this|these|it)\s+later\b",
    re.I,
)
# The verbs an exercise opens on, asking the reader to do something ('Show that …', 'Compute
# the …', 'Do the analysis …', 'Find the …'): a sentence that opens so is a task, not a fact.
# Read by text.examples.exercise_task. Language-general (English).
EXERCISE_VERBS = re.compile(
    r"^(?:show|prove|compute|calculate|derive|determine|evaluate|verify|simplify|solve|sketch"
    r"|draw|estimate|do|try|find|write|convert|design|implement|get)\s+(?:that|whether|how|the|a"
    r"|an|this|these|its|it|all|each|every|out|again)\b",
    re.I,
)
# The openings only an exercise has ('Show that …', 'Prove that …'): a task whatever follows.
# Read by text.examples.exercise_task. Language-general (English).
EXERCISE_ONLY = re.compile(r"^(?:show|prove|verify)\s+that\b", re.I)
# Nouns that name one individual of a worked case when a number follows ('child 2', 'node 5',
# 'patient 3', 'thread 1', 'offset 10'): the card is about that instance, not the concept.
# Read by text.examples (the number hidden or asked). Language-general (English).
INSTANCE_NOUNS = frozenset(
    "child children parent process processes thread threads node nodes vertex vertices student"
    " students patient patients customer customers user users player players item items element"
    " elements person people subject subjects participant participants worker workers client"
    " clients offset depth row column col bucket slot key iteration".split()
)
# Labels a worked case gives one number under ('Offset: 10', 'Approximation: 0.16', 'Result:
# 42'): asked with a bare number for answer, the card asks that case's data. Read by
# text.examples.example_value. Language-general (English).
EXAMPLE_VALUE_LABELS = frozenset(
    "value values result results output outputs answer answers approximation estimate offset"
    " total sum product remainder quotient return".split()
)
# Verbs that say the same of a thing ('supports' / 'handles' TLS termination, 'linked' /
# 'bound' to an ENI): two options or items apart by one of these alone say one thing. Read by
# quizzes.generate.table_bank. Language-general (English).
SAME_SENSE_VERBS = (
    frozenset("supports support handles handle".split()),
    frozenset("provides provide offers offer gives give".split()),
    frozenset("allows allow enables enable lets let permits permit".split()),
    frozenset("linked bound attached tied".split()),
)
# Values shown as either of two ('0 or 1', 'yes or no', 'high or low'): a blank on one of
# them, the other shown, is guessed, not recalled. Read by text.examples.given_binary.
# Language-general (English).
BINARY_VALUES = (
    ("0", "1"),
    ("yes", "no"),
    ("true", "false"),
    ("high", "low"),
    ("on", "off"),
    ("odd", "even"),
    ("left", "right"),
    ("positive", "negative"),
)

# A line's label that frames what follows instead of naming a thing: a premise or a speech verb
# ('Given:', 'Assume:', 'Says:'), a lone sentence adverb ('Intuitively:', 'Generally:'), a
# comparison with something else ('Similar to lab 6:', 'Unlike X:'), or a preposition whose
# object is no subject ('In general:', 'In this case:', 'On the very left:', 'Below it all:').
# Asked alone ('— in general?') it names nothing the learner could know the answer by. Read
# by prompts.discourse_label. Language-general (English).
DISCOURSE_VERBS = frozenset(
    "given assume assuming suppose supposing imagine let consider say says said note notice"
    " recall observe".split()
)
# Words that only link a line to the one before ('Instead:', 'However:', 'On the other hand:'):
# as a parent line they name no part of the subject. Read by prompts.context. Language-general
# (English).
CONNECTIVES = frozenset(
    {
        *"instead also however otherwise moreover furthermore additionally meanwhile conversely"
        " likewise similarly therefore thus hence so then but and or alternatively".split(),
        "on the other hand",
        "by contrast",
        "in contrast",
        "in addition",
        "as well",
    }
)
DISCOURSE_ADVERB_ENDINGS = ("ally", "ively", "ously", "ently", "antly", "arly", "edly")
COMPARISON_OPENERS = re.compile(
    r"^(?:similar(?:ly)?\s+to|same\s+as|unlike|(?:just\s+)?like|compared\s+(?:to|with)|as\s+with)\b",
    re.I,
)
DISCOURSE_PREPOSITIONS = frozenset(
    "in on at below above under over for with by from after before within beyond behind".split()
)
DISCOURSE_OBJECTS = frozenset(
    "general particular short summary practice theory principle contrast addition comparison"
    " fact all very far near left right top bottom middle end start beginning whole sense way words"
    " word this that these those it them here there now then".split()
)
# Words that open a phrase saying when or under what condition ('before environment creation',
# 'during deployment', 'in case of failure'): a line's label of that shape is a circumstance,
# not a term to hide. Read by prompts.cloze_term. Language-general (English).
CIRCUMSTANCE_OPENERS = frozenset(
    "before after during while when whenever until unless once if upon without".split()
)
# Words that make a line go on from the one before it ('Which is the address of …', 'Depending
# on what helps …', 'Though it may live in …', 'Neither 1 nor 0'): cut from its sentence at a
# line break or a bullet, it has no subject of its own. Read by decks.quality (a cloze whose
# sentence opens with one). Language-general (English).
CONTINUATION_OPENERS = frozenset(
    "which whose whom depending neither nor but and or otherwise whereby".split()
)
# Subordinators that open a sentence of their own when a main clause follows after a comma
# ('Although X is safe, bleeding may follow'), and a fragment when none does ('Though it may
# live in three dimensions'). Read by prompts.continues. Language-general (English).
SUBORDINATE_OPENERS = frozenset("though although whereas unless".split())

# ---------------------------------------------------------------------------------------------
# Signs of an item that cannot be judged as shown (decks.quality, quizzes.generate)

# Formula markup (TeX between dollars, or a TeX command): the app shows it as written, so a
# hidden or offered formula ('$\Theta(n \log n)$', '\frac{a}{b}') cannot be read, typed or
# told from its neighbours. A dollar amount ('$20') is no formula. Read by prompts.has_math.
# Language-general.
MATH_MARKUP = re.compile(
    r"\$\$|\$[^$\n]*(?:\\[A-Za-z]|[\^_{}])[^$\n]*\$|\\(?:frac|sqrt|vec|overline|cdot|times|sum"
    r"|int|Theta|theta|Delta|delta|alpha|beta|lambda|log|leq|geq|neq|to|mathbb|text)\b"
)
# Words that say where a line stands, not what it is about ('Second: BF when both trees …',
# 'Option 2: furthest points', 'Column 3: projected value'): a label of only these and numbers,
# asked alone ('AVL trees — second?'), names nothing a learner could recall it by. Read by
# prompts.positional_label. Language-general (English).
POSITION_WORDS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth last next previous other"
    " former latter final 1st 2nd 3rd 4th 5th option options column col row entry case part item"
    " point step left right top bottom middle".split()
)

# A field label written as shorthand, lower case with no vowel ('pt', 'tx', 'dx', 'hx'): asked
# alone ('Asthma — tx?') it says nothing to someone who did not write it. Read by
# prompts.terse_label. Language-general (English spelling: words have a vowel or a y).
TERSE_LABEL = re.compile(r"^[bcdfghjklmnpqrstvwxz]{1,4}$")

# Nouns that name one artefact of the note itself when a number or a letter follows ('Graph 4
# has 8 vertices', 'line 10 needs $1', 'sentence 1', 'scenario 2', '(Choice D)', 'Video 1'):
# a card that points at one is about that walkthrough, an example the learner is not shown.
# Read by prompts.local_reference (decks.quality). Language-general (English).
LOCAL_ARTEFACTS = frozenset(
    "graph graphs line lines step steps case scenario sentence sentences figure fig example"
    " exercise problem question table video lab slide choice choices option trial run input"
    " output attempt round".split()
)

# Labels of an argument's or an explanation's parts ('**Analogy**: a hospital waiting room',
# '**Counterargument** for …', '**Objection**: …'): hidden as a cloze they ask which part of
# the author's text a line was, not a fact; asked as a question's label ('Hashing —
# intuition?') they name no thing either. Read by decks.quality. Language-general (English).
ARGUMENT_LABELS = frozenset(
    "analogy analogies argument arguments counterargument counterarguments counterexample"
    " objection objections reply response intuition motivation overview background aside"
    " thesis claim premise premises conclusion recap".split()
)

# Alternatives a form offers ('yes/no', 'on/off', 'true/false', 'enabled/disabled'): as an
# answer they say the field exists, not what it holds. Read by decks.quality. Language-general
# (English).
FORM_CHOICES = frozenset(
    "yes no true false on off enabled disabled enable disable y n optional required".split()
)

# A repository's front pages ('README.md', 'CHANGELOG.md'): when one names the repository's own
# files or machinery (`FRONT_PAGE_SIGNS`), it says how the notes are kept and built, not what
# they teach. Read by knowledge.ingest.extract_nonfacts.front_page. Language-general.
FRONT_PAGE_FILES = frozenset(
    "readme changelog contributing license licence code_of_conduct".split()
)
FRONT_PAGE_SIGNS = re.compile(
    r"\b(?:repository|repo|pull requests?|git clone|pip install|npm install)\b"
    r"|\b[\w-]+\.(?:md|sh|py|pdf|ya?ml|json|toml)\b",
    re.I,
)

# The author's plan for a lecture or an essay, opening with a modal and a verb of talking or
# looking ('Will take a look at Stoicism', 'Can talk about Hume here', 'Going to cover …'): what
# the course will do, not a fact of the subject. Read by text.blanks.fact_sentence.
# Language-general (English).
PLAN_MODALS = frozenset("will can could shall would going might may".split())
PLAN_VERBS = frozenset(
    "take look talk discuss cover see revisit return explore examine introduce mention focus"
    " consider review go touch spend start finish continue begin move turn think say".split()
)
# What the author says they or the reading set out to say ('Basically trying to say that Kant
# was right', 'Trying to show …', 'In other words, …'): the author's gloss on a claim, with
# no subject of its own. Read by text.blanks.fact_sentence. Language-general (English).
AUTHOR_GLOSS = re.compile(
    r"^\W*(?:basically|so|essentially)?,?\s*(?:(?:is|was|are|were)\s+)?(?:trying|wanting|going"
    r"|meant|attempting)\s+to\s+(?:say|show|argue|explain|prove|get\s+at|make\s+the\s+point)\b"
    r"|^\W*in\s+other\s+words\b",
    re.I,
)

# Nouns a line leads into a list with ('3 phases', 'two types', 'four criteria'): a value of a
# count and one of these says the list follows, not what it holds. Read by decks.quality.
# Language-general (English).
KIND_NOUNS = frozenset(
    "types kinds sorts phases stages steps parts categories classes forms components criteria"
    " ways levels groups options approaches methods varieties subtypes features factors"
    " elements principles rules causes".split()
)

# Adverbs of frequency that label a line ('Often: no simple expression for T(n)', 'Usually:
# …'): asked alone ('— often?') they name nothing. Read by prompts.discourse_label.
# Language-general (English).
FREQUENCY_ADVERBS = frozenset(
    "often usually sometimes rarely always never typically generally commonly mostly normally"
    " occasionally frequently seldom".split()
)

# ---------------------------------------------------------------------------------------------
# Formulas and callouts (knowledge.ingest.extract_formulas)

# Callout kinds in which the author states a result, a definition or a rule ('> [!thm] Green's
# theorem', '> [!def] Work', '> [!formula] Ideal gas law', '> [!tip] Computing integrals in
# cylindrical coordinates'): a formula stated in one is the result the title names, asked by its
# left side ('dV = ?'), not a step of the prose around it. Obsidian's own kinds and the common
# plugin/theme kinds of maths and science vaults; the worked kinds (example, exercise, solution)
# are not among them. Read by extract_formulas.stated_formula. Language-general.
STATING_CALLOUTS = frozenset(
    "thm theorem lemma corollary proposition prop def defn definition formula equation law rule"
    " principle axiom property important key tip hint note info summary abstract tldr"
    " recall remember".split()
)
# Callout kinds that ask a question: folded ('> [!question]- What is the load factor?'), the
# body is the answer the author hid to recall. Read by extract_formulas.folded_answer.
# Language-general.
QUESTION_CALLOUTS = frozenset("question faq help quiz flashcard card".split())

# Verbs of effect and make-up whose object is what a plain sentence teaches ('A price floor set
# above equilibrium causes a surplus', 'Chlorophyll absorbs red and blue light', 'Raising the
# price increases total revenue'): base forms; 'lead to', 'result in' with their particle.
# Read by text.blanks.relation_object_blank. Language-general (English).
EFFECT_VERBS = frozenset(
    "absorb activate block bind break cause contain convert create decrease destroy digest"
    " emit equal form generate increase inhibit lower produce prevent raise reduce release"
    " remove require secrete shift slow speed stimulate store synthesise synthesize transport"
    " trigger worsen".split()
)
EFFECT_PHRASES = frozenset(
    {
        "lead to",
        "leads to",
        "led to",
        "result in",
        "results in",
        "resulted in",
        "give rise to",
        "gives rise to",
        "gave rise to",
        "break down",
        "breaks down",
        "broke down",
        "bind to",
        "binds to",
        "convert into",
        "converts into",
        "converted into",
        "turn into",
        "turns into",
        "turned into",
    }
)

# Names of a stated regularity or rule ('Law of demand', 'Le Chatelier's principle', 'Doppler
# effect', 'Mirror image rule'): a section so named states it, and what it states is the card.
# Read by decks.generate. Language-general (English).
# Adjectives of how two things lie to each other in space ('perpendicular' / 'parallel' /
# 'tangent'), each against the others that could stand in its place: '… is perpendicular to
# the level surface' asks which relation. Read by text.blanks.relation_adjective_blank, each
# with the word it takes. Not a degree or a property ('proportional', 'susceptible', 'toxic',
# 'soluble') nor a superlative ('lowest', 'minimal'): a blind review of them found the point
# in what follows ('susceptible to […]'), the adjective given away by the sentence (10 of 13
# junk), where the spatial relations were kept.
RELATION_ADJECTIVES: dict[str, frozenset[str]] = {
    adjective: frozenset({"to"})
    for adjective in (
        "perpendicular parallel orthogonal normal tangent antiparallel collinear coplanar"
    ).split()
}

LAW_NOUNS = frozenset(
    "law principle theorem rule effect hypothesis doctrine paradox postulate axiom lemma"
    " conjecture maxim".split()
)

# Verbs of a measure's direction ('Decreases across a period', 'Rises with age'): a line made of
# them says which way its topic goes under a condition. Read by decks.generate.trend_cards.
# Language-general (English).
TREND_VERBS = frozenset(
    "increase increases decrease decreases rise rises fall falls drop drops decline declines"
    " grow grows shrink shrinks widen widens narrow narrows".split()
)
TREND_CONDITION_OPENERS = frozenset(
    "across down up along with during in on at after before as when over toward towards from"
    " under without".split()
)

# Verbs of motion or growth whose place is what a line teaches ('The stack grows toward lower
# addresses', 'Lymph drains into the subclavian veins'): their third-person and past forms. Read
# by text.blanks.direction_blank. Language-general (English).
DIRECTION_VERBS = frozenset(
    "grows grew moves moved flows flowed drains drained migrates migrated travels travelled"
    " traveled spreads spread shifts shifted points pointed passes passed returns returned"
    " rises rose falls fell extends extended projects projected wraps wrapped diffuses diffused"
    " descends descended ascends ascended radiates radiated runs ran drifts drifted sinks sank"
    " grow move flow drain migrate travel shift point pass return rise fall extend project"
    " wrap diffuse descend ascend radiate run drift sink".split()
)

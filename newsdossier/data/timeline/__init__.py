"""Word lists the timeline linker and the publication-date inference read. Data only, no logic.

All entries are lower case; matching lower-cases the text first unless a comment says otherwise.
"""

from __future__ import annotations

# --- content words --------------------------------------------------------------------------

# Function words and reporting furniture dropped before comparing two event clauses. A short
# English list (articles, pronouns, auxiliaries, prepositions, conjunctions) plus words that say
# nothing about *which* happening is reported ("said", "also", "year").
STOPWORDS: frozenset[str] = frozenset(
    """
    a an the this that these those there here it its it's they them their theirs he him his she her
    hers we us our ours you your yours i me my mine who whom whose which what when where why how
    is are was were be been being am has have had having do does did doing will would shall should
    can could may might must ought not no nor never only also too very just so than then thus
    and or but if because as while whereas although though unless until till since before after
    of in on at by for with without from to into onto upon over under about above below between
    among amongst through throughout during against across along around toward towards off out up
    down again further once all any both each few more most other some such own same another
    one ones said says say saying according reported told tells added noted stated
    year years day days month months week weeks time times today yesterday tomorrow
    ago later earlier now still already yet even ever however therefore meanwhile
    mr mrs ms dr new many much well
    """.split()
)

# Month and weekday names: part of the date expression, never content.
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
# ISO weekday numbers (Monday = 1), as datetime.date.isoweekday() gives them.
WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7,
}

# Suffixes stripped (longest first) so that "liberated", "liberating" and "liberation" compare
# equal; a stem keeps at least STEM_MIN_CHARS characters (see newsdossier.link.events).
SUFFIXES: tuple[str, ...] = ("ings", "ing", "ions", "ion", "ed", "es", "s")

# --- kinds of happening -----------------------------------------------------------------------

# Words that name the kind of happening a clause reports. Two clauses that share a kind compare
# as more similar (the kind counts as one shared word), and a date conflict is only flagged
# between clauses that share one. Forms are listed as written (no stemming).
EVENT_KINDS: dict[str, frozenset[str]] = {
    "begin": frozenset(
        "began begin begins beginning begun start started starts starting launched launch launches "
        "launching erupted erupt outbreak broke opened onset".split()
    ),
    "end": frozenset(
        "end ended ending ends concluded conclude conclusion ceasefire cease-fire truce armistice "
        "halted halt finished".split()
    ),
    "sign": frozenset(
        "signed sign signing signs agreement statement declaration deal treaty accord "
        "accords pact memorandum protocol".split()
    ),
    "capture": frozenset(
        "liberated liberation liberate liberating captured capture seized seize taken retook "
        "recaptured occupied occupation fell restored".split()
    ),
    "attack": frozenset(
        "attack attacks attacked shelling shelled bombing bombed strike strikes struck offensive "
        "assault invaded invasion raid".split()
    ),
    "death": frozenset("died killed death deaths dead killing assassinated murdered".split()),
    "vote": frozenset("elected election elections vote voted votes referendum ballot".split()),
    "decree": frozenset("order decree decreed ordered established establishing law passed adopted".split()),
    "commemorate": frozenset(
        "anniversary celebrates celebrated celebrate celebration celebrations commemorate "
        "commemorates commemorated commemoration marks marked marking memorial".split()
    ),
}

# A kind word followed by "of (the) <one of these>" names a period, not a happening: "the start
# of the day", "the end of the year", "the beginning of trading".
PERIOD_NOUNS: frozenset[str] = frozenset(
    "day week weekend month year quarter season session trading decade century term morning "
    "afternoon evening night".split()
)

# --- commemorations -------------------------------------------------------------------------

# Words that make a sentence about a commemoration. A date written *after* the first of them in
# the sentence ("celebrated the second anniversary of the victory on November 8, 2020") is the
# recalled event's date, not the date of what the sentence reports.
# "marks"/"marked" are left out: "the offensive, which marked a turning point, began on …" is no
# commemoration ("marked the first anniversary" has its cue in "anniversary").
COMMEMORATION_CUES: frozenset[str] = frozenset(
    "anniversary anniversaries commemorate commemorates commemorated commemorating commemoration "
    "celebrate celebrates celebrated celebrating remembrance".split()
)

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-fifth": 25, "thirtieth": 30, "fortieth": 40,
    "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "seventy-fifth": 75, "eightieth": 80,
    "hundredth": 100,
}
CARDINALS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "twenty-five": 25, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "seventy-five": 75, "eighty": 80, "hundred": 100,
}

# "last year's war ... 2020": the year named is the DCT's year plus this offset.
RELATIVE_YEARS: dict[str, int] = {"last": -1, "this": 0, "next": 1}

# Phrases that pin "N years ago" to the same calendar day ("two years ago on this day").
SAME_DAY_PHRASES: tuple[str, ...] = ("on this day", "this day", "to the day", "today")

# --- dates in clauses -----------------------------------------------------------------------

# A year or month is an event date only after one of these words ("in 2019", "during May 2020");
# elsewhere it is a modifier ("the 2020 war"), a span ("since 1993") or a deadline ("by 2008",
# "until the end of May") and not a happening.
COARSE_DATE_PREPOSITIONS: frozenset[str] = frozenset("in during early late mid throughout".split())

# What stands between two dates of one interval: "between A and B", "from A to B", "A–B".
INTERVAL_OPENERS: frozenset[str] = frozenset({"between", "from"})
INTERVAL_JOINERS: frozenset[str] = frozenset({"and", "to", "until", "till", "through", "-", "–", "—"})

# What joins "two years ago" to "this day"/"today" when the two name one day back then.
SAME_DAY_JOINERS: frozenset[str] = frozenset({"", "on", "to"})

# Clause breaks inside a sentence that holds several dates: the text between two dates is cut at
# one of these so that each date keeps the words of its own clause.
CLAUSE_BREAKS: tuple[str, ...] = (",", ";", ":", " — ", " – ", " and ", " but ", " while ", " whereas ")

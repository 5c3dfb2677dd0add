"""The words of attribution cues, kept apart from the parse rules in ``cues`` that use them.

Lemmas unless a name says words. Each list says what makes a word belong to it. The verbs mined from PolNeAR
train live in ``../data/cue_words.tsv`` (``learned_cue_words``); the learned model in ``learned`` replaces most
of these lists' say on which words are cues when its file is present.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

# Verbs whose subject is a speaker and whose object or clause is what was said.
REPORTING_LEMMAS = frozenset(
    """say tell confirm explain state reveal warn report announce deny claim add note write argue suggest insist
    acknowledge admit assert contend declare maintain allege predict estimate indicate tweet post testify respond
    reply comment remark observe recall emphasize emphasise stress concede complain ask urge conclude find show
    promise pledge vow forecast caution assure reiterate repeat disclose inform brief mention hint signal
    propose recommend demand boast joke lament recount publish broadcast quote cite describe
    believe think hope fear expect predict accuse blame criticize criticise question wonder speculate
    told""".split()
)
# Of those, the ones that need a clause (not just an object) to count: "X believes Y", not "X believes him".
CLAUSE_ONLY_LEMMAS = frozenset(
    "believe think hope fear expect accuse blame criticize criticise question wonder ask urge find show "
    "describe demand recommend propose signal promise pledge vow".split()
)
# Participles of saying that, after a comma, start the speaker's next statement ("..., adding that").
SAYING_PARTICIPLES = REPORTING_LEMMAS | {"refer"}
# Reporting verbs that do not make an as-clause a source ("as she asked", "as they feared" are no attribution).
AS_CLAUSE_NOT_SAYING = frozenset({"ask", "question", "wonder", "expect", "fear", "hope"})
# Words that introduce a further source into a chain: "NHK reported, citing undisclosed sources, that ...".
CITING_WORDS = frozenset({"citing", "quoting"})
# Adverbs that hedge a statement on someone unnamed's authority.
HEDGE_WORDS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "reputedly", "ostensibly"})
# "It is understood/believed/reported that ..." with an expletive subject: an unnamed source.
IMPERSONAL_LEMMAS = frozenset(
    {"understand", "believe", "report", "say", "allege", "claim", "think", "rumor", "rumour", "know", "expect"}
)
# Words the parser takes for a root noun in a headline ("..., media reports"). Words, not lemmas.
HEADLINE_CUE_WORDS = frozenset({"reports", "report", "says", "say"})
# Verbs whose object can be who hears it: "he told reporters." is still a bare speaker line.
RECIPIENT_LEMMAS = frozenset({"tell", "inform", "brief", "ask", "assure", "remind", "warn"})
# Verbs whose only object is who hears it ("told reporters"), so it is never the content.
TELLING_LEMMAS = frozenset({"tell", "inform", "brief"})
# "declined to comment on Y": a refusal says nothing.
REFUSAL_LEMMAS = frozenset({"decline", "refuse"})
# "Republicans appear to be salivating": how things seem, which names no one who says so.
SEEMING_LEMMAS = frozenset({"seem", "appear"})
# "The troops are said to have left": passives of hearsay.
HEARSAY_LEMMAS = frozenset({"say", "report", "rumor", "rumour", "allege"})
# Where a statement was made; kept in the cue when it follows the verb directly ("said in a Telegram post").
MEDIUM_NOUNS = frozenset(
    """statement post interview tweet letter email e-mail release blog video speech op-ed column message briefing
    conference remarks remark address report note memo filing broadcast podcast essay article book call
    appearance comment comments testimony hearing""".split()
)
MEDIUM_PREPS = frozenset({"in", "on", "during", "via"})  # "said *in* a statement"; words
MEDIUM_CLAUSE_PREPS = frozenset({"in", "on", "via"})  # "said in a statement that Y" parsed with Y on "statement"
# Words right before a cue verb that belong to it ("has *also* said", "*later* tweeted"), and so does any adverb
# that modifies it there ("*publicly* criticized", "*always* claimed": 90% of them in PolNeAR train's cues), but
# a question word ("*when* asked") or one of these, which connect the sentence to the one before.
LEADING_ADVERBS = frozenset(
    {
        "also",
        "later",
        "just",
        "recently",
        "previously",
        "then",
        "still",
        "further",
        "once",
        "again",
        "often",
        "repeatedly",
        "first",
        "never",
        "now",
        "even",
    }
)
CONNECTING_ADVERBS = frozenset({"so", "instead", "however", "thus", "therefore", "meanwhile", "nonetheless"})
# Day words that stay in the cue after the verb ("said Thursday") and end a content ("... on Monday"). Words.
WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday"}
)
# Subjects that make a verb the writer's own inference, not anyone's statement ("This shows that"). Words.
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
# Objects that only say what kind of saying their verb is: with the preposition or participle after them they
# are part of the cue ("issued a *statement* saying", "expressed *concern* about", "took *aim* at"). The objects
# of cue verbs that PolNeAR train counts in the cue at least half the time (and 3 times or more).
LIGHT_OBJECTS = frozenset(
    """statement support attention question message criticism concern case speech letter doubt sign email promise
    word opinion notion shot mention look confidence language credit article praise inclination note fun aim
    tribute lawsuit allegiance video response information example petition hint fear apology view""".split()
)
LIGHT_PREPS = frozenset({"about", "on", "over", "for", "at", "to", "against", "with", "in", "of", "behind", "into"})
# Prepositions that take what a stance is about ("called *for* X", "warned *of* X", "is skeptical *of* X").
STANCE_PREPS = frozenset({"to", "for", "about", "on", "of", "against", "with", "at"})
# Nouns that report a statement when a that-clause follows ("the claim that", "rumors that"): cues with or
# without the model.
NOUN_CUE_LEMMAS = frozenset(
    """claim statement rumor rumour report allegation assertion announcement warning suggestion insistence
    argument admission acknowledgement acknowledgment belief fear hope promise pledge denial accusation
    speculation prediction assurance comment remark testimony""".split()
)
# Prepositions that take the content of a noun cue ("rumors *about* Y", "his criticism *of* Y").
NOUN_CONTENT_PREPS = frozenset({"of", "about", "on", "for", "against", "to", "with", "over", "that"})
# Marks: opening and closing quotation marks (the straight ones open and close), dashes that end a dateline.
OPEN_QUOTES = "“«„"
CLOSE_QUOTES = "”»"
DASHES = frozenset({"—", "–", "--", "-"})

MINED_CUE_WORDS = Path(__file__).parent.parent / "data" / "cue_words.tsv"


@lru_cache(maxsize=1)
def learned_cue_words() -> frozenset[str]:
    """Verb lemmas mined from PolNeAR train (see data/CUE_WORDS_CARD.md); empty when the file is absent."""
    try:
        with MINED_CUE_WORDS.open(encoding="utf-8") as f:
            return frozenset(row[0] for row in csv.reader(f, delimiter="\t") if row and not row[0].startswith("#"))
    except OSError:
        return frozenset()

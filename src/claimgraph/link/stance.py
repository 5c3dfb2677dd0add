"""Which way a claim leans on what it states: against it (a criticism, a rejection, a damning judgement) or not.

On news the attribution's cue often carries the stance while the claim's content names only its object: "the
ex-minister called Ames' plan for a canal 'foolish'" has the content "Ames' plan for a canal 'foolish'", "critics
have attacked Brook's use of a private jet" has "Brook's use of a private jet". Such a content shares its words with
a claim that asserts the thing ("Ames has championed the idea of building a canal"), and agreement read from
shared words is then agreement across a stance. A claim leans against when its cue is a verb of attack or
rejection, or when its content passes a damning judgement. Denials are a modality of their own (``analyze``) and
are not read here.
"""

from __future__ import annotations

import re

from .claim_view import ClaimView

# Cues of attack or rejection, by their stem: "has criticized", "attacked", "mocking", "tripped up", "called out".
_AGAINST_CUE = re.compile(
    r"\b(?:critici[sz]|critical\s+of|attack|slam|blast|denounc|condemn|mock|ridicul|reject|oppos|dismiss|derid|"
    r"deris|decri|decry|assail|lambast|knock|bash|accus|blam|disput|refut|rebut|scoff|disparag|belittl|chastis|"
    r"rebuk|scold|fault|lampoon|savag|tore\s+into|tear\s+into|took\s+aim|take\s+aim|taking\s+aim|"
    r"tripp?e?d?\s+up|trip\s+up|call(?:s|ed|ing)?\s+out|went\s+after|go(?:es|ing)?\s+after|warn(?:s|ed|ing)?\s+against)",
    re.IGNORECASE,
)
# Words that pass judgement on a person, a plan or an idea ("a stupid wall", "extremely careless", "not fit to
# serve", "her judgment is in question"). Words that as often describe a happening or state a fact are left out:
# "wrong", "failed" ("the polls failed to predict"), "terrible" ("a terrible accident"), "fraud" (a charge),
# "offensive" (a team's), "lying" ("lying in state"), "the files in question".
_DAMNING = re.compile(
    r"\b(?:stupid|useless|idiotic|dumb|ridiculous|absurd|ludicrous|crazy|insane|nonsense|foolish|pathetic|"
    r"disgraceful|disgrace|shameful|disastrous|reckless(?!\s+(?:driving|endangerment))|careless(?!\s+driving)|"
    r"dishonest|hypocrit\w*|liar|incompetent|unfit|not\s+fit|disqualif\w*|"
    r"(?:is|are|was|were|be|been|being)\s+in\s+question|into\s+question|outrageous|racist|bigot\w*|xenophob\w*|"
    r"unacceptable|irresponsible|deplorable|despicable|laughable|misguided|delusional|un-?american)\b",
    re.IGNORECASE,
)


def leans_against(view: ClaimView) -> bool:
    """The claim criticises, rejects or condemns what it states: by the cue that attributes it ("has attacked
    Brook for ...", "mocking Ames as ...") or by a damning word in its content ("Ames' idea 'foolish'")."""
    if any(_AGAINST_CUE.search(a.cue or "") for a in view.claim.attribution):
        return True
    return bool(_DAMNING.search(view.claim.content))


def same_stance(a: ClaimView, b: ClaimView) -> bool:
    """Both lean against what they state, or neither does: what agreement between them needs."""
    return leans_against(a) == leans_against(b)

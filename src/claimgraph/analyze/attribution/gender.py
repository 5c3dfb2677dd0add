"""Whether "he" or "she" can point at a name: an honorific or a common first name says so, else nothing does.

On real election news "she described Trump as kind" (Melania Trump speaking) and "he said, not finishing his
joke" (Al Franken) were resolved to the nearest speaker of the other gender. Only unambiguous evidence counts:
"Mr."/"Mrs."/"Ms." before the name, or a first name that English-language news gives almost only to men or only
to women (names given to both, "Jordan", "Kelly", "Jean", stay unknown, and so does every name not listed).
"""

from __future__ import annotations

PRONOUN_GENDER = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
HONORIFICS = {"mr": "m", "mister": "m", "sir": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "dame": "f"}

MALE_NAMES = frozenset(
    """aaron adam alan albert alexander alfred andrew anthony antonio arnold arthur barack barry ben benjamin bernard
    bernie bill billy bob bobby brad bradley brandon brian bruce bryan carl carlos charles charlie chris christopher
    chuck clarence craig dan daniel darrell dave david dennis dick don donald doug douglas duncan dwight earl ed eddie
    edward eric ernest eugene frank franklin fred frederick gary gavin george gerald gordon greg gregory harold harry
    henry herbert howard hugh ian isaac jack jacob jake james jared jason jeb jeff jeffrey jeremy jerry jim jimmy joe
    joel john johnny jon jonathan joseph josh joshua juan justin keith ken kenneth kevin larry lawrence leon louis
    luke marco mark martin matt matthew michael mike mitch mitt muhammad nathan neil newt nicholas nick omar oscar
    patrick paul peter phil philip ralph randy raymond reince richard rick rob robert roger ron ronald roy rudy russell
    ryan sam samuel scott sean sergei seth stephen steve steven ted thomas tim timothy todd tom tony vladimir
    walter wayne william willie xi""".split()
)
FEMALE_NAMES = frozenset(
    """abigail alice alicia allison amanda amy andrea angela ann anna anne barbara betty beverly bonnie brenda carly
    carol caroline catherine cheryl christine cindy claire condoleezza cynthia deborah debbie denise diana diane donna
    doris dorothy elaine elizabeth ellen emily emma evelyn frances gloria grace hannah heather heidi helen hillary
    huma ivanka jane janet janice jennifer jessica jill joan joanne joy joyce judith judy julia julie karen katherine
    kathleen kathryn kathy katie kayleigh kellyanne kimberly kristen laura lauren linda lisa lois lori louise lynn
    madeleine margaret maria marie marilyn marsha martha mary megyn melania melissa michelle mildred nancy natalie
    nicole nikki olivia pamela patricia paula peggy rachel rebecca rose ruth sally samantha sandra sara sarah
    sharon shirley stephanie susan suzanne teresa theresa tiffany tulsi valerie victoria virginia wanda wendy
    """.split()
)


def pronoun_gender(word: str) -> str | None:
    return PRONOUN_GENDER.get(word.lower())


def name_gender(name: str) -> str | None:
    """ "m", "f" or None: from an honorific ("Mr. Ames", "Ms. Vell") or a listed first name ("Hillary Clinton")."""
    words = [w.strip(".,'’\"").lower() for w in name.split()]
    words = [w for w in words if w]
    if not words:
        return None
    if words[0] in HONORIFICS:
        return HONORIFICS[words[0]]
    if len(words) < 2:
        return None  # a surname alone says nothing ("Clinton" is Bill or Hillary)
    first = words[0]
    if first in MALE_NAMES:
        return "m"
    if first in FEMALE_NAMES:
        return "f"
    return None


def can_be(name: str, pronoun: str) -> bool:
    """May ``pronoun`` ("she") point at ``name``? Yes unless the name's gender is known and is the other one."""
    want, have = pronoun_gender(pronoun), name_gender(name)
    return want is None or have is None or want == have

"""Which language a report is written in, offline (py3langid's model ships inside its wheel).

The analysis pipeline exists for English only; a report in another language is stored and searchable but not
analysed, so that a Russian page does not yield "claims" from an English parse. The rule, for the report's
body (page furniture left out):

- another script (Cyrillic, Arabic, CJK, ...) for most of its letters: the detected language, however short;
- Latin script: English when the detector says English; another language only with enough text to tell
  (``MIN_LETTERS``) and a confident detector (``MIN_CONFIDENCE``); otherwise ``None``, "could not tell",
  which is analysed as English (a short English report is often mistaken for Italian or Breton, and a report
  that mixes languages is analysed in the one claimgraph reads).

Codes are ISO 639-1 (``en``, ``ru``, ``de``); a language without a two-letter code keeps the detector's
three-letter ISO 639-3 code.
"""

from __future__ import annotations

from functools import lru_cache

ANALYSED_LANGUAGES = ("en",)
SAMPLE_CHARS = 20_000  # the detector is linear in the text; the first 20,000 characters settle it
MIN_LETTERS = 200
MIN_CONFIDENCE = 0.9
NOT_A_LANGUAGE = {"zxx"}  # "no linguistic content"


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _is_latin(ch: str) -> bool:
    return ch < "\u0250" or "\u1e00" <= ch <= "\u1eff"  # Basic Latin to IPA extensions; Latin Extended Additional


def detect(text: str) -> str | None:
    """The language of ``text`` as an ISO 639 code, or ``None`` when it cannot be told (see the module)."""
    sample = text[:SAMPLE_CHARS]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return None
    try:
        identifier = _identifier()
    except OSError:  # py3langid unpacks its model to a temporary file: a full disk is reported by the store
        return None
    language, confidence = identifier.classify(sample)
    if language in NOT_A_LANGUAGE:
        return None
    if language == "en":
        return "en"
    latin = sum(1 for ch in letters if _is_latin(ch)) / len(letters)
    if latin < 0.5:
        return language
    if len(letters) >= MIN_LETTERS and confidence >= MIN_CONFIDENCE:
        return language
    return None


def analysed(language: str | None) -> bool:
    """True when claimgraph analyses reports in ``language`` (``None``, could not tell, counts as English)."""
    return language is None or language in ANALYSED_LANGUAGES


def not_analysed_note(language: str | None) -> str | None:
    """What a report's listing says about it when its language is not analysed: "not analysed: language ru"."""
    return None if analysed(language) else f"not analysed: language {language}"

"""Matching names as people write them ("Viet Nam"/"Vietnam", "UN Women"/"UNWomen").

The hub's one matcher: every importer and every form field where a name is typed finds
countries, agencies and tools through a NameIndex that the owning app fills
(Country.objects.name_index(), Agency.objects.name_index(), Tool.objects.name_index()).
A name is folded to a key (no accents, case, punctuation or spaces); a key that two
different records claim is ambiguous and is never silently given to one of them.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Hashable, Iterable, Iterator
from functools import lru_cache
from typing import Any, Generic, TypeVar

from django.conf import settings
from django.utils import translation

T = TypeVar("T", bound=Hashable)
# How close a misspelling must be for "Did you mean ...?" (difflib's ratio, 0..1).
SUGGESTION_CUTOFF = 0.75
# A list cell as people write it: semicolons and line breaks always separate names; commas,
# slashes and "and" (et, y, &) separate them unless the words around them make one known
# name ("Ministry of Labour, Employment and Social Protection").
ALWAYS_APART = re.compile(r"[;\n\r]+")
ACRONYM = re.compile(r"[A-Z][A-Z0-9-]{1,9}")
MAYBE_APART = re.compile(r"(\s*[,/]\s*|\s+(?:and|et|y|&)\s+)", re.IGNORECASE)


def name_key(value: str) -> str:
    """Fold a name to a comparison key: no accents, case, punctuation or spaces."""
    if type(value) is str:
        return _folded(value)
    return _fold(str(value))  # a translatable label: folded in the language of the moment


# Names folded already: an import folds the same few thousand names (places, agencies,
# countries, their variants) again for each index it builds and each row naming them.
FOLDED_MAX = 1 << 15


@lru_cache(maxsize=FOLDED_MAX)
def _folded(value: str) -> str:
    return _fold(value)


def _fold(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value)
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return NOT_KEY.sub("", ascii_only.casefold())


NOT_KEY = re.compile(r"[^0-9a-z]")


def sort_key(name: str) -> tuple[str, str]:
    """How every list of names is sorted, in any language: accents, case and punctuation
    aside ("Égypte" and "Îles Cook" among the E and I, "d'Ivoire" as "divoire"), the name
    itself breaking ties."""
    return (name_key(name), name)


def sorted_by_name(items: Iterable[T], name: Any = str) -> list[T]:
    """`items` sorted by their name (`name(item)`, str by default) with sort_key."""
    return sorted(items, key=lambda item: sort_key(str(name(item))))


def search_keys(names: Iterable[str]) -> str:
    """The keys of a record's names, one string that a typed name's key is looked for in
    (name_matches; static/js/filters.js does the same in the pickers)."""
    return " ".join(dict.fromkeys(key for key in map(name_key, names) if key))


def name_matches(typed: str, keys: str) -> bool:
    """The one search rule for names: what is typed, folded like the names (accents, case,
    spaces and every kind of apostrophe or hyphen aside), is part of one of them ("Cote
    d'Ivoire" typed with a curly apostrophe, "vietnam", "OIT")."""
    key = name_key(typed)
    return bool(key) and any(key in name for name in keys.split())


def split_variants(text: str) -> list[str]:
    """Name variants are kept one per line (commas and semicolons also separate)."""
    return [part.strip() for part in re.split(r"[\n;,]", text) if part.strip()]


def in_every_language(labels: Iterable[tuple[T, Any]]) -> Iterator[tuple[T, str]]:
    """Each (value, translatable label) once per site language, the label as that language
    writes it: a file written in French is read by someone working in English."""
    pairs = list(labels)
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for value, label in pairs:
                yield value, str(label)


def choice_keys(labels: Iterable[tuple[str, Any]]) -> dict[str, str]:
    """name key of each value, and of its label in every site language -> the value.

    For choices (`Status.choices`), column headers ((field, header) pairs) and the like.
    """
    pairs = list(labels)
    keys = {name_key(label): value for value, label in in_every_language(pairs)}
    keys.update({name_key(value): value for value, _label in pairs})
    return keys


class NameNotFound(LookupError):
    """No record has this name; `suggestion` is the closest known name, if one is close."""

    def __init__(self, value: str, suggestion: str = "") -> None:
        super().__init__(value)
        self.value = value
        self.suggestion = suggestion


class AmbiguousName(LookupError):
    """Several records have this name: `candidates` names them."""

    def __init__(self, value: str, candidates: list[str]) -> None:
        super().__init__(value)
        self.value = value
        self.candidates = candidates


@lru_cache(maxsize=FOLDED_MAX)
def singular(text: str) -> str:
    """The words of a name without their plural "s" ("ISPA tools" -> "ISPA tool")."""
    return PLURAL_S.sub("", text)


PLURAL_S = re.compile(r"(?<=[^\Wsu\d]{3})s\b")


def written_forms(text: str) -> list[str]:
    """The ways a typed name may be meant: as typed, its singular, the name before an
    acronym in brackets and that acronym ("Rapid Assessment Protocol (RAP)")."""
    forms = [text, singular(text)]
    bracketed = re.fullmatch(r"\s*(.+?)\s*\(([^()]+)\)\s*", text)
    if bracketed:
        forms += [bracketed.group(1), singular(bracketed.group(1)), bracketed.group(2)]
    return list(dict.fromkeys(forms))


class NameIndex(Generic[T]):
    """name key -> record (an id), remembering keys that two different records claim.

    A strong name (an ISO code, an acronym) wins over weak ones (names, variants): a
    country's code never becomes ambiguous because of another country's variant. Names
    are also known in the singular, and a typed name is tried as typed, in the singular,
    and without (or as) the acronym it gives in brackets.
    """

    def __init__(self) -> None:
        self.ids: dict[str, T] = {}
        self.display: dict[str, str] = {}
        self.ambiguous: dict[str, set[str]] = {}
        self.strong: set[str] = set()
        self.memo: dict[str, T] = {}
        self.splits: dict[str, list[str]] = {}

    def add(self, name: str, value: T, display: str, *, strong: bool = False) -> None:
        self._add(name, value, display, strong)
        if not strong and singular(name) != name:
            self._add(singular(name), value, display, False)

    def ambiguous_name(self, name: str, displays: list[str]) -> None:
        """A name people use for several records (Congo, Korea): never read as one."""
        self.ambiguous[name_key(name)] = set(displays)

    def _add(self, name: str, value: T, display: str, strong: bool) -> None:
        key = name_key(name)
        if not key or (key in self.strong and not strong):
            return
        known = self.ids.get(key)
        if strong or known is None:
            self.ids[key] = value
            self.display[key] = display
            if strong:
                self.strong.add(key)
                self.ambiguous.pop(key, None)
        elif known != value:
            self.ambiguous.setdefault(key, {self.display[key]}).add(display)

    def find(self, text: str) -> T:
        """The record named `text`; NameNotFound or AmbiguousName otherwise."""
        # A file names the same few countries and agencies thousands of times.
        found = self.memo.get(text)
        if found is not None:
            return found
        key = name_key(text)
        if key in self.ambiguous:
            raise AmbiguousName(text, sorted(self.ambiguous[key]))
        for form in written_forms(text):
            key = name_key(form)
            if key in self.ids and key not in self.ambiguous:
                self.memo[text] = self.ids[key]
                return self.ids[key]
        raise NameNotFound(text, self.suggest(text))

    def knows(self, text: str) -> bool:
        """Whether `text` names something (one record, or several: a name all the same)."""
        if text in self.memo:
            return True
        return any(name_key(form) in self.ids for form in written_forms(text))

    def split(self, value: Any) -> list[str]:
        """The names a list cell holds, as people write lists (see MAYBE_APART): the fewest
        unknown names first, then the fewest names. An unknown name is never glued to
        another over a comma or a slash, so that two unknown names stay two."""
        text = "" if value is None else str(value)
        cached = self.splits.get(text)
        if cached is None:
            cached = self.splits[text] = [
                name for part in ALWAYS_APART.split(text) for name in self._split_part(part)
            ]
        return list(cached)

    def _split_part(self, part: str) -> list[str]:
        pieces = MAYBE_APART.split(part.strip())
        words, separators = pieces[0::2], pieces[1::2]
        if len(words) == 1:
            return [words[0]] if words[0] else []
        # best[i]: (unknown names, names, the names) for words[i:].
        best: list[tuple[int, int, list[str]] | None] = [None] * len(words) + [(0, 0, [])]
        for start in range(len(words) - 1, -1, -1):
            for end in range(start + 1, len(words) + 1):
                name = "".join(
                    word + (separators[at] if at < end - 1 else "")
                    for at, word in enumerate(words[start:end], start=start)
                ).strip()
                rest = best[end]
                if rest is None:
                    continue
                if not name:
                    option = rest
                elif self.knows(name):
                    option = (rest[0], rest[1] + 1, [name, *rest[2]])
                elif end - start == 1 or self._may_glue(
                    words[start:end], separators[start : end - 1]
                ):
                    option = (rest[0] + 1, rest[1] + 1, [name, *rest[2]])
                else:
                    continue
                if best[start] is None or option[:2] < best[start][:2]:
                    best[start] = option
        return best[0][2] if best[0] else [word for word in words if word]

    @staticmethod
    def _may_glue(words: list[str], separators: list[str]) -> bool:
        """Whether unknown words may make one unknown name: over "and" (et, y) only, and
        not between acronyms ("CEPAL y OPS" is two organisations)."""
        return all(sep.strip() not in ",/" for sep in separators) and not any(
            ACRONYM.fullmatch(word.strip()) for word in words
        )

    def get(self, text: str) -> T | None:
        """The record named `text`, None for an unknown name (AmbiguousName still raises)."""
        try:
            return self.find(text)
        except NameNotFound:
            return None

    def suggest(self, text: str) -> str:
        """The known name closest to `text`, "" when none is close."""
        close = difflib.get_close_matches(
            name_key(text), list(self.display), n=1, cutoff=SUGGESTION_CUTOFF
        )
        return self.display[close[0]] if close else ""

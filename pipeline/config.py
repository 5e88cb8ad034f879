"""Configuration without code changes: a TOML file of rules for one site's or one body's
habits, and profiles chosen per source.

    [rules]                       # for every document
    chrome_patterns = ['^Share this story$']      # a line matching any is chrome ('configured')
    heading_patterns = ['^Panel [IVX]+:']         # a line matching any is heading-like
    preambular = ['having met']                   # more opening phrases of considerations
    operative = ['instructs']                     # more opening verbs of recommendations

    [[profiles]]                  # the first profile whose match applies adds its rules
    name = 'ministry'
    match = { site = 'Ministry of Foreign Affairs', path = 'mfa/**' }
    rules = { chrome_patterns = ['^Back to press releases$'] }

Patterns are Python regular expressions, tried with `search` on the line without its
surrounding whitespace, case-sensitive unless they say `(?i)`. A profile matches when every
key of its `match` does: `path`, a glob on the input's path (relative to the input root,
`**` for any folders); `site`, text found (case-insensitively) in the page's site name or
title (HTML) or in the document's first 500 characters. `--profile NAME` chooses one
instead. The file is validated with the same frozen pydantic models as the output: an unknown
key, a bad pattern or a duplicate profile name is one error line naming the file and the
key. With no configuration the shipped rules apply alone (the corpus gate runs so).

The rules in effect for a document are set for the duration of its extraction
(`activate`) and read by the stages that use them (`active`).
"""

from __future__ import annotations

import contextlib
import fnmatch
import re
import tomllib
from collections.abc import Iterator
from contextvars import ContextVar
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from .errors import UsageError

_SITE_WINDOW = 500


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Rules(_Strict):
    """What a configuration adds to the shipped rules."""

    chrome_patterns: tuple[str, ...] = ()
    heading_patterns: tuple[str, ...] = ()
    preambular: tuple[str, ...] = ()
    operative: tuple[str, ...] = ()

    @field_validator("chrome_patterns", "heading_patterns")
    @classmethod
    def _compiles(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        for i, pattern in enumerate(patterns):
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"item {i}: invalid regular expression {pattern!r}: {exc}") from exc
        return patterns

    @field_validator("preambular", "operative")
    @classmethod
    def _phrases(cls, phrases: tuple[str, ...]) -> tuple[str, ...]:
        cleaned = tuple(" ".join(p.lower().split()) for p in phrases)
        if any(not p for p in cleaned):
            raise ValueError("a phrase is empty")
        return cleaned

    def __add__(self, other: Rules) -> Rules:
        return Rules(**{name: getattr(self, name) + getattr(other, name) for name in Rules.model_fields})

    @cached_property
    def chrome(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p) for p in self.chrome_patterns)

    @cached_property
    def headings(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p) for p in self.heading_patterns)

    @cached_property
    def preambular_set(self) -> frozenset[str]:
        return frozenset(self.preambular)

    @cached_property
    def operative_set(self) -> frozenset[str]:
        return frozenset(self.operative)

    @cached_property
    def phrases(self) -> frozenset[str]:
        """Every configured opening phrase, preambular or operative."""
        return self.preambular_set | self.operative_set

    @cached_property
    def longest_phrase(self) -> int:
        """Words in the longest configured phrase (0 when none)."""
        return max((len(p.split()) for p in self.phrases), default=0)


class Match(_Strict):
    path: str | None = None
    site: str | None = Field(default=None, min_length=1)


class Profile(_Strict):
    name: str = Field(min_length=1)
    match: Match | None = None
    rules: Rules = Rules()


class Config(_Strict):
    rules: Rules = Rules()
    profiles: tuple[Profile, ...] = ()

    @model_validator(mode="after")
    def _unique_names(self) -> Config:
        names = [p.name for p in self.profiles]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ValueError(f"profile names must be unique: {', '.join(duplicates)}")
        return self

    def profile(self, name: str) -> Profile:
        for profile in self.profiles:
            if profile.name == name:
                return profile
        known = ", ".join(p.name for p in self.profiles) or "none"
        raise UsageError("--profile", f"no profile named {name!r} (profiles: {known})")

    def choose(self, path: str, site_text: str, forced: str | None = None) -> tuple[str | None, Rules]:
        """The profile for a document (by name when forced, else the first that matches)
        and the rules in effect: the common rules plus the profile's."""
        if forced:
            chosen: Profile | None = self.profile(forced)
        else:
            chosen = next((p for p in self.profiles if p.match and _matches(p.match, path, site_text)), None)
        return (chosen.name, self.rules + chosen.rules) if chosen else (None, self.rules)


def _matches(match: Match, path: str, site_text: str) -> bool:
    if match.path is None and match.site is None:
        return False
    if match.path is not None and not (fnmatch.fnmatchcase(path, match.path)
                                       or fnmatch.fnmatchcase(path, match.path.replace("**/", ""))):
        return False
    return match.site is None or match.site.casefold() in site_text.casefold()


def site_text(text: str, page_site: str | None = None, page_title: str | None = None) -> str:
    """What a profile's `site` is looked for in."""
    return " \n".join(part for part in (page_site, page_title, text[:_SITE_WINDOW]) if part)


def load_config(path: str | Path) -> Config:
    """Read and validate a configuration file; any problem is one UsageError line."""
    where = str(path)
    try:
        with open(path, "rb") as handle:
            raw: dict[str, Any] = tomllib.load(handle)
    except OSError as exc:
        raise UsageError("--config", f"{where}: cannot read it ({exc.strerror})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise UsageError("--config", f"{where}: not valid TOML: {exc}") from exc
    try:
        return Config.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(part) for part in first["loc"]) or "(top level)"
        more = f" (+{exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        message = first["msg"].removeprefix("Value error, ")
        raise UsageError("--config", f"{where}: {key}: {message}{more}") from exc


NO_RULES = Rules()
_ACTIVE: ContextVar[Rules] = ContextVar("pipeline_rules", default=NO_RULES)


def active() -> Rules:
    """The configured rules in effect for the document being extracted (none by default)."""
    return _ACTIVE.get()


@contextlib.contextmanager
def activate(rules: Rules) -> Iterator[None]:
    token = _ACTIVE.set(rules)
    try:
        yield
    finally:
        _ACTIVE.reset(token)

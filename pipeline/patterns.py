"""Every regular expression of the pipeline, named, with an example of what it matches.

Patterns are written so that no input can make them backtrack catastrophically: no nested
quantifiers over overlapping classes, and every unbounded repeat is anchored by a literal or
a character class disjoint from what follows it.
"""

from __future__ import annotations

import re

# Horizontal whitespace as it appears in dumps: spaces, tabs, NBSP (U+00A0), narrow NBSP,
# figure space, ideographic space, zero-width characters.
HSPACE = "[ \\t\u00a0\u2007\u202f\u3000\u200b\u200c\u200d\u2060\ufeff]"

# "\r\n", "\r" or "\n": the line terminators we split on (offsets are kept exact).
LINE_BREAK = re.compile(r"\r\n|\r|\n")

# "   " / "\u00a0 \u00a0": a line with nothing but whitespace.
BLANK_LINE = re.compile(f"^{HSPACE}*$")

# Any run of whitespace, for collapsing text: "a \u00a0\n b" -> "a b".
WHITESPACE_RUN = re.compile(r"[\s\u00a0\u2007\u202f\u200b\u200c\u200d\u2060\ufeff]+")

# "---" at the top of a markdown file: YAML front matter fence.
FRONT_MATTER_FENCE = re.compile(r"^---[ \t]*$")

# "_______", "-----", "=====", "* * *", "~~~~": a separator rule (three or more of one mark).
SEPARATOR_RULE = re.compile(f"^{HSPACE}*([_\\-=*~#\u2014\u2013\u2500\u2550•·])(?:{HSPACE}*\\1){{2,}}{HSPACE}*$")

# ".", "|", "»": a line of one or two punctuation marks and nothing else.
STRAY_PUNCTUATION = re.compile(f"^{HSPACE}*[^\\w\\s]{{1,2}}{HSPACE}*$")

# "Increase font size", "Print", "Share on Facebook", "Email this", "A+ A-": page widgets.
WIDGET = re.compile(
    r"^(?:[-•*·|>]\s*)?(?:"
    r"(?:increase|decrease|default|reset|larger|smaller)\s+(?:the\s+)?(?:font|text)(?:\s+size)?"
    r"|(?:font|text)\s+size"
    r"|a\s*[+-](?:\s+a\s*[+-])*"
    r"|print(?:\s+(?:this|page|article|version|friendly))*"
    r"|e-?mail(?:\s+(?:this|to\s+a\s+friend|article|page))*"
    r"|share(?:\s+(?:this|on|via|article|page|story)(?:\s+\w+)?)*"
    r"|(?:tweet|like|pin\s+it|whatsapp|telegram|linkedin|facebook|twitter|vk|reddit)"
    r"|(?:sign\s+in|log\s*in|log\s*out|register|subscribe|sign\s+up)(?:\s+(?:now|here|to\s+\w+))*"
    r"|(?:read\s+more|more\s+news|back\s+to\s+top|skip\s+to\s+(?:main\s+)?content|go\s+to\s+top)"
    r"|(?:comments?|leave\s+a\s+(?:comment|reply))(?:\s*\(\d+\))?"
    r")\s*[:|»›]*$",
    re.IGNORECASE,
)

# "Photo: Rixos President Astana", "Image credit - Reuters", "Photo by J. Smith".
PHOTO_CREDIT = re.compile(
    r"^(?:photo(?:graph)?s?|image|picture|pic|credit|illustration|source\s+of\s+photo)"
    r"(?:\s+(?:credit|courtesy|source))?\s*(?:[:©/|\u2013\u2014-]|by\b)\s*\S",
    re.IGNORECASE,
)

# "© copyright 2011-2017| Site| All Rights Reserved.", "(c) 2020 Site", "Copyright 2019".
COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|\ball\s+rights\s+reserved\b", re.IGNORECASE)

# Names inside a copyright line: "© copyright 2011-2017| The Diplomatic Society| All ..."
# and "Copyright 2021 Example News. All rights reserved." split on "|", "·", "." into fields.
COPYRIGHT_FIELD_SEPARATOR = re.compile(r"\s*(?:[|·•]|\.(?:\s|$))\s*")

# The non-name parts of a copyright field: "©", "(c)", "copyright", years "2011-2017", "all
# rights reserved", "by".
COPYRIGHT_NOISE = re.compile(
    r"©|\(c\)|\bcopyright\b|\ball\s+rights\s+reserved\b|\b\d{4}(?:\s*[-\u2013]\s*\d{4})?\b|\bby\b",
    re.IGNORECASE,
)

# Clause labels at the start of a line. Each alternative is one label style:
#   "1)"  "12."  "1\."  "(1)"  "a)"  "b."  "(c)"  "iv)"  "(iv)"  "(A)"  "A."
# followed by whitespace (so "2.5 million" and "1)x" are not labels).
LABEL = re.compile(
    f"^{HSPACE}*(?P<label>"
    r"\((?P<pnum>\d{1,3})\)"
    r"|(?P<num>\d{1,3})(?P<numpunct>\\?[.)])"
    r"|\((?P<plet>[a-z]{1,4}|[A-Z])\)"
    r"|(?P<let>[a-z]{1,4}|[A-Z])(?P<letpunct>[.)])"
    f"){HSPACE}+(?=\\S)"
)

# "- ", "• ", "– ", "* ", "· ", "▪ ": a bullet at the start of a line, followed by whitespace
# (so "*Recalling*" in markdown is emphasis, not a bullet).
BULLET = re.compile(f"^{HSPACE}*(?P<label>[-•\u2013\u2014*·▪●◦‣]){HSPACE}+(?=\\S)")

# "# Title", "### 2. Finance": a markdown (ATX) heading marker and the space after it.
ATX_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(?=\S)")

# "iv", "xii": lower-case roman numerals up to 39.
ROMAN = re.compile(r"^(?:x{0,3})(?:ix|iv|v?i{0,3})$")

# The opening phrase of a clause: up to the first comma/semicolon/colon, used by `lead`.
LEAD_WORDS = re.compile(r"[^\W\d_][\w'\u2019-]*")

# "Astana, 8 December 2017", "GENEVA, 3 March 2020 -", "New York, December 8, 2017":
# a dateline: a place (capitalised words) then a comma then a date, nothing else on the line.
DATELINE = re.compile(
    r"^(?P<place>[A-Z\u0400-\u042f][\w.'\u2019-]*(?:[ -][A-Z\u0400-\u042f][\w.'\u2019-]*){0,3})"
    r"\s*,\s*(?P<date>.+?)\s*(?:[\u2013\u2014-]\s*)?$"
)

# "8 December 2017", "8 Dec. 2017", "December 8, 2017", "August 2018", "2017-12-08".
DATE_DMY = re.compile(r"^(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>[A-Za-z]{3,9})\.?,?\s+(?P<y>\d{4})$")
DATE_MDY = re.compile(r"^(?P<m>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})$")
DATE_MY = re.compile(r"^(?P<m>[A-Za-z]{3,9})\.?,?\s+(?P<y>\d{4})$")
DATE_ISO = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$")

# "Recommendations for the section on:" / "... adopted on" : a lead-in line that announces
# the heading printed under it (ends with a colon or with a dangling function word).
HEADING_LEAD_IN = re.compile(
    r"(?::|\b(?:on|of|for|to|about|concerning|regarding|re|the|and|in))\s*$", re.IGNORECASE
)

# "corruption." "levels;" "follows:" "done!": a line that ends a sentence, clause or list lead.
LINE_END_PUNCTUATION = re.compile(r"[.;:!?,][\"'\u2019\u201d)\]*_]*$")

# Text that ends a sentence or clause: ".", ";", ",", ":", "!", "?", possibly followed by
# closing quotes/brackets: 'Corruption,' 'at:' 'assessed;' 'policy."'
CLAUSE_END = re.compile(r"[.;,:!?][\"'\u2019\u201d)\]]*$")

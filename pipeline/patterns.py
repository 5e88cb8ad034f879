"""Every regular expression of the pipeline, named, with an example of what it matches.

Patterns are written so that no input can make them backtrack catastrophically: no nested
quantifiers over overlapping classes, and every unbounded repeat is anchored by a literal or
a character class disjoint from what follows it.
"""

from __future__ import annotations

import re

# Horizontal whitespace as it appears in dumps: spaces, tabs, NBSP (U+00A0), narrow NBSP,
# figure space, ideographic space, zero-width characters.
HSPACE_CHARACTERS = " \t\u00a0\u2007\u202f\u3000\u200b\u200c\u200d\u2060\ufeff"
HSPACE = f"[{HSPACE_CHARACTERS}]"

# "\r\n", "\r", "\n", and the other line breaks text carries: form feed (a PDF page break),
# vertical tab, file/group/record separators, NEL, U+2028 and U+2029 (offsets stay exact).
LINE_BREAK = re.compile("\r\n|[\n\r\f\v\x1c\x1d\x1e\x85\u2028\u2029]")

# "   " / "\u00a0 \u00a0": a line with nothing but whitespace.
BLANK_LINE = re.compile(f"^{HSPACE}*$")

# Any run of whitespace, for collapsing text: "a \u00a0\n b" -> "a b".
WHITESPACE_RUN = re.compile(r"[\s\u00a0\u2007\u202f\u200b\u200c\u200d\u2060\ufeff]+")

# "---" at the top of a markdown file: YAML front matter fence.
FRONT_MATTER_FENCE = re.compile(r"^---[ \t]*$")

# "_______", "-----", "=====", "* * *", "~~~~": a separator rule (three or more of one mark).
SEPARATOR_RULE = re.compile(f"^{HSPACE}*([_\\-=*~#\u2014\u2013\u2500\u2550•·])(?:{HSPACE}*\\1){{2,}}{HSPACE}*$")

# ".", "|", "»", "_": a line of one or two punctuation marks (markdown "_" included) and nothing else.
STRAY_PUNCTUATION = re.compile(f"^{HSPACE}*(?:[^\\w\\s]|_){{1,2}}{HSPACE}*$")

# "_______________" (five or more underscores): the rule above a page's footnotes.
FOOTNOTE_RULE = re.compile(f"^{HSPACE}*_{{5,}}{HSPACE}*$")

# "1 See resolution 2200 A (XXI), annex." / "12  Official Records ...": a footnote line.
FOOTNOTE_LINE = re.compile(f"^{HSPACE}*\\d{{1,3}}{HSPACE}+\\S")

def FOOTNOTE_REFERENCE(number: int) -> re.Pattern[str]:  # noqa: N802 - a pattern, named like one
    """'Treaty,1' / 'Child4' / '1996,3' / '[3]' / '[^3]': footnote `number` referenced in text."""
    return _FOOTNOTE_REFERENCES.setdefault(number, re.compile(
        rf"(?<=[A-Za-z,.;:\u201d\u2019\"')\]]){number}(?!\d)|\[\^?{number}\]"))


_FOOTNOTE_REFERENCES: dict[int, re.Pattern[str]] = {}

# "[^1]: See A/80/348.": a markdown footnote definition (indented lines continue it).
MARKDOWN_FOOTNOTE = re.compile(r"^\[\^[^\]\s]{1,20}\]:")

# "2/3", "Page 2", "Page 2 of 3", "- 2 -": a page number alone on a line.
PAGE_NUMBER = re.compile(f"^{HSPACE}*(?:\\d{{1,4}}{HSPACE}*/{HSPACE}*\\d{{1,4}}|page{HSPACE}+\\d{{1,4}}(?:{HSPACE}+of{HSPACE}+\\d{{1,4}})?|[-\u2013]{HSPACE}*\\d{{1,4}}{HSPACE}*[-\u2013]){HSPACE}*$", re.IGNORECASE)

# "A/RES/80/10", "25-19432", "25-19432 (E)", "*2519432*", "S/PRST/1996/17", "COM(2025) 18
# final", "2025/0006 (NLE)": identifiers that mastheads, cover pages and running headers or
# footers carry alone on a line.
DOCUMENT_IDENTIFIER = re.compile(
    r"^(?:[A-Z]{1,6}(?:/[A-Z0-9.\-]+){1,6}|\d{2}-\d{4,6}(?:\s*\([A-Z]\))?|\*\d{5,}\*"
    r"|COM\(\d{4}\)\s*\d{1,4}(?:\s+final)?|\d{4}/\d{4}\s*\([A-Z]{2,4}\))$"
)

# "Distr.: General", "Distr.: Limited": the distribution line of a masthead.
DISTRIBUTION = re.compile(r"\bDistr\.:\s*\w+")

# "Resolution adopted by the General Assembly", "[without reference to ...]",
# "80/1. Participation ...": the first line of a document's own text after its masthead.
MASTHEAD_END = re.compile(r"\badopted\s+by\b|^\[|^\d{1,3}/\d{1,4}\.\s", re.IGNORECASE)

# "_[AA : A1838, 3123/4/2]_", "[Source: ...]": an archive or web reference in brackets,
# alone on a line (markdown emphasis allowed around it).
BRACKETED_REFERENCE = re.compile(r"^[_*]{0,2}\[[^\]\[]{2,120}\][_*]{0,2}$")

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
    r"|advertisement|advert|sponsored(?:\s+content)?|caption|close|expand|show\s+more|load\s+more|loading"
    r")\s*[:|»›]*$",
    re.IGNORECASE,
)

# "6", "12": a bare number on a line of its own (an image counter, a stray page furniture
# digit); a clause label always has punctuation ("1.", "(2)").
STRAY_NUMBER = re.compile(f"^{HSPACE}*\\d{{1,3}}{HSPACE}*$")

# "Updated 5:27 am CST, Wednesday, November 20, 2019", "Published at 1:23 p.m.": a time stamp.
TIMESTAMP = re.compile(r"^(?:last\s+)?(?:updated|published|posted|modified)(?:\s+(?:at|on))?\s*:?\s+\S.*\d", re.IGNORECASE)

# "[vw-id-space-vizzion-concept-6-1]", "[INS::INS]", "[ID]": an image or embed placeholder
# that a page dump prints in brackets.
IMAGE_PLACEHOLDER = re.compile(r"^\[[^\]\s]{1,80}\]$")

# "Related stories", "Most read in world news", "3 Comments", "Leave a Reply", "In Pictures",
# "Você pode gostar...", "Lire aussi", "Artículos relacionados", "関連記事": the heading of a
# page section that is not the article (related links, comments, teasers), in the languages
# the benchmark's pages are in.
SECTION_OF_LINKS = re.compile(
    r"^(?:\[\s*)?(?:related(?:\s+\w+){0,2}|recent(?:\s+\w+)?\s+posts|most\s+(?:read|popular|viewed|shared)(?:\s+\w+){0,4}"
    r"|more\s+(?:stories|news|from\b.*|on\b.*|in\b.*|articles|like\s+this)|you\s+(?:may|might)\s+(?:also\s+)?like"
    r"|read\s+(?:more|next|also)|next\s+up(?:\s+in\b.*)?|up\s+next|trending(?:\s+now)?|popular(?:\s+\w+)?|recommended(?:\s+\w+){0,2}"
    r"|(?:(?:top|rated|reader|readers\W?|user|show|view|all|latest)\s+){0,3}(?:\d+\s*)?(?:comments?|responses?|replies)"
    r"|leave\s+a\s+(?:reply|comment)|join\s+the\s+discussion"
    r"|in\s+pictures|(?:latest|top)\s+(?:news|stories|posts|videos|headlines)|top\s+stories|sponsored(?:\s+\w+)?"
    r"|story\s+timeline|must\s+read(?:\s+\w+){0,3}|around\s+the\s+web|promoted(?:\s+\w+)?"
    # Portuguese, Spanish, French, German, Italian, Japanese, Chinese
    r"|voc\u00ea\s+(?:tamb\u00e9m\s+)?(?:pode|vai)\s+gostar|(?:veja|leia)\s+(?:tamb\u00e9m|mais)"
    r"|(?:mat\u00e9rias|not\u00edcias|artigos|posts)\s+relacionad[oa]s|coment\u00e1rios|mais\s+lid[oa]s"
    r"|(?:tambi\u00e9n\s+)?te\s+puede\s+interesar|(?:noticias|art\u00edculos)\s+relacionad[oa]s|lee\s+tambi\u00e9n"
    r"|comentarios|lo\s+m\u00e1s\s+le\u00eddo|(?:\u00e0\s+)?lire\s+aussi|articles\s+(?:similaires|connexes)"
    r"|sur\s+le\s+m\u00eame\s+sujet|commentaires|les\s+plus\s+lus|mehr\s+zum\s+thema|\u00e4hnliche\s+artikel"
    r"|das\s+k\u00f6nnte\s+sie\s+auch\s+interessieren|kommentare|meistgelesen|articoli\s+correlati|leggi\s+anche"
    r"|(?:ti\s+)?potrebbe\s+interessarti|commenti|\u95a2\u9023\u8a18\u4e8b|\u30b3\u30e1\u30f3\u30c8"
    r"|\u76f8\u5173\u6587\u7ae0|\u8bc4\u8bba)(?:\s*\])?\s*[:.\u2026]*$",
    re.IGNORECASE,
)

# "... in Madrid. (AP Photo/Jane Doe)", "Sanjeev Verma/Hindustan Times/Getty Images",
# "FILE - In this Monday, Oct. 28, 2019, file photo, ...", "Photograph by R. Beck/AFP":
# a photo caption, told by its agency credit anywhere in the line.
CAPTION_CREDIT = re.compile(
    r"\b(?:getty\s+images|shutterstock|(?:ap|afp|epa|reuters|pa|ani)\s+photo|photo(?:graph)?\s*(?:by\s|:)"
    r"|image\s+copyright|in\s+this\s+(?:[\w.,]+\s+){0,6}?(?:file\s+)?photo(?:graph)?\b)"
    r"|/\s*(?:reuters|afp|ap|getty|epa|bloomberg)\b",
    re.IGNORECASE,
)

# "Subscribe to our newsletter.", "Want more deals? Join the Deals Newsletter.", "Follow us on
# Twitter", "Get the top headlines delivered to your inbox": a promotion of the site's own
# newsletter or channels.
PROMO = re.compile(
    r"^(?:\W{0,6}|[^.!?]{0,60}[.!?]\s+)(?:subscribe\s+(?:to|now|for)|sign\s+up\s+(?:for|to|now|here)"
    r"|follow\s+(?:us|me|her|him)\s+on|join\s+(?:the|our)\b[^.]{0,40}\bnewsletter)"
    r"|^[^.]{0,60}\bnewsletters?\b[^.]{0,40}$|\b(?:get|delivered)\s[^.]{0,40}\b(?:in|to|into)\s+your\s+inbox\b",
    re.IGNORECASE,
)

# "Kazakhstan - review" -> "kazakhstan-review" (with "-"), "(a)" -> "a" (with ""): the
# characters an Akoma Ntoso name or eId part leaves out (after lower-casing).
NOT_NAME_CHARACTERS = re.compile(r"[^a-z0-9]+")

# "Milan Griffes on September 12, 2018 at 4:47 pm said:", "1. thelastchargersfan says:",
# "34 responses to “Title”", "12 thoughts on “Title”": where a blog's comment section begins.
COMMENT_HEADER = re.compile(
    r"^(?:(?:[-•*·]|\d{1,4}[.)])\s*\S(?:\S|\s(?!\s)){0,40}|\S[^\n]{0,80}?\d{1,2}:\d{2}[^\n]{0,20}?)"
    r"\s(?:says|said|wrote|writes)\s*:$"
    r"|\b\d+\s+(?:responses?|thoughts|comments?|replies)\s+(?:to|on)\s+[\"“‘']",
    re.IGNORECASE,
)

# Chinese, Japanese and Korean characters (kana, CJK ideographs, Hangul syllables), and the
# full stop, exclamation and question marks of those scripts.
WIDE_CHARACTER = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
WIDE_SENTENCE_END = re.compile(r"[\u3002\uff01\uff1f]")

# "» Preview Autoracing – GP do Brasil 2019", "› Next story": a link item.
LINK_ITEM = re.compile(r"^[»›→]\s*\S")

# "We use cookies to improve your experience. By continuing you accept our cookie policy.",
# "Accept all cookies": a cookie notice.
COOKIE_NOTICE = re.compile(
    r"\b(?:we|this\s+(?:site|website)|our\s+(?:site|website))\s+uses?\s+cookies\b|\bcookie\s+(?:policy|settings|preferences|notice|consent)\b"
    r"|\b(?:accept|allow|reject|manage)\s+(?:all\s+)?cookies\b",
    re.IGNORECASE,
)

# "By A. Reporter", "BY JERUSALEM POST STAFF", "Written by Jane Doe": a by-line.
BYLINE = re.compile(r"^(?:(?:written|words|story|text|reporting)\s+)?by\s+[A-Z][\w.'\u2019\- ,&]{1,70}$", re.IGNORECASE)

# "... have strengthened in size (Image: GETTY )", "... Credit: Getty Images": a caption that
# ends with its credit.
TRAILING_CREDIT = re.compile(r"(?:\((?:image|photo|picture|pic|credit)s?\s*:[^()]{1,60}\)|\bcredit\s*:\s*[^.]{1,60})\s*\|?$",
                             re.IGNORECASE)

# "SEE MORE: Hong Kong protests ...", "READ NEXT: ...", "DON'T MISS": a teaser for another page
# (a bare section heading like "Related stories" is SECTION_OF_LINKS).
TEASER = re.compile(
    r"^(?:(?:see|read|watch|listen)\s+(?:more|also|next)\s*[:\-\u2013]\s*\S|don[\u2019']?t\s+miss\s*:?$|must\s+see\s*:?$)",
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
COPYRIGHT_FIELD_SEPARATOR = re.compile(r"[|·•]|\.(?=\s|$)")  # fields are stripped afterwards

# The non-name parts of a copyright field: "©", "(c)", "copyright", years "2011-2017", "all
# rights reserved", "by".
COPYRIGHT_NOISE = re.compile(
    r"©|\(c\)|\bcopyright\b|\ball\s+rights\s+reserved\b|\b\d{4}(?:\s*[-\u2013]\s*\d{4})?\b|\bby\b",
    re.IGNORECASE,
)

# Clause labels at the start of a line (numbers up to five digits: long lists exist).
# Each alternative is one label style:
#   "1)"  "12."  "1\."  "(1)"  "a)"  "b."  "(c)"  "iv)"  "(iv)"  "(A)"  "A."
# followed by whitespace (so "2.5 million" and "1)x" are not labels).
LABEL = re.compile(
    f"^{HSPACE}*(?P<label>"
    r"\((?P<pnum>\d{1,5})\)"
    r"|(?P<num>\d{1,5})(?P<numpunct>\\?[.)])"
    r"|\((?P<plet>[a-z]{1,4}|[A-Z])\)"
    r"|(?P<let>[a-z]{1,4}|[A-Z])(?P<letpunct>[.)])"
    f"){HSPACE}+(?=\\S)"
)

# "(1)The Rotterdam Convention ...": a recital label glued to its text (inline markup joined
# without a space when a page was turned into text).
GLUED_LABEL = re.compile(f"^{HSPACE}*(?P<label>\\((?P<pnum>\\d{{1,3}})\\))(?=[A-Z\u2018\u201c'\"])")

# "    (1)    Council Decision ...": a footnote at the foot of a rendered page (indented, a
# wide gap after the number).
INDENTED_NOTE = re.compile(f"^{HSPACE}+\\(\\d{{1,3}}\\){HSPACE}{{2,}}\\S")

# "1. ", "(a)", "iv)" alone on a line: PDF text often prints the label on a line of its own.
LABEL_ALONE = re.compile(
    f"^{HSPACE}*(?P<label>\\((?P<pnum>\\d{{1,5}})\\)|(?P<num>\\d{{1,5}})(?P<numpunct>\\\\?[.)])"
    f"|\\((?P<plet>[a-z]{{1,4}}|[A-Z])\\)|(?P<let>[a-z]{{1,4}}|[A-Z])(?P<letpunct>[.)])){HSPACE}*$"
)

# "SECTION 1. That ...", "Section 2 ", "Article 1" (alone on a line too), "ARTICLE 12.": a
# numbered section or article of an act, which is an operative clause of its own.
ARTICLE_LABEL = re.compile(
    f"^{HSPACE}*(?P<label>(?:SECTION|Section|ARTICLE|Article|Sec\\.)\\s+(?P<num>\\d{{1,3}})\\.?)(?:{HSPACE}+(?=\\S)|{HSPACE}*$)"
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
_TIME = r"(?:,?\s+\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?"  # "10:43", "5.54 p.m. CST"
DATE_DMY = re.compile(rf"^(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>[A-Za-z]{{3,9}})\.?,?\s+(?P<y>\d{{4}}){_TIME}$")
DATE_MDY = re.compile(rf"^(?P<m>[A-Za-z]{{3,9}})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}}){_TIME}$")
DATE_MY = re.compile(r"^(?P<m>[A-Za-z]{3,9})\.?,?\s+(?P<y>\d{4})$")
DATE_ISO = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$")
DATE_NUMERIC = re.compile(r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})$")  # "29.1.2025"

# "Recommendations for the section on:" / "... adopted on" : a lead-in line that announces
# the heading printed under it (ends with a colon or with a dangling function word).
HEADING_LEAD_IN = re.compile(
    r"(?::|\b(?:on|of|for|to|about|concerning|regarding|re|the|a|an|and|in))\s*$", re.IGNORECASE
)

# "corruption." "levels;" "follows:" "done!": a line that ends a sentence, clause or list lead.
LINE_END_PUNCTUATION = re.compile(r"[.;:!?,][\"'\u2019\u201d)\]*_]*$")

# "RESTRICTED", "IMMEDIATE SECRET", "CONFIDENTIAL": handling markings printed above a text.
HANDLING_MARKING = re.compile(
    r"^(?:[A-Z]{1,4}\d{1,5}[.:]?\s+)?(?:(?:TOP|IMMEDIATE|URGENT|PRIORITY|MOST|RESTRICTED|CONFIDENTIAL|SECRET"
    r"|UNCLASSIFIED|PERSONAL|IMPORTANT|CLEAR|EN|OFFICIAL|USE|ONLY|FOR|AND)\b[ ,.]*){1,5}$",
    re.IGNORECASE,
)

# "..., NEW YORK, 5 November 1947, 5.54 p.m.", "DATE OF FINAL PASSAGE: JAN 2, 2014": a line
# that carries a full date (a cable or memo header, a passage date).
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?"
DATED_HEADER = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}\b|\b{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\b",
    re.IGNORECASE,
)

# "RESOLUTION NO. R17-51", "RESOLUTION NUMBER R-308684", "No. 12/2020": a number line.
NUMBER_LINE = re.compile(r"^(?:[A-Za-z]+\s+){0,3}(?:No\.?|Number)\s*[\w./-]*\d[\w./-]*$", re.IGNORECASE)

# "[without reference to a Main Committee (A/80/L.7)]": a bracketed line of its own.
BRACKETED_LINE = re.compile(r"^\[[^\]]*\]$")

# "8 and 9 December 2025 ...", "51/45 O of 10 December 1996": a line that opens with a number
# (not a clause label) and so goes on with the sentence before it.
RUN_ON_NUMBER = re.compile(r"^\d{1,4}(?:/\d{1,4}[A-Z]?)?\s+(?:[a-z]|[A-Z]\s+[a-z])")

# "BE IT RESOLVED", "NOW, THEREFORE, BE IT FURTHER RESOLVED": formula words in front of
# 'RESOLVED' (they are not part of the clause).
LEADING_FORMULA = re.compile(
    r"^(?:now,?\s+therefore,?\s+)?be\s+it\s+(?:further\s+|also\s+)?(?=resolved\b)", re.IGNORECASE
)

# "...; and be it further", "...; NOW THEREFORE,", "...; now, therefore, be it": formula
# words run onto the end of a clause (group 'formula'; they open the next clause).
TRAILING_FORMULA = re.compile(
    r"[;,](?:\s+and|\s+or)?\s+(?P<formula>now,?\s+therefore,?(?:\s+be\s+it(?:\s+further)?)?"
    r"|(?:therefore,?\s+)?be\s+it(?:\s+further)?)\s*$",
    re.IGNORECASE,
)

# "E.C.A.F.E.", "U.S.A.": a line that ends with an abbreviation, not a sentence.
ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.){2,}$")

# " [matter omitted]", " [...]": an editor's note closing a line.
TRAILING_NOTE = re.compile(r"\[[^\]\[]{1,40}\]$")  # what is left is stripped afterwards

# "... reconsiders its position", "… and further": text that takes up where it was cut.
ELLIPSIS_START = re.compile(r"^(?:\.\.\.|\u2026)\s")

# "(R-2014-381)": a parenthesised reference alone on a line.
PARENTHESISED_LINE = re.compile(r"^\([^()]{1,40}\)$")

# "BY: Senator PARKER", "By Order of the Council": a by-line.
BY_LINE = re.compile(r"^by\b:?", re.IGNORECASE)

# "**Bill ID:** J106", "__Status:__ adopted": a markdown key-value field line.
FIELD_LINE = re.compile(r"^(?:\*\*|__)[^*_]{1,40}?:?(?:\*\*|__):?\s+\S")

# "[Explanatory memorandum](/memo.md)", "ver. 1.4.0", "version 2": a link or a version
# number, which mark short lines on top as a repository's card, not the document.
CARD_EVIDENCE = re.compile(r"\]\([^)\s]+\)|\bver(?:sion)?\.?\s*\d+(?:\.\d+)+")

# "**China–Representation**", "__Annex__": a line set wholly in bold (a markdown heading).
BOLD_LINE = re.compile(f"^{HSPACE}*(\\*\\*|__)(?=\\S)(?P<inner>[^*_]+?)(?<=\\S)\\1{HSPACE}*$")

# "... in Cairo on 11 April 1996,1" / "... 2024;2": footnote reference digits after the final
# punctuation of a clause (removed before asking how a text ends).
FOOTNOTE_REF_END = re.compile(r"(?<=[,;.:])\s?\d{1,3}$")

# "...; and", "..., or": a clause that goes on in the next one.
CLAUSE_CONTINUES = re.compile(r"[;,]\s+(?:and|or)$", re.IGNORECASE)

# Text that ends a sentence or clause: ".", ";", ",", ":", "!", "?", possibly followed by
# closing quotes/brackets: 'Corruption,' 'at:' 'assessed;' 'policy."'
CLAUSE_END = re.compile(r"[.;,:!?][\"'\u2019\u201d)\]]*$")


# Literal pieces, case-folded, at least one of which every match of the pattern contains. A
# line holding none of them cannot match, and `in` tells that far faster than the regular
# expression engine, which cannot skip ahead in a case-insensitive alternation. (Checked
# against the patterns in tests/test_patterns.py.)
NEEDLES: dict[re.Pattern[str], tuple[str, ...]] = {
    TRAILING_CREDIT: ("image", "photo", "pic", "credit"),
    COOKIE_NOTICE: ("cookie",),
    PROMO: ("subscribe", "sign", "follow", "newsletter", "inbox"),
    COPYRIGHT: ("\u00a9", "(c)", "copyright", "rights"),
    CAPTION_CREDIT: ("getty", "shutterstock", "photo", "image", "/"),
    COMMENT_HEADER: (":", "respons", "thought", "comment", "repl"),
}


def found(pattern: re.Pattern[str], text: str) -> bool:
    """`pattern.search(text) is not None`, answered without the engine when a needle of the
    pattern is missing from the text."""
    needles = NEEDLES.get(pattern)
    if needles is not None:
        folded = text.casefold()
        if not any(needle in folded for needle in needles):
            return False
    return pattern.search(text) is not None

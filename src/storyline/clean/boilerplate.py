"""Boilerplate removal for plain text: which lines of a page are the article.

A text dump has lost its markup, so link density and DOM position are gone. What is left
are the signals jusText and trafilatura also use on a block's text: its length, its share of
stopwords (real prose is full of "the", "of", "that"; menus and link lists are not), whether
it reads as a sentence, runs of short title-case lines (menus, related-story lists), lines
that are only timestamps, lines repeated across the page, and a small lexicon of generic
web furniture (copyright, cookies, share, subscribe, comments, disclaimer).

Then, as in Body Text Extraction (Finn et al. 2001), the article is the one contiguous
region of the page that maximises "prose minus furniture": each block scores positive when
it reads like article text and negative otherwise, and the maximum-sum run of blocks wins.
Short blocks inside that region are kept (jusText's context rule: a short line between
good ones is a subheading or a caption), furniture inside it is dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

__all__ = ["Block", "blocks", "caption_lines", "glued_credit", "headed_list_lines",
           "placeholder", "select", "site_disclaimer", "stoplist_for", "unglue_cards",
           "unglue_replacement", "widget_label"]

# jusText's defaults (length_low=70, length_high=200, stopwords 0.30/0.32) were tuned on
# HTML blocks; text-dump lines are whole paragraphs, so the long bound is lower. Calibrated
# on dumps-scrapinghub: body F1 flat from 90 to 110 chars (0.875), 0.831 at 60, 0.871 at 140.
LENGTH_GOOD = 100
# Below this a line is "short": too little text to judge on its own (jusText's length_low).
LENGTH_SHORT = 40
# Stopword share of prose: jusText's stopwords_high/low, kept (English prose ~0.4-0.5,
# menus and title lists < 0.2).
STOP_HIGH = 0.30
STOP_LOW = 0.20
# A sentence-like block has at least this many words (a menu item rarely has more).
SENTENCE_WORDS = 6
# Score of furniture blocks in the maximum-sum search, in "prose words": a bad line costs
# as much as this many words of good prose, so one stray menu line inside an article does
# not split it, while a long menu between two prose areas does. Calibrated on
# dumps-scrapinghub: body F1 0.825 at 2, 0.860 at 10, flat to 25, falling above (recall).
BAD_COST = 10.0
# A short line costs less: subheadings and captions sit inside articles (1.5-6 all within
# 0.004 of each other on the dumps).
SHORT_COST = 3.0
# Near-good prose (between the short and good thresholds) counts at this share of its words
# (0.2-0.5 equivalent, 1.0 lets title lists in).
NEAR_WEIGHT = 0.3
# A second prose region is kept too when it scores at least this share of the best one
# (articles split by an in-page ad or "related" box): 0.2 lets sidebars in, never (10)
# loses split articles; 0.6 best on dumps-scrapinghub.
SECOND_REGION_SHARE = 0.6

# Scripts written without spaces: a "word" there is about two characters, and common
# function characters (particles, auxiliaries) play the role of stopwords.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
CJK_FUNCTION = frozenset("のはをにがでともたしているだす的了是在和有我他这不也就们")
# Korean separates words by spaces and marks them with particle endings: the share of
# words ending in one stands in for the stopword share (prose ~0.4, menus ~0.1).
HANGUL = re.compile(r"[\uac00-\ud7af]")
HANGUL_PARTICLES = frozenset("은는이가을를에의도로와과서고며다")
# Share of CJK characters above which a line is measured in characters, not words.
CJK_SHARE = 0.3
# A sentence ends in . ! ? … : (possibly inside closing quotes or brackets); a title does
# not, nor does a list line ending in a counter "(185)". Chinese and Japanese end theirs in
# full-width marks (。！？, closing 」』）): without them every short Japanese sentence read as
# a title, and runs of them as a menu.
TERMINAL = re.compile(r"(?:[.!?…:;。！？．][\"”’»)\]」』）]*|[\"”’»」』])$")
# A hard-wrapped prose line stops mid-sentence: on a lowercase word or a comma.
WRAPPED = re.compile(r"(?:[a-zà-ÿ]{2}|,)$")
# Runs of this many non-prose lines in a row are menus or link lists, never subheadings.
# (An article's subheading or caption stands alone or in pairs; 3 was best on the dumps.)
LIST_RUN = 3
# A short line ending in "says:", "said:", "wrote:": a reply's header, and also an
# article's own introduction of a quote; either way a barrier (see _comment_marker).
COMMENT_BY = re.compile(r"^.{1,60}\s(?:says|said|wrote|commented)\s*:$", re.I)
# The start of a comment section or reader-response list: from here on the page holds
# readers' prose, which reads like an article but is not one.
COMMENTS = re.compile(
    r"^(?:[\[(]?\s*\d+\s+(?:comments?|responses?|replies|thoughts)\b"
    r"|(?:leave a|post a|add a|write a) (?:reply|comment)|comments?\s*(?:\(\d+\))?:?$"
    r"|reader comments|join the (?:discussion|conversation))", re.I)
# A reader's comment under its writer's name and the time it was posted ("Milan Griffes on
# September 12, 2018 at 4:47 pm said:"): a COMMENT_BY line with a posting stamp, a year
# (COMMENT_YEAR) and a clock time (CLOCK) both. An article introduces quotes the same way
# ("In a 2019 interview, the harbour master said:", "Speaking at 10:30 on Tuesday, Solheim
# said:"), with a year or a time but rarely both; so a line with only one of them counts
# when COMMENT_SIGNED or more such lines are on the page ("Jane - 2 May 2019 wrote:" over
# each reply). Everything below the first one is the readers' (see readers_below).
COMMENT_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
COMMENT_TIME = re.compile(r"\b(?:(?:19|20)\d{2}|\d{1,2}:\d{2})\b")
COMMENT_SIGNED = 2
# A comment-section marker ("Comments", "[ 167 comments ]") opens the readers' part when a
# line stamped with a clock time ("2 days ago at 07:52 am") follows within this many
# blocks (the first comment's name and time); a count of comments under a headline is
# followed by the article instead.
CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
# 4: a reply's header is its writer's name, then the time, often under a sort or rating
# line ("[ 12 comments ]", "Top Rated Comments", name, "2 days ago at 07:52 am": the time
# is the third block below); one more block of slack. Not tuned on a bundle.
COMMENT_REACH = 4
WORD = re.compile(r"\w+", re.UNICODE)
# Characters that print nothing and that str.strip() keeps: a line of only these (a blog
# editor's zero-width space between paragraphs) is an empty line, not a block of furniture.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
# Lines that are only dates, times, counters or separators ("11:57 03.09.2025",
# "November 20, 2019", "19 comments", "|").
TIMESTAMP = re.compile(
    r"^[\W\d_]*(?:(?:\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\d{1,4}[./-]\d{1,2}"
    r"[./-]\d{1,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|\d{1,4}(?:st|nd|rd|th)?|at|on|updated|"
    r"published|posted|ago|hours?|minutes?|days?|gmt|utc|[a-z]{2,4}t)[\s,.|/:-]*)+$",
    re.I)
# Generic web furniture: legal text, sharing, sign-up and comment widgets, ads, reading
# time. Words, not site strings; two hits (or one in a short line) mark a block as
# furniture. Collected from jusText's and trafilatura's boilerplate heuristics.
FURNITURE = re.compile(
    r"\b(?:copyright|all rights reserved|disclaimer|warranty|liability|terms of (?:use|service)"
    r"|privacy policy|cookies?|(?:un)?subscribe|subscription|newsletter|no spam|sign (?:in|up)"
    r"|log ?in"
    r"|register|share (?:this|on)|follow us|advertisement|advertising|sponsored|comments?"
    r"|read more|continue reading|sharing options|send this (?:page|article|story)"
    r"|related (?:stories|articles|posts)"
    r"|most (?:popular|read|viewed)|min(?:ute)? read"
    r"|tags?:|click here|download (?:the )?app|javascript|browser|trending|recommended"
    r"|registered trademarks?|intellectual property|informational purposes|medical advice"
    r"|affiliate (?:commission|links?)|terms and conditions)\b",
    re.I)
# The wording of sites' disclaimers ("the information on this website", "results may vary",
# "not intended to diagnose", "not been evaluated by", "consult your physician", "... are
# trademarks of ..."). News prose says some of these too ("Results vary widely between
# regions, the report found."), so they never mark a block as furniture: each only takes
# FURNITURE_WORDS off a good block's score (see weight), so that a run of disclaimers does
# not outscore the article above it.
DISCLAIMER = re.compile(
    r"\b(?:trademarks? of|(?:on|of|to|use) (?:this|our) (?:web ?)?site"
    r"|not intended to (?:diagnose|treat|cure|prevent|replace|be (?:a substitute|used))"
    r"|(?:has|have) not been evaluated by|results (?:may )?vary"
    r"|consult (?:your|a) (?:physician|doctor))\b",
    re.I)


# A prose block is furniture when it has a furniture term for every this many words
# (a disclaimer or sign-up blurb); one passing "comments" in a long paragraph is not.
# Or, once it holds two different terms, one occurrence for every FURNITURE_HIT_WORDS
# words: a cookie notice names "cookies" seven times in 99 words. Chosen between the
# words-per-hit of the notices and of the article paragraphs with two terms in one
# dev bundle (few blocks: a thin margin; bench/NOTES.md has the values and the check
# that no other bundle's article text changes with it).
FURNITURE_HIT_WORDS = 12
FURNITURE_WORDS = 15
# Three different furniture terms in one block (cookies + privacy policy + consent) mark it
# whatever its length: real articles about those things rarely name three in a paragraph.
FURNITURE_MANY = 3
# A teaser: a story's first words cut off mid-sentence by an ellipsis glued to the last
# word ("... the Indian state may soon...", "... this guy is going to be in the NHL next
# year?" The..."). A list of them is a "more stories" box: TEASER_LINES or more such lines
# with no good prose block between them (titles, dates, "Read more" may be). Prose that
# trails off ("and then we will decide what...", common in interviews, Spanish and French)
# has paragraphs between its ellipses and stays.
TEASER = re.compile(r"[\w\"”’'?!,](?:\.\.\.|…)$")
TEASER_LINES = 2
# A story's title glued to the first words of its summary, as a list of other stories loses
# its markup ("Ferry Link To Run Every Hour From SpringThe government said on Monday..."):
# two or more capitalised words (short lower-case ones between), then a lower-case run of
# three letters, three digits or a closing mark straight against a capitalised word (or
# the article "A"). Three letters, as brand names glue two ("MacBook", "AirPods",
# "YouTube"); two capitalised words, as a sentence opens "Users of WhatsApp", "Shares in
# BlackRock". GLUED_LINES or more together, no good block between, are a list; one such
# line inside an article is left alone. 3 rather than 2 so that two paragraphs of an
# article that happen to match stay; not tuned on a bundle.
GLUED_TITLE = re.compile(r"^(?:[‘“\"'(]?[A-Z0-9][\w'’.,:;&$%?!)-]*\s+(?:[a-z]{1,3}\s+)*){2,}"
                         r"[A-Z0-9][\w'’.,&-]*?(?:[a-z]{3}|\d{3}|[a-z0-9][?!.'’”)])"
                         r"(?=[A-Z][a-z]|A\s)")
GLUED_LINES = 3
# An author's box: "About Jane Roe", "Über Moritz Roe", "Sobre Carlos Roe" (a person's name
# of two or three words), then the writer's biography of at most BIO_BLOCKS paragraphs:
# they are no part of the article. Only when the next BIO_GAP blocks after the bio hold no
# good block (links, related titles, a comment form follow a bio; more of the article
# follows a subhead, at most a caption or a second subhead between): a subhead such as
# "About New York" mid-article reads the same, and the paragraphs under it are the
# article's. A company's one-word "About Acme" closes a press release, part of it there.
AUTHOR_BOX = re.compile(r"^(?i:about|über|sobre|à propos de|acerca de|a proposito di)\s+"
                        r"[A-ZÀ-Þ][\w'’.-]+(?:\s+[A-ZÀ-Þ][\w'’.-]+){1,2}$")
BIO_BLOCKS = 2
BIO_GAP = 6
# A date with its year printed more than once on the page ("Wednesday November 20, 2019"
# over each of a "more stories" list's items) is a list item's date: no region spans it.
# An article prints its own date once above it. Without the year, relative times repeated
# in a comment section ("2 days ago at 07:54 am") and table cells ("4") split articles.
LIST_DATE = re.compile(r"\b(?:19|20)\d{2}\b")
# A list of other stories under its heading ("More Great ... Stories", "Related news",
# "Next Up In", "See also"): a short line (at most LIST_HEADING_WORDS words) that names a
# list of stories: one of these openings with a word for stories, news, articles ...
# ("Latest figures", "More cuts to come", "Popular measures in the plan" are an article's
# subheads), or one of the fixed phrases. Then LIST_ITEMS or more title-like lines under it:
# short, of LIST_ITEM_WORDS or more words, opening on no bullet mark or lower-case word (a
# list's points, a run-on line; an emoji or a capital may open a title), ending no sentence
# (titles, questions), with no furniture term. The heading and its items are not the
# article's. The three counts are not tuned on a bundle: 6 words hold the longest headings
# of this kind ("More Great WIRED Stories", "You may also like"), 2 items make a list (one
# title under a heading is a link), and a title has 3 or more words where a menu item or a
# button ("Sign in", "Home") has fewer.
LIST_HEADING = re.compile(
    r"^(?:(?:more|most|related|recommended|popular|latest|trending|top|other)\b"
    r".*\b(?:stories|story|news|articles|posts|videos|headlines|reads|picks|links)\b"
    r"|(?:related|recommended|trending|most popular)\s*:?$|most (?:read|viewed|shared)\b"
    r"|next up|read next|read also|also read|see also|you (?:may|might) also like"
    r"|recommended for you|more (?:from|on)\b)", re.I)
LIST_HEADING_WORDS = 6
# A listed title is shorter than this: some sites' titles are a long sentence with no stop
# ("Fred admits he was AWFUL in his first season ... after being branded a £52m flop",
# RDR2 A6: under "TOP SPORT STORIES", read as Fred's statement). LENGTH_GOOD cut such
# a list at its first long title; an article's paragraph ends in a stop and is no title.
LIST_TITLE_CHARS = 2 * LENGTH_GOOD
LIST_ITEMS = 2
LIST_ITEM_WORDS = 3
# What no title-like line opens with: a bullet mark or a lower-case word.
NOT_TITLE_START = re.compile(r"^(?:[•·*▪►‣◦–—-]|[a-zß-ÿ])")
# What crossing a comment-section marker costs: no region spans the article and the readers'
# comments below it.
BARRIER_COST = 1e6
# A list the article introduces (issue 17, trust: never lose article text): a line of a
# region (more of the article may follow the list) or the line right after the region
# introduces it (ends in ":", "Tour 2020 dates:", see OTHER_READS, or
# is a short heading of at most INTRO_WORDS words that ends no sentence, "The Band Tour
# Dates", and no list-of-stories heading or furniture), then INTRO_ITEMS or more items of
# one shape: numbered in sequence ("1) ...", "2) ...", "Step 3."), a day ("June 9 -- ...",
# "Aug. 2 -- ...") or a bullet, each of LIST_ITEM_WORDS or more words, at most
# ITEM_LINES - 1 lines of the item's own (a link, a price) between two items. Tour dates,
# numbered product and step lists are short lines, which the runs rule (LIST_RUN) takes for
# a menu and no region reaches. A menu or a list of other stories has no such shape (its
# items open on a word each their own) or stands under a heading the rule refuses. The
# list ends at its last item and as many lines after it as its items have. Not tuned on a
# bundle: 3 items make a list as LIST_RUN, 2 own lines a product's link or price.
INTRO_WORDS = 8
INTRO_ITEMS = 3
ITEM_LINES = 3
NUMBERED = re.compile(r"^(?:step\s+)?\(?(\d{1,3})[.):]\s+\S", re.I)
# A month's name (English) and a day, no year: "Image 2 of 5" under a gallery is no day
DAY_ITEM = re.compile(r"^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s+"
                      r"\d{1,2}\b(?!\s*(?:[,:]?\s*(?:19|20)\d{2}))")
BULLET = re.compile(r"^[•·*▪►‣◦]\s*\S")
# A ":" line introduces the article's own list only when it reads as the article's
# sentence (review finding 9: "In other news:", "You might also be interested in:",
# "Watch:" over three headlines of other stories were kept as text): two words or more,
# no word for other stories or media (news, stories, videos ...), and no pointer to the
# reader's next read (OTHER_READS: "you might also like", "watch", "read", "don't miss").
# Words, not site strings; not tuned on a bundle.
OTHER_READS = re.compile(
    r"\b(?:news|stories|articles|posts|videos|headlines|podcasts|galleries|links)\b"
    r"|\byou\s+(?:may|might|could|should|will|'ll|’ll|would)\s+(?:also\s+)?"
    r"(?:like|love|enjoy|want|be interested)"
    r"|^(?:watch|listen|read|see|also|more|explore|discover|check out|don'?t miss|elsewhere"
    r"|trending|popular|recommended|related|follow)\b", re.I)
# A table or calendar printed one cell or one row a line (a standings table, a race
# calendar, a box score): no prose, so no line of it scores as the article's and the region
# search took a sidebar's teasers instead (dumps-scrapinghub: three pages at body F1 0.0).
# A row is a line of figures: a cell that is only a figure ("5040", "$50"), not a list's
# running number ("1", "2", ... over other stories' titles: a "Most popular" list), or a
# line with FIGURE_ROW_LEAST or more figures, one for every FIGURE_ROW_WORDS words or fewer
# ("1a etapa: 10 de março – Interlagos", "Palm Bay (1-0): Tolivert 25 points. Davis 17
# points."). No row holds a clock time, a date or a year (DATED_ROW: "06:26", "21.06.2020"
# are a story's time in a list of stories, or a feed's stamp lines). TABLE_ROWS or more
# rows with at most TABLE_GAP other lines between two (a driver's name cell, a section's
# heading), rows at least TABLE_ROW_SHARE of the lines (a list of stories with two counts
# under each title is a third titles), make a table. Scored by its words, a table is kept
# beside the best region as a second region is (SECOND_REGION_SHARE of the best region's
# score), with its heading and as many lines above its first row as stand between two of
# its rows (the first row's own cells: a position and a name over the points), and up to
# TABLE_GAP lines below it (a note under it). The prose stays: a table never takes the
# article's place (trust: a table under the article's intro was a meal plan). Counts not
# tuned on a bundle: 6 rows (twice LIST_RUN), the gap of a name cell and a heading;
# FIGURE_ROW_WORDS read off the box score's rows.
FIGURE = re.compile(r"\b\d+(?:[.,:/-]\d+)*(?:st|nd|rd|th|[aoºª])?\b")
FIGURE_CELL = re.compile(r"^[-+(#$€£]?\d[\d.,:/%'’+-]*\)?%?$")
DATED_ROW = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b(?:19|20)\d{2}\b")
COUNTER = re.compile(r"^\(?(\d{1,3})[.)]?$")
FIGURE_ROW_LEAST = 2
FIGURE_ROW_WORDS = 6
TABLE_ROWS = 6
TABLE_GAP = 2
TABLE_ROW_SHARE = 2 / 3
# Photo captions and credits (issue 17, reader finding 6: a person named in a caption left
# in the text became the antecedent of "he"). A credit line is only a credit: "Photo:
# ...", "Image credit: ...", "Photograph by ...", "Courtesy of ...", "© ...", or names and
# agencies joined by "/" or "|" that end on a picture agency ("Jane Roe/Hindustan Times/
# Getty Images", "Jane Roe | Bloomberg | Getty Images", "Jane Roe, AP"), or the agency
# alone. A caption carries its credit glued on ("... in May.Credit: The Siberian Times",
# "... (Image: GETTY)", "... (AP Photo/Jane Roe, File)", "... 2019.J. Roe / AP file",
# "... REUTERS/Jane Roe", "... [File: Reuters]", "... (NASA/JPL-Caltech/ASU)") or opens on
# a caption label ("Media caption...", "FILE PHOTO: ..."). The agencies are the wires and
# picture libraries news pages credit; the forms were read off dumps-scrapinghub's half 0.
# This module owns what a picture's credit and caption are; bylines.kind_of reads them here.
# The words for a picture in a credit's label, in the news languages of the date patterns
# ("Photo:", "Foto:", "Bild:", "Фото:", "Illustration:").
PICTURE_WORD = (r"(?:photo(?:graph)?s?|pictures?|pics?|images?|illustrations?|graphics?|"
                r"fotos?|fotograf(?:ie|ia|ía)s?|bild(?:er)?|imagen(?:es)?|imagem|zdjęcie|"
                r"фото(?:графия)?|иллюстрация)")
PICTURE_AGENCY = (r"(?:getty(?:\s+images)?|ap(?:\s+photo)?|afp|reuters|epa(?:-efe)?|"
                  r"shutterstock|alamy|bloomberg|nasa|esa|ap\s+images|istock(?:photo)?|"
                  r"associated\s+press|pa\s+images|xinhua|anadolu)")
CREDIT_LINE = re.compile(
    r"^[(\[]?(?:(?:" + PICTURE_WORD + r"|credit)"
    r"(?:\s+(?:credit|courtesy))?(?:\s*:|\s+by)\s*\S.{0,60}"
    r"|(?:courtesy\s+of|©)\s*\S.{0,60}"
    r"|(?:[\w.'’-]+(?:\s+[\w.'’-]+){0,5}\s*(?:[/|,]|\bvia\b)\s*)+" + PICTURE_AGENCY +
    r"(?:\s+(?:file|photo|images?|-\s*contributor))?"
    r"|" + PICTURE_AGENCY + r")[)\]]?$", re.I)
# What a credit label's text is (review finding 3: "... the child tax credit: $300 a month
# per child." and "... the fleet (ferries/trawlers)" are prose): names, at most
# CREDIT_NAME_WORDS words, each capitalised or a small joining word, no figure or "$"
# ("Credit: The Siberian Times", "Photo: Jane Roe for The Harbour Post", "Credit: 20th
# Century Fox"). 6: a photographer, a paper and an agency fit ("Jane Roe/Hindustan Times/
# Getty Images"); not tuned on a bundle.
CREDIT_NAME_WORDS = 6
_NAME = r"(?-i:(?:[A-Z@]|\d+[a-z])(?:[^\W\d_]|[.'’&@-])*)"  # "20th Century Fox": no number
CREDIT_NAMES = (_NAME + r"(?:[\s,/|&]+(?:" + _NAME + r"|(?:of|the|and|for|via|by|de|da|del"
                r"|van|von|le|la)\b)){0," + str(CREDIT_NAME_WORDS - 1) + r"}\s*[.)\]]?")
# A bracketed credit of names joined by "/": each part capitalised ("(NASA/JPL-Caltech/
# ASU)"), or one part a picture agency; "(ferries/trawlers)" is prose.
_CAP_PART = r"(?-i:[A-Z][\w.-]*)"
CAPTION_TAIL = re.compile(
    r"(?:\S(?:credit|photo|image)s?\s*(?::|\.\.\.|…)\s*(?:courtesy\s+(?:of\s+)?)?"
    + CREDIT_NAMES +
    r"|\s(?:photo\s+)?credit\s*(?::|\.\.\.|…)\s*(?:courtesy\s+(?:of\s+)?)?" + CREDIT_NAMES +
    r"|[(\[]\s*(?:" + PICTURE_WORD + r"|file|credit)(?:\s+credit)?\s*:[^)\]]{1,60}[)\]]"
    r"|\((?:ap\s+photo|photo\s+by)[^)]{1,60}\)"
    r"|\(" + _CAP_PART + r"(?:/" + _CAP_PART + r")+(?:,\s*file)?\)"
    r"|\((?:[\w.-]+/)+" + PICTURE_AGENCY + r"(?:/[\w.-]+)*(?:,\s*file)?\)"
    r"|\(" + PICTURE_AGENCY + r"(?:/[\w.-]+)+(?:,\s*file)?\)"
    r"|\S\s*/\s*" + PICTURE_AGENCY + r"(?:\s+file)?"
    r"|\breuters/[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}|[.)]\s+courtesy\s+of\s+\S.{0,60})$", re.I)
# A bracketed source ends a caption only when the caption speaks of its picture ("New
# Horizons took this image of ... (Source: NASA)"): a sentence of prose cites its figures'
# source the same way ("... rose to 5.2 percent in March. (Source: Eurostat)", review R3).
SOURCE_TAIL = re.compile(r"[(\[]\s*source\s*:[^)\]]{1,60}[)\]]$", re.I)
OWN_PICTURE = re.compile(r"\b(?:this|these)\s+(?:[\w-]+\s+){0,2}?" + PICTURE_WORD
                         + r"\b|\bpictured\b", re.I)
# A glued credit is looked for in a line's last this many characters (the longest form,
# a label and 60 characters of names, fits).
CAPTION_TAIL_CHARS = 90
# What a credit line always holds unless it is an agency's name alone (BARE_CREDIT): a
# label, a separator or "via" (see _may_credit).
CREDIT_CUES = ("photo", "imag", "pic", "illustration", "graphic", "foto", "bild", "zdję", "фото",
               "иллюстрация", "credit", "courtesy", "©", "/", "|", ",", " via ")
# What every CAPTION_TAIL and PROMPT form holds (a cheap look before the expression).
TAIL_CUES = ("credit", "photo", "image", "courtesy", ")", "]", "/")
PROMPT_CUES = ("inbox", "mail", "alerts", "deliver", "tweet")
CAPTION_HEAD = re.compile(r"^(?:media caption|file photo:|image caption)", re.I)
# A credit line that names no photographer: an agency alone ("Reuters") or a copyright or
# courtesy line, which pages print under the article's last paragraph or over the caption
# as often as under it; the line above such a credit is no caption of it.
BARE_CREDIT = re.compile(r"^[(\[]?(?:©|courtesy\b|" + PICTURE_AGENCY + r"[)\]]?$)", re.I)
# A caption of its own stands right above its credit line: at most this many characters
# (one or two sentences). Not tuned on a bundle: the captions read on half 0 were under 200.
CAPTION_CHARS = 240
# A caption is short: a paragraph of this many sentences or more (SENTENCE_WORDS words
# each) is never taken for one by what stands around it (a share button above it, a credit
# under it: a Russian lead between "Поделиться" and "Фото: ..." was lost); only its own
# signs (printed twice, a caption label or glued credit) make it one. Not tuned on a bundle.
CAPTION_SENTENCES = 2
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’»)]*\s+(?=[\"“«„(]?[^\W\d_])")
# A related story's headline between two paragraphs of the article ("Man Shot at Gas Station
# Dies at Hospital"): a line of HEADLINE_WORDS or more words, no final stop, every word of
# four letters or more capitalised (title case) or the whole line in capitals, between two
# prose blocks that end in a stop, sharing no content word (four letters or more, no
# stopword) with the paragraph under it: an article's subhead names what follows it.
# 6 words: the related headlines read on dumps-scrapinghub's half 0 had 6-12, most subheads
# fewer. Subheads that share no word with their paragraph still go (half 0: 3 of 8 lines
# dropped, product names in a gift guide and a how-to subhead; bench/NOTES.md).
HEADLINE_WORDS = 6
# A sign-up prompt for e-mail news ("Breaking News Emails", "... meet your inbox", "...
# delivered weekday mornings") or a pull quote's share button glued on ("...Click To
# Tweet"), in a line of at most 2 x LENGTH_GOOD characters.
PROMPT = re.compile(r"\b(?:(?:your|my) inbox|news (?:alerts|e-?mails)|e-?mail alerts"
                    r"|delivered (?:daily|weekly|weekday|each|every)\b.{0,20}"
                    r"(?:mornings?|evenings?|days?)|click to tweet)\b", re.I)
# A line that links to another story by its label ("Related: ...", "[Related: ...]", "See
# more: ...", "Also on example.com", "Read also: ..."), at most LENGTH_GOOD characters.
RELATED_LINE = re.compile(r"^[\[(]?\s*(?:related(?:\s+(?:post|article|story|links?))?"
                          r"|see (?:more|also)|read (?:more|also)|also read|also on\s+\S+"
                          r"|more on this)\s*(?::|$)", re.I)
# A site's disclaimer about what it prints (RDR2 A6: one kept as text became a key date,
# "Moneycontrol.com said that users to check with certified experts"): a line labelled
# "Disclaimer:", or one that disowns the views it prints ("views ... expressed ... are
# their own", "not responsible for"), advises readers as a site does ("consult/check with
# ... experts/advisers before ... decisions", "does not constitute ... advice"), in at most
# DISCLAIMER_CHARS characters. News quotes a body saying such things with a speaker and a
# reporting verb ("is not responsible for the delay, the council said"): a line with
# "said"/"says" is left. Not tuned on a bundle: the wordings are the disclaimers' own.
DISCLAIMER_LINE = re.compile(
    r"^[\[(*]?\s*(?:disclaimer|disclosure)\s*:"
    r"|\bviews\b.{0,80}\bexpressed\b.{0,120}\b(?:their|his|her|the author'?s?|its)\s+own\b"
    r"|\b(?:we|this (?:web)?site|the (?:web)?site|the publisher)\s+(?:is|are)\s+not\s+"
    r"(?:responsible|liable)\b"
    r"|\b(?:consult|check with)\b.{0,60}\b(?:experts?|advis[eo]rs?|professionals?)\b.{0,40}"
    r"\bbefore\b.{0,40}\b(?:decisions?|investing)\b"
    r"|\b(?:does|do|should) not (?:constitute|be (?:construed|considered) as)\b.{0,40}\badvice\b",
    re.I)
DISCLAIMER_CHARS = 3 * LENGTH_GOOD
DISCLAIMER_CUES = ("disclaimer", "disclosure", "expressed", "responsible", "liable", "before",
                   "advice")
SAID = re.compile(r"\b(?:said|says)\b", re.I)
# A hover card glued into a sentence (RDR2 A6, B3): a site prints a person's card right
# after the name's link, and the dump glues it on. What marks one is the glue of the name
# to the card's own full name ending on the same surname ("Rep. Jane RoeJane Ann Roe...":
# no sentence repeats a name glued to itself); the card runs on with its headlines to its
# link, a label in capitals ("... | Funding bill passes MORE (D-Minn.) said ..."), where the
# sentence resumes. The name is kept, the card is cut up to its link. At most CARD_CHARS
# characters of card (the cards read held 5-8 headlines, under 600). A word in capitals in
# a card's headline ends it early: part of the card stays, none of the sentence goes.
CARD_CHARS = 1000
HOVER_CARD = re.compile(r"(?P<last>[A-Z][\w'’-]+)(?P<name>(?:[A-Z][\w.'’-]*\s+){1,3}(?P=last))"
                        r"(?P<card>\S.{0," + str(CARD_CHARS) + r"}?)\s[A-Z]{3,}(?:\s[A-Z]{3,})?"
                        r"(?=\s)")
# A lower-case letter glued to a capital: a cheap look before HOVER_CARD.
GLUED_CASE = re.compile(r"[a-z][A-Z]")
# A sentence a link cut into lines ("Shares of construction goods giant" / "Acme" / "are
# dropping..."): a line that ends on no stop, then at most CUT_LINK_LINES short lines, then
# a line that opens lower-case. The lines are one sentence: kept or dropped together.
CUT_LINK_LINES = 2
LOWER_START = re.compile(r"^[a-zß-ÿ]+(?:[\s,;]|$)")
CUT_END = re.compile(r"[a-zß-ÿ]{2}$")


@dataclass(frozen=True, slots=True)
class Block:
    """One non-empty line of a page with the features the classifier reads."""

    index: int
    text: str
    length: int  # characters, CJK characters counted twice (they carry a word's worth)
    words: int
    stop_density: float
    terminal: bool
    furniture: int  # distinct furniture terms
    furniture_hits: int  # furniture terms, each time it occurs
    disclaimers: int  # disclaimer phrases, each time it occurs (DISCLAIMER)
    stamp: bool
    repeated: bool

    @property
    def chars(self) -> int:
        return self.length


@lru_cache(maxsize=1)
def _stoplists() -> dict[str, frozenset[str]]:
    import justext

    return {lang: frozenset(justext.get_stoplist(lang)) for lang in justext.get_stoplists()}


@lru_cache(maxsize=1)
def _stoplists_of() -> dict[str, tuple[str, ...]]:
    """Each stopword -> the stoplists that hold it, so a page's words are looked up once
    rather than once per stoplist (about a quarter of cleaning a text dump went to that)."""
    owners: dict[str, list[str]] = {}
    for lang, words in _stoplists().items():
        for w in words:
            owners.setdefault(w, []).append(lang)
    return {w: tuple(langs) for w, langs in owners.items()}


def stoplist_for(text: str) -> frozenset[str]:
    """The justext stoplist of the page's language: the one covering most of its words."""
    words = Counter(w.lower() for w in WORD.findall(text[:20000]))
    if not words:
        return frozenset()
    covered: Counter[str] = Counter()
    owners = _stoplists_of()
    for w, n in words.items():
        for lang in owners.get(w, ()):
            covered[lang] += n
    best = max(_stoplists().items(), key=lambda kv: (covered[kv[0]], kv[0] == "English"))
    return best[1]


def key(line: str) -> str:
    """A line compared for repetition: case, spacing and punctuation folded."""
    s = unicodedata.normalize("NFKC", line).lower()
    return " ".join(WORD.findall(s))


def blocks(lines: list[str], stoplist: frozenset[str]) -> list[Block]:
    """Features of each non-empty line (``index`` is its position in ``lines``)."""
    keys = {i: key(x) for i, x in enumerate(lines) if x.strip()}
    counts = Counter(keys.values())
    out = []
    for i, line in enumerate(lines):
        text = line.strip()
        if not text or not text.strip(INVISIBLE):
            continue
        k = keys[i] if text == line else key(text)  # most lines have no outer spaces
        n_words, density, length = measure(text, stoplist)
        hits = FURNITURE.findall(text)
        out.append(Block(
            index=i, text=text, length=length, words=n_words, stop_density=density,
            terminal=bool(TERMINAL.search(text)),
            furniture=len({m.lower().rstrip("s") for m in hits}), furniture_hits=len(hits),
            disclaimers=len(DISCLAIMER.findall(text)),
            stamp=bool(TIMESTAMP.match(text)) or not n_words,
            repeated=counts[k] > 1))
    return out


def measure(text: str, stoplist: frozenset[str]) -> tuple[int, float, int]:
    """Word count, stopword share and effective length of a line, for any script."""
    cjk = CJK.findall(text)
    hangul = HANGUL.findall(text)
    if len(hangul) >= CJK_SHARE * len(text):
        words = WORD.findall(text)
        marked = sum(w[-1] in HANGUL_PARTICLES for w in words)
        return len(words), marked / max(len(words), 1), len(text) + len(hangul)
    if len(cjk) >= CJK_SHARE * len(text):
        function = sum(c in CJK_FUNCTION for c in cjk)
        latin = len(WORD.findall(CJK.sub(" ", text)))
        return len(cjk) // 2 + latin, function / max(len(cjk), 1), len(text) + len(cjk)
    words = [w.lower() for w in WORD.findall(text)]
    stops = sum(w in stoplist for w in words)
    return len(words), stops / len(words) if words else 0.0, len(text)


def label(b: Block) -> str:
    """'good', 'near', 'short' or 'bad', from the block's own features (jusText's first pass)."""
    if b.stamp or b.furniture >= FURNITURE_MANY or (b.furniture and b.chars < LENGTH_GOOD):
        return "bad"
    if b.furniture >= 2 and (b.furniture * FURNITURE_WORDS >= b.words
                             or b.furniture_hits * FURNITURE_HIT_WORDS >= b.words):
        return "bad"
    if b.repeated and b.chars < LENGTH_GOOD:
        return "bad"  # menu items and related-story titles repeat; article lines rarely do
    if b.chars >= LENGTH_GOOD and b.stop_density >= STOP_HIGH and b.words >= SENTENCE_WORDS:
        return "good"
    if b.chars >= LENGTH_SHORT and b.stop_density >= STOP_LOW and b.words >= SENTENCE_WORDS:
        prose = b.terminal or (b.stop_density >= STOP_HIGH and bool(WRAPPED.search(b.text)))
        return "near" if prose else "short"
    if b.chars >= LENGTH_GOOD and b.stop_density < STOP_LOW:
        return "bad"  # long but no prose: lists of names, tickers, tag clouds
    return "short"


def weight(b: Block, cls: str) -> float:
    """The block's contribution to a region's score, in prose words."""
    if cls == "good":  # each furniture term takes FURNITURE_WORDS words off, down to "near";
        # each disclaimer phrase as much, off the "near" floor too (a block of them scores
        # below zero; they never make it furniture, see DISCLAIMER)
        off = FURNITURE_WORDS * (b.furniture_hits + b.disclaimers)
        floor = NEAR_WEIGHT * b.words - FURNITURE_WORDS * b.disclaimers
        return max(float(b.words - off), floor)
    if cls == "near":
        return NEAR_WEIGHT * b.words
    if cls == "short":
        return -SHORT_COST
    return -BAD_COST


def best_region(scores: list[float], lo: int, hi: int) -> tuple[int, int, float]:
    """The maximum-sum run ``[start, end)`` within ``scores[lo:hi]`` (Kadane)."""
    best = (lo, lo, 0.0)
    start, total = lo, 0.0
    for i in range(lo, hi):
        if total <= 0:
            start, total = i, 0.0
        total += scores[i]
        if total > best[2]:
            best = (start, i + 1, total)
    return best


def regions(scores: list[float]) -> list[tuple[int, int]]:
    """The best region, plus the best one on either side of it when it is substantial."""
    start, end, top = best_region(scores, 0, len(scores))
    if top <= 0:
        return []
    found = [(start, end)]
    for lo, hi in ((0, start), (end, len(scores))):
        s, e, val = best_region(scores, lo, hi)
        if val >= SECOND_REGION_SHARE * top:
            found.append((s, e))
    return sorted(found)


def _comment_marker(text: str) -> bool:
    """A comment-section marker or a "... said:" line: a barrier no region spans."""
    return bool(COMMENTS.match(text) or COMMENT_BY.match(text))


def readers_below(bs: list[Block], classes: list[str]) -> int:
    """Where the readers' comments start: the first signed comment header (COMMENT_BY with
    a year and a clock time, or with either when COMMENT_SIGNED or more such lines are on
    the page), or comment marker with a clock-stamped line within COMMENT_REACH blocks
    below it, when some good block stands above it; else the page's end.

    The barrier at a comment marker keeps a region from spanning the article and the
    comments, but a thread of long replies can still outscore a short post above it (a
    blog's 73-word open-thread note lost to its 300 words of answers); a comment signed and
    timed is never the article's, so no region is looked for below it. With no good block
    above (a forum thread, a page that is all replies) the whole page stays in the search.
    """
    dated = [i for i, b in enumerate(bs)
             if COMMENT_BY.match(b.text) and COMMENT_TIME.search(b.text)]
    stamped = {i for i in dated if COMMENT_YEAR.search(bs[i].text) and CLOCK.search(bs[i].text)}
    signed = set(dated) if len(dated) >= COMMENT_SIGNED else stamped
    for i, b in enumerate(bs):
        if i in signed or (COMMENTS.match(b.text) and any(
                x.stamp and CLOCK.search(x.text) for x in bs[i + 1:i + 1 + COMMENT_REACH])):
            return i if "good" in classes[:i] else len(bs)
    return len(bs)


def in_runs(classes: list[str]) -> list[str]:
    """Short lines in a run of LIST_RUN or more non-prose lines become bad (menus, lists)."""
    out = list(classes)
    for i, j in long_runs([c in ("short", "bad") for c in classes], LIST_RUN):
        out[i:j] = ["bad"] * (j - i)
    return out


def long_runs(flags: list[bool], least: int) -> list[tuple[int, int]]:
    """The (start, end) of every run of ``least`` or more consecutive true ``flags``."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(flags):
        j = i
        while j < len(flags) and flags[j]:
            j += 1
        if j - i >= least:
            runs.append((i, j))
        i = max(j, i + 1)
    return runs


def _list_stamp(b: Block) -> bool:
    """A date line (with its year) that the page prints more than once: one item's date in
    a list of stories (see LIST_DATE)."""
    return b.stamp and b.repeated and bool(LIST_DATE.search(b.text))


def _author_box_out(bs: list[Block], classes: list[str]) -> list[str]:
    """An author's box heading and its bio (at most BIO_BLOCKS prose blocks right below it)
    are furniture when no good block comes soon after them (see AUTHOR_BOX)."""
    out = list(classes)
    for i, b in enumerate(bs):
        if not AUTHOR_BOX.match(b.text):
            continue
        j = i + 1
        while j < len(bs) and classes[j] in ("good", "near"):
            j += 1
        if j - i - 1 > BIO_BLOCKS or "good" in classes[j:j + BIO_GAP]:
            continue
        out[i:j] = ["bad"] * (j - i)
    return out


def headed_list_lines(lines: list[str], stop: Callable[[str], bool] | None = None) -> set[int]:
    """Indexes into ``lines`` of list headings and the titles under them (LIST_HEADING); a
    line for which ``stop`` holds (a byline) ends a list."""
    bs = blocks(lines, frozenset())  # the list rule reads no stopwords
    return {bs[i].index for i in _headed_lists(bs, stop)}


def _list_item(b: Block) -> bool:
    """A story's title in a list: a short line of a few words that ends no sentence."""
    return b.words >= LIST_ITEM_WORDS and b.chars < LIST_TITLE_CHARS and not b.furniture and \
        not b.text.endswith((".", ",", ";")) and not NOT_TITLE_START.match(b.text)


def _headed_lists(bs: list[Block], stop: Callable[[str], bool] | None = None) -> set[int]:
    """Positions of list headings and the short title lines under them (see LIST_HEADING)."""
    out: set[int] = set()
    for i, b in enumerate(bs):
        if b.words > LIST_HEADING_WORDS or not LIST_HEADING.match(b.text) or \
                ":" in b.text.rstrip(":"):
            continue
        j = i + 1
        if j < len(bs) and bs[j].words < LIST_ITEM_WORDS and not bs[j].terminal and \
                _list_item_at(bs, j + 1, stop):
            j += 1  # the heading's section ("More in" / "Science & Health")
        titles = summaries = 0
        while _list_item_at(bs, j, stop):
            j += 1
            titles += 1
            # a title's short kicker under it ("Cheeky dig?") when a title follows
            if j < len(bs) and bs[j].words < LIST_ITEM_WORDS and bs[j].chars < LENGTH_SHORT \
                    and not bs[j].furniture and not bs[j].stamp and \
                    _list_item_at(bs, j + 1, stop):
                j += 1
            # the title's summary sentence under it: between two titles, or under the last
            # when every title above had one
            if j < len(bs) and _summary(bs[j]) and (_list_item_at(bs, j + 1, stop) or (
                    titles >= LIST_ITEMS and summaries == titles - 1)):
                j += 1
                summaries += 1
        if titles >= LIST_ITEMS:
            out.update(range(i, j))
    return out


def _list_item_at(bs: list[Block], j: int, stop: Callable[[str], bool] | None) -> bool:
    return j < len(bs) and _list_item(bs[j]) and not (stop and stop(bs[j].text))


def _summary(b: Block) -> bool:
    """A listed story's one-sentence summary under its title: at most LENGTH_GOOD x 2
    characters, ends in a stop, no furniture (see LIST_HEADING)."""
    return b.terminal and b.words >= SENTENCE_WORDS and b.chars <= 2 * LENGTH_GOOD and \
        not b.furniture and not b.stamp and not _list_item(b)


def _teasers_out(bs: list[Block], classes: list[str]) -> list[str]:
    """Teaser lines are furniture when TEASER_LINES or more of them stand together, with
    no good block between them: a list of them (see TEASER); so are GLUED_LINES or more
    titles glued to their summaries (see GLUED_TITLE)."""
    teasers = [i for i, b in enumerate(bs) if b.words >= SENTENCE_WORDS and TEASER.search(b.text)]
    glued = [i for i, b in enumerate(bs) if b.words >= SENTENCE_WORDS and GLUED_TITLE.match(b.text)]
    return _listed_out(classes, glued, GLUED_LINES, _listed_out(classes, teasers, TEASER_LINES))


def _listed_out(classes: list[str], items: list[int], least: int,
                out: list[str] | None = None) -> list[str]:
    """``out`` (a copy of ``classes``) with ``items`` marked bad where ``least`` or more of
    them stand together with no good block between them."""
    out = list(classes) if out is None else out
    group: list[int] = []
    for i in [*items, -1]:
        between = range(group[-1] + 1, i) if group and i >= 0 else None
        if between is not None and all(classes[k] != "good" for k in between):
            group.append(i)
            continue
        if len(group) >= least:
            for k in group:
                out[k] = "bad"
        group = [i]
    return out


def head(classes: list[str], start: int, end: int) -> int:
    """Where a region's article starts: its first good block and the prose right above it.

    Lines above a short (title) line are the page's header, not the article: an error
    banner or teaser sentence above the headline would otherwise join the region.
    """
    first = next((i for i in range(start, end) if classes[i] == "good"), start)
    while first > start and classes[first - 1] == "near":
        first -= 1
    return first


def select(lines: list[str], stoplist: frozenset[str]) -> list[int]:
    """Indexes into ``lines`` of the article's lines, in page order."""
    bs = blocks(lines, stoplist)
    classes = in_runs(_author_box_out(bs, _teasers_out(bs, [label(b) for b in bs])))
    scores = [-BARRIER_COST if _comment_marker(b.text) or _list_stamp(b) else weight(b, c)
              for b, c in zip(bs, classes, strict=True)]
    # a table's lines, its heading and its first row's own cells cost nothing: prose around
    # a table (a player's stats between the paragraphs on his game) is one region (see
    # TABLE_ROWS)
    tables = _tables(bs)
    tabled = {i for start, stop, own in tables for i in range(max(start - own - 1, 0), stop)
              if _table_line(bs[i])}
    for i in tabled:
        scores[i] = max(scores[i], 0.0)
    # a headed list of other stories is left out of the text, not of the region search: its
    # lines keep the scores that separate the article from what the page prints around it
    listed = _headed_lists(bs)
    kept: list[int] = []
    readers = readers_below(bs, classes)
    for start, end in regions(scores[:readers]):
        start = head(classes, start, end)
        introduced = _introduced_lists(bs, classes, start, end, listed)
        stop = max([end, *(r.stop for r in introduced)])
        kept.extend(i for i in range(start, stop)
                    if any(i in r for r in introduced) or (i not in listed and (
                        classes[i] != "bad" or _repeated_subhead(bs, classes, i) or (
                            i in tabled and _table_line(bs[i]) and not bs[i].furniture))))
    kept.extend(_tables_kept(bs, scores[:readers], tables, listed, set(kept), stoplist))
    captions = _captions([b.text for b in bs])
    keep = _cut_sentences_in(bs, set(kept), listed | captions)
    keep -= captions | {i for i in keep if _headline_between(bs, classes, i, stoplist)}
    return [bs[i].index for i in sorted(keep)]


def _tables_kept(bs: list[Block], scores: list[float], tables: list[tuple[int, int, int]],
                 listed: set[int], kept: set[int], stoplist: frozenset[str]) -> list[int]:
    """Positions of the lines of each of ``tables`` above the readers' comments (``scores``
    ends there) that scores as a second region beside the best one and that no kept region
    reaches, with its own lines around it (see TABLE_ROWS). Under kept prose, a table is
    the article's only when it names someone or something the prose names: a box score
    names the game's players; a markets ticker under a council story names nothing of it
    (review R3). A table above every kept line stands where a page prints its article,
    under the headline (a standings page, a race calendar: the region search, finding no
    prose there, took a sidebar's teasers below it), and stays."""
    end = len(scores)
    top = best_region(scores, 0, end)[2]
    prose: set[str] | None = None
    out: list[int] = []
    for start, stop, own in tables:
        if stop > end or set(range(start, stop)) & kept or \
                sum(bs[i].words for i in range(start, stop)) < SECOND_REGION_SHARE * top:
            continue
        lo = start
        while lo > max(start - own - 1, 0) and _table_line(bs[lo - 1]):
            lo -= 1
        hi = stop
        while hi < min(stop + TABLE_GAP, end) and _table_line(bs[hi]):
            hi += 1
        if kept and min(kept) < lo:
            if prose is None:
                prose = {w for i in kept for w in _names_in(bs[i].text, stoplist, True)}
            if not any(w in prose for i in range(lo, hi)
                       for w in _names_in(bs[i].text, stoplist, False)):
                continue
        out.extend(i for i in range(lo, hi) if i not in listed and not bs[i].furniture)
    return out


# A word of two letters or more; a capitalised one is a name's word ("Tolivert", "FTSE"),
# and so is any word of a script without case, where nothing tells a name.
_LETTERS = re.compile(r"(?<![\w'’-])[^\W\d_]{2,}")


def _names_in(text: str, stoplist: frozenset[str], prose: bool) -> set[str]:
    """The capitalised words of ``text`` that are no stop words; in ``prose``, not the one
    opening a sentence ("The", "Work"), which says nothing of a name. A table's cell opens
    on its name ("Tolivert 25 points")."""
    opens = {0, *(m.end() for m in SENTENCE_END.finditer(text))} if prose else set()
    return {m[0] for m in _LETTERS.finditer(text)
            if not m[0][0].islower() and m.start() not in opens and
            m[0].lower() not in stoplist and not (prose and m.start() - 1 in opens)}


def _table_line(b: Block) -> bool:
    """A line a table may hold or have around it: no furniture, comment marker or list date."""
    return not b.furniture and not _comment_marker(b.text) and not _list_stamp(b)


def _tables(bs: list[Block]) -> list[tuple[int, int, int]]:
    """The ``[start, end)`` of each table printed one cell or row a line (see TABLE_ROWS),
    and the most lines that stand between two of its rows."""
    rows: list[int] = []
    counted = -1
    for i, b in enumerate(bs):
        cell = FIGURE_CELL.match(b.text) is not None
        if b.furniture or not (cell or _figure_line(b)):
            continue
        if DATED_ROW.search(b.text):
            continue  # a story's time or date in a list of stories ("06:26", "21.06.2020")
        if cell:
            m = COUNTER.match(b.text)
            n = int(m[1]) if m else -1
            if n not in (1, counted + 1):
                rows.append(i)  # (1 or one more than the last bare number: a list's count)
            counted = n
        else:
            rows.append(i)
    out: list[tuple[int, int, int]] = []
    group: list[int] = []
    for i in [*rows, -1]:
        if group and i >= 0 and i - group[-1] - 1 <= TABLE_GAP and \
                all(_table_line(bs[k]) for k in range(group[-1] + 1, i)):
            group.append(i)
            continue
        if len(group) >= TABLE_ROWS and \
                len(group) >= TABLE_ROW_SHARE * (group[-1] - group[0] + 1):
            out.append((group[0], group[-1] + 1,
                        max(b - a - 1 for a, b in pairwise(group))))
        group = [i]
    return out


def _figure_line(b: Block) -> bool:
    """A line of FIGURE_ROW_LEAST or more figures, one for every FIGURE_ROW_WORDS words."""
    if b.stamp:
        return False
    found = FIGURE.findall(b.text)
    return len(found) >= FIGURE_ROW_LEAST and FIGURE_ROW_WORDS * len(found) >= b.words


def unglue_cards(text: str) -> str:
    """``text`` without the hover cards glued after a name (see HOVER_CARD)."""
    return HOVER_CARD.sub(r"\g<last>", text) if GLUED_CASE.search(text) else text


def _cut_sentences_in(bs: list[Block], kept: set[int], listed: set[int]) -> set[int]:
    """``kept`` with every line of a sentence that links cut into lines when one of its
    lines is kept (see CUT_LINK_LINES): a short link line inside a sentence ("Acme") is
    the article's text, and so is the sentence's start above it. No line of ``listed``
    (lists of other stories, captions) joins."""
    out = set(kept)
    for i, b in enumerate(bs):
        if b.terminal or b.furniture or b.stamp or not CUT_END.search(b.text):
            continue
        for j in range(i + 1, min(i + 2 + CUT_LINK_LINES, len(bs))):
            if LOWER_START.match(bs[j].text):
                chain = set(range(i, j + 1))
                if chain & out and not chain & listed and all(
                        bs[k].chars < LENGTH_SHORT and not bs[k].furniture and not bs[k].stamp
                        for k in range(i + 1, j)):
                    out |= chain
                break
            if bs[j].chars >= LENGTH_SHORT or bs[j].terminal:
                break
    return out


def _captions(texts: list[str]) -> set[int]:
    """Positions in ``texts`` (a page's non-empty lines, stripped) of photo captions and
    credits (see CREDIT_LINE), of lines that link to another story by a label
    (RELATED_LINE) and of sign-up prompts (PROMPT)."""
    out: set[int] = set()
    printed: Counter[str] | None = None
    for i, text in enumerate(texts):
        n = len(text)
        if n < LENGTH_GOOD and _may_credit(text) and CREDIT_LINE.match(text):
            out.add(i)
            above = texts[i - 1] if i else ""
            # the caption over its credit: a sentence (a headline over a photo's credit
            # ends in no stop), no list item, not over a bare agency, © or courtesy line
            if not above or len(above) > CAPTION_CHARS or not TERMINAL.search(above) or \
                    above.endswith(":") or BARE_CREDIT.match(text) or NUMBERED.match(above):
                continue
            if printed is None:
                printed = Counter(key(x) for x in texts)
            if _caption_above(above, texts[i - 2] if i > 1 else "", printed):
                out.add(i - 1)
        elif _caption_or_prompt(text):
            out.add(i)
    return out


def _caption_above(above: str, before: str, printed: Counter[str]) -> bool:
    """The sentence over a credit line is its caption only with a second sign (review
    finding 2: a credit mid-article with no caption over it, "Photo: Jane Roe" or
    "Reporting by Jane Roe, Reuters", took the paragraph above with it): the page prints
    it twice (a caption under the photo and in a gallery), it has a caption's label or
    glued credit or a furniture term (a promo over its image), it is shorter than an
    article's paragraph (LENGTH_GOOD), or it continues no prose: the line ``before`` it is
    no sentence (a share count, an image counter, a headline or dateline over the lead
    photo; an article's paragraph follows another)."""
    return len(above) < LENGTH_GOOD or printed[key(above)] > 1 or \
        bool(CAPTION_HEAD.match(above) or FURNITURE.search(above)) or \
        _caption_or_prompt(above) or (
            not (TERMINAL.search(before) and len(WORD.findall(before)) >= SENTENCE_WORDS)
            and _sentences(above) < CAPTION_SENTENCES)


def _sentences(text: str) -> int:
    """How many sentences of SENTENCE_WORDS or more words ``text`` holds (see
    CAPTION_SENTENCES): a short piece after a stop ("Dr. Roe") joins the one before."""
    return sum(len(WORD.findall(part)) >= SENTENCE_WORDS for part in SENTENCE_END.split(text))


def glued_credit(text: str) -> bool:
    """A picture's caption with its credit glued on or a caption's label ("... in May.
    Credit: Jane Roe", "... (Photo: Getty)", "Media caption ..."): see CAPTION_TAIL."""
    n = len(text)
    if CAPTION_HEAD.match(text):
        return True
    tail = text[-CAPTION_TAIL_CHARS:]
    if n > 2 * CAPTION_CHARS or not any(c in tail.lower() for c in TAIL_CUES):
        return False
    return CAPTION_TAIL.search(tail) is not None or (  # names are read by their case
        SOURCE_TAIL.search(tail) is not None and OWN_PICTURE.search(text) is not None)


def site_disclaimer(text: str) -> bool:
    """A site's disclaimer about what it prints, not reported speech (see DISCLAIMER_LINE)."""
    low = text.lower()
    return len(text) <= DISCLAIMER_CHARS and any(c in low for c in DISCLAIMER_CUES) and \
        DISCLAIMER_LINE.search(text) is not None and not SAID.search(text)


def _caption_or_prompt(text: str) -> bool:
    """A caption with its credit glued on or its label (CAPTION_TAIL, CAPTION_HEAD), a
    related-story label (RELATED_LINE) or a sign-up prompt (PROMPT)."""
    n = len(text)
    if glued_credit(text) or (n < LENGTH_GOOD and RELATED_LINE.match(text)):
        return True
    if site_disclaimer(text):
        return True
    low = text.lower()
    return n <= 2 * LENGTH_GOOD and any(c in low for c in PROMPT_CUES) and \
        PROMPT.search(text) is not None


def _may_credit(text: str) -> bool:
    """A cheap look before CREDIT_LINE (whose name runs backtrack on a menu's lines): an
    agency alone or a line with a label, a separator or "via"."""
    low = text.lower()
    return any(c in low for c in CREDIT_CUES) or BARE_CREDIT.match(text) is not None


def caption_lines(lines: list[str]) -> set[int]:
    """Indexes into ``lines`` of photo captions, credits and related-story labels (see
    CREDIT_LINE): no headline is looked for among them."""
    at = [i for i, x in enumerate(lines) if x.strip().strip(INVISIBLE)]
    return {at[k] for k in _captions([lines[i].strip() for i in at])}


def _content(text: str, stoplist: frozenset[str]) -> set[str]:
    return {w for w in (x.lower() for x in WORD.findall(text)) if len(w) > 3 and w not in stoplist}


def _headline_between(bs: list[Block], classes: list[str], i: int,
                      stoplist: frozenset[str]) -> bool:
    """A related story's headline between two prose blocks that shares no content word
    with the paragraph under it, as an article's subhead does (see HEADLINE_WORDS)."""
    b = bs[i]
    if b.terminal or b.words < HEADLINE_WORDS or b.chars >= LENGTH_GOOD:
        return False
    long = [w for w in WORD.findall(b.text) if len(w) >= 4 and not w.isdigit()]
    if not long or b.text.lower() == b.text or not (
            b.text.upper() == b.text or all(w[0].isupper() for w in long)):
        return False  # (a script without capitals has no title case)
    return all(0 <= k < len(bs) and classes[k] in ("good", "near") and bs[k].terminal
               for k in (i - 1, i + 1)) and not _content(b.text, stoplist) & _content(
                   bs[i + 1].text, stoplist)


def _repeated_subhead(bs: list[Block], classes: list[str], i: int) -> bool:
    """A numbered subhead ("2. Take inventory") the page prints twice (in its table of
    contents too): bad only as a repeated line, between two prose blocks. (Any repeated
    line there brought in as many captions, "Advert" and "Video" labels as subheads.)"""
    b = bs[i]
    return b.repeated and 0 < i < len(bs) - 1 and NUMBERED.match(b.text) is not None and \
        classes[i - 1] in ("good", "near") and classes[i + 1] in ("good", "near") and \
        not _comment_marker(b.text) and not _list_stamp(b) and \
        label(replace(b, repeated=False)) != "bad"


def _intro(b: Block, cls: str) -> bool:
    """A line that introduces a list: see INTRO_WORDS and OTHER_READS."""
    colon = b.text.endswith(":")
    if not colon and (cls == "good" or b.words > INTRO_WORDS or b.terminal):
        return False  # (first: every line of a region is looked at)
    if b.furniture or b.stamp or _comment_marker(b.text) or LIST_HEADING.match(b.text):
        return False
    if colon:
        return b.words >= 2 and not OTHER_READS.search(b.text)
    return not NOT_TITLE_START.match(b.text)


def _item_shape(b: Block) -> tuple[str, int]:
    """The shape of a list item ("numbered" with its number, "day", "bullet"), or ("", 0)."""
    if b.words < LIST_ITEM_WORDS or b.furniture or _comment_marker(b.text):
        return "", 0
    if (m := NUMBERED.match(b.text)) is not None:
        return "numbered", int(m[1])
    if DAY_ITEM.match(b.text):
        return "day", 0
    return ("bullet", 0) if BULLET.match(b.text) else ("", 0)


def _introduced_lists(bs: list[Block], classes: list[str], start: int, end: int,
                      listed: set[int]) -> list[range]:
    """Positions of the intro and items of each list the region ``[start, end)`` introduces
    (see INTRO_WORDS): one inside it (an article goes on below its list, review finding 9:
    the region spans the list, whose short lines the runs rule made bad) or right after it."""
    found: list[range] = []
    for intro in range(start, min(end + 1, len(bs))):
        if (found and intro < found[-1].stop) or intro in listed or \
                not _intro(bs[intro], classes[intro]):
            continue
        if got := _introduced_list(bs, intro, listed):
            found.append(got)
    return found


def _introduced_list(bs: list[Block], intro: int, listed: set[int]) -> range:
    """Positions of the intro at ``intro`` and the items of its list; an empty range when
    fewer than INTRO_ITEMS items follow it."""
    none = range(intro, intro)
    items: list[int] = []
    shape = ""
    number = 0
    i = intro + 1
    while i < len(bs) and i not in listed and (not items or i - items[-1] <= ITEM_LINES):
        kind, n = _item_shape(bs[i])
        starts = not items and n <= 1
        goes_on = kind == shape and (kind != "numbered" or n == number + 1)
        if kind and (starts or goes_on):
            items.append(i)
            shape, number = kind, n
        elif not items or bs[i].furniture or bs[i].stamp or _comment_marker(bs[i].text):
            break
        i += 1
    if len(items) < INTRO_ITEMS:
        return none
    own = min(b - a for a, b in pairwise(items)) - 1
    last = items[-1] + 1
    while last < len(bs) and last - items[-1] <= own and not _item_shape(bs[last])[0] and \
            not (bs[last].furniture or bs[last].stamp or _comment_marker(bs[last].text)):
        last += 1
    return range(intro, last)


# --- pages that are no article -------------------------------------------------------
# Placeholder text: a paywall or template stands dummy Latin where the article goes ("Dolor
# ipsam et est cumque. Laboriosam sed delectus ..."). Generators draw it from one small
# vocabulary, the words of Cicero's De finibus 1.32-33 ("Sed ut perspiciatis unde omnis
# iste natus error sit voluptatem ...") and the "Lorem ipsum" line made from them; real
# Latin prose uses far more words than these. A paragraph of at least PLACEHOLDER_MIN_WORDS
# words, PLACEHOLDER_SHARE of them from this vocabulary, is placeholder (the noz.de page of
# dates-mediacloud: 1.0 in both paragraphs; every other paragraph of 8+ words in
# dates-mediacloud, extraction-scrapinghub, seeds, the two dump bundles and meantime: at
# most 0.34, "The station will reopen in full at 5 a.m.").
_PLACEHOLDER_VOCABULARY = """
a ab accusamus accusantium ad adipisci adipiscing alias aliqua aliquam aliquid amet animi
aperiam architecto asperiores aspernatur assumenda at atque aut autem beatae blanditiis
commodi consectetur consequatur consequuntur corporis corrupti culpa cum cumque cupiditate
debitis delectus deleniti deserunt dicta dignissimos distinctio do dolor dolore dolorem
doloremque dolores doloribus dolorum ducimus ea eaque earum eius eiusmod eligendi elit enim
eos error esse est et eum eveniet ex excepturi exercitationem expedita explicabo facere
facilis fuga fugiat fugit harum hic id illo illum impedit in incidunt incididunt inventore
ipsa ipsam ipsum iste itaque iure iusto labore laboriosam laborum laudantium libero lorem
magna magnam magni maiores maxime minima minus modi molestiae molestias mollitia nam natus
necessitatibus nemo neque nesciunt nihil nisi nobis non nostrum nulla numquam obcaecati
odio odit officia officiis omnis optio pariatur perferendis perspiciatis placeat porro
possimus praesentium provident quae quaerat quam quas quasi qui quia quibusdam quidem quis
quisquam quo quod quos ratione recusandae reiciendis rem repellat repellendus reprehenderit
repudiandae rerum saepe sapiente sed sequi similique sint sit soluta sunt suscipit tempor
tempora tempore temporibus tenetur totam ullam unde ut vel velit veniam veritatis vero
vitae voluptas voluptate voluptatem voluptates voluptatibus voluptatum
"""
PLACEHOLDER_WORDS = frozenset(_PLACEHOLDER_VOCABULARY.split())
PLACEHOLDER_MIN_WORDS = 8
PLACEHOLDER_SHARE = 0.9
_PLACEHOLDER_WORD = re.compile(r"[^\W\d_]+")


def placeholder(paragraph: str) -> bool:
    """Whether a paragraph is dummy Latin (lorem ipsum), a template's stand-in for text."""
    words = [w.casefold() for w in _PLACEHOLDER_WORD.findall(paragraph)]
    return len(words) >= PLACEHOLDER_MIN_WORDS and \
        sum(w in PLACEHOLDER_WORDS for w in words) >= PLACEHOLDER_SHARE * len(words)


# --- U+FFFD, the replacement character ----------------------------------------------
# A page decoded with the wrong charset before it reached us shows U+FFFD for each byte
# it could not read: a cp1252 non-breaking space between words ("Rep. Jared Golden\ufffdof
# Maine"), a curly apostrophe ("haven\ufffdt"), an accented letter ("Pedro S\ufffdnchez").
# Only the first is a word boundary, told from the text around it: the part after it is a
# whole stopword of the page's language ("of", "said", "que") of at least
# GLUED_MIN_LETTERS letters, or a capitalised word after a lower-case word ("chances\ufffd
# Congress"); the part before is a word of at least GLUED_MIN_LETTERS letters
# (GLUED_CAPITAL_LEFT before a capital: "l\ufffdEurope", "qu\ufffdEmmanuel" are elisions);
# or it stands between a sentence's or an abbreviation's full stop, a comma or a colon and
# a capital ("out.\ufffdAn", "Sen.\ufffdRoy Blunt"); or both parts are words the page
# writes on their own elsewhere ("which\ufffdtotaled", "a\ufffdSupreme": a lost letter's
# halves, "gegen\ufffdber", "ser\ufffda", are no words of their own, and the part after needs
# GLUED_MIN_LETTERS letters). An
# apostrophe's tail ("t", "s", "re", "ll") and a lost letter's ("nchez", "a" of "Mar\ufffda")
# are no stopwords and stay as they are: the character is never dropped, only read as the
# space it stood for.
REPLACEMENT = "\ufffd"
GLUED_MIN_LETTERS = 2
GLUED_CAPITAL_LEFT = 3
# A lost letter's tail that is a stopword is a short one ("mod\ufffdle", "sc\ufffdne",
# "se\ufffdal", "Ca\ufffdon"): a stopword of fewer letters than this after U+FFFD splits
# only a left part the page writes on its own ("Golden\ufffdof" where it names Golden); a longer
# one ("pass\ufffdanother", "had\ufffdbeen") seldom ends a word and splits any.
GLUED_STOP_ALONE = 3
# A word on each side of it, read from a word's start and at most GLUED_WORD_LETTERS
# letters long: an unbounded run read from every letter of a long unspaced text (a Chinese
# or Japanese page) made the search quadratic; a longer "word" is no word to split at.
GLUED_WORD_LETTERS = 40
_GLUED = re.compile(rf"(?<![^\W\d_])([^\W\d_]{{1,{GLUED_WORD_LETTERS}}})\ufffd"
                    rf"(?=([^\W\d_]{{1,{GLUED_WORD_LETTERS}}})(?![^\W\d_]))")
_PUNCTUATION = "\"'“”‘’«»()[]{}.,;:!?…-–—/"
_AFTER_STOP = re.compile(r"(?<=\w[.,;:!?])\ufffd(?=[^\W\d_])")


def unglue_replacement(text: str) -> str:
    """``text`` with each U+FFFD that stands between two words (a mis-decoded
    non-breaking space) read as a space; one inside a word (a lost letter or apostrophe)
    kept. Same length: offsets into the text do not move."""
    if REPLACEMENT not in text:
        return text
    stop = stoplist_for(text)
    own = {w.casefold() for t in text.split() if REPLACEMENT not in t
           for w in [t.strip(_PUNCTUATION)] if w.isalpha()}
    spaces = set()
    for m in _GLUED.finditer(text):
        left, right = m.group(1), m.group(2)
        mine = left.casefold() in own
        word = right.islower() and len(right) >= GLUED_MIN_LETTERS and right in stop and \
            (mine or len(right) >= GLUED_STOP_ALONE)
        capital = left[-1].islower() and right[0].isupper() and \
            len(left) >= GLUED_CAPITAL_LEFT
        written = len(right) >= GLUED_MIN_LETTERS and mine and right.casefold() in own
        if (len(left) >= GLUED_MIN_LETTERS and (word or capital)) or written:
            spaces.add(m.end(1))
    spaces.update(m.start() for m in _AFTER_STOP.finditer(text) if text[m.end()].isupper())
    # rebuilt from the slices between those characters: a list of every character would
    # cost some 50 bytes a character on a long page
    ends = [-1, *sorted(spaces), len(text)]
    return " ".join(text[a + 1:b] for a, b in pairwise(ends))


# --- widget labels left in an HTML page's extracted text ----------------------------------
# The extractor keeps a short line a widget printed inside the article's container
# ("Advertisement", "Sign up for our emails", "READ MORE:") and a link to another story
# under a "Read more:" label. A paragraph of fewer than SENTENCE_WORDS words that names
# furniture (FURNITURE) and ends in no sentence's punctuation is such a label; so is one
# opening with LINK_LABEL. A sentence that names furniture ("Sign up for a Hulu ad-free
# account for $11.99 a month", a list item of an article) is longer and stays, and so does
# a short line whose furniture word is one of its words, not most of them: a subheading
# ("Advertising revenue falls", "Comments from the minister", "Register of voters"): a label
# is one whose furniture terms, with the site's own voice (SITE_VOICE), outnumber its other
# words that are no stopwords ("news" of "Most read in world news").
LINK_LABEL = re.compile(r"^(?:read more|read also|also read|see also|related(?: stories"
                        r"| articles| posts| coverage)?)\s*:", re.I)
# The site speaking to its reader ("Sign up for our emails", "Your thoughts and comments"):
# a widget's words, as its furniture terms are.
SITE_VOICE = frozenset({"you", "your", "we", "our", "us"})


def widget_label(paragraph: str) -> bool:
    """Whether a paragraph of an HTML page's extracted text is a widget's label or a
    "Read more:" link to another story, not the article's text."""
    s = paragraph.strip()
    if LINK_LABEL.match(s):
        return True
    if s.startswith(("- ", "• ")):  # a list's item ("- Limited Liability Company")
        return False
    ends = s.endswith((".", "!", "?", "…", '"', "”", "»"))
    if len(WORD.findall(s)) >= SENTENCE_WORDS or ends:
        return False
    furniture = sum(len(WORD.findall(m[0])) for m in FURNITURE.finditer(s))
    if not furniture:
        return False
    stop = _stoplists()["English"]
    other = [w.lower() for w in WORD.findall(FURNITURE.sub(" ", s)) if w.lower() not in stop]
    site = sum(w in SITE_VOICE for w in other)
    return furniture + site > len(other) - site


"""corpus.stories: a story is one affair, not a topical corpus's beat (RDR6 F7).

In a corpus about a few companies their names are on a large share of the pages: sharing
them says that two pages are on the beat, not that they report one affair.
"""

from __future__ import annotations

from dataclasses import replace

from storyline.corpus import stories
from storyline.corpus.reader import MemoryCorpus
from storyline.records import Article
from storyline.settings import Settings


def page(key: str, text: str, day: str) -> Article:
    return Article(id=key, source_id=key, source=key, text=text, published=day,
                   language="en")


# The beat: a planemaker and its rival, on every page of the corpus.
UNVEIL = ("Kestrel Aircraft unveiled its long-range Swift jet at its Norvale plant, saying the "
          "jet can fly 9,000 nautical miles with 300 passengers. Its rival Harrow Aerospace "
          "says its own long-range jet will carry more passengers. Kestrel Aircraft chief engineer "
          "Ida Brandt said airlines had shown strong interest in the new aircraft.")
ORDER = ("Pelican Airways ordered 20 long-range jets from Kestrel Aircraft, a deal worth $4 "
         "billion at list prices. Harrow Aerospace had offered its own aircraft, but Pelican "
         "chief executive Tomas Lind said the Kestrel jets burn less fuel on long flights "
         "with full passenger loads.")
# Other reports on the beat: each names both companies and people of its own.
BEAT = [
    ("Kestrel Aircraft cut 400 jobs at its Dunmoor wing factory, union leader Pia Sund said; "
     "Harrow Aerospace hired welders the same month."),
    ("Harrow Aerospace and Kestrel Aircraft both lost a tanker contest to a military builder, "
     "defence minister Olaf Reit told the Ostmark parliament."),
    ("A Kestrel Aircraft test jet landed safely at Brisk airfield after a tyre burst, pilot "
     "Nils Ekdal said; Harrow Aerospace sent its condolences to nobody, as nobody was hurt."),
    ("Kestrel Aircraft shares rose after quarterly profit doubled, analyst Vera Holm said, "
     "while Harrow Aerospace shares fell on delivery delays."),
    ("Harrow Aerospace delivered its hundredth freighter to Gannet Cargo; Kestrel Aircraft "
     "plans a freighter of its own, sales chief Arvo Pell said."),
    ("Kestrel Aircraft opened a training centre in Lysberg for 2,000 pilots, mayor Rut "
     "Vinter said; Harrow Aerospace runs one in Kolby."),
    ("Harrow Aerospace sued Kestrel Aircraft over a wing patent in a Tarnby court, lawyer "
     "Jon Bakke said; Kestrel Aircraft denies the claim."),
    ("Kestrel Aircraft named Sara Dahl its finance chief; Harrow Aerospace named a new "
     "chairman, Leo Strand, a week earlier."),
    ("Osprey Air retired its last Harrow Aerospace jet and will fly Kestrel Aircraft jets "
     "only, spokeswoman Maja Krog said."),
    ("Kestrel Aircraft and Harrow Aerospace showed new cabins at the Vessby air show, where "
     "organiser Emil Frost counted 90,000 visitors."),
]
FILLER = [
    "A Lindeby bakery won the regional bread prize for its rye loaf with a sour crust.",
    "Judges of the Lindeby bread prize praised the bakery rye loaf and its crust.",
]


def _features(beat: bool, order_day: str, order: str = ORDER,
              ) -> tuple[stories.Features, int, int]:
    arts = [page("unveil", UNVEIL, "2025-01-10"), page("order", order, order_day),
            *(page(f"f{i}", t, "2024-06-01") for i, t in enumerate(FILLER))]
    if beat:
        arts += [page(f"beat{i}", t, f"2024-{i + 1:02d}-15") for i, t in enumerate(BEAT)]
    corpus = MemoryCorpus(arts)
    infos = sorted(corpus.infos(), key=lambda a: a.id)
    k = {a.id: n for n, a in enumerate(infos)}
    return stories.features(infos, corpus, stories.CHANNEL_WEIGHTS), k["unveil"], k["order"]


def _sim(feats: stories.Features, i: int, j: int, settings: Settings) -> float:
    return float(stories.similarity(feats, 0, feats.size, settings)[i, j])


def test_pages_months_apart_that_share_only_the_beats_names_are_damped(
        settings: Settings) -> None:
    # 69 days apart, sharing the two companies and the plant: on their own they are three
    # names the pages share (a thread resuming names its participants again) ...
    order = ORDER + " The jets will be built at Norvale."
    alone, i, j = _features(False, "2025-03-20", order)
    assert _sim(alone, i, j, settings) == _sim(replace(alone, names=None), i, j, settings)
    # ... but when a dozen pages of the corpus name both companies, they are the beat: one
    # name of the affair's own (the plant) is shared, damped as a long silence is.
    topical, i, j = _features(True, "2025-03-20", order)
    damped = _sim(topical, i, j, settings)
    plain = _sim(replace(topical, names=None), i, j, settings)
    assert damped > 0 and abs(damped - stories.LONG_GAP_DAMPING * plain) < 1e-9


def test_pages_of_one_week_that_share_only_the_beats_names_are_damped(
        settings: Settings) -> None:
    # Three days apart: no gap, but the two companies are all the pages share.
    alone, i, j = _features(False, "2025-01-13")
    assert _sim(alone, i, j, settings) == _sim(replace(alone, participants=None), i, j,
                                                settings)
    topical, i, j = _features(True, "2025-01-13")
    damped = _sim(topical, i, j, settings)
    whole = _sim(replace(topical, participants=None), i, j, settings)
    assert damped > 0 and abs(damped - stories.NO_SHARED_NAME_DAMPING * whole) < 1e-9


def test_a_follow_up_that_names_the_affairs_own_people_keeps_its_likeness(
        settings: Settings) -> None:
    # The order page names the unveiling's engineer too: one participant few pages name.
    follow = ORDER + " Ida Brandt, the Kestrel Aircraft engineer, flew in for the signing."
    arts = [page("unveil", UNVEIL, "2025-01-10"), page("order", follow, "2025-01-13"),
            *(page(f"beat{i}", t, f"2024-{i + 1:02d}-15") for i, t in enumerate(BEAT))]
    corpus = MemoryCorpus(arts)
    infos = sorted(corpus.infos(), key=lambda a: a.id)
    k = {a.id: n for n, a in enumerate(infos)}
    feats = stories.features(infos, corpus, stories.CHANNEL_WEIGHTS)
    i, j = k["unveil"], k["order"]
    assert _sim(feats, i, j, settings) == _sim(replace(feats, participants=None), i, j,
                                               settings)

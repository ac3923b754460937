"""corpus.stories: a story is one affair, not a topical corpus's beat (RDR6 F7).

In a corpus about a few companies their names are on a large share of the pages: sharing
them says that two pages are on the beat, not that they report one affair.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from scipy.sparse import csr_matrix

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
     "Harrow Aerospace hired welders the same month. Workers marched through the town "
     "centre on Saturday, and shopkeepers closed early in sympathy with the strikers."),
    ("Harrow Aerospace and Kestrel Aircraft both lost a tanker contest to a military builder, "
     "defence minister Olaf Reit told the Ostmark parliament. Deputies in opposition asked "
     "the tender papers, calling the refuelling programme a waste of taxpayers' money."),
    ("A Kestrel Aircraft test jet landed safely at Brisk airfield after a tyre burst, pilot "
     "Nils Ekdal said. Firefighters sprayed foam on the smoking wheel while investigators "
     "photographed skid marks along the runway; Harrow Aerospace sent two experts."),
    ("Kestrel Aircraft shares rose after quarterly profit doubled, analyst Vera Holm said, "
     "while Harrow Aerospace shares fell on delivery delays. Currency swings and cheaper "
     "aluminium helped margins, and the dividend will rise by a fifth."),
    ("Gannet Cargo took its hundredth freighter from Harrow Aerospace; Kestrel Aircraft "
     "plans a freighter of its own, sales chief Arvo Pell said. Parcel volumes from online "
     "shopping have filled cargo holds since the pandemic, forwarders report."),
    ("Kestrel Aircraft opened a training centre in Lysberg for 2,000 pilots, mayor Rut "
     "Vinter said. The simulator hall, built on a former dairy site, brings forty teaching "
     "jobs and a new bus line to the suburb; Harrow Aerospace trains its pilots abroad."),
    ("Harrow Aerospace sued Kestrel Aircraft over a wing patent in a Tarnby court, lawyer "
     "Jon Bakke said. The claim concerns a curved tip that reduces drag, and judges will "
     "hear expert witnesses in the autumn."),
    ("Kestrel Aircraft named Sara Dahl its finance chief; Harrow Aerospace named a new "
     "chairman, Leo Strand, a week earlier. Dahl previously ran the treasury of a shipping "
     "group and studied economics in Uppsala."),
    ("Osprey Air retired its last Harrow Aerospace jet and will fly Kestrel Aircraft jets "
     "only, spokeswoman Maja Krog said. Travellers posted photographs of the farewell "
     "flight, which circled the lighthouse twice before landing."),
    ("Kestrel Aircraft and Harrow Aerospace showed new cabins at the Vessby air show, where "
     "organiser Emil Frost counted 90,000 visitors. Crowds queued for aerobatic displays, "
     "food stalls sold smoked fish, and rain stopped the fireworks."),
]
FILLER = [
    "A Lindeby bakery won the regional bread prize for its rye loaf with a sour crust.",
    "Judges of the Lindeby bread prize praised the bakery rye loaf and its crust.",
]


def _features(beat: bool, order_day: str, order: str = ORDER,
              ) -> tuple[stories.Features, int, int]:
    # Short made-up pages share the companies' words far more than long reports do (their
    # pages' mean cosine is near the story threshold): any bar under 1 makes the companies
    # the beat here; which names are the beat is tested on rows below.
    threshold = 0.9
    arts = [page("unveil", UNVEIL, "2025-01-10"), page("order", order, order_day),
            *(page(f"f{i}", t, "2024-06-01") for i, t in enumerate(FILLER))]
    if beat:
        arts += [page(f"beat{i}", t, f"2024-{i + 1:02d}-15") for i, t in enumerate(BEAT)]
    corpus = MemoryCorpus(arts)
    infos = sorted(corpus.infos(), key=lambda a: a.id)
    k = {a.id: n for n, a in enumerate(infos)}
    feats = stories.features(infos, corpus, stories.CHANNEL_WEIGHTS, beat_below=threshold)
    return feats, k["unveil"], k["order"]


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
    feats = stories.features(infos, corpus, stories.CHANNEL_WEIGHTS,
                             beat_below=settings.story_threshold)
    i, j = k["unveil"], k["order"]
    assert _sim(feats, i, j, settings) == _sim(replace(feats, participants=None), i, j,
                                               settings)


# One affair told by a dozen pages: its names are on every page, and the pages are alike.
TRIAL = [
    "Jurors in the Tarnby trial of former mayor Ove Hallin heard that he took bribes from "
    "a road builder, prosecutor Lise Borg said on day {n} of the trial.",
    "On day {n} of his bribery trial in Tarnby, former mayor Ove Hallin denied taking money "
    "from a road builder; prosecutor Lise Borg read out his bank statements.",
    "Prosecutor Lise Borg told the Tarnby court on day {n} that former mayor Ove Hallin hid "
    "the road builder's bribes in his brother's bank account.",
]


def test_one_affairs_own_names_on_every_page_are_no_beat(settings: Settings) -> None:
    # The names are on more than a tenth of the pages, as a beat's are, but their pages are
    # alike: they are the affair's participants, and the pages still share them.
    arts = [page(f"t{n}", TRIAL[n % 3].format(n=n + 1), f"2025-{n // 3 + 1:02d}-{n % 3 + 10}")
            for n in range(12)]
    corpus = MemoryCorpus(arts)
    infos = sorted(corpus.infos(), key=lambda a: a.id)
    feats = stories.features(infos, corpus, stories.CHANNEL_WEIGHTS,
                             beat_below=settings.story_threshold)
    assert feats.participants is None and feats.names is not None
    assert feats.names.nnz >= 2 * len(arts)
    found = stories.assign_stories(corpus, [], [], settings)
    assert len(found) == 1


def test_the_beat_is_many_pages_names_whose_pages_are_unalike() -> None:
    # 24 pages: "acme" on all (pages of many matters), "trial" on pages 0-10 (one affair:
    # they share a word), "mayor" on 2 pages only (few: never the beat).
    n = 24
    rows = np.zeros((n, n + 1))
    rows[np.arange(n), np.arange(n)] = 1.0
    rows[:11, n] = 1.0
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    keys = [["acme"] + (["trial"] if k < 11 else []) + (["mayor"] if k < 2 else [])
            for k in range(n)]
    # "acme": 110 of its 552 ordered pairs at cosine 0.5, mean 0.1; "trial": 0.5
    assert stories._beat(keys, csr_matrix(rows), 0.17) == {"acme"}


def test_a_particle_joins_a_name_only_before_another_capitalised_word() -> None:
    text = ("Ana Varga also met Omar al Bashir; it always rains at the Bank of England, and "
            "Harrow Aerospace delivered jets while Kestrel Aircraft offered none.")
    assert stories._capitalised_names(text) == [
        "Ana Varga", "Omar al Bashir", "Bank of England", "Harrow Aerospace",
        "Kestrel Aircraft"]

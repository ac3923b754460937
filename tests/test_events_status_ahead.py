"""What a clause tells as still to come (RDR5 F7): a present tense after "until" or "once"
is to come; a happening answered ("moved to dismiss the lawsuit") is real. Made-up
sentences, parsed by the pipeline's model."""

from __future__ import annotations

from typing import Any

import pytest

from test_events import _run


@pytest.mark.slow
@pytest.mark.parametrize(("text", "trigger", "status"), [
    ("The minister said the government must hold off until envoy Anna Lindqvist visits "
     "Bergen in a last effort at diplomacy.", "visits", "planned"),
    ("Talks with Nordavia will resume once the envoy arrives in Oslo.", "arrives", "planned"),
    # told as done: unchanged
    ("Talks with Nordavia resumed after the envoy arrived in Oslo.", "arrived", "happened"),
])
def test_a_present_in_a_clause_of_a_time_to_come_is_planned(nlp: Any, text: str,
                                                            trigger: str, status: str) -> None:
    found = [e for e in _run(nlp, text, []) if e.trigger == trigger]
    assert found and {e.status for e in found} == {status}



@pytest.mark.slow
def test_a_happening_answered_is_real_whatever_the_answers_mood(nlp: Any) -> None:
    # the motion is a plan; the lawsuit it would dismiss has been filed
    text = ("Government lawyers have moved to dismiss the Nordavia pilots' lawsuit, arguing "
            "that the union has no standing in the case.")
    found = [e for e in _run(nlp, text, []) if e.trigger == "lawsuit"]
    assert found and {e.status for e in found} == {"happened"}
    # an answer to come, to a happening not known to be real: still not happened
    text = "Sweden has said it will respond to a Russian attack on Finland."
    found = [e for e in _run(nlp, text, []) if e.trigger == "attack"]
    assert found and all(e.status != "happened" for e in found)

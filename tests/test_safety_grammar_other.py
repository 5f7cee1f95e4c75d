"""Plain statements about someone else in danger, built from their parts: all caught, and all
about that person.

The first-person grammar test (test_safety_grammar.py) holds the rules to every form of "ik wil
dood"; a friend in danger is said in as many forms ("my colleague thinks about ending his life",
"mijn huisgenoot beschadigt zichzelf", "a girl in my class was raped"). Each is a crisis of its
category, and its reply must be the one for a worried friend (subject "other"), not the one for
the writer. Acute danger (112 first) may stand in for any category.
"""

from __future__ import annotations

import itertools

import pytest

from bot.safety import detect

#: (who, he/she/they, his/her/their, himself/herself/themselves, him/her/them)
EN_WHO = [
    ("my best friend", "she", "her", "herself", "her"),
    ("my brother", "he", "his", "himself", "him"),
    ("my little sister", "she", "her", "herself", "her"),
    ("my roommate", "he", "his", "himself", "him"),
    ("my colleague", "he", "his", "himself", "him"),
    ("a girl in my class", "she", "her", "herself", "her"),
    ("my boyfriend", "he", "his", "himself", "him"),
    ("my friend", "they", "their", "themselves", "them"),
    # round V: the people of batch W
    ("my stepsister", "she", "her", "herself", "her"),
    ("my ex", "he", "his", "himself", "him"),
    ("a guy on my team", "he", "his", "himself", "him"),
]
EN = {
    "suicide": [
        "wants to die",
        "wants to kill {refl}",
        "is going to kill {refl}",
        "thinks about suicide",
        "thinks about ending {pos} life every day",
        "is suicidal",
        "told me {sub} wants to die",
        "said {sub} is going to end it",
        "wants to end {pos} life",
        "tried to kill {refl} last year and wants to try again",
        "is planning to take {pos} own life",
        "has been talking about killing {refl}",
        "keeps saying {sub} wants to be dead",
        "wrote a suicide note",
        # round V: reported speech, the writer as the one told
        "texted me that {sub} wants to die",
        'texted "i want to die"',
        "asked me to help {obj} end {pos} life",
        "prays every night not to wake up",
    ],
    "self_harm": [
        "cuts {refl}",
        "is cutting again",
        "self harms",
        "burns {refl} with a lighter",
        "hurts {refl} on purpose",
        "has been cutting {refl}",
        "scratches {refl} until {sub} bleeds",
        "hits {refl}",
        "told me {sub} cuts",
        "told me {sub} purges after every meal",
        "starves {refl} as a punishment",
    ],
    "abuse": [
        "is being abused by {pos} dad",
        "gets hit by {pos} father",
        "is beaten by {pos} boyfriend",
        "was raped at a party",
        "got raped",
        "is being groomed by an older guy",
        "is forced to have sex with {pos} boyfriend",
    ],
    "danger": [
        "took a whole bottle of pills",
        "is not breathing",
        "took an overdose",
        "is standing on the roof and wants to jump",
        "swallowed all {pos} pills",
        "is unconscious and won't wake up",
        "has a knife and says {sub} will use it on {refl}",
        "is on the bridge and says goodbye",
        "ODed on heroin",
        "took {pos} entire month of pills",
    ],
}
#: (who, hij/ze, zijn/haar, hem/haar)
NL_WHO = [
    ("mijn beste vriendin", "ze", "haar", "haar"),
    ("mn broer", "hij", "zijn", "hem"),
    ("mijn zusje", "ze", "haar", "haar"),
    ("mijn huisgenoot", "hij", "zijn", "hem"),
    ("mn collega", "hij", "zijn", "hem"),
    ("een meisje uit mijn klas", "ze", "haar", "haar"),
    ("mijn vriend", "hij", "zijn", "hem"),
    ("mn vriendin", "ze", "haar", "haar"),
    # round V: chat Dutch "me zus", and the people of batch W
    ("me zus", "ze", "haar", "haar"),
    ("mijn teamgenoot", "hij", "zijn", "hem"),
    ("mn mattie", "hij", "zijn", "hem"),
    ("mijn ex", "hij", "zijn", "hem"),
]
NL = {
    "suicide": [
        "wil dood",
        "wil zelfmoord plegen",
        "wil zichzelf van het leven beroven",
        "denkt aan zelfmoord",
        "denkt elke dag aan zelfmoord",
        "is suïcidaal",
        "zei dat {sub} dood wil",
        "zegt dat {sub} er een eind aan gaat maken",
        "wil een einde aan {pos} leven maken",
        "heeft vorig jaar een poging gedaan en wil het weer doen",
        "is van plan om zelfmoord te plegen",
        "praat steeds over zelfmoord",
        "wil er niet meer zijn",
        "heeft een afscheidsbrief geschreven",
        "wil niet meer leven",
        "denkt erover om zichzelf van kant te maken",
        # round V: reported speech, the writer as the one told
        "vertelde me dat {sub} zelfmoord wil plegen",
        "appte me dat {sub} niet meer wil leven",
        "appte 'ik wil dood'",
        "zei tegen me dat {sub} dood wil",
    ],
    "self_harm": [
        "snijdt zichzelf",
        "snijdt in {pos} armen",
        "doet zichzelf pijn",
        "krast zichzelf",
        "brandt zichzelf met een aansteker",
        "beschadigt zichzelf",
        "is weer aan het snijden",
        "heeft zichzelf gesneden",
        "slaat zichzelf",
        "zei dat {sub} zichzelf snijdt",
        "hongert zichzelf uit als straf",
    ],
    "abuse": [
        "wordt mishandeld door {pos} vader",
        "wordt geslagen door {pos} vader",
        "wordt thuis geslagen",
        "is verkracht op een feest",
        "werd aangerand",
        "wordt misbruikt door {pos} oom",
        "wordt door {pos} vriend gewurgd",
        "wordt gedwongen om seks te hebben",
        "wordt gechanteerd met naaktfoto's",
    ],
    "danger": [
        "heeft een hele pot pillen geslikt",
        "ademt niet meer",
        "heeft een overdosis genomen",
        "staat op het dak en wil springen",
        "is bewusteloos en wordt niet wakker",
        "heeft een mes en wil zichzelf iets aandoen",
        "staat op de brug en neemt afscheid",
        "heeft net al {pos} pillen ingenomen",
        "zit op de rand van het balkon en wil springen",
    ],
}
#: How a worried friend may begin.
OPEN_EN = ["", "idk what to do. ", "please help, ", "i think "]
OPEN_NL = ["", "ik weet niet wat ik moet doen. ", "help, ", "ik denk dat "]


def statements(category: str) -> list[str]:
    texts = []
    for (who, sub, pos, refl, _obj), form, opening in itertools.product(
        EN_WHO, EN[category], OPEN_EN
    ):
        texts.append(opening + f"{who} " + form.format(sub=sub, pos=pos, refl=refl, obj=_obj))
    for (who, sub, pos, _obj), form, opening in itertools.product(NL_WHO, NL[category], OPEN_NL):
        texts.append(opening + f"{who} " + form.format(sub=sub, pos=pos))
    return texts


@pytest.mark.parametrize("category", ["abuse", "suicide", "self_harm", "danger"])
def test_every_plain_statement_about_someone_else_is_their_crisis(category: str) -> None:
    texts = statements(category)
    assert len(texts) > 200
    found = [(text, detect(text)) for text in texts]
    missed = [t for t, d in found if d is None or d.level != "crisis"]
    assert missed == [], f"{len(missed)} of {len(texts)} missed, e.g. {missed[:5]}"
    wrong = [t for t, d in found if d is not None and d.category not in (category, "danger")]
    assert wrong == [], f"{len(wrong)} of {len(texts)}, e.g. {wrong[:5]}"
    writer = [t for t, d in found if d is not None and d.subject != "other"]
    assert writer == [], f"{len(writer)} of {len(texts)} read as the writer's: {writer[:5]}"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # Round AR: whoever holds the weapon, the one in danger is who the abuse grammar finds.
        ("mijn vader is dronken en heeft een mes gepakt", "self"),
        ("my dad is drunk and has a knife", "self"),
        ("mijn vader staat met een mes voor mijn deur", "self"),
        ("mijn broer is dronken en zwaait met een mes naar mijn moeder", "other"),
        ("my friend has a knife and says he will hurt himself tonight", "other"),
    ],
)
def test_a_weapon_puts_in_danger_whom_it_is_held_against(text: str, subject: str) -> None:
    found = detect(text)
    assert found is not None
    assert found.level == "crisis"
    assert found.subject == subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # Round AR: rules that said "always the writer" now let the grammar tell.
        ("i've been saving my antidepressants instead of taking them. i've got about two"
         " months' worth now", "self"),
        ("my flatmate has been stockpiling his antidepressants and told me he's saving them for"
         " when he's ready to go", "other"),
        ("ik heb vandaag de schaar uit de knutselkast meegenomen naar de wc", "self"),
        ("mijn huisgenoot heeft steeds bloed op haar handdoeken en in de badkamer lag een mesje",
         "other"),
        ("someone broke into our house and we're hiding upstairs", "self"),
        ("my girlfriend's ex just broke into her house, she's hiding under the bed and texting"
         " me", "other"),
    ],
)  # fmt: skip
def test_signs_once_read_as_the_writers_are_read_for_whose_they_are(
    text: str, subject: str
) -> None:
    found = detect(text)
    assert found is not None
    assert found.level == "crisis"
    assert found.subject == subject

"""Scripted `omarmt chat` runs for named personas: each reaches the offers it should, in order.

Answers are typed as people type them (words, numbers, typos), not tapped, so these runs also
prove the typed path end to end. Loneliness answer sets (De Jong Gierveld, brief):
MODERATE scores 3, SEVERE 6, NOT_LONELY 0.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

MODERATE = ["ja", "ja", "nee", "min of meer", "ja", "nee"]
SEVERE = ["ja", "nee", "nee", "ja hoor", "nee", "ja"]
NOT_LONELY = ["nee", "ja", "jazeker", "nee hoor", "ja", "nee"]

PERSON_FIRST_NL = "Ik denk dat praten met iemand je kan helpen."
# No staff chat in the terminal: the person is where to find one, not a command.
PERSON_LAST_NL = "Je kunt altijd terecht bij een jongerenwerker"
OFFERS = ("- Join Us:", "- Gelukscafés:", "- Studentenzorgwijzer:")


@dataclass(frozen=True)
class Persona:
    name: str
    about: str
    typed: list[str]
    order: list[str]  # offer headings and person markers, in the order they must appear
    absent: list[str]
    also: list[str]
    lang: str = "nl"


PERSONAS = [
    Persona(
        "Sanne",
        "17, not a student, moderately lonely, wants to do things with others",
        ["hoi", "ja", "17", "nee", *MODERATE, "samen dingen doen"],
        ["- Join Us:", "- Gelukscafés:", PERSON_LAST_NL],
        ["- Studentenzorgwijzer:", PERSON_FIRST_NL],
        ["Je kunt altijd terecht bij een jongerenwerker van JoU", "Je zei dat je een leegte"],
    ),
    Persona(
        "Daan",
        "22, student at the HU, moderately lonely, wants calm",
        ["hallo", "1", "ik ben 22", "ja ik studeer", *MODERATE, "rust"],
        ["- Gelukscafés:", "- Studentenzorgwijzer:", "- Join Us:", PERSON_LAST_NL],
        [PERSON_FIRST_NL],
        ["Je kunt altijd terecht bij een jongerenwerker van U Centraal"],
    ),
    Persona(
        "Noor",
        "26, not a student, severely lonely: no Join Us band, a person first",
        ["hey", "oke", "26", "nee", *SEVERE, "1"],
        [PERSON_FIRST_NL, "- Gelukscafés:"],
        ["- Join Us:", "- Studentenzorgwijzer:"],
        ["Je zei dat je mensen om je heen mist", "De jongerenwerkers van U Centraal zijn er"],
    ),
    Persona(
        "Lucas",
        "19, student, not lonely, wants information: a light close, offers for later",
        ["yo", "prima", "19", "ja", *NOT_LONELY, "informatie"],
        ["Voor later", "- Studentenzorgwijzer:", PERSON_LAST_NL],
        [PERSON_FIRST_NL],
        ["Je zei dat er genoeg mensen zijn op wie je kunt terugvallen"],
    ),
    Persona(
        "Mila",
        "15: Omarmt is not for her yet; De Kindertelefoon, and the crisis lines",
        ["hoi", "ja", "15"],
        ["De Kindertelefoon", "113 Zelfmoordpreventie"],
        ["- Join Us:", "Sorry, dat begreep ik niet"],
        ["0800-0432", "Praten met een mens"],
    ),
    Persona(
        "Thomas",
        "31: De Luisterlijn and the municipality's general help, and the crisis lines",
        ["hoi", "ja", "31"],
        ["De Luisterlijn", "113 Zelfmoordpreventie", "Gemeente Utrecht"],
        ["- Join Us:"],
        ["088 0767 000", "14 030"],
    ),
    Persona(
        "Yara",
        "would rather not answer questions: the offers without a score",
        ["hoi", "laat maar zien"],
        ["- Join Us:", "- Gelukscafés:", "- Studentenzorgwijzer:", PERSON_LAST_NL],
        ["Het klinkt alsof", "Hoe oud ben je?"],
        ["Dit is er voor jongeren in Utrecht", "JoU of U Centraal"],
    ),
    Persona(
        "Sem",
        "20, not a student, severely lonely, wants to talk now: the person first",
        ["hoi", "ja", "20", "nee", *SEVERE, "nu met iemand praten"],
        [PERSON_FIRST_NL, "- Join Us:", "- Gelukscafés:"],
        ["- Studentenzorgwijzer:", PERSON_LAST_NL],
        ["De jongerenwerkers van U Centraal zijn er voor je"],
    ),
    Persona(
        "Emma",
        "21, English-speaking exchange student, moderately lonely, wants student information",
        ["hi", "sure", "21", "yes", "yes", "yes", "no", "sort of", "yes", "no", "info"],
        [
            "- Studentenzorgwijzer:",
            "- Join Us:",
            "- Gelukscafés:",
            "You can always go to a youth worker",
        ],
        ["I think it would help to talk to someone"],
        ["You said it feels empty around you", "You'd like information for students"],
        lang="en",
    ),
    Persona(
        "Ravi",
        "worried about a friend: tips, the offers, a way to pass Omarmt on",
        ["hoi", "voor een vriend"],
        ["Vraag gewoon hoe het gaat", "Dit is er in Utrecht, ook voor je vriend"],
        ["Hoe oud ben je?"],
        ["Bel samen 113", "Wil je mij doorgeven?"],
    ),
]


def run_chat(tmp_path: Path, persona: Persona) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OMARMT_")}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--db", str(tmp_path / "p.sqlite3"),
         "--lang", persona.lang],
        input="\n".join(persona.typed) + "\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=tmp_path,
        env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


@pytest.mark.parametrize("persona", PERSONAS, ids=[p.name for p in PERSONAS])
def test_persona_reaches_the_expected_offers_in_order(tmp_path: Path, persona: Persona) -> None:
    out = run_chat(tmp_path, persona)
    # Only the part after the last question answered matters for the order of offers.
    positions = []
    for marker in persona.order:
        assert marker in out, f"{persona.name} ({persona.about}): missing {marker!r}\n{out}"
        positions.append(out.index(marker))
    assert positions == sorted(positions), f"{persona.name}: wrong order\n{out}"
    for marker in persona.absent:
        assert marker not in out, f"{persona.name}: unexpected {marker!r}\n{out}"
    for marker in persona.also:
        assert marker in out, f"{persona.name}: missing {marker!r}\n{out}"
    # Never a number to judge: no score is ever shown.
    assert "/6" not in out
    assert "score" not in out.lower()


def test_there_are_at_least_eight_personas() -> None:
    assert len(PERSONAS) >= 8
    assert all(p.about for p in PERSONAS)

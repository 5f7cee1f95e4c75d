"""The crisis model: trained on today's tuning data only, silent on answers, heard where rules are.

What it adds on data nobody tuned against is measured by `bench/safety.py` (docs/safety.md, "The
model"); these tests hold what must never change.
"""

from __future__ import annotations

import base64
import dataclasses
import gzip
import importlib.util
import json
import math
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import cast

import numpy as np
import pytest
import yaml

from bot import cli
from bot.safety import detect, detector
from bot.safety import model as model_module
from bot.safety.detector import by_rules
from bot.safety.grams import LetterIndex
from bot.safety.model import features, load_model
from bot.safety.normalize import normalise

_ROOT = Path(__file__).resolve().parent.parent


@cache
def _trainer() -> ModuleType:
    """The training script, loaded once per worker: its `examples()` reads every tuning set."""
    path = _ROOT / "scripts" / "train_safety_model.py"
    spec = importlib.util.spec_from_file_location("train_safety_model", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def _examples() -> list[tuple[str, str, str | None]]:
    """Every training example, read once per worker."""
    return list(_trainer().examples())


def test_the_shipped_model_is_trained_on_todays_data() -> None:
    model = load_model()
    assert model is not None, "content/safety/model.json.gz is missing"
    trainer = _trainer()
    assert model.data_hash == trainer.data_hash(_examples()), (
        "the tuning sets or the snapshot of the rules' examples changed: train the model again "
        "with "
        "`.venv/bin/pip install -e '.[train]' && .venv/bin/python scripts/train_safety_model.py`"
    )


def test_no_measuring_set_is_trained_on() -> None:
    trainer = _trainer()
    for name in (*trainer.TUNING, trainer.RULE_EXAMPLES):
        first = (_ROOT / "tests" / "safety" / f"{name}.yaml").read_text(encoding="utf-8")
        assert "measure" not in name, name
        assert "MEASURING ONLY" not in first.splitlines()[0], name


def test_a_comparison_trains_on_other_sets_but_never_on_a_measuring_one() -> None:
    trainer = _trainer()
    sets = trainer.chosen_sets("train_catch_bs,train_negatives_bs", "train_catch_ab")
    assert sets[-2:] == ("train_catch_bs", "train_negatives_bs")
    assert "train_catch_ab" not in sets
    assert len(sets) == len(trainer.TUNING) + 1
    assert trainer.chosen_sets("", "") == trainer.TUNING
    refused = (("catch_measure41", ""), ("", "catch_measure30"), ("train_catch_zz9", ""))
    for more, without in refused:
        with pytest.raises(SystemExit):
            trainer.chosen_sets(more, without)


def _answers(name: str) -> list[str]:
    cases = yaml.safe_load((_ROOT / "tests" / name).read_text(encoding="utf-8"))
    return [str(case["text"]) for case in cases]


@pytest.mark.parametrize("name", ["typed_answers_heldout.yaml", "typed_answers_measure.yaml"])
def test_answers_to_the_questions_never_raise_a_crisis(name: str) -> None:
    """Answers the model never saw ("ja hoor", "20", "ik studeer nog") stay answers."""
    raised = [text for text in _answers(name) if (sign := detect(text)) and sign.level == "crisis"]
    assert raised == []


@pytest.mark.parametrize("text", ["nee", "soms wel", "geen idee", "zelfmoordpoging"])
def test_the_model_leaves_short_messages_to_the_rules(text: str) -> None:
    model = load_model()
    assert model is not None
    eager = dataclasses.replace(model, crisis_at=0.0)  # would speak on anything it reads
    assert eager.read(normalise(text)) is None


@pytest.mark.parametrize("word", ["suicidal", "attempted", "overdose", "express"])
def test_one_word_never_decides_a_short_message(
    word: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In five words or fewer the model speaks only if it still would without any one of them:
    one heavy word is the rules' to read, and the word sweep holds them to every word."""
    model = load_model()
    assert model is not None
    folded = normalise(f"i think {word} is fine")
    assert model.read(folded) is None
    monkeypatch.setattr(model_module, "_SHORT", 0)
    assert model.read(folded) is None  # the estimate up to _ONE_WORD_CRISIS words holds it too
    monkeypatch.setattr(model_module, "_ONE_WORD_CRISIS", 0)
    assert model.read(folded) is not None, f"{word!r} is no longer heavy: pick another"


def test_a_check_in_in_five_words_needs_the_model_fairly_sure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A check-in takes the place of an answer, and in five words one stray word moves the
    model far ("ngl a lot", how often one feels alone): there it needs 0.4, not the floor of
    a longer message."""
    model = load_model()
    assert model is not None
    short = normalise("ngl a lot")
    monkeypatch.setattr(model_module, "_crisis", lambda scores: 0.3)
    assert model.read(short, detector.MODEL_CONCERN_AT) is None
    with monkeypatch.context() as lower:
        lower.setattr(model_module, "_SHORT_CHECK_IN_AT", detector.MODEL_CONCERN_AT)
        assert model.read(short, detector.MODEL_CONCERN_AT) is not None  # held by that bar
    monkeypatch.setattr(model_module, "_crisis", lambda scores: 0.5)
    sure = model.read(short, detector.MODEL_CONCERN_AT)
    assert sure is not None
    assert sure.crisis < model.crisis_at  # a check-in, not a crisis


@pytest.mark.parametrize("word", ["bovenbenen", "naaktfoto's", "suicidal", "overdose"])
def test_one_word_never_decides_a_crisis_in_six_words(word: str) -> None:
    """The word sweep's carrier: a topic named is no sign (model round BF leans on single
    words more than round BD did)."""
    found = detect(f"gisteren hadden we het over {word}")
    assert found is None or found.evidence != "model"


# Indirect signs in wording no rule reads: the model's own reason to exist. None of these lines
# is in a training set (checked below).
_UNSEEN = [
    ("mijn vriendin zegt dat ze deze week niet meer gaat overleven", "other"),
    ("mijn vriend heeft een heel potje pillen naast zijn bed staan en praat raar", "other"),
]


@pytest.mark.parametrize(("text", "who"), _UNSEEN)
def test_the_model_hears_what_the_rules_miss(text: str, who: str) -> None:
    assert by_rules(text) is None
    sign = detect(text)
    assert sign is not None
    assert (sign.level, sign.evidence, sign.subject) == ("crisis", "model", who)


def test_the_unseen_examples_are_not_in_the_training_data() -> None:
    trained = {normalise(text).text for text, _, _ in _examples()}
    assert not [text for text, _ in _UNSEEN if normalise(text).text in trained]


def test_no_text_of_a_measuring_set_is_trained_on() -> None:
    """People write the same short things; a measuring text in the training data would make
    the measuring figures look better than the next young person will find them."""
    trainer = _trainer()
    measured = trainer.measured()
    assert len(measured) > 5_000
    assert not [text for text, _, _ in _examples() if text.strip().lower() in measured]


def test_features_are_words_pairs_and_letter_groups() -> None:
    found = features(normalise("ik wil weg"))
    assert {"w:ik", "b:ik_wil", "c: wil ", "c: wi"} <= found


def test_word_pairs_reach_over_one_or_two_words_within_their_clause() -> None:
    """A pair reaches over a word put in between ("ik wil echt dood"); it never
    joins two clauses ("ik wil. dood" is no pair of "wil" and "dood")."""
    found = features(normalise("ik wil echt heel graag dood. leuk"))  # folded: "hel", "dod"
    assert {"s:ik_echt", "s:wil_hel", "t:ik_hel", "t:echt_dod"} <= found
    assert not [name for name in found if name[:2] in ("b:", "s:", "t:") and "leuk" in name]


#: A weight in whole thousandths, as the file keeps it: up to 100 either way (the largest
#: shipped weight is below 20).
def _raw() -> dict[str, object]:
    with gzip.open(Path(__file__).parent.parent / model_module.MODEL_FILE, "rt") as handle:
        raw: dict[str, object] = json.load(handle)
    return raw


def test_the_loaded_model_reads_the_numbers_the_file_holds() -> None:
    """A feature's embedding is its whole steps times its scale, as stored in
    content/safety/model.json.gz; its weight for "about someone else" is the stored one."""
    raw = _raw()
    model = load_model()
    assert model is not None
    names = cast(list[str], raw["names"])
    hidden = cast(int, raw["hidden"])
    steps = np.frombuffer(base64.b64decode(cast(str, raw["embedding"])), dtype=np.int8)
    scales = np.frombuffer(base64.b64decode(cast(str, raw["row_scale"])), dtype=np.float32)
    who = np.frombuffer(base64.b64decode(cast(str, raw["who"])), dtype=np.float32)
    assert len(model.rows) == len(names) == len(scales) == len(who)
    for row in range(0, len(names), 5000):
        stored = steps[row * hidden : (row + 1) * hidden] * scales[row]
        assert model.embedding([model.rows[names[row]]])[0] == pytest.approx(stored, rel=1e-6)
        assert model.who[model.rows[names[row]]] == who[row]
    assert model.output.shape == (len(model.classes), hidden)


def test_every_feature_the_model_keeps_says_something() -> None:
    """Features that move nothing are left out of the file (`PRUNE` in the training script):
    each kept one moves a hidden unit or whose danger it is."""
    model = load_model()
    assert model is not None
    silent = (np.abs(model.steps).max(axis=1) == 0) & (model.who == 0)
    assert silent[0]  # row 0 is no feature: an unknown one reads as 0
    assert not silent[1:].any()


_Read = tuple[list[float], float] | None


def _scores_from_features(model: model_module.Model, text: str) -> _Read:
    """A message's scores as training defines them: every feature of `features`, each
    weighing 1/sqrt(how many there are), summed into the hidden units, cut at 0, and read out."""
    found = features(normalise(text))
    rows = [model.rows[name] for name in found if name in model.rows]
    if not rows:
        return None
    scale = 1 / math.sqrt(len(found))
    hidden = np.maximum(model.embedding(rows).sum(axis=0) * scale + model.hidden_bias, 0)
    scores = (model.output @ hidden + model.output_bias).tolist()
    return scores, model.who_bias + scale * float(model.who[rows].sum())


def _close(read: _Read, expected: _Read) -> bool:
    if read is None or expected is None:
        return read is expected
    (scores, who), (scores_expected, who_expected) = read, expected
    return bool(
        scores == pytest.approx(scores_expected, abs=1e-4)
        and who == pytest.approx(who_expected, abs=1e-4)
    )


def test_reading_finds_the_features_training_made() -> None:
    """The model reads a message's letter groups word by word, remembered per word; a group two
    words share counts once, as in training. The scores must be those of `features`, also
    after the memory of words is emptied and when a word recurs."""
    model = load_model()
    assert model is not None
    texts = [text for text, _category, _who in _examples()[::97]]
    texts += ["mijn mijn zijn zijn lijn", "ik wil echt niet meer. niet meer!", "a", "ok ok ok"]
    for round_ in range(2):
        if round_:
            model.forget_words()
        for text in texts:
            assert _close(model._scores(normalise(text)), _scores_from_features(model, text)), text


def test_a_paste_of_new_words_finds_the_features_training_made(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A message of many words not in memory has its letter groups read for all words at once
    (bot/safety/grams.py): the scores must still be those of `features`."""
    model = load_model()
    assert model is not None
    at_once = []
    read = LetterIndex.read

    def counted(index: LetterIndex, words: set[str]) -> tuple[int, list[int]]:
        at_once.append(len(words))
        return read(index, words)

    monkeypatch.setattr(LetterIndex, "read", counted)
    texts = [text for text, _category, _who in _examples()[5::61]]
    for start in range(0, len(texts), 30):
        paste = " ".join(texts[start : start + 30])
        model.forget_words()
        assert _close(model._scores(normalise(paste)), _scores_from_features(model, paste)), paste
    assert len(at_once) == len(range(0, len(texts), 30))


def _estimate_by_features(model: model_module.Model, text: str, bar: float) -> float:
    """How sure the model stays with any one word left out, estimated feature by feature:
    each word's own features (`_owners`) taken out of the sum and the scale."""
    folded = normalise(text)
    owners = model_module._owners(model_module._marked(folded))
    known = [model.rows[name] for name in owners if name in model.rows]
    if not known:
        return 0.0
    total = model.embedding(known).sum(axis=0)
    own: dict[str, list[int]] = {}
    for name, word in owners.items():
        if word and name in model.rows:
            own.setdefault(word, []).append(model.rows[name])
    least = 1.0
    for word, rows in own.items():
        left = len(owners) - sum(1 for owner in owners.values() if owner == word)
        if left <= 0:
            return 0.0
        gone = model.embedding(rows).sum(axis=0)
        least = min(least, model_module._crisis(model._classes(total - gone, 1 / math.sqrt(left))))
    return least


def test_the_estimate_without_a_word_is_that_of_its_features() -> None:
    """The estimate reads the letter groups from the words' memory: it must decide as the
    feature-by-feature estimate does (below the bar, or the same least value)."""
    model = load_model()
    assert model is not None
    texts = [text for text, _category, _who in _examples()[::53]]
    for text in texts:
        for bar in (0.35, model.crisis_at):
            fast = model._estimate_without_a_word(normalise(text))
            slow = _estimate_by_features(model, text, bar)
            if slow < bar - 1e-5:
                assert fast < bar, text
            elif slow >= bar + 1e-5:
                assert fast == pytest.approx(slow, abs=1e-5), text


def test_the_memory_of_words_stays_bounded() -> None:
    model = load_model()
    assert model is not None
    model.forget_words()
    for number in range(model_module._WORDS_REMEMBERED + 10):
        model._letters(f"w{number}")
    assert len(model._by_word) <= model_module._WORDS_REMEMBERED


def test_a_model_in_another_format_is_not_read(tmp_path: Path) -> None:
    """A file of the linear model this reader replaced (format 1, packed thousandths) would
    give every verdict wrong: it is refused, as a damaged one is."""
    raw = _raw()
    raw["format"] = 1
    other = tmp_path / "model.json.gz"
    with gzip.open(other, "wt") as handle:
        json.dump(raw, handle)
    with pytest.raises(model_module.ModelError, match="train it again"):
        model_module.read_model(other)


def test_letter_groups_read_at_once_are_those_read_word_by_word() -> None:
    """Read for many words at once, as numbers (bot/safety/grams.py), a message's letter
    groups are the ones named word by word: as many distinct ones, and the same known rows;
    also for a group two words share, a marked word, and words of one and of many letters."""
    model = load_model()
    assert model is not None
    samples = [
        {"ik", "wil", "n:wil", "n:ik", "a", "zz", "mijn", "zijn", "lijn"},
        {"onwaarschijnlijkheidsberekening", "x", "n:x", "q"},
        {"zelfmord"},
        set(),
    ]
    for text, _category, _who in _examples()[::211]:
        samples.append({word for word in model_module._marked(normalise(text)) if word != "."})
    for words in samples:
        letters = model._letter_rows(words)
        count, rows = model.letters.read(words)
        assert count == len(letters), words
        assert sorted(rows) == sorted(row for row in letters.values() if row), words


def test_a_model_whose_features_are_out_of_order_is_not_read(tmp_path: Path) -> None:
    """The letter groups are read as one run of the sorted names: a file whose names are not
    sorted would lose some of them, and is refused."""
    raw = _raw()
    names = cast(list[str], raw["names"])
    raw["names"] = [names[-1], *names[1:-1], names[0]]
    other = tmp_path / "model.json.gz"
    with gzip.open(other, "wt") as handle:
        json.dump(raw, handle)
    with pytest.raises(model_module.ModelError, match="train it again"):
        model_module.read_model(other)


def test_a_model_with_numbers_missing_is_not_read(tmp_path: Path) -> None:
    raw = _raw()
    raw["embedding"] = cast(str, raw["embedding"])[:-400]
    other = tmp_path / "model.json.gz"
    with gzip.open(other, "wt") as handle:
        json.dump(raw, handle)
    with pytest.raises(model_module.ModelError, match="train it again"):
        model_module.read_model(other)


def test_a_negation_marks_the_rest_of_its_clause() -> None:
    found = features(normalise("ik heb nooit aan zelfmoord gedacht, maar wil nu weg"))
    assert {"w:n:zelfmord", "w:n:gedacht", "w:wil", "w:weg"} <= found
    assert "w:zelfmord" not in found
    assert "cn:zelf" in found
    assert "c:zelf" not in found
    assert "w:n:wil" not in found


@pytest.fixture
def damaged_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The shipped model file replaced by a damaged one, for this test only."""
    damaged = tmp_path / "model.json.gz"
    damaged.write_bytes(b"\x1f\x8b not a model")
    monkeypatch.setattr(model_module, "MODEL_FILE", damaged)  # data_root() / absolute = absolute
    load_model.cache_clear()
    detector._model.cache_clear()
    yield
    load_model.cache_clear()
    detector._model.cache_clear()


@pytest.mark.usefixtures("damaged_model")
def test_a_damaged_model_stops_the_start_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli._rules_ready() is False
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "crisis model" in err[0]
    assert "train it again" in err[0]


@pytest.mark.usefixtures("damaged_model")
def test_a_damaged_model_never_fails_a_message() -> None:
    """Should it be met after start all the same, the rules read alone; no message fails."""
    sign = detect("ik wil niet meer leven")
    assert sign is not None
    assert sign.level == "crisis"
    assert detect(_UNSEEN[0][0]) is None  # the model's own catch is gone, nothing else


# --- A check-in where the model is fairly sure -----------------------------------------------


def _with_bar(monkeypatch: pytest.MonkeyPatch, crisis_at: float) -> None:
    model = load_model()
    assert model is not None
    monkeypatch.setattr(
        detector, "_model", lambda: dataclasses.replace(model, crisis_at=crisis_at)
    )


@pytest.mark.parametrize(("text", "who"), _UNSEEN)
def test_fairly_sure_gets_a_check_in_not_the_crisis_lines(
    text: str, who: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between `MODEL_CONCERN_AT` and the crisis bar the model asks gently: one line open now,
    no urgent flag (bot/engine/crisis.py, `concern_text`)."""
    model = load_model()
    assert model is not None
    verdict = model.read(normalise(text))
    assert verdict is not None
    assert verdict.crisis > detector.MODEL_CONCERN_AT
    _with_bar(monkeypatch, crisis_at=(1 + verdict.crisis) / 2)  # now just short of the bar
    sign = detect(text)
    assert sign is not None
    assert (sign.level, sign.evidence, sign.subject) == ("concern", "model", who)
    monkeypatch.setattr(detector, "MODEL_CONCERN_AT", (1 + verdict.crisis) / 2)
    assert detect(text) is None


@pytest.mark.parametrize("word", ["suicidal", "attempted", "overdose", "express"])
def test_one_word_never_decides_a_check_in_either(word: str) -> None:
    model = load_model()
    assert model is not None
    assert model.read(normalise(f"i think {word} is fine"), detector.MODEL_CONCERN_AT) is None


@pytest.mark.parametrize("name", ["typed_answers_heldout.yaml", "typed_answers_measure.yaml"])
def test_answers_to_the_questions_never_get_a_check_in(name: str) -> None:
    """A check-in takes the question's place: an answer the model half-likes would have to be
    typed again."""
    asked = sum(
        1 for text in _answers(name) if (sign := detect(text)) and sign.evidence == "model"
    )
    assert asked == 0  # a count: a measuring line is never printed


# --- Hints the model is sure of ---------------------------------------------------------------

#: Ordinary messages of round BG (tuning) in which a rule finds a hint, a sign whose words name
#: no danger, and the model reads the whole message as surely no crisis.
_CALM_HINTS = [
    (
        "just said my goodbyes to my childhood home, my parents sold it. lots of memories in"
        " that kitchen",
        "said_goodbye",
    ),
    (
        "ik wil gewoon even nergens meer zijn. geen app, geen mail, geen incassobrief. dus ik"
        " ga een weekend kamperen zonder bereik",
        "not_alive_by_then",
    ),
]


@pytest.mark.parametrize(("text", "rule"), _CALM_HINTS)
def test_a_hint_the_model_is_sure_of_gets_a_check_in(text: str, rule: str) -> None:
    """Not the crisis lines and no urgent flag, but not nothing either: the gentle check-in."""
    _checked_in(text, rule)


def _checked_in(text: str, rule: str) -> None:
    """The rule alone gives the crisis lines; read with the model, the check-in."""
    alone = by_rules(text)
    assert alone is not None
    assert (alone.evidence, alone.level) == (rule, "crisis")
    sign = detect(text)
    assert sign is not None
    assert (sign.evidence, sign.level) == (rule, "concern")


def test_a_sign_that_names_the_danger_keeps_the_crisis_lines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The model reads a party in the words around "ik wil gewoon dood"; the rule's own words
    name death, so no certainty of the model's turns it into a check-in."""
    text = (
        "Ik ben in remissie en iedereen viert feest met taart en ballonnen en ik wil gewoon dood."
    )
    model = load_model()
    assert model is not None
    assert model.chance(normalise(text)) is not None
    monkeypatch.setattr(detector, "HINT_CALM_BELOW", 1.0)  # the model as sure of calm as can be
    sign = detect(text)
    assert sign is not None
    assert sign.level == "crisis"


def test_a_hint_keeps_the_crisis_lines_where_the_model_is_unsure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A farewell: the rule's own words name no danger, so how sure the model is decides.
    text = "pas goed op elkaar, ik hou van jullie"
    sign = detect(text)
    assert sign is not None
    assert (sign.evidence, sign.level) == ("report_and_farewell", "crisis")
    model = load_model()
    assert model is not None
    # The model now always sure of calm, and never speaking itself.
    silent = dataclasses.replace(model, crisis_at=1.01)
    monkeypatch.setattr(detector, "_model", lambda: silent)
    monkeypatch.setattr(detector, "HINT_CALM_BELOW", 1.0)
    sign = detect(text)
    assert sign is not None
    assert (sign.evidence, sign.level) == ("report_and_farewell", "concern")


def test_a_named_danger_later_in_the_message_still_gets_the_crisis_lines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A hint turned into a check-in waits while the other rules read on."""
    monkeypatch.setattr(detector, "HINT_CALM_BELOW", 1.0)
    sign = detect("this is goodbye. ik wil niet meer leven")
    assert sign is not None
    assert sign.level == "crisis"
    assert sign.evidence != "this_is_goodbye"


@pytest.mark.usefixtures("damaged_model")
def test_without_the_model_a_hint_keeps_the_crisis_lines() -> None:
    sign = detect(_CALM_HINTS[0][0])
    assert sign is not None
    assert sign.level == "crisis"


_PAGE = "we hebben vandaag gekookt met de hele groep en daarna een film gekeken. " * 12


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("goodbye forever", "farewell"),  # too short for the model
        # After a page of ordinary text every feature weighs so little that the model is sure
        # of nothing; a goodbye at its end is not its to turn down.
        (_PAGE + "ik heb alles geregeld en iedereen gedag gezegd.", "giving_away"),
    ],
)
def test_where_the_model_cannot_judge_a_hint_keeps_the_crisis_lines(
    text: str, rule: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(detector, "HINT_CALM_BELOW", 1.0)  # the model would be sure of anything
    sign = detect(text)
    assert sign is not None
    assert (sign.evidence, sign.level) == (rule, "crisis")


#: Ordinary messages of round BG and BL (tuning) in which a rule finds a sign that names a danger
#: in a clause without a word of the writer's, and the model reads the whole message as surely
#: no crisis (detector.NOBODYS_CALM_BELOW).
_CALM_NOBODYS = [
    (
        "the new season of that reality show is brutal, they literally make people jump off a"
        " cliff into the sea for the challenges",
        "jump_nl",
    ),
    (
        "ik heb mn klarna laten verlopen en nu zijn er 40 euro incassokosten bij, misbruik van"
        " jonge mensen dit",
        "abuse_word",
    ),
]


@pytest.mark.parametrize(("text", "rule"), _CALM_NOBODYS)
def test_nobodys_danger_the_model_is_sure_of_gets_a_check_in(text: str, rule: str) -> None:
    """Round BL: a show's challenge or a word of the news, in nobody's clause, with the model
    all but sure: the gentle check-in, not the crisis lines."""
    _checked_in(text, rule)


@pytest.mark.parametrize(
    "text",
    [
        "haha ja ik wil gewoon dood lol maar goed hoe laat begint die kookavond",
        "mijn vriendin wil zelfmoord plegen, wat moet ik doen",
        "ik zoek een sportclubje in zuilen. thuis ga ik soms met mn nagels over mn armen tot het"
        " bloedt. liefst op dinsdag",
        # No word of the writer's, but a means or an act against oneself, or self-harm.
        "the noose is ready. my parents are on holiday until sunday",
        "gamen tot 5 uur en dan snijden, dat is mn ritme nu",
    ],
)
def test_the_writers_own_clause_keeps_the_crisis_lines_however_sure_the_model_is(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A word of the writer's in the sign's clause ("ik", "mijn", "mn"), a means or an act
    against oneself, or self-harm: the model may be as sure as it likes, laughter and chatter
    never silence a sign."""
    monkeypatch.setattr(detector, "NOBODYS_CALM_BELOW", 1.0)
    sign = detect(text)
    assert sign is not None
    assert sign.level == "crisis"


@pytest.mark.usefixtures("damaged_model")
def test_without_the_model_nobodys_danger_keeps_the_crisis_lines() -> None:
    sign = detect(_CALM_NOBODYS[0][0])
    assert sign is not None
    assert sign.level == "crisis"

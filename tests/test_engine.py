"""The conversation as a young person meets it: welcome, answers, commands, ways out, safety."""

from __future__ import annotations

import pytest

from bot.engine import Choice, Command, Engine, Media, SessionState, Text
from tests.auxil.engine import TO_DJG1, Chat, render

CRISIS_NL = "ik wil niet meer leven"


CONSENT_NL = "Mag ik je een paar korte vragen stellen?"
DJG1_NL = "Ik ervaar een leegte om me heen."


def started(engine: Engine, lang_hint: str | None = None) -> Chat:
    """Someone who said hi and now sees the first question (consent)."""
    chat = Chat(engine, lang_hint)
    chat.send("hoi")
    return chat


def at_djg1(engine: Engine, lang_hint: str | None = None) -> Chat:
    """Someone at the first statement of the loneliness scale."""
    chat = started(engine, lang_hint)
    chat.tap(*TO_DJG1)
    return chat


def test_welcome_says_bot_not_therapy_anonymous_and_the_ways_out(engine: Engine) -> None:
    chat = Chat(engine)
    replies = chat.send("hoi")
    welcome = replies[0].text
    for needed in ("bot", "geen therapie", "geen crisishulp", "anoniem", "/stop", "/hulp"):
        assert needed in welcome
    question = replies[-1]
    assert question.text.startswith(CONSENT_NL)
    assert [o.id for o in question.options] == ["yes", "offers", "friend", "person"]
    assert [o.number for o in question.options] == [1, 2, 3, 4]
    assert chat.last is not None
    assert [e.name for e in chat.last.events] == ["conversation_started"]


def test_telegram_language_is_a_hint_for_a_new_person(engine: Engine) -> None:
    chat = Chat(engine, lang_hint="en-GB")
    assert chat.send("hi")[-1].text.startswith("Can I ask you a few short questions?")


def test_unknown_language_hint_falls_back_to_dutch(engine: Engine) -> None:
    chat = Chat(engine, lang_hint="fr")
    assert chat.send("salut")[-1].text.startswith(CONSENT_NL)


def test_tapped_answer_moves_on_without_an_echo(engine: Engine) -> None:
    chat = at_djg1(engine)
    replies = chat.send(Choice("djg1", "yes"))
    assert "Genoteerd" not in render(replies)
    assert replies[-1].step == "djg2"
    assert chat.state is not None
    assert chat.state.answers == {
        "consent": "yes",
        "age": "age_16_17",
        "student": "no",
        "djg1": "yes",
    }


@pytest.mark.parametrize(
    ("typed", "label"),
    [
        ("1", "Ja"),
        ("2", "Min of meer"),
        ("nr 3", "Nee"),
        ("3.", "Nee"),
        ("twee", "Min of meer"),
        ("ja", "Ja"),
        ("JA!!!", "Ja"),
        ("jaaaa", "Ja"),
        ("Min  of meer", "Min of meer"),
        ("min of mer", "Min of meer"),
        ("niet echt", "Nee"),
        ("nie echt", "Nee"),
        ("ja hoor", "Ja"),
        ("soms wel", "Min of meer"),
        ("👍", "Ja"),
        ("👍🏽", "Ja"),
        ("👎", "Nee"),
        ("not really", "Nee"),
        ("nope", "Nee"),
        ("weet ik niet", "Overslaan"),
    ],
)
def test_typed_answers_are_understood_and_confirmed(
    engine: Engine, typed: str, label: str
) -> None:
    chat = at_djg1(engine)
    replies = chat.send(typed)
    assert replies[0].text.split("\n\n")[0].endswith(f" ({label})")


def test_a_typed_answer_is_echoed_on_top_of_the_next_question_in_one_message(
    engine: Engine,
) -> None:
    tapped = at_djg1(engine).send(Choice("djg1", "yes"))[-1]
    chat = at_djg1(engine)
    replies = chat.send("ja")
    assert len(replies) == 1
    note, question = replies[0].text.split("\n\n", 1)
    assert note.endswith(" (Ja)")
    assert replies[0].step == "djg2"
    assert "genoeg mensen op wie ik" in question
    assert [o.id for o in replies[0].options] == [o.id for o in tapped.options]


def test_a_tapped_answer_gets_the_same_question_without_the_echo(engine: Engine) -> None:
    tapped = at_djg1(engine).send(Choice("djg1", "yes"))
    typed = at_djg1(engine).send("ja")
    assert [r.text for r in tapped] == [typed[0].text.split("\n\n", 1)[1]]


def test_a_number_out_of_range_is_not_guessed(engine: Engine) -> None:
    chat = at_djg1(engine)
    assert "begreep ik niet" in chat.send("7")[0].text


@pytest.mark.parametrize(
    ("typed", "option"),
    [
        ("17", "age_16_17"),
        ("16", "age_16_17"),
        ("18", "age_18_19"),
        ("19", "age_18_19"),
        ("ik ben 18", "age_18_19"),
        ("bijna 18", "age_16_17"),
        ("ik ben 22", "age_20_24"),
        ("26 jaar", "age_25_27"),
        ("15", "younger"),
        ("14 jaar", "younger"),
        ("31", "older"),
        ("1", "age_16_17"),
        ("2", "age_18_19"),
        ("16-17", "age_16_17"),
        ("18 of 19", "age_18_19"),
        ("5", "younger"),
        ("6", "older"),
    ],
)
def test_age_typed_as_a_number(engine: Engine, typed: str, option: str) -> None:
    chat = started(engine)
    chat.tap(("consent", "yes"))
    chat.send(typed)
    assert chat.state is not None
    assert chat.state.answers["age"] == option


def test_first_miss_reasks_with_the_options(engine: Engine) -> None:
    chat = at_djg1(engine)
    replies = chat.send("appeltaart")
    assert len(replies) == 1
    assert replies[0].text.startswith("Sorry, dat begreep ik niet goed.")
    assert replies[0].text.split("\n\n")[1].startswith(DJG1_NL)
    assert [o.id for o in replies[0].options] == ["yes", "more_or_less", "no", "skip", "_back"]


def test_second_miss_offers_help_a_person_and_stop(engine: Engine) -> None:
    chat = at_djg1(engine)
    chat.send("appeltaart")
    replies = chat.send("fiets")
    ids = [o.id for o in replies[0].options]
    assert ids == ["yes", "more_or_less", "no", "skip", "_back", "_help", "_talk", "_stop"]
    assert "Dat ligt aan mij, niet aan jou" in replies[0].text
    # The way out works, and the question is still there after it.
    after_help = chat.send(Choice("djg1", "_help"))
    assert "113" in after_help[0].text
    assert after_help[-1].step == "djg1"


def test_ways_out_are_numbered_after_the_options(engine: Engine) -> None:
    chat = at_djg1(engine)
    chat.send("appeltaart")
    chat.send("fiets")
    replies = chat.send("8")  # 8 = Stoppen
    assert chat.state is not None
    assert chat.state.status == "ended"
    assert "we stoppen hier" in replies[-1].text


@pytest.mark.parametrize(
    "event",
    [
        Choice("consent", "evil_option"),
        Choice("consent", ""),
        Choice("consent", "_drop_tables"),
        Choice("consent", "x" * 10_000),
    ],
)
def test_forged_button_data_gets_a_kind_reask(engine: Engine, event: Choice) -> None:
    chat = started(engine)
    before = chat.state
    replies = chat.send(event)
    assert replies[-1].step == "consent"
    assert chat.state is not None
    assert before is not None
    assert chat.state.answers == before.answers


def test_a_stale_button_says_where_we_are(engine: Engine) -> None:
    chat = started(engine)
    replies = chat.send(Choice("some_old_question", "good"))
    assert replies[0].text.startswith("Die knop hoort bij een eerdere vraag")
    assert replies[-1].step == "consent"


def test_help_works_mid_question_and_returns_to_the_question(engine: Engine) -> None:
    chat = started(engine)
    replies = chat.send(Command("hulp"))
    lines = replies[0].text
    for needed in (
        "112",
        "0800-0113",
        "113.nl",
        "088 0767 000",
        "0800-0450",
        "0800-0432",
        "0800-2000",
        "Dag en nacht",
        "14.00 tot 22.00",
    ):
        assert needed in lines
    assert replies[-1].step == "consent"


@pytest.mark.parametrize("name", ["help", "HULP", "Hulp"])
def test_commands_are_case_insensitive_and_have_english_aliases(engine: Engine, name: str) -> None:
    chat = started(engine)
    assert "113" in chat.send(Command(name))[0].text


def test_talk_to_a_person_names_the_organisations_and_a_line_open_now(engine: Engine) -> None:
    chat = started(engine)
    replies = chat.send(Command("praat"))
    assert "JoU" in replies[0].text
    assert "U Centraal" in replies[0].text
    assert "De Luisterlijn" in replies[0].text
    assert {link.label for link in replies[0].links} == {"JoU", "U Centraal"}
    assert replies[-1].step == "consent"


def test_stop_ends_and_leaves_ways_forward(engine: Engine) -> None:
    chat = started(engine)
    replies = chat.send(Command("stop"))
    assert chat.state is not None
    assert chat.state.status == "ended"
    assert {o.id for o in replies[-1].options} == {"_restart", "_help", "_talk"}
    later = chat.send("hallo?")
    assert "opnieuw beginnen" in later[0].text


def test_restart_begins_a_new_conversation_with_a_new_id(engine: Engine) -> None:
    chat = started(engine)
    assert chat.state is not None
    first = chat.state.conversation
    chat.send(Choice("consent", "yes"))
    replies = chat.send(Command("opnieuw"))
    assert chat.state.conversation != first
    assert chat.state.answers == {}
    assert replies[-1].step == "consent"


def test_language_switch_by_command_argument(engine: Engine) -> None:
    chat = started(engine)
    replies = chat.send(Command("taal", "en"))
    assert replies[0].text == "Okay, I'll talk English with you now."
    assert replies[-1].text.startswith("Can I ask you a few short questions?")
    # The explicit choice beats the channel's hint from now on.
    chat.lang_hint = "nl"
    assert chat.send("sure")[0].text.split("\n\n")[0].endswith("(Yes, that's fine)")


def test_language_switch_by_question(engine: Engine) -> None:
    chat = started(engine, lang_hint="en")
    replies = chat.send(Command("language"))
    assert [o.label for o in replies[0].options] == ["Nederlands", "English"]
    replies = chat.send(Choice("_language", "nl"))
    assert replies[0].text == "Oké, vanaf nu praat ik Nederlands met je."
    assert replies[-1].text.startswith(CONSENT_NL)


def test_language_question_accepts_typed_names(engine: Engine) -> None:
    chat = started(engine)
    chat.send(Command("taal"))
    assert chat.send("engels")[0].text == "Okay, I'll talk English with you now."


def test_privacy_says_what_is_kept_where_and_how_long(engine: Engine) -> None:
    chat = started(engine)
    text = chat.send(Command("privacy"))[0].text
    assert "30 dagen" in text
    assert "35 dagen" in text  # per-conversation counts (bot.stats.MAX_EVENT_DAYS)
    assert "groep van die organisatie op Telegram" in text
    assert "alleen tot ik ze heb beantwoord" in text
    assert "/vergeet" in text


def test_forget_erases_the_state(engine: Engine) -> None:
    chat = started(engine)
    replies = chat.send(Command("vergeet"))
    assert chat.state is None
    assert "gewist" in replies[0].text
    # Whatever comes next is a fresh start.
    assert "Omarmt" in chat.send("hoi")[0].text


def test_unknown_command_lists_the_commands(engine: Engine) -> None:
    chat = started(engine)
    replies = chat.send(Command("xyzzy"))
    assert "/hulp" in replies[0].text
    assert replies[-1].step == "consent"


def test_start_mid_conversation_shows_where_we_were(engine: Engine) -> None:
    chat = started(engine)
    before = chat.state
    replies = chat.send(Command("start"))
    assert replies[-1].step == "consent"
    assert chat.state == before


@pytest.mark.parametrize("kind", ["sticker", "photo", "voice", "location", "contact", "poll"])
def test_media_gets_a_kind_text_only_reply(engine: Engine, kind: str) -> None:
    chat = started(engine)
    replies = chat.send(Media(kind))
    assert replies[0].text == "Sorry, ik kan alleen tekst lezen. Wil je het typen?"
    assert replies[-1].step == "consent"


# --- safety first, in every state ------------------------------------------------------------


def _assert_crisis_reply(chat: Chat, replies: tuple[object, ...]) -> None:
    text = render(replies)  # type: ignore[arg-type]
    assert "113" in text
    assert "0800-0113" in text
    assert "112" in text
    assert "Praten met een mens" in text
    assert chat.last is not None
    assert [e.name for e in chat.last.events] == ["crisis"]
    assert chat.state is not None
    assert chat.state.crisis
    # The interrupted question is not fired in the same breath.
    assert CONSENT_NL not in text
    assert DJG1_NL not in text


def test_crisis_at_the_very_first_message(engine: Engine) -> None:
    chat = Chat(engine)
    _assert_crisis_reply(chat, chat.send(CRISIS_NL))


def test_crisis_mid_question_then_carry_on(engine: Engine) -> None:
    chat = at_djg1(engine)
    replies = chat.send(CRISIS_NL)
    _assert_crisis_reply(chat, replies)
    assert [o.id for o in replies[0].options] == ["_talk", "_continue"]
    assert replies[0].urgent
    again = chat.send(Choice("djg1", "_continue"))
    assert again[-1].text.split("\n")[0] == DJG1_NL
    assert chat.send("1")[0].text.split("\n\n")[0].endswith(" (Ja)")


def test_crisis_inside_a_reask(engine: Engine) -> None:
    chat = started(engine)
    chat.send("appeltaart")
    _assert_crisis_reply(chat, chat.send("ik wil dood"))


def test_crisis_after_the_end_and_after_stop(engine: Engine) -> None:
    chat = started(engine)
    chat.send(Command("stop"))
    _assert_crisis_reply(chat, chat.send("ik wil er niet meer zijn"))


def test_crisis_while_choosing_a_language(engine: Engine) -> None:
    chat = started(engine)
    chat.send(Command("taal"))
    _assert_crisis_reply(chat, chat.send("ik wil zelfmoord plegen"))


def test_crisis_in_a_command_argument_and_a_caption(engine: Engine) -> None:
    chat = started(engine)
    _assert_crisis_reply(chat, chat.send(Command("start", "ik wil dood")))
    _assert_crisis_reply(chat, chat.send(Media("photo", caption="ik wil dood")))


def test_abuse_gets_veilig_thuis(engine: Engine) -> None:
    chat = started(engine)
    text = render(chat.send("mijn vader slaat me"))
    assert "Veilig Thuis" in text
    assert "0800-2000" in text
    assert "niet jouw schuld" in text


def test_crisis_reply_in_english(engine: Engine) -> None:
    chat = started(engine, lang_hint="en")
    text = render(chat.send("i want to kill myself"))
    assert "113" in text
    assert "Talk to a person" in text


def test_crisis_flag_survives_restart_of_the_conversation(engine: Engine) -> None:
    chat = started(engine)
    chat.send(CRISIS_NL)
    chat.send(Command("opnieuw"))
    assert chat.state is not None
    assert chat.state.crisis


# --- state -----------------------------------------------------------------------------------


def test_state_from_a_removed_step_starts_kindly_again(engine: Engine) -> None:
    state = SessionState(conversation="c9", status="active", step="gone_in_new_version")
    turn = engine.handle(state, Text("ja"))
    assert turn.state is not None
    assert turn.state.step == "consent"
    assert "Omarmt" in turn.messages[0].text


def test_resume_shows_the_pending_question(engine: Engine) -> None:
    chat = started(engine)
    assert chat.state is not None
    turn = engine.resume(chat.state)
    assert turn.messages[0].text == "Welkom terug! Hier waren we gebleven:"
    assert turn.messages[1].step == "consent"
    assert turn.state == chat.state


def test_events_carry_categories_only(engine: Engine) -> None:
    chat = at_djg1(engine)
    chat.send("ja helaas wel")
    assert chat.last is not None
    for event in chat.last.events:
        assert set(event.data) <= {"step", "category", "language"}
        assert "yes" not in " ".join(event.data.values())


# --- moving freely ---------------------------------------------------------------------------


def test_back_forgets_the_last_answer_and_asks_it_again(engine: Engine) -> None:
    chat = at_djg1(engine)
    chat.tap(("djg1", "yes"))
    replies = chat.send(Choice("djg2", "_back"))
    assert replies[-1].text.split("\n")[0] == DJG1_NL
    assert chat.state is not None
    assert "djg1" not in chat.state.answers
    assert chat.state.step == "djg1"


def test_back_by_command_and_by_typing(engine: Engine) -> None:
    chat = at_djg1(engine)
    assert chat.send(Command("terug"))[-1].step == "student"
    assert chat.send("terug")[-1].step == "age"


def test_no_back_from_the_first_question(engine: Engine) -> None:
    chat = started(engine)
    assert "_back" not in [o.id for o in chat.send(Choice("consent", "x"))[-1].options]
    assert "geen vorige vraag" in chat.send(Command("terug"))[0].text


def test_back_after_the_result_reopens_the_last_question(engine: Engine) -> None:
    chat = at_djg1(engine)
    for item in ("djg1", "djg2", "djg3", "djg4", "djg5", "djg6"):
        chat.tap((item, "no"))
    chat.tap(("wish", "calmer"))
    assert chat.state is not None
    assert chat.state.status == "ended"
    assert chat.send(Command("terug"))[-1].step == "wish"
    reopened = chat.state
    assert reopened is not None
    assert reopened.status == "active"


def test_skipped_items_are_counted_as_skipped(engine: Engine) -> None:
    chat = at_djg1(engine)
    chat.tap(("djg1", "skip"))
    assert chat.last is not None
    assert [(e.name, dict(e.data)) for e in chat.last.events] == [("skipped", {"step": "djg1"})]

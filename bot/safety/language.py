"""The crisis rules' pattern language: words and gaps a reviewer can read, compiled to a regex.

A pattern is read word by word against the normalised message (lower case, no accents, letter
runs folded, one space between words, " . " between sentences). docs/safety-rules.md explains
the language to reviewers; in short:

    wil              the word "wil"
    zelfmoord*       a word that starts with "zelfmoord" ("zelfmoordgedachten")
    (wil | wou)      one of these; each may be several words: (te veel | alle)
    [echt]           optional: [echt | gewoon]
    @pills           any entry of the named word list "pills" (content/safety/lists.yaml)
    ...              up to 3 words, none of them a negation; ...6 up to 6
    ~12              up to 12 words of any kind, across sentence ends too
    #                a number; ## a number of two digits or more
    $                the end of a sentence (up to eight filler words such as "echt", "ofz")
    ^                the start of a sentence
    !(x | y z)       not followed by x or by "y z"
    <!(x | y z)      not preceded by x or by "y z" (plain words only)

Every element matches one or more whole words; the compiled regex runs on " " + text + " ",
and each element consumes its words together with the space after them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.safety.words import unfolds

__all__ = ["DEFAULT_GAP", "ListMemo", "PatternError", "compile_pattern", "fold_word", "trie"]

DEFAULT_GAP = 3
_MAX_GAP = 40
_WORD_CHARS = "a-z0-9_"
_TOKEN = re.compile(
    r"\s*(?:(?P<gap>\.\.\.(?P<n>\d+)?)|(?P<far>~(?P<m>\d+))|(?P<notbefore><!\()|(?P<notafter>!\()"
    r"|(?P<punct>[()\[\]|$^])|(?P<num>##?)|(?P<list>@[a-z0-9_]+)"
    r"|(?P<word>[^\s()\[\]|$^!~@#<]+))"
)
_REPEAT = re.compile(r"([a-z])\1+")
_MARKS = re.compile(r"[\u0300-\u036f]")

#: The regexes of word lists already made from one `lists` mapping, by name and nesting: the
#: 650 rules use 180 of them about 2,000 times.
ListMemo = dict[tuple[str, tuple[str, ...]], str]


class PatternError(ValueError):
    """A pattern that does not compile; the message says what and where (column)."""


def fold_word(word: str) -> str:
    """A pattern word in the form normalised text has: lower case, no accents, runs folded.

    Like the normaliser, a real word that folding would turn into a key word keeps its letter
    runs ("rapped" is not "raped"), so a rule can still name it.
    """
    plain = _MARKS.sub("", unicodedata.normalize("NFKD", word.casefold()))
    folded = _REPEAT.sub(r"\1", plain)
    return plain if folded != plain and unfolds(plain) else folded


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str
    text: str
    column: int
    number: int | None = None


def _tokens(source: str) -> list[_Tok]:
    tokens: list[_Tok] = []
    position = 0
    while position < len(source):
        if not source[position:].strip():
            break
        match = _TOKEN.match(source, position)
        if match is None or match.end() == position:
            raise PatternError(f"column {position + 1}: cannot read {source[position:][:12]!r}")
        kind = match.lastgroup or ""
        column = match.start(kind) + 1 if kind else position + 1
        if kind in {"gap", "far"}:
            digits = match.group("n") or match.group("m")
            count = int(digits) if digits else DEFAULT_GAP
            if not 0 < count <= _MAX_GAP:
                raise PatternError(f"column {column}: a gap is 1 to {_MAX_GAP} words")
            tokens.append(_Tok(kind, match.group(kind), column, count))
        elif kind:
            tokens.append(_Tok(kind, match.group(kind), column))
        position = match.end()
    return tokens


class _Compiler:
    """Recursive descent over the tokens; emits regex source."""

    def __init__(
        self,
        source: str,
        lists: Mapping[str, Sequence[str]],
        stack: tuple[str, ...],
        memo: ListMemo,
    ):
        self._source = source
        self._tokens = _tokens(source)
        self._at = 0
        self._lists = lists
        self._stack = stack
        self._memo = memo

    def compile(self) -> str:
        if not self._tokens:
            raise PatternError("column 1: an empty pattern")
        body = self._alternatives(closing=None)
        if self._at < len(self._tokens):
            token = self._tokens[self._at]
            raise PatternError(f"column {token.column}: unexpected {token.text!r}")
        return body

    def _peek(self) -> _Tok | None:
        return self._tokens[self._at] if self._at < len(self._tokens) else None

    def _alternatives(self, closing: str | None) -> str:
        branches = [self._sequence(closing)]
        while (token := self._peek()) is not None and token.text == "|":
            self._at += 1
            branches.append(self._sequence(closing))
        if len(branches) == 1:
            return branches[0]
        return _group(branches)

    def _sequence(self, closing: str | None) -> str:
        parts: list[str] = []
        while (token := self._peek()) is not None:
            if token.text == "|" or token.text in {")", "]"}:
                if token.text in {")", "]"} and token.text != closing:
                    raise PatternError(f"column {token.column}: unmatched {token.text!r}")
                break
            self._at += 1
            parts.append(self._element(token))
        if not parts:
            column = token.column if token is not None else len(self._source) + 1
            raise PatternError(f"column {column}: an empty alternative")
        return "".join(parts)

    def _closed(self, opening: _Tok, closing: str) -> str:
        body = self._alternatives(closing)
        end = self._peek()
        if end is None or end.text != closing:
            raise PatternError(f"column {opening.column}: {opening.text!r} is never closed")
        self._at += 1
        return body

    def _element(self, token: _Tok) -> str:
        kind = token.kind
        if kind == "word":
            return _word(token)
        if kind == "num":
            return "[0-9]{2,} " if token.text == "##" else "[0-9]+ "
        if kind == "list":
            return self._list(token)
        if kind == "gap":
            return f"(?:(?!{self._negation()})[{_WORD_CHARS}]+ ){{0,{token.number}}}"
        if kind == "far":
            return f"(?:[^ ]+ ){{0,{token.number}}}"
        if kind == "notafter":
            return f"(?!{self._closed(token, ')')})"
        if kind == "notbefore":
            start = self._at
            self._closed(token, ")")
            return _not_before(self._tokens[start : self._at - 1], self._lists, token.column)
        text = token.text
        if text == "(":
            return f"(?:{self._closed(token, ')')})"
        if text == "[":
            return f"(?:{self._closed(token, ']')})?"
        if text == "$":
            filler = self._optional_list("end_filler")
            return f"(?:{filler}){{0,8}}(?=\\. |$)" if filler else "(?=\\. |$)"
        if text == "^":
            return "(?:(?<=^ )|(?<=\\. ))"
        raise PatternError(f"column {token.column}: unexpected {text!r}")

    def _list(self, token: _Tok) -> str:
        name = token.text[1:]
        if name not in self._lists:
            raise PatternError(f"column {token.column}: no word list @{name}")
        if name in self._stack:
            raise PatternError(f"column {token.column}: @{name} refers to itself")
        return list_regex(name, self._lists, (*self._stack, name), self._memo)

    def _optional_list(self, name: str) -> str:
        if name not in self._lists or name in self._stack:
            return ""
        return list_regex(name, self._lists, (*self._stack, name), self._memo)

    def _negation(self) -> str:
        return self._optional_list("neg") or "(?!)"


def _word(token: _Tok) -> str:
    text = token.text
    prefix = text.endswith("*")
    core = fold_word(text.rstrip("*"))
    if not re.fullmatch(f"[{_WORD_CHARS}]+", core):
        raise PatternError(f"column {token.column}: {text!r} is not a word (a-z, 0-9, _)")
    return f"{re.escape(core)}[{_WORD_CHARS}]* " if prefix else f"{re.escape(core)} "


def _not_before(tokens: list[_Tok], lists: Mapping[str, Sequence[str]], column: int) -> str:
    """Each alternative as a fixed-width look-behind: plain words and lists of plain words."""
    phrases: list[list[str]] = [[]]
    for token in tokens:
        if token.text == "|":
            phrases.append([])
        elif token.kind == "word" and not token.text.endswith("*"):
            phrases[-1].append(fold_word(token.text))
        elif token.kind == "list" and token.text[1:] in lists:
            entries = [fold_word(entry) for entry in lists[token.text[1:]]]
            if not all(re.fullmatch(f"[{_WORD_CHARS} ]+", entry) for entry in entries):
                raise PatternError(f"column {column}: <!( ) takes lists of plain words only")
            phrases = [[*phrase, entry] for phrase in phrases for entry in entries]
        else:
            raise PatternError(f"column {column}: <!( ) takes plain words and lists only")
    if any(not phrase for phrase in phrases):
        raise PatternError(f"column {column}: an empty alternative in <!( )")
    return "".join(f"(?<! {re.escape(' '.join(phrase))} )" for phrase in phrases)


def _group(branches: Sequence[str]) -> str:
    """Alternatives as one group; plain words become a trie (one branch per first letter)."""
    words = [branch[:-1] for branch in branches if re.fullmatch(f"[{_WORD_CHARS}]+ ", branch)]
    if len(words) == len(branches) and len(words) >= 3:
        return f"(?:{trie(words)}) "
    return "(?:" + "|".join(branches) + ")"


_Node = dict[str, "_Node"]


def trie(words: Sequence[str]) -> str:
    """The words as one regex that branches letter by letter ("pa(?:pa)?" for "pa|papa")."""
    tree: _Node = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: _Node) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


def list_regex(
    name: str,
    lists: Mapping[str, Sequence[str]],
    stack: tuple[str, ...] = (),
    memo: ListMemo | None = None,
) -> str:
    """The regex for one named list: each entry is itself a pattern."""
    memo = {} if memo is None else memo
    stack = stack or (name,)
    known = memo.get((name, stack))
    if known is not None:
        return known
    branches: list[str] = []
    for entry in lists[name]:
        try:
            branches.append(_Compiler(entry, lists, stack, memo).compile())
        except PatternError as error:
            raise PatternError(f"in @{name} entry {entry!r}: {error}") from None
    made = memo[name, stack] = _group(branches) if len(branches) > 1 else branches[0]
    return made


def compile_pattern(
    source: str, lists: Mapping[str, Sequence[str]], memo: ListMemo | None = None
) -> str:
    """Regex source for a pattern, to run on " " + normalised text + " ".

    `memo` keeps the lists' regexes for the next pattern compiled with the very same `lists`.
    """
    return "(?<= )" + _Compiler(source, lists, (), {} if memo is None else memo).compile()

"""Which responses are not answers: automatic receipts, out-of-office replies and delivery notices arrive on
FragDenStaat as responses of the body, but say nothing about what was asked. They are neither quoted as its
answer nor counted as one."""

from __future__ import annotations

import re

# Subjects mail systems and offices give such messages. Written with `\s+`: a line wrap may fall anywhere.
_SUBJECT = re.compile(
    r"eingangsbest[äa]e?tigung|lesebest[äa]e?tigung|empfangsbest[äa]e?tigung|automatische\s+antwort"
    r"|abwesenheits(?:notiz|meldung)|out\s+of\s+(?:the\s+)?office|automatic\s+reply|auto-?reply"
    r"|delivery\s+status\s+notification|undeliverable|unzustellbar|nicht\s+zustellbar|mail\s+delivery"
    r"|zustellbenachrichtigung|übermittlungsstatus|read:\s|gelesen:\s",
    re.IGNORECASE,
)
# What a receipt says; only a short message is taken for one, so that an answer that begins by confirming the
# request's arrival is still an answer.
_BODY = re.compile(
    r"(?:ihre|ihr)\s+(?:anfrage|nachricht|schreiben|e-?mail|antrag)\s+(?:ist|wurde|haben\s+wir)\b.{0,80}?"
    r"(?:eingegangen|erhalten|registriert)"
    r"|eingangsbest[äa]e?tigung|automatisch\s+(?:erstellte|generierte)|automatische\s+antwort"
    r"|(?:bin|ist)\s+(?:bis|vom)\b.{0,60}?(?:abwesend|nicht\s+im\s+(?:büro|dienst)|außer\s+haus)"
    r"|this\s+is\s+an\s+automatic|out\s+of\s+(?:the\s+)?office",
    re.IGNORECASE | re.DOTALL,
)
SHORT_RECEIPT = 1200  # characters: a receipt is a few lines, an answer that mentions a receipt is longer


def is_receipt(subject: str, text: str, *, letter_text: str | None = None) -> bool:
    """Whether a response is an automatic receipt or notice rather than the body's answer: its subject says so, or
    it is short and reads like one. `letter_text`: the text of the PDF letters it carries (None: it carries
    none). A letter makes it an answer, whatever the subject of its mail, unless the letter itself is short and
    reads like a receipt (an "Eingangsbestätigung" sent as a PDF)."""
    if letter_text is not None:
        return len(letter_text) <= SHORT_RECEIPT and _BODY.search(letter_text) is not None
    return _SUBJECT.search(subject) is not None or (len(text) <= SHORT_RECEIPT and _BODY.search(text) is not None)

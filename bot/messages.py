"""Every fixed phrase the bot says, in German and English."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Final

from bot.models import AnswerType, Kind, Lang

_PHRASES: Final[dict[str, dict[Lang, str]]] = {
    "unknown": {
        "de": "Dazu habe ich keine gesicherte Antwort in meiner Wissensbasis.",
        "en": "I have no reliable answer to that in my knowledge base.",
    },
    "did_you_mean": {"de": "Meinten Sie …?", "en": "Did you mean …?"},
    "greeting": {
        "de": (
            "Hallo! Ich beantworte Fragen zu Antworten auf Informationsfreiheits-Anfragen und zu "
            "Digitalisierungs-Rankings, mit Zitat und Quelle. Fragen Sie zum Beispiel: „Welchen Platz hatte "
            "Bochum 2021?“ oder „Hat Bochum externe Berater bezahlt?“"
        ),
        "en": (
            "Hello! I answer questions about Freedom-of-Information answers and digitalisation rankings, with a "
            "quote and its source. Ask for example: “Where did Bochum rank in 2021?” or “Did Bochum pay "
            "consultants?”"
        ),
    },
    "what_it_says": {"de": "Was dort zu „{title}“ steht:", "en": "What they say about “{title}”:"},
    "related": {"de": "Verwandte Fragen:", "en": "Related questions:"},
    "closest": {"de": "Diese Fragen kann ich beantworten:", "en": "Questions I can answer:"},
    "empty": {
        "de": "Bitte stellen Sie eine Frage, zum Beispiel: „Welchen Platz hatte Bochum 2021?“",
        "en": "Please ask a question, for example: “Where did Bochum rank in 2021?”",
    },
    "source": {"de": "Quelle", "en": "Source"},
    "sources": {"de": "Quellen", "en": "Sources"},
    "more_quotes": {"de": "Weitere Belege", "en": "More quotes"},
    "slow_down_short": {"de": "Zu viele Anfragen: bitte eine Minute warten", "en": "Too many requests: wait a minute"},
    "slow_down": {
        "de": "Das waren viele Fragen in kurzer Zeit. Bitte warten Sie eine Minute, dann antworte ich wieder.",
        "en": "That was a lot of questions in a short time. Please wait a minute, then I will answer again.",
    },
    "ask_usage": {
        "de": "So geht's: /ask gefolgt von Ihrer Frage, z. B. /ask Welchen Platz hatte Bochum 2021?",
        "en": "Usage: /ask followed by your question, e.g. /ask Where did Bochum rank in 2021?",
    },
    "no_such_answer": {
        "de": "Diese Antwort gibt es nicht (mehr).",
        "en": "That answer does not exist (any more).",
    },
    "welcome": {
        "de": (
            "Hallo! Ich beantworte Fragen zu Antworten auf Informationsfreiheits-Anfragen (IFG) und zu den "
            "Digitalisierungs-Rankings, um die es darin geht, immer mit Zitat und Quelle.\n\n"
            "Fragen Sie einfach, z. B.:\n• Hat Bochum externe Berater für das Bitkom-Ranking bezahlt?\n"
            "• Welchen Platz hatte Bochum 2021?\n• Wie hat sich Bochum entwickelt?\n\n/help zeigt alle Befehle."
        ),
        "en": (
            "Hello! I answer questions about Freedom-of-Information (FOI) answers and the digitalisation "
            "rankings they discuss, always with a quote and its source.\n\nJust ask, e.g.:\n"
            "• Did Bochum pay consultants for the Bitkom ranking?\n• Where did Bochum rank in 2021?\n"
            "• How has Bochum developed over the years?\n\n/help lists every command."
        ),
    },
    "help": {
        "de": (
            "Im privaten Chat ist jede Nachricht eine Frage. In Gruppen: /ask FRAGE, eine Erwähnung des Bots "
            "oder eine Antwort auf eine seiner Nachrichten. In jedem Chat: @Botname Frage (Inline-Modus).\n\n"
            "/sources – die IFG-Anfragen in der Wissensbasis\n/ranking JAHR – die Spitze des Smart City Index\n"
            "/chart STADT – Platzierungen einer Stadt als Grafik\n"
            "/subscribe [THEMA] [daily] – neue Antworten abonnieren (in Gruppen: Administratoren)\n"
            "/unsubscribe [THEMA], /subscriptions – Abos beenden, anzeigen\n\n"
            "Ich antworte nur mit Belegen; wenn ich etwas nicht weiß, sage ich es."
        ),
        "en": (
            "In a private chat every message is a question. In groups: /ask QUESTION, a mention of the bot, or a "
            "reply to one of its messages. In any chat: @botname question (inline mode).\n\n"
            "/sources – the FOI requests in the knowledge base\n/ranking YEAR – the top of the Smart City Index\n"
            "/chart CITY – a city's places as a chart\n"
            "/subscribe [TOPIC] [daily] – get new answers (in groups: administrators)\n"
            "/unsubscribe [TOPIC], /subscriptions – stop them, list them\n\n"
            "I only answer with sources; when I don't know, I say so."
        ),
    },
    "sources_heading": {"de": "IFG-Anfragen in der Wissensbasis", "en": "FOI requests in the knowledge base"},
    "answered_on": {"de": "beantwortet am", "en": "answered on"},
    "no_sources": {"de": "Noch keine Anfragen erfasst.", "en": "No requests recorded yet."},
    "status_unknown": {"de": "Status unbekannt", "en": "status unknown"},
    "no_rankings": {"de": "Noch keine Rankings erfasst.", "en": "No rankings recorded yet."},
    "ranking_usage": {
        "de": "So geht's: /ranking JAHR. Bekannte Jahre: {years}",
        "en": "Usage: /ranking YEAR. Known years: {years}",
    },
    "chart_usage": {
        "de": (
            "So geht's: /chart STADT zeigt die Platzierungen einer Stadt über die Jahre, z. B. /chart Bochum; "
            "/chart Bochum Dortmund vergleicht Städte in einem Bild."
        ),
        "en": (
            "Usage: /chart CITY shows a city's places over the years, e.g. /chart Bochum; /chart Bochum Dortmund "
            "compares cities in one picture."
        ),
    },
    "chart_no_city": {
        "de": "In „{text}“ finde ich keine Stadt aus den Rankings (oder keine, die ein Ranking gemeinsam listet).",
        "en": "I find no city of the rankings in “{text}” (or none that one ranking lists together).",
    },
    "inline_button": {"de": "Im privaten Chat fragen", "en": "Ask in a private chat"},
    "stale_button": {
        "de": "Dieser Knopf ist nicht mehr gültig.",
        "en": "This button is no longer valid.",
    },
    "thanks": {"de": "Danke für Ihre Rückmeldung!", "en": "Thanks for your feedback!"},
    "sorry": {
        "de": "Entschuldigung, da ist etwas schiefgegangen. Bitte versuchen Sie es gleich noch einmal.",
        "en": "Sorry, something went wrong. Please try again in a moment.",
    },
    "maintainers_only": {
        "de": "Dieser Befehl ist nur für Maintainer der Wissensbasis.",
        "en": "This command is for maintainers of the knowledge base only.",
    },
    "maintain_private_only": {
        "de": "Die Wissensbasis wird im privaten Chat mit mir gepflegt.",
        "en": "The knowledge base is maintained in a private chat with me.",
    },
    "add_private_only": {
        "de": "Neue Antworten bitte im privaten Chat mit mir anlegen.",
        "en": "Please add new answers in a private chat with me.",
    },
    "add_question": {
        "de": "Neue Antwort anlegen (/cancel bricht jederzeit ab).\n1/3: Welche Frage soll beantwortet werden?",
        "en": "New answer (/cancel stops at any time).\n1/3: Which question does it answer?",
    },
    "add_answer": {"de": "2/3: Wie lautet die kurze Antwort?", "en": "2/3: What is the short answer?"},
    "add_source": {
        "de": "3/3: Aus welcher Quelle? Bitte den Link senden (https://…).",
        "en": "3/3: What is the source? Please send its link (https://…).",
    },
    "add_too_long": {
        "de": "Das ist zu lang (höchstens {limit} Zeichen). Bitte kürzer.",
        "en": "That is too long (at most {limit} characters). Please shorten it.",
    },
    "add_bad_url": {
        "de": "Das ist kein gültiger Link. Bitte eine Adresse mit https:// senden.",
        "en": "That is not a valid link. Please send an address starting with https://.",
    },
    "add_preview": {
        "de": "Vorschau (wird als {id} gespeichert):",
        "en": "Preview (will be saved as {id}):",
    },
    "add_save": {"de": "✅ Speichern", "en": "✅ Save"},
    "add_discard": {"de": "✖ Verwerfen", "en": "✖ Discard"},
    "add_saved": {"de": "Gespeichert als {id}. Ab sofort beantworte ich die Frage.", "en": "Saved as {id}."},
    "add_cancelled": {"de": "Abgebrochen, nichts gespeichert.", "en": "Cancelled, nothing saved."},
    "remove_usage": {"de": "So geht's: /remove ID", "en": "Usage: /remove ID"},
    "removed": {"de": "{id} entfernt.", "en": "Removed {id}."},
    "no_such_entry": {"de": "Es gibt keinen Eintrag mit der ID {id}.", "en": "There is no entry with the id {id}."},
    "read_only_entry": {
        "de": "{id} stammt aus den Wissensdateien: bitte ändern Sie den Eintrag dort (mit Review in git).",
        "en": "{id} comes from the knowledge files: change it there (reviewed in git).",
    },
    "nothing_unanswered": {"de": "Keine offenen Fragen.", "en": "No unanswered questions."},
    "unanswered_heading": {"de": "Unbeantwortete Fragen (häufigste zuerst)", "en": "Unanswered, most frequent first"},
    "stats_heading": {"de": "Wissensbasis", "en": "Knowledge base"},
    "stats_requests": {"de": "IFG-Anfragen", "en": "FOI requests"},
    "stats_ranking_rows": {"de": "Ranking-Zeilen", "en": "Ranking rows"},
    "stats_unanswered": {"de": "Unbeantwortete Fragen", "en": "Unanswered questions"},
    "stats_feedback": {"de": "Rückmeldungen", "en": "Feedback"},
    "imported": {
        "de": "Importiert: {id} mit {passages} zitierten Antworttext(en).",
        "en": "Imported: {id} with {passages} quoted response(s).",
    },
    "import_refused": {
        "de": "Anfrage #{id} wird in den Wissensdateien gepflegt: bitte ändern Sie sie dort (mit Review in git).",
        "en": "Request #{id} is curated in the knowledge files: change it there (reviewed in git).",
    },
    "admins_only": {
        "de": "Nur Administratoren dieser Gruppe können ihre Abos ändern.",
        "en": "Only this group's administrators can change its subscriptions.",
    },
    "subscribe_refused": {
        "de": "Nicht abonniert: {why}. Beispiel: /subscribe Bochum",
        "en": "Not subscribed: {why}. Example: /subscribe Bochum",
    },
    "all_answers": {"de": "alle neuen Antworten", "en": "all new answers"},
    "daily_digest": {"de": "einmal täglich gesammelt", "en": "once a day"},
    "at_once": {"de": "sofort", "en": "at once"},
    "subscribed": {"de": "Abonniert: {what} ({how}).", "en": "Subscribed: {what} ({how})."},
    "already_subscribed": {"de": "Schon abonniert: {what} ({how}).", "en": "Already subscribed: {what} ({how})."},
    "unsubscribed": {"de": "{count} Abo(s) beendet.", "en": "{count} subscription(s) ended."},
    "no_subscriptions": {
        "de": "Dieser Chat hat keine Abos. /subscribe abonniert neue Antworten.",
        "en": "This chat has no subscriptions. /subscribe gets new answers.",
    },
    "subscriptions_heading": {"de": "Abos dieses Chats", "en": "This chat's subscriptions"},
}

_STATUS: Final[dict[str, dict[Lang, str]]] = {
    "successful": {"de": "erfolgreich", "en": "successful"},
    "partially_successful": {"de": "teilweise erfolgreich", "en": "partially successful"},
    "not_held": {"de": "Information nicht vorhanden", "en": "information not held"},
    "refused": {"de": "abgelehnt", "en": "refused"},
    "user_withdrew": {"de": "zurückgezogen", "en": "withdrawn"},
    "user_withdrew_costs": {"de": "wegen Kosten zurückgezogen", "en": "withdrawn because of costs"},
    "awaiting_response": {"de": "wartet auf Antwort", "en": "awaiting response"},
    "awaiting_classification": {"de": "Antwort erhalten", "en": "response received"},
    "asleep": {"de": "eingeschlafen", "en": "asleep"},
    "resolved": {"de": "abgeschlossen", "en": "resolved"},
    "overdue": {"de": "Frist überschritten", "en": "overdue"},
}


# What /stats counts entries by.
_KINDS: Final[dict[Kind, dict[Lang, str]]] = {
    Kind.FACT: {"de": "Fakten", "en": "Facts"},
    Kind.FOI_ANSWER: {"de": "IFG-Antworten", "en": "FOI answers"},
    Kind.RANKING: {"de": "Ranking-Einträge", "en": "Ranking entries"},
}


# "The source does not say": what is missing, by the kind of answer asked.
_MISSING: Final[dict[AnswerType, dict[Lang, str]]] = {
    AnswerType.DATE: {"de": "Ein Datum dafür", "en": "A date for that"},
    AnswerType.DAY: {"de": "Ein Tag oder Monat dafür", "en": "A day or month for that"},
    AnswerType.PERSON: {"de": "Wer das war,", "en": "Who that was"},
    AnswerType.COUNT: {"de": "Eine Zahl dafür", "en": "A figure for that"},
    AnswerType.REASON: {"de": "Ein Grund dafür", "en": "A reason for that"},
    AnswerType.PLACE: {"de": "Ein Platz dafür", "en": "A place for that"},
    AnswerType.POINTS: {"de": "Eine Punktzahl dafür", "en": "A score for that"},
    AnswerType.PARTICULARS: {"de": "Eine genaue Aufzählung", "en": "A list of the particulars"},
}


def phrase(key: str, lang: Lang) -> str:
    return _PHRASES[key][lang]


def not_stated(missing: AnswerType | None, words: Sequence[str], where: str, lang: Lang) -> str:
    """`Ein Datum dafür steht nicht in der Antwort (Stadt Bochum, 20.09.2022).`; empty when nothing is named."""
    if missing in _MISSING:
        what = _MISSING[missing][lang]
    elif words:
        quoted = ", ".join(words)
        what = f"Etwas zu „{quoted}“" if lang == "de" else f"Anything on “{quoted}”"
    else:
        return ""
    return f"{what} steht nicht {where}." if lang == "de" else f"{what} is not {where}."


def not_stated_where(public_body: str | None, date: dt.date | None, lang: Lang) -> str:
    if public_body:
        when = f", {date.strftime('%d.%m.%Y')}" if date and lang == "de" else f", {date:%d %B %Y}" if date else ""
        return f"in der Antwort ({public_body}{when})" if lang == "de" else f"in the answer ({public_body}{when})"
    return "in meinen Quellen" if lang == "de" else "in my sources"


def kind_label(kind: Kind, lang: Lang) -> str:
    return _KINDS[kind][lang]


def status_label(status: str | None, lang: Lang) -> str:
    """A froide request status or resolution in words; unknown values are shown as they are."""
    if not status:
        return phrase("status_unknown", lang)
    return _STATUS.get(status, {}).get(lang, status)

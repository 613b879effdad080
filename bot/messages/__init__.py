"""Every fixed phrase the bot says, in German and English: the phrases by key (`phrase(Phrase.WELCOME, lang)`), and
as functions the sentences with a grammar of their own (what a source does not say, the ranking sentences). The
FragDenStaat importer's phrases are in `bot.messages.fragdenstaat`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Final

from bot.models import AnswerType, Kind, Lang


class Phrase(StrEnum):
    """The key of a fixed phrase (`phrase` gives its text): a misspelt one is an error before anything runs."""

    # replies (bot/reply.py)
    UNKNOWN = "unknown"
    DID_YOU_MEAN = "did_you_mean"
    GREETING = "greeting"
    WHAT_IT_SAYS = "what_it_says"
    NEAREST = "nearest"
    RELATED = "related"
    CLOSEST = "closest"
    EMPTY = "empty"
    SOURCE = "source"
    SOURCES = "sources"
    MORE_QUOTES = "more_quotes"
    # Telegram: questions, commands, buttons, errors
    SLOW_DOWN_SHORT = "slow_down_short"
    SLOW_DOWN = "slow_down"
    ASK_USAGE = "ask_usage"
    NO_SUCH_ANSWER = "no_such_answer"
    WELCOME = "welcome"
    HELP = "help"
    SOURCES_HEADING = "sources_heading"
    ANSWERED_ON = "answered_on"
    NO_SOURCES = "no_sources"
    STATUS_UNKNOWN = "status_unknown"
    NO_RANKINGS = "no_rankings"
    RANKING_USAGE = "ranking_usage"
    CHART_USAGE = "chart_usage"
    CHART_NO_CITY = "chart_no_city"
    INLINE_BUTTON = "inline_button"
    STALE_BUTTON = "stale_button"
    THANKS = "thanks"
    SORRY = "sorry"
    # maintainers
    MAINTAINERS_ONLY = "maintainers_only"
    MAINTAIN_PRIVATE_ONLY = "maintain_private_only"
    ADD_PRIVATE_ONLY = "add_private_only"
    ADD_QUESTION = "add_question"
    ADD_ANSWER = "add_answer"
    ADD_SOURCE = "add_source"
    ADD_TOO_LONG = "add_too_long"
    ADD_BAD_URL = "add_bad_url"
    ADD_PREVIEW = "add_preview"
    ADD_SAVE = "add_save"
    ADD_DISCARD = "add_discard"
    ADD_SAVED = "add_saved"
    ADD_CANCELLED = "add_cancelled"
    REMOVE_USAGE = "remove_usage"
    REMOVED = "removed"
    NO_SUCH_ENTRY = "no_such_entry"
    READ_ONLY_ENTRY = "read_only_entry"
    NOTHING_UNANSWERED = "nothing_unanswered"
    UNANSWERED_HEADING = "unanswered_heading"
    STATS_HEADING = "stats_heading"
    STATS_REQUESTS = "stats_requests"
    STATS_RANKING_ROWS = "stats_ranking_rows"
    STATS_UNANSWERED = "stats_unanswered"
    STATS_FEEDBACK = "stats_feedback"
    IMPORTED = "imported"
    IMPORT_REFUSED = "import_refused"
    IMPORT_NEEDS_TEXT = "import_needs_text"
    # subscriptions, alerts and digests
    ADMINS_ONLY = "admins_only"
    SUBSCRIBE_REFUSED = "subscribe_refused"
    ALL_ANSWERS = "all_answers"
    DAILY_DIGEST = "daily_digest"
    AT_ONCE = "at_once"
    SUBSCRIBED = "subscribed"
    ALREADY_SUBSCRIBED = "already_subscribed"
    UNSUBSCRIBED = "unsubscribed"
    NO_SUBSCRIPTIONS = "no_subscriptions"
    SUBSCRIPTIONS_HEADING = "subscriptions_heading"
    ALERT_NEW_ANSWER = "alert_new_answer"
    ALERT_NEW_RESPONSE = "alert_new_response"
    ALERT_ASK_MORE = "alert_ask_more"
    DIGEST_HEADING = "digest_heading"
    DIGEST_MORE = "digest_more"
    # the command menus
    MENU_START = "menu_start"
    MENU_HELP = "menu_help"
    MENU_ASK = "menu_ask"
    MENU_SOURCES = "menu_sources"
    MENU_RANKING = "menu_ranking"
    MENU_CHART = "menu_chart"
    MENU_SUBSCRIBE = "menu_subscribe"
    MENU_UNSUBSCRIBE = "menu_unsubscribe"
    MENU_SUBSCRIPTIONS = "menu_subscriptions"
    MENU_ADD = "menu_add"
    MENU_REMOVE = "menu_remove"
    MENU_IMPORT = "menu_import"
    MENU_UNANSWERED = "menu_unanswered"
    MENU_STATS = "menu_stats"
    # charts
    SOURCES_DIFFER = "sources_differ"
    AXIS_PLACE = "axis_place"
    AXIS_POINTS = "axis_points"
    AXIS_YEAR = "axis_year"


_PHRASES: Final[dict[Phrase, dict[Lang, str]]] = {
    Phrase.UNKNOWN: {
        "de": "Dazu habe ich keine gesicherte Antwort in meiner Wissensbasis.",
        "en": "I have no reliable answer to that in my knowledge base.",
    },
    Phrase.DID_YOU_MEAN: {"de": "Meinten Sie …?", "en": "Did you mean …?"},
    Phrase.GREETING: {
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
    Phrase.WHAT_IT_SAYS: {"de": "Was dort zu „{title}“ steht:", "en": "What they say about “{title}”:"},
    Phrase.NEAREST: {
        "de": "Ob das genau Ihre Frage beantwortet, ist nicht sicher. Was meine Quellen zu „{title}“ sagen:",
        "en": "I am not sure this answers exactly your question. What my sources say about “{title}”:",
    },
    Phrase.RELATED: {"de": "Verwandte Fragen:", "en": "Related questions:"},
    Phrase.CLOSEST: {"de": "Diese Fragen kann ich beantworten:", "en": "Questions I can answer:"},
    Phrase.EMPTY: {
        "de": "Bitte stellen Sie eine Frage, zum Beispiel: „Welchen Platz hatte Bochum 2021?“",
        "en": "Please ask a question, for example: “Where did Bochum rank in 2021?”",
    },
    Phrase.SOURCE: {"de": "Quelle", "en": "Source"},
    Phrase.SOURCES: {"de": "Quellen", "en": "Sources"},
    Phrase.MORE_QUOTES: {"de": "Weitere Belege", "en": "More quotes"},
    Phrase.SLOW_DOWN_SHORT: {
        "de": "Zu viele Anfragen: bitte eine Minute warten",
        "en": "Too many requests: wait a minute",
    },
    Phrase.SLOW_DOWN: {
        "de": "Das waren viele Fragen in kurzer Zeit. Bitte warten Sie eine Minute, dann antworte ich wieder.",
        "en": "That was a lot of questions in a short time. Please wait a minute, then I will answer again.",
    },
    Phrase.ASK_USAGE: {
        "de": "So geht's: /ask gefolgt von Ihrer Frage, z. B. /ask Welchen Platz hatte Bochum 2021?",
        "en": "Usage: /ask followed by your question, e.g. /ask Where did Bochum rank in 2021?",
    },
    Phrase.NO_SUCH_ANSWER: {
        "de": "Diese Antwort gibt es nicht (mehr).",
        "en": "That answer does not exist (any more).",
    },
    Phrase.WELCOME: {
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
    Phrase.HELP: {
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
    Phrase.SOURCES_HEADING: {"de": "IFG-Anfragen in der Wissensbasis", "en": "FOI requests in the knowledge base"},
    Phrase.ANSWERED_ON: {"de": "beantwortet am", "en": "answered on"},
    Phrase.NO_SOURCES: {"de": "Noch keine Anfragen erfasst.", "en": "No requests recorded yet."},
    Phrase.STATUS_UNKNOWN: {"de": "Status unbekannt", "en": "status unknown"},
    Phrase.NO_RANKINGS: {"de": "Noch keine Rankings erfasst.", "en": "No rankings recorded yet."},
    Phrase.RANKING_USAGE: {
        "de": "So geht's: /ranking JAHR. Bekannte Jahre: {years}",
        "en": "Usage: /ranking YEAR. Known years: {years}",
    },
    Phrase.CHART_USAGE: {
        "de": (
            "So geht's: /chart STADT zeigt die Platzierungen einer Stadt über die Jahre, z. B. /chart Bochum; "
            "/chart Bochum Dortmund vergleicht Städte in einem Bild."
        ),
        "en": (
            "Usage: /chart CITY shows a city's places over the years, e.g. /chart Bochum; /chart Bochum Dortmund "
            "compares cities in one picture."
        ),
    },
    Phrase.CHART_NO_CITY: {
        "de": "In „{text}“ finde ich keine Stadt aus den Rankings (oder keine, die ein Ranking gemeinsam listet).",
        "en": "I find no city of the rankings in “{text}” (or none that one ranking lists together).",
    },
    Phrase.INLINE_BUTTON: {"de": "Im privaten Chat fragen", "en": "Ask in a private chat"},
    Phrase.STALE_BUTTON: {
        "de": "Dieser Knopf ist nicht mehr gültig.",
        "en": "This button is no longer valid.",
    },
    Phrase.THANKS: {"de": "Danke für Ihre Rückmeldung!", "en": "Thanks for your feedback!"},
    Phrase.SORRY: {
        "de": "Entschuldigung, da ist etwas schiefgegangen. Bitte versuchen Sie es gleich noch einmal.",
        "en": "Sorry, something went wrong. Please try again in a moment.",
    },
    Phrase.MAINTAINERS_ONLY: {
        "de": "Dieser Befehl ist nur für Maintainer der Wissensbasis.",
        "en": "This command is for maintainers of the knowledge base only.",
    },
    Phrase.MAINTAIN_PRIVATE_ONLY: {
        "de": "Die Wissensbasis wird im privaten Chat mit mir gepflegt.",
        "en": "The knowledge base is maintained in a private chat with me.",
    },
    Phrase.ADD_PRIVATE_ONLY: {
        "de": "Neue Antworten bitte im privaten Chat mit mir anlegen.",
        "en": "Please add new answers in a private chat with me.",
    },
    Phrase.ADD_QUESTION: {
        "de": "Neue Antwort anlegen (/cancel bricht jederzeit ab).\n1/3: Welche Frage soll beantwortet werden?",
        "en": "New answer (/cancel stops at any time).\n1/3: Which question does it answer?",
    },
    Phrase.ADD_ANSWER: {"de": "2/3: Wie lautet die kurze Antwort?", "en": "2/3: What is the short answer?"},
    Phrase.ADD_SOURCE: {
        "de": "3/3: Aus welcher Quelle? Bitte den Link senden (https://…).",
        "en": "3/3: What is the source? Please send its link (https://…).",
    },
    Phrase.ADD_TOO_LONG: {
        "de": "Das ist zu lang (höchstens {limit} Zeichen). Bitte kürzer.",
        "en": "That is too long (at most {limit} characters). Please shorten it.",
    },
    Phrase.ADD_BAD_URL: {
        "de": "Das ist kein gültiger Link. Bitte eine Adresse mit https:// senden.",
        "en": "That is not a valid link. Please send an address starting with https://.",
    },
    Phrase.ADD_PREVIEW: {
        "de": "Vorschau (wird als {id} gespeichert):",
        "en": "Preview (will be saved as {id}):",
    },
    Phrase.ADD_SAVE: {"de": "✅ Speichern", "en": "✅ Save"},
    Phrase.ADD_DISCARD: {"de": "✖ Verwerfen", "en": "✖ Discard"},
    Phrase.ADD_SAVED: {"de": "Gespeichert als {id}. Ab sofort beantworte ich die Frage.", "en": "Saved as {id}."},
    Phrase.ADD_CANCELLED: {"de": "Abgebrochen, nichts gespeichert.", "en": "Cancelled, nothing saved."},
    Phrase.REMOVE_USAGE: {"de": "So geht's: /remove ID", "en": "Usage: /remove ID"},
    Phrase.REMOVED: {"de": "{id} entfernt.", "en": "Removed {id}."},
    Phrase.NO_SUCH_ENTRY: {
        "de": "Es gibt keinen Eintrag mit der ID {id}.",
        "en": "There is no entry with the id {id}.",
    },
    Phrase.READ_ONLY_ENTRY: {
        "de": "{id} stammt aus den Wissensdateien: bitte ändern Sie den Eintrag dort (mit Review in git).",
        "en": "{id} comes from the knowledge files: change it there (reviewed in git).",
    },
    Phrase.NOTHING_UNANSWERED: {"de": "Keine offenen Fragen.", "en": "No unanswered questions."},
    Phrase.UNANSWERED_HEADING: {
        "de": "Unbeantwortete Fragen (häufigste zuerst)",
        "en": "Unanswered, most frequent first",
    },
    Phrase.STATS_HEADING: {"de": "Wissensbasis", "en": "Knowledge base"},
    Phrase.STATS_REQUESTS: {"de": "IFG-Anfragen", "en": "FOI requests"},
    Phrase.STATS_RANKING_ROWS: {"de": "Ranking-Zeilen", "en": "Ranking rows"},
    Phrase.STATS_UNANSWERED: {"de": "Unbeantwortete Fragen", "en": "Unanswered questions"},
    Phrase.STATS_FEEDBACK: {"de": "Rückmeldungen", "en": "Feedback"},
    Phrase.IMPORTED: {
        "de": "Importiert: {id} mit {passages} zitierten Passage(n) aus Antworten und ihren Briefen.",
        "en": "Imported: {id} with {passages} quoted passage(s) from responses and their letters.",
    },
    Phrase.IMPORT_NEEDS_TEXT: {
        "de": (
            "Ohne Text und deshalb nicht zitiert (Scans ohne Textebene, die FragDenStaat noch nicht gelesen hat; "
            "bitte abschreiben oder später erneut importieren; eine nicht gelesene Datei mit dem Grund):\n{letters}"
        ),
        "en": (
            "No text, so not quoted (scans without a text layer that FragDenStaat has not read yet; please "
            "transcribe them or import again later; a file not read with the reason):\n{letters}"
        ),
    },
    Phrase.IMPORT_REFUSED: {
        "de": "Anfrage #{id} wird in den Wissensdateien gepflegt: bitte ändern Sie sie dort (mit Review in git).",
        "en": "Request #{id} is curated in the knowledge files: change it there (reviewed in git).",
    },
    Phrase.ADMINS_ONLY: {
        "de": "Nur Administratoren dieser Gruppe können ihre Abos ändern.",
        "en": "Only this group's administrators can change its subscriptions.",
    },
    Phrase.SUBSCRIBE_REFUSED: {
        "de": "Nicht abonniert: {why}. Beispiel: /subscribe Bochum",
        "en": "Not subscribed: {why}. Example: /subscribe Bochum",
    },
    Phrase.ALL_ANSWERS: {"de": "alle neuen Antworten", "en": "all new answers"},
    Phrase.DAILY_DIGEST: {"de": "einmal täglich gesammelt", "en": "once a day"},
    Phrase.AT_ONCE: {"de": "sofort", "en": "at once"},
    Phrase.SUBSCRIBED: {"de": "Abonniert: {what} ({how}).", "en": "Subscribed: {what} ({how})."},
    Phrase.ALREADY_SUBSCRIBED: {"de": "Schon abonniert: {what} ({how}).", "en": "Already subscribed: {what} ({how})."},
    Phrase.UNSUBSCRIBED: {"de": "{count} Abo(s) beendet.", "en": "{count} subscription(s) ended."},
    Phrase.NO_SUBSCRIPTIONS: {
        "de": "Dieser Chat hat keine Abos. /subscribe abonniert neue Antworten.",
        "en": "This chat has no subscriptions. /subscribe gets new answers.",
    },
    Phrase.SUBSCRIPTIONS_HEADING: {"de": "Abos dieses Chats", "en": "This chat's subscriptions"},
    Phrase.ALERT_NEW_ANSWER: {"de": "Neue Antwort", "en": "New answer"},
    Phrase.ALERT_NEW_RESPONSE: {"de": "Neue Antwort eingegangen", "en": "New answer"},
    Phrase.ALERT_ASK_MORE: {"de": "Mehr dazu im Chat", "en": "Ask more"},
    Phrase.DIGEST_HEADING: {"de": "📰 Neue Antworten", "en": "📰 New answers"},
    Phrase.DIGEST_MORE: {"de": "mehr", "en": "more"},
    Phrase.MENU_START: {"de": "Begrüßung und Beispiele", "en": "Welcome and examples"},
    Phrase.MENU_HELP: {"de": "So funktioniert der Bot", "en": "How the bot works"},
    Phrase.MENU_ASK: {"de": "Eine Frage stellen", "en": "Ask a question"},
    Phrase.MENU_SOURCES: {
        "de": "Die IFG-Anfragen in der Wissensbasis",
        "en": "The FOI requests in the knowledge base",
    },
    Phrase.MENU_RANKING: {"de": "Top 10 eines Jahres: /ranking 2023", "en": "Top 10 of a year: /ranking 2023"},
    Phrase.MENU_CHART: {"de": "Platzierungen einer Stadt als Grafik", "en": "A city's places as a chart"},
    Phrase.MENU_SUBSCRIBE: {
        "de": "Neue Antworten abonnieren: /subscribe [Thema] [daily]",
        "en": "Get new answers: /subscribe [topic] [daily]",
    },
    Phrase.MENU_UNSUBSCRIBE: {"de": "Abo beenden: /unsubscribe [Thema]", "en": "Stop alerts: /unsubscribe [topic]"},
    Phrase.MENU_SUBSCRIPTIONS: {"de": "Abos dieses Chats", "en": "This chat's subscriptions"},
    Phrase.MENU_ADD: {"de": "Neue Antwort anlegen (Maintainer)", "en": "Add an answer (maintainers)"},
    Phrase.MENU_REMOVE: {"de": "Antwort entfernen: /remove ID", "en": "Remove an answer"},
    Phrase.MENU_IMPORT: {"de": "FragDenStaat-Anfrage importieren: /import URL", "en": "Import a FragDenStaat request"},
    Phrase.MENU_UNANSWERED: {"de": "Unbeantwortete Fragen", "en": "Questions without an answer"},
    Phrase.MENU_STATS: {"de": "Zahlen zur Wissensbasis", "en": "Knowledge base figures"},
    # Also how the notes of ranking rows begin that say so: the sentence that names each version makes them redundant.
    Phrase.SOURCES_DIFFER: {"de": "Quellen weichen ab", "en": "sources differ"},
    Phrase.AXIS_PLACE: {"de": "Platz", "en": "Place"},
    Phrase.AXIS_POINTS: {"de": "Punkte", "en": "Points"},
    Phrase.AXIS_YEAR: {"de": "Jahr", "en": "Year"},
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
    AnswerType.TIME: {"de": "Eine Uhrzeit dafür", "en": "A time of day for that"},
    AnswerType.PERSON: {"de": "Wer das war,", "en": "Who that was"},
    AnswerType.NAME: {"de": "Wie das heißt,", "en": "What it is called"},
    AnswerType.COUNT: {"de": "Eine Zahl dafür", "en": "A figure for that"},
    AnswerType.REASON: {"de": "Ein Grund dafür", "en": "A reason for that"},
    AnswerType.PLACE: {"de": "Ein Platz dafür", "en": "A place for that"},
    AnswerType.POINTS: {"de": "Eine Punktzahl dafür", "en": "A score for that"},
    AnswerType.PARTICULARS: {"de": "Eine genaue Aufzählung", "en": "A list of the particulars"},
    # An entry on the subject that does not answer the question as asked (no year, for a question of a year).
    AnswerType.OPEN: {"de": "Genau das", "en": "Exactly that"},
    AnswerType.YESNO: {"de": "Genau das", "en": "Exactly that"},
}


def phrase(key: Phrase | str, lang: Lang) -> str:
    """A fixed phrase. Only bot/reply.py still names them by plain string; a misspelt one raises ValueError."""
    return _PHRASES[Phrase(key)][lang]


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


# The sentences of the entries generated from the ranking tables (bot/kb/rankings.py): stored answers, which tests and
# the gold set quote to the byte.


def points_unit(lang: Lang, *, dative: bool = False, one: bool = False) -> str:
    """What follows a score: ` Punkte`, or ` Punkten` in the dative (`mit 71,2 Punkten`); ` points`; `one`:
    after exactly 1 (`1 Punkt`, `1 point`)."""
    if lang == "en":
        return " point" if one else " points"
    if one:
        return " Punkt"
    return " Punkten" if dative else " Punkte"


def place_words(place: int, lang: Lang) -> str:
    """`Platz 7`, `7th place`."""
    return f"Platz {place}" if lang == "de" else f"{ordinal(place)} place"


def ordinal(number: int) -> str:
    """`1st`, `2nd`, `11th`, `22nd`."""
    suffix = "th" if number % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def listed(items: Sequence[str], lang: Lang) -> str:
    """`A, B und C`; `A, B and C`."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {'und' if lang == 'de' else 'and'} {items[-1]}"


def versions(texts: Sequence[str], lang: Lang) -> str:
    """The versions the sources give, one after the other: `Platz 21 (…) und Platz 22 (…)`."""
    return (" und " if lang == "de" else " and ").join(texts)


def standing_sentence(
    lang: Lang,
    *,
    city: str,
    within: str,
    year: int,
    category: str,
    place: str,
    cities: int | None,
    places_differ: bool,
) -> str:
    """A city's standing up to its score, without the full stop: `Bochum belegte im Bitkom Smart City Index 2022
    Platz 8 von 81 Städten`, or where the sources disagree `Für Bochum im … nennen die Quellen Platz 32 (…) und …`.
    `place`: as `Standing.place_text` gives it, empty if unknown; `cities`: how many the edition ranked, if it is
    said and the standing is not a category's; `within`: `im Bitkom Smart City Index` (`Ranking.within`)."""
    where = _in_category(f"{within} {year}", category, lang)
    if lang == "de":
        if places_differ:
            of = f" ({cities} Städte)" if cities is not None else ""
            return f"Für {city} {where}{of} nennen die Quellen {place}"
        text = f"{city} belegte {where} {place}" if place else f"{city} erreichte {where}"
        return text + (f" von {cities} Städten" if place and cities is not None else "")
    if places_differ:
        of = f" ({cities} cities)" if cities is not None else ""
        return f"For {city} {where}{of}, the sources give {place}"
    # Without a place the score follows the verb: "In the … 2023 (category …), Bochum scored 66.9 points".
    text = f"{city} took {place} {where}" if place else f"{where[:1].upper()}{where[1:]}, {city} scored"
    return text + (f" out of {cities} cities" if place and cities is not None else "")


def score_clause(
    lang: Lang, score: Callable[[bool], str], *, scores_differ: bool, places_differ: bool, placed: bool
) -> str:
    """How a standing's sentence goes on to the score (`score(dative)` writes it): a sentence of its own where the
    sources disagree, `mit` and the dative after a place."""
    de = lang == "de"
    if scores_differ:
        return f". {'Als Punktzahl nennen sie' if de else 'As the score they give'} {score(False)}"
    if places_differ:
        return f". {'Punktzahl' if de else 'Score'}: {score(False)}"
    if placed:
        return f" mit {score(True)}" if de else f" with {score(False)}"
    return f" {score(False)}"


def change_clause(change: int, lang: Lang) -> str:
    """` (-2 Plätze gegenüber dem Vorjahr)`, ` (+1 place on the previous year)`."""
    if lang == "de":
        return f" ({change:+d} {'Platz' if abs(change) == 1 else 'Plätze'} gegenüber dem Vorjahr)"
    return f" ({change:+d} {'place' if abs(change) == 1 else 'places'} on the previous year)"


def trend_lead(city: str, within: str, lang: Lang, category: str = "") -> str:
    """What a city's places over the years follow: `Bochum im Bitkom Smart City Index` (`, Kategorie
    Verwaltung`); `within`: `Ranking.within`."""
    named = f"{city} {within}"
    if not category:
        return named
    return named + (f", Kategorie {category}" if lang == "de" else f" (category {category})")


def extreme_place(city: str, within: str, shown: str, lang: Lang, *, category: str, best: bool) -> str:
    """`Die beste bekannte Platzierung von Bochum im Bitkom Smart City Index: Platz 4 (2024).`; `shown`: the place
    and its years. "Known": of the years whose place the sources give."""
    where = _in_category(within, category, lang)
    if lang == "de":
        return f"Die {'beste' if best else 'schlechteste'} bekannte Platzierung von {city} {where}: {shown}."
    return f"{city}'s {'best' if best else 'worst'} known place {where}: {shown}."


_TIMES_DE = {1: "einmal", 2: "zweimal", 3: "dreimal", 4: "viermal", 5: "fünfmal", 6: "sechsmal", 7: "siebenmal"}
_TIMES_EN = {1: "once", 2: "twice", 3: "three times", 4: "four times", 5: "five times"}


def times_held(
    city: str,
    within: str,
    span: str,
    lang: Lang,
    *,
    count: int,
    shown: str,
    place: int,
    top: bool,
    category: str,
    in_a_row: bool = False,
) -> str:
    """`Köln lag im Bitkom Smart City Index 2019–2025 dreimal unter den ersten 3: 2020 (Platz 3), …`; `span`: the
    years counted, `shown`: those that count (with their places, for a top list); `in_a_row`: they are the
    longest runs, `count` long (`zweimal in Folge … : 2021, 2022 und 2024, 2025`)."""
    where = _in_category(within, category, lang)
    held = _held(place, lang, top=top)
    if in_a_row and count == 1:
        # Runs of one year each: never twice in a row.
        if lang == "de":
            return f"{city} lag {where} nie zweimal in Folge {held} (nur {shown})."
        return f"{city} was never {held} {where} twice in a row (only {shown})."
    # A run's years say when it was: the span searched is no part of it.
    within_span = "" if in_a_row and count else span
    listed = f": {shown}." if shown else "."
    one_year = "–" not in span
    if lang == "de":
        times = _TIMES_DE.get(count, f"{count}-mal") if count else "nicht" if one_year else "in keinem Jahr"
        times += " in Folge" if in_a_row and count > 1 else ""
        return " ".join(part for part in (city, "lag", where, within_span, times, held) if part) + listed
    if not count:
        return (
            f"{city} was not {held} {where} in {span}." if one_year else f"{city} was never {held} {where} in {span}."
        )
    times = _TIMES_EN.get(count, f"{count} times") + (" in a row" if in_a_row and count > 1 else "")
    return f"{city} was {held} {where} {times}" + (f" in {within_span}" if within_span else "") + listed


def times_at_least(
    city: str,
    within: str,
    unknown: Sequence[int],
    lang: Lang,
    *,
    shown: str,
    place: int,
    top: bool,
    category: str,
) -> str:
    """What is known of how often, where the sources leave years open (the reply says first that the number is
    not in them): `Kiel lag im … unter den ersten 10: 2020 (Platz 6); für 2018, 2019 und 2021 nennen die Quellen
    keinen solchen Platz oder weichen voneinander ab.`"""
    where = _in_category(within, category, lang)
    years = listed([str(y) for y in unknown], lang)
    held = _held(place, lang, top=top)
    if lang == "de":
        return (
            f"{city} lag {where} {held}: {shown}; für {years} nennen die Quellen keinen solchen Platz "
            "oder weichen voneinander ab."
        )
    return f"{city} was {held} {where} in {shown}; for {years} the sources give no such place, or disagree."


def first_appeared(ranking: str, within: str, year: int, lang: Lang) -> tuple[str, str]:
    """The reply and its title where a standing is asked of a year before a ranking first appeared; `within`:
    `Ranking.within` ("im Bitkom Smart City Index")."""
    if lang == "de":
        said = f"{within[0].upper()}{within[1:]} gibt es Platzierungen erst seit {year}, dem Jahr der ersten Ausgabe."
        return said, f"{ranking}, erste Ausgabe"
    return f"The {ranking} first appeared in {year}: it has no placings for earlier years.", f"{ranking}, first edition"


def first_held(
    city: str,
    within: str,
    lang: Lang,
    *,
    year: int,
    shown: str,
    place: int,
    top: bool,
    category: str,
    earliest: bool,
    first_edition: bool,
) -> str:
    """`Darmstadt lag im Bitkom Smart City Index erstmals 2019 unter den ersten 10 (Platz 10).`; `shown`: the place
    held, for a top list; `earliest`: that year is the first the tables hold, so an earlier edition they lack is
    not ruled out, unless it is the ranking's `first_edition`."""
    where = _in_category(within, category, lang)
    held = _held(place, lang, top=top) + (f" ({shown})" if top else "")
    if lang == "de":
        said = f"{city} lag {where} erstmals {year} {held}."
        if first_edition:
            return said + " Das war die erste Ausgabe."
        return said + (" Das ist das früheste Jahr, das meine Quellen dazu kennen." if earliest else "")
    said = f"{city} was {held} {where} for the first time in {year}."
    if first_edition:
        return said + " That was its first edition."
    return said + (" That is the earliest year my sources know of." if earliest else "")


def _held(place: int, lang: Lang, *, top: bool) -> str:
    """`unter den ersten 3`, `auf Platz 1`; `in the top 3`, `in 1st place`."""
    if lang == "de":
        return f"unter den ersten {place}" if top else f"auf Platz {place}"
    return f"in the top {place}" if top else f"in {ordinal(place)} place"


def _in_category(where: str, category: str, lang: Lang) -> str:
    """`im Bitkom Smart City Index 2022 in der Kategorie Verwaltung`, `… (category Administration)`."""
    if not category:
        return where
    return f"{where} in der Kategorie {category}" if lang == "de" else f"{where} (category {category})"


def standing_asked(
    cities: Sequence[str], within: str, years: str, categories: Sequence[str], lang: Lang, *, place: int | None = None
) -> str:
    """`Bochum und Essen im Bitkom Smart City Index 2022 in der Kategorie Mobilität`, `Platz 4 im Bitkom
    Länderindex 2024`; `within`: `Ranking.within`."""
    joined = (" und " if lang == "de" else " and ").join(cities)
    held = "" if place is None else f"Platz {place}" if lang == "de" else f"place {place}"
    where = " ".join(part for part in (joined, held, within, years) if part)
    return _in_category(where, " / ".join(categories), lang)


def categories_title(city: str, ranking: str, year: int, categories: Sequence[str], lang: Lang) -> str:
    """`Gelsenkirchen (Bitkom Smart City Index 2024, gesamt, IT und Kommunikation)`: a city's year in several
    categories, "" being the overall ranking."""
    overall = "gesamt" if lang == "de" else "overall"
    return f"{city} ({ranking} {year}, {', '.join(c or overall for c in categories)})"


def rankings_of(city: str, parts: Sequence[str], lang: Lang) -> str:
    """`Köln in den Rankings meiner Quellen, mit der besten bekannten Platzierung und den gewonnenen Kategorien: …`."""
    lead = (
        "in den Rankings meiner Quellen, mit der besten bekannten Platzierung und den gewonnenen Kategorien"
        if lang == "de"
        else "in the rankings of my sources, with its best known place and the categories it won"
    )
    return f"{city} {lead}: " + "; ".join(parts) + "."


def top_lead(ranking: str, year: int, lang: Lang) -> str:
    """What a year's top places follow: `Bitkom Smart City Index 2022, Spitze`."""
    return f"{ranking} {year}, Spitze" if lang == "de" else f"{ranking} {year}, top places"


def unknown_value(lang: Lang, *, points: bool) -> str:
    """What a comparison of years shows for a year whose score or place the sources do not give."""
    if points:
        return "keine Punktzahl bekannt" if lang == "de" else "no score known"
    return "kein Platz bekannt" if lang == "de" else "no place known"


def not_in_sources(lang: Lang) -> str:
    """What a comparison of years shows for a year the ranking does not list the city in."""
    return "nicht in den Quellen" if lang == "de" else "not in the sources"


def score_difference(city: str, new_year: int, old_year: int, value: str, *, delta: float, lang: Lang) -> str:
    """`2022 hatte Kiel 3,8 Punkte mehr als 2021.`; `value`: the difference without its sign, as shown."""
    if not delta:
        return "Gleich viele Punkte." if lang == "de" else "The same score."
    if lang == "de":
        return f"{new_year} hatte {city} {value} {'mehr' if delta > 0 else 'weniger'} als {old_year}."
    return f"In {new_year} {city} had {value} {'more' if delta > 0 else 'fewer'} than in {old_year}."


def noted_change(note: str, year: int, lang: Lang) -> str:
    """`Eine Quelle nennt für 2025 dagegen: plus 5,7 Punkte.`: a change a source states against the scores."""
    if lang == "de":
        return f"Eine Quelle nennt für {year} dagegen: {note}."
    return f"One source gives for {year} instead: {note}."


def yes_or_no(yes: bool, lang: Lang) -> str:
    """`Ja.` or `Nein.`, answering a claim before the figures that decide it."""
    if lang == "de":
        return "Ja." if yes else "Nein."
    return "Yes." if yes else "No."


def score_gap(ahead: str, behind: str, value: str, lang: Lang) -> str:
    """`Hamburg hatte 4,8 Punkte mehr als München.`; `value`: the gap as shown, empty for none."""
    if not value:
        return "Beide hatten gleich viele Punkte." if lang == "de" else "Both had the same score."
    if lang == "de":
        return f"{ahead} hatte {value} mehr als {behind}."
    return f"{ahead} had {value} more than {behind}."


def next_to(
    city: str, year: int, holders: Sequence[str], *, behind: bool, category: str, lang: Lang, places: int = 1
) -> str:
    """`Direkt hinter Bochum lag 2022 Düsseldorf.`, `Zwei Plätze vor Bochum …`: who held the place next to a city's,
    or `places` away from it, before the standings."""
    if lang == "de":
        where = _in_category(str(year), category, lang)
        away = "Direkt" if places == 1 else f"{places} Plätze"
        return f"{away} {'hinter' if behind else 'vor'} {city} lag {where} {' und '.join(holders)}."
    where = _in_category(f"in {year}", category, lang)
    away = "Right" if places == 1 else f"{places} places"
    return f"{away} {'behind' if behind else 'ahead of'} {city} {where} came {' and '.join(holders)}."


def all_ahead(
    city: str, year: int, place: int, holders: Sequence[tuple[str, str]], *, category: str, lang: Lang
) -> str:
    """`Vor Bochum (Platz 4) lagen 2024 München (Platz 1), Hamburg (Platz 2) und Köln (Platz 3).`: every city
    ahead of one, as (city, place) `holders`."""
    named = listed([f"{name} ({held})" for name, held in holders], lang)
    if lang == "de":
        where = _in_category(str(year), category, lang)
        if place == 1:
            return f"{city} lag {where} auf Platz 1: keine Stadt lag davor."
        return f"Vor {city} (Platz {place}) lag{'en' if len(holders) > 1 else ''} {where} {named}."
    where = _in_category(f"in {year}", category, lang)
    if place == 1:
        return f"{city} was first {where}: no city came ahead of it."
    return f"Ahead of {city} ({ordinal(place)}) {where} came {named}."


def of_a_state(
    state: str, year: int, places: Sequence[tuple[str, str]], *, top: int | None, category: str, lang: Lang
) -> str:
    """`Beste Stadt aus Bayern war 2022 München (Platz 2).`; with a `top` list, how many of the state's cities
    made it and which: `2022 waren 4 Städte aus Nordrhein-Westfalen unter den ersten 10: …`."""
    named = listed([f"{city} ({place})" for city, place in places], lang)
    if lang == "de":
        where = _in_category(str(year), category, lang)
        if top is None:
            return f"Beste Stadt aus {state} war {where} {named}."
        if not places:
            return f"{where} war keine Stadt aus {state} unter den ersten {top}."
        counted = "war 1 Stadt" if len(places) == 1 else f"waren {len(places)} Städte"
        return f"{where} {counted} aus {state} unter den ersten {top}: {named}."
    where = _in_category(f"in {year}", category, lang)
    if top is None:
        return f"The best city of {state} {where} was {named}."
    if not places:
        return f"No city of {state} was in the top {top} {where}."
    counted = f"One city of {state} was" if len(places) == 1 else f"{len(places)} cities of {state} were"
    return f"{counted} in the top {top} {where}: {named}."


def place_difference(city: str, new_year: int, old_year: int, *, gained: int, lang: Lang) -> str:
    """`2021 lag Bonn 9 Plätze besser als 2020.`; `gained`: places up (negative: down)."""
    if not gained:
        return f"{city} lag in beiden Jahren gleich." if lang == "de" else f"{city} held the same place in both years."
    places = abs(gained)
    if lang == "de":
        counted = "einen Platz" if places == 1 else f"{places} Plätze"
        return f"{new_year} lag {city} {counted} {'besser' if gained > 0 else 'schlechter'} als {old_year}."
    counted = "one place" if places == 1 else f"{places} places"
    return f"In {new_year} {city} was {counted} {'higher' if gained > 0 else 'lower'} than in {old_year}."


def place_differences(city: str, new_year: int, old_year: int, gained: list[int], *, unsure: int, lang: Lang) -> str:
    """`2024 lag Bochum 28 oder 35 Plätze besser als 2019, je nach Quelle für 2019.`; `gained`: two changes of
    the same sign, as the sources on the place of `unsure` differ."""
    low, high = sorted(abs(g) for g in gained)
    if lang == "de":
        better = "besser" if gained[0] > 0 else "schlechter"
        return f"{new_year} lag {city} {low} oder {high} Plätze {better} als {old_year}, je nach Quelle für {unsure}."
    higher = "higher" if gained[0] > 0 else "lower"
    source = f"depending on the source for {unsure}"
    return f"In {new_year} {city} was {low} or {high} places {higher} than in {old_year}, {source}."


# The titles and questions of the generated entries: what search matches and what "Meinten Sie …?" offers.


def place_title(city: str, within: str, year: int, category: str) -> str:
    """`Bochum im Bitkom Smart City Index 2022 – Verwaltung`; `within`: `Ranking.within`."""
    return f"{city} {within} {year}" + (f" – {category}" if category else "")


def place_questions(
    city: str,
    year: int,
    ranking: str,
    within: str,
    ranking_en: str,
    *,
    category: str,
    category_en: str,
    aliases: Sequence[str],
    scored: bool,
    city_en: str = "",
) -> list[str]:
    """How people ask for a city's place in one year (in a category), in German and English (`city_en`: its
    English name, if English writes it otherwise)."""
    english = city_en or city
    if category:
        return [
            f"Welchen Platz hatte {city} {year} in der Kategorie {category} {within}?",
            f"{city} {category} {ranking} {year}",
            f"Wie schnitt {city} {year} bei {category} ab?",
            f"Where did {english} rank for {category_en} in the {ranking_en} {year}?",
        ]
    questions = [
        f"Welchen Platz hatte {city} {year} {within}?",
        f"Wie hat {city} {within} {year} abgeschnitten?",
        f"Platzierung von {city} im Ranking {year}",
        f"Where did {english} rank in the {ranking_en} {year}?",
    ]
    questions += [f"{city} {alias} {year} Platz" for alias in aliases]
    if scored:
        questions.append(f"Wie viele Punkte hatte {city} {year} {within}?")
    return questions


def trend_title(city: str, within: str, category: str = "", lang: Lang = "de") -> str:
    named = f"{city} {within}" + (f" – {category}" if category else "")
    return named + (": Verlauf" if lang == "de" else ": over the years")


def trend_questions(
    city: str, within: str, ranking_en: str, category: str = "", category_en: str = "", *, city_en: str = ""
) -> list[str]:
    """How people ask for a city's places over the years (in a category), in German and English."""
    english = city_en or city
    if category:
        return [
            f"Wie hat sich {city} in der Kategorie {category} {within} entwickelt?",
            f"Platzierungen von {city} bei {category} über die Jahre",
            f"Verlauf {city} {category} alle Jahre",
            f"How has {english} developed in {category_en} in the {ranking_en} over the years?",
        ]
    return [
        f"Wie hat sich {city} {within} entwickelt?",
        f"Platzierungen von {city} {within} über die Jahre",
        f"Verlauf {city} Ranking alle Jahre",
        f"How has {english} developed in the {ranking_en} over the years?",
    ]


def top_title(ranking: str, year: int, lang: Lang = "de") -> str:
    return f"{ranking} {year}: " + ("die Spitze" if lang == "de" else "the top places")


def top_questions(within: str, ranking_en: str, year: int) -> list[str]:
    return [
        f"Top 10 {within} {year}",
        f"Welche Städte lagen {year} {within} vorne?",
        f"Wer war {year} {within} auf Platz 1?",
        f"Wer hat {year} gewonnen? Die besten Städte",
        f"Which cities were in the top 10 of the {ranking_en} {year}?",
    ]

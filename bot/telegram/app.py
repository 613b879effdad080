"""Wiring of the Telegram application: handlers from the command table, defaults, rate limits, jobs."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from telegram import BotCommandScopeChat, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import InvalidToken, NetworkError, TelegramError, TimedOut
from telegram.ext import (
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    Defaults,
    InlineQueryHandler,
    JobQueue,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.config import Settings
from bot.importers.fragdenstaat import ApiRequest, Reference
from bot.kb.loader import KnowledgeError
from bot.logs import install_redaction
from bot.service import FoiService
from bot.telegram import commands, delivery
from bot.telegram.fetching import fetch_off_loop
from bot.telegram.handlers import ask, callbacks, errors, inline, limit, subscribe
from bot.telegram.ratelimit import CountingRateLimiter, SendLog
from bot.telegram.state import CONTEXT_TYPES, App, BotContext
from bot.throttle import Throttle

log = logging.getLogger(__name__)


async def prepare(application: App) -> None:
    """Before the first update: the core's models loaded (off the event loop), the command menus set."""
    await asyncio.to_thread(application.bot_data.service.warm_up)
    await set_command_menus(application)


async def set_command_menus(application: App) -> None:
    """The command menu per scope and language, from the same table that built the handlers."""
    for lang in ("de", "en"):
        code = None if lang == "de" else lang
        for scope, menu in commands.menus(commands.COMMANDS, lang).items():
            await application.bot.set_my_commands(menu, scope=scope.telegram(), language_code=code)
        for maintainer in application.bot_data.settings.maintainer_ids:
            try:
                await application.bot.set_my_commands(
                    commands.maintainer_menu(commands.COMMANDS, lang),
                    scope=BotCommandScopeChat(maintainer),
                    language_code=code,
                )
            except TelegramError as exc:
                # Telegram only knows the chat once the maintainer has started the bot.
                log.warning("no maintainer menu for user %s yet: %s", maintainer, exc)


async def _stop_core(application: App) -> None:
    """After the last handler and job: the core's thread finishes its work and ends."""
    await asyncio.to_thread(application.bot_data.core.shutdown)


async def _forget_idle(context: BotContext) -> None:
    context.throttle.forget_idle()


async def _check_watched(context: BotContext) -> None:
    """Re-read watched FragDenStaat requests (fetched off the event loop); new responses become passages."""
    service = context.service

    async def fetch(reference: Reference) -> ApiRequest:
        return await fetch_off_loop(service.fetch_request, reference, running=lambda: context.application.running)

    async def list_series(reference: Reference) -> list[ApiRequest]:
        return await fetch_off_loop(service.fetch_series, reference, running=lambda: context.application.running)

    async for check in service.check_watches(fetch, context.core, list_series):
        if check.error is not None:
            log.warning("watched request %s (series %s) not updated: %s", check.request_id, check.series, check.error)
        elif check.outcome is not None:
            log.info("watched request %s updated: %d new passage(s)", check.request_id, check.outcome.new_passages)


async def _prune(context: BotContext) -> None:
    """Unanswered questions are kept RETENTION_DAYS days (see SECURITY.md)."""
    days = context.settings.retention_days
    before = dt.datetime.now(dt.UTC) - dt.timedelta(days=days)
    removed = await context.core(context.service.prune_unanswered, before.isoformat(timespec="seconds"))
    if removed:
        log.info("%d unanswered question(s) older than %d days deleted", removed, days)


async def _reload(context: BotContext) -> None:
    """Entries added from the command line while the bot runs are answered within seconds."""
    try:
        if await context.core(context.service.reload_if_changed):
            log.info("knowledge reloaded")
    except KnowledgeError as exc:
        log.error("knowledge files have problems; still answering from the previous store:\n%s", exc)


def _file_url(base_url: str) -> str:
    return base_url[: -len("/bot")] + "/file/bot" if base_url.endswith("/bot") else base_url


def build_application(
    settings: Settings, service: FoiService, *, rate_limiter: bool = True, request: BaseRequest | None = None
) -> App:
    """The whole bot; `main` runs it, tests drive it against a fake Bot API (over loopback, or in-process
    through `request`)."""
    if settings.telegram_bot_token is None:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    secrets = [settings.telegram_bot_token.get_secret_value()]
    if settings.webhook_secret is not None:
        secrets.append(settings.webhook_secret.get_secret_value())
    install_redaction(secrets)
    builder = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(settings.telegram_base_url)
        .base_file_url(_file_url(settings.telegram_base_url))
        .defaults(Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .context_types(CONTEXT_TYPES)
        .job_queue(JobQueue[BotContext]())  # PTB's own, typed for the context its jobs get
        .post_init(prepare)
        .post_shutdown(_stop_core)
    )
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    sends = SendLog()
    if rate_limiter:
        # PTB types the builder for a bot without rate-limiter arguments; AIORateLimiter takes `int` ones.
        builder = builder.rate_limiter(CountingRateLimiter(sends))  # type: ignore[arg-type]
    application: App = builder.build()
    application.bot_data.attach(settings, service, Throttle(settings.questions_per_minute), sends)
    recovered = service.alerts.recover()
    if recovered:
        log.warning("%d alert(s) were in flight when the bot stopped; they are sent again", recovered)
    application.add_handler(limit.handler(), group=limit.GROUP)
    application.add_handlers(commands.handlers(commands.COMMANDS))
    new_text = filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND
    application.add_handler(MessageHandler(new_text & filters.ChatType.PRIVATE, ask.private_text, block=False))
    application.add_handler(
        MessageHandler(new_text & filters.ChatType.GROUPS & ask.ADDRESSED, ask.group_text, block=False)
    )
    application.add_handler(InlineQueryHandler(inline.inline_query, block=False))
    application.add_handler(ChatMemberHandler(subscribe.membership, ChatMemberHandler.MY_CHAT_MEMBER))
    application.add_handler(CallbackQueryHandler(callbacks.button, block=False))
    application.add_error_handler(errors.on_error)
    if application.job_queue is not None:
        application.job_queue.run_repeating(_forget_idle, interval=60, first=60, name="forget-idle")
        application.job_queue.run_repeating(
            _reload, interval=settings.reload_interval, first=settings.reload_interval, name="reload"
        )
        application.job_queue.run_repeating(
            _check_watched, interval=settings.watch_interval, first=settings.watch_interval, name="watch"
        )
        application.job_queue.run_repeating(
            delivery.deliver_alerts,
            interval=settings.alert_interval,
            first=0.1,
            name="alerts",
            # A long fan-out outlasts the interval; the next run then returns at once (see deliver_alerts)
            # instead of the scheduler warning that it skipped it.
            job_kwargs={"max_instances": 2},
        )
        digest_at = settings.digest_time.replace(tzinfo=ZoneInfo(settings.timezone))
        application.job_queue.run_daily(delivery.send_digests, time=digest_at, name="digest")
        application.job_queue.run_repeating(_prune, interval=dt.timedelta(days=1), first=60, name="prune")
    return application


REJECTED = "TELEGRAM_BOT_TOKEN: Telegram rejected the token; get a valid one from @BotFather"


class StartupProblem(Exception):
    """The bot cannot start for a reason the person running it can fix; the message is one line."""


async def _preflight(application: App, settings: Settings) -> None:
    """Ask Telegram who the bot is before any polling starts, so a rejected token or an unreachable Bot API
    ends in one line instead of PTB's retries and tracebacks."""
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
    try:
        await application.bot.initialize()
    except InvalidToken:
        raise StartupProblem(REJECTED) from None
    except (NetworkError, TimedOut) as exc:
        reason = str(exc).replace(token, "***") if token else str(exc)
        raise StartupProblem(
            f"TELEGRAM_BASE_URL {settings.telegram_base_url}: cannot reach the Bot API ({reason}); "
            "check the address and the network"
        ) from None
    finally:
        await application.bot.shutdown()


def run_bot(settings: Settings, service: FoiService) -> int:
    """Polling by default, a webhook when WEBHOOK_URL is set; SIGINT and SIGTERM stop it cleanly.
    StartupProblem if Telegram cannot be reached or rejects the token."""
    application = build_application(settings, service)
    try:
        asyncio.run(_preflight(application, settings))
        if settings.webhook_url:
            log.info("starting webhook on %s:%s", settings.webhook_listen, settings.webhook_port)
            secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
            application.run_webhook(
                listen=settings.webhook_listen,
                port=settings.webhook_port,
                url_path=urlsplit(settings.webhook_url).path.lstrip("/"),
                webhook_url=settings.webhook_url,
                secret_token=secret,
                allowed_updates=Update.ALL_TYPES,
            )
        else:
            log.info("starting long polling")
            application.run_polling(allowed_updates=Update.ALL_TYPES)
    except InvalidToken:
        # The token can still be revoked between the check and the polling; its message quotes the token.
        raise StartupProblem(REJECTED) from None
    finally:
        service.close()
    return 0

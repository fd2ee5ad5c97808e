"""Demo post history: two weeks of what a manager copies (the morning report each day,
the warm-ups, reminders and recaps the campaigns asked for, birthday greetings), rendered
through the same code the Copy buttons use, and one "好久不见" run stopped halfway so the
Posts page has something to resume."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from sqdesk.core import activities, festivals, post_runs, post_values, posts
from sqdesk.core.post_render import render
from sqdesk.core.store import Store

DAYS = 14


def _at(day: date, hour: int, rng: random.Random) -> datetime:
    return datetime.combine(day, time(hour, rng.randrange(60))).astimezone()


def fill_post_history(store: Store, *, seed: int, today: date) -> int:
    """Add the copy history once (when the store has none); returns copies added."""
    if posts.copies_on(store, today) or posts.copies_on(store, today - timedelta(days=1)):
        return 0
    rng = random.Random(seed * 13 + 1)
    posts.ensure_builtins(store)
    morning = posts.first_of(store, "morning")
    birthday = posts.first_of(store, "birthday")
    now = datetime.now().astimezone()
    copies: list[tuple[posts.TemplateInfo, str, str, str, datetime]] = []
    for back in range(DAYS, -1, -1):
        day = today - timedelta(days=back)
        at = _at(day, 9, rng)
        copies.append((morning, render(morning.body, post_values.values_for(store, today=day)),
                       "", "", at))  # fmt: skip
        for task in activities.phase_tasks(store, day, day):
            o = task.occurrence
            t = posts.phase_template(store, o.activity_id, task.phase)
            text = render(t.body, post_values.values_for(store, occurrence=o, today=day))
            copies.append((t, text, posts.target_of(occurrence=o), o.title, _at(day, 10, rng)))
        born = sorted(festivals.birthdays(store, day, day), key=lambda b: b.member_id)[:6]
        for member_id, text in posts.render_for_members(
            store, birthday, [b.member_id for b in born], today=day
        ):
            name = next(b.name for b in born if b.member_id == member_id)
            copies.append((birthday, text, f"member:{member_id}", name, _at(day, 11, rng)))
    copies = [c for c in copies if c[4] <= now]  # nothing copied later today than now
    with store.session() as s:
        for t, text, target, label, at in copies:
            posts.add_copy(s, t, text, rendered_for=target, label=label, at=at)
    _stopped_run(store, rng, today)
    return len(copies)


def _stopped_run(store: Store, rng: random.Random, today: date) -> None:
    """ "好久不见" for a dozen dormant members, five of them done."""
    dormant = post_runs.members_for(store, "segment:dormant", today=today)[:12]
    t = posts.first_of(store, "reactivation")
    if len(dormant) < 6 or t is None:
        return
    run_id = post_runs.start(store, t, dormant, title="沉睡会员")
    yesterday = today - timedelta(days=1)  # started yesterday evening, stopped at five
    done = list(posts.render_for_members(store, t, dormant[:5], today=yesterday))
    for position, (_member, text) in enumerate(done):
        state = post_runs.SKIPPED if position == 2 else post_runs.COPIED
        post_runs.mark(store, run_id, position, state, text=text, at=_at(yesterday, 20, rng))

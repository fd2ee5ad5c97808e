"""The posts due today, for the Today page: the morning report, and for each activity the
warm-up, reminder or recap its campaign phases ask for today (an activity without phases
gets its reminder on the day). Each comes with the template it copies and what it is
rendered for, so one click puts it on the clipboard."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqdesk.core import activities, posts
from sqdesk.core.activities import Occurrence
from sqdesk.core.posts import TemplateInfo
from sqdesk.core.store import Store


@dataclass(frozen=True)
class DuePost:
    kind: str  # morning | warmup | reminder | recap
    template: TemplateInfo
    occurrence: Occurrence | None
    done: bool  # the phase task is ticked (a copied post ticks it)

    @property
    def target(self) -> str:
        return posts.target_of(occurrence=self.occurrence)


def due(store: Store, today: date) -> list[DuePost]:
    tasks = activities.phase_tasks(store, today, today)
    # Daily routines (签到, 早报) need no reminder of their own; a campaign has its tasks.
    plain = [o for o in activities.occurrences(store, today, today)
             if o.category != "daily" and o.warmup_days is None]  # fmt: skip
    wanted = [(t.occurrence.activity_id, t.phase) for t in tasks]
    wanted += [(o.activity_id, "reminder") for o in plain]
    chosen = posts.phase_templates(store, wanted)
    out = []
    morning = posts.first_of(store, "morning")
    if morning is not None:
        out.append(DuePost("morning", morning, None, False))
    for task in tasks:
        t = chosen[(task.occurrence.activity_id, task.phase)]
        if t is not None:
            out.append(DuePost(task.phase, t, task.occurrence, task.done))
    for o in plain:
        t = chosen[(o.activity_id, "reminder")]
        if t is not None:
            out.append(DuePost("reminder", t, o, False))
    return out

"""Personal messages in bulk: one member template, a list of members (a segment, this
week's birthdays, a selection), and "Copy and next" through them one by one.

A run is stored, with where it got to, so the manager can stop at any point (a customer
walks in) and resume later, even after closing the app. Each copy is recorded in the copy
history in the same transaction that marks the step done.

A run can carry a coupon: each member's coupon of the run's type is issued as their message
is copied (never for a skipped member), kept on their step so it is issued once, and listed
by the message's {{ 优惠券 }} (the preview shows it before it exists: `planned_coupon`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import case, delete, func, select, update
from sqlalchemy.orm import Session

from sqdesk.core import coupons, festivals, filters, posts, segments
from sqdesk.core.models import CouponType, Member, PostRun, PostRunMember
from sqdesk.core.pinyin import sort_key
from sqdesk.core.posts import PostError, TemplateInfo
from sqdesk.core.store import Store

COPIED, SKIPPED = "copied", "skipped"
MAX_MEMBERS = 5_000  # one by one by hand: more than this is a mistake, not a plan


@dataclass(frozen=True)
class RunInfo:
    id: int
    template_id: int | None
    template_name: str
    title: str
    total: int
    copied: int
    skipped: int
    created_at: datetime
    finished_at: datetime | None
    coupon_type_id: int | None = None

    @property
    def done(self) -> int:
        return self.copied + self.skipped


@dataclass(frozen=True)
class Step:
    position: int
    member_id: int
    state: str  # "" | copied | skipped
    coupon_id: int | None = None  # the coupon issued with this member's message


def start(store: Store, t: TemplateInfo, member_ids: list[int], *, title: str = "") -> int:
    """A new run of template `t` for these members, in this order (repeats dropped); the
    unfinished run of the same template, title and members when there is one."""
    ids = list(dict.fromkeys(member_ids))
    if not ids:
        raise PostError("no_members", "there is nobody to send to")
    if len(ids) > MAX_MEMBERS:
        raise PostError("too_many", f"at most {MAX_MEMBERS:,} members at a time",
                        limit=MAX_MEMBERS)  # fmt: skip
    if t.audience != "member":
        raise PostError("not_personal", f"{t.name} is a group post, not a personal message")
    same = _unfinished_like(store, t, ids, title)
    if same is not None:
        return same  # the same list again (Send Greetings clicked twice): carry on with it
    with store.session() as s:
        run = PostRun(template_id=t.id, template_name=t.name, title=" ".join(title.split())[:100])
        s.add(run)
        s.flush()
        s.add_all(PostRunMember(run_id=run.id, position=i, member_id=m)
                  for i, m in enumerate(ids))  # fmt: skip
        return run.id


def _unfinished_like(store: Store, t: TemplateInfo, ids: list[int], title: str) -> int | None:
    title = " ".join(title.split())[:100]
    for r in runs(store):
        same_kind = r.template_id == t.id and r.title == title
        if same_kind and [st.member_id for st in steps(store, r.id)] == ids:
            return r.id
    return None


def runs(store: Store, *, unfinished: bool = True) -> list[RunInfo]:
    """Runs newest first, with how far each got."""
    copied = func.sum(case((PostRunMember.state == COPIED, 1), else_=0))
    skipped = func.sum(case((PostRunMember.state == SKIPPED, 1), else_=0))
    query = (
        select(PostRun, func.count(PostRunMember.position), copied, skipped)
        .join(PostRunMember, PostRunMember.run_id == PostRun.id)
        .group_by(PostRun.id)
        .order_by(PostRun.created_at.desc(), PostRun.id.desc())
    )
    if unfinished:
        query = query.where(PostRun.finished_at.is_(None))
    with store.read() as s:
        return [RunInfo(r.id, r.template_id, r.template_name, r.title, total, c or 0, k or 0,
                        r.created_at, r.finished_at, r.coupon_type_id)
                for r, total, c, k in s.execute(query)]  # fmt: skip


def run(store: Store, run_id: int) -> RunInfo | None:
    return next((r for r in runs(store, unfinished=False) if r.id == run_id), None)


def steps(store: Store, run_id: int) -> list[Step]:
    """Every member of the run in order (members deleted since are gone from it)."""
    query = (
        select(PostRunMember.position, PostRunMember.member_id, PostRunMember.state,
               PostRunMember.coupon_id)
        .join(Member, Member.id == PostRunMember.member_id)
        .where(PostRunMember.run_id == run_id)
        .order_by(PostRunMember.position)
    )  # fmt: skip
    with store.read() as s:
        return [Step(p, m, state, c) for p, m, state, c in s.execute(query)]


def resume_position(run_steps: list[Step]) -> int | None:
    """Where to carry on: the first member not yet copied or skipped."""
    return next((st.position for st in run_steps if not st.state), None)


def mark(store: Store, run_id: int, position: int, state: str, *, text: str = "",
         label: str = "", at: datetime | None = None) -> bool:  # fmt: skip
    """Mark one step copied (recording the copy in the history) or skipped; returns
    whether the run is now finished."""
    if state not in (COPIED, SKIPPED):
        raise PostError("bad_state", f"unknown step state {state}")
    now = at or datetime.now(UTC)
    with store.session() as s:
        r = s.get(PostRun, run_id)
        step = s.get(PostRunMember, (run_id, position))
        if r is None or step is None:
            raise PostError("no_run", "this list was deleted")
        step.state, step.done_at = state, now
        if state == COPIED:
            t = TemplateInfo(r.template_id, None, r.template_name, "", "member", "")
            posts.add_copy(s, t, text, rendered_for=f"member:{step.member_id}", label=label,
                           at=now)  # fmt: skip
        s.flush()
        left = s.scalar(select(func.count()).where(PostRunMember.run_id == run_id,
                                                   PostRunMember.state == ""))  # fmt: skip
        if not left:
            r.finished_at = now
        return not left


# --- a coupon with each message ----------------------------------------------------------------


@dataclass(frozen=True)
class PlannedCoupon:
    """The coupon copying a member's message will issue, or why it will not."""

    type_id: int
    name: str
    last_day: date
    refusal: coupons.CouponError | None  # e.g. they hold as many as they may: no new one


def set_coupon(store: Store, run_id: int, type_id: int | None) -> None:
    """The coupon type that goes with each message from now on (None: none). Members whose
    message was copied keep what they were given."""
    with store.session() as s:
        r = s.get(PostRun, run_id)
        if r is None:
            raise PostError("no_run", "this list was deleted")
        if type_id is not None:
            coupons.issuable_in(s, type_id, datetime.now(UTC).astimezone().date())
        r.coupon_type_id = type_id


def planned_coupon(store: Store, run_id: int, position: int, *,
                   now: datetime | None = None) -> PlannedCoupon | None:  # fmt: skip
    """What copying this step's message will give: None when the run carries no coupon or
    the member already has theirs from this run."""
    now = now or datetime.now(UTC)
    with store.read() as s:
        r, step = s.get(PostRun, run_id), s.get(PostRunMember, (run_id, position))
        if r is None or step is None or r.coupon_type_id is None or step.coupon_id is not None:
            return None
        today = now.astimezone().date()
        t = s.get(CouponType, r.coupon_type_id)
        last = coupons.validity(t, today)[1]
        try:
            coupons.issuable_in(s, t.id, today)
            coupons.check_holding_in(s, step.member_id, t, today)
        except coupons.CouponError as exc:
            return PlannedCoupon(t.id, t.name, last, exc)
        return PlannedCoupon(t.id, t.name, last, None)


def give_coupon(store: Store, run_id: int, position: int, *,
                now: datetime | None = None) -> int | None:  # fmt: skip
    """Issue this step's coupon before its message is copied (its own transaction, kept on
    the step: asking again returns the same coupon). None when the run carries no coupon;
    CouponError when the member cannot have one (the message goes without it)."""
    with store.session() as s:
        r, step = s.get(PostRun, run_id), s.get(PostRunMember, (run_id, position))
        if r is None or step is None:
            raise PostError("no_run", "this list was deleted")
        return _give_in(s, r, step, now)


def _give_in(s: Session, r: PostRun, step: PostRunMember, now: datetime | None) -> int | None:
    if step.coupon_id is not None:  # given when this message was copied before
        return step.coupon_id
    if r.coupon_type_id is None:
        return None
    coupon = coupons.issue_in(s, step.member_id, r.coupon_type_id, source=f"run:{r.id}",
                              now=now)  # fmt: skip
    step.coupon_id = coupon.id
    return coupon.id


def reopen(store: Store, run_id: int) -> None:
    """Bring back a finished run (to go through the skipped ones)."""
    with store.session() as s:
        s.execute(update(PostRun).where(PostRun.id == run_id).values(finished_at=None))
        s.execute(update(PostRunMember)
                  .where(PostRunMember.run_id == run_id, PostRunMember.state == SKIPPED)
                  .values(state="", done_at=None))  # fmt: skip


def discard(store: Store, run_id: int) -> None:
    """Forget a run (what was copied stays in the copy history)."""
    with store.session() as s:
        s.execute(delete(PostRunMember).where(PostRunMember.run_id == run_id))
        s.execute(delete(PostRun).where(PostRun.id == run_id))


def members_for(store: Store, source: str, *, today: date | None = None) -> list[int]:
    """Who a one-by-one run goes to: "birthdays_week" (today to Sunday, by day),
    "coupons_expiring" (a coupon's last day within a week), "vip_invites" (VIP-eligible,
    in no VIP group), or "segment:<built-in key or saved name>"."""
    today = today or date.today()
    if source == "birthdays_week":
        week_end = today + timedelta(days=6 - today.weekday())
        found = sorted(festivals.birthdays(store, today, week_end),
                       key=lambda b: (b.day, sort_key(b.name)))  # fmt: skip
        return list(dict.fromkeys(b.member_id for b in found))
    if source == "coupons_expiring":
        return coupons.expiring(store, today=today)
    if source == "vip_invites":
        return filters.member_ids(store, segments.vip_invites(store, today=today), today=today)
    if source.startswith("segment:"):
        node = segments.resolve(store, source.removeprefix("segment:"), today=today)
        if node is not None:
            return filters.member_ids(store, node, today=today)
    raise PostError("no_source", f"unknown list {source}")

"""The Dashboard page (issue 17.2–17.4): it opens in the background and fills part by part,
its figures are the core's, a change of period or scope counts again (a result for the old
choice is dropped), every figure has its definition, and the board exports to PNG, PDF and
.xlsx."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from python_calamine import CalamineWorkbook

from sqdesk.core import groups, ledger, metrics
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.ui.dashboard.board import HEADLINE
from sqdesk.ui.dashboard.page import DashboardPage
from sqdesk.ui.jobs import wait_for_jobs

T = date.today()


@pytest.fixture(autouse=True)
def _todays_dates():
    """Each test reads the date when it starts: a run that crosses midnight would otherwise
    build its store on one day and ask the app about the next."""
    global T
    T = date.today()


def _noon(days_ago: int) -> datetime:
    return datetime.combine(T - timedelta(days=days_ago), time(12)).astimezone(UTC)


@pytest.fixture
def page(qtbot, store):
    a = create(store, MemberInput(name="林晓雨", joined_on=T - timedelta(days=40)))
    b = create(store, MemberInput(name="陈一🍵", joined_on=T - timedelta(days=12)))
    for days, who, cents in ((20, a, 3000), (5, a, 4500), (11, b, 2200)):
        ledger.record_visit(store, who, amount_cents=cents, at=_noon(days))
    g = groups.create_group(store, "茶语会员1群")
    groups.add_members(store, g, [a], joined_on=T - timedelta(days=30))
    p = DashboardPage(store)
    qtbot.addWidget(p)
    p.resize(1100, 800)
    p.show()
    qtbot.waitExposed(p)
    return p


def _settled(qtbot, page):
    qtbot.waitUntil(lambda: wait_for_jobs(50) and page.waiting == 0, timeout=20_000)


def test_the_page_fills_with_the_cores_figures(qtbot, page, store):
    _settled(qtbot, page)
    f = metrics.compute(store, T - timedelta(days=29), T)
    assert page.cards["visits"].value.text() == "3" == str(f.visits)
    assert page.cards["members_total"].value.text() == "2"
    assert page.cards["spend"].value.text() == "¥97"
    assert page.cards["active_rate"].value.text() == "100.0%"
    # No visit in the 30 days before: the change says so, not a bare ▲.
    assert page.cards["visits"].change.text() == "▲ from none"
    assert all(page.cards[k].help.toolTip() for k in HEADLINE)  # every figure is defined
    assert all(view.draw is not None for view in page.charts.values())
    assert [b.figures.scope.name for b in page.board.groups] == ["茶语会员1群"]


def test_period_and_scope_count_again(qtbot, page, store):
    _settled(qtbot, page)
    # `counted` says when every part of the new period is shown (the benchmark waits on it).
    with qtbot.waitSignal(page.counted, timeout=20_000):
        page.period.setCurrentIndex(page.period.findData("week"))
    assert page.waiting == 0 and page.board.groups and page.board.figures.last == T
    page.scope.setCurrentIndex(page.scope.findData("group:茶语会员1群"))
    _settled(qtbot, page)
    first = T - timedelta(days=T.weekday())
    expected = metrics.compute(store, first, T, metrics.group_scope(store, "茶语会员1群"))
    assert page.cards["visits"].value.text() == str(expected.visits)
    assert page.board.figures.scope.kind == "group"
    page.period.setCurrentIndex(page.period.findData("custom"))
    page.first.setDate(page.last.date().addDays(1))  # ends before it starts
    assert "before it starts" in page.status.text()


def test_each_chart_is_drawn_once_a_load(qtbot, page, monkeypatch):
    """A chart is drawn when its own part arrives, not again with every other part (at 12
    months the repaints took 50 ms of the UI thread while the parts still counted)."""
    from sqdesk.ui.dashboard.page import PANELS, ChartView

    _settled(qtbot, page)
    drawn: dict[str, list[bool]] = {}
    names = {id(view): key for key, view in page.charts.items()}
    real = ChartView.set_draw

    def counted(view, draw):
        drawn.setdefault(names[id(view)], []).append(draw is not None)
        real(view, draw)

    monkeypatch.setattr(ChartView, "set_draw", counted)
    with qtbot.waitSignal(page.counted, timeout=20_000):
        page.load()
    # Cleared as the load begins, then drawn once.
    assert drawn == {key: [False, True] for key in PANELS}


def test_exports(qtbot, page, tmp_path):
    from tests.ui.test_printing import decode_pdf  # noqa: F401 (pdftoppm is installed)

    _settled(qtbot, page)
    assert page.save_png(tmp_path / "board.png")
    assert (tmp_path / "board.png").stat().st_size > 10_000
    assert page.save_pdf(tmp_path / "board.pdf") == 2  # the figures and 2 panels, then 4
    page.save_xlsx(tmp_path / "board.xlsx")
    book = CalamineWorkbook.from_path(str(tmp_path / "board.xlsx"))
    assert book.sheet_names == ["Figures", "Series", "Layers", "Levels", "Cohorts", "Groups"]
    figures = book.get_sheet_by_name("Figures").to_python()
    assert figures[1][0] == "Members" and figures[1][1] == 2
    assert len(book.get_sheet_by_name("Series").to_python()) == 31  # a header and 30 days


def test_the_year_report_is_a_two_page_pdf_with_the_years_figures(qtbot, page, tmp_path):
    import subprocess

    from tests.conftest import need_tool

    _settled(qtbot, page)
    out = tmp_path / "report.pdf"
    job = page.save_year_report(out)
    qtbot.waitUntil(lambda: job.done and out.exists(), timeout=20_000)
    text = subprocess.run([need_tool("pdftotext"), str(out), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    # (pdftotext drops the digits of Qt's embedded fonts; the pages were looked at.)
    assert "in review" in text and "Why members stopped coming" in text
    assert text.count("\f") == 2  # two pages


def test_a_long_name_takes_two_lines_and_a_long_figure_shrinks_to_fit_a_narrow_card(qtbot):
    """In English at the smallest window a card is about 120 px wide: "Activity
    participation" and a big store's spend were cut off at its edge."""
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QWidget

    from sqdesk.ui.dashboard.page import VALUE_PX, FigureCard

    holder = QWidget()
    qtbot.addWidget(holder)
    card = FigureCard("participation", "Activity participation", "…", holder)
    card.set("¥1,234,567", "▲ 6.3%")
    card.resize(120, 110)
    holder.show()
    qtbot.waitExposed(holder)
    name, value = card.name, card.value
    assert name.height() >= name.heightForWidth(name.width())  # every line of it shown
    assert QFontMetrics(value.font()).horizontalAdvance(value.text()) <= value.width()
    assert value.font().pixelSize() < VALUE_PX
    card.resize(400, 110)  # room again: the full size back
    qtbot.waitUntil(lambda: card.value.font().pixelSize() == VALUE_PX)
    card.set("12,345 人😀", "")
    assert card.value.font().pixelSize() == VALUE_PX


def _bucket(first: date, last: date, active: int = 5):
    from sqdesk.core.metrics_board import Bucket

    return Bucket(first, last, active, active, active * 100)


def test_the_buckets_not_whole_are_today_and_weeks_cut_by_the_periods_ends():
    """A morning's dashboard ended its active members at today's few: read as a fall. The
    bucket still running, and a week cut short, are marked to be drawn as partial."""
    from sqdesk.core.metrics_board import buckets
    from sqdesk.ui.dashboard.board import Board

    today = date(2026, 12, 3)  # a Thursday
    days = [_bucket(a, b) for a, b in buckets(today - timedelta(days=29), today)]
    assert Board(series=days, today=today).unfinished() == {29}
    ended = [_bucket(a, b) for a, b in buckets(today - timedelta(days=40), today - timedelta(
        days=11))]  # a custom period that ended before today: every day whole
    assert Board(series=ended, today=today).unfinished() == set()
    weeks = [_bucket(a, b) for a, b in buckets(today - timedelta(days=364), today)]
    marked = Board(series=weeks, today=today).unfinished()
    assert weeks[0].first == date(2025, 12, 4) and weeks[0].last == date(2025, 12, 7)
    assert marked == {0, len(weeks) - 1}  # Thursday to Sunday; this week, Monday to today
    assert (weeks[1].last - weeks[1].first).days == 6
    assert Board(series=[], today=today).unfinished() == set()


def test_a_partial_point_is_drawn_hollow_and_its_note_above_the_plot(qtbot):
    from PySide6.QtCore import QPointF, QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    from sqdesk.printing import charts

    def draw(partial, note=""):
        image = QImage(300, 160, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        p = QPainter(image)
        charts.line_chart(p, QRectF(0, 0, 300, 160), ["a", "b", "c"],
                          [charts.Series("active", [40, 40, 40])], partial=partial,
                          partial_note=note)  # fmt: skip
        p.end()
        return image

    def dot_centres(image) -> list[QColor]:
        """The colour at the middle of each dot: found as the line's row of green."""
        row = next(y for y in range(image.height())
                   if image.pixelColor(150, y) == charts.GREEN)  # fmt: skip
        return [image.pixelColor(QPointF(x, row + 1).toPoint()) for x in (50, 150, 250)]

    whole, partial = draw(()), draw({2})
    assert dot_centres(whole)[2] != QColor("white")
    centre = dot_centres(partial)[2]
    assert centre.lightness() > 200  # hollow: the page shows through
    noted = draw({2}, "虚线：今天还没过完")
    assert noted != partial  # the note is written; the plot moved under it
    assert draw((), "虚线：今天还没过完") == whole  # no partial bucket: no note

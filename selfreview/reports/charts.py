"""Bar charts for the summaries (reportlab.graphics). reportlab's chart labels default to
Helvetica, which cannot draw Vietnamese: every label, axis, legend and string here names
Liberation Serif explicitly."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from selfreview.reports.fonts import SERIF, SERIF_BOLD, register_fonts
from selfreview.text import nfc

SERIES_COLOURS = (colors.HexColor("#4f6d8f"), colors.HexColor("#c8963e"))
LABEL_SIZE = 10


def _nice_max(value: int) -> int:
    if value <= 5:
        return 5
    step = 5 if value <= 50 else 10 if value <= 100 else 50 if value <= 500 else 100 if value <= 1000 else 500
    return ((value + step - 1) // step) * step + (step if value % step == 0 else 0)


def grouped_bars(categories: list[str], series: list[tuple[str, list[int]]], width: float,
                 height: float = 190, title: str = "", bar_labels: list[list[str]] | None = None) -> Drawing:
    """Vertical bars, one group per category and one bar per series, with a legend and values."""
    register_fonts()
    d = Drawing(width, height, initialFontName=SERIF, initialFontSize=LABEL_SIZE)
    top = 22 if title else 6
    legend_h = 18
    chart = VerticalBarChart()
    chart.x, chart.y = 34, 20 + legend_h
    chart.width, chart.height = width - 44, height - chart.y - top  # type: ignore[assignment]  # any number; the stubs say int
    chart.data = [list(values) for _, values in series] or [[0] * len(categories)]
    chart.categoryAxis.categoryNames = [nfc(c) for c in categories]
    chart.categoryAxis.labels.fontName = SERIF
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.valueAxis.labels.fontName = SERIF
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _nice_max(max([v for _, vals in series for v in vals] + [0]))
    chart.valueAxis.valueStep = max(1, chart.valueAxis.valueMax // 5)
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    chart.barLabels.fontName = SERIF
    chart.barLabels.fontSize = LABEL_SIZE - 1
    chart.barLabels.nudge = 6
    if bar_labels is not None:
        chart.barLabelFormat = "values"
        chart.barLabelArray = [[nfc(x) for x in row] for row in bar_labels]
    else:
        chart.barLabelFormat = "%d"
    chart.groupSpacing = 8
    chart.barSpacing = 1
    for i, colour in enumerate(SERIES_COLOURS[:len(series)]):
        chart.bars[i].fillColor = colour
        chart.bars[i].strokeColor = colors.black
        chart.bars[i].strokeWidth = 0.3
    d.add(chart)
    legend = Legend()
    legend.fontName = SERIF
    legend.fontSize = LABEL_SIZE
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dx = legend.dy = 8
    legend.deltax = 150
    legend.x, legend.y = 40, legend_h - 2
    legend.colorNamePairs = [(SERIES_COLOURS[i], nfc(name)) for i, (name, _) in enumerate(series)]
    d.add(legend)
    if title:
        d.add(String(width / 2, height - 14, nfc(title), fontName=SERIF_BOLD, fontSize=LABEL_SIZE + 1,
                     textAnchor="middle"))
    return d

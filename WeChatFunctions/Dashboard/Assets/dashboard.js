// Draws the dashboard's charts with uPlot from the figures the page carries as JSON; the tables beside them hold the
// same numbers, so the page reads without this script. Each chart records the values it drew in data-values.
(function () {
  "use strict";
  var source = document.getElementById("dashboard-data");
  if (!source || typeof uPlot === "undefined") {
    return;
  }

  var data = JSON.parse(source.textContent);
  var hourLabels = data.hours.map(function (_, hour) { return (hour < 10 ? "0" : "") + hour + "时"; });

  // 12,000 reads as 1.2万 and 3,400,000 as 340万, so that the axis stays narrow on a phone.
  function compact(value) {
    return Math.abs(value) >= 10000 ? (Math.round(value / 1000) / 10) + "万" : String(Math.round(value * 10000) / 10000);
  }

  // Draws one chart: lines over the days, or with bars set, bars over the labels given.
  function draw(id, title, series, chart) {
    var target = document.getElementById(id);
    if (!target) {
      return;
    }

    chart = chart || {};
    var labels = chart.labels || data.labels;
    var positions = labels.map(function (_, index) { return index; });
    var bars = chart.bars ? uPlot.paths.bars({ size: [0.7, 40] }) : null;
    var width = Math.max(280, Math.min(target.clientWidth || document.body.clientWidth, 920));
    var options = {
      title: title,
      width: width,
      height: 200,
      // Bars get half a slot of room at each end, so that the first and last are drawn whole.
      scales: { x: bars ? { time: false, range: function (_, min, max) { return [min - 0.5, max + 0.5]; } } : { time: false } },
      axes: [
        { values: function (_, ticks) { return ticks.map(function (tick) { return labels[tick] || ""; }); } },
        { size: 52, values: function (_, ticks) { return ticks.map(compact); } },
      ],
      series: [{ label: chart.axis || "日期", value: function (_, index) { return index == null ? "" : labels[index]; } }].concat(series.map(function (line) {
        return bars
          ? { label: line.label, stroke: line.color, fill: line.color + "aa", width: 1, paths: bars, points: { show: false } }
          : { label: line.label, stroke: line.color, fill: line.color + "22", width: 2, spanGaps: false, points: { show: positions.length <= 31 } };
      })),
    };
    new uPlot(options, [positions].concat(series.map(function (line) { return line.values; })), target);
    target.dataset.values = series.map(function (line) { return line.values.map(function (value) { return value == null ? "" : value; }).join(","); }).join(";");
    target.dataset.rendered = "true";
  }

  draw("chart-activity", "每日消息与回答", [
    { label: "消息", color: "#07c160", values: data.messages },
    { label: "回答", color: "#576b95", values: data.answers },
  ]);
  draw("chart-tokens", "每日 token", [
    { label: "prompt", color: "#fa9d3b", values: data.promptTokens },
    { label: "completion", color: "#10aeff", values: data.completionTokens },
    { label: "嵌入", color: "#8d6e63", values: data.embeddingTokens },
  ]);
  if (data.spend) {
    draw("chart-spend", "每日估算花费（" + data.currency + "）", [{ label: "花费", color: "#fa5151", values: data.spend }]);
  }
  draw("chart-hours", "每小时的消息", [{ label: "消息", color: "#07c160", values: data.hours }], { labels: hourLabels, axis: "时段", bars: true });
  draw("chart-latency", "每日回答完整用时（秒）", [
    { label: "P50", color: "#576b95", values: data.answerP50 },
    { label: "P90", color: "#fa9d3b", values: data.answerP90 },
  ]);
}());

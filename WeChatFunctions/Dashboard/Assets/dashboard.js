// Draws the dashboard's charts with uPlot from the figures the page carries as JSON; the tables beside them hold the
// same numbers, so the page reads without this script. Each chart records the values it drew in data-values.
(function () {
  "use strict";
  var source = document.getElementById("dashboard-data");
  if (!source || typeof uPlot === "undefined") {
    return;
  }

  var data = JSON.parse(source.textContent);
  var positions = data.labels.map(function (_, index) { return index; });

  // 12,000 reads as 1.2万 and 3,400,000 as 340万, so that the axis stays narrow on a phone.
  function compact(value) {
    return Math.abs(value) >= 10000 ? (Math.round(value / 1000) / 10) + "万" : String(Math.round(value * 10000) / 10000);
  }

  function draw(id, title, series) {
    var target = document.getElementById(id);
    if (!target) {
      return;
    }

    var width = Math.max(280, Math.min(target.clientWidth || document.body.clientWidth, 920));
    var options = {
      title: title,
      width: width,
      height: 200,
      scales: { x: { time: false } },
      axes: [
        { values: function (_, ticks) { return ticks.map(function (tick) { return data.labels[tick] || ""; }); } },
        { size: 52, values: function (_, ticks) { return ticks.map(compact); } },
      ],
      series: [{ label: "日期", value: function (_, index) { return index == null ? "" : data.labels[index]; } }].concat(series.map(function (line) {
        return { label: line.label, stroke: line.color, fill: line.color + "22", width: 2, points: { show: positions.length <= 31 } };
      })),
    };
    new uPlot(options, [positions].concat(series.map(function (line) { return line.values; })), target);
    target.dataset.values = series.map(function (line) { return line.values.join(","); }).join(";");
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
}());

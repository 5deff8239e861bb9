// Draws every <div class="chart" data-chart="{x, series}"> with uPlot. The same numbers are in a table beside each
// chart, so the page says everything without JavaScript; this only adds the picture.
(function () {
  'use strict';
  var COLORS = ['#9b1c1c', '#0b5cad', '#2f855a', '#b7791f', '#6b46c1', '#2c7a7b', '#c05621', '#4a5568', '#d53f8c', '#3182ce'];

  function draw(el) {
    var data;
    try {
      data = JSON.parse(el.getAttribute('data-chart'));
    } catch (err) {
      el.textContent = 'chart data unreadable';
      return;
    }
    if (!data.x.length) {
      el.textContent = 'no figures to chart yet';
      return;
    }
    var series = [{ label: 'year' }];
    var columns = [data.x];
    data.series.forEach(function (s, i) {
      series.push({ label: s.label, stroke: COLORS[i % COLORS.length], width: 2, points: { size: 6 }, spanGaps: false });
      columns.push(s.values);
    });
    var width = Math.max(320, Math.min(el.clientWidth || 800, 900));
    var opts = {
      width: width,
      height: 260,
      scales: { x: { time: false } },
      axes: [
        { values: function (u, vals) { return vals.map(function (v) { return Number.isInteger(v) ? String(v) : ''; }); } },
        { size: 60 }
      ],
      series: series
    };
    el.textContent = '';
    new window.uPlot(opts, columns, el);
  }

  function start() {
    if (!window.uPlot) return;
    var charts = document.querySelectorAll('.chart[data-chart]');
    for (var i = 0; i < charts.length; i++) draw(charts[i]);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();

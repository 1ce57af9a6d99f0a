// Draws the charts of a FastShip bench report from the JSON embedded in the page (element #report-data).
(function () {
  const report = JSON.parse(document.getElementById('report-data').textContent);
  const timeline = report.timeline || [];

  function chart(id, config) {
    const canvas = document.getElementById(id);
    if (canvas) {
      new Chart(canvas, config);
    }
  }

  // Percentile curve: x is 1 / (1 - p), the usual log axis of latency percentiles (p50 = 2, p99 = 100, ...).
  function curve(label, points) {
    return {
      label: label,
      data: (points || []).filter(p => p.percentile < 100).map(p => ({ x: 1 / (1 - p.percentile / 100), y: p.ms })),
      showLine: true, pointRadius: 0
    };
  }
  const half = report.halfLoad;
  if (half) {
    chart('latency-curve', {
      type: 'scatter',
      data: { datasets: [curve('end to end (from due time)', half.endToEnd.latencyCurve),
                         curve('HTTP POST /orders (from due time)', half.load.latencyCurve)] },
      options: {
        scales: {
          x: { type: 'logarithmic', title: { display: true, text: 'percentile' },
               ticks: { callback: v => { const p = 100 * (1 - 1 / v); return [2, 10, 100, 1000, 10000].includes(v)
                   ? p.toFixed(p < 99 ? 0 : 2) + '%' : ''; } } },
          y: { title: { display: true, text: 'ms' } }
        }
      }
    });
  }

  // Throughput: accepted and final orders per second between consecutive samples.
  const rates = [];
  for (let i = 1; i < timeline.length; i++) {
    const a = timeline[i - 1], b = timeline[i], dt = b.seconds - a.seconds;
    if (dt > 0) {
      rates.push({ t: b.seconds, accepted: (b.accepted - a.accepted) / dt, finals: (b.finals - a.finals) / dt,
                   phase: b.phase });
    }
  }
  chart('throughput', {
    type: 'line',
    data: { datasets: [
      { label: 'accepted orders/s', data: rates.map(r => ({ x: r.t, y: r.accepted })), pointRadius: 0 },
      { label: 'final statuses/s', data: rates.map(r => ({ x: r.t, y: r.finals })), pointRadius: 0 }] },
    options: { parsing: false, scales: { x: { type: 'linear', title: { display: true, text: 's' } } },
               plugins: { tooltip: { callbacks: { footer: items => rates[items[0].dataIndex]
                   ? rates[items[0].dataIndex].phase : '' } } } }
  });

  function series(field, pick) {
    const names = new Set();
    timeline.forEach(s => Object.keys(s[field] || {}).forEach(n => names.add(n)));
    return [...names].sort().map(name => ({
      label: name, pointRadius: 0,
      data: timeline.filter(s => s[field] && s[field][name] !== undefined)
        .map(s => ({ x: s.seconds, y: pick(s[field][name]) }))
    }));
  }
  const linear = title => ({ parsing: false, scales: { x: { type: 'linear', title: { display: true, text: 's' } },
                                                      y: { title: { display: true, text: title } } } });
  chart('lag', { type: 'line', data: { datasets: series('lag', r => r.lag) }, options: linear('records behind') });
  if (report.soak) {
    chart('rss', { type: 'line', data: { datasets: series('rssBytes', b => b / 1048576) }, options: linear('MiB') });
    chart('stores', { type: 'line', data: { datasets: series('storeEntries', e => e) }, options: linear('entries') });
  }
})();

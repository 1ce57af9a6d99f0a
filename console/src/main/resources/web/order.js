// Order: one order's timeline across every topic, with timestamps and trace ids.
"use strict";

function renderTimeline(body) {
  const rows = body.events.map(e => `<tr><td>${esc(e.timestamp)}</td><td class="event">${esc(e.event)}</td>
    <td>${esc(e.topic)}</td><td class="n">${e.partition}/${e.offset}</td><td><code>${esc(e.traceId) || "–"}</code></td>
    <td><details><summary>value</summary><pre>${esc(JSON.stringify(e.value, null, 1))}</pre>
    <pre>${esc(JSON.stringify(e.headers, null, 1))}</pre></details></td></tr>`);
  document.getElementById("timeline").innerHTML = `<p>Order <b id="order-id">${esc(body.orderId)}</b>:
    <span id="event-count">${body.events.length}</span> events, searched ${body.searched.map(esc).join(", ")}</p>
    ${table(["Time", "Event", "Topic", "Partition/offset", "Trace id", ""], rows, 'id="events" class="timeline"')}`;
}

function search(id) {
  const problem = document.getElementById("problem");
  problem.innerHTML = "";
  document.getElementById("timeline").innerHTML = '<p class="muted">searching…</p>';
  api(`/api/orders/${encodeURIComponent(id)}`).then(renderTimeline).catch(e => {
    document.getElementById("timeline").innerHTML = "";
    showProblem(problem, e);
  });
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("search");
  const input = document.getElementById("orderId");
  form.addEventListener("submit", e => {
    e.preventDefault();
    history.replaceState(null, "", `order.html?id=${encodeURIComponent(input.value.trim())}`);
    search(input.value.trim());
  });
  const id = param("id");
  if (id) {
    input.value = id;
    search(id);
  }
});

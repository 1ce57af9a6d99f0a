// Dead letters: each DLQ with its error headers, grouped by error class.
"use strict";

function header(r, name) {
  const v = r.headers[name];
  return Array.isArray(v) ? v[v.length - 1] : v;
}

function render(dlqs) {
  if (!dlqs.length) {
    document.getElementById("content").innerHTML = '<p class="muted" id="no-dlq">No dead-letter topic exists yet.</p>';
    return;
  }
  document.getElementById("content").innerHTML = dlqs.map(d => `<section class="dlq" data-topic="${esc(d.topic)}">
    <h2>${esc(d.topic)} <span class="muted">${num(d.messages)} messages, newest ${d.shown} shown</span></h2>
    ${d.errorClasses.map(g => `<h3><span class="error-class">${esc(g.errorClass)}</span> <span class="muted count">${g.count}</span></h3>
      ${table(["Failed at", "Source", "Stage", "Message", "Key", "Value"], g.records.map(r => `<tr>
        <td>${esc(header(r, "dlq.failed.at") || r.timestamp)}</td>
        <td>${esc(header(r, "dlq.source.topic"))}/${esc(header(r, "dlq.source.partition"))}@${esc(header(r, "dlq.source.offset"))}</td>
        <td>${esc(header(r, "dlq.error.stage"))}</td><td>${esc(header(r, "dlq.error.message"))}</td>
        <td>${esc(typeof r.key === "string" ? r.key : JSON.stringify(r.key))}</td>
        <td><pre>${esc(JSON.stringify(r.value))}</pre></td></tr>`))}`).join("")}
  </section>`).join("");
}

document.addEventListener("DOMContentLoaded", () => {
  api("/api/dead-letters").then(render).catch(e => showProblem(document.getElementById("problem"), e));
});

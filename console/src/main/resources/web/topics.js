// Topics: the list; one topic's partitions, leaders, ISR, offsets, retention, schema versions and newest records.
"use strict";

function retention(ms) {
  if (ms === null || ms === undefined) return "–";
  if (ms < 0) return "forever";
  const hours = ms / 3600000;
  return hours >= 24 ? `${+(hours / 24).toFixed(1)} days` : `${+hours.toFixed(1)} h`;
}

function renderList(topics) {
  const rows = topics.map(t => `<tr><td><a href="topics.html?topic=${encodeURIComponent(t.topic)}">${esc(t.topic)}</a></td>
    <td class="n">${t.partitions}</td><td class="n">${t.replicationFactor}</td><td>${retention(t.retentionMs)}</td>
    <td>${esc(t.cleanupPolicy)}</td><td class="n">${num(t.messages)}</td></tr>`);
  document.getElementById("content").innerHTML =
    table(["Topic", "Partitions", "Replicas", "Retention", "Cleanup", "Messages"], rows, 'id="topic-list"');
}

function renderTopic(body, records) {
  const d = body.details, s = body.summary || {};
  const partitions = d.partitions.map(p => `<tr><td class="n">${p.partition}</td><td class="n">${p.leader ?? "none"}</td>
    <td>${p.replicas.join(",")}</td><td>${p.isr.join(",")}</td><td class="n">${num(p.startOffset)}</td>
    <td class="n">${num(p.endOffset)}</td></tr>`);
  const subjects = d.subjects.map(x => `<tr><td>${esc(x.subject)}</td><td>${esc(x.strategy)}</td>
    <td>${x.versions.join(", ")}</td><td class="n">${x.latestId}</td><td>${esc(x.latestSchema)}</td></tr>`);
  const recordRows = records.map(r => `<tr><td>${esc(r.timestamp)}</td><td class="n">${r.partition}</td>
    <td class="n">${r.offset}</td><td>${esc(typeof r.key === "string" ? r.key : JSON.stringify(r.key))}</td>
    <td><pre>${esc(JSON.stringify(r.headers, null, 1))}</pre></td><td><pre>${esc(JSON.stringify(r.value, null, 1))}</pre></td></tr>`);
  document.getElementById("content").innerHTML = `<h2 id="topic-name">${esc(d.topic)}</h2>
    <p>${d.partitions.length} partitions · retention ${retention(s.retentionMs)} · cleanup ${esc(s.cleanupPolicy)} · id ${esc(d.topicId)}</p>
    ${table(["Partition", "Leader", "Replicas", "ISR", "Start", "End"], partitions, 'id="partition-table"')}
    <h2>Registered schemas</h2>
    ${d.subjectsError ? `<div class="problem">${esc(d.subjectsError)}</div>` : ""}
    ${subjects.length ? table(["Subject", "Strategy", "Versions", "Latest id", "Schema"], subjects, 'id="subjects"') : '<p class="muted">none</p>'}
    <h2>Newest records</h2>
    ${records.length ? table(["Time", "Partition", "Offset", "Key", "Headers", "Value (Avro as JSON)"], recordRows, 'id="records"') : '<p class="muted">no records</p>'}`;
}

document.addEventListener("DOMContentLoaded", () => {
  const topic = param("topic");
  const problem = document.getElementById("problem");
  if (!topic) {
    api("/api/topics").then(renderList).catch(e => showProblem(problem, e));
    return;
  }
  const path = `/api/topics/${encodeURIComponent(topic)}`;
  Promise.all([api(path), api(`${path}/records?limit=20`)])
    .then(([body, records]) => renderTopic(body, records))
    .catch(e => showProblem(problem, e));
});

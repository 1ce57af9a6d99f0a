// Groups: members, owned partitions, committed/end offsets, lag per partition, live; lag over time; scaling.
"use strict";

const history = {times: [], lags: []};
let chart = null;
let scaling = false;

function assignment(member) {
  const byTopic = {};
  member.assignment.forEach(a => (byTopic[a.topic] = byTopic[a.topic] || []).push(a.partition));
  return Object.entries(byTopic).map(([t, ps]) => `${esc(t)}[${ps.join(",")}]`).join(" ");
}

function renderPicker(groups) {
  const rows = groups.map(g => `<tr><td><a href="groups.html?group=${encodeURIComponent(g.group)}">${esc(g.group)}</a></td>
    <td>${esc(g.type)}</td><td>${esc(g.state)}</td><td class="n">${num(g.members)}</td><td class="n">${num(g.totalLag)}</td></tr>`);
  setHtml("picker", table(["Group", "Type", "State", "Members", "Lag"], rows, 'id="groups"'));
}

function renderScale(scale) {
  if (!scale) return '<p class="muted">Read-only: scaling needs the local stack (./fastship up).</p>';
  return `<div class="scale" id="scale" data-service="${esc(scale.service)}">
    <b>${esc(scale.service)}</b> service: <span id="instances">${scale.instances}</span> instances
    <button id="scale-down" ${scaling || scale.instances < 1 ? "disabled" : ""}>&minus; 1</button>
    <button id="scale-up" ${scaling ? "disabled" : ""}>+ 1</button>
    <span id="scale-status" class="muted">${scaling ? "scaling…" : ""}</span></div>`;
}

function renderGroup(view) {
  const s = view.snapshot;
  document.getElementById("problem").innerHTML = "";
  const members = s.members.map(m => `<tr data-client="${esc(m.clientId)}"><td>${esc(m.clientId)}</td><td>${esc(m.host)}</td>
    <td class="n partitions">${m.assignment.length}</td><td>${assignment(m)}</td></tr>`);
  const partitions = s.partitions.map(p => `<tr><td>${esc(p.topic)}</td><td class="n">${p.partition}</td>
    <td class="n">${num(p.committed)}</td><td class="n">${num(p.end)}</td><td class="n">${num(p.lag)}</td>
    <td>${esc(p.clientId) || '<span class="muted">unassigned</span>'}</td></tr>`);
  const scaleHtml = renderScale(view.scale);
  const root = document.getElementById("group");
  if (!document.getElementById("lag-chart")) {
    root.innerHTML = `<div id="summary"></div><div id="scale-box"></div><h2>Lag over time</h2>
      <div id="lag-chart" class="chart"></div><h2>Members</h2><div id="members"></div>
      <h2>Partitions</h2><div id="partitions"></div>`;
  }
  setHtml("summary", `<p><b id="group-name">${esc(s.group)}</b> · ${esc(s.type)} ·
    <span id="state">${esc(s.state)}</span> · <span id="member-count">${s.members.length}</span> members ·
    total lag <b id="total-lag">${num(s.totalLag)}</b> · coordinator ${esc(s.coordinator)}</p>`);
  const scaleChanged = setHtml("scale-box", scaleHtml);
  setHtml("members", table(["Client id", "Host", "Partitions", "Assignment"], members, 'id="member-table"'));
  setHtml("partitions", table(["Topic", "Partition", "Committed", "End", "Lag", "Owner"], partitions, 'id="partition-table"'));
  if (view.scale && scaleChanged) {
    document.getElementById("scale-up").onclick = () => scale(view.scale.service, view.scale.instances + 1);
    document.getElementById("scale-down").onclick = () => scale(view.scale.service, view.scale.instances - 1);
  }
  plot(Date.parse(view.at) / 1000, s.totalLag);
}

function plot(time, lag) {
  history.times.push(time);
  history.lags.push(lag);
  if (history.times.length > 300) { history.times.shift(); history.lags.shift(); }
  if (!chart) {
    chart = new uPlot({width: 720, height: 200, series: [{}, {label: "total lag", stroke: "#4c7bd9", width: 2}],
      scales: {y: {range: (u, min, max) => [0, Math.max(10, max * 1.1)]}}},
      [history.times, history.lags], document.getElementById("lag-chart"));
  } else {
    chart.setData([history.times, history.lags]);
  }
}

async function scale(service, instances) {
  scaling = true;
  document.querySelectorAll("#scale button").forEach(b => b.disabled = true);
  document.getElementById("scale-status").textContent = `scaling ${service} to ${instances}…`;
  try {
    await api(`/api/scale/${encodeURIComponent(service)}/${instances}`, {method: "POST"});
  } catch (e) {
    showProblem(document.getElementById("problem"), e);
  } finally {
    scaling = false;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const group = param("group");
  const problem = document.getElementById("problem");
  const picker = () => api("/api/groups").then(renderPicker).catch(e => showProblem(document.getElementById("picker"), e));
  picker();
  // Groups come and go (a new service, a test consumer): the list refreshes now and then, not every second.
  setInterval(picker, 10000);
  if (!group) return;
  api(`/api/groups/${encodeURIComponent(group)}`).then(renderGroup).catch(e => showProblem(problem, e));
  live(`/api/groups/${encodeURIComponent(group)}/stream`, "group", renderGroup, p => showProblem(problem, {problem: p}));
});

// Flow: orders -> payment/inventory services -> payments/inventory -> order saga -> order-status.
"use strict";

function topicBox(topic) {
  if (!topic) return "";
  return `<div class="box topic${topic.exists ? "" : " missing"}" data-topic="${esc(topic.name)}">
    <div class="name">${esc(topic.name)}</div>
    <div class="rate">${topic.exists ? rate(topic.inPerSecond) : "not created"}</div>
    <div class="meta">in · ${topic.partitions} partitions · end ${num(topic.endOffset)}</div></div>`;
}

function groupBox(group) {
  const reads = Object.entries(group.outPerSecond)
    .map(([topic, r]) => `${esc(topic)} ${rate(r)}`).join("<br>") || "no commits yet";
  const members = group.members.map(m =>
    `<li>${esc(m.clientId)} · <span class="partitions">${m.partitions}</span> partitions</li>`).join("");
  return `<div class="box group" data-group="${esc(group.group)}">
    <div class="name"><a href="groups.html?group=${encodeURIComponent(group.group)}">${esc(group.group)}</a></div>
    <div class="meta">${esc(group.type)} · ${esc(group.state)} · <span class="member-count">${group.members.length}</span> members</div>
    <div class="meta lag${group.lag > 1000 ? " high" : ""}">lag ${num(group.lag)}</div>
    <div class="meta">reads: ${reads}</div>
    <ul class="members">${members}</ul></div>`;
}

function render(flow) {
  document.getElementById("problem").innerHTML = "";
  const topic = role => flow.topics.filter(t => t.role === role);
  const reads = (group, names) => Object.keys(group.outPerSecond).some(t => names.includes(t));
  const outcomes = topic("outcome").map(t => t.name);
  const intake = topic("intake").map(t => t.name);
  const saga = flow.groups.filter(g => reads(g, outcomes));
  const processors = flow.groups.filter(g => !saga.includes(g) && reads(g, intake));
  const others = flow.groups.filter(g => !saga.includes(g) && !processors.includes(g));
  const column = items => `<div class="column">${items.join("") || '<div class="box missing">none</div>'}</div>`;
  const arrow = '<div class="arrow">&rarr;</div>';
  setHtml("flow", [
    column(topic("intake").map(topicBox)), arrow,
    column(processors.map(groupBox)), arrow,
    column(topic("outcome").map(topicBox)), arrow,
    column(saga.map(groupBox)), arrow,
    column(topic("status").map(topicBox)),
  ].join(""));
  setHtml("others", others.length
    ? `<div class="flow">${others.map(g => `<div class="column">${groupBox(g)}</div>`).join("")}</div>`
    : '<p class="muted">none</p>');
}

document.addEventListener("DOMContentLoaded", () => {
  api("/api/flow").then(render).catch(e => showProblem(document.getElementById("problem"), e));
  live("/api/flow/stream", "flow", render, p => showProblem(document.getElementById("problem"), {problem: p}));
});

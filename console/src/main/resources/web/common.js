// Shared by every page: navigation, the JSON API with problem+json errors, SSE, and escaping.
"use strict";

const PAGES = [
  ["flow.html", "Flow"], ["groups.html", "Groups"], ["topics.html", "Topics"],
  ["order.html", "Order"], ["dead-letters.html", "Dead letters"],
];

function nav() {
  const here = location.pathname.split("/").pop() || "flow.html";
  const links = PAGES.map(([href, label]) =>
    `<a href="${href}"${href === here ? ' class="active"' : ""}>${label}</a>`).join("");
  document.getElementById("nav").innerHTML = `<span class="brand">FastShip console</span>${links}` +
    `<span id="live" class="live" title="server push">&#9679; live</span>`;
}

function esc(value) {
  if (value === null || value === undefined) return "";
  return String(value).replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
}

function num(value) {
  return value === null || value === undefined ? "–" : Number(value).toLocaleString("en-US");
}

function rate(value) {
  return value === null || value === undefined ? "–" : `${value < 10 ? value.toFixed(1) : Math.round(value)}/s`;
}

function param(name) {
  return new URLSearchParams(location.search).get(name);
}

/** GET or POST JSON; a problem+json answer becomes an Error carrying title and detail. */
async function api(path, options) {
  const response = await fetch(path, options);
  const body = await response.json().catch(() => ({title: "Bad response", detail: `HTTP ${response.status}`}));
  if (!response.ok) {
    const error = new Error(body.detail || body.title || `HTTP ${response.status}`);
    error.problem = body;
    throw error;
  }
  return body;
}

function showProblem(element, error) {
  const problem = error.problem || {title: "Request failed", detail: error.message};
  delete element.dataset.html;
  element.innerHTML = `<div class="problem" role="alert"><b>${esc(problem.title)}</b>: ${esc(problem.detail)}</div>`;
}

/** Listens to an SSE stream; returns the EventSource so a page can close it. */
function live(path, event, onData, onProblem) {
  const source = new EventSource(path);
  const dot = document.getElementById("live");
  source.addEventListener(event, e => {
    if (dot) dot.className = "live on";
    onData(JSON.parse(e.data));
  });
  source.addEventListener("problem", e => onProblem(JSON.parse(e.data)));
  source.onerror = () => { if (dot) dot.className = "live off"; };
  return source;
}

/** Replaces an element's content only when it changed, so live updates keep focus, clicks and selections. */
function setHtml(id, html) {
  const element = document.getElementById(id);
  if (element.dataset.html === html) return false;
  element.dataset.html = html;
  element.innerHTML = html;
  return true;
}

function table(headers, rows, attributes) {
  const head = headers.map(h => `<th>${esc(h)}</th>`).join("");
  return `<table ${attributes || ""}><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

document.addEventListener("DOMContentLoaded", nav);

/* newsevents dashboard: vanilla JS over the JSON API. Article text and every value from
   the API is inserted as text (textContent), never as markup. */
"use strict";

const CATEGORIES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
  "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const QUADS = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
const SVG = "http://www.w3.org/2000/svg";
const ROLES = ["attribution", "date", "location", "recipient", "actor", "trigger"]; // later wins

function el(tag, attrs = {}, ...children) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined) continue;
    if (k === "text") node.textContent = v; else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

function showError(target, error) {
  target.replaceChildren(el("p", { class: "error", text: String(error.message || error) }));
}

/* ---------------------------------------------------------------- filters */

function fillCategories(form) {
  const select = form.querySelector("select[name=category]");
  for (const c of CATEGORIES) select.append(el("option", { value: c, text: c }));
}

function formParams(form) {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (String(v).trim()) params.set(k, String(v).trim());
  return params;
}

function loadForm(form) {
  const params = new URLSearchParams(location.search);
  for (const [k, v] of params) { const input = form.elements.namedItem(k); if (input) input.value = v; }
  return params;
}

function wireForm(form, render) {
  fillCategories(form);
  loadForm(form);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const params = formParams(form);
    history.replaceState(null, "", params.toString() ? `?${params}` : location.pathname);
    render(params);
  });
  form.addEventListener("reset", () => setTimeout(() => form.requestSubmit(), 0));
  render(formParams(form));
}

function withParams(path, params, extra = {}) {
  const p = new URLSearchParams(params);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  const s = p.toString();
  return s ? `${path}?${s}` : path;
}

/* ---------------------------------------------------------------- dashboard */

function who(part) {
  if (!part) return "";
  const code = [part.country, part.sector].filter(Boolean).join("/");
  return { label: part.name || part.text || "", code };
}

function whoCell(part) {
  const td = el("td");
  const w = who(part);
  if (w) { td.append(w.label); if (w.code) td.append(el("span", { class: "tag", text: w.code })); }
  return td;
}

function eventRow(e) {
  const link = el("a", { href: `/events/${encodeURIComponent(e.event_id)}`, text: e.event_type });
  return el("tr", { "data-event-id": e.event_id },
    el("td", { text: e.date || "" }),
    el("td", { class: `type q${e.quad_class}` }, link),
    whoCell(e.actor), whoCell(e.recipient),
    el("td", { text: (e.evidence && e.evidence.trigger) || "" }),
    el("td", { text: e.modality || "" }),
    el("td", { text: e.confidence != null ? Number(e.confidence).toFixed(2) : "" }));
}

async function renderEvents(params) {
  const body = document.querySelector("#events tbody");
  const more = document.getElementById("more");
  body.replaceChildren();
  let next = withParams("/api/v1/events", params, { limit: "50" });
  document.getElementById("json-link").href = next;
  let shown = 0;
  const load = async () => {
    try {
      const page = await getJSON(next);
      for (const e of page.items) body.append(eventRow(e));
      shown += page.items.length;
      document.getElementById("event-count").textContent = `${shown}${page.next ? "+" : ""} shown`;
      if (!shown) body.append(el("tr", {}, el("td", { colspan: "7", class: "empty", text: "No events match these filters." })));
      next = page.next;
      more.hidden = !next;
    } catch (error) { showError(body, error); }
  };
  more.onclick = load;
  await load();
}

function renderTimeline(target, items) {
  if (!items.length) { target.replaceChildren(el("p", { class: "empty", text: "No dated events." })); return; }
  const W = 800, H = 220, pad = { l: 34, r: 8, t: 8, b: 26 };
  const max = Math.max(...items.map((d) => d.total));
  const bw = (W - pad.l - pad.r) / items.length;
  const y = (v) => pad.t + (H - pad.t - pad.b) * (1 - v / max);
  const svg = el("svg:svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "events per period by quad class" });
  for (const tick of [0, Math.ceil(max / 2), max]) {
    svg.append(el("svg:line", { x1: pad.l, x2: W - pad.r, y1: y(tick), y2: y(tick), stroke: "#e3e6eb" }));
    svg.append(el("svg:text", { x: pad.l - 6, y: y(tick) + 4, "text-anchor": "end", "font-size": "11", fill: "#69707d", text: String(tick) }));
  }
  items.forEach((d, i) => {
    let base = 0;
    for (const q of [1, 2, 3, 4]) {
      const v = d[`q${q}`];
      if (!v) continue;
      const width = Math.min(Math.max(bw * 0.8, 1), 48);
      const rect = el("svg:rect", { x: pad.l + i * bw + (bw - width) / 2, width, y: y(base + v),
        height: y(base) - y(base + v), fill: `var(--q${q})`, class: `bar q${q}` });
      rect.append(el("svg:title", { text: `${d.period}: ${v} ${QUADS[q]}` }));
      svg.append(rect);
      base += v;
    }
  });
  const label = (i, anchor) => svg.append(el("svg:text", { x: pad.l + i * bw + bw / 2, y: H - 8, "text-anchor": anchor,
    "font-size": "11", fill: "#69707d", text: items[i].period }));
  label(0, "start");
  if (items.length > 1) label(items.length - 1, "end");
  target.replaceChildren(svg);
}

function quadLegend() {
  const box = document.getElementById("quad-legend");
  for (const q of [1, 2, 3, 4]) box.append(el("span", {}, el("span", { class: `key q${q}` }), `${q} ${QUADS[q]}`));
}

function renderActors(target, items) {
  target.replaceChildren();
  if (!items.length) { target.append(el("li", { class: "empty", text: "No actors." })); return; }
  for (const a of items.slice(0, 12)) {
    const name = el("span", {}, a.name || "(unnamed)");
    if (a.country) name.append(el("span", { class: "tag", text: a.country }));
    target.append(el("li", {}, name, el("span", { class: "n", text: `${a.events}` })));
  }
}

/* ---------------------------------------------------------------- map */

let WORLD = null;
async function world() {
  if (!WORLD) WORLD = await getJSON("/static/world-110m.geojson");
  return WORLD;
}

const px = (lon, lat) => [lon + 180, 90 - lat]; // equirectangular, 1 unit per degree

function ringPath(ring) {
  // a ring that crosses the antimeridian (Russia, Fiji) is drawn as separate pieces,
  // never as a line across the whole map
  return ring.map(([lon, lat], i) => {
    const jump = i && Math.abs(lon - ring[i - 1][0]) > 180;
    return `${i && !jump ? "L" : "M"}${px(lon, lat).map((v) => v.toFixed(2)).join(" ")}`;
  }).join("") + "Z";
}

function polygons(geometry) {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

function centroid(geometry) {
  // the centre of the bounding box of the country's largest polygon: an approximation, shown as one
  let best = null, bestSize = -1;
  for (const poly of polygons(geometry)) {
    const xs = poly[0].map((p) => p[0]), ys = poly[0].map((p) => p[1]);
    const size = (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
    if (size > bestSize) { bestSize = size; best = [(Math.max(...xs) + Math.min(...xs)) / 2, (Math.max(...ys) + Math.min(...ys)) / 2]; }
  }
  return best;
}

async function renderMap(target, data) {
  const geo = await world();
  const svg = el("svg:svg", { viewBox: "0 0 360 160", role: "img", "aria-label": "map of event locations" });
  const g = el("svg:g", { transform: "translate(0,-8)" });
  const hit = new Set(data.by_actor_country.map((c) => c.country));
  const byCode = {};
  for (const f of geo.features) {
    byCode[f.properties.iso3] = f;
    const path = el("svg:path", { d: polygons(f.geometry).map((p) => p.map(ringPath).join("")).join(""),
      class: hit.has(f.properties.iso3) ? "land hit" : "land" });
    path.append(el("svg:title", { text: f.properties.name }));
    g.append(path);
  }
  const radius = (n) => 0.9 + Math.sqrt(n) * 0.9;
  for (const c of data.by_actor_country) {
    const f = byCode[c.country];
    if (!f) continue;
    const [x, y] = px(...centroid(f.geometry));
    const circle = el("svg:circle", { cx: x, cy: y, r: radius(c.events), class: "approx" });
    circle.append(el("svg:title", { text: `${f.properties.name}: ${c.events} event(s) without a coded place, at the actor country's centroid (approximate)` }));
    g.append(circle);
  }
  for (const p of data.located) {
    const [x, y] = px(p.lon, p.lat);
    const circle = el("svg:circle", { cx: x, cy: y, r: radius(p.events), class: p.conflict * 2 >= p.events ? "pt" : "pt coop" });
    circle.append(el("svg:title", { text: `${p.name || "location"}: ${p.events} event(s)` }));
    g.append(circle);
  }
  svg.append(g);
  target.replaceChildren(svg);
  document.getElementById("map-note").textContent =
    `${data.located.length} located place(s) (filled); dashed circles: events with no coded place, at their actor's country centroid (approximate)`;
}

async function renderDashboard(params) {
  const set = (id, path) => { document.getElementById(id).href = withParams(path, params); };
  set("timeline-json", "/api/v1/stats/timeline"); set("actors-json", "/api/v1/actors"); set("places-json", "/api/v1/stats/places");
  const timeline = document.getElementById("timeline"), actors = document.getElementById("actors"), map = document.getElementById("map");
  await Promise.all([
    renderEvents(params),
    getJSON(withParams("/api/v1/stats/timeline", params)).then((d) => renderTimeline(timeline, d.items)).catch((e) => showError(timeline, e)),
    getJSON(withParams("/api/v1/actors", params)).then((d) => renderActors(actors, d.items)).catch((e) => showError(actors, e)),
    getJSON(withParams("/api/v1/stats/places", params)).then((d) => renderMap(map, d)).catch((e) => showError(map, e)),
  ]);
  document.body.dataset.ready = "true";
}

/* ---------------------------------------------------------------- event page */

function highlight(text, spans, sentence) {
  // split the text at every span boundary; each piece takes the strongest role covering it
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  if (sentence) { cuts.add(sentence.start); cuts.add(sentence.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const box = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    let node = document.createTextNode(piece);
    if (covering.length) {
      covering.sort((x, y) => ROLES.indexOf(y.role) - ROLES.indexOf(x.role));
      node = el("mark", { class: covering[0].role, "data-role": covering[0].role, title: covering.map((s) => s.role).join(", ") }, piece);
    }
    if (sentence && a >= sentence.start && b <= sentence.end) node = el("span", { class: "evidence" }, node);
    box.append(node);
  }
  return box;
}

function field(list, name, value) {
  if (value === null || value === undefined || value === "") return;
  list.append(el("dt", { text: name }), el("dd", {}, value));
}

function party(p) {
  if (!p) return null;
  const w = who(p);
  const span = el("span", {}, p.text);
  if (p.name && p.name !== p.text) span.append(` (${p.name})`);
  if (w.code) span.append(el("span", { class: "tag", text: w.code }));
  return span;
}

function renderCluster(cluster) {
  const box = document.getElementById("cluster");
  if (!cluster) { box.replaceChildren(el("p", { class: "empty", text: "Not in a cluster (or this store has no clusters yet)." })); return; }
  const list = el("dl", { class: "fields" });
  field(list, "cluster", cluster.cluster_id);
  field(list, "reports", `${cluster.n_reports} report(s) in ${cluster.n_articles} article(s) from ${cluster.n_outlets} outlet(s)`);
  field(list, "first / last reported", `${cluster.first_reported || "?"} / ${cluster.last_reported || "?"}`);
  const members = el("span");
  for (const id of cluster.members || []) members.append(el("a", { href: `/events/${encodeURIComponent(id)}`, text: id }), " ");
  field(list, "member events", members);
  box.replaceChildren(list);
}

async function renderEvent() {
  const id = decodeURIComponent(location.pathname.split("/").pop());
  const api = `/api/v1/events/${encodeURIComponent(id)}`;
  document.getElementById("json-link").href = api;
  const summary = document.getElementById("fields");
  try {
    const e = await getJSON(api);
    document.title = `newsevents · ${e.event_type}`;
    const title = document.getElementById("event-title");
    title.replaceChildren(el("span", { class: `type q${e.quad_class}`, text: `${e.event_type}${e.mode ? " · " + e.mode : ""}` }),
      el("small", { text: `CAMEO ${e.cameo_code || e.cameo_root} · quad class ${e.quad_class} (${QUADS[e.quad_class] || "?"})` }));
    field(summary, "actor", party(e.actor));
    field(summary, "trigger", e.evidence.trigger);
    field(summary, "recipient", party(e.recipient));
    field(summary, "date", e.date ? `${e.date} (${e.date_precision}, from ${e.date_source}${e.date_text ? ": “" + e.date_text + "”" : ""})` : null);
    field(summary, "place", e.location ? `${e.location.name || e.location.text}${e.location.country ? " [" + e.location.country + "]" : ""}` : null);
    field(summary, "according to", e.attribution ? `${e.attribution.source_text} (${e.attribution.cue})` : null);
    field(summary, "modality", e.modality);
    field(summary, "intensity / confidence", `${e.intensity} / ${e.confidence}`);
    field(summary, "context", (e.context || []).join(", "));
    const articleApi = `/api/v1/articles/${encodeURIComponent(e.article_id)}`;
    document.getElementById("article-json").href = articleApi;
    const meta = [e.article.title, e.article.outlet, e.article.published].filter(Boolean).join(" · ");
    document.getElementById("article-meta").textContent = meta || e.article_id;
    const article = await getJSON(articleApi);
    const legend = document.getElementById("span-legend");
    const roles = new Set(e.spans.map((s) => s.role));
    for (const r of ROLES.slice().reverse()) if (roles.has(r)) legend.append(el("span", {}, el("span", { class: `key ${r}` }), r));
    document.getElementById("article-text").replaceChildren(highlight(article.text, e.spans, e.evidence));
    renderCluster(e.cluster);
  } catch (error) { showError(summary, error); }
  document.body.dataset.ready = "true";
}

/* ---------------------------------------------------------------- network */

function renderGraph(target, edges) {
  if (!edges.length) { target.replaceChildren(el("p", { class: "empty", text: "No actor-recipient pairs match." })); return; }
  const W = 900, H = 560;
  const nodes = new Map();
  const node = (label, country) => {
    const key = `${label}|${country || ""}`;
    if (!nodes.has(key)) nodes.set(key, { key, label, country, n: 0, x: 0, y: 0, vx: 0, vy: 0 });
    return nodes.get(key);
  };
  const links = edges.map((e) => {
    const s = node(e.source, e.source_country), t = node(e.target, e.target_country);
    s.n += e.events; t.n += e.events;
    return { s, t, e };
  });
  const list = [...nodes.values()];
  list.forEach((a, i) => {  // start on a circle: the same data always gives the same picture
    const angle = (2 * Math.PI * i) / list.length;
    a.x = W / 2 + Math.cos(angle) * W * 0.3; a.y = H / 2 + Math.sin(angle) * H * 0.3;
  });
  for (let step = 0; step < 400; step++) {  // a small force layout: repulsion, springs, gravity
    const heat = 1 - step / 400;
    for (const a of list) for (const b of list) {
      if (a === b) continue;
      const dx = a.x - b.x, dy = a.y - b.y, d2 = Math.max(dx * dx + dy * dy, 100);
      a.vx += (dx / d2) * 300; a.vy += (dy / d2) * 300;
    }
    for (const { s, t } of links) {
      const dx = t.x - s.x, dy = t.y - s.y, d = Math.max(Math.hypot(dx, dy), 1), f = (d - 110) * 0.03;
      s.vx += (dx / d) * f; s.vy += (dy / d) * f; t.vx -= (dx / d) * f; t.vy -= (dy / d) * f;
    }
    for (const a of list) {
      a.vx += (W / 2 - a.x) * 0.03; a.vy += (H / 2 - a.y) * 0.05;
      const v = Math.hypot(a.vx, a.vy), cap = 12 * heat + 0.5;
      if (v > cap) { a.vx *= cap / v; a.vy *= cap / v; }
      a.x = Math.min(W - 60, Math.max(60, a.x + a.vx)); a.y = Math.min(H - 20, Math.max(24, a.y + a.vy));
      a.vx *= 0.5; a.vy *= 0.5;
    }
  }
  const svg = el("svg:svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "actor network" });
  svg.append(el("svg:defs", {}, el("svg:marker", { id: "arrow", viewBox: "0 0 10 10", refX: "22", refY: "5", markerWidth: "9", markerHeight: "9", markerUnits: "userSpaceOnUse", orient: "auto" },
    el("svg:path", { d: "M0 0L10 5L0 10z", fill: "#8a93a6" }))));
  const lines = links.map(({ s, t, e }) => {
    const share = e.conflict / Math.max(e.events, 1);
    const line = el("svg:line", { stroke: share >= 0.5 ? "var(--q4)" : "var(--q2)", "stroke-width": 1 + Math.sqrt(e.events) * 1.5, "marker-end": "url(#arrow)", class: "edge" });
    line.append(el("svg:title", { text: `${e.source} → ${e.target}: ${e.events} event(s), ${e.conflict} conflict` }));
    svg.append(line);
    return { line, s, t };
  });
  const circles = list.map((n) => {
    const c = el("svg:circle", { r: 5 + Math.sqrt(n.n) * 2, fill: "#2f5bd3", class: "node" });
    c.append(el("svg:title", { text: `${n.label}${n.country ? " [" + n.country + "]" : ""}: ${n.n} event(s)` }));
    const short = n.label.length > 26 ? `${n.label.slice(0, 25)}…` : n.label;
    const label = el("svg:text", { dy: "-10", "text-anchor": "middle", text: short + (n.country ? ` [${n.country}]` : "") });
    svg.append(c, label);
    c.addEventListener("pointerdown", (ev) => {
      c.setPointerCapture(ev.pointerId);
      const move = (m) => { const r = svg.getBoundingClientRect(); n.x = ((m.clientX - r.left) / r.width) * W; n.y = ((m.clientY - r.top) / r.height) * H; draw(); };
      c.addEventListener("pointermove", move);
      c.addEventListener("pointerup", () => c.removeEventListener("pointermove", move), { once: true });
    });
    return { c, label, n };
  });
  function draw() {
    for (const { line, s, t } of lines) { line.setAttribute("x1", s.x); line.setAttribute("y1", s.y); line.setAttribute("x2", t.x); line.setAttribute("y2", t.y); }
    for (const { c, label, n } of circles) { c.setAttribute("cx", n.x); c.setAttribute("cy", n.y); label.setAttribute("x", n.x); label.setAttribute("y", n.y); }
  }
  draw();
  target.replaceChildren(svg);
}

async function renderNetwork(params) {
  const api = withParams("/api/v1/stats/network", params);
  document.getElementById("json-link").href = api;
  const target = document.getElementById("network");
  try { renderGraph(target, (await getJSON(api)).items); } catch (error) { showError(target, error); }
  document.body.dataset.ready = "true";
}

/* ---------------------------------------------------------------- start */

document.addEventListener("DOMContentLoaded", () => {
  const page = document.body.dataset.page;
  if (page === "dashboard") { quadLegend(); wireForm(document.getElementById("filters"), (p) => { document.body.dataset.ready = "false"; renderDashboard(p); }); }
  else if (page === "network") wireForm(document.getElementById("filters"), (p) => { document.body.dataset.ready = "false"; renderNetwork(p); });
  else if (page === "event") renderEvent();
});

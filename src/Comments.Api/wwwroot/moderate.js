import { call, el, fill, session, signInBar } from "/console.js";

const queues = ["pending", "reported", "unmoderated", "rejected", "approved"];
const reasons = ["OFFENSIVE", "ABUSIVE", "SPAM", "BANNED_WORD", "AD", "HARASSMENT", "HATE_SPEECH", "MISINFORMATION", "OFF_TOPIC", "ILLEGAL",
  "INSULT", "THREAT", "PERSONAL_INFO", "DEHUMANIZING", "INCITEMENT", "WISHING_HARM", "SEXUAL", "OTHER"];
const state = { queue: "pending", panel: null, items: [], index: 0, underAttack: false };
const $ = id => document.getElementById(id);
const site = new URLSearchParams(location.search).get("site");
const siteQuery = site ? `siteId=${encodeURIComponent(site)}` : "";
const say = text => { $("status").textContent = text; };

// Each reason with the phrase that raised it, e.g. THREAT ("see what happens to you").
function reasonText(item) {
  if (!item.reasons.length) return item.reasonCodes.join(", ");
  return item.reasons.map(r => r.detail ? `${r.code} ("${r.detail}")` : r.code).join(", ");
}

/** The comment text with the matched words marked, built from text nodes only. */
function highlighted(body, matches) {
  const p = el("p", { class: "body" });
  let at = 0;
  for (const m of [...matches].sort((a, b) => a.start - b.start)) {
    if (m.start < at) continue;
    p.append(body.slice(at, m.start), el("mark", { title: `${m.list}: ${m.term}`, text: body.slice(m.start, m.start + m.length) }));
    at = m.start + m.length;
  }
  p.append(body.slice(at));
  return p;
}

async function loadCounts() {
  const counts = (await call("GET", `/api/moderation/queues?${siteQuery}`)).counts;
  // Made once and then updated in place, so the 15-second refresh never takes the keyboard focus away.
  if (!$("tabs").childElementCount) $("tabs").append(...queues.map(q => el("button", {
    type: "button", "data-queue": q, onclick: () => { state.queue = q; state.search = null; refresh(); },
  })), ...Object.keys(panels).map(name => el("button", { type: "button", class: "panel", "data-panel": name, text: name, onclick: () => openPanel(name) })));
  $("tabs").querySelectorAll("[data-queue]").forEach(b => { b.textContent = `${b.dataset.queue} (${counts[b.dataset.queue] ?? 0})`; });
  markCurrent();
}

// The queue or view on show is aria-current: these buttons switch what the page shows, they are not an ARIA tab list.
function markCurrent() {
  $("tabs").querySelectorAll("button").forEach(b =>
    b.setAttribute("aria-current", String(state.panel ? b.dataset.panel === state.panel : b.dataset.queue === state.queue)));
}

// A decision removes the button that made it: focus goes to the next item, not back to the top of the page.
function keepFocus() {
  if (!document.activeElement || document.activeElement === document.body) $("item").focus();
}

// Only the latest request draws the list, a queue's or a search's: toggling the filter twice quickly must not end on
// the first answer, and a queue answering after a search started must not replace its results.
let listRequest = 0;
async function loadList() {
  const mine = ++listRequest;
  const items = (await call("GET", `/api/moderation/queues/${state.queue}?limit=50${state.underAttack ? "&underAttack=true" : ""}&${siteQuery}`)).items;
  if (mine !== listRequest || state.search) return;
  state.items = items;
  renderList();
}

/** The list of items (a queue's or a search's) with the bulk actions, and anything after them (search's "More results"). */
function renderList(...after) {
  state.index = Math.min(state.index, Math.max(0, state.items.length - 1));
  const bulkReason = el("select", { "aria-label": "Reason for rejecting the selected" }, reasons.map(r => el("option", { value: r, text: r })));
  const attackFilter = el("input", { type: "checkbox", id: "under-attack-filter", checked: state.underAttack,
    onchange: event => { state.underAttack = event.currentTarget.checked; loadList().then(() => $("under-attack-filter").focus(), error => say(error.message)); } });
  fill($("list"), state.search ? null : el("p", { class: "filter" }, attackFilter, el("label", { for: "under-attack-filter", text: " Only articles under attack" })),
    el("ol", {}, state.items.map((item, i) => el("li", {},
      el("input", { type: "checkbox", class: "pick", "data-index": i, "aria-label": `Select item ${i + 1}` }),
      el("button", { type: "button", class: "item-link", "aria-current": String(i === state.index), text: item.body.slice(0, 80), onclick: () => { state.index = i; show(); } })))),
    el("div", { class: "bulk" },
      el("button", { type: "button", text: "Approve selected", onclick: () => bulk("approve") }), bulkReason,
      el("button", { type: "button", text: "Reject selected", onclick: () => bulk("reject", bulkReason.value) })), ...after);
  show();
}

function show() {
  const item = state.items[state.index];
  state.panel = null;
  markCurrent();
  document.querySelectorAll("#list .item-link").forEach((b, i) => b.setAttribute("aria-current", String(i === state.index)));
  if (!item) { $("item").replaceChildren(el("p", { text: state.search ? "No comment matches this search." : "Nothing to review in this queue." })); return; }
  const scores = Object.entries(item.scores).map(([k, v]) => `${k} ${Number(v).toFixed(2)}`).join(", ");
  fill($("item"),
    el("h2", { text: `Comment on ${item.comment.articleId}` }),
    el("p", { class: "meta", text: `${item.comment.authorName} (${item.author.status}, ${item.author.comments} comments, ${Math.round(item.author.rejectionRate * 100)}% rejected)` }),
    highlighted(item.body, item.matches),
    el("p", { class: "reasons", text: `Reasons: ${reasonText(item) || "none"}${scores ? ` · scores: ${scores}` : ""}` }),
    item.appeal ? el("p", { class: "appeal", text: `APPEAL ${item.appeal.reference}: ${item.appeal.message}` }) : null,
    item.editSinceReview ? el("div", { class: "edit-diff", role: "group", "aria-label": `Changes since revision ${item.editSinceReview.reviewedRevision} was reviewed` },
      el("p", { text: `Edited after review: changes since revision ${item.editSinceReview.reviewedRevision}` }),
      el("p", { class: "diff" }, item.editSinceReview.changes.map(c =>
        c.kind === "added" ? el("ins", { text: c.text }) : c.kind === "removed" ? el("del", { text: c.text }) : el("span", { text: c.text })))) : null,
    item.reports.length ? el("ul", { class: "reports" }, item.reports.map(r => el("li", { text: `${r.reason}: ${r.details ?? ""}` }))) : null,
    el("div", { class: "actions" },
      el("button", { type: "button", text: "Approve (a)", onclick: () => decide("approve") }),
      el("button", { type: "button", text: "Reject (r)", onclick: () => pickReason() }),
      el("button", { type: "button", text: "Author (u)", onclick: () => showAuthor() }),
      item.comment.status === "approved" ? el("button", { type: "button", text: item.comment.featured ? "Unfeature" : "Feature as editors' pick",
        onclick: () => feature(item, !item.comment.featured) }) : null));
}

async function feature(item, on) {
  try {
    await call(on ? "PUT" : "DELETE", `/api/moderation/comments/${item.comment.id}/featured`);
    say(on ? "Featured as an editors' pick." : "No longer featured.");
    await refresh();
  } catch (error) { say(error.message); }
}

async function decide(action, reason, explanation) {
  const item = state.items[state.index];
  if (!item) return;
  try {
    await call("POST", `/api/moderation/comments/${item.comment.id}/decision`, { action, reason, explanation }, { "If-Match": `"${item.version}"` });
    say(`${action === "approve" ? "Approved" : "Rejected"}.`);
    await refresh();
    keepFocus();
  } catch (error) { say(error.message); }
}

function pickReason() {
  const select = el("select", { id: "reason", "aria-label": "Reason" }, reasons.map(r => el("option", { value: r, text: r })));
  const explanation = el("input", { id: "explanation", "aria-label": "Explanation for the author", placeholder: "Explanation for the author (optional)" });
  const form = el("form", { class: "reject" }, select, explanation, el("button", { type: "submit", text: "Reject" }));
  form.addEventListener("submit", event => { event.preventDefault(); decide("reject", select.value, explanation.value || null); });
  $("item").querySelector(".reject")?.remove();
  $("item").append(form);
  select.focus();
}

async function bulk(action, reason) {
  const picked = [...document.querySelectorAll("#list .pick:checked")].map(box => state.items[Number(box.dataset.index)]);
  if (!picked.length) { say("Select items first."); return; }
  const result = await call("POST", "/api/moderation/decisions", {
    items: picked.map(item => ({ commentId: item.comment.id, action, reason: reason ?? null, version: item.version })) });
  const done = result.results.filter(r => r.status === 200).length;
  say(`${done} of ${picked.length} decided${done < picked.length ? "; the others changed meanwhile" : ""}.`);
  await refresh();
  keepFocus();
}

async function showAuthor() {
  const item = state.items[state.index];
  if (!item) return;
  const user = await call("GET", `/api/moderation/users/${encodeURIComponent(item.comment.authorId)}`);
  const act = action => async () => {
    const reason = prompt(`Reason to ${action} ${user.userId}?`);
    if (!reason) return;
    await call("POST", `/api/moderation/users/${encodeURIComponent(user.userId)}/${action}`, { reason, duration: action === "suspend" ? "24h" : null });
    say(`${action} done`);
    showAuthor();
  };
  fill($("author"),
    el("h2", { text: user.userId }), el("p", { text: `Status: ${user.status}` }),
    el("p", { text: Object.entries(user.commentCounts).map(([k, v]) => `${k}: ${v}`).join(", ") }),
    el("div", { class: "actions" }, ["warn", "premod", "suspend", "ban", "restore"].map(a => el("button", { type: "button", text: a, onclick: act(a) }))),
    el("h3", { text: "History" }), el("ul", {}, user.history.map(h => el("li", { text: `${h.action} by ${h.actor} at ${new Date(h.at).toLocaleString()}` }))),
    el("h3", { text: "Notes" }), el("ul", {}, user.notes.map(n => el("li", { text: `${n.author}: ${n.body}` }))),
    noteForm(user.userId));
}

const panels = {
  async articles() {
    const articles = await call("GET", `/api/moderation/articles?${siteQuery}`);
    return el("section", { "aria-labelledby": "articles-title" }, el("h2", { id: "articles-title", text: "Articles" }),
      articles.length ? el("table", { class: "articles" },
        el("thead", {}, el("tr", {}, ["Article", "State", "Published", "Held", "Reported", "Settings"].map(h => el("th", { scope: "col", text: h })))),
        el("tbody", {}, articles.map(articleRow))) : el("p", { text: "No articles yet." }));
  },
  async settings() {
    const current = await call("GET", `/api/moderation/settings?${siteQuery}`);
    const editor = el("textarea", { id: "settings-json", rows: "22", cols: "60", "aria-label": "Settings (JSON)" });
    editor.value = JSON.stringify(current.settings, null, 2);
    const form = el("form", {}, el("h2", { text: `Settings (version ${current.version})` }),
      el("p", { text: `In force: toxicity hold ${current.effective.toxicityHold.toFixed(3)}, spam hold ${current.effective.spamHold.toFixed(3)}` }),
      editor, el("button", { type: "submit", text: "Save settings" }));
    form.addEventListener("submit", async event => {
      event.preventDefault();
      try { await call("PUT", `/api/moderation/settings?${siteQuery}`, JSON.parse(editor.value)); say("Settings saved; they apply to the next comment."); }
      catch (error) { say(error.message); }
    });
    return form;
  },
  async wordlists() {
    const kind = el("select", { "aria-label": "List" }, ["banned", "suspect"].map(k => el("option", { value: k, text: k })));
    const editor = el("textarea", { rows: "22", cols: "40", "aria-label": "Entries, one per line" });
    const load = async () => { editor.value = (await call("GET", `/api/moderation/wordlists/${kind.value}?${siteQuery}`)).entries.join("\n"); };
    kind.addEventListener("change", load);
    await load();
    const form = el("form", {}, el("h2", { text: "Word lists" }), kind, editor, el("button", { type: "submit", text: "Save list" }));
    form.addEventListener("submit", async event => {
      event.preventDefault();
      try { await call("PUT", `/api/moderation/wordlists/${kind.value}?${siteQuery}`, { entries: editor.value.split("\n") }); say("List saved."); }
      catch (error) { say(error.message); }
    });
    return form;
  },
  async examples() {
    const bank = await call("GET", `/api/moderation/examples?${siteQuery}`);
    const harm = el("select", { id: "examples-harm", "aria-label": "Harm" }, bank.harms.map(h => el("option", { value: h.harm, text: h.harm })));
    const editor = el("textarea", { id: "examples-text", rows: "16", cols: "70", "aria-label": "Example comments, one per line" });
    const origin = el("p", {});
    const show = () => {
      const current = bank.harms.find(h => h.harm === harm.value);
      editor.value = current.examples.join("\n");
      origin.textContent = current.starter ? "The starter examples (this site has none of its own yet)." : `This site's examples, version ${current.version}.`;
    };
    harm.addEventListener("change", show);
    show();
    const form = el("form", {}, el("h2", { text: "Examples of each harm" }),
      el("p", { text: "A new comment close to one of these is held for that harm. One example per line." }), harm, origin, editor,
      el("button", { type: "submit", text: "Save examples" }));
    form.addEventListener("submit", async event => {
      event.preventDefault();
      const examples = editor.value.split("\n").map(line => line.trim()).filter(line => line);
      try {
        const saved = await call("PUT", `/api/moderation/examples?${siteQuery}`, { examples: { [harm.value]: examples } });
        bank.harms = saved.harms;
        show();
        say("Examples saved; they apply to the next comment.");
      } catch (error) { say(error.message); }
    });
    return form;
  },
  async audit() {
    const page = await call("GET", "/api/moderation/audit?limit=50");
    return el("section", {}, el("h2", { text: "Audit log" }), el("table", {},
      el("thead", {}, el("tr", {}, ["When", "Who", "Action", "Target"].map(h => el("th", { text: h })))),
      el("tbody", {}, page.items.map(a => el("tr", {}, [new Date(a.at).toLocaleString(), a.actor, a.action, `${a.targetType} ${a.targetId}`].map(c => el("td", { text: c })))))));
  },
  async stats() {
    const stats = await call("GET", `/api/moderation/stats?${siteQuery}`);
    return el("section", {}, el("h2", { text: "Last 7 days" }),
      chart("Decisions", stats.decisionsByActorAndOutcome.map(k => [k.key, k.count])),
      chart("Decisions per hour (latest 24)", stats.decisionsPerHour.slice(-24).map(p => [new Date(p.at).getHours() + "h", p.count])),
      chart("Comments per hour (latest 24)", stats.commentsPerHour.slice(-24).map(p => [new Date(p.at).getHours() + "h", p.count])),
      chart("Pending queue over time (latest 24 snapshots)", stats.queueSizes.filter(p => p.queue === "pending").slice(-24)
        .map(p => [new Date(p.at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }), p.count])),
      el("p", { text: `Submission to human decision: median ${fmt(stats.submissionToHumanDecision.medianSeconds)}, p90 ${fmt(stats.submissionToHumanDecision.p90Seconds)}` }));
  },
};

/** One article in the articles view: its state, counts, and a form for its settings (and ending a protection). */
function articleRow(article) {
  const key = article.articleId;
  const field = (label, input) => el("label", { class: "setting" }, input, ` ${label}`);
  const closed = el("input", { type: "checkbox", name: "closed", checked: article.settings.closed, "aria-label": `Closed: ${key}` });
  const premod = el("input", { type: "checkbox", name: "preModeration", checked: article.settings.preModeration, "aria-label": `Pre-moderate: ${key}` });
  const slow = el("input", { type: "number", name: "slowModeSeconds", min: "0", max: "86400", value: String(article.settings.slowModeSeconds), "aria-label": `Slow mode seconds: ${key}` });
  const autoClose = el("input", { type: "number", name: "autoCloseAfterDays", min: "0", max: "3650", placeholder: "site default",
    value: article.settings.autoCloseAfterDays ?? "", "aria-label": `Close after days: ${key}` });
  const form = el("form", { class: "article-settings" }, field("closed", closed), field("pre-moderate", premod),
    el("label", { class: "setting" }, "slow mode (s) ", slow), el("label", { class: "setting" }, "close after (days) ", autoClose),
    el("button", { type: "submit", text: "Save" }));
  form.addEventListener("submit", async event => {
    event.preventDefault();
    try {
      await call("PUT", `/api/moderation/articles/${encodeURIComponent(key)}/settings?${siteQuery}`, { closed: closed.checked, preModeration: premod.checked,
        slowModeSeconds: Number(slow.value || 0), autoCloseAfterDays: autoClose.value === "" ? null : Number(autoClose.value) });
      say(`Settings of ${key} saved.`);
      openPanel("articles");
    } catch (error) { say(error.message); }
  });
  const protection = article.state.protection;
  const stateCell = el("td", {},
    article.state.closed ? `closed (${article.state.closedReason === "auto_close" ? "automatically" : "by a moderator"})` : "open",
    protection ? el("span", { class: "attack-badge", text: `Under attack: ${protection.mode.replace("_", " ")} until ${new Date(protection.until).toLocaleTimeString()}` }) : null,
    protection ? el("button", { type: "button", text: "End protection", "aria-label": `End protection: ${key}`, onclick: async () => {
      try { await call("DELETE", `/api/moderation/articles/${encodeURIComponent(key)}/protection?${siteQuery}`); say(`Protection of ${key} ended.`); openPanel("articles"); }
      catch (error) { say(error.message); }
    } }) : null);
  return el("tr", { "data-article": key, class: article.underAttack ? "under-attack" : "" },
    el("th", { scope: "row", text: key }), stateCell, el("td", { text: String(article.publishedCount) }),
    el("td", { text: String(article.pending) }), el("td", { text: String(article.reported) }), el("td", {}, form));
}

/** The articles panel's button says how many articles are under attack, so a moderator notices from any queue. */
async function markAttacks() {
  const button = [...document.querySelectorAll("#tabs .panel")].find(b => b.dataset.panel === "articles");
  if (!button) return;
  const attacked = (await call("GET", `/api/moderation/articles?${siteQuery}`)).filter(a => a.underAttack).length;
  button.textContent = attacked ? `articles (${attacked} under attack)` : "articles";
  button.classList.toggle("alert", attacked > 0);
}

const fmt = seconds => seconds == null ? "n/a" : `${Math.round(seconds / 60)} min`;

/** A horizontal bar chart in SVG; labels and values are text nodes. */
function chart(title, rows) {
  const ns = "http://www.w3.org/2000/svg";
  const max = Math.max(1, ...rows.map(r => r[1]));
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("width", "420"); svg.setAttribute("height", String(22 * rows.length + 4)); svg.setAttribute("role", "img"); svg.setAttribute("aria-label", title);
  rows.forEach(([label, value], i) => {
    const text = document.createElementNS(ns, "text"); text.setAttribute("x", "0"); text.setAttribute("y", String(22 * i + 15)); text.textContent = `${label} (${value})`;
    const bar = document.createElementNS(ns, "rect"); bar.setAttribute("x", "200"); bar.setAttribute("y", String(22 * i + 4));
    bar.setAttribute("height", "14"); bar.setAttribute("width", String(Math.round(210 * value / max))); bar.setAttribute("fill", "#0b57d0");
    svg.append(text, bar);
  });
  return el("figure", {}, el("figcaption", { text: title }), svg);
}

async function openPanel(name) {
  try {
    fill($("item"), await panels[name]());
    state.panel = name;
    markCurrent();
  } catch (error) { say(error.message); }
}

function noteForm(userId) {
  const input = el("textarea", { rows: "2", "aria-label": "New note on this user" });
  const form = el("form", {}, input, el("button", { type: "submit", text: "Add note" }));
  form.addEventListener("submit", async event => {
    event.preventDefault();
    try { await call("POST", `/api/moderation/users/${encodeURIComponent(userId)}/notes`, { body: input.value }); showAuthor(); }
    catch (error) { say(error.message); }
  });
  return form;
}

async function refresh() {
  try { await loadCounts(); await (state.search ? search(false) : loadList()); await markAttacks(); } catch (error) { say(error.message); }
}

document.addEventListener("keydown", event => {
  if (event.target.closest("input, select, textarea")) return;
  const keys = { j: () => { state.index = Math.min(state.index + 1, state.items.length - 1); show(); },
    k: () => { state.index = Math.max(state.index - 1, 0); show(); }, a: () => decide("approve"), r: pickReason, u: showAuthor };
  if (keys[event.key]) { event.preventDefault(); keys[event.key](); }
});

// ---- Search (GET /api/moderation/search): the results take the queue's place, in the same layout, with the same keys.
async function search(more) {
  if (!more) state.search = { query: new URLSearchParams([...new FormData($("search-form"))].filter(([, value]) => value)), next: null };
  const query = new URLSearchParams(state.search.query);
  if (more) query.set("cursor", state.search.next);
  const mine = ++listRequest;
  try {
    const page = await call("GET", `/api/moderation/search?${query}`);
    if (mine !== listRequest) return;
    const first = more ? state.items.length : 0;
    state.items = more ? [...state.items, ...page.items] : page.items;
    state.search.next = page.nextCursor;
    renderList(page.nextCursor ? el("button", { type: "button", id: "search-more", text: "More results", onclick: () => search(true) }) : null);
    say(`${state.items.length} found${page.nextCursor ? "; more with More results" : ""}.`);
    if (more) document.querySelectorAll("#list .item-link")[first]?.focus();
  } catch (error) { say(error.message); }
}
$("search-form").addEventListener("submit", event => { event.preventDefault(); state.index = 0; search(false); });

$("signin").append(signInBar("moderator", () => { say(""); refresh(); }));
if (session.token) refresh(); else say("Sign in to start.");
// Live counts: the tabs refresh every 15 seconds.
setInterval(() => { if (session.token) loadCounts().then(markAttacks).catch(() => {}); }, 15_000);

// The legal queue (Digital Services Act articles 16 and 23): open notices, the earliest due first; decide one from the
// keyboard; suspend a notifier of manifestly unfounded notices. Everything a notifier or author wrote is set as text.
import { call, el, fill, session, signInBar } from "/console.js";

const state = { items: [], index: 0 };
const $ = id => document.getElementById(id);
const site = new URLSearchParams(location.search).get("site");
const siteQuery = site ? `siteId=${encodeURIComponent(site)}` : "";
const say = text => { $("status").textContent = text; };
const outcomes = { removed: "Remove", restricted: "Restrict (hide from the public)", no_action: "No action" };

// done: what the moderator just did, said before the queue's counts so that reloading does not wipe it.
async function load(done = "") {
  try {
    state.items = await call("GET", `/api/moderation/legal/notices?limit=100&${siteQuery}`);
    renderList();
    say(`${done}${state.items.length} open notice(s), ${state.items.filter(i => i.due === "overdue").length} overdue.`);
  } catch (error) { say(error.message); }
}

function renderList() {
  state.index = Math.min(state.index, Math.max(0, state.items.length - 1));
  fill($("list"), el("ol", {}, state.items.map((item, i) => el("li", {},
    el("button", { type: "button", class: "item-link", "aria-current": String(i === state.index), onclick: () => { state.index = i; show(); } },
      `${item.reference} · ${item.categoryLabel}`, item.due === "overdue" ? el("span", { class: "badge overdue", text: "overdue" }) : null)))));
  show();
}

function show() {
  const item = state.items[state.index];
  document.querySelectorAll("#list .item-link").forEach((b, i) => b.setAttribute("aria-current", String(i === state.index)));
  if (!item) { fill($("item"), el("p", { text: "No open notices." })); fill($("notifier")); return; }
  const comment = item.comment;
  fill($("item"),
    el("h2", {}, `${item.reference}: ${item.categoryLabel} `, el("span", { class: `badge ${item.due}`, text: item.due })),
    el("p", { text: `Received ${new Date(item.receivedAt).toLocaleString()}, due ${new Date(item.dueAt).toLocaleString()}.` }),
    el("h3", { text: "Explanation" }), el("p", { class: "body", text: item.explanation }),
    el("h3", { text: "The comment" }),
    comment ? el("div", {}, el("p", { text: `${comment.authorName} (${comment.authorId}) on ${comment.articleId}, ${comment.state}` }), el("p", { class: "body", text: comment.body }))
      : el("p", { text: "The comment no longer exists." }),
    decisionForm(item));
  fill($("notifier"), el("h2", { text: "Notifier" }),
    el("p", { text: item.notifierName ?? "anonymous" }), item.notifierEmail ? el("p", { text: item.notifierEmail }) : null,
    el("p", { text: item.notifierSignedIn ? "Signed in." : "Not signed in." }),
    el("p", { text: `${item.notifierUnfoundedNotices} manifestly unfounded notice(s) before.` }), suspendForm(item));
}

function decisionForm(item) {
  const choices = Object.entries(outcomes).map(([value, label]) => el("label", {},
    el("input", { type: "radio", name: "outcome", value, id: `outcome-${value}`, required: true }), ` ${label} `));
  const reason = el("textarea", { id: "reason", rows: "3", maxlength: "2000", required: true });
  const unfounded = el("input", { type: "checkbox", id: "unfounded", disabled: true });
  const others = el("input", { type: "checkbox", id: "others", checked: item.otherOpenNotices > 0, disabled: item.otherOpenNotices === 0 });
  const form = el("form", { id: "decision", "aria-label": `Decide ${item.reference}` },
    el("fieldset", {}, el("legend", { text: "Decision" }), choices),
    el("label", { for: "reason", text: "Reason (sent to the notifier)" }), reason,
    el("p", {}, unfounded, el("label", { for: "unfounded", text: " Manifestly unfounded (no action only; the notifier is warned)" })),
    el("p", {}, others, el("label", { for: "others", text: ` Decide the ${item.otherOpenNotices} other open notice(s) on this comment alike` })),
    el("button", { type: "submit", text: "Decide" }));
  form.addEventListener("change", () => {
    unfounded.disabled = form.elements.outcome.value !== "no_action";
    if (unfounded.disabled) unfounded.checked = false;
  });
  reason.addEventListener("keydown", event => { if (event.key === "Enter" && event.ctrlKey) { event.preventDefault(); form.requestSubmit(); } });
  form.addEventListener("submit", async event => {
    event.preventDefault();
    try {
      const result = await call("POST", `/api/moderation/legal/notices/${item.id}/decision?${siteQuery}`,
        { outcome: form.elements.outcome.value, reason: reason.value, manifestlyUnfounded: unfounded.checked, alsoDecideOthers: others.checked });
      await load(`${result.reference}: ${result.outcome}${result.alsoDecided.length ? ` (also ${result.alsoDecided.join(", ")})` : ""}. `);
      $("item").focus();
    } catch (error) { say(error.message); }
  });
  return form;
}

function suspendForm(item) {
  const days = el("input", { id: "suspend-days", type: "number", min: "1", max: "3650", value: "30", required: true });
  const reason = el("textarea", { id: "suspend-reason", rows: "2", maxlength: "2000", required: true });
  const form = el("form", { id: "suspend", "aria-label": "Suspend this notifier" },
    el("label", { for: "suspend-days", text: "Suspend notices for days" }), days,
    el("label", { for: "suspend-reason", text: "Reason (audited)" }), reason, el("button", { type: "submit", text: "Suspend notifier" }));
  form.addEventListener("submit", async event => {
    event.preventDefault();
    try {
      const result = await call("POST", `/api/moderation/legal/notices/${item.id}/notifier-suspension?${siteQuery}`, { days: Number(days.value), reason: reason.value });
      say(`Notifier suspended until ${new Date(result.until).toLocaleString()}.`);
    } catch (error) { say(error.message); }
  });
  return form;
}

function choose(outcome) {
  const radio = $(`outcome-${outcome}`);
  if (!radio) return;
  radio.checked = true;
  radio.form.dispatchEvent(new Event("change"));
  $("reason").focus();
}

document.addEventListener("keydown", event => {
  if (event.target.closest("input, select, textarea")) return;
  const keys = { j: () => { state.index = Math.min(state.index + 1, state.items.length - 1); show(); },
    k: () => { state.index = Math.max(state.index - 1, 0); show(); },
    1: () => choose("removed"), 2: () => choose("restricted"), 3: () => choose("no_action"), s: () => $("suspend-days")?.focus() };
  if (keys[event.key]) { event.preventDefault(); keys[event.key](); }
});

$("signin").append(signInBar("moderator", () => { say(""); load(); }));
if (session.token) load(); else say("Sign in to start.");

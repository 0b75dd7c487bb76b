import { call, el, fill, session, signInBar } from "/console.js";

const $ = id => document.getElementById(id);
const say = text => { $("status").textContent = text; };
const statuses = ["new", "open", "waiting_on_reader", "resolved", "closed"];

async function loadQueue() {
  const page = await call("GET", "/api/support/help-requests?limit=100");
  $("queue").replaceChildren(el("h2", { text: "Triage queue" }), el("ol", {}, page.items.map(r => el("li", {},
    el("button", { type: "button", class: "request-link", "data-id": r.id, onclick: () => open(r.id) },
      el("span", { text: `${r.reference} · ${r.priority} · ${r.category.replace(/_/g, " ")} · ${r.status}` }),
      ["overdue", "due_soon"].includes(r.dueState) ? el("span", { class: `badge ${r.dueState}`, text: r.dueState === "overdue" ? "overdue" : "due soon" }) : null)))));
}

async function open(id) {
  const r = await call("GET", `/api/support/help-requests/${id}`);
  const text = (label, path) => {
    const input = el("textarea", { "aria-label": label, rows: "3" });
    const form = el("form", { class: label.toLowerCase().replace(/\W+/g, "-") }, input, el("button", { type: "submit", text: label }));
    form.addEventListener("submit", async event => { event.preventDefault(); await act(() => call("POST", `/api/support/help-requests/${id}/${path}`, { body: input.value }), id); });
    return form;
  };
  const status = el("select", { "aria-label": "Status" }, statuses.map(s => el("option", { value: s, text: s, selected: s === r.status })));
  status.addEventListener("change", () => act(() => call("PATCH", `/api/support/help-requests/${id}`, { status: status.value }), id));
  const context = r.context ?? { recentComments: [] };
  fill($("request"),
    el("h2", { text: `${r.reference}: ${r.category.replace(/_/g, " ")} (${r.priority})` }),
    el("p", { class: "message", text: r.message }),
    el("p", { class: "requester", text: `From ${r.requesterId ? `signed-in reader ${r.requesterId}` : "an anonymous visitor"}${r.email ? ` · ${r.email}` : ""}${r.contactEmail ? ` · contact (unverified): ${r.contactEmail}` : ""}` }),
    r.commentId ? el("p", { class: "comment-owner", text: `About comment ${r.commentId}, written by ${r.commentAuthorId ?? "(not found)"}${r.commentAuthorId && r.commentAuthorId === r.requesterId ? " (the requester)" : " (not the requester)"}` }) : null,
    r.triageNote ? el("p", { class: "triage", text: r.triageNote }) : null,
    r.outcome ? el("p", { class: "outcome", text: `Outcome: ${r.outcome}` }) : null,
    el("label", { text: "Status " }, status),
    el("h3", { text: "Reader's recent comments" }),
    el("ul", {}, context.recentComments.map(c => el("li", { text: `${c.status}${c.reason ? ` (${c.reason})` : ""}: ${c.excerpt}` }))),
    el("h3", { text: "Thread" }),
    el("ol", { class: "thread" }, r.thread.map(e => el("li", { text: `${new Date(e.at).toLocaleString()} · ${e.kind} · ${e.actor}${e.body ? `: ${e.body}` : ""}${e.after ? ` → ${e.after}` : ""}` }))),
    text("Reply", "replies"), text("Add note", "notes"),
    el("button", { type: "button", class: "escalate", text: "Escalate to moderation", onclick: () => act(() => call("POST", `/api/support/help-requests/${id}/escalations`), id) }));
}

async function act(work, id) {
  try { await work(); say("Saved."); await loadQueue(); await open(id); } catch (error) { say(error.message); }
  // The redrawn request took the pressed button with it: focus stays on the request, not the top of the page.
  if (!document.activeElement || document.activeElement === document.body) $("request").focus();
}

$("signin").append(signInBar("support", () => { say(""); loadQueue().catch(error => say(error.message)); }));
if (session.token) loadQueue().catch(error => say(error.message)); else say("Sign in to start.");

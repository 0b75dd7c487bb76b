// The comment section a news site embeds under an article:
//   <div id="comments" data-article-id="ARTICLE-KEY"></div>
//   <script src="https://COMMENTS-HOST/embed.js"></script>
//   <script>CommentsEmbed.signIn(tokenFromYourSite)</script>   // a signed-in reader; omit for anonymous readers
// Every piece of comment text is set with textContent: nothing a reader writes is ever parsed as HTML.
(() => {
  "use strict";
  const script = document.currentScript;
  const api = new URL(".", script ? script.src : location.href).href.replace(/\/$/, "");
  const state = { token: null, userId: null, articleId: null, root: null, cursor: null, sort: "newest", mine: new Map(), article: null, ignored: new Set(), ignoredNames: new Map(), historyCursor: null };

  const el = (tag, props = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children.flat()) if (child) node.append(child);
    return node;
  };

  // options.fresh: past every cache (the browser's and the API's), for right after a change the reader knows of.
  // options.headers: more request headers. A failed answer throws an Error carrying its status and Retry-After.
  async function call(method, path, body, options = {}) {
    const headers = { Accept: "application/json", ...options.headers };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (state.token) headers.Authorization = `Bearer ${state.token}`;
    const response = await fetch(api + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: options.fresh ? "reload" : "default" });
    const data = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) {
      const detail = data && (data.detail || (data.errors && Object.values(data.errors).flat().join(" ")) || data.title);
      throw Object.assign(new Error(detail || `Request failed (${response.status})`),
        { status: response.status, retryAfter: Number(response.headers.get("Retry-After")) || 0 });
    }
    return data;
  }

  // A new comment goes out with an Idempotency-Key made once for it, so retrying (here after a 503 or a lost
  // connection, or the reader pressing Post again) never posts it twice.
  const newKey = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, "0")).join("");

  async function postComment(body, parentId, key) {
    const path = `/api/articles/${encodeURIComponent(state.articleId)}/comments`;
    for (let attempt = 1; ; attempt++) {
      try {
        return await call("POST", path, { body, parentId }, { headers: { "Idempotency-Key": key } });
      } catch (error) {
        const retryable = error.status === 503 || error.status === undefined;
        if (!retryable || attempt === 4) throw error;
        const seconds = Math.min(error.retryAfter || attempt * 2, 10);
        status(`Busy right now: trying again in ${seconds} s.`, "warn");
        await new Promise(resolve => setTimeout(resolve, seconds * 1000));
      }
    }
  }

  function subjectOf(token) {
    try { return JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"))).sub; } catch { return null; }
  }

  function status(message, kind = "info") {
    const box = state.root.querySelector(".cm-status");
    box.textContent = message;
    box.dataset.kind = kind;
  }

  function commentNode(comment, depth = 0) {
    const own = comment.authorId === state.userId;
    const body = comment.deleted ? el("p", { class: "cm-body cm-deleted", text: "This comment was deleted." }) : el("p", { class: "cm-body", text: comment.body });
    const meta = el("div", { class: "cm-meta" },
      el("strong", { text: comment.authorName }), authorBadge(comment), " · ", el("time", { datetime: comment.createdAt, text: new Date(comment.createdAt).toLocaleString() }),
      comment.edited ? el("span", { class: "cm-edited", text: " · edited" }) : null, featuredMark(comment),
      comment.status !== "approved" ? el("span", { class: `cm-badge cm-${comment.status}`, text: comment.status === "approved" ? "" : statusLabel(comment.status) }) : null);
    const reasons = (comment.reasons || []).map(r => el("p", { class: "cm-reason", text: r.message }));
    const actions = el("div", { class: "cm-actions" });
    const node = el("article", { class: "cm-comment", "data-id": comment.id, "data-depth": depth }, meta, body, reasons, actions);
    if (!comment.deleted && comment.status === "approved" && state.token) {
      actions.append(...[
        el("button", { type: "button", class: "cm-respect", "aria-pressed": "false", text: `Respect (${comment.respectCount})`, onclick: e => toggleRespect(comment, e.currentTarget) }),
        depth < 2 && !closed() ? el("button", { type: "button", text: "Reply", onclick: () => openForm(node, comment.id) }) : null,
        own ? null : el("button", { type: "button", text: "Report", onclick: () => openReport(node, comment.id) }),
        own ? null : ignoreButton(comment)].filter(Boolean));
    }
    if (own && !comment.deleted && state.token) {
      actions.append(
        closed() ? "" : el("button", { type: "button", text: "Edit", onclick: () => openForm(node, null, comment) }),
        el("button", { type: "button", text: "Delete", onclick: () => remove(comment.id) }));
    }
    const replies = el("div", { class: "cm-replies" }, (comment.replies || []).map(r => commentNode(r, depth + 1)));
    if ((comment.replyCount || 0) > (comment.replies || []).length) {
      replies.append(el("button", { type: "button", class: "cm-more-replies", text: `Show all ${comment.replyCount} replies`, onclick: e => loadReplies(comment, replies, e.currentTarget) }));
    }
    node.append(replies);
    return node;
  }

  // Staff, journalists and moderators are named in words beside their name (as the token said when they posted).
  const badgeLabels = { staff: "Staff", journalist: "Journalist", moderator: "Moderator" };
  const authorBadge = comment => comment.authorBadge
    ? el("span", { class: `cm-author-badge cm-author-${comment.authorBadge}`, text: badgeLabels[comment.authorBadge] || comment.authorBadge }) : null;
  const featuredMark = comment => comment.featured ? el("span", { class: "cm-featured", text: "Editors' pick" }) : null;

  // The listing's order: the API's sorts, with the editors' picks and the most respected (docs/how-it-works.md).
  function sortControl() {
    const select = el("select", { id: "cm-sort", class: "cm-sort" },
      [["newest", "Newest"], ["oldest", "Oldest"], ["most_replied", "Most replies"], ["best", "Best"], ["featured", "Featured"]]
        .map(([value, text]) => el("option", { value, text })));
    select.value = state.sort;
    select.addEventListener("change", () => { state.sort = select.value; loadPage(true).catch(error => status(error.message, "error")); });
    return el("div", { class: "cm-sorts" }, el("label", { for: "cm-sort", text: "Sort comments" }), select);
  }

  const statusLabel = s => ({ pending: "Pending review", held: "Held for review", rejected: "Not published" }[s] || s);

  async function loadReplies(comment, container, button) {
    const page = await call("GET", `/api/comments/${comment.id}/replies?limit=100`);
    container.replaceChildren(...page.items.map(r => commentNode(r, 1)));
    button.remove();
  }

  async function loadPage(reset, fresh) {
    const list = state.root.querySelector(".cm-list");
    if (reset) { state.cursor = null; list.replaceChildren(); }
    const query = `?limit=20&sort=${state.sort}${state.cursor ? `&cursor=${encodeURIComponent(state.cursor)}` : ""}`;
    const page = await call("GET", `/api/articles/${encodeURIComponent(state.articleId)}/comments${query}`, undefined, { fresh });
    for (const comment of page.items) {
      state.mine.delete(comment.id);
      list.append(commentNode(comment));
    }
    state.cursor = page.nextCursor;
    if (reset && !page.items.length && state.sort === "featured") list.append(el("p", { class: "cm-empty", text: "No editors' picks yet." }));
    state.root.querySelector(".cm-load-more").hidden = !page.nextCursor;
    if (reset && state.token) {
      const mine = await call("GET", `/api/articles/${encodeURIComponent(state.articleId)}/comments/mine`).catch(() => ({ items: [] }));
      for (const comment of mine.items) state.mine.set(comment.id, comment);
    }
    renderMine();
  }

  // The reader's own comments that are not (yet) public: shown only to them, with the reason.
  function renderMine() {
    const box = state.root.querySelector(".cm-mine");
    box.replaceChildren(...[...state.mine.values()].map(c => commentNode(c)));
  }

  // Every half second for the first half minute, then every five seconds for ten minutes (a worker being restarted
  // or a backlog being worked off), so a comment decided late is still shown without a reload.
  async function follow(id) {
    for (let attempt = 0; attempt < 180; attempt++) {
      const comment = await call("GET", `/api/comments/${id}`).catch(() => null);
      if (comment && comment.status !== "pending") {
        if (comment.status === "approved") { state.mine.delete(id); await loadPage(true, true); status("Your comment is published."); }
        else { state.mine.set(id, comment); renderMine(); status((comment.reasons[0] && comment.reasons[0].message) || statusLabel(comment.status), "warn"); }
        return;
      }
      if (comment) { state.mine.set(id, comment); renderMine(); }
      await new Promise(resolve => setTimeout(resolve, attempt < 60 ? 500 : 5_000));
    }
  }

  function openForm(anchor, parentId, editing) {
    anchor.querySelector(":scope > .cm-form")?.remove();
    const form = buildForm(parentId, editing);
    anchor.append(form);
    form.querySelector("textarea").focus();
  }

  function buildForm(parentId, editing) {
    const id = `cm-text-${Math.random().toString(36).slice(2)}`;
    const textarea = el("textarea", { id, name: "body", rows: "3", maxlength: "5000", required: true });
    if (editing) textarea.value = editing.body;
    const nudge = el("p", { class: "cm-nudge", role: "status", hidden: true });
    const form = el("form", { class: "cm-form" },
      el("label", { for: id, text: editing ? "Edit your comment" : parentId ? "Your reply" : "Join the discussion" }), textarea, nudge,
      el("button", { type: "submit", text: editing ? "Save" : "Post" }));
    let checked = "";
    let posting = { key: "", body: "" };
    form.addEventListener("submit", async event => {
      event.preventDefault();
      const body = textarea.value.trim();
      if (!body) return;
      if (posting.body !== body) posting = { key: newKey(), body };
      try {
        if (!editing && checked !== body) {
          const check = await call("POST", "/api/comments/check", { body });
          checked = body;
          if (check.warnings.length) {
            nudge.hidden = false;
            nudge.textContent = `Before you post: ${check.warnings.map(w => w.message).join("; ")}. Post anyway, or revise it.`;
            return;
          }
        }
        const accepted = editing
          ? await call("PATCH", `/api/comments/${editing.id}`, { body })
          : await postComment(body, parentId, posting.key);
        posting = { key: "", body: "" };
        const mine = { id: accepted.id, body, status: "pending", authorId: state.userId, authorName: "You", createdAt: new Date().toISOString(), reasons: [], replies: [] };
        state.mine.set(accepted.id, mine);
        renderMine();
        status("Thanks: your comment is waiting for review.");
        if (parentId || editing) form.remove(); else { textarea.value = ""; nudge.hidden = true; }
        follow(accepted.id);
      } catch (error) {
        status(error.message, "error");
        if (error.status === 403 || error.status === 429) loadArticleState(); // closed or slowed since the page loaded
      }
    });
    return form;
  }

  async function toggleRespect(comment, button) {
    const on = button.getAttribute("aria-pressed") !== "true";
    try {
      const result = await call(on ? "PUT" : "DELETE", `/api/comments/${comment.id}/reactions/respect`);
      button.setAttribute("aria-pressed", String(on));
      button.textContent = `Respect (${result.respectCount})`;
    } catch (error) { status(error.message, "error"); }
  }

  function openReport(anchor, commentId) {
    anchor.querySelector(":scope > .cm-report")?.remove();
    const id = `cm-reason-${commentId}`;
    const select = el("select", { id },
      ["offensive", "abusive", "spam", "off_topic", "harassment", "other"].map(r => el("option", { value: r, text: r.replace("_", " ") })));
    const form = el("form", { class: "cm-report" }, el("label", { for: id, text: "Why are you reporting this?" }), select,
      el("button", { type: "submit", text: "Send report" }));
    form.addEventListener("submit", async event => {
      event.preventDefault();
      try { await call("POST", `/api/comments/${commentId}/reports`, { reason: select.value }); status("Thank you, a moderator will look at it."); form.remove(); }
      catch (error) { status(error.message, "error"); }
    });
    anchor.append(form);
    select.focus();
  }

  async function remove(id) {
    if (!confirm("Delete your comment?")) return;
    try { await call("DELETE", `/api/comments/${id}`); state.mine.delete(id); await loadPage(true, true); status("Your comment was deleted."); }
    catch (error) { status(error.message, "error"); }
  }

  function helpForm() {
    const message = el("textarea", { id: "cm-help-message", rows: "4", minlength: "10", maxlength: "5000", required: true });
    const email = el("input", { id: "cm-help-email", type: "email", autocomplete: "email" });
    const category = el("select", { id: "cm-help-category" }, el("option", { value: "", text: "Choose a topic (optional)" }),
      ["cant_post", "comment_missing", "comment_removed", "account_or_login", "banned_or_suspended", "report_abuse", "technical", "other"]
        .map(c => el("option", { value: c, text: c.replace(/_/g, " ") })));
    const result = el("p", { class: "cm-help-result", role: "status" });
    const preview = el("div", { class: "cm-help-preview", role: "status", "aria-live": "polite" });
    const form = el("form", { class: "cm-help", hidden: true },
      el("label", { for: "cm-help-category", text: "Topic" }), category,
      el("label", { for: "cm-help-message", text: "What is the problem?" }), message,
      el("label", { for: "cm-help-email", text: "Your e-mail (needed if you are not signed in)" }), email,
      preview, el("button", { type: "submit", text: "Send" }), result);
    followHelpForm(form, category, message, preview);
    form.addEventListener("submit", async event => {
      event.preventDefault();
      try {
        const accepted = await call("POST", "/api/help-requests", {
          message: message.value, email: email.value || null, category: category.value || null, articleId: state.articleId, page: location.href,
          previewId: form.dataset.previewId || null });
        result.textContent = accepted.accessToken
          ? `Thank you. Your reference is ${accepted.reference}; keep this access code to follow it: ${accepted.accessToken} (we sent it to you by e-mail too).`
          : `Thank you. Your reference is ${accepted.reference}.`;
        form.dataset.reference = accepted.reference;
        form.dataset.accessToken = accepted.accessToken || "";
        showRequests();
      } catch (error) { result.textContent = error.message; }
    });
    return form;
  }

  // The reader's help requests with their status, replies and outcome (signed in: all of them; otherwise the one just sent).
  async function showRequests() {
    const box = state.root.querySelector(".cm-requests");
    const help = state.root.querySelector(".cm-help");
    let requests = [];
    try {
      if (state.token) requests = await call("GET", "/api/help-requests/mine");
      else if (help.dataset.reference) requests = [await call("GET", `/api/help-requests/${help.dataset.reference}?token=${encodeURIComponent(help.dataset.accessToken || "")}`)];
    } catch { requests = []; }
    box.querySelector(".cm-request-list").replaceChildren(...requests.map(r => el("div", { class: "cm-request" },
      el("p", { text: `${r.reference}: ${r.status.replace(/_/g, " ")}${r.outcome ? ` · ${r.outcome}` : ""}` }),
      el("ul", {}, r.thread.filter(e => e.kind === "reply" || e.kind === "outcome").map(e => el("li", { text: e.body || "" }))))));
    box.hidden = requests.length === 0;
  }

  function mount(root) {
    state.root = root;
    state.articleId = root.dataset.articleId;
    const help = helpForm();
    root.replaceChildren(
      el("section", { class: "cm", "aria-label": "Comments" },
        el("h2", { text: "Comments" }),
        el("p", { class: "cm-notice", role: "note", hidden: true }),
        el("p", { class: "cm-status", role: "status", "aria-live": "polite" }),
        el("div", { class: "cm-compose" }),
        historyPanel(),
        el("div", { class: "cm-mine", role: "group", "aria-label": "Your comments awaiting review" }),
        sortControl(),
        el("div", { class: "cm-list" }),
        el("button", { type: "button", class: "cm-load-more", hidden: true, text: "Load more comments", onclick: () => loadPage(false) }),
        el("footer", { class: "cm-footer" },
          el("button", { type: "button", class: "cm-help-link", text: "Please let us know if you're having issues with commenting.",
            onclick: () => { help.hidden = !help.hidden; if (!help.hidden) help.querySelector("select").focus(); } }),
          help,
          el("div", { class: "cm-requests", hidden: true, role: "group", "aria-label": "Your help requests" },
            el("h3", { text: "Your help requests" }), el("div", { class: "cm-request-list" }),
            el("button", { type: "button", text: "Refresh", onclick: () => showRequests() })))));
    renderCompose();
    renderHistoryButton();
    loadArticleState();
    loadIgnored().then(() => loadPage(true)).catch(error => status(error.message, "error"));
  }

  const closed = () => Boolean(state.article && state.article.closed);

  // Whether the article takes comments, and what readers should know before writing: closed, reviewed first, slow mode.
  async function loadArticleState() {
    state.article = await call("GET", `/api/articles/${encodeURIComponent(state.articleId)}/stats`).catch(() => null);
    renderNotice();
    renderCompose();
  }

  function renderNotice() {
    const notice = state.root.querySelector(".cm-notice");
    const article = state.article || {};
    const lines = [];
    if (article.closed) {
      lines.push(article.closedReason === "auto_close" && article.closesAt
        ? `Comments on this article are closed: they closed automatically on ${new Date(article.closesAt).toLocaleDateString()}.`
        : "Comments on this article are closed by the moderators.");
    } else {
      if (article.reviewedBeforePublishing) lines.push("Comments on this story are being reviewed before they appear.");
      if (article.slowModeSeconds > 0) lines.push(`Slow mode: one comment per reader every ${article.slowModeSeconds} seconds.`);
    }
    notice.textContent = lines.join(" ");
    notice.hidden = lines.length === 0;
  }

  function renderCompose() {
    const compose = state.root.querySelector(".cm-compose");
    compose.replaceChildren(closed() ? el("p", { text: "New comments and replies are not taken on this article." })
      : state.token ? buildForm(null) : el("p", { text: "Sign in to join the discussion." }));
  }

  // ---- The reader's own history ("My comments") and the readers they ignore (issue 20). ----
  const historyLabels = { pending: "Waiting for review", approved: "Published", held: "Held for review", rejected: "Not published", deleted: "Deleted by you" };

  function historyPanel() {
    const list = el("ol", { class: "cm-history-list" });
    const more = el("button", { type: "button", class: "cm-history-more", hidden: true, text: "More of my comments", onclick: () => loadHistory(false) });
    const ignored = el("ul", { class: "cm-ignored-list" });
    const panel = el("div", { id: "cm-history", class: "cm-history", role: "region", "aria-label": "My comments", hidden: true },
      el("h3", { text: "My comments" }), list, more,
      el("h4", { text: "Readers you ignore" }), ignored);
    const toggle = el("button", { type: "button", class: "cm-history-toggle", "aria-expanded": "false", "aria-controls": "cm-history", hidden: true, text: "My comments",
      onclick: () => {
        const open = panel.hidden;
        panel.hidden = !open;
        toggle.setAttribute("aria-expanded", String(open));
        if (open) { loadHistory(true).catch(error => status(error.message, "error")); renderIgnored(); list.focus(); }
      } });
    list.tabIndex = -1;
    return el("div", { class: "cm-history-box" }, toggle, panel);
  }

  function renderHistoryButton() {
    const toggle = state.root.querySelector(".cm-history-toggle");
    toggle.hidden = !state.token;
    if (!state.token) { state.root.querySelector(".cm-history").hidden = true; toggle.setAttribute("aria-expanded", "false"); }
  }

  async function loadHistory(reset) {
    const list = state.root.querySelector(".cm-history-list");
    if (reset) { state.historyCursor = null; list.replaceChildren(); }
    const page = await call("GET", `/api/me/comments?limit=10${state.historyCursor ? `&cursor=${encodeURIComponent(state.historyCursor)}` : ""}`, undefined, { fresh: true });
    for (const c of page.items) {
      list.append(el("li", { class: `cm-history-item cm-${c.status}`, "data-id": c.id },
        el("p", { class: "cm-meta" }, el("span", { class: "cm-badge", text: historyLabels[c.status] || c.status }), " · ",
          el("time", { datetime: c.createdAt, text: new Date(c.createdAt).toLocaleString() }), " · ", el("span", { class: "cm-history-article", text: c.articleId })),
        el("p", { class: "cm-body", text: c.body === null ? "This comment was deleted." : c.body }),
        c.reasons.map(r => el("p", { class: "cm-reason", text: r.message }))));
    }
    if (reset && !page.items.length) list.append(el("li", { class: "cm-empty", text: "You have not commented yet." }));
    state.historyCursor = page.nextCursor;
    state.root.querySelector(".cm-history-more").hidden = !page.nextCursor;
  }

  // The ids of the readers this reader ignores: their comments leave the listings (the API) and live events (state.ignored).
  async function loadIgnored() {
    state.ignored = new Set();
    state.ignoredNames = new Map();
    if (!state.token) return;
    const list = await call("GET", "/api/me/ignored", undefined, { fresh: true }).catch(() => []);
    for (const reader of list) { state.ignored.add(reader.userId); state.ignoredNames.set(reader.userId, reader.name || reader.userId); }
    renderIgnored();
  }

  function renderIgnored() {
    const box = state.root.querySelector(".cm-ignored-list");
    box.replaceChildren(...[...state.ignored].map(id => el("li", {}, el("span", { text: state.ignoredNames.get(id) || id }), " ",
      el("button", { type: "button", text: `Stop ignoring ${state.ignoredNames.get(id) || id}`, onclick: () => setIgnored(id, null, false) }))));
    if (!state.ignored.size) box.append(el("li", { class: "cm-empty", text: "Nobody." }));
  }

  const ignoreButton = comment => el("button", { type: "button", class: "cm-ignore", text: `Ignore ${comment.authorName}`,
    onclick: () => setIgnored(comment.authorId, comment.authorName, true) });

  async function setIgnored(userId, name, on) {
    try {
      await call(on ? "PUT" : "DELETE", `/api/me/ignored/${encodeURIComponent(userId)}`);
      if (on) { state.ignored.add(userId); state.ignoredNames.set(userId, name || userId); } else state.ignored.delete(userId);
      renderIgnored();
      await loadPage(true, true);
      status(on ? `You no longer see comments by ${name || userId}.` : `You see comments by ${state.ignoredNames.get(userId) || userId} again.`);
    } catch (error) { status(error.message, "error"); }
  }

  // ---- The help form asks what the system already knows while the reader fills it in (issue 20). ----
  function followHelpForm(form, category, message, box) {
    let timer = 0;
    let asked = null;
    const ask = async () => {
      const key = category.value;
      if (asked === key) return;
      asked = key;
      try {
        const preview = await call("POST", "/api/help-requests/preview", { category: key || null, articleId: state.articleId });
        form.dataset.previewId = preview.previewId;
        box.replaceChildren(el("p", { class: "cm-help-preview-title", text: "What we already know:" }),
          el("ul", {}, preview.answers.map(a => el("li", { class: `cm-answer cm-answer-${a.kind}`, text: a.message }))),
          el("p", { class: "cm-help-preview-still", text: "If this does not answer your question, send your message below." }));
      } catch { asked = null; box.replaceChildren(); }
    };
    category.addEventListener("change", ask);
    message.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(ask, 800); });
  }

  window.CommentsEmbed = {
    /** Passes the host site's signed token for the current reader (a JWT); call again with null to sign out. */
    signIn(token) {
      state.token = token || null;
      state.userId = token ? subjectOf(token) : null;
      if (state.root) { renderCompose(); loadArticleState(); loadIgnored().then(() => loadPage(true)).catch(error => status(error.message, "error")); showRequests(); renderHistoryButton(); }
    },
  };

  const root = document.getElementById("comments");
  if (root) mount(root);
})();

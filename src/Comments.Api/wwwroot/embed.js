// The comment section a news site embeds under an article:
//   <div id="comments" data-article-id="ARTICLE-KEY" data-lang="de"></div>   // data-lang optional: else the browser's language
//   <script src="https://COMMENTS-HOST/embed.js"></script>
//   <script>CommentsEmbed.signIn(tokenFromYourSite)</script>   // a signed-in reader; omit for anonymous readers
// Every piece of comment text is set with textContent: nothing a reader writes is ever parsed as HTML.
(() => {
  "use strict";
  const script = document.currentScript;
  const api = new URL(".", script ? script.src : location.href).href.replace(/\/$/, "");
  const state = { token: null, userId: null, articleId: null, root: null, cursor: null, sort: "newest", mine: new Map(), article: null, lang: "en", ignored: new Set(), ignoredNames: new Map(), historyCursor: null };

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

  // Every sentence the reader sees is the catalogue's (GET /api/texts: its embed.* keys in the reader's language,
  // src/Comments.Moderation/Language/ReaderText*.resx); {name} placeholders are filled from values.
  const texts = { lang: undefined, values: {} };
  const t = (key, values = {}) => (texts.values[key] ?? key).replace(/\{(\w+)\}/g, (whole, name) => name in values ? String(values[name]) : whole);

  // options.fresh: past every cache (the browser's and the API's), for right after a change the reader knows of.
  // options.headers: more request headers. A failed answer throws an Error carrying its status and Retry-After.
  async function call(method, path, body, options = {}) {
    const headers = { Accept: "application/json", "Accept-Language": state.lang, ...options.headers };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (state.token) headers.Authorization = `Bearer ${state.token}`;
    const response = await fetch(api + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: options.fresh ? "reload" : "default" });
    const data = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) {
      const detail = data && (data.detail || (data.errors && Object.values(data.errors).flat().join(" ")) || data.title);
      throw Object.assign(new Error(detail || t("embed.error.request_failed", { status: response.status })),
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
        status(t("embed.retry.busy", { seconds }), "warn");
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
    const body = comment.deleted ? el("p", { class: "cm-body cm-deleted", text: t(comment.erased ? "embed.comment.erased" : "embed.comment.deleted") }) : el("p", { class: "cm-body", text: comment.body });
    const meta = el("div", { class: "cm-meta" },
      el("strong", { text: comment.authorName }), authorBadge(comment), " · ", el("time", { datetime: comment.createdAt, text: new Date(comment.createdAt).toLocaleString(texts.lang) }),
      comment.edited ? el("span", { class: "cm-edited", text: ` · ${t("embed.comment.edited")}` }) : null, featuredMark(comment),
      comment.status !== "approved" ? el("span", { class: `cm-badge cm-${comment.status}`, text: comment.status === "approved" ? "" : statusLabel(comment.status) }) : null);
    const reasons = (comment.reasons || []).map(r => el("p", { class: "cm-reason", text: r.message }));
    const actions = el("div", { class: "cm-actions" });
    const node = el("article", { class: "cm-comment", "data-id": comment.id, "data-depth": depth }, meta, body, reasons, actions);
    if (!comment.deleted && comment.status === "approved" && state.token) {
      actions.append(...[
        el("button", { type: "button", class: "cm-respect", "aria-pressed": "false", text: t("embed.respect.button", { count: comment.respectCount }), onclick: e => toggleRespect(comment, e.currentTarget) }),
        depth < 2 && !closed() ? el("button", { type: "button", text: t("embed.reply.button"), onclick: () => openForm(node, comment.id) }) : null,
        own ? null : el("button", { type: "button", text: t("embed.report.button"), onclick: () => openReport(node, comment.id) }),
        own ? null : ignoreButton(comment)].filter(Boolean));
    }
    if (own && !comment.deleted && state.token) {
      actions.append(
        closed() ? "" : el("button", { type: "button", text: t("embed.edit.button"), onclick: () => openForm(node, null, comment) }),
        el("button", { type: "button", text: t("embed.delete.button"), onclick: () => remove(comment.id) }));
    }
    if (!comment.deleted && comment.status === "approved" && !own) actions.append(noticeButton(node, comment.id));
    const replies = el("div", { class: "cm-replies" }, (comment.replies || []).map(r => commentNode(r, depth + 1)));
    if ((comment.replyCount || 0) > (comment.replies || []).length) {
      replies.append(el("button", { type: "button", class: "cm-more-replies", text: t("embed.replies.show_all", { count: comment.replyCount }), onclick: e => loadReplies(comment, replies, e.currentTarget) }));
    }
    node.append(replies);
    return node;
  }

  // Staff, journalists and moderators are named in words beside their name (as the token said when they posted).
  const badgeLabels = () => ({ staff: t("embed.badge.staff"), journalist: t("embed.badge.journalist"), moderator: t("embed.badge.moderator") });
  const authorBadge = comment => comment.authorBadge
    ? el("span", { class: `cm-author-badge cm-author-${comment.authorBadge}`, text: badgeLabels()[comment.authorBadge] || comment.authorBadge }) : null;
  const featuredMark = comment => comment.featured ? el("span", { class: "cm-featured", text: t("embed.comment.featured") }) : null;

  // The listing's order: the API's sorts, with the editors' picks and the most respected (docs/how-it-works.md).
  function sortControl() {
    const select = el("select", { id: "cm-sort", class: "cm-sort" },
      [["newest", t("embed.sort.newest")], ["oldest", t("embed.sort.oldest")], ["most_replied", t("embed.sort.most_replied")], ["best", t("embed.sort.best")],
        ["featured", t("embed.sort.featured")]]
        .map(([value, text]) => el("option", { value, text })));
    select.value = state.sort;
    select.addEventListener("change", () => { state.sort = select.value; loadPage(true).catch(error => status(error.message, "error")); });
    return el("div", { class: "cm-sorts" }, el("label", { for: "cm-sort", text: t("embed.sort.label") }), select);
  }

  const statusLabel = s => ({ pending: t("embed.status.pending"), held: t("embed.status.held"), rejected: t("embed.status.rejected") }[s] || s);

  async function loadReplies(comment, container, button) {
    const page = await call("GET", `/api/comments/${comment.id}/replies?limit=100`);
    container.replaceChildren(...page.items.map(r => commentNode(r, 1)));
    button.remove();
  }

  async function loadPage(reset, fresh) {
    const list = state.root.querySelector(".cm-list");
    if (reset) { state.cursor = null; list.replaceChildren(); }
    const query = `?limit=20&sort=${state.sort}${state.cursor ? `&cursor=${encodeURIComponent(state.cursor)}` : ""}`;
    const page = await (takeFirstPage() || call("GET", `/api/articles/${encodeURIComponent(state.articleId)}/comments${query}`, undefined, { fresh }));
    for (const comment of page.items) {
      state.mine.delete(comment.id);
      list.append(commentNode(comment));
    }
    state.cursor = page.nextCursor;
    if (reset && !page.items.length && state.sort === "featured") list.append(el("p", { class: "cm-empty", text: t("embed.sort.featured_empty") }));
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
        if (comment.status === "approved") { state.mine.delete(id); await loadPage(true, true); status(t("embed.post.published")); }
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
      el("label", { for: id, text: editing ? t("embed.form.edit") : parentId ? t("embed.form.reply") : t("embed.form.new") }), textarea, nudge,
      el("button", { type: "submit", text: editing ? t("embed.save.button") : t("embed.post.button") }));
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
            nudge.textContent = t("embed.post.nudge", { warnings: check.warnings.map(w => w.message).join("; ") });
            return;
          }
        }
        const accepted = editing
          ? await call("PATCH", `/api/comments/${editing.id}`, { body })
          : await postComment(body, parentId, posting.key);
        posting = { key: "", body: "" };
        const mine = { id: accepted.id, body, status: "pending", authorId: state.userId, authorName: t("embed.comment.you"), createdAt: new Date().toISOString(), reasons: [], replies: [] };
        state.mine.set(accepted.id, mine);
        renderMine();
        status(t("embed.post.waiting"));
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
      button.textContent = t("embed.respect.button", { count: result.respectCount });
    } catch (error) { status(error.message, "error"); }
  }

  function openReport(anchor, commentId) {
    anchor.querySelector(":scope > .cm-report")?.remove();
    const id = `cm-reason-${commentId}`;
    const select = el("select", { id },
      Object.entries(reportReasons()).map(([value, text]) => el("option", { value, text })));
    const form = el("form", { class: "cm-report" }, el("label", { for: id, text: t("embed.report.label") }), select,
      el("button", { type: "submit", text: t("embed.report.send") }));
    form.addEventListener("submit", async event => {
      event.preventDefault();
      try { await call("POST", `/api/comments/${commentId}/reports`, { reason: select.value }); status(t("embed.report.thanks")); form.remove(); }
      catch (error) { status(error.message, "error"); }
    });
    anchor.append(form);
    select.focus();
  }

  // Digital Services Act article 16: anyone, signed in or not, tells the site a comment is illegal. A form of its own,
  // apart from Report (the site's rules); the legal grounds are the site's list (GET /api/legal/notice-categories).
  const noticeButton = (anchor, commentId) => el("button", { type: "button", class: "cm-notice-open", text: t("embed.notice.button"),
    onclick: event => openNotice(anchor, commentId, event.currentTarget) });

  async function openNotice(anchor, commentId, opener) {
    anchor.querySelector(":scope > .cm-notice")?.remove();
    let categories;
    try { categories = await call("GET", "/api/legal/notice-categories"); } catch (error) { status(error.message, "error"); return; }
    const id = part => `cm-notice-${part}-${commentId}`;
    const category = el("select", { id: id("category"), required: true }, categories.map(c => el("option", { value: c.code, text: c.label })));
    const explanation = el("textarea", { id: id("explanation"), rows: "4", minlength: "10", maxlength: "4000", required: true });
    const name = el("input", { id: id("name"), autocomplete: "name", maxlength: "200" });
    const email = el("input", { id: id("email"), type: "email", autocomplete: "email", maxlength: "254" });
    const optional = el("p", { class: "cm-notice-optional", text: t("embed.notice.identity_optional") });
    const goodFaith = el("input", { id: id("good-faith"), type: "checkbox", required: true });
    const result = el("p", { class: "cm-notice-result", role: "status" });
    const close = () => { form.remove(); opener.focus(); };
    const form = el("form", { class: "cm-notice", "aria-labelledby": id("heading") },
      el("h3", { id: id("heading"), text: t("embed.notice.heading") }), el("p", { text: t("embed.notice.intro") }),
      el("label", { for: category.id, text: t("embed.notice.category") }), category,
      el("label", { for: explanation.id, text: t("embed.notice.explanation") }), explanation,
      el("label", { for: name.id, text: t("embed.notice.name") }), name,
      el("label", { for: email.id, text: t("embed.notice.email") }), email, optional,
      el("p", {}, goodFaith, " ", el("label", { for: goodFaith.id, text: t("embed.notice.good_faith") })),
      el("button", { type: "submit", text: t("embed.notice.send") }), el("button", { type: "button", text: t("embed.notice.cancel"), onclick: close }), result);
    // A signed-in reader's name and address come from their token; the exempt grounds need neither.
    const identity = () => {
      const exempt = Boolean(categories.find(c => c.code === category.value)?.identityOptional);
      optional.hidden = !exempt;
      name.required = email.required = !exempt && !state.token;
    };
    category.addEventListener("change", identity);
    identity();
    form.addEventListener("keydown", event => { if (event.key === "Escape") close(); });
    form.addEventListener("submit", async event => {
      event.preventDefault();
      const given = value => value.trim() || undefined;
      try {
        const answer = await call("POST", `/api/comments/${commentId}/notices`,
          { category: category.value, explanation: explanation.value, name: given(name.value), email: given(email.value), goodFaith: goodFaith.checked });
        form.replaceChildren(result);
        result.textContent = answer.message;
        result.tabIndex = -1;
        result.focus();
      } catch (error) { result.textContent = error.message; }
    });
    anchor.append(form);
    category.focus();
  }

  async function remove(id) {
    if (!confirm(t("embed.delete.confirm"))) return;
    try { await call("DELETE", `/api/comments/${id}`); state.mine.delete(id); await loadPage(true, true); status(t("embed.delete.done")); }
    catch (error) { status(error.message, "error"); }
  }

  function helpForm() {
    const message = el("textarea", { id: "cm-help-message", rows: "4", minlength: "10", maxlength: "5000", required: true });
    const email = el("input", { id: "cm-help-email", type: "email", autocomplete: "email" });
    const category = el("select", { id: "cm-help-category" }, el("option", { value: "", text: t("embed.help.topic.choose") }),
      Object.entries(helpTopics()).map(([value, text]) => el("option", { value, text })));
    const result = el("p", { class: "cm-help-result", role: "status" });
    const preview = el("div", { class: "cm-help-preview", role: "status", "aria-live": "polite" });
    const form = el("form", { class: "cm-help", hidden: true },
      el("label", { for: "cm-help-category", text: t("embed.help.topic") }), category,
      el("label", { for: "cm-help-message", text: t("embed.help.message") }), message,
      el("label", { for: "cm-help-email", text: t("embed.help.email") }), email,
      preview, el("button", { type: "submit", text: t("embed.help.send") }), result);
    followHelpForm(form, category, message, preview);
    form.addEventListener("submit", async event => {
      event.preventDefault();
      try {
        const accepted = await call("POST", "/api/help-requests", {
          message: message.value, email: email.value || null, category: category.value || null, articleId: state.articleId, page: location.href,
          previewId: form.dataset.previewId || null });
        result.textContent = accepted.accessToken
          ? t("embed.help.sent_with_code", { reference: accepted.reference, code: accepted.accessToken })
          : t("embed.help.sent", { reference: accepted.reference });
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
      el("p", { text: requestLine(r) }),
      el("ul", {}, r.thread.filter(e => e.kind === "reply" || e.kind === "outcome").map(e => el("li", { text: e.body || "" }))))));
    box.hidden = requests.length === 0;
  }

  // Live discussion: the article's event stream (GET /api/articles/{id}/events). New comments and replies wait behind
  // a "3 new comments" button, so nothing moves under the reader; edits, deletions and reply counts change in place.
  // New arrivals are announced in a polite live region; focus never moves until the reader presses the button.
  const live = { pending: new Map(), source: null };

  const liveText = {
    newComments: n => n === 1 ? t("embed.live.new_one") : t("embed.live.new_many", { count: n }),
    announce: n => n === 1 ? t("embed.live.announce_one") : t("embed.live.announce_many", { count: n }),
    reload: () => t("embed.live.reload"),
  };

  function liveControls() {
    return el("div", { class: "cm-live" },
      el("button", { type: "button", class: "cm-new-comments", hidden: true, onclick: showNewComments }),
      el("p", { class: "cm-live-announce cm-visually-hidden", "aria-live": "polite" }));
  }

  function startLive() {
    if (!window.EventSource || live.source) return;
    // EventSource sends no headers of ours: the language goes in the query (the API reads ?lang= before Accept-Language).
    const source = new EventSource(`${api}/api/articles/${encodeURIComponent(state.articleId)}/events?lang=${encodeURIComponent(state.lang)}`);
    live.source = source;
    source.addEventListener("comment", event => liveComment(JSON.parse(event.data)));
    source.addEventListener("removed", event => liveRemoved(JSON.parse(event.data)));
    // Events were missed beyond what the server keeps (or it restarted): offer to reload the listing.
    source.addEventListener("reset", () => { live.pending.clear(); live.stale = true; renderNewButton(); });
    // Refused (the server's stream cap) or gone for good: try again in a while; the listing still works.
    source.addEventListener("error", () => {
      if (source.readyState === EventSource.CLOSED) { live.source = null; setTimeout(startLive, 30_000); }
    });
  }

  const commentElement = id => state.root.querySelector(`.cm-comment[data-id="${CSS.escape(id)}"]`);

  function liveComment({ comment, parentId, parentReplyCount }) {
    if (state.ignored?.has(comment.authorId)) return;
    if (parentId) updateReplyCount(parentId, parentReplyCount);
    const existing = commentElement(comment.id);
    if (existing && !existing.closest(".cm-mine")) { replaceComment(existing, comment); return; }
    // The reader's own comment is shown by follow() when it is published.
    if (comment.authorId === state.userId) return;
    live.pending.set(comment.id, comment);
    renderNewButton(true);
  }

  function liveRemoved({ commentId, parentId, parentReplyCount }) {
    if (parentId) updateReplyCount(parentId, parentReplyCount);
    if (live.pending.delete(commentId)) renderNewButton();
    const existing = commentElement(commentId);
    if (existing && !existing.closest(".cm-mine")) existing.remove();
  }

  // An edit, a deletion that keeps its replies, a new pick: the comment's own part changes, its replies stay.
  function replaceComment(existing, comment) {
    const replacement = commentNode({ ...comment, replies: [], replyCount: 0 }, Number(existing.dataset.depth) || 0);
    replacement.querySelector(":scope > .cm-replies").replaceWith(existing.querySelector(":scope > .cm-replies"));
    existing.replaceWith(replacement);
  }

  function updateReplyCount(parentId, count) {
    const more = commentElement(parentId)?.querySelector(":scope > .cm-replies > .cm-more-replies");
    if (more && typeof count === "number") more.textContent = t("embed.replies.show_all", { count });
  }

  function renderNewButton(announce) {
    const button = state.root.querySelector(".cm-new-comments");
    const count = live.pending.size;
    button.textContent = live.stale ? liveText.reload() : liveText.newComments(count);
    button.hidden = !live.stale && count === 0;
    if (announce && count > 0) state.root.querySelector(".cm-live-announce").textContent = liveText.announce(count);
  }

  // Inserts what arrived (top-level comments at the top of the newest-first list, replies under their parent) and
  // keeps the comment the reader was looking at where it was on the screen.
  async function showNewComments() {
    if (live.stale) { live.stale = false; renderNewButton(); await loadPage(true, true); return; }
    const list = state.root.querySelector(".cm-list");
    const anchor = [...list.querySelectorAll(".cm-comment")].find(node => node.getBoundingClientRect().bottom > 0);
    const before = anchor?.getBoundingClientRect().top;
    let first = null;
    for (const comment of live.pending.values()) {
      if (commentElement(comment.id)) continue;
      const parent = comment.parentId ? commentElement(comment.parentId) : null;
      if (comment.parentId && !parent) continue; // its thread is not on the page: it comes with "Show all replies"
      const node = commentNode(comment, parent ? Number(parent.dataset.depth) + 1 : 0);
      if (parent) { const replies = parent.querySelector(":scope > .cm-replies"); replies.insertBefore(node, replies.querySelector(":scope > .cm-more-replies")); }
      else if (state.sort === "oldest") { if (state.cursor) continue; list.append(node); }
      else list.prepend(node);
      first ??= node;
    }
    live.pending.clear();
    renderNewButton();
    if (anchor && anchor.isConnected) window.scrollBy(0, anchor.getBoundingClientRect().top - before);
    if (first) { first.tabIndex = -1; first.focus({ preventScroll: true }); }
  }

  // The bell: a signed-in reader's notifications (replies, editors' picks, decisions, support's answers) with the unread
  // count in its accessible name; opening the list marks them read. Beside the list, the reader's mail settings.
  const notifications = { items: [], unread: 0, open: false };

  async function loadNotifications() {
    if (!state.token) { notifications.items = []; notifications.unread = 0; renderBell(); return; }
    const page = await call("GET", "/api/me/notifications?limit=20").catch(() => null);
    if (page) { notifications.items = page.items; notifications.unread = page.unread; }
    renderBell();
  }

  function renderBell() {
    const box = state.root.querySelector(".cm-notifications");
    if (!state.token) { box.replaceChildren(); notifications.open = false; return; }
    let button = box.querySelector(".cm-bell");
    if (!button) {
      button = el("button", { type: "button", class: "cm-bell", "aria-expanded": "false", "aria-controls": "cm-notification-panel", onclick: () => toggleNotifications(),
        onkeydown: event => { if (event.key === "Escape" && notifications.open) toggleNotifications(false); } });
      const panel = el("div", { id: "cm-notification-panel", class: "cm-notification-panel", role: "region", "aria-label": t("embed.notifications.region"), hidden: true,
        onkeydown: event => { if (event.key === "Escape") toggleNotifications(false); } },
        el("ul", { class: "cm-notification-list" }), preferencesForm());
      box.replaceChildren(button, panel);
    }
    const count = notifications.unread;
    // The visible text is the accessible name (WCAG 2.5.3: an aria-label that differs from what is shown fails axe's
    // label-content-name-mismatch); the count inside it is the badge.
    const [before, after] = t("embed.notifications.label", { count: "\u0000" }).split("\u0000");
    button.replaceChildren(before, el("span", { class: count ? "cm-bell-count" : "", text: String(count) }), after ?? "");
    box.querySelector(".cm-notification-list").replaceChildren(...(notifications.items.length
      ? notifications.items.map(n => el("li", { class: n.read ? "cm-notification" : "cm-notification cm-unread" },
          el("span", { text: n.text }), " ", el("time", { datetime: n.createdAt, text: new Date(n.createdAt).toLocaleString(texts.lang) })))
      : [el("li", { class: "cm-notification", text: t("embed.notifications.empty") })]));
  }

  async function toggleNotifications(open = !notifications.open) {
    const button = state.root.querySelector(".cm-bell");
    const panel = state.root.querySelector(".cm-notification-panel");
    notifications.open = open;
    button.setAttribute("aria-expanded", String(open));
    panel.hidden = !open;
    if (!open) { button.focus(); return; }
    await loadNotifications();
    loadPreferences();
    const newest = notifications.items[0];
    if (newest && notifications.unread > 0) {
      const result = await call("POST", "/api/me/notifications/read", { upTo: newest.id }).catch(() => null);
      if (result) { notifications.unread = result.unread; notifications.items.forEach(n => { n.read = true; }); renderBell(); }
    }
  }

  function preferencesForm() {
    const email = el("input", { id: "cm-pref-email", type: "email", autocomplete: "email", maxlength: "254" });
    const mail = el("input", { id: "cm-pref-mail", type: "checkbox" });
    const result = el("p", { class: "cm-pref-result", role: "status" });
    // Disabled until the saved settings have loaded, so that they never overwrite what the reader is typing.
    const form = el("form", { class: "cm-preferences" },
      el("fieldset", { class: "cm-pref-fields", disabled: true }, el("legend", { text: t("embed.preferences.legend") }),
        el("label", { for: "cm-pref-email", text: t("embed.preferences.email") }), email,
        el("label", { class: "cm-check" }, mail, " ", t("embed.preferences.mail")),
        el("button", { type: "submit", text: t("embed.preferences.save") })), result);
    form.addEventListener("submit", async event => {
      event.preventDefault();
      try {
        await call("PUT", "/api/me/preferences", { email: email.value || null, mailEnabled: mail.checked });
        result.textContent = mail.checked && email.value ? t("embed.preferences.saved_on") : t("embed.preferences.saved_off");
      } catch (error) { result.textContent = error.message; }
    });
    return form;
  }

  async function loadPreferences() {
    const fields = state.root.querySelector(".cm-pref-fields");
    if (!fields.disabled) return;
    const preferences = await call("GET", "/api/me/preferences").catch(() => null);
    if (preferences) {
      state.root.querySelector("#cm-pref-email").value = preferences.email || "";
      state.root.querySelector("#cm-pref-mail").checked = preferences.saved ? preferences.mailEnabled : false;
    }
    fields.disabled = false;
  }

  // While the page is open and visible, the count is fetched again now and then (a cheap query for one reader).
  setInterval(() => { if (state.token && state.root && !document.hidden && !notifications.open) loadNotifications(); }, 60_000);

  function mount(root) {
    state.root = root;
    state.articleId = root.dataset.articleId;
    const help = helpForm();
    root.replaceChildren(
      el("section", { class: "cm", "aria-label": t("embed.heading"), lang: texts.lang },
        el("h2", { text: t("embed.heading") }),
        el("div", { class: "cm-notifications" }),
        el("p", { class: "cm-notice", role: "note", hidden: true }),
        el("p", { class: "cm-status", role: "status", "aria-live": "polite" }),
        el("div", { class: "cm-compose" }),
        historyPanel(),
        statementsPanel(),
        el("div", { class: "cm-mine", role: "group", "aria-label": t("embed.mine.label") }),
        sortControl(),
        liveControls(),
        el("div", { class: "cm-list" }),
        el("button", { type: "button", class: "cm-load-more", hidden: true, text: t("embed.load_more"), onclick: () => loadPage(false) }),
        el("footer", { class: "cm-footer" },
          el("button", { type: "button", class: "cm-help-link", text: t("embed.help.link"),
            onclick: () => { help.hidden = !help.hidden; if (!help.hidden) help.querySelector("select").focus(); } }),
          help,
          el("div", { class: "cm-requests", hidden: true, role: "group", "aria-label": t("embed.requests.heading") },
            el("h3", { text: t("embed.requests.heading") }), el("div", { class: "cm-request-list" }),
            el("button", { type: "button", text: t("embed.requests.refresh"), onclick: () => showRequests() })))));
    renderCompose();
    renderHistoryButton();
    loadArticleState();
    loadIgnored();
    loadPage(true).catch(error => status(error.message, "error"));
    startLive();
    loadNotifications();
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
        ? t("embed.notice.closed_auto", { date: new Date(article.closesAt).toLocaleDateString(texts.lang) })
        : t("embed.notice.closed"));
    } else {
      if (article.reviewedBeforePublishing) lines.push(t("embed.notice.reviewed"));
      if (article.slowModeSeconds > 0) lines.push(t("embed.notice.slow_mode", { seconds: article.slowModeSeconds }));
    }
    notice.textContent = lines.join(" ");
    notice.hidden = lines.length === 0;
  }

  // Drawn again when the reader signs in or the article's state arrives: a draft typed meanwhile is kept.
  function renderCompose() {
    const compose = state.root.querySelector(".cm-compose");
    const draft = compose.querySelector("textarea")?.value;
    compose.replaceChildren(closed() ? el("p", { text: t("embed.compose.closed") })
      : state.token ? buildForm(null) : el("p", { text: t("embed.compose.sign_in") }));
    const textarea = compose.querySelector("textarea");
    if (draft && textarea && !textarea.value) textarea.value = draft;
  }

  // ---- The reader's own history ("My comments") and the readers they ignore (issue 20). ----
  const historyStatuses = () => ({
    pending: t("embed.history.status.pending"), approved: t("embed.history.status.approved"), held: t("embed.history.status.held"),
    rejected: t("embed.history.status.rejected"), deleted: t("embed.history.status.deleted") });

  function historyPanel() {
    const list = el("ol", { class: "cm-history-list" });
    const more = el("button", { type: "button", class: "cm-history-more", hidden: true, text: t("embed.history.more"), onclick: () => loadHistory(false) });
    const ignored = el("ul", { class: "cm-ignored-list" });
    const panel = el("div", { id: "cm-history", class: "cm-history", role: "region", "aria-label": t("embed.history.title"), hidden: true },
      el("h3", { text: t("embed.history.title") }), list, more,
      el("h4", { text: t("embed.ignored.heading") }), ignored, yourDataPart());
    const toggle = el("button", { type: "button", class: "cm-history-toggle", "aria-expanded": "false", "aria-controls": "cm-history", hidden: true, text: t("embed.history.title"),
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
    renderStatementsButton();
  }

  async function loadHistory(reset) {
    const list = state.root.querySelector(".cm-history-list");
    if (reset) { state.historyCursor = null; list.replaceChildren(); }
    const page = await call("GET", `/api/me/comments?limit=10${state.historyCursor ? `&cursor=${encodeURIComponent(state.historyCursor)}` : ""}`, undefined, { fresh: true });
    for (const c of page.items) {
      list.append(el("li", { class: `cm-history-item cm-${c.status}`, "data-id": c.id },
        el("p", { class: "cm-meta" }, el("span", { class: "cm-badge", text: historyStatuses()[c.status] || c.status }), " · ",
          el("time", { datetime: c.createdAt, text: new Date(c.createdAt).toLocaleString(texts.lang) }), " · ", el("span", { class: "cm-history-article", text: c.articleId })),
        el("p", { class: "cm-body", text: c.body === null ? t("embed.comment.deleted") : c.body }),
        c.reasons.map(r => el("p", { class: "cm-reason", text: r.message }))));
    }
    if (reset && !page.items.length) list.append(el("li", { class: "cm-empty", text: t("embed.history.empty") }));
    state.historyCursor = page.nextCursor;
    state.root.querySelector(".cm-history-more").hidden = !page.nextCursor;
  }

  // ---- Decisions about the reader's comments and account: statements of reasons and complaints (issue 21, DSA 17 and 20). ----
  function statementsPanel() {
    const list = el("ol", { class: "cm-statement-list", tabindex: "-1" });
    const more = el("button", { type: "button", class: "cm-statements-more", hidden: true, text: t("embed.statements.more"), onclick: () => loadStatements(false) });
    const panel = el("div", { id: "cm-statements", class: "cm-statements", role: "region", "aria-label": t("embed.statements.title"), hidden: true },
      el("h3", { text: t("embed.statements.title") }), list, more);
    const toggle = el("button", { type: "button", class: "cm-statements-toggle", "aria-expanded": "false", "aria-controls": "cm-statements", hidden: true,
      text: t("embed.statements.title"),
      onclick: () => {
        const open = panel.hidden;
        panel.hidden = !open;
        toggle.setAttribute("aria-expanded", String(open));
        if (open) { loadStatements(true).catch(error => status(error.message, "error")); list.focus(); }
      } });
    return el("div", { class: "cm-statements-box" }, toggle, panel);
  }

  function renderStatementsButton() {
    const toggle = state.root.querySelector(".cm-statements-toggle");
    toggle.hidden = !state.token;
    if (!state.token) { state.root.querySelector(".cm-statements").hidden = true; toggle.setAttribute("aria-expanded", "false"); }
  }

  async function loadStatements(reset) {
    const list = state.root.querySelector(".cm-statement-list");
    if (reset) { state.statementsCursor = null; list.replaceChildren(); }
    const page = await call("GET", `/api/me/statements?limit=10${state.statementsCursor ? `&cursor=${encodeURIComponent(state.statementsCursor)}` : ""}`, undefined, { fresh: true });
    for (const s of page.items) list.append(statementNode(s));
    if (reset && !page.items.length) list.append(el("li", { class: "cm-empty", text: t("embed.statements.empty") }));
    state.statementsCursor = page.nextCursor;
    state.root.querySelector(".cm-statements-more").hidden = !page.nextCursor;
  }

  // What was restricted, the facts, how automated means took part, the ground, and how to complain (or the complaint's state).
  function statementNode(s) {
    const item = el("li", { class: `cm-statement cm-${s.restriction}`, "data-id": s.id },
      el("p", { class: "cm-meta" }, el("span", { text: t("embed.statements.reference", { reference: s.reference }) }), " · ",
        el("time", { datetime: s.issuedAt, text: new Date(s.issuedAt).toLocaleString(texts.lang) })),
      el("p", { class: "cm-statement-summary", text: s.summary }),
      el("ul", { class: "cm-statement-facts" }, s.facts.map(f => el("li", { text: f.message }))),
      el("p", { text: s.automationText }), el("p", { text: s.groundText }),
      el("p", { class: "cm-statement-redress", text: s.complaint ? s.complaint.text : s.redress }));
    if (s.complaint && s.complaint.outcomeReason) item.append(el("p", { class: "cm-reason", text: s.complaint.outcomeReason }));
    if (s.canComplain) item.append(complaintForm(s, item));
    return item;
  }

  function complaintForm(s, item) {
    const id = `cm-complaint-${s.id}`;
    const message = el("textarea", { id, maxlength: "4000", rows: "3", required: true });
    const form = el("form", { class: "cm-complaint", hidden: true,
      onsubmit: async event => {
        event.preventDefault();
        try {
          const complaint = await call("POST", `/api/me/statements/${s.id}/complaint`, { message: message.value });
          item.replaceWith(statementNode({ ...s, canComplain: false, complaint }));
          status(t("embed.statements.complaint.sent", { reference: complaint.helpRequestReference }));
        } catch (error) { status(error.message, "error"); }
      } },
      el("label", { for: id, text: t("embed.statements.complaint.label") }), message,
      el("button", { type: "submit", text: t("embed.statements.complaint.send") }));
    const open = el("button", { type: "button", class: "cm-complain", "aria-expanded": "false", "aria-controls": `${id}-form`, text: t("embed.statements.complain"),
      onclick: () => { form.hidden = !form.hidden; open.setAttribute("aria-expanded", String(!form.hidden)); if (!form.hidden) message.focus(); } });
    form.id = `${id}-form`;
    return el("div", { class: "cm-complain-box" }, open, form);
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
      el("button", { type: "button", text: t("embed.ignored.stop", { name: state.ignoredNames.get(id) || id }), onclick: () => setIgnored(id, null, false) }))));
    if (!state.ignored.size) box.append(el("li", { class: "cm-empty", text: t("embed.ignored.none") }));
  }

  const ignoreButton = comment => el("button", { type: "button", class: "cm-ignore", text: t("embed.ignore.button", { name: comment.authorName }),
    onclick: () => setIgnored(comment.authorId, comment.authorName, true) });

  async function setIgnored(userId, name, on) {
    try {
      await call(on ? "PUT" : "DELETE", `/api/me/ignored/${encodeURIComponent(userId)}`);
      if (on) { state.ignored.add(userId); state.ignoredNames.set(userId, name || userId); } else state.ignored.delete(userId);
      renderIgnored();
      await loadPage(true, true);
      status(on ? t("embed.ignore.done", { name: name || userId }) : t("embed.ignore.undone", { name: state.ignoredNames.get(userId) || userId }));
    } catch (error) { status(error.message, "error"); }
  }

  // ---- "Your data" (issue 21): download it as one JSON file (GET /api/me/data), or erase it in two steps
  // (POST /api/me/erase answers a short-lived code; sending it back schedules the erasure). ----
  function yourDataPart() {
    const confirm = el("div", { class: "cm-erase-confirm", hidden: true });
    return el("div", { class: "cm-your-data", role: "group", "aria-label": t("embed.data.heading") },
      el("h4", { text: t("embed.data.heading") }),
      el("p", { text: t("embed.data.intro") }),
      el("button", { type: "button", class: "cm-data-download", text: t("embed.data.download"), onclick: downloadData }),
      el("button", { type: "button", class: "cm-data-erase", text: t("embed.data.erase"), onclick: () => startErasure(confirm) }),
      confirm);
  }

  async function downloadData() {
    try {
      const response = await fetch(api + "/api/me/data", { headers: { Accept: "application/json", Authorization: `Bearer ${state.token}` }, cache: "reload" });
      if (!response.ok) throw new Error(t("embed.error.request_failed", { status: response.status }));
      const url = URL.createObjectURL(await response.blob());
      const link = el("a", { href: url, download: "my-comments-data.json", hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      status(t("embed.data.downloaded"));
    } catch (error) { status(error.message, "error"); }
  }

  async function startErasure(box) {
    try {
      const { confirmation } = await call("POST", "/api/me/erase", {});
      const yes = el("button", { type: "button", class: "cm-erase-yes", text: t("embed.data.erase.confirm"), onclick: () => confirmErasure(box, confirmation) });
      box.replaceChildren(el("p", { class: "cm-erase-warning", role: "alert", text: t("embed.data.erase.warning") }), yes,
        el("button", { type: "button", text: t("embed.data.erase.cancel"), onclick: () => { box.hidden = true; box.replaceChildren(); } }));
      box.hidden = false;
      yes.focus();
    } catch (error) { status(error.message, "error"); }
  }

  async function confirmErasure(box, confirmation) {
    try {
      const scheduled = await call("POST", "/api/me/erase", { confirmation });
      box.replaceChildren(el("p", { class: "cm-erase-done", role: "status", text: t("embed.data.erase.scheduled", { due: new Date(scheduled.dueBy).toLocaleString(texts.lang) }) }));
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
        box.replaceChildren(el("p", { class: "cm-help-preview-title", text: t("embed.help.preview.title") }),
          el("ul", {}, preview.answers.map(a => el("li", { class: `cm-answer cm-answer-${a.kind}`, text: a.message }))),
          el("p", { class: "cm-help-preview-still", text: t("embed.help.preview.still") }));
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
      if (state.root) { renderCompose(); loadArticleState(); loadIgnored(); loadPage(true).catch(error => status(error.message, "error")); showRequests(); loadNotifications(); renderHistoryButton(); }
    },
  };

  // The reader's language: the container's data-lang, else the browser's; every API call says it in Accept-Language.
  // The first page of comments is asked for while the sentences load, so they do not delay the first paint.
  async function start(root) {
    state.lang = root.dataset.lang || navigator.language || "en";
    state.firstPage = call("GET", `/api/articles/${encodeURIComponent(root.dataset.articleId)}/comments?limit=20&sort=${state.sort}`);
    state.firstPage.catch(() => {}); // answered by the first loadPage
    try {
      const answer = await call("GET", `/api/texts?lang=${encodeURIComponent(state.lang)}`);
      Object.assign(texts, { lang: answer.lang, values: answer.texts });
    } catch { /* the keys stand in for the sentences */ }
    mount(root);
    if (state.token) showRequests(); // signed in while the sentences loaded
    announceHelpToggle();
  }

  // The footer's help link shows and hides the help form: screen readers are told which, and what it controls.
  function announceHelpToggle() {
    const link = state.root.querySelector(".cm-help-link");
    const help = state.root.querySelector(".cm-help");
    help.id = "cm-help";
    link.setAttribute("aria-controls", help.id);
    link.setAttribute("aria-expanded", String(!help.hidden));
    link.addEventListener("click", () => link.setAttribute("aria-expanded", String(!help.hidden)));
  }

  function takeFirstPage() {
    const first = state.firstPage;
    state.firstPage = null;
    return first;
  }

  const reportReasons = () => ({
    offensive: t("embed.report.reason.offensive"), abusive: t("embed.report.reason.abusive"), spam: t("embed.report.reason.spam"),
    off_topic: t("embed.report.reason.off_topic"), harassment: t("embed.report.reason.harassment"), other: t("embed.report.reason.other") });

  const helpTopics = () => ({
    cant_post: t("embed.help.topic.cant_post"), comment_missing: t("embed.help.topic.comment_missing"), comment_removed: t("embed.help.topic.comment_removed"),
    account_or_login: t("embed.help.topic.account_or_login"), banned_or_suspended: t("embed.help.topic.banned_or_suspended"),
    report_abuse: t("embed.help.topic.report_abuse"), technical: t("embed.help.topic.technical"), other: t("embed.help.topic.other") });

  const requestStatuses = () => ({
    new: t("embed.requests.status.new"), open: t("embed.requests.status.open"), waiting_on_reader: t("embed.requests.status.waiting_on_reader"),
    resolved: t("embed.requests.status.resolved"), closed: t("embed.requests.status.closed") });

  function requestLine(request) {
    const values = { reference: request.reference, status: requestStatuses()[request.status] || request.status, outcome: request.outcome };
    return request.outcome ? t("embed.requests.line_outcome", values) : t("embed.requests.line", values);
  }

  const root = document.getElementById("comments");
  if (root) start(root);
})();

// Comment counts on a host site's index pages:
//   <span data-comments-count="ARTICLE-KEY">Comments</span>   (as many as the page lists)
//   <script src="https://COMMENTS-HOST/count.js" defer></script>
// One request for all the spans on the page (split only past 100 articles, the API's limit, or a very long address),
// then each span reads "1 comment" or "12 comments", in the page's language (the script's data-lang, else the page's
// lang, else the browser's; the sentences are the catalogue's, GET /api/texts, asked for beside the counts).
// A span whose count (or sentence) cannot be had keeps what the page wrote.
(() => {
  "use strict";
  const script = document.currentScript;
  const api = new URL(".", script ? script.src : location.href).href.replace(/\/$/, "");
  const maxKeys = 100, maxQueryLength = 6000, validKey = /^[A-Za-z0-9\-_.:]{1,200}$/;
  const lang = (script && script.dataset.lang) || document.documentElement.lang || navigator.language || "en";
  // The catalogue's "{count} comments" in the page's language; undefined without the sentences.
  const label = (texts, count) => texts[count === 1 ? "embed.count.one" : "embed.count.other"]?.replace("{count}", String(count));

  async function loadTexts() {
    try {
      const response = await fetch(`${api}/api/texts?lang=${encodeURIComponent(lang)}`, { headers: { Accept: "application/json", "Accept-Language": lang } });
      return response.ok ? (await response.json()).texts : {};
    } catch { return {}; }
  }

  // Keys already encoded for the address, in groups the API and the servers in between accept.
  function chunks(keys) {
    const groups = [];
    let group = [], length = 0;
    for (const key of keys.map(encodeURIComponent)) {
      if (group.length === maxKeys || length + key.length + 1 > maxQueryLength) { groups.push(group); group = []; length = 0; }
      group.push(key);
      length += key.length + 1;
    }
    if (group.length) groups.push(group);
    return groups;
  }

  async function fill() {
    const spans = [...document.querySelectorAll("[data-comments-count]")];
    const keys = [...new Set(spans.map(span => span.dataset.commentsCount).filter(key => validKey.test(key)))];
    const counts = new Map();
    const texts = loadTexts();
    await Promise.all(chunks(keys).map(async group => {
      try {
        const response = await fetch(`${api}/api/articles/counts?ids=${group.join(",")}`, { headers: { Accept: "application/json" } });
        if (!response.ok) return;
        for (const article of (await response.json()).articles) counts.set(article.articleId, article.publishedCount);
      } catch { /* offline or refused: the spans keep their text */ }
    }));
    const sentences = await texts;
    for (const span of spans) {
      const count = counts.get(span.dataset.commentsCount);
      const text = count === undefined ? undefined : label(sentences, count);
      if (text) span.textContent = text;
    }
  }

  window.CommentsCount = { refresh: fill };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fill); else fill();
})();

import { call, el, fill, session, signInBar } from "/console.js";

const $ = id => document.getElementById(id);
const say = text => { $("status").textContent = text; };
const percent = share => share === null || share === undefined ? "n/a" : `${(share * 100).toFixed(1)}%`;
const hours = seconds => seconds === null || seconds === undefined ? "n/a" : `${(seconds / 3600).toFixed(1)} h`;
const words = code => code ? code.replace(/_/g, " ") : "(none given)";

function query(format) {
  const params = new URLSearchParams({ from: $("report-from").value, to: $("report-to").value });
  if ($("report-site").value.trim()) params.set("siteId", $("report-site").value.trim());
  if (format) params.set("format", format);
  return `/api/admin/transparency?${params}`;
}

/** A real table: a caption, column headers with scope, one row per entry. */
function table(id, caption, headers, rows) {
  return el("table", { id, class: "figures" }, el("caption", { text: caption }),
    el("thead", {}, el("tr", {}, headers.map(h => el("th", { scope: "col", text: h })))),
    el("tbody", {}, rows.length ? rows.map(cells => el("tr", {}, cells.map(c => el("td", { text: String(c) }))))
      : el("tr", {}, el("td", { colspan: String(headers.length), text: "None in this period." }))));
}

/** Single figures as a two-column table: the figure's name as the row header. */
function summary(id, caption, pairs) {
  return el("table", { id, class: "figures" }, el("caption", { text: caption }),
    el("tbody", {}, pairs.map(([name, value]) => el("tr", {}, el("th", { scope: "row", text: name }), el("td", { text: String(value) })))));
}

function render(r) {
  const n = r.notices, o = r.ownInitiative, a = r.automation.indicators, c = r.complaints;
  fill($("report"),
    el("h2", { text: `Site ${r.siteId}, ${r.from} to ${r.to}` }),
    el("section", { "aria-labelledby": "notices-title" }, el("h3", { id: "notices-title", text: "Notices of illegal content (article 16)" }),
      summary("notice-totals", "Notices received in the period", [["Received", n.received], ["Decided", n.decided], ["Open at the period's end", n.open],
        ["Manifestly unfounded", n.manifestlyUnfounded], ["Median time to act (decided notices)", hours(n.medianSecondsToAct)]]),
      table("notices-by-category", "Notices by category and outcome", ["Category", "Outcome", "Notices"],
        n.byCategoryAndOutcome.map(g => [words(g.category), words(g.outcome), g.count]))),
    el("section", { "aria-labelledby": "own-title" }, el("h3", { id: "own-title", text: `Restrictions on the site's own initiative (${o.total})` }),
      table("own-by-reason", "By reason code (a statement with several codes counts under each)", ["Reason", "Statements"], o.byReason.map(g => [words(g.reasonCode), g.count])),
      table("own-by-means", "By restriction and automated means", ["Restriction", "Automated means", "Statements"],
        o.byRestrictionAndAutomation.map(g => [words(g.restriction), words(g.automation), g.count]))),
    el("section", { "aria-labelledby": "automation-title" }, el("h3", { id: "automation-title", text: "Automated decisions and moderators' agreement" }),
      table("system-versus-moderator", "The system's decisions against the moderators' last decision", ["System", "Moderator", "Comments", "Reported in between"],
        r.automation.systemVersusModerator.map(g => [words(g.system), words(g.moderator), g.count, g.reportedFirst])),
      summary("accuracy", "Accuracy indicators", [["Holds reviewed", a.heldReviewed], ["Holds a moderator rejected", percent(a.heldRejectedShare)],
        ["Holds a moderator approved", percent(a.heldApprovedShare)], ["Rejections reviewed", a.rejectedReviewed],
        ["Rejections a moderator approved", percent(a.rejectedApprovedShare)], ["System approvals", a.systemApproved],
        ["Approvals a moderator then rejected", `${a.approvedThenRejected} (${percent(a.approvedThenRejectedShare)})`],
        ["... of them after a reader's report", a.approvedThenRejectedAfterReport]])),
    el("section", { "aria-labelledby": "complaints-title" }, el("h3", { id: "complaints-title", text: "Complaints (article 20)" }),
      summary("complaint-totals", "Complaints received in the period", [["Received", c.received], ["Decided", c.decided], ["Open at the period's end", c.open],
        ["Reversed the decision", c.reversed], ["Median time to decide", hours(c.medianSecondsToDecide)]]),
      table("complaints-by-restriction", "Complaints by restriction and outcome", ["Restriction", "Outcome", "Complaints"],
        c.byRestrictionAndOutcome.map(g => [words(g.restriction), words(g.outcome), g.count]))),
    el("section", { "aria-labelledby": "accounts-title" }, el("h3", { id: "accounts-title", text: "Account suspensions and bans" }),
      table("account-restrictions", "Account restrictions by automated means", ["Restriction", "Automated means", "Statements"],
        r.accountRestrictions.map(g => [words(g.restriction), words(g.automation), g.count]))));
}

async function show() {
  try { say("Loading..."); render(await call("GET", query())); say("Report shown."); } catch (error) { say(error.message); }
}

// The CSV needs the staff token, so it is fetched and handed to the browser as a file.
async function download() {
  try {
    const response = await fetch(query("csv"), { headers: { Authorization: `Bearer ${session.token}` } });
    if (!response.ok) throw new Error((await response.json().catch(() => null))?.detail ?? `Request failed (${response.status})`);
    const name = /filename=([^;]+)/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? "transparency.csv";
    const link = el("a", { href: URL.createObjectURL(await response.blob()), download: name.replace(/"/g, "") });
    document.body.append(link);
    link.click();
    link.remove();
    say("CSV downloaded.");
  } catch (error) { say(error.message); }
}

const today = new Date().toISOString().slice(0, 10);
$("report-from").value = `${today.slice(0, 4)}-01-01`;
$("report-to").value = today;
$("report-site").value = new URLSearchParams(location.search).get("site") ?? "";
$("period").addEventListener("submit", event => { event.preventDefault(); show(); });
$("download-csv").addEventListener("click", download);
$("signin").append(signInBar("admin", () => { say(""); show(); }));
if (session.token) show(); else say("Sign in as an admin to start.");

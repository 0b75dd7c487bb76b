// Shared by the moderator and support consoles: the signed-in staff token and API calls.
// Outside Development, staff paste the token their newsroom's sign-in gives them.
export const session = {
  get token() { return sessionStorage.getItem("staff-token"); },
  set token(value) { value ? sessionStorage.setItem("staff-token", value) : sessionStorage.removeItem("staff-token"); },
};

export async function call(method, path, body, headers = {}) {
  const all = { Accept: "application/json", ...headers };
  if (body !== undefined) all["Content-Type"] = "application/json";
  if (session.token) all.Authorization = `Bearer ${session.token}`;
  const response = await fetch(path, { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const detail = data && (data.detail || (data.errors && Object.values(data.errors).flat().join(" ")) || data.title);
    const error = new Error(detail || `Request failed (${response.status})`);
    error.status = response.status;
    throw error;
  }
  return data;
}

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/** Replaces a node's children, leaving out the missing (null or false) ones. */
export function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter(child => child !== null && child !== undefined && child !== false));
}

/** The sign-in bar: a pasted token, or in Development a token for a chosen user and role. */
export function signInBar(role, onSignedIn) {
  const userId = el("input", { id: "staff-user", value: `${role}-1`, "aria-label": "User id" });
  const token = el("input", { id: "staff-token", placeholder: "or paste a token", "aria-label": "Token" });
  const status = el("span", { id: "staff-status", role: "status" });
  const form = el("form", { class: "signin" }, el("label", { for: "staff-user", text: "Sign in as" }), userId, token,
    el("button", { type: "submit", text: "Sign in" }), status);
  form.addEventListener("submit", async event => {
    event.preventDefault();
    try {
      session.token = token.value.trim() || (await call("POST", "/dev/tokens", { userId: userId.value, name: userId.value, roles: [role] })).token;
      status.textContent = "Signed in";
      onSignedIn();
    } catch (error) { status.textContent = error.message; }
  });
  return form;
}

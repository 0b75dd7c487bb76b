// The demo article's development sign-in: asks the API (Development only) for a token and hands it to the embed.
document.getElementById("dev-signin").addEventListener("submit", async event => {
  event.preventDefault();
  const form = event.currentTarget;
  const roles = [...form.querySelectorAll("input[name=role]:checked")].map(input => input.value);
  const response = await fetch("/dev/tokens", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ userId: form.userId.value, name: form.displayName.value, roles }),
  });
  const result = await response.json();
  if (!response.ok) { document.getElementById("dev-signin-status").textContent = result.detail || "Sign-in failed"; return; }
  sessionStorage.setItem("demo-token", result.token);
  window.CommentsEmbed.signIn(result.token);
  document.getElementById("dev-signin-status").textContent = `Signed in as ${form.displayName.value} (${roles.join(", ")})`;
});
const saved = sessionStorage.getItem("demo-token");
if (saved) window.CommentsEmbed.signIn(saved);

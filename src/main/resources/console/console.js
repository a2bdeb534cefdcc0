// Shared by the console's two pages: the operator's token (kept in sessionStorage) and fetching JSON with it.
const TOKEN_KEY = "intake.console.token";

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(c == null ? "" : String(c)));
  return node;
}

function table(headers, rows) {
  const t = el("table", {}, el("tr", {}, ...headers.map(h => el("th", {}, h))));
  for (const r of rows) t.append(el("tr", {}, ...r.map(c => el("td", {}, c))));
  if (rows.length === 0) t.append(el("tr", {}, el("td", { colspan: headers.length }, "none")));
  return t;
}

function readable(seconds) {
  if (seconds < 120) return seconds + " s";
  if (seconds < 7200) return Math.round(seconds / 60) + " min";
  if (seconds < 172800) return Math.round(seconds / 3600) + " h";
  return Math.round(seconds / 86400) + " d";
}

function setupToken(onChange) {
  const field = document.getElementById("token");
  field.value = sessionStorage.getItem(TOKEN_KEY) || "";
  document.getElementById("token-form").addEventListener("submit", e => {
    e.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, field.value.trim());
    onChange();
  });
}

/** A page's life: the token form, then its data now and every 5 s, without a reload. */
function keepFresh(refresh) {
  setupToken(refresh);
  refresh();
  setInterval(refresh, 5000);
}

async function api(path, options) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const status = document.getElementById("problem");
  if (!token) {
    status.textContent = "Paste an operator's token (intake serve prints one for the local user).";
    return null;
  }
  const response = await fetch(path, Object.assign({}, options, {
    headers: Object.assign({ "Authorization": "Bearer " + token, "Content-Type": "application/json" }, (options || {}).headers)
  }));
  const body = await response.json().catch(() => ({ error: "not JSON (" + response.status + ")" }));
  if (!response.ok) {
    status.textContent = response.status + ": " + (body.error || "failed");
    // A token refused (or swapped for one that is) must not leave another operator's view on screen.
    if (response.status === 401 || response.status === 403) document.querySelectorAll(".data").forEach(n => n.replaceChildren());
    return null;
  }
  status.textContent = "";
  return body;
}

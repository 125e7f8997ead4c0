// The query page: named queries as ready examples, a SPARQL editor, results as a table.
// Every string from the store reaches the page through textContent (never innerHTML), and links
// are made only for http(s) IRIs, so nothing a filing says can run as code.
"use strict";

const DOC_IRI = "https://w3id.org/hk-governance/id/doc/";
const JSON_RESULTS = "application/sparql-results+json";
const $ = (id) => document.getElementById(id);
let named = {};       // name -> {name, description, params, text}
let current = null;   // the named query shown in the editor, while it is unedited

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (cls) node.className = cls;
  return node;
}

function setStatus(text, isError) {
  const status = $("status");
  status.textContent = text;
  status.className = isError ? "error" : "";
}

function inputFor(param) {
  const input = el("input");
  input.name = param.name;
  input.required = true;
  if (param.description.includes("YYYY-MM-DD")) input.type = "date";
  else if (param.description.includes("a number")) { input.type = "number"; input.step = "any"; }
  else input.type = "text";
  return input;
}

function showNamed(name) {
  const form = $("params");
  form.replaceChildren();
  current = named[name] || null;
  $("named-description").textContent = current ? current.description : "";
  if (!current) { $("mode").textContent = "Your own query, sent as it is written."; return; }
  $("query").value = current.text;
  for (const param of current.params) {
    const label = el("label");
    label.append(el("span", param.name), inputFor(param), el("small", param.description));
    form.append(label);
  }
  $("mode").textContent = current.params.length
    ? "The parameters above are bound to the query on the server (typed, never pasted into its text)."
    : "A named query without parameters.";
}

function safeHref(value) {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch (e) {
    return null;
  }
}

function docIdOf(variable, term) {
  if (term.type === "uri" && term.value.startsWith(DOC_IRI)) {
    return decodeURIComponent(term.value.slice(DOC_IRI.length));
  }
  if (term.type === "literal" && (variable === "source" || variable === "doc")) return term.value;
  return null;
}

function cell(variable, term) {
  const td = el("td");
  if (!term) return td;
  const docId = docIdOf(variable, term);
  if (docId !== null) {
    const link = el("a", term.value);
    link.href = "#filing";
    link.className = "filing-link";
    link.title = "the filing's facts, with their evidence quotes";
    link.addEventListener("click", (event) => { event.preventDefault(); showFiling(docId); });
    td.append(link);
  } else if (term.type === "uri" && safeHref(term.value)) {
    const link = el("a", term.value);
    link.href = safeHref(term.value);
    link.rel = "noopener noreferrer";
    td.append(link);
  } else {
    td.textContent = term.value;
  }
  if (variable === "quote") td.classList.add("quote");
  if (term["xml:lang"]) td.append(el("span", " @" + term["xml:lang"], "kind"));
  return td;
}

function fillTable(table, result) {
  const head = table.tHead, body = table.tBodies[0];
  head.replaceChildren();
  body.replaceChildren();
  if ("boolean" in result) {
    head.append(el("tr"));
    head.rows[0].append(el("th", "answer"));
    const row = el("tr");
    row.append(el("td", String(result.boolean)));
    body.append(row);
    return 1;
  }
  const vars = result.head.vars;
  const top = el("tr");
  for (const v of vars) top.append(el("th", v));
  head.append(top);
  for (const binding of result.results.bindings) {
    const row = el("tr");
    for (const v of vars) row.append(cell(v, binding[v]));
    body.append(row);
  }
  return result.results.bindings.length;
}

async function fetchResults(url, options) {
  const response = await fetch(url, options);
  const text = await response.text();
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}: ${text.trim()}`);
  return { result: JSON.parse(text), truncated: response.headers.get("X-Result-Truncated") === "true" };
}

function namedUrl(name, values) {
  const params = new URLSearchParams(values);
  return `/named/${encodeURIComponent(name)}?${params.toString()}`;
}

async function run() {
  const started = performance.now();
  let request;
  if (current && $("query").value === current.text) {
    const form = $("params");
    if (!form.reportValidity()) return;
    const values = {};
    for (const input of form.elements) values[input.name] = input.value;
    request = [namedUrl(current.name, values), { headers: { Accept: JSON_RESULTS } }];
  } else {
    request = ["/sparql", { method: "POST", body: $("query").value,
                            headers: { "Content-Type": "application/sparql-query", Accept: JSON_RESULTS } }];
  }
  setStatus("running…");
  $("run").disabled = true;
  try {
    const { result, truncated } = await fetchResults(...request);
    const rows = fillTable($("results"), result);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    setStatus(`${rows} row${rows === 1 ? "" : "s"} in ${seconds} s${truncated ? " (truncated by the server)" : ""}`);
  } catch (error) {
    fillTable($("results"), { head: { vars: [] }, results: { bindings: [] } });
    setStatus(error.message, true);
  } finally {
    $("run").disabled = false;
  }
}

async function showFiling(docId) {
  const section = $("filing");
  section.hidden = false;
  $("filing-id").textContent = docId;
  $("filing-graph").href = "/graph?doc=" + encodeURIComponent(docId);
  try {
    const { result } = await fetchResults(namedUrl("filing-facts", { doc: docId }),
                                          { headers: { Accept: JSON_RESULTS } });
    fillTable($("filing-facts"), result);
  } catch (error) {
    fillTable($("filing-facts"), { head: { vars: [] }, results: { bindings: [] } });
    setStatus(error.message, true);
  }
  section.scrollIntoView();
}

async function start() {
  $("run").addEventListener("click", run);
  $("named").addEventListener("change", (event) => showNamed(event.target.value));
  $("query").addEventListener("input", () => {
    if (current && $("query").value !== current.text) {
      $("mode").textContent = "Edited: runs as your own query (the parameters above are not bound to it).";
    }
  });
  $("query").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) run();
  });
  showNamed("");
  try {
    const response = await fetch("/queries");
    for (const query of await response.json()) {
      named[query.name] = query;
      const option = el("option", query.name);
      option.value = query.name;
      $("named").append(option);
    }
  } catch (error) {
    setStatus("could not load the named queries: " + error.message, true);
  }
}

start();

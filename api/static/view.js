// actorgraph network view: draws the inlined graph with vis-network; details come from the
// server (live pages) or from the inlined data (saved files and notebooks). No other requests.
(function () {
  "use strict";
  const root = document.getElementById("ag-root");
  const data = JSON.parse(document.getElementById("ag-data").textContent);
  const live = root.dataset.mode === "live";
  const base = root.dataset.base || "";
  const styles = {};
  data.legend.forEach(function (item) { styles[item.type] = item; });
  const nodesById = {};
  data.nodes.forEach(function (n) { nodesById[n.id] = n; });
  const edgesById = {};
  data.edges.forEach(function (e) { edgesById[e.id] = e; });
  const shown = new Set(data.predicates);

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }
  function words(predicate) { return predicate.replace(/_/g, " ").toLowerCase(); }
  function short(name) { return name.length <= 32 ? name : name.slice(0, 32).replace(/\s+\S*$/, "") + "…"; }

  const visNodes = new vis.DataSet(data.nodes.map(function (n) {
    const s = styles[n.type] || { colour: "#777777", shape: "dot" };
    return {
      id: n.id, label: short(n.name), title: n.name + " (" + n.type + ")", shape: s.shape, size: 15,
      color: { background: s.colour, border: "#ffffff", highlight: { background: s.colour, border: "#1d232b" } },
      borderWidth: 1.5, font: { size: 18, color: "#1d232b", strokeWidth: 5, strokeColor: "#ffffff" },
    };
  }));
  const visEdges = new vis.DataSet(data.edges.map(function (e) {
    return {
      id: e.id, from: e.source, to: e.target, label: words(e.predicate), arrows: "to",
      title: words(e.predicate) + " · " + e.evidence_count + " sentence(s)",
      color: { color: "#8a8f98", highlight: "#1d232b" }, width: 1 + Math.min(e.evidence_count, 5) * 0.4,
      font: { size: 13, color: "#5b6169", strokeWidth: 4, strokeColor: "#ffffff", align: "horizontal" },
      smooth: { type: "dynamic" },
    };
  }));
  const edgeView = new vis.DataView(visEdges, { filter: function (e) { return shown.has(edgesById[e.id].predicate); } });
  const network = new vis.Network(document.getElementById("ag-network"), { nodes: visNodes, edges: edgeView }, {
    layout: { randomSeed: 7, improvedLayout: data.nodes.length <= 150 },
    physics: { solver: "forceAtlas2Based",
               forceAtlas2Based: { gravitationalConstant: -70, springLength: 100, centralGravity: 0.02, avoidOverlap: 0.5 },
               stabilization: { iterations: 300, fit: true } },
    interaction: { hover: true, navigationButtons: false, keyboard: true, tooltipDelay: 150 },
  });

  window.agNetwork = network; // for the browser tests and for analysts poking at it from the console

  function updateCounts() {
    root.dataset.nodes = String(visNodes.length);
    root.dataset.edges = String(edgeView.length);
    const n = document.getElementById("ag-count-nodes");
    const m = document.getElementById("ag-count-edges");
    if (n) { n.textContent = String(visNodes.length); }
    if (m) { m.textContent = String(edgeView.length); }
  }
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({ physics: false });
    network.fit();
    if (network.getScale() > 1.1) { network.moveTo({ scale: 1.1 }); } // small graphs: no giant labels
  });
  network.once("afterDrawing", function () { updateCounts(); root.dataset.ready = "1"; });

  // --- side panel -------------------------------------------------------------------------
  const panel = document.getElementById("ag-panel");
  const body = document.getElementById("ag-panel-body");
  function openPanel(kind, children) {
    body.replaceChildren.apply(body, children);
    panel.dataset.kind = kind;
    panel.hidden = false;
  }
  document.getElementById("ag-panel-close").addEventListener("click", function () { panel.hidden = true; });
  function getJSON(path) {
    return fetch(base + path, { headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) { throw new Error("the server answered " + r.status); }
      return r.json();
    });
  }
  function failed(err) { openPanel("error", [el("p", { class: "ag-error" }, ["Could not load details: " + err.message])]); }
  function row(label, value) { return el("tr", {}, [el("th", {}, [label]), el("td", {}, [value])]); }

  function showProfile(id) {
    const n = nodesById[id];
    if (!live) { return openPanel("profile", profileView(localProfile(n))); }
    openPanel("loading", [el("p", {}, ["Loading " + n.name + "…"])]);
    getJSON("/api/v1/entities/" + encodeURIComponent(id)).then(function (p) { openPanel("profile", profileView(p)); }, failed);
  }
  function localProfile(n) {
    const counts = {};
    data.edges.forEach(function (e) {
      if (e.source === n.id || e.target === n.id) { counts[e.predicate] = (counts[e.predicate] || 0) + 1; }
    });
    return Object.assign({}, n, { relation_counts: counts, local: true });
  }
  function profileView(p) {
    const table = el("table", { class: "ag-facts" }, [row("Type", p.type)]);
    if (p.aliases && p.aliases.length) { table.appendChild(row("Also", p.aliases.join(" · "))); }
    Object.keys(p.external_ids || {}).forEach(function (k) { table.appendChild(row(k, p.external_ids[k])); });
    if (p.first_seen || p.last_seen) { table.appendChild(row("Seen", (p.first_seen || "?") + " – " + (p.last_seen || "?"))); }
    const counts = el("ul", { class: "ag-counts-list" }, Object.keys(p.relation_counts || {}).sort().map(function (k) {
      return el("li", {}, [words(k) + ": " + p.relation_counts[k]]);
    }));
    const out = [el("h2", {}, [p.name]), table, el("h3", {}, [p.local ? "Relations in this view" : "Relations"]), counts];
    if (live) {
      out.push(el("a", { class: "ag-recentre", href: base + "/view?center=" + encodeURIComponent(p.id) + "&depth=1" }, ["Centre the view here"]));
    }
    return out;
  }

  function showEvidence(id) {
    const e = edgesById[id];
    const head = [el("h2", {}, [nodesById[e.source].name + " → " + words(e.predicate) + " → " + nodesById[e.target].name])];
    if (e.first_seen) { head.push(el("p", { class: "ag-dates" }, ["Seen " + e.first_seen + (e.last_seen && e.last_seen !== e.first_seen ? " – " + e.last_seen : "")])); }
    if (!live) { return openPanel("evidence", head.concat(evidenceList((data.evidence || {})[id] || []))); }
    openPanel("loading", head.concat([el("p", {}, ["Loading evidence…"])]));
    getJSON("/api/v1/relations/" + encodeURIComponent(id) + "/evidence?limit=10").then(function (ev) {
      const ids = Array.from(new Set(ev.items.map(function (i) { return i.article_id; })));
      const query = ids.map(function (a) { return "id=" + encodeURIComponent(a); }).join("&");
      return (ids.length ? getJSON("/view/articles?" + query) : Promise.resolve({})).then(function (articles) {
        const items = ev.items.map(function (i) { return Object.assign({}, articles[i.article_id] || {}, i); });
        openPanel("evidence", head.concat(evidenceList(items)));
      });
    }).catch(failed);
  }
  function evidenceList(items) {
    if (!items.length) { return [el("p", {}, ["No evidence sentences are held for this relation."])]; }
    return [el("ol", { class: "ag-evidence" }, items.map(function (i) {
      const name = i.title || i.article_id;
      const link = i.url ? el("a", { href: i.url, target: "_blank", rel: "noopener noreferrer" }, [name]) : el("cite", {}, [name]);
      const meta = [i.published || i.date, i.source].filter(Boolean).join(", ");
      return el("li", { class: "ag-evidence-item" }, [el("blockquote", {}, [i.sentence]),
        el("p", { class: "ag-source" }, [link].concat(meta ? [" (" + meta + ")"] : []))]);
    }))];
  }

  network.on("click", function (params) {
    if (params.nodes.length) { showProfile(params.nodes[0]); } else if (params.edges.length) { showEvidence(params.edges[0]); }
  });

  // --- search and predicate filter --------------------------------------------------------
  const names = document.getElementById("ag-names");
  data.nodes.slice().sort(function (a, b) { return a.name.localeCompare(b.name); })
    .forEach(function (n) { names.appendChild(el("option", { value: n.name })); });
  const note = document.getElementById("ag-search-note");
  document.getElementById("ag-search").addEventListener("submit", function (ev) {
    ev.preventDefault();
    const q = document.getElementById("ag-search-input").value.trim().toLowerCase();
    if (!q) { return; }
    const hit = data.nodes.find(function (n) { return n.name.toLowerCase() === q; }) ||
      data.nodes.find(function (n) { return [n.name].concat(n.aliases || []).some(function (a) { return a.toLowerCase().indexOf(q) >= 0; }); });
    if (hit) {
      note.textContent = "";
      network.selectNodes([hit.id]);
      network.focus(hit.id, { scale: 1.3, animation: { duration: 400 } });
      showProfile(hit.id);
      return;
    }
    note.textContent = "Not in this view.";
    if (live) { searchServer(q); }
  });
  function searchServer(q) {
    getJSON("/api/v1/entities?limit=8&q=" + encodeURIComponent(q)).then(function (res) {
      if (!res.items.length) { note.textContent = "No actor matches “" + q + "”."; return; }
      openPanel("search", [el("h2", {}, ["Elsewhere in the graph"]), el("ul", {}, res.items.map(function (i) {
        return el("li", {}, [el("a", { href: base + "/view?center=" + encodeURIComponent(i.id) + "&depth=1" }, [i.name]), " (" + i.type + ")"]);
      }))]);
    }, failed);
  }
  const boxes = document.getElementById("ag-predicates");
  data.predicates.forEach(function (p) {
    const box = el("input", { type: "checkbox", value: p, checked: "checked" });
    box.addEventListener("change", function () {
      if (box.checked) { shown.add(p); } else { shown.delete(p); }
      edgeView.refresh();
      updateCounts();
    });
    boxes.appendChild(el("label", {}, [box, " " + words(p)]));
  });
})();

(function () {
  "use strict";
  var dataNode = document.getElementById("report-data");
  if (!dataNode) return;
  var D = JSON.parse(dataNode.textContent);
  var lang = document.getElementById("f-lang");
  var folder = document.getElementById("f-folder");
  var boxes = Array.prototype.slice.call(document.querySelectorAll("#filters input[name=state]"));
  var count = document.getElementById("f-count");
  var tbody = document.querySelector("#docs tbody");
  var docsMore = document.getElementById("docs-more");
  var list = document.getElementById("outdated-list");
  var outMore = document.getElementById("outdated-more");
  var none = document.getElementById("outdated-none");
  var PAGE = 200;
  var outdatedWords = {};
  D.outdated.forEach(function (o) { outdatedWords[o[0] + ":" + o[1]] = o[3]; });
  var shownDocs = PAGE, shownOut = PAGE;

  // Numbers as the page's language writes them (254 156 in French), as stele groups them in
  // the tables: one grouping everywhere.
  function num(n) {
    var s = String(n);
    if (s.length < Math.max(D.text.groupMin, 4)) return s;
    var out = "";
    for (var i = 0; i < s.length; i++) {
      if (i > 0 && (s.length - i) % 3 === 0) out += D.text.group;
      out += s.charAt(i);
    }
    return out;
  }
  function enc(s) { return encodeURIComponent(s).replace(/%2F/g, "/"); }
  function fill(t, args) { return t.replace(/\{(\w+)\}/g, function (m, k) { return k in args ? String(args[k]) : m; }); }
  // A document's file in language column `li` (-1: its source), as a URL.
  function hrefOf(di, li) {
    var d = D.docs[di];
    var key = li < 0 ? String(di) : di + ":" + li;
    if (key in D.exceptions) return D.root + enc(D.exceptions[key]) + D.tail;
    var p = D.paths[D.templates[d[1] + ":" + (li < 0 ? "" : li)]];
    return p[0] + enc(d[0]) + enc(p[1]) + D.tail;
  }
  function path(di, li) {
    var d = D.docs[di];
    var key = li < 0 ? String(di) : di + ":" + li;
    if (key in D.exceptions) return D.exceptions[key];
    var p = D.paths[D.templates[d[1] + ":" + (li < 0 ? "" : li)]];
    return decodeURIComponent(p[0].slice(D.root.length)) + d[0] + p[1];
  }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function link(href, text) { var a = el("a", text); a.href = href; return a; }
  function label(di) { var d = D.docs[di]; return D.corpora.length ? D.corpora[d[1]] + ": " + d[0] : d[0]; }
  function filters() {
    var on = {};
    boxes.forEach(function (b) { on[b.value] = b.checked; });
    return { on: on, lang: lang.value === "" ? -1 : +lang.value, folder: folder.value === "" ? -1 : +folder.value };
  }
  function matches(f) {
    var out = [];
    for (var di = 0; di < D.docs.length; di++) {
      var d = D.docs[di];
      if (f.folder >= 0 && d[3] !== f.folder) continue;
      for (var li = 0; li < D.langs.length; li++) {
        if (f.lang >= 0 && li !== f.lang) continue;
        var s = d[4].charAt(li);
        if (s !== "-" && f.on[s]) out.push([di, li, s]);
      }
    }
    return out;
  }
  function renderDocs(f) {
    var rows = matches(f);
    var frag = document.createDocumentFragment();
    rows.slice(0, shownDocs).forEach(function (r) {
      var di = r[0], li = r[1], s = r[2], d = D.docs[di];
      var tr = el("tr");
      tr.setAttribute("data-state", s);
      var th = el("th");
      th.scope = "row";
      th.appendChild(d[2] >= 0 ? link(hrefOf(di, -1), label(di)) : document.createTextNode(label(di)));
      tr.appendChild(th);
      tr.appendChild(el("td", D.langs[li]));
      tr.appendChild(el("td", D.names[s], "s-" + s));
      var file = el("td");
      if (s === "m") file.textContent = path(di, li);
      else file.appendChild(link(hrefOf(di, li), path(di, li)));
      tr.appendChild(file);
      var words = s === "m" ? d[2] : s === "o" ? outdatedWords[di + ":" + li] : "";
      tr.appendChild(el("td", words === "" ? "" : num(words), "n"));
      frag.appendChild(tr);
    });
    tbody.replaceChildren(frag);
    docsMore.hidden = rows.length <= shownDocs;
    count.textContent = fill(D.text.shown, { n: num(Math.min(rows.length, shownDocs)), total: num(rows.length) });
  }
  function diffNode(k) {
    var diff = D.diffs[k], ol = el("ol", undefined, "blocks");
    diff[0].forEach(function (b) {
      var li = el("li");
      li.appendChild(el("p", fill(D.text.kinds[b[0]], { from: b[1], to: b[2] }), "meta"));
      var p = el("p", undefined, "wd");
      b[3].forEach(function (piece) {
        p.appendChild(piece[0] === 1 ? el("del", piece[1]) : piece[0] === 2 ? el("ins", piece[1]) : document.createTextNode(piece[1]));
      });
      li.appendChild(p);
      ol.appendChild(li);
    });
    var frag = document.createDocumentFragment();
    frag.appendChild(ol);
    if (diff[1]) frag.appendChild(el("p", diff[1], "note"));
    return frag;
  }
  function renderOutdated(f) {
    var items = f.on.o ? D.outdated.filter(function (o) {
      return (f.lang < 0 || o[1] === f.lang) && (f.folder < 0 || D.docs[o[0]][3] === f.folder);
    }) : [];
    var frag = document.createDocumentFragment();
    items.slice(0, shownOut).forEach(function (o) {
      var di = o[0], li = o[1];
      var item = el("li"), det = el("details"), sum = el("summary");
      sum.appendChild(el("b", label(di)));
      sum.appendChild(document.createTextNode(" "));
      sum.appendChild(el("span", D.langs[li], "tag"));
      sum.appendChild(el("span", " " + o[2], "why"));
      det.appendChild(sum);
      // The file's link below the summary: a link inside it would be a control in a control.
      var file = el("p", undefined, "meta");
      file.appendChild(link(hrefOf(di, li), path(di, li)));
      det.appendChild(file);
      if (o[4] !== null) det.appendChild(diffNode(o[4]));
      else if (o[3]) det.appendChild(el("p", fill(D.text.diffCut, { path: path(di, li) }), "note"));
      item.appendChild(det);
      frag.appendChild(item);
    });
    list.replaceChildren(frag);
    none.hidden = D.outdated.length > 0;
    outMore.hidden = items.length <= shownOut;
  }
  function apply() {
    var f = filters();
    renderDocs(f);
    renderOutdated(f);
    Array.prototype.forEach.call(document.querySelectorAll("#orphans .items > li"), function (li) {
      li.hidden = !(f.on.r && (f.lang < 0 || +li.getAttribute("data-l") === f.lang) && (f.folder < 0 || +li.getAttribute("data-f") === f.folder));
    });
  }
  function reset() { shownDocs = PAGE; shownOut = PAGE; apply(); }
  lang.addEventListener("change", reset);
  folder.addEventListener("change", reset);
  boxes.forEach(function (b) { b.addEventListener("change", reset); });
  docsMore.addEventListener("click", function () { shownDocs += PAGE; renderDocs(filters()); });
  outMore.addEventListener("click", function () { shownOut += PAGE; renderOutdated(filters()); });
  document.getElementById("filters").addEventListener("submit", function (e) { e.preventDefault(); });
  // Printed, every change shows.
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) { d.open = true; });
  });
  apply();
})();

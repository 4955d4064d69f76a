/* pactwatch: sorting and filtering of the contracts table, in the page, with no network access.
   Without JavaScript the table is complete, or for a long list (data-pw-rows) holds its first rows; the
   script then reads every row from the compact index beside the page and shows them a page at a time.
   On a contract page it draws the timeline (data-pw-gantt) and writes the requests' forms (data-pw-asks)
   from the compact data Python decided (site/timeline.py, chatops/prefill.py), with DOM calls only: every
   text from the data is a text node or an attribute value, never markup. */
(function () {
  "use strict";
  var PAGE = 200;
  var HEALTH_ORDER = { overdue: 0, at_risk: 1, on_track: 2, draft: 3, completed: 4, expired: 5, terminated: 6 };

  function el(tag, css, text) {
    var node = document.createElement(tag);
    if (css) { node.className = css; }
    if (text) { node.textContent = text; }
    return node;
  }

  /* A row of the page's HTML, as a record the list filters and sorts. */
  function fromRow(row) {
    return {
      row: row,
      text: row.textContent.toLowerCase(),
      attr: function (name) { return row.getAttribute("data-" + name) || ""; },
      cell: function (index) { return row.cells[index].textContent.trim(); }
    };
  }

  /* x (0 or more) as Python's f"{x:.Nf}" writes it: toFixed rounds a tie (the exact value ends in 5 right
     after the digits kept) up, Python to the even digit. A double below 100 has at most ~100 decimals, so
     toFixed(100) is its exact value. */
  function pyFixed(x, digits) {
    var text = x.toFixed(digits), scaled = x * Math.pow(10, digits);
    if (Math.abs(scaled - Math.floor(scaled) - 0.5) > 1e-6) { return text; }
    var exact = x.toFixed(100), cut = exact.indexOf(".") + 1 + digits, floor = exact.slice(0, digits ? cut : cut - 1);
    return /^50*$/.test(exact.slice(cut)) && /[02468]$/.test(floor) ? floor : text;
  }

  /* A row of the compact index (index-rows.js; contracts_index.index_script gives its layout), as the fields
     of the page's own rows, and made into the same <tr> as those when shown. */
  function fromIndex(v, data, withValue) {
    var page = typeof v[0] === "string" ? [v[0], v[0] + ".html"] : v[0];
    var party = data.parties[v[2]], person = data.people[v[3]], health = data.health[v[4]];
    var date = v.length > 10 ? data.dates[v[10]] : ["", ""];
    var share = v[7] ? v[6] / v[7] : 1;
    var r = {
      id: page[0], href: page[1], title: v[1], counterparty: party[0], counterparty_href: party[1],
      owner: person[0], owner_name: person[1], health: health[0], health_text: health[1], type: data.types[v[5]],
      share: pyFixed(share, 3), share_text: pyFixed(share * 100, 0) + "%", width: Math.max(0, Math.min(share, 1)) * 100,
      done: v[6] + "/" + v[7], value: v[8], value_text: v[9], next_iso: date[0], next_due: date[1],
      next_title: v.length > 10 ? v[11] : "", next_state: v.length > 10 ? data.states[v[12]] : ""
    };
    var attrs = { health: r.health, type: r.type, owner: r.owner, share: r.share, value: r.value, next: r.next_iso };
    var texts = [r.id, r.title, r.counterparty, r.owner_name, r.health_text, r.share_text, r.value_text, r.next_due, r.next_title];
    return {
      row: null,
      text: texts.join(" ").toLowerCase(),
      attr: function (name) { return attrs[name] || ""; },
      cell: function (index) { return [r.id, r.title, r.counterparty, r.owner_name][index] || ""; },
      make: function () { return indexRow(r, attrs, withValue); }
    };
  }

  function indexRow(r, attrs, withValue) {
    var tr = document.createElement("tr");
    Object.keys(attrs).forEach(function (name) { tr.setAttribute("data-" + name, attrs[name]); });
    var id = el("td", "pw-nowrap"), link = el("a", "", r.id);
    link.setAttribute("href", r.href);
    id.appendChild(link);
    var party = el("td"), partyLink = el("a", "", r.counterparty);
    partyLink.setAttribute("href", r.counterparty_href);
    party.appendChild(partyLink);
    var badge = el("td");
    badge.appendChild(el("span", "pw-badge pw-b-" + r.health, r.health_text));
    var progress = el("td", "pw-nowrap"), bar = el("span", "pw-progress pw-h-" + r.health), fill = el("span");
    [["title", r.done], ["role", "progressbar"], ["aria-valuenow", pyFixed(r.width, 0)]]
      .forEach(function (pair) { bar.setAttribute(pair[0], pair[1]); });
    fill.setAttribute("style", "width:" + pyFixed(r.width, 1) + "%");
    bar.appendChild(fill);
    progress.appendChild(bar);
    progress.appendChild(document.createTextNode(" " + r.share_text));
    var next = el("td");
    if (r.next_due) {
      next.appendChild(el("span", "pw-nowrap", r.next_due));
      next.appendChild(document.createTextNode(" "));
      next.appendChild(el("span", "pw-sub pw-s-" + r.next_state, r.next_title));
    }
    [id, el("td", "", r.title), party, el("td", "", r.owner_name), badge, progress].forEach(function (td) { tr.appendChild(td); });
    if (withValue) { tr.appendChild(el("td", "pw-num pw-nowrap", r.value_text)); }
    tr.appendChild(next);
    return tr;
  }

  function setup(form) {
    var table = document.querySelector("table[data-pw-table=" + form.getAttribute("data-pw-filter") + "]");
    if (!table) { return; }
    var source = table.getAttribute("data-pw-rows");
    if (!source) { start(form, table, Array.prototype.slice.call(table.tBodies[0].rows).map(fromRow)); return; }
    var script = document.createElement("script");  /* a script, not fetch(): it loads from disk (file://) too */
    script.src = source;
    script.onload = function () {
      var data = window.pactwatchRows, withValue = !!table.querySelector("th[data-sort=value]");
      start(form, table, data.rows.map(function (values) { return fromIndex(values, data, withValue); }));
    };
    script.onerror = function () { start(form, table, Array.prototype.slice.call(table.tBodies[0].rows).map(fromRow)); };
    document.head.appendChild(script);
  }

  function start(form, table, records) {
    var body = table.tBodies[0];
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var shown = form.querySelector(".pw-shown");
    var more = document.querySelector("[data-pw-more]");
    var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true });
    var limit = PAGE;

    function fields() {
      var out = {};
      Array.prototype.forEach.call(form.elements, function (el) { if (el.name) { out[el.name] = el.value.trim(); } });
      return out;
    }

    function render() {
      var f = fields();
      var query = (f.q || "").toLowerCase().split(/\s+/).filter(Boolean);
      var matching = records.filter(function (rec) {
        return (!f.health || rec.attr("health") === f.health) &&
          (!f.type || rec.attr("type") === f.type) &&
          (!f.owner || rec.attr("owner") === f.owner) &&
          query.every(function (word) { return rec.text.indexOf(word) !== -1; });
      });
      var fragment = document.createDocumentFragment();
      matching.slice(0, limit).forEach(function (rec) { fragment.appendChild(rec.row || (rec.row = rec.make())); });
      body.textContent = "";
      body.appendChild(fragment);
      if (shown) {
        shown.textContent = shown.getAttribute("data-template")
          .replace("{shown}", String(matching.length))
          .replace("{total}", String(records.length));
      }
      if (more) { more.hidden = matching.length <= limit; }
    }

    function keyOf(rec, th, index) {
      var name = th.getAttribute("data-sort");
      if (name === "health") { return HEALTH_ORDER[rec.attr("health")]; }
      if (th.getAttribute("data-type") === "number") {
        var n = parseFloat(rec.attr(name));
        return isNaN(n) ? -Infinity : n;
      }
      if (name === "next") { return rec.attr("next") || "9999"; }
      return rec.cell(index);
    }

    function sort(th) {
      var index = heads.indexOf(th);
      var descending = th.getAttribute("aria-sort") === "ascending";
      heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      var keyed = records.map(function (rec) { return { rec: rec, key: keyOf(rec, th, index) }; });
      keyed.sort(function (a, b) {
        var c = typeof a.key === "number" && typeof b.key === "number" ? a.key - b.key : collator.compare(String(a.key), String(b.key));
        return descending ? -c : c;
      });
      records = keyed.map(function (k) { return k.rec; });
      render();
    }

    var params = new URLSearchParams(window.location.search);
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name && params.has(el.name)) { el.value = params.get(el.name); }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("input", function () {
      limit = PAGE;
      var f = fields();
      var next = new URLSearchParams();
      Object.keys(f).forEach(function (k) { if (f[k]) { next.set(k, f[k]); } });
      var search = next.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
      render();
    });
    heads.forEach(function (th) {
      if (th.hasAttribute("data-sort")) {
        th.tabIndex = 0;
        th.addEventListener("click", function () { sort(th); });
        th.addEventListener("keydown", function (event) { if (event.key === "Enter") { sort(th); } });
      }
    });
    if (more) { more.addEventListener("click", function () { limit += PAGE * 5; render(); }); }
    render();
  }

  var SVG = "http://www.w3.org/2000/svg";

  /* An element with its attributes (name, value, name, value ...) in the order given and a text, put in parent
     (when there is one). */
  function put(parent, ns, tag, attrs, text) {
    var node = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
    for (var i = 0; i < attrs.length; i += 2) { node.setAttribute(attrs[i], String(attrs[i + 1])); }
    if (text) { node.textContent = text; }
    if (parent) { parent.appendChild(node); }
    return node;
  }

  /* A day of the timeline's data (days after day0, itself days since 1970-01-01) as an ISO date. */
  function isoDay(day) { return new Date(day * 864e5).toISOString().slice(0, 10); }

  /* The timeline as site/timeline.py describes it (its docstring gives the data's order). */
  function drawGantt(wrap) {
    var d = JSON.parse(wrap.getAttribute("data-pw-gantt"));
    var size = d[0], words = d[2], day0 = d[3], ticks = d[4], term = d[5], today = d[6], rows = d[7];
    var width = size[0], height = size[1], axis = size[2], row = size[3];
    var svg = put(null, SVG, "svg", ["class", "pw-gantt", "viewBox", "0 0 " + width + " " + height, "role", "img", "aria-label", d[1]]);
    put(put(svg, SVG, "defs", []), SVG, "path", ["id", "pw-d", "d", "M0-6l6 6-6 6-6-6z"]);
    var grid = "", i;
    for (i = 0; i < ticks.length; i += 2) { grid += "M" + ticks[i] + " " + (axis - 6) + "V" + height; }
    if (grid) { put(svg, SVG, "path", ["class", "pw-grid", "d", grid]); }
    var labels = put(svg, SVG, "g", ["class", "pw-axis", "transform", "translate(0 " + (axis - 10) + ")"]);
    for (i = 0; i < ticks.length; i += 2) { put(labels, SVG, "text", ["x", ticks[i] + 3], ticks[i + 1]); }
    var y = axis + row / 2;
    if (term.length) {
      put(put(svg, SVG, "rect", ["class", "pw-gterm", "x", term[0], "y", y - 5, "width", term[1], "height", 10, "rx", 3]), SVG, "title", [], term[2]);
    }
    rows.forEach(function (r, index) {
      for (var k = 2; k < r.length; k++) { drawMark(svg, r[k], axis + row * index + row / 2, r[1], words, day0, today[0]); }
    });
    var names = put(svg, SVG, "g", ["class", "pw-glabel", "transform", "translate(4)"]);
    rows.forEach(function (r, index) { put(names, SVG, "text", ["y", axis + row * index + row / 2 + 4], r[0]); });
    if (today[1]) {
      put(svg, SVG, "path", ["class", "pw-gtoday", "d", "M" + today[0] + " " + (axis - 6) + "V" + height]);
      put(svg, SVG, "text", ["class", "pw-gtoday-label", "x", today[0] + 3, "y", height - 2], words[2]);
    }
    wrap.appendChild(svg);
  }

  /* One mark: [class, plan x, planned day, dot x, actual day, baseline x] (see site/timeline.py). */
  function drawMark(svg, m, y, name, words, day0, todayX) {
    var g = put(svg, SVG, "g", m[0] ? ["class", m[0]] : []);
    var done = m.length > 3 && m[3] >= 0, tip = name ? [name] : [];
    tip.push(words[0] + " " + isoDay(day0 + m[2]));
    if (done) { tip.push(words[1] + " " + isoDay(day0 + m[4])); }
    put(g, SVG, "title", [], tip.join(" · "));
    if (done && m[4] !== m[2]) {
      put(g, SVG, "path", (m[4] < m[2] ? ["class", "e"] : []).concat(["d", "M" + m[1] + " " + y + "H" + m[3]]));
    } else if (m[0] === "o") {
      put(g, SVG, "path", ["d", "M" + m[1] + " " + y + "H" + todayX]);
    }
    if (m.length > 5) {
      put(g, SVG, "path", ["class", "k", "d", "M" + m[5] + " " + (y - 9) + "H" + m[1]]);
      put(g, SVG, "use", ["class", "b", "href", "#pw-d", "x", m[5], "y", y]);
    }
    put(g, SVG, "use", ["href", "#pw-d", "x", m[1], "y", y]);
    if (done) { put(g, SVG, "circle", ["cx", m[3], "cy", y, "r", 4]); }
  }

  /* A milestone's title in its cell (site/rows.py): the first text, less the space a flag after it adds. */
  function rowTitle(cell) {
    var node = cell.firstChild;
    if (!node || node.nodeType !== 3) { return ""; }
    var flagged = node.nextSibling && node.nextSibling.className === "pw-flag";
    return flagged ? node.nodeValue.slice(0, -1) : node.nodeValue;
  }

  /* The requests of a contract page: a GET form of GitHub's new-issue page for each row with a due date, from
     what they share (chatops/prefill.py request_data: page, title prefix, [label, body] ...). */
  function writeRequests(table) {
    var d = JSON.parse(table.getAttribute("data-pw-asks"));
    var list = el("ul", "pw-list pw-requests");
    Array.prototype.forEach.call(table.querySelectorAll("tr[data-due]"), function (tr) {
      var name = tr.cells[0].textContent + " " + rowTitle(tr.cells[1]);
      var item = put(list, null, "li", [], name + ": ");
      var form = put(item, null, "form", ["action", d[0]]);
      put(form, null, "input", ["type", "hidden", "name", "title", "value", d[1] + name]);
      d.slice(2).forEach(function (ask, i) {
        if (i) { form.appendChild(document.createTextNode(" · ")); }
        var body = ask[1].replace("{due}", function () { return tr.getAttribute("data-due"); });  /* prefill.DUE */
        put(form, null, "button", ["name", "body", "value", body], ask[0]);
      });
    });
    var wrap = table.parentNode;
    wrap.parentNode.insertBefore(list, wrap.nextSibling);
  }

  function init() {
    document.documentElement.classList.add("pw-js");
    Array.prototype.forEach.call(document.querySelectorAll("form[data-pw-filter]"), setup);
    Array.prototype.forEach.call(document.querySelectorAll("[data-pw-gantt]"), drawGantt);
    Array.prototype.forEach.call(document.querySelectorAll("table[data-pw-asks]"), writeRequests);
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();

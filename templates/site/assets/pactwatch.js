/* pactwatch: sorting and filtering of the contracts table, in the page, with no network access.
   Without JavaScript the table is complete, or for a long list (data-pw-rows) holds its first rows; the
   script then reads every row from the compact index beside the page and shows them a page at a time. */
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

  /* A row of the compact index (index-rows.js), made into the same <tr> as the page's own rows when shown. */
  function fromIndex(values, fields, health, withValue) {
    var r = {};
    fields.forEach(function (name, i) { r[name] = values[i]; });
    var attrs = { health: r.health, type: r.type, owner: r.owner, share: r.share, value: r.value, next: r.next_iso };
    var texts = [r.id, r.title, r.counterparty, r.owner_name, health[r.health], r.share_text, r.value_text, r.next_due, r.next_title];
    return {
      row: null,
      text: texts.join(" ").toLowerCase(),
      attr: function (name) { return attrs[name] || ""; },
      cell: function (index) { return [r.id, r.title, r.counterparty, r.owner_name][index] || ""; },
      make: function () { return indexRow(r, attrs, health, withValue); }
    };
  }

  function indexRow(r, attrs, health, withValue) {
    var tr = document.createElement("tr");
    Object.keys(attrs).forEach(function (name) { tr.setAttribute("data-" + name, attrs[name]); });
    var id = el("td", "pw-nowrap"), link = el("a", "", r.id);
    link.setAttribute("href", r.href);
    id.appendChild(link);
    var party = el("td"), partyLink = el("a", "", r.counterparty);
    partyLink.setAttribute("href", r.counterparty_href);
    party.appendChild(partyLink);
    var badge = el("td");
    badge.appendChild(el("span", "pw-badge pw-b-" + r.health, health[r.health]));
    var width = Math.max(0, Math.min(parseFloat(r.share), 1)) * 100;
    var progress = el("td", "pw-nowrap"), bar = el("span", "pw-progress pw-h-" + r.health), fill = el("span");
    [["title", r.done], ["role", "progressbar"], ["aria-valuenow", width.toFixed(0)]]
      .forEach(function (pair) { bar.setAttribute(pair[0], pair[1]); });
    fill.setAttribute("style", "width:" + width.toFixed(1) + "%");
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
      start(form, table, data.rows.map(function (values) { return fromIndex(values, data.fields, data.health, withValue); }));
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

  function init() {
    document.documentElement.classList.add("pw-js");
    Array.prototype.forEach.call(document.querySelectorAll("form[data-pw-filter]"), setup);
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();

/* pactwatch: sorting and filtering of the contracts table, in the page, with no network access.
   Without JavaScript the table is simply complete. */
(function () {
  "use strict";
  var PAGE = 200;
  var HEALTH_ORDER = { overdue: 0, at_risk: 1, on_track: 2, draft: 3, completed: 4, expired: 5, terminated: 6 };

  function setup(form) {
    var table = document.querySelector("table[data-pw-table=" + form.getAttribute("data-pw-filter") + "]");
    if (!table) { return; }
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var shown = form.querySelector(".pw-shown");
    var more = document.querySelector("[data-pw-more]");
    var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true });
    var limit = PAGE;
    var matching = rows;

    function fields() {
      var out = {};
      Array.prototype.forEach.call(form.elements, function (el) { if (el.name) { out[el.name] = el.value.trim(); } });
      return out;
    }

    function render() {
      var f = fields();
      var query = (f.q || "").toLowerCase().split(/\s+/).filter(Boolean);
      matching = [];
      rows.forEach(function (row, i) {
        var ok = (!f.health || row.getAttribute("data-health") === f.health) &&
          (!f.type || row.getAttribute("data-type") === f.type) &&
          (!f.owner || row.getAttribute("data-owner") === f.owner) &&
          query.every(function (word) { return texts[i].indexOf(word) !== -1; });
        if (ok) { matching.push(row); }
        row.hidden = true;
      });
      matching.forEach(function (row, i) { row.hidden = i >= limit; });
      if (shown) {
        shown.textContent = shown.getAttribute("data-template")
          .replace("{shown}", String(matching.length))
          .replace("{total}", String(rows.length));
      }
      if (more) { more.hidden = matching.length <= limit; }
    }

    function keyOf(row, th, index) {
      var name = th.getAttribute("data-sort");
      if (name === "health") { return HEALTH_ORDER[row.getAttribute("data-health")]; }
      if (th.getAttribute("data-type") === "number") {
        var n = parseFloat(row.getAttribute("data-" + name));
        return isNaN(n) ? -Infinity : n;
      }
      if (name === "next") { return row.getAttribute("data-next") || "9999"; }
      return row.cells[index].textContent.trim();
    }

    function sort(th) {
      var index = heads.indexOf(th);
      var descending = th.getAttribute("aria-sort") === "ascending";
      heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      var keyed = rows.map(function (row, i) { return { row: row, key: keyOf(row, th, index), text: texts[i] }; });
      keyed.sort(function (a, b) {
        var c = typeof a.key === "number" && typeof b.key === "number" ? a.key - b.key : collator.compare(String(a.key), String(b.key));
        return descending ? -c : c;
      });
      rows = keyed.map(function (k) { return k.row; });
      texts = keyed.map(function (k) { return k.text; });
      var fragment = document.createDocumentFragment();
      rows.forEach(function (row) { fragment.appendChild(row); });
      body.appendChild(fragment);
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

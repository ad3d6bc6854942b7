// A filter box above each index table: typing hides the rows that do not contain the text.
// Tables keep the order the pages were built in (by country, then name), so no sorting script.
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function setUp() {
    document.querySelectorAll("input.ck-filter").forEach(function (input) {
      if (input.dataset.ckBound) return;
      input.dataset.ckBound = "yes";
      var box = input.closest(".ck-filter-box");
      var table = box && box.nextElementSibling;
      while (table && table.tagName !== "TABLE") {
        table = table.querySelector("table") || table.nextElementSibling;
      }
      if (!table || !table.tBodies[0]) return;
      var status = box.querySelector(".ck-filter-status");
      var rows = Array.prototype.slice.call(table.tBodies[0].rows);
      input.addEventListener("input", function () {
        var needle = fold(input.value.trim());
        var shown = 0;
        rows.forEach(function (row) {
          var hit = needle === "" || fold(row.textContent).indexOf(needle) !== -1;
          row.hidden = !hit;
          if (hit) shown += 1;
        });
        if (status) {
          status.textContent = (status.dataset.template || "{shown} of {total}")
            .replace("{shown}", String(shown))
            .replace("{total}", String(rows.length));
        }
      });
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();

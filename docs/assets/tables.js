// Sortable index tables (tablesort) and a filter box above each table.
(function () {
  "use strict";

  function setUp() {
    document.querySelectorAll(".md-typeset table").forEach(function (table) {
      if (table.dataset.ckSortable || !table.tHead) return;
      table.dataset.ckSortable = "yes";
      new Tablesort(table);
    });
    document.querySelectorAll("input.ck-filter").forEach(function (input) {
      if (input.dataset.ckBound) return;
      input.dataset.ckBound = "yes";
      var box = input.closest(".ck-filter-box");
      var table = box && box.nextElementSibling;
      while (table && table.tagName !== "TABLE") {
        table = table.querySelector("table") || table.nextElementSibling;
      }
      if (!table) return;
      input.addEventListener("input", function () {
        var needle = input.value.trim().toLowerCase();
        table.tBodies[0].querySelectorAll("tr").forEach(function (row) {
          row.hidden = needle !== "" && row.textContent.toLowerCase().indexOf(needle) === -1;
        });
      });
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();

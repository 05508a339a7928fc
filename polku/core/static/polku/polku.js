/* Polku's own small script (no build, no inline script: the Content-Security-Policy allows only files).
   Everything here is an enhancement: without it the menu is open, tables scroll sideways, pages work.
   - the "Menu" button that folds the header's menu on a phone;
   - one menu group open at a time; Escape or a click elsewhere closes it;
   - tables with class "reflow": every cell gets its column's header as data-label (polku.css shows it
     above the value on a phone);
   - a form's error summary takes the focus, so a screen reader hears it first. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }

  function menu() {
    var toggle = document.querySelector("[data-menu-toggle]");
    var panel = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
    if (toggle && panel) {
      toggle.hidden = false;
      toggle.addEventListener("click", function () {
        var open = toggle.getAttribute("aria-expanded") !== "true";
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
        panel.classList.toggle("is-open", open);
      });
    }
    var groups = Array.prototype.slice.call(document.querySelectorAll("details.menu-group"));
    groups.forEach(function (group) {
      group.addEventListener("toggle", function () {
        if (!group.open) { return; }
        groups.forEach(function (other) { if (other !== group) { other.open = false; } });
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      groups.forEach(function (group) {
        if (group.open) {
          group.open = false;
          group.querySelector("summary").focus();
        }
      });
    });
    document.addEventListener("click", function (event) {
      groups.forEach(function (group) {
        if (group.open && !group.contains(event.target)) { group.open = false; }
      });
    });
  }

  function reflowTables(root) {
    Array.prototype.forEach.call(root.querySelectorAll("table.reflow"), function (table) {
      var headers = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
        return th.textContent.replace(/\s+/g, " ").trim();
      });
      Array.prototype.forEach.call(table.querySelectorAll("tbody tr"), function (row) {
        Array.prototype.forEach.call(row.children, function (cell, i) {
          if (cell.tagName === "TD" && headers[i] && !cell.hasAttribute("data-label")) {
            cell.setAttribute("data-label", headers[i]);
          }
        });
      });
    });
  }

  function errorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) { summary.focus(); }
  }

  ready(function () {
    menu();
    reflowTables(document);
    errorSummary();
    document.body.addEventListener("htmx:afterSwap", function (event) { reflowTables(event.target); });
  });
})();

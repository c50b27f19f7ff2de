// Self-test of a comparison table. The page works without this: a disclosure per cell reveals the
// value and a checkbox marks it as not known. With it, each cell gets a Reveal button, then
// "Knew it" / "Didn't" (or the keys K / D), a running score and a final one; the marks tick the
// same checkboxes, so the form posts the same thing either way.
(function () {
  "use strict";

  var form = document.getElementById("selftest");
  if (!form) return;
  var cells = Array.prototype.slice.call(form.querySelectorAll(".st-cell"));
  var score = form.querySelector(".selftest-score");
  var final = form.querySelector(".selftest-final");
  var submit = form.querySelector('[data-key="submit"]');
  var lastRevealed = null;

  function button(className, html, mark) {
    var el = document.createElement("button");
    el.type = "button";
    el.className = className;
    el.innerHTML = html;
    if (mark) {
      el.setAttribute("data-mark", mark);
      el.setAttribute("aria-pressed", "false");
    }
    return el;
  }

  function counts() {
    var knew = 0;
    var missed = 0;
    cells.forEach(function (cell) {
      if (cell.dataset.mark === "knew") knew += 1;
      if (cell.dataset.mark === "missed") missed += 1;
    });
    return { knew: knew, missed: missed, left: cells.length - knew - missed };
  }

  function showScore() {
    var c = counts();
    score.textContent = "Knew " + c.knew + " · Didn’t " + c.missed + " · " + c.left + " to go";
    if (c.left === 0) {
      final.textContent = "You knew " + c.knew + " of " + cells.length + ".";
      final.hidden = false;
    } else {
      final.hidden = true;
    }
  }

  function reveal(cell) {
    cell.querySelector(".st-details").open = true;
    cell.classList.add("is-revealed");
    cell.querySelector(".st-reveal").hidden = true;
    cell.querySelector(".st-mark").hidden = false;
    cell.querySelector('[data-mark="knew"]').focus();
    lastRevealed = cell;
  }

  function nextUnmarked(after) {
    var start = cells.indexOf(after);
    for (var i = 1; i <= cells.length; i += 1) {
      var cell = cells[(start + i) % cells.length];
      if (!cell.dataset.mark) return cell;
    }
    return null;
  }

  function mark(cell, how) {
    cell.dataset.mark = how;
    cell.classList.toggle("is-knew", how === "knew");
    cell.classList.toggle("is-missed", how === "missed");
    cell.querySelector('input[name="missed"]').checked = how === "missed";
    cell.querySelectorAll("[data-mark]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-mark") === how));
    });
    showScore();
    // On to the next cell still to do, so the keys alone get through the table.
    var next = nextUnmarked(cell);
    if (!next) {
      submit.focus();
    } else if (next.classList.contains("is-revealed")) {
      next.querySelector('[data-mark="knew"]').focus();
    } else {
      next.querySelector(".st-reveal").focus();
    }
  }

  cells.forEach(function (cell) {
    var summary = cell.querySelector(".st-summary");
    var details = cell.querySelector(".st-details");
    var name = summary.querySelector(".visually-hidden").outerHTML;
    // Marks start afresh: a box the browser ticked back (history navigation) would post a cell
    // not marked on this page.
    cell.querySelector('input[name="missed"]').checked = false;
    summary.hidden = true;
    var revealButton = button("st-reveal button-secondary", "Reveal" + name);
    var group = document.createElement("div");
    group.className = "st-mark";
    group.hidden = true;
    group.appendChild(button("st-knew button-small", "Knew it" + name, "knew"));
    group.appendChild(button("st-didnt button-small button-secondary", "Didn’t" + name, "missed"));
    cell.insertBefore(revealButton, details);
    cell.appendChild(group);
    revealButton.addEventListener("click", function () { reveal(cell); });
    group.addEventListener("click", function (event) {
      var target = event.target.closest("[data-mark]");
      if (target) mark(cell, target.getAttribute("data-mark"));
    });
  });
  form.classList.add("st-js");
  document.querySelector(".selftest-keys").hidden = false;
  score.hidden = false;
  showScore();

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var key = event.key.toLowerCase();
    if (key !== "k" && key !== "d") return;
    // The cell that has the focus, or else the one last revealed and not yet marked.
    var cell = target && target.closest ? target.closest(".st-cell") : null;
    if (!cell || !cell.classList.contains("is-revealed")) {
      cell = lastRevealed && !lastRevealed.dataset.mark ? lastRevealed : null;
    }
    if (!cell) return;
    event.preventDefault();
    mark(cell, key === "k" ? "knew" : "missed");
  });
})();

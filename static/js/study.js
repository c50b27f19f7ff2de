// Study keys, as in Anki: Space/Enter show the answer, 1–4 answer, u or Ctrl+Z undo.
// They click the page's own buttons, so htmx (or the plain form without it) does the rest.
(function () {
  "use strict";

  function click(selector) {
    var el = document.querySelector(selector);
    if (el && !el.disabled) {
      el.click();
      return true;
    }
    return false;
  }

  // While an answer is on its way, keys are dropped: one answer per key press, even if the key
  // repeats. Between the swap and the settle htmx has not wired up the new buttons yet (a click
  // then would submit a plain form and reload the page), so a key pressed then waits for the
  // settle instead of being lost. A failed request (offline, timeout) frees the keys too.
  var inflight = false;
  var settling = false;
  var pending = null;
  document.addEventListener("htmx:beforeRequest", function () { inflight = true; });
  document.addEventListener("htmx:afterSwap", function () { inflight = false; settling = true; });
  document.addEventListener("htmx:afterRequest", function (event) {
    if (!event.detail.successful) inflight = settling = false;
  });
  document.addEventListener("htmx:afterSettle", function () {
    settling = false;
    var focus = document.querySelector("#study [autofocus]");
    if (focus) focus.focus();
    if (pending) {
      var key = pending;
      pending = null;
      act(key.key, key.ctrlKey, null);
    }
  });
  // A refused answer (400) comes back as the study fragment with its message; htmx does not swap
  // error responses by default, so without this the learner would see nothing happen.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var detail = event.detail;
    if ((detail.xhr.status === 400 || detail.xhr.status === 409) && detail.target && detail.target.id === "study") {
      detail.shouldSwap = true;
      detail.isError = false;
    }
  });

  function act(key, ctrlKey, target) {
    if ((key === "z" || key === "Z") && ctrlKey) return click('[data-key="undo"]');
    if (ctrlKey) return false;
    if (key === " " || key === "Enter") {
      // Enter on a focused button already clicks it; only handle it when nothing is focused.
      if (key === "Enter" && target && target.tagName === "BUTTON") return false;
      return click('[data-key="show"]');
    }
    if (/^[1-4]$/.test(key)) return click('[data-rating="' + key + '"]');
    if (key === "u" || key === "U") return click('[data-key="undo"]');
    return false;
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (event.altKey || event.metaKey || inflight) return;
    if (settling) {
      if (/^([1-4uU ]|Enter)$/.test(event.key) || (event.ctrlKey && /^[zZ]$/.test(event.key))) {
        pending = { key: event.key, ctrlKey: event.ctrlKey };
        event.preventDefault();
      }
      return;
    }
    if (act(event.key, event.ctrlKey, target)) event.preventDefault();
  });
})();

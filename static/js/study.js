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

  var busy = false; // one answer per key press, even if the key repeats before the swap
  document.addEventListener("htmx:beforeRequest", function () { busy = true; });
  // htmx wires up swapped-in forms only when the swap settles; a key pressed before that would
  // submit a plain form and reload the page. So keys wait for the settle, or for a failed request
  // (offline, timeout), which must not leave them dead until the page is reloaded.
  document.addEventListener("htmx:afterRequest", function (event) {
    if (!event.detail.successful) busy = false;
  });
  document.addEventListener("htmx:afterSettle", function () {
    busy = false;
    var focus = document.querySelector("#study [autofocus]");
    if (focus) focus.focus();
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

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (event.altKey || event.metaKey || busy) return;
    var handled = false;
    if ((event.key === "z" || event.key === "Z") && event.ctrlKey) {
      handled = click('[data-key="undo"]');
    } else if (event.ctrlKey) {
      return;
    } else if (event.key === " " || event.key === "Enter") {
      // Enter on a focused button already clicks it; only handle it when nothing is focused.
      if (event.key === "Enter" && target && target.tagName === "BUTTON") return;
      handled = click('[data-key="show"]');
    } else if (/^[1-4]$/.test(event.key)) {
      handled = click('[data-rating="' + event.key + '"]');
    } else if (event.key === "u" || event.key === "U") {
      handled = click('[data-key="undo"]');
    }
    if (handled) event.preventDefault();
  });
})();

// Taking a quiz: the countdown, what an autosave that failed says, "submit anyway?", and the
// keys of the one-question-per-screen layout. The page works without any of it: the forms post
// and redirect, and the server keeps the time.
(function () {
  "use strict";

  // The countdown ----------------------------------------------------------------------------
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function clock(seconds) {
    var h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    return (h ? h + ":" + two(m) : m) + ":" + two(s);
  }
  function startTimer() {
    var timer = document.querySelector("[data-remaining]");
    if (!timer) return;
    var value = timer.querySelector(".quiz-timer-value");
    var end = Date.now() + Number(timer.getAttribute("data-remaining")) * 1000;
    function tick() {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      value.textContent = clock(left);
      timer.classList.toggle("is-low", left <= 60);
      if (left > 0) {
        window.setTimeout(tick, 1000);
      } else {
        value.textContent = "Time is up";
        // The next visit submits the attempt as it stood at the deadline and shows the score.
        window.setTimeout(function () { window.location.reload(); }, 1500);
      }
    }
    tick();
  }

  // Autosave and check responses ---------------------------------------------------------------
  function isStatus(target) {
    return target && target.classList && target.classList.contains("quiz-saved");
  }
  // A refused answer (409, past the deadline) or an unreadable one (400) comes back with its
  // reason; htmx does not swap error responses by default, so say it in place.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var detail = event.detail, status = detail.xhr.status;
    if ((status === 400 || status === 409) && (isStatus(detail.target) || (detail.target && detail.target.id === "question"))) {
      detail.shouldSwap = true;
      detail.isError = false;
    }
  });
  function notSaved(event) {
    var target = event.detail && event.detail.target;
    if (isStatus(target)) {
      target.innerHTML = '<span class="quiz-save-error">Not saved — will retry when you continue</span>';
    } else if (target && target.id === "question") {
      // A check that never arrived: say so; Enter (or Check) tries again.
      var status = target.querySelector(".quiz-saved");
      if (status) status.innerHTML = '<span class="quiz-save-error">Not checked — try again</span>';
    }
  }
  document.addEventListener("htmx:responseError", notSaved);
  document.addEventListener("htmx:sendError", notSaved);
  document.addEventListener("htmx:timeout", notSaved);

  // "Submit anyway?" -----------------------------------------------------------------------------
  function answered(question) {
    var inputs = question.querySelectorAll("input, select");
    for (var i = 0; i < inputs.length; i++) {
      var el = inputs[i];
      if (el.type === "hidden") continue;
      if (el.type === "radio" || el.type === "checkbox") {
        if (el.checked) return true;
      } else if (el.value && el.value.trim()) {
        return true;
      }
    }
    return false;
  }
  document.addEventListener("submit", function (event) {
    var form = event.target, submitter = event.submitter;
    if (!form.hasAttribute("data-quiz-form") || !submitter || !submitter.hasAttribute("data-confirm-unanswered")) return;
    var count = Number(form.getAttribute("data-unanswered-elsewhere") || 0);
    form.querySelectorAll("[data-question]").forEach(function (q) { if (!answered(q)) count += 1; });
    if (count && !window.confirm(count + (count === 1 ? " question" : " questions") + " unanswered — submit anyway?")) {
      event.preventDefault();
    }
  });

  // Keys (one question per screen) ---------------------------------------------------------------
  var checking = false;
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (event.detail.elt && event.detail.elt.matches('[data-key="check"]')) checking = true;
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.elt && event.detail.elt.matches('[data-key="check"]')) checking = false;
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.detail.target && event.detail.target.id === "question") {
      checking = false;
      var focus = document.querySelector("#question [autofocus]");
      if (focus) focus.focus();
    }
  });

  function press(form, key) {
    var button = form.querySelector('[data-key="' + key + '"]');
    if (button && !button.disabled) {
      button.click();
      return true;
    }
    return false;
  }

  // Until htmx has wired up the page (its DOMContentLoaded handler runs before ours), a picked
  // option would not autosave and Check would post a plain form: a key pressed that early waits.
  var ready = document.readyState !== "loading";
  var early = null;
  document.addEventListener("DOMContentLoaded", function () {
    ready = true;
    if (early) {
      var key = early;
      early = null;
      onKey(key);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (!ready) {
      var tag = event.target && event.target.tagName;
      var boxed = /^(INPUT|TEXTAREA|SELECT)$/.test(tag) && !/^(radio|checkbox)$/.test(event.target.type);
      if (!boxed && document.querySelector("[data-quiz-keys]") && !event.altKey && !event.metaKey && !event.ctrlKey) {
        early = { key: event.key, target: event.target, preventDefault: function () {} };
        event.preventDefault();
      }
      return;
    }
    onKey(event);
  });

  function onKey(event) {
    var form = document.querySelector("[data-quiz-keys]");
    var target = event.target, tag = target && target.tagName;
    if (!form) {
      // All on one page: Enter in an answer box must not submit the whole quiz by accident.
      if (event.key === "Enter" && tag === "INPUT" && target.type === "text" && target.form && target.form.hasAttribute("data-quiz-form")) {
        event.preventDefault();
      }
      return;
    }
    if (event.altKey || event.metaKey || event.ctrlKey || event.isComposing) return;
    if (checking) {
      event.preventDefault();
      return;
    }
    var choosing = tag === "INPUT" && (target.type === "radio" || target.type === "checkbox");
    var typing = (tag === "INPUT" && !choosing) || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
    if (event.key === "Enter") {
      // A focused button or link does its own thing; anywhere else Enter checks, then moves on.
      if (tag === "BUTTON" || tag === "A") return;
      event.preventDefault();
      if (!press(form, "check")) press(form, "next");
      return;
    }
    if (typing) return;
    var key = event.key;
    if (/^[1-9]$/.test(key)) {
      var option = form.querySelectorAll("[data-option]")[Number(key) - 1];
      if (!option || option.disabled) return;
      event.preventDefault();
      if (option.type === "radio" || option.type === "checkbox") option.click();
      else option.focus();
    } else if (key === "n" || key === "N" || (key === "ArrowRight" && !choosing)) {
      // "n" on the last question does not submit: Finish needs Enter or a click.
      var next = form.querySelector('[data-key="next"]:not([formaction])');
      if (next) {
        event.preventDefault();
        next.click();
      }
    } else if (key === "p" || key === "P" || (key === "ArrowLeft" && !choosing)) {
      if (press(form, "prev")) event.preventDefault();
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startTimer);
  else startTimer();
})();

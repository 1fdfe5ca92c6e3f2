// Symptom checker: with htmx, ask one group of questions at a time. Without this file, or without
// JavaScript, the checker is one form that posts once; everything here only enhances it.
//
// The server checks each step (data-hx-post with step=<group> on the Next buttons) and sends the group
// back: data-step-valid="true" means move on; otherwise it carries its errors and an error summary. The emergency advice
// comes from data-hx-post step=advice on the emergency questions. No inline script, no eval.
(function () {
  "use strict";

  var form = null;
  var current = 0;

  function steps() {
    return Array.prototype.slice.call(form.querySelectorAll("[data-step]"));
  }

  function focusHeading(step) {
    var heading = step && step.querySelector(".step-heading");
    if (heading) heading.focus();
  }

  function show(index, options) {
    var all = steps();
    current = Math.max(0, Math.min(index, all.length - 1));
    all.forEach(function (step, i) { step.hidden = i !== current; });
    if (options && options.push) history.pushState({ checkerStep: current }, "");
    if (options && options.focus) focusHeading(all[current]);
  }

  // Show every group again (the plain form), e.g. when the server can't be reached.
  function unstep() {
    form.classList.remove("is-stepped");
    steps().forEach(function (step) { step.hidden = false; });
    form.querySelectorAll("[data-step-nav]").forEach(function (nav) { nav.hidden = true; });
  }

  function belongsToChecker(elt) {
    return form && elt && form.contains(elt);
  }

  function firstUnanswered(step) {
    var groups = step.querySelectorAll("fieldset.question");
    for (var i = 0; i < groups.length; i++) {
      if (!groups[i].querySelector("input:checked")) return groups[i].querySelector("input");
    }
    return null;
  }

  // Follow-up questions (data-shown-when="pregnant" data-shown-values="yes unsure"): shown only after
  // one of those answers. While hidden, their inputs are disabled, so a stale answer is never sent.
  function applyShownWhen() {
    form.querySelectorAll("[data-shown-when]").forEach(function (question) {
      var name = question.getAttribute("data-shown-when");
      var values = (question.getAttribute("data-shown-values") || "").split(" ");
      var chosen = form.querySelector('input[name="' + name + '"]:checked');
      var show = Boolean(chosen) && values.indexOf(chosen.value) !== -1;
      question.hidden = !show;
      question.querySelectorAll("input").forEach(function (input) { input.disabled = !show; });
    });
  }

  function init() {
    form = document.querySelector("form[data-checker]");
    document.querySelectorAll("[data-print][hidden]").forEach(function (button) { button.hidden = false; });
    if (!form) return;
    applyShownWhen();
    form.addEventListener("change", function (event) {
      var name = event.target && event.target.name;
      if (name && form.querySelector('[data-shown-when="' + name + '"]')) applyShownWhen();
    });
    if (form.hasAttribute("data-has-errors")) {
      // The plain form came back with errors: start at the summary, which links to each question.
      var summary = document.querySelector("[data-error-summary]");
      if (summary) summary.focus();
      return;
    }
    if (!window.htmx) return;
    form.classList.add("is-stepped");
    form.querySelectorAll("[data-step-nav]").forEach(function (nav) { nav.hidden = false; });
    // Always start at the emergency signs: a reloaded page has lost its answers.
    history.replaceState({ checkerStep: 0 }, "");
    show(0);
  }

  document.addEventListener("click", function (event) {
    if (!form) return;
    if (event.target.closest("[data-step-back]")) {
      event.preventDefault();
      // Back through the browser's history, so the browser's own Back button agrees with this one.
      if (history.state && history.state.checkerStep === current && current > 0) history.back();
      else show(current - 1, { focus: true });
      return;
    }
    if (event.target.closest("[data-checker-continue]")) {
      event.preventDefault();
      var step = steps()[current];
      var next = firstUnanswered(step);
      if (next) next.focus();
      else focusHeading(step);
    }
  });

  // Enter in a text box moves to the next step rather than sending the whole form early.
  document.addEventListener("keydown", function (event) {
    if (!form || !form.classList.contains("is-stepped") || event.key !== "Enter") return;
    if (!event.target.matches || !event.target.matches("input[type=text]") || !form.contains(event.target)) return;
    var nextButton = steps()[current].querySelector("[data-step-next]");
    if (nextButton) {
      event.preventDefault();
      nextButton.click();
    }
  });

  window.addEventListener("popstate", function (event) {
    if (form && form.classList.contains("is-stepped") && event.state && typeof event.state.checkerStep === "number") {
      show(event.state.checkerStep, { focus: true });
    }
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    var swapped = event.target;
    if (!belongsToChecker(swapped)) return;
    applyShownWhen();  // a group sent back by the server shows every question
    if (swapped.matches("[data-step]") && swapped.getAttribute("data-step-valid") === "true") {
      show(current + 1, { push: true, focus: true });
      return;
    }
    var target = swapped.matches("[data-focus-after-swap]") ? swapped : swapped.querySelector("[data-focus-after-swap]");
    if (target) target.focus();
  });

  // If a step can't be checked (offline, server error), fall back to the plain one-page form.
  function fallBack(event) {
    if (belongsToChecker(event.detail.elt) && event.detail.elt.matches("[data-step-next]")) unstep();
  }
  document.addEventListener("htmx:responseError", fallBack);
  document.addEventListener("htmx:sendError", fallBack);

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

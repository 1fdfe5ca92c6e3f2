// Back on Track: a hold and rest timer for a prescribed dose (templates/includes/timer.html).
// An enhancement: the dose is always written as text; the timer is shown only when this runs.
// CSP-safe: no inline code, no eval, state shown with classes and the hidden/disabled attributes.
(function () {
  "use strict";
  if (window.backOnTrackTimer) return;  // loaded once, however many timers a page has
  window.backOnTrackTimer = true;

  var READY = 5;         // seconds to get into position
  var REST_REP = 5;      // between reps
  var REST_SWITCH = 15;  // between sides and between sets
  var TICK = 1000;

  function seconds(n) { return n + (n === 1 ? " second" : " seconds"); }
  function number(el, name, fallback) {
    var value = parseInt(el.getAttribute("data-" + name), 10);
    return value > 0 ? value : fallback;
  }

  // The whole session as a list of steps: {kind, seconds, say}.
  function plan(el) {
    var sets = number(el, "sets", 1), reps = number(el, "reps", 1);
    var hold = number(el, "hold", 0), sides = number(el, "sides", 1);
    var steps = [{ kind: "ready", seconds: READY, say: "Get ready: " + seconds(READY) }];
    for (var set = 1; set <= sets; set++) {
      for (var side = 1; side <= sides; side++) {
        for (var rep = 1; rep <= reps; rep++) {
          var where = [];
          if (sets > 1) where.push("Set " + set + " of " + sets);
          if (sides > 1) where.push(side === 1 ? "first side" : "second side");
          where.push("rep " + rep + " of " + reps);
          var label = where.join(", ");
          steps.push({ kind: "hold", seconds: hold,
                       say: label.charAt(0).toUpperCase() + label.slice(1) + ": hold for " + seconds(hold) });
          if (rep < reps) steps.push({ kind: "rest", seconds: REST_REP, say: "Rest for " + seconds(REST_REP) });
        }
        var last = set === sets && side === sides;
        if (!last) {
          var next = side < sides ? "then switch sides" : "then set " + (set + 1);
          steps.push({ kind: "rest", seconds: REST_SWITCH, say: "Rest for " + seconds(REST_SWITCH) + ", " + next });
        }
      }
    }
    steps.push({ kind: "done", seconds: 0, say: "Done. Well done!" });
    return steps;
  }

  function beeper() {
    var Context = window.AudioContext || window.webkitAudioContext;
    var context = null;
    return function (high) {
      if (!Context) return;
      try {
        context = context || new Context();
        var tone = context.createOscillator(), gain = context.createGain();
        tone.frequency.value = high ? 880 : 660;
        gain.gain.value = 0.15;
        tone.connect(gain);
        gain.connect(context.destination);
        tone.start();
        tone.stop(context.currentTime + 0.18);
      } catch (error) { /* no sound is fine */ }
    };
  }

  function setup(el) {
    var count = el.querySelector("[data-timer-count]");
    var phase = el.querySelector("[data-timer-phase]");
    var start = el.querySelector("[data-timer-start]");
    var stop = el.querySelector("[data-timer-stop]");
    var wantsBeep = el.querySelector("[data-timer-beep]");
    var beep = beeper();
    var timer = null, steps = [], index = 0, left = 0;

    function show(kind) {
      ["ready", "hold", "rest", "done"].forEach(function (name) {
        el.classList.toggle("is-" + name, name === kind);
      });
    }
    function enter(i) {
      index = i;
      var step = steps[i];
      left = step.seconds;
      show(step.kind);
      count.textContent = step.kind === "done" ? "✓" : String(left);
      phase.textContent = step.say;  // the live region: one announcement per change
      if (wantsBeep && wantsBeep.checked) beep(step.kind === "hold" || step.kind === "done");
      if (step.kind === "done") finish();
    }
    function tick() {
      left -= 1;
      if (left > 0) {
        count.textContent = String(left);
        timer = window.setTimeout(tick, TICK);
      } else {
        enter(index + 1);
        if (timer !== null) timer = window.setTimeout(tick, TICK);
      }
    }
    function finish() {
      if (timer !== null) window.clearTimeout(timer);
      timer = null;
      start.disabled = false;
      start.textContent = "Start again";
      stop.disabled = true;
    }
    start.addEventListener("click", function () {
      if (timer !== null) window.clearTimeout(timer);
      steps = plan(el);
      start.disabled = true;
      stop.disabled = false;
      timer = 0;
      enter(0);
      timer = window.setTimeout(tick, TICK);
    });
    stop.addEventListener("click", function () {
      finish();
      show("");
      count.textContent = el.getAttribute("data-hold");
      phase.textContent = "Stopped. Press Start to begin again.";
      start.focus();
    });
    el.hidden = false;
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-timer]"), setup);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

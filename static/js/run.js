// Run mode: counts each step of a session down, with a sound, a vibration and spoken words at every
// change, each switchable off. Time comes from the clock (Date.now), not from counting ticks, so a tab
// that sleeps and wakes is still right: on waking it moves on to the step the clock says.
// Without this script the page lists the same steps, and the check-in form is below them.
(function () {
  "use strict";
  var root = document.querySelector("[data-run]");
  var list = document.querySelector("[data-run-steps]");
  if (!root || !list) return;

  var steps = Array.prototype.map.call(list.querySelectorAll("li"), function (li) {
    return {kind: li.dataset.kind, seconds: +li.dataset.seconds, cue: li.dataset.cue, label: li.dataset.label, item: li};
  });
  var starts = [];
  var total = steps.reduce(function (at, step) { starts.push(at); return at + step.seconds; }, 0);
  var $ = function (name) { return root.querySelector("[data-run-" + name + "]"); };
  var now = $("now"), count = $("count"), clock = $("clock"), next = $("next"), note = $("wake-note");
  var buttons = {start: $("start"), pause: $("pause"), resume: $("resume"), skip: $("skip"), stop: $("stop")};
  var CUES_KEY = "backpain.run.cues";

  var startedAt = 0;   // Date.now() when the session's elapsed time was 0 (moved on by pauses and skips)
  var pausedAt = null; // elapsed ms while paused
  var index = -1, halfwaySaid = false, timer = null, audio = null, wakeLock = null, ended = false;

  function elapsedMs() { return pausedAt !== null ? pausedAt : Date.now() - startedAt; }

  // --- Cues -----------------------------------------------------------------------------------
  var cues = {sound: true, voice: true, vibrate: true};
  try { Object.assign(cues, JSON.parse(localStorage.getItem(CUES_KEY) || "{}")); } catch (e) { /* keep defaults */ }
  root.querySelectorAll("[data-cue-toggle]").forEach(function (box) {
    var name = box.dataset.cueToggle;
    box.checked = cues[name] !== false;
    box.addEventListener("change", function () {
      cues[name] = box.checked;
      try { localStorage.setItem(CUES_KEY, JSON.stringify(cues)); } catch (e) { /* private mode */ }
    });
  });

  function beep(frequency, seconds, times) {
    if (!cues.sound || !audio) return;
    for (var i = 0; i < times; i++) {
      var at = audio.currentTime + i * (seconds + 0.12);
      var tone = audio.createOscillator(), gain = audio.createGain();
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.4, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + seconds);
      tone.connect(gain).connect(audio.destination);
      tone.start(at);
      tone.stop(at + seconds + 0.05);
    }
  }

  function say(words) {
    if (!cues.voice || !("speechSynthesis" in window)) return;
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(new SpeechSynthesisUtterance(words));
  }

  function buzz(pattern) {
    if (cues.vibrate && navigator.vibrate) navigator.vibrate(pattern);
  }

  function cue(step) {
    if (step.kind === "run") { beep(880, 0.18, 2); buzz([200, 100, 200]); } else { beep(440, 0.5, 1); buzz([500]); }
    say(step.cue);
  }

  // --- The screen stays on while it runs (Screen Wake Lock, where the browser has it) ------------
  function keepScreenOn() {
    if (!("wakeLock" in navigator)) {
      note.textContent = "This browser can't keep the screen on by itself: set your phone's screen to stay on " +
        "while you run.";
      return;
    }
    navigator.wakeLock.request("screen").then(function (lock) { wakeLock = lock; note.textContent = "The screen stays on while you run."; })
      .catch(function () { note.textContent = "The screen may turn off: set it to stay on while you run."; });
  }
  function letScreenSleep() { if (wakeLock) { wakeLock.release(); wakeLock = null; } }

  // --- Showing the time -------------------------------------------------------------------------
  function mmss(seconds) {
    var whole = Math.max(0, Math.ceil(seconds));
    var m = Math.floor(whole / 60), s = whole % 60;
    return m + ":" + (s < 10 ? "0" : "") + s;
  }

  function word(step) {
    return {run: "Run", cool_down: "Cool-down", warm_up: "Warm-up"}[step.kind] || "Walk";
  }

  function enter(i) {
    if (index >= 0) steps[index].item.classList.remove("is-current");
    index = i;
    var step = steps[i];
    step.item.classList.add("is-current");
    now.textContent = word(step);
    root.dataset.kind = step.kind;
    count.textContent = step.label;
    var following = steps[i + 1];
    next.textContent = following ? "Next: " + following.label.toLowerCase() + ", " + mmss(following.seconds) : "Next: check in";
    cue(step);
  }

  function tick() {
    if (ended) return;
    var seconds = elapsedMs() / 1000;
    if (seconds >= total) { finish("done"); return; }
    var i = index < 0 ? 0 : index;
    while (i + 1 < steps.length && starts[i + 1] <= seconds) i++;
    if (i !== index) enter(i);
    // Four ticks a second, one new figure a second: the page is touched only when the figure changes.
    var left = mmss(starts[i] + steps[i].seconds - seconds);
    if (clock.textContent !== left) clock.textContent = left;
    if (!halfwaySaid && seconds >= total / 2 && index > 0) {
      halfwaySaid = true;
      // Not over a step's own words: halfway is said only when no step has just started.
      if (seconds - starts[index] > 3) say("Halfway.");
    }
  }

  function show(running) {
    buttons.start.hidden = true;
    buttons.pause.hidden = !running;
    buttons.resume.hidden = running;
    buttons.skip.hidden = buttons.stop.hidden = false;
  }

  function start() {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (Context && !audio) audio = new Context(); // made on a tap: browsers allow sound only after one
    startedAt = Date.now();
    pausedAt = null;
    show(true);
    keepScreenOn();
    timer = setInterval(tick, 250);
    tick();
    root.scrollIntoView({block: "start"}); // the big screen fills the phone's view while running
  }

  function pause() {
    pausedAt = elapsedMs();
    clearInterval(timer);
    show(false);
    now.textContent = "Paused";
    letScreenSleep();
  }

  function resume() {
    startedAt = Date.now() - pausedAt;
    pausedAt = null;
    show(true);
    keepScreenOn();
    timer = setInterval(tick, 250);
    now.textContent = word(steps[index]);
    tick();
  }

  function skip() {
    var to = starts[index + 1];
    if (to === undefined) { finish("done"); return; }
    if (pausedAt !== null) pausedAt = to * 1000; else startedAt = Date.now() - to * 1000;
    tick();
  }

  function finish(how) {
    ended = true;
    clearInterval(timer);
    letScreenSleep();
    if (index >= 0) steps[index].item.classList.remove("is-current");
    Object.keys(buttons).forEach(function (name) { buttons[name].hidden = true; });
    now.textContent = how === "done" ? "Finished" : "Stopped";
    clock.textContent = "0:00";
    next.textContent = "";
    var done = document.querySelector("[data-run-done]");
    done.textContent = how === "done" ? "Well done: that is the session. Now check in." :
      "You stopped early. That's fine: check in, and the plan tells you what to do next time.";
    done.hidden = false;
    if (how !== "done") {
      var early = document.querySelector('.check-in-form input[name="finished"][value="0"]');
      if (early) early.checked = true;
    }
    beep(660, 0.3, 3);
    say(how === "done" ? "Well done. Time to check in." : "Stopped.");
    done.focus();
  }

  buttons.start.addEventListener("click", start);
  buttons.pause.addEventListener("click", pause);
  buttons.resume.addEventListener("click", resume);
  buttons.skip.addEventListener("click", skip);
  buttons.stop.addEventListener("click", function () { finish("stopped"); });
  // Back from sleep: the clock moved on, so catch up at once, and ask again to keep the screen on.
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible" && !ended && pausedAt === null && timer) { tick(); keepScreenOn(); }
  });
  root.hidden = false;
})();

// "Keep it on this phone": the whole track fetched once into the service worker's "audio" cache
// (serviceworker/build.mjs), which then answers the player's byte ranges with no signal. A player
// streaming by itself only ever gets ranges, which are never kept whole.
(function () {
  var box = document.querySelector("[data-keep-audio]");
  if (!box || !("caches" in window) || !("serviceWorker" in navigator)) return;
  var button = box.querySelector("[data-keep-audio-button]"), status = box.querySelector("[data-keep-audio-status]");
  var src = new URL(button.dataset.src, location.href).href;
  function kept() { button.hidden = true; status.textContent = "Kept on this phone: it plays with no signal."; }
  caches.open("audio").then(function (cache) { return cache.match(src); }).then(function (hit) { if (hit) kept(); });
  button.addEventListener("click", function () {
    button.disabled = true;
    status.textContent = "Saving the track…";
    caches.open("audio").then(function (cache) { return cache.add(src); }).then(kept, function () {
      button.disabled = false;
      status.textContent = "It could not be saved. Try again with signal, or download it.";
    });
  });
  box.hidden = false;
})();

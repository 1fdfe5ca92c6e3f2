// Return to running: a runner's own check-in history, kept in this browser only (localStorage).
// Nothing here sends anything anywhere: the history never leaves the device. Without JavaScript (or
// without storage) the controls stay hidden and the printed week card does the same job on paper.
//
// The plan's chart is drawn on the server; this file adds a circle for each kept check-in, placed with
// the scale the <svg> carries in its data attributes (one unit per day across, minutes up).
(function () {
  "use strict";

  var KEY = "backpain.running.checkins";
  var SVG = "http://www.w3.org/2000/svg";
  var DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var STEPS = { move_up: "move up a stage", repeat: "repeat this stage", step_back: "step back a stage",
    stop: "stop: use the symptom checker" };

  function storageWorks() {
    try {
      window.localStorage.setItem(KEY + ".test", "1");
      window.localStorage.removeItem(KEY + ".test");
      return true;
    } catch (error) {
      return false;
    }
  }

  function load() {
    try {
      var list = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(list) ? list.filter(valid) : [];
    } catch (error) {
      return [];
    }
  }

  function valid(item) {
    return item && /^\d{4}-\d{2}-\d{2}$/.test(item.date) && item.stage >= 1 && item.pain >= 0 && item.pain <= 10;
  }

  function store(list) {
    list.sort(function (a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : 0; });
    window.localStorage.setItem(KEY, JSON.stringify(list));
  }

  function dayNumber(iso) { // days since 1970 for a yyyy-mm-dd date, whatever the time zone
    var parts = iso.split("-");
    return Date.UTC(+parts[0], +parts[1] - 1, +parts[2]) / 86400000;
  }

  function isoDate(date) {
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return date.getFullYear() + "-" + two(date.getMonth() + 1) + "-" + two(date.getDate());
  }

  function yesterday() {
    var date = new Date();
    date.setDate(date.getDate() - 1);
    return isoDate(date);
  }

  function readable(iso) {
    var parts = iso.split("-");
    var date = new Date(Date.UTC(+parts[0], +parts[1] - 1, +parts[2]));
    return DAYS[date.getUTCDay()] + " " + date.getUTCDate() + " " + MONTHS[date.getUTCMonth()] + " " + parts[0];
  }

  function describe(item) {
    return readable(item.date) + ": stage " + item.stage + ", pain " + item.pain + " out of 10" +
      (item.morning === "worse" ? ", worse the next morning" : "") +
      (STEPS[item.action] ? "; next step: " + STEPS[item.action] : "");
  }

  function make(name, attributes, text) {
    var element = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { element.setAttribute(key, attributes[key]); });
    if (text !== undefined) element.textContent = text;
    return element;
  }

  function drawChart(svg, list) {
    var layer = svg.querySelector("[data-chart-checkins]");
    if (!layer) return;
    while (layer.firstChild) layer.removeChild(layer.firstChild);
    var data = svg.dataset;
    var start = dayNumber(data.start);
    var days = +data.days;
    var minutes = data.stageMinutes.split(",").map(Number);
    list.forEach(function (item) {
      var day = dayNumber(item.date) - start;
      if (day < 0 || day >= days || minutes[item.stage - 1] === undefined) return; // outside this plan
      var x = +data.left + (day + 0.5) * +data.perDay;
      var y = +data.zero - minutes[item.stage - 1] * +data.perMinute - 13;
      var group = make("g", { "class": "checkin", "data-date": item.date });
      group.appendChild(make("title", {}, describe(item)));
      group.appendChild(make("circle", { "class": "checkin-dot" + (item.action === "stop" ? " is-stop" : ""),
        cx: x.toFixed(1), cy: y.toFixed(1), r: 10 }));
      group.appendChild(make("text", { "class": "checkin-pain", x: x.toFixed(1), y: (y + 4).toFixed(1),
        "text-anchor": "middle" }, String(item.pain)));
      layer.appendChild(group);
    });
  }

  function render() {
    var list = load();
    document.querySelectorAll("[data-history]").forEach(function (section) {
      section.hidden = false;
      var ol = section.querySelector("[data-history-list]");
      while (ol.firstChild) ol.removeChild(ol.firstChild);
      list.forEach(function (item) {
        var li = document.createElement("li");
        li.textContent = describe(item);
        ol.appendChild(li);
      });
      ol.hidden = list.length === 0;
      section.querySelector("[data-history-empty]").hidden = list.length > 0;
      section.querySelector("[data-history-delete]").hidden = list.length === 0;
    });
    document.querySelectorAll("[data-history-key]").forEach(function (key) { key.hidden = false; });
    document.querySelectorAll("svg[data-chart]").forEach(function (svg) { drawChart(svg, list); });
  }

  function revealKeepControls(root) {
    (root || document).querySelectorAll("[data-keep]").forEach(function (keep) {
      keep.hidden = false;
      var input = keep.querySelector("[data-keep-date]");
      if (input && !input.value) input.value = yesterday();
    });
  }

  function say(selector, scope, message) {
    var status = scope.querySelector(selector);
    if (status) status.textContent = message;
  }

  function keep(button) {
    var box = button.closest("[data-keep]");
    var date = box.querySelector("[data-keep-date]").value || yesterday();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      say("[data-keep-status]", box, "Give the date of the session first.");
      return;
    }
    var item = { date: date, stage: +box.dataset.stage, pain: +box.dataset.pain, morning: box.dataset.morning,
      action: box.dataset.action, next: box.dataset.next ? +box.dataset.next : null };
    var list = load();
    list.push(item);
    store(list);
    button.disabled = true;
    say("[data-keep-status]", box, "Kept in this browser" +
      (document.querySelector("[data-history]") ? ": it is on your chart above." : ". Open your plan to see it on the chart."));
    render();
  }

  function forget() {
    window.localStorage.removeItem(KEY);
    render();
    document.querySelectorAll("[data-history]").forEach(function (section) {
      say("[data-history-status]", section, "Your history is deleted from this browser.");
    });
  }

  function start() {
    if (!storageWorks()) return; // the controls stay hidden
    revealKeepControls();
    render();
    document.addEventListener("click", function (event) {
      var save = event.target.closest("[data-keep-save]");
      if (save) keep(save);
      if (event.target.closest("[data-history-delete]")) forget();
    });
    // A check-in answered with htmx arrives as a new piece of page.
    document.addEventListener("htmx:afterSettle", function () { revealKeepControls(); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

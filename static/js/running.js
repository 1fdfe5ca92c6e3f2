// Return to running: a runner's own check-in history, kept in this browser only (localStorage).
// Nothing here sends anything anywhere: the history never leaves the device. Without JavaScript (or
// without storage) the controls stay hidden and the printed week card does the same job on paper.
//
// The plan's chart is drawn on the server; this file adds a circle for each kept check-in, placed with
// the scale the <svg> carries in its data attributes (one unit per day across, minutes up).
//
// The plan also follows the kept check-ins: each marks a session done (the one on its date, or the
// last one before it still open), and "Today: stage 3, session 2 of 3" shows at the top of the plan
// and on the home page. The plan page keeps its own sessions (dates and stages, read from its
// table) in this browser too, so the home page can say the same without asking the server. A
// check-in from before the plan started is counted and shown, never silently dropped.
(function () {
  "use strict";

  var KEY = "backpain.running.checkins";
  var PLAN_KEY = "backpain.running.plan"; // the last plan opened: its link and its sessions
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

  // --- The plan's sessions, done marks and today's line -------------------------------------------
  function sessionsOnPage(box) { // [{date, stage, week, number, of}] from the plan's weeks table
    var sessions = [];
    document.querySelectorAll("[data-week]").forEach(function (row) {
      var times = row.querySelectorAll("time[data-session]");
      times.forEach(function (time, i) {
        sessions.push({ date: time.getAttribute("datetime"), stage: +row.dataset.stage, week: +row.dataset.week,
          number: i + 1, of: times.length });
      });
    });
    return { url: box.dataset.planUrl, runUrl: box.dataset.runUrl, perWeek: +box.dataset.sessions,
      sessions: sessions };
  }

  function storedPlan() {
    try {
      var plan = JSON.parse(window.localStorage.getItem(PLAN_KEY) || "null");
      return plan && Array.isArray(plan.sessions) && plan.sessions.length ? plan : null;
    } catch (error) {
      return null;
    }
  }

  // Which sessions the kept check-ins mark done: each check-in marks the session on its date, or the
  // last session before its date that is still open. One before the plan's first session is "earlier".
  function progress(plan, list) {
    var done = plan.sessions.map(function () { return false; });
    var earlier = [];
    list.forEach(function (item) {
      var exact = -1, before = -1;
      plan.sessions.forEach(function (session, i) {
        if (done[i]) return;
        if (session.date === item.date && exact < 0) exact = i;
        if (session.date <= item.date) before = i;
      });
      var i = exact >= 0 ? exact : before;
      if (i >= 0) done[i] = true;
      else if (item.date < plan.sessions[0].date) earlier.push(item);
    });
    return { done: done, earlier: earlier };
  }

  function sessionWords(session) {
    return "stage " + session.stage + ", session " + session.number + " of " + session.of;
  }

  // The line at the top: today's session, or the next one after a rest day.
  function todayLine(plan, done, today) {
    var sessions = plan.sessions;
    if (today < sessions[0].date) {
      return { text: "Your plan starts on " + readable(sessions[0].date) + ": " + sessionWords(sessions[0]) + ".",
        session: sessions[0] };
    }
    var week = 0;
    sessions.forEach(function (session) { if (session.date <= today) week = session.week; });
    var next = null;
    sessions.forEach(function (session, i) {
      if (!next && !done[i] && session.week >= week) next = session;
    });
    if (!next) return { text: "Every session of this plan is done. Well done!", session: null };
    if (next.week === week && next.date <= today) return { text: "Today: " + sessionWords(next) + ".", session: next };
    return { text: "Today: rest day. Next: " + sessionWords(next) + ", on " + readable(next.date) + ".", session: next };
  }

  function paragraph(parent, text, className) {
    var p = document.createElement("p");
    if (className) p.className = className;
    p.textContent = text;
    parent.appendChild(p);
    return p;
  }

  function link(parent, href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    parent.appendChild(a);
  }

  function showToday(box, plan, list, onPlanPage) {
    while (box.firstChild) box.removeChild(box.firstChild);
    var state = progress(plan, list);
    var line = todayLine(plan, state.done, isoDate(new Date()));
    paragraph(box, line.text, "plan-today-line");
    var links = paragraph(box, "", "plan-today-links");
    if (line.session && plan.runUrl) {
      link(links, plan.runUrl + "?stage=" + line.session.stage + "&sessions=" + plan.perWeek,
        "Run mode for stage " + line.session.stage);
    }
    if (!onPlanPage && plan.url) link(links, plan.url, "Open your plan");
    var count = state.done.filter(Boolean).length;
    if (count) paragraph(box, count + " of " + plan.sessions.length + " sessions done, from the check-ins you kept.");
    if (state.earlier.length) {
      paragraph(box, state.earlier.length + (state.earlier.length === 1 ? " check-in" : " check-ins") +
        " from before this plan started: " + state.earlier.map(describe).join("; ") + ".", "plan-today-earlier");
    }
    box.hidden = false;
    return state;
  }

  function markDone(state) {
    var times = document.querySelectorAll("[data-week] time[data-session]");
    times.forEach(function (time, i) {
      var mark = time.nextElementSibling;
      if (mark && mark.classList.contains("session-done")) mark.remove();
      if (!state.done[i]) return;
      mark = document.createElement("span");
      mark.className = "session-done";
      mark.textContent = " \u2713 done";
      time.after(mark);
    });
  }

  function renderToday(list) {
    document.querySelectorAll("[data-plan-today]").forEach(function (box) {
      var onPlanPage = box.hasAttribute("data-plan-url");
      var plan = onPlanPage ? sessionsOnPage(box) : storedPlan();
      if (!plan || !plan.sessions.length) { box.hidden = true; return; }
      if (onPlanPage) window.localStorage.setItem(PLAN_KEY, JSON.stringify(plan));
      var state = showToday(box, plan, list, onPlanPage);
      if (onPlanPage) markDone(state);
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
    renderToday(list);
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
    window.localStorage.removeItem(PLAN_KEY); // after render(), which keeps the plan on show

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

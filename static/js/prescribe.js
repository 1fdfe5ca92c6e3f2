/* The physio's sheet pages, enhanced (issue 29). Without this file everything still works: the link is
   text to select, Print and "Open the patient's view" are links, and the templates section stays hidden.
   - Copy the link (Clipboard API) and Share (Web Share API, only where the device has it);
   - templates: saved sheets in this browser's localStorage (name, reuse, delete), never on the server;
   - a sheet opened with #print prints itself. */
(function () {
  "use strict";
  var KEY = "backpain.prescribe.templates";

  function templates() {
    try {
      var list = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(list) ? list.filter(function (t) { return t && typeof t.name === "string" && typeof t.token === "string"; }) : [];
    } catch (error) {
      return [];
    }
  }

  function store(list) {
    window.localStorage.setItem(KEY, JSON.stringify(list));
  }

  function say(element, text) {
    if (element) { element.textContent = text; }
  }

  function sharing() {
    var link = document.querySelector("[data-share-link]");
    if (!link) { return; }
    var status = document.querySelector("[data-share-status]");
    var copy = document.querySelector("[data-copy-link]");
    var share = document.querySelector("[data-share-sheet]");
    if (copy && navigator.clipboard && window.isSecureContext) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(link.value).then(function () {
          say(status, "Link copied. Paste it into a message or an email to your patient.");
        }, function () {
          link.select();
          say(status, "Couldn't copy: the link is selected, so copy it with your keyboard.");
        });
      });
    }
    if (share && typeof navigator.share === "function") {
      share.hidden = false;
      share.addEventListener("click", function () {
        navigator.share({ title: share.dataset.shareTitle, url: link.value }).catch(function () {});
      });
    }
    link.addEventListener("focus", function () { link.select(); });
  }

  function saving() {
    var section = document.querySelector("[data-template-save]");
    var form = document.querySelector("[data-template-form]");
    if (!section || !form || !window.localStorage) { return; }
    section.hidden = false;
    var status = document.querySelector("[data-template-status]");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var name = form.elements.name.value.trim();
      if (!name) { say(status, "Give the template a name first."); return; }
      var list = templates().filter(function (t) { return t.name !== name; });
      list.unshift({ name: name, token: form.dataset.token });
      store(list.slice(0, 50));
      say(status, "Saved “" + name + "” in this browser. It is listed on the sheet builder.");
    });
  }

  function listing() {
    var section = document.querySelector("[data-templates]");
    if (!section || !window.localStorage) { return; }
    var list = section.querySelector("[data-template-list]");
    var status = section.querySelector("[data-template-status]");
    var builder = section.dataset.builder;
    function draw() {
      var saved = templates();
      list.replaceChildren();
      section.hidden = false;
      section.querySelector("[data-template-empty]").hidden = saved.length > 0;
      saved.forEach(function (t) {
        var item = document.createElement("li");
        var name = document.createElement("span");
        name.className = "rx-template-name";
        name.textContent = t.name;
        var use = document.createElement("a");
        use.className = "button secondary";
        use.href = builder + "?sheet=" + encodeURIComponent(t.token);
        use.textContent = "Use";
        var hidden = document.createElement("span");
        hidden.className = "visually-hidden";
        hidden.textContent = " " + t.name;
        use.appendChild(hidden);
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "secondary";
        remove.textContent = "Delete";
        remove.appendChild(hidden.cloneNode(true));
        remove.addEventListener("click", function () {
          store(templates().filter(function (other) { return other.name !== t.name; }));
          draw();
          say(status, "Deleted “" + t.name + "”.");
        });
        item.append(name, " ", use, " ", remove);
        list.appendChild(item);
      });
    }
    draw();
  }

  function printing() {
    if (window.location.hash === "#print" && document.querySelector(".rx-sheet")) {
      window.addEventListener("load", function () { window.print(); });
    }
  }

  function start() {
    sharing();
    saving();
    listing();
    printing();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

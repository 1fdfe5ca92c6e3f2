// Admin change form of a guide page: keeps the "Reading grade" box up to date as the editor types.
// The form is posted to the admin's reading-grade address, which saves nothing and answers with the
// box's new content. Without JavaScript the box shows the grade when the form is opened or saved.
// The admin loads form media in <head>, so this waits for the page.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  const box = document.querySelector("[data-reading-url]");
  if (!box) return;
  const form = box.closest("form");
  const WAIT_MS = 800; // after the last key press: one request per pause, not one per key
  let timer = null;
  let latest = 0;

  async function refresh() {
    const asked = ++latest;
    const body = new FormData(form);
    try {
      const response = await fetch(box.dataset.readingUrl, { method: "POST", body, credentials: "same-origin" });
      if (response.ok && asked === latest) box.innerHTML = await response.text();
    } catch (error) {
      // Offline or the server is busy: the grade shown stays, and saving still shows a fresh one.
    }
  }

  form.addEventListener("input", (event) => {
    if (!event.target.matches("textarea, input[type=text]")) return;
    clearTimeout(timer);
    timer = setTimeout(refresh, WAIT_MS);
  });
});

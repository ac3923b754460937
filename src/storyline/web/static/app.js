// storyline: small progressive enhancements; every page works without this file.
"use strict";

// Story page: the speaker chips filter the timeline to one speaker's items.
function setupSpeakerFilter() {
  const chips = document.querySelectorAll("button.chip[data-filter]");
  chips.forEach((chip) => {
    chip.addEventListener("click", () => {
      const name = chip.dataset.filter;
      chips.forEach((c) => c.classList.toggle("active", c === chip && name !== ""));
      document.querySelectorAll("li.item").forEach((item) => {
        item.classList.toggle("hidden", name !== "" && item.dataset.speaker !== name);
      });
    });
  });
}

// Story page: pointing at a day on the axis marks that day in the list, and back.
function setupAxisLinks() {
  document.querySelectorAll(".axis-point").forEach((point) => {
    const day = document.getElementById("d-" + point.dataset.day);
    if (!day) return;
    const on = (v) => { point.classList.toggle("active", v); day.classList.toggle("active", v); };
    point.addEventListener("mouseenter", () => on(true));
    point.addEventListener("mouseleave", () => on(false));
  });
}

// Article page: bring the highlighted sentence into view even without the #hl fragment.
function revealHighlight() {
  const hl = document.getElementById("hl");
  if (hl && location.hash !== "#hl") hl.scrollIntoView({ block: "center" });
}

document.addEventListener("DOMContentLoaded", () => {
  setupSpeakerFilter();
  setupAxisLinks();
  revealHighlight();
});

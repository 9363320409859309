// Local reader helpers; nothing remote.
// Escape hides an open footnote tooltip without moving focus or the
// pointer (WCAG 1.4.13); Material shows a fresh one on the next hover/focus.
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") return;
  document.querySelectorAll(".md-tooltip2--active").forEach(function (tip) {
    tip.style.display = "none";
  });
});

// Local reader helpers; nothing remote.
// Escape hides an open footnote tooltip without moving focus or the
// pointer (WCAG 1.4.13); Material shows a fresh one on the next hover/focus.
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") return;
  document.querySelectorAll(".md-tooltip2--active").forEach(function (tip) {
    tip.style.display = "none";
  });
});

// Print shows a link's address after its text (extra.css), except where the
// text is the address already.
function markBareLinks() {
  document.querySelectorAll(".md-typeset a[href^='http']").forEach(function (a) {
    var text = a.textContent.trim();
    a.classList.toggle("md-link--bare", text === a.href || text === a.getAttribute("href"));
  });
}
markBareLinks();
window.addEventListener("beforeprint", markBareLinks);

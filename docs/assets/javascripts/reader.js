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

// Adjacent citation markers get a separator (extra.css puts a comma before
// a marker marked "fn-follows"): otherwise notes 59, 60 and 61 read "596061".
document.querySelectorAll(".md-typeset sup[id^='fnref']").forEach(function (sup) {
  var prev = sup.previousSibling;
  while (prev && prev.nodeType === Node.TEXT_NODE && !prev.textContent.trim()) prev = prev.previousSibling;
  if (prev && prev.nodeType === Node.ELEMENT_NODE && prev.matches("sup[id^='fnref']")) {
    sup.classList.add("fn-follows");
  }
});

// On a touch screen, a tap on a citation opens its card in place: the
// passage and its source, as the footnote holds them, without jumping to
// the foot of the page. A button or Escape closes it and gives focus back.
(function () {
  var touch = window.matchMedia("(hover: none)");
  var card = null;
  var opener = null;

  function close() {
    if (!card) return;
    card.remove();
    card = null;
    document.body.classList.remove("citation-card-open");
    if (opener) opener.focus();
    opener = null;
  }

  function open(ref) {
    var note = document.getElementById(decodeURIComponent(ref.hash.slice(1)));
    if (!note) return false;
    close();
    card = document.createElement("div");
    card.className = "citation-card md-typeset";
    card.setAttribute("role", "dialog");
    card.setAttribute("aria-label", "Source of citation " + ref.textContent.trim());
    var button = document.createElement("button");
    button.type = "button";
    button.className = "citation-card__close";
    button.textContent = "Close";
    button.addEventListener("click", close);
    var body = document.createElement("div");
    body.innerHTML = note.innerHTML;
    body.querySelectorAll(".footnote-backref").forEach(function (a) { a.remove(); });
    card.append(button, body);
    document.body.append(card);
    document.body.classList.add("citation-card-open");
    opener = ref;
    button.focus();
    return true;
  }

  document.addEventListener("click", function (event) {
    var ref = event.target.closest ? event.target.closest("a.footnote-ref") : null;
    if (ref && touch.matches) {
      if (open(ref)) event.preventDefault();
    } else if (card && !card.contains(event.target)) {
      close();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") close();
  });
})();

// Collapsible passages (the sources page, the search records): the HTML
// has them open, so that without JavaScript a citation's link still shows
// its passage. Here all close but the one the address points to, which
// stays open and in view; a later link to another opens that one.
(function () {
  var groups = document.querySelectorAll("details.passages");
  if (!groups.length) return;

  function target() {
    var id = decodeURIComponent(location.hash.slice(1));
    return id ? document.getElementById(id) : null;
  }

  function show() {
    var el = target();
    var holder = el && el.closest ? el.closest("details.passages") : null;
    if (!holder) return;
    holder.open = true;
    el.scrollIntoView();
  }

  var el = target();
  groups.forEach(function (details) {
    if (!(el && details.contains(el))) details.open = false;
  });
  show();
  window.addEventListener("hashchange", show);
})();

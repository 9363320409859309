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

// On a touch screen, a tap on a citation or on a figure opens its card in
// place: the passage and its source, as the footnote holds them, or what
// the figure counts and where it comes from, without jumping to the foot of
// the page or to the figures page. A button or Escape closes it and gives
// focus back. With a pointer or the keyboard, a figure shows the same note
// as a small card beside its link (the hover card below).
(function () {
  var touch = window.matchMedia("(hover: none)");
  var hover = window.matchMedia("(hover: hover)");
  var card = null;
  var opener = null;
  var returning = false; // focus given back by close(): no hover card for it

  // A note's content, to show elsewhere on the page: without footnote back
  // links (the card has its own way back) and without ids (none may repeat).
  function copyOf(note) {
    var body = document.createElement("div");
    body.innerHTML = note.innerHTML;
    body.querySelectorAll(".footnote-backref").forEach(function (a) { a.remove(); });
    body.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
    return body;
  }

  function close() {
    if (!card) return;
    card.remove();
    card = null;
    document.body.classList.remove("citation-card-open");
    returning = true;
    if (opener) opener.focus();
    returning = false;
    opener = null;
  }

  // The dialog card: `label` names it, `note` is the element whose content it shows.
  function open(link, label, note) {
    close();
    card = document.createElement("div");
    card.className = "citation-card md-typeset";
    card.setAttribute("role", "dialog");
    card.setAttribute("aria-label", label);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "citation-card__close";
    button.textContent = "Close";
    button.addEventListener("click", close);
    card.append(button, copyOf(note));
    document.body.append(card);
    document.body.classList.add("citation-card-open");
    opener = link;
    button.focus();
    return card;
  }

  function footnote(ref) {
    return document.getElementById(decodeURIComponent(ref.hash.slice(1)));
  }

  // A figure link is a link to the figures page with a fragment, in the
  // page's text, whose note this page holds (scripts/generate writes one per
  // figure the page links). Not on the figures page itself, nor in a card.
  function figureNote(a) {
    return document.getElementById("figure-note-" + decodeURIComponent(a.hash.slice(1)));
  }

  function figureLink(target) {
    var a = target && target.closest ? target.closest(".md-content a[href*='figures'][href*='#']") : null;
    if (!a || a.closest(".figure-notes, .figure-card, .citation-card, .md-tooltip2")) return null;
    if (a.pathname === location.pathname) return null;
    return figureNote(a) ? a : null;
  }

  // --- the hover card: non-modal, described by the link, beside it ---------
  var tip = null;
  var tipFor = null;
  var hideTimer = 0;

  function tipElement() {
    if (tip) return tip;
    tip = document.createElement("div");
    tip.id = "figure-card";
    tip.className = "figure-card md-typeset";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    // The pointer may cross into the card (to follow its source link): it stays.
    tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    tip.addEventListener("mouseleave", hideSoon);
    // Inside the main landmark, so that its content belongs to the page's.
    (document.querySelector("main") || document.body).append(tip);
    return tip;
  }

  function show(link) {
    clearTimeout(hideTimer);
    if (tipFor === link) return;
    hide();
    var el = tipElement();
    el.replaceChildren(copyOf(figureNote(link)));
    el.hidden = false;
    link.setAttribute("aria-describedby", el.id);
    tipFor = link;
    place(el, link);
  }

  function hide() {
    clearTimeout(hideTimer);
    if (!tipFor) return;
    tip.hidden = true;
    tipFor.removeAttribute("aria-describedby");
    tipFor = null;
  }

  // A short delay, so that the pointer can move from the link into the card.
  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () {
      if (tipFor && document.activeElement !== tipFor) hide();
    }, 300);
  }

  // Below the link if the card fits there, else above it; never past the
  // viewport's sides. Coordinates are the viewport's, made relative to the
  // box the card is positioned in.
  function place(el, link) {
    var gap = 6;
    var margin = 8;
    var r = link.getBoundingClientRect();
    var w = el.offsetWidth;
    var h = el.offsetHeight;
    var vw = document.documentElement.clientWidth;
    var vh = window.innerHeight;
    var top = r.bottom + gap;
    if (top + h > vh - margin && (r.top - gap - h >= margin || r.top > vh - r.bottom)) {
      top = Math.max(margin, r.top - gap - h);
    }
    var left = Math.max(margin, Math.min(r.left, vw - w - margin));
    var parent = el.offsetParent || document.body;
    var base = parent === document.body ? { left: -window.scrollX, top: -window.scrollY } : parent.getBoundingClientRect();
    el.style.left = left - base.left - parent.clientLeft + "px";
    el.style.top = top - base.top - parent.clientTop + "px";
  }

  function focusVisible(el) {
    try {
      return el.matches(":focus-visible");
    } catch (e) {
      return true;
    }
  }

  document.addEventListener("mouseover", function (event) {
    if (!hover.matches || card) return;
    var link = figureLink(event.target);
    if (link) show(link);
  });
  document.addEventListener("mouseout", function (event) {
    if (!tipFor || figureLink(event.target) !== tipFor) return;
    var to = event.relatedTarget;
    if (to && (tipFor.contains(to) || tip.contains(to))) return;
    hideSoon();
  });
  // Keyboard focus shows the card; a click or tap focuses the link too, but
  // then the pointer has shown it already (or the tap opens the dialog).
  document.addEventListener("focusin", function (event) {
    var link = figureLink(event.target);
    if (link && !returning && !card && focusVisible(link)) show(link);
  });
  document.addEventListener("focusout", function (event) {
    if (!tipFor || event.target !== tipFor) return;
    if (event.relatedTarget && tip.contains(event.relatedTarget)) return;
    hide();
  });
  window.addEventListener("resize", hide);

  document.addEventListener("click", function (event) {
    var ref = event.target.closest ? event.target.closest("a.footnote-ref") : null;
    var figure = touch.matches && !ref ? figureLink(event.target) : null;
    if (ref && touch.matches) {
      var note = footnote(ref);
      if (note && open(ref, "Source of citation " + ref.textContent.trim(), note)) event.preventDefault();
    } else if (figure) {
      event.preventDefault();
      hide();
      var opened = open(figure, "About the figure " + figure.textContent.trim(), figureNote(figure));
      opened.classList.add("citation-card--figure");
      // The tap no longer leads to the figures page: the card does.
      var more = document.createElement("p");
      var entry = document.createElement("a");
      entry.href = figure.href;
      entry.textContent = "Its entry on the figures page";
      more.append(entry);
      opened.append(more);
    } else if (card && !card.contains(event.target)) {
      close();
    }
  });
  // Escape closes the dialog (focus goes back to its link) or hides the
  // hover card (focus stays where it is), as WCAG 1.4.13 asks.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    close();
    hide();
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

// Tables wider than the screen scroll in a wrapper the theme adds once the
// page has loaded: mark each wrapper that scrolls, so that extra.css shows a
// cue above it (and drop the mark when the screen grows wide enough).
(function () {
  function mark() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      box.classList.toggle("is-scrollable", box.scrollWidth > box.clientWidth + 1);
    });
  }
  if (document.readyState === "complete") mark();
  else window.addEventListener("load", mark);
  window.addEventListener("resize", mark);
})();

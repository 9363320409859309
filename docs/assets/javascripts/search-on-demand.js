/* The search index on demand.
 *
 * Material for MkDocs and Zensical both request the search index (about
 * 95 kB with gzip, more than any page) the moment a page opens, so every
 * reader pays for it even if they never search. This script, loaded before
 * the theme's, holds that one request until the reader shows they want to
 * search: a click, tap or focus on the search field or button, or one of the
 * theme's search keys (/ s f). The theme then builds its index as usual;
 * nothing else is changed. From disk (file://) the index is a local script,
 * not a request, and this does nothing.
 */
(function () {
  "use strict";
  if (location.protocol === "file:" || !window.XMLHttpRequest) return;

  var INDEX = /\/search(?:\/search_index)?\.json$/; // MkDocs, then Zensical
  var SEARCH = ".md-search, [for='__search'], [data-md-component*='search'], input[type='search']";
  var KEYS = ["/", "s", "f", "S", "F"];
  var held = [];
  var released = false;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  XMLHttpRequest.prototype.open = function (method, url) {
    try {
      this.searchIndex = INDEX.test(new URL(url, location.href).pathname);
    } catch (err) {
      this.searchIndex = false;
    }
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.searchIndex && !released) {
      held.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function release() {
    if (released) return;
    released = true;
    held.splice(0).forEach(function (request) {
      send.apply(request[0], request[1]);
    });
  }

  function wantsSearch(event) {
    var el = event.target;
    if (event.type === "keydown") {
      var typing = el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
      if (!typing && KEYS.indexOf(event.key) >= 0) return true;
    }
    if (!el || !el.closest) return false;
    var control = el.closest(SEARCH + ", button, label");
    if (!control) return false;
    if (control.matches(SEARCH) || control.closest(SEARCH)) return true;
    // Zensical's header button: labelled "Search", outside any search element.
    var name = (control.getAttribute("aria-label") || control.getAttribute("title") || control.textContent || "");
    return /search/i.test(name);
  }

  ["pointerdown", "focusin", "keydown"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (!released && wantsSearch(event)) release();
    }, true);
  });
})();

// sitegen theme script: small enhancements only; every page works without it.
(function () {
  "use strict";
  var root = document.documentElement;
  var narrow = window.matchMedia("(max-width: 50rem)");
  function listen(query, handler) {
    if (query.addEventListener) query.addEventListener("change", handler);
  }

  // On narrow screens start with the navigation folded behind "Menu"; it is open without JS.
  var sidebar = document.querySelector("details.sidebar");
  function fitSidebar() {
    if (sidebar) sidebar.open = !narrow.matches;
  }
  fitSidebar();
  listen(narrow, fitSidebar);

  // A long sidebar comes from a file the section's pages share (assets/nav/): the page carries only
  // the top level and its own way down. The file calls this with the whole list; the link to this
  // page is marked as it was in the page's own list.
  window.SiteGenSidebar = function (html) {
    var nav = document.getElementById("site-nav");
    if (!nav) return;
    var here = nav.querySelector('a[aria-current="page"]');
    var href = here && here.getAttribute("href");
    nav.innerHTML = html;
    if (!href) return;
    var links = nav.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++)
      if (links[i].getAttribute("href") === href) links[i].setAttribute("aria-current", "page");
  };

  // "/" focuses the search box, as on most documentation sites.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (typing) return;
    var box = document.getElementById("search-input");
    if (box) {
      event.preventDefault();
      box.focus();
    }
  });

  // Light, dark or the system's choice, remembered across pages (theme-init.js applies it before paint).
  var toggle = document.querySelector(".theme-toggle");
  if (toggle) {
    var order = ["auto", "light", "dark"];
    var current = function () { return root.getAttribute("data-theme") || "auto"; };
    var label = function () { toggle.setAttribute("aria-label", toggle.getAttribute("data-title") + ": " + toggle.getAttribute("data-" + current())); };
    toggle.hidden = false;
    label();
    toggle.addEventListener("click", function () {
      var next = order[(order.indexOf(current()) + 1) % order.length];
      if (next === "auto") root.removeAttribute("data-theme"); else root.setAttribute("data-theme", next);
      try {
        if (next === "auto") localStorage.removeItem("sitegen-theme"); else localStorage.setItem("sitegen-theme", next);
      } catch (e) { /* not remembered, still applied */ }
      label();
    });
  }

  // The evidence callout on a phone: its first lines, and a button for the rest. The rest is only
  // clipped, so screen readers and print still have all of it.
  var callout = document.querySelector(".evidence-limitations");
  var calloutBody = callout && callout.querySelector(".callout-body");
  var calloutButton = callout && callout.querySelector(".callout-toggle");
  function fitCallout() {
    if (!calloutBody || !calloutButton) return;
    callout.classList.remove("is-compact", "has-toggle");
    if (!narrow.matches) return;
    var lines = parseFloat(getComputedStyle(calloutBody).lineHeight) || 24;
    if (calloutBody.scrollHeight <= lines * 8) return; // short enough to show whole
    callout.classList.add("is-compact", "has-toggle");
    calloutButton.setAttribute("aria-expanded", "false");
    calloutButton.textContent = calloutButton.getAttribute("data-more");
  }
  if (calloutButton) {
    calloutButton.addEventListener("click", function () {
      var open = callout.classList.toggle("is-compact") === false;
      calloutButton.setAttribute("aria-expanded", open ? "true" : "false");
      calloutButton.textContent = calloutButton.getAttribute(open ? "data-less" : "data-more");
    });
  }
  fitCallout();
  listen(narrow, fitCallout);

  // Citation previews and glossary definitions: kept inside the window at any width, opened by a
  // tap on touch screens (a second tap follows the link), closed with Escape.
  var popover = ".citation-item, .glossary-item";
  function tipOf(item) { return item.querySelector(".citation-preview, .glossary-tip"); }
  function place(item) {
    var tip = tipOf(item);
    if (!tip) return;
    tip.style.setProperty("--shift", "0px");
    var box = tip.getBoundingClientRect();
    if (box.width === 0) return;
    var margin = 8, width = root.clientWidth, shift = 0;
    if (box.right > width - margin) shift = width - margin - box.right;
    if (box.left + shift < margin) shift = margin - box.left;
    tip.style.setProperty("--shift", Math.round(shift) + "px");
  }
  function closeAll(except) {
    var open = document.querySelectorAll(".citation-item.open, .glossary-item.open");
    for (var i = 0; i < open.length; i++) if (open[i] !== except) open[i].classList.remove("open");
  }
  function reveal(event) {
    var item = event.target.closest && event.target.closest(popover);
    if (item) { item.classList.remove("dismissed"); place(item); }
  }
  document.addEventListener("focusin", reveal);
  document.addEventListener("mouseover", reveal);
  var touch = window.matchMedia("(hover: none)");
  document.addEventListener("click", function (event) {
    var item = event.target.closest && event.target.closest(popover);
    if (!item) { closeAll(null); return; }
    if (!touch.matches || item.classList.contains("open")) return; // a second tap follows the link
    event.preventDefault();
    closeAll(item);
    item.classList.remove("dismissed");
    item.classList.add("open");
    place(item);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var items = document.querySelectorAll(popover);
    for (var i = 0; i < items.length; i++) {
      if (items[i].classList.contains("open") || items[i].matches(":focus-within") || items[i].matches(":hover")) items[i].classList.add("dismissed");
      items[i].classList.remove("open");
    }
  });
  document.addEventListener("focusout", function (event) {
    var item = event.target.closest && event.target.closest(popover);
    if (item) item.classList.remove("dismissed");
  });

  // A chart's data table starts folded (for the eye only: screen readers and print keep it); a button shows it.
  var dataButtons = document.querySelectorAll(".chart-data-toggle");
  for (var b = 0; b < dataButtons.length; b++) {
    (function (button) {
      var box = button.nextElementSibling;
      if (!box || !box.classList.contains("chart-data-box")) return;
      function show(open) {
        box.classList.toggle("is-collapsed", !open);
        button.setAttribute("aria-expanded", open ? "true" : "false");
        button.textContent = button.getAttribute(open ? "data-hide" : "data-show");
      }
      button.hidden = false;
      show(false);
      button.addEventListener("click", function () { show(box.classList.contains("is-collapsed")); });
    })(dataButtons[b]);
  }

  // "On this page" marks the section being read.
  var links = {};
  var tocLinks = document.querySelectorAll(".toc a[href^='#']");
  for (var i = 0; i < tocLinks.length; i++) links[decodeURIComponent(tocLinks[i].getAttribute("href").slice(1))] = tocLinks[i];
  var headings = Array.prototype.filter.call(document.querySelectorAll(".page-body h2[id], .page-body h3[id]"), function (h) { return links[h.id]; });
  function spy() {
    var top = (parseFloat(getComputedStyle(root).scrollPaddingTop) || 0) + 8, current = null;
    for (var i = 0; i < headings.length; i++) {
      if (headings[i].getBoundingClientRect().top <= top) current = headings[i]; else break;
    }
    // Near the end of a page the last sections cannot scroll to the top: the one just linked to is the one being read.
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && links[target.id]) {
      var at = target.getBoundingClientRect().top;
      if (at >= 0 && at < innerHeight / 2) current = target;
    }
    for (var id in links) {
      if (current && id === current.id) links[id].setAttribute("aria-current", "location");
      else links[id].removeAttribute("aria-current");
    }
  }
  if (headings.length > 0) {
    var pending = false;
    window.addEventListener("scroll", function () {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () { pending = false; spy(); });
    }, { passive: true });
    window.addEventListener("hashchange", spy);
    spy();
  }
})();

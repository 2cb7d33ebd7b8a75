// sitegen theme script: small enhancements only; every page works without it.
(function () {
  "use strict";

  // On narrow screens start with the navigation folded behind "Menu"; it is open without JS.
  var sidebar = document.querySelector("details.sidebar");
  var narrow = window.matchMedia("(max-width: 50rem)");
  function fitSidebar() {
    if (sidebar) sidebar.open = !narrow.matches;
  }
  fitSidebar();
  if (narrow.addEventListener) narrow.addEventListener("change", fitSidebar);

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
})();

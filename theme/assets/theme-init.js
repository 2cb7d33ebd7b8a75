// Runs before the page is drawn (loaded without defer in <head>), so a reader who chose light or
// dark never sees the other flash first. Only this; the rest waits for site.js.
(function () {
  try {
    var chosen = localStorage.getItem("sitegen-theme");
    if (chosen === "light" || chosen === "dark") document.documentElement.setAttribute("data-theme", chosen);
  } catch (e) { /* storage refused (private mode, file:// policies): the system's choice applies */ }
})();

namespace SiteGen.Serve;

/// <summary>
/// The script `sitegen serve` adds to each page: it listens for rebuilds and reloads the page,
/// or shows the build's errors over the last good version. Served as a file (the pages' CSP
/// allows only same-origin scripts), built with DOM calls, never injected HTML.
/// </summary>
public static class LiveReloadScript
{
    public const string Path = "/__sitegen/live.js";
    public const string EventsPath = "/__sitegen/events";

    public const string Source = """
        (function () {
          "use strict";
          var overlay = null;
          function clear() { if (overlay) { overlay.remove(); overlay = null; } }
          function show(lines) {
            clear();
            overlay = document.createElement("div");
            overlay.id = "sitegen-errors";
            overlay.setAttribute("role", "alert");
            var s = overlay.style;
            s.position = "fixed"; s.left = "0"; s.right = "0"; s.top = "0"; s.zIndex = "1000"; s.maxHeight = "60vh"; s.overflow = "auto";
            s.background = "#7f1d1d"; s.color = "#fff"; s.font = "14px/1.5 ui-monospace, monospace"; s.padding = "1rem";
            var title = document.createElement("strong");
            title.textContent = "The build failed; this is the last good version of the page. Fix these and save:";
            overlay.appendChild(title);
            var list = document.createElement("ul");
            lines.forEach(function (line) { var item = document.createElement("li"); item.textContent = line; list.appendChild(item); });
            overlay.appendChild(list);
            document.body.appendChild(overlay);
          }
          var events = new EventSource("/__sitegen/events");
          events.addEventListener("reload", function () { window.location.reload(); });
          events.addEventListener("errors", function (e) { show(JSON.parse(e.data)); });
        })();
        """;
}

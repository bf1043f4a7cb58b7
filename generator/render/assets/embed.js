/* Explainer embeds (the pages under embed/, shown in other sites' iframes). No third-party code.
   1. Colours: ?theme=light or ?theme=dark in the iframe's address, else the reader's system setting.
   2. Height: tells the parent page how tall the embed is with the message Datawrapper's charts send,
      {"datawrapper-height": {"<id>": <px>}}, which newsroom CMSs already handle; the snippet from
      "Embed this" carries the few lines a page without that handler needs. */
(function () {
  "use strict";
  var root = document.documentElement;
  var choice = new URLSearchParams(window.location.search).get("theme");
  var dark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function scheme() {
    var isDark = choice === "dark" || (choice !== "light" && dark !== null && dark.matches);
    // Material's attribute: explainer.css keys its dark colours on it, as on the site.
    root.setAttribute("data-md-color-scheme", isDark ? "slate" : "default");
  }
  scheme();
  if (dark !== null && dark.addEventListener) dark.addEventListener("change", scheme);

  if (window.parent === window) return;
  var id = window.location.pathname;
  var last = 0;

  function report() {
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    var message = {"datawrapper-height": {}};
    message["datawrapper-height"][id] = height;
    // The height is no secret: any parent may read it.
    window.parent.postMessage(message, "*");
  }

  function start() {
    report();
    if (window.ResizeObserver) new ResizeObserver(report).observe(document.body);
    else window.addEventListener("resize", report);
    window.addEventListener("load", report);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

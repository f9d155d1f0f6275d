/*
 * Convot inline embed (/widget/v1/embed.js): the chat panel inside an element of the host page
 * instead of a floating launcher, with the same Convot.push SDK as loader.js:
 *   <div id="support-chat"></div>
 *   <script async src="https://<convot-host>/widget/v1/embed.js"
 *     data-convot-app-id="app_..." data-convot-container="#support-chat"></script>
 * It reads its two attributes, then loads the loader, which puts the frame in that element. Commands
 * pushed to window.Convot before it runs are kept. No error ever reaches the page.
 */
(function (w, d) {
  'use strict';
  function say(text) {
    try { console.error('Convot: ' + text); } catch (e) { /* no console */ }
  }
  try {
    var script = d.currentScript || d.querySelector('script[src*="/widget/v1/embed.js"]');
    var key = script.getAttribute('data-convot-app-id');
    var selector = script.getAttribute('data-convot-container');
    var api = w.Convot = w.Convot || [];
    if (api.__convot) return say('the widget is already on this page; embed.js is ignored.');
    if (key) api.app_id = key;
    var start = function () {
      var box = null;
      try { box = selector && d.querySelector(selector); } catch (e) { /* not a selector */ }
      if (!box) return say('no element matches data-convot-container="' + selector + '": the chat is not shown.');
      api.__box = box;
      var loader = d.createElement('script');
      loader.async = true;
      loader.src = new URL('loader.js', script.src).href;
      (d.head || d.documentElement).appendChild(loader);
    };
    var go = function () {
      try { start(); } catch (e) { say('the inline chat could not start (' + e + ').'); }
    };
    if (d.readyState == 'loading') d.addEventListener('DOMContentLoaded', go);
    else go();
  } catch (e) {
    say('the inline chat could not start (' + e + ').');
  }
})(window, document);

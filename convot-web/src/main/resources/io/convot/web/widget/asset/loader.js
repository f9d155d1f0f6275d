/*
 * Convot chat widget loader (/widget/v1/loader.js). It queues Convot.push commands and hands them
 * to the chat frame, which checks and runs them; it answers get/is from the state the frame
 * mirrors here, and sizes the frame. No CSS on the page, no global beyond Convot (and $crisp in
 * Crisp compatibility mode), and no error ever reaches the page.
 */
(function (w, d) {
  'use strict';

  var seen = {};
  function say(level, text) {
    if (!seen[text]) {
      seen[text] = 1;
      try { console[level]('Convot: ' + text); } catch (e) { /* no console */ }
    }
  }
  function guard(fn) {
    return function () {
      try { return fn.apply(this, arguments); } catch (e) { say('warn', 'internal error: ' + e); }
    };
  }
  function isStr(v) { return typeof v == 'string'; }
  function drain(q) { return Array.isArray(q) ? q.splice(0, q.length) : []; }

  var api = w.Convot;
  if (api && api.__convot) return; // loaded twice
  if (!api || typeof api != 'object') api = w.Convot = [];

  var EVENTS = ' chat:opened chat:closed message:sent message:received session:loaded user:email:changed ' +
    'user:nickname:changed website:availability:changed ';
  // get and is answer from the state the frame last reported: command -> state field.
  var MIRROR = {
    'get chat:unread:count': 'unread',
    'get session:identifier': 'sid',
    'get user:email': 'email',
    'get user:nickname': 'nickname',
    'get user:phone': 'phone',
    'is chat:opened': 'opened',
    'is chat:closed': 'closed',
    'is chat:visible': 'visible',
    'is session:ongoing': 'ongoing',
    'is website:available': 'available'
  };
  var state = { unread: 0, opened: false, closed: true, visible: false, ongoing: false, available: true, data: {} };
  var listeners = {};
  // box: the element embed.js puts the chat in
  var frame, base, ready, pending = [], size = {}, narrow, box = api.__box;

  function send(msg) {
    msg.cv = 1;
    if (ready) frame.contentWindow.postMessage(msg, base);
    else pending.push(msg);
  }

  // Commands travel as JSON: a snapshot, so later changes by the page do not leak in.
  function forward(t, c, text) {
    try {
      send({ t: t, c: JSON.parse(JSON.stringify(c)) });
    } catch (e) {
      say('warn', text + ' takes plain JSON data only');
    }
  }

  function run(c) {
    if (Array.isArray(c) && c[0] == 'safe') return; // Crisp's error switch: none thrown here
    if (Array.isArray(c) && c[0] == 'identify') return forward('identify', [c[1]], 'identify'); // queued identify
    if (!Array.isArray(c) || !isStr(c[0]) || !isStr(c[1])) {
      var got = typeof c;
      try { got = JSON.stringify(c).slice(0, 80); } catch (e) { /* not JSON */ }
      return say('warn', 'push expects an array such as ["do", "chat:open"], got ' + got);
    }
    var fam = c[0], name = c[1], key = fam + ' ' + name, arg = Array.isArray(c[2]) ? c[2][0] : c[2];
    if (fam == 'get' || fam == 'is') {
      var all = key == 'get session:data';
      if (!all && !(key in MIRROR)) return say('warn', 'unknown command "' + key + '"');
      if (arg != null && !(all && isStr(arg))) say('warn', '"' + key + '" takes ' + (all ? 'a key' : 'no argument'));
      return all ? isStr(arg) ? state.data[arg.toLowerCase()] : Object.assign({}, state.data) : state[MIRROR[key]];
    }
    if (fam == 'on' || fam == 'off') {
      if (EVENTS.indexOf(' ' + name + ' ') < 0) return say('warn', 'unknown event "' + name + '"');
      if (typeof arg != 'function' && (fam == 'on' || arg != null)) return say('warn', '"' + key + '" expects a function');
      var list = listeners[name] || [];
      listeners[name] = fam == 'on' ? list.concat(arg) : arg ? list.filter(function (f) { return f !== arg; }) : [];
      return;
    }
    forward('cmd', c, '"' + key + '"');
  }

  function fire(name, value) {
    (listeners[name] || []).forEach(function (fn) {
      try { fn(value); } catch (e) { say('warn', 'an "on ' + name + '" callback threw: ' + e); }
    });
  }

  function css(el, props) {
    for (var k in props) el.style.setProperty(k, props[k], 'important');
  }

  // The frame asks for a size (size.m: hidden, closed or open); narrow viewports get it full screen.
  function layout() {
    var now = w.innerWidth < 480, full = box || size.m == 'open' && now, left = size.left && !full;
    css(frame, {
      display: size.m == 'closed' || size.m == 'open' ? 'block' : 'none',
      'z-index': String(size.z || 1000000),
      width: full ? '100%' : size.w + 'px',
      height: full ? '100%' : Math.min(size.h, w.innerHeight) + 'px',
      top: full ? '0' : 'auto',
      bottom: '0',
      left: left || full ? '0' : 'auto',
      right: left ? 'auto' : '0'
    });
    if (now !== narrow) send({ t: 'vp', narrow: (narrow = now) });
  }

  function onMessage(e) {
    var m = e.data;
    if (e.source !== frame.contentWindow || e.origin !== base || !m || m.cv !== 1) return;
    if (m.t == 'ready') {
      // Everything queued so far goes in one batch: the frame starts the session after it.
      frame.contentWindow.postMessage({ cv: 1, t: 'batch', list: pending.splice(0) }, base);
      ready = 1;
      narrow = null;
      layout();
    } else if (m.t == 'state') {
      state = m.s;
    } else if (m.t == 'size') {
      size = m;
      layout();
    } else if (m.t == 'event') {
      fire(m.n, m.v);
    } else if (m.t == 'focus') {
      frame.focus();
    } else if (m.t == 'warn' || m.t == 'error') {
      say(m.t, m.text);
    }
  }

  function embed(key) {
    frame = d.createElement('iframe');
    frame.title = 'Chat';
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-forms');
    frame.src = base + '/widget/v1/frame?app_id=' + encodeURIComponent(key) + (box ? '&inline=1' : '');
    css(frame, {
      position: box ? 'relative' : 'fixed', border: '0', margin: '0', padding: '0', background: 'transparent',
      'color-scheme': 'normal', 'max-width': '100%', 'max-height': '100%', 'box-shadow': 'none'
    });
    layout();
    w.addEventListener('message', guard(onMessage));
    w.addEventListener('resize', guard(layout));
    (box || d.body).appendChild(frame);
  }

  function start(key) {
    fetch(base + '/widget/v1/config?app_id=' + encodeURIComponent(key)).then(function (r) {
      return r.json().catch(Object).then(function (body) {
        if (!r.ok) throw Error((body && body.code) || 'HTTP ' + r.status);
        if (d.body) embed(key);
        else d.addEventListener('DOMContentLoaded', guard(function () { embed(key); }));
      });
    }).catch(function (e) {
      say('error', 'the chat is not shown (' + e.message + '). Check that app_id "' + key +
        '" is right and that the app allows this site\'s origin.');
    });
  }

  guard(function () {
    var crisp = api.crisp_compat === true;
    var queue = drain(api).concat(crisp ? drain(w.$crisp) : []);
    api.__convot = 1;
    api.push = guard(function () {
      var result;
      for (var i = 0; i < arguments.length; i++) result = run(arguments[i]);
      return result;
    });
    'set do on off config get is'.split(' ').forEach(function (fam) {
      api[fam] = guard(function () { return run([fam].concat([].slice.call(arguments))); });
    });
    api.identify = guard(function (o) { forward('identify', [o], 'identify'); });
    if (crisp) w.$crisp = api;

    var script = d.currentScript || d.querySelector('script[src*="/widget/v1/loader.js"]');
    base = new URL(script.src).origin;
    queue.forEach(guard(run));

    var key = api.app_id || (crisp && w.CRISP_WEBSITE_ID);
    if (!isStr(key) || !key) return say('error', 'set Convot.app_id before loading the widget.');
    start(key);
  })();
})(window, document);

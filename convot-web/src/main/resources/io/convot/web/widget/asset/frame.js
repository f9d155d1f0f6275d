/*
 * The chat frame (/widget/v1/frame?app_id=...): the launcher, the panel and the visitor's session.
 * It runs the Convot.push commands the loader forwards, talks to the widget API of its own origin,
 * keeps the loader's copy of its state current, and asks the loader for the size it needs.
 * Text from visitors, agents and the host page only ever reaches the page as text nodes.
 */
(function () {
  'use strict';

  var APP = new URLSearchParams(location.search).get('app_id') || '';
  var API = '/widget/v1';
  var STORE_KEY = 'convot:' + APP;
  var OPEN_KEY = 'convot:open:' + APP;
  var SIZES = { closed: [88, 88], open: [400, 704] };
  var POLL_MS = 5000;
  var CONFIG_MS = 5 * 60 * 1000; // availability follows the team's office hours: read it again now and then
  var EMAIL = /^[^\s@]+@[^\s@]+$/;
  var EVENT_COLORS = ' red orange yellow green blue purple pink brown grey black ';
  var CRISP_COLORS = {
    default: '#2563eb', amber: '#ffc107', blue_grey: '#607d8b', deep_orange: '#ff5722',
    deep_purple: '#673ab7', light_blue: '#03a9f4', light_green: '#8bc34a'
  };
  // Opened directly rather than inside a page: a full-page chat, no launcher.
  var standalone = window.parent === window;
  // Put inside an element of the page by embed.js: the panel fills it, always open, no launcher.
  var inline = new URLSearchParams(location.search).get('inline') == '1';
  var FONTS = {
    helvetica: '"Helvetica Neue", Helvetica, Arial, sans-serif', georgia: 'Georgia, "Times New Roman", serif',
    verdana: 'Verdana, Geneva, sans-serif', trebuchet: '"Trebuchet MS", Tahoma, sans-serif',
    monospace: 'ui-monospace, Menlo, Consolas, monospace'
  };

  function $(id) { return document.getElementById(id); }
  var el = {
    panel: $('panel'), name: $('name'), status: $('status'), close: $('close'), away: $('away'),
    emailForm: $('email-form'), email: $('email'), scroll: $('scroll'), empty: $('empty'), log: $('log'),
    typing: $('typing'), notice: $('notice'), composer: $('composer'), text: $('text'), send: $('send'),
    launcher: $('launcher'), badge: $('badge'), label: $('label'), awayText: $('away-text'), calendar: $('calendar'),
    prechat: $('prechat'), fields: $('fields'), outcome: $('outcome'), outcomeText: $('outcome-text'),
    outcomeCalendar: $('outcome-calendar')
  };

  // ---- State -------------------------------------------------------------------------------

  var ui = {
    opened: standalone || readOpen(), visible: true, narrow: standalone, reverse: false, index: 1000000,
    hideAway: false, hideMobile: false, mute: false, themeSet: false
  };
  var app = { loaded: false, name: '', available: true, verification: false, shown: true, s: {}, questions: [], rule: {} };
  // Pre-chat: the answers given (sent with the first message), and whether the form was filled in.
  var prechat = { done: false, answers: null, outcome: false, built: '' };
  var user = {};             // email, nickname, phone as last known
  var data = {};             // session data as last known
  var stored = readStore();  // { token, contact, seen } kept in localStorage per app key
  var session = null;        // { token, contact, verified } once the API accepted one
  var identity = {};         // the user and user_hash sent so far, to start a new session with
  var change = {};           // the next PATCH /session body
  var needState = false;     // PATCH once even without changes, to learn the session's user and data
  var waiting = [];          // work that needs a session
  var blocked = false;       // identity verification required and not met: show nothing
  var loaded = false;        // session:loaded fired; change events only after it
  var starting = false, patching = false, patchTimer = null, startRetry = 0;
  var epoch = 0;             // bumped by session:reset: answers to older requests are ignored
  var messages = [];         // chronological, by id in byId, their nodes in nodes
  var byId = {}, nodes = {}, deleted = {};
  var tail = null;           // the cursor of the last page of messages read
  var unread = 0;
  var received = [];         // agent messages that arrived live, announced once the state is current
  var gesture = false, audio = null;

  function isStr(v) { return typeof v == 'string'; }
  function isObj(v) { return !!v && typeof v == 'object' && !Array.isArray(v); }
  function optStr(v) { return v == null || isStr(v); }
  function time(m) { return Date.parse(m.created_at) || 0; }

  function readStore() {
    try { return JSON.parse(localStorage.getItem(STORE_KEY)) || {}; } catch (e) { return {}; }
  }
  function saveStore() {
    try { localStorage.setItem(STORE_KEY, JSON.stringify(stored)); } catch (e) { /* storage blocked */ }
  }
  function readOpen() {
    try { return sessionStorage.getItem(OPEN_KEY) == '1'; } catch (e) { return false; }
  }
  function saveOpen() {
    try { sessionStorage.setItem(OPEN_KEY, ui.opened ? '1' : '0'); } catch (e) { /* storage blocked */ }
  }

  // ---- Talking to the loader ----------------------------------------------------------------

  var parentOrigin = null, outbox = [], lastPosted = {};

  function post(msg) {
    if (standalone) {
      if (msg.t == 'warn' || msg.t == 'error') console[msg.t]('Convot: ' + msg.text);
      return;
    }
    msg.cv = 1;
    if (parentOrigin) window.parent.postMessage(msg, parentOrigin);
    else outbox.push(msg);
  }
  // Size and state go out only when they changed.
  function postIfChanged(msg) {
    var json = JSON.stringify(msg);
    if (lastPosted[msg.t] !== json) {
      lastPosted[msg.t] = json;
      post(msg);
    }
  }
  function warn(text) { post({ t: 'warn', text: text }); }
  function fail(text) { post({ t: 'error', text: text }); }

  function mode() {
    if (!session || !app.loaded || blocked || !ui.visible || !app.shown) return 'hidden';
    if (((ui.hideAway || app.s.hide_when_unavailable) && !app.available) ||
      ((ui.hideMobile || app.s.hide_on_mobile) && ui.narrow && !standalone && !inline)) return 'hidden';
    return ui.opened || inline ? 'open' : 'closed';
  }

  function snapshot() {
    var m = mode();
    return {
      email: user.email, nickname: user.nickname, phone: user.phone, data: data, unread: unread,
      opened: ui.opened, closed: !ui.opened, visible: m != 'hidden', ongoing: messages.length > 0,
      available: app.available, sid: session ? session.contact : undefined
    };
  }

  // Where focus goes once the panel shows (the session and the config may still be loading when
  // the panel is opened or the help search is asked for): the last request wins, for ten seconds,
  // so that focus never jumps into the chat long after the page asked (while the visitor types elsewhere).
  var wantFocus = null, focusUntil = 0, focusAsked = false;
  function focusLater(target) {
    wantFocus = target;
    focusUntil = Date.now() + 10000;
    focusAsked = false;
    setTimeout(applyFocus, 50);
  }
  function applyFocus() {
    if (wantFocus && Date.now() > focusUntil) wantFocus = null;
    if (!wantFocus || el.panel.hidden) return;
    // The browser keeps a cross-origin frame from taking the focus by itself: the page hands it
    // over (the loader focuses the iframe, once) and the frame's focus event runs this again.
    if (!standalone && !document.hasFocus()) {
      if (!focusAsked) post({ t: 'focus' });
      focusAsked = true;
      return;
    }
    var target = wantFocus;
    wantFocus = null;
    target.focus();
  }

  window.addEventListener('focus', function () { setTimeout(applyFocus, 0); });

  // Renders what depends on the state and tells the loader.
  function sync() {
    var m = mode(), body = document.body.classList, size = dims(m);
    body.toggle('open', m == 'open');
    body.toggle('full', m == 'open' && (ui.narrow || inline));
    body.toggle('reverse', ui.reverse);
    el.panel.hidden = m != 'open';
    if (!el.panel.hidden && wantFocus) setTimeout(applyFocus, 0);
    el.close.hidden = standalone || inline;
    el.launcher.hidden = m == 'hidden' || standalone || inline;
    el.launcher.setAttribute('aria-expanded', String(m == 'open'));
    el.launcher.setAttribute('aria-label', m == 'open' ? 'Close chat' : 'Open chat');
    el.badge.hidden = !unread || m == 'open';
    el.badge.textContent = unread > 99 ? '99+' : String(unread);
    syncSettings();
    size = dims(m); // after the label is shown or hidden: a labeled launcher is wider
    postIfChanged({ t: 'size', m: m, w: size[0], h: size[1], left: ui.reverse, z: ui.index });
    postIfChanged({ t: 'state', s: snapshot() });
  }

  // Events reach the page after the state they describe.
  function emit(name, value) {
    sync();
    post({ t: 'event', n: name, v: value });
  }

  // ---- The widget API -------------------------------------------------------------------------

  function request(method, path, body, token) {
    var headers = { accept: 'application/json' };
    if (body) headers['content-type'] = 'application/json';
    if (token) headers.authorization = 'Bearer ' + token;
    return fetch(API + path, {
      method: method, headers: headers, body: body ? JSON.stringify(body) : undefined, cache: 'no-store'
    }).then(function (r) {
      return r.text().then(function (text) {
        var json = null;
        try { json = text ? JSON.parse(text) : null; } catch (e) { /* not JSON */ }
        if (r.ok) return json;
        var err = new Error((json && (json.detail || json.title)) || 'HTTP ' + r.status);
        err.status = r.status;
        err.code = json && json.code;
        err.retry = parseInt(r.headers.get('retry-after'), 10) || 0;
        throw err;
      });
    });
  }

  // A call with the session token; an ended session starts a new one.
  function call(method, path, body) {
    if (!session) return Promise.reject(new Error('no session'));
    return request(method, path, body, session.token).catch(function (e) {
      if (e.code == 'identity_verification_required') block();
      else if (e.status == 401) restart();
      throw e;
    });
  }

  function loadConfig() {
    return request('GET', '/config?app_id=' + encodeURIComponent(APP)).then(function (c) {
      app.name = c.name || '';
      el.name.textContent = app.name || 'Chat';
      app.verification = !!c.require_identity_verification;
      // The app's own color, unless the page chose one with config color:theme.
      if (!ui.themeSet && isStr(c.theme_color) && window.CSS && CSS.supports('color', c.theme_color)) {
        setTheme(c.theme_color);
      }
      setAvailable(c.available !== false);
      applySettings(c);
      app.loaded = true;
      app.at = Date.now();
      sync();
    }).catch(function (e) {
      if (!app.loaded) fail('the chat is not shown: its configuration could not be read (' + e.message + ').');
    });
  }

  function setAvailable(available) {
    if (available === app.available) return;
    app.available = available;
    if (app.loaded) emit('website:availability:changed', available);
  }

  // ---- Session --------------------------------------------------------------------------------

  function startSession() {
    if (starting) return;
    starting = true;
    var body = { app_id: APP };
    var u = Object.assign({}, identity.user, change.user);
    var hash = change.user_hash || identity.user_hash;
    if (Object.keys(u).length) body.user = u;
    if (hash) body.user_hash = hash;
    identity = { user: body.user, user_hash: hash };
    delete change.user;
    delete change.user_hash;
    var previous = stored.token, at = epoch;

    request('POST', '/sessions', body, previous).then(function (res) {
      if (at !== epoch) return;
      starting = false;
      startRetry = 0;
      blocked = false;
      adopt(res);
      if (res.user) learn(res, true);
      else needState = true;
      return flush();
    }).then(function () {
      if (at !== epoch || !session) return;
      loaded = true;
      emit('session:loaded', session.contact);
      waiting.splice(0).forEach(function (fn) { fn(); });
      return loadMessages();
    }).catch(function (e) {
      if (at !== epoch) return;
      starting = false;
      if (e.code == 'identity_verification_required') {
        block();
      } else if (e.status == 401 && previous) {
        stored.token = null; // the previous session ended: start afresh
        startSession();
      } else if (!session) {
        startRetry = Math.min(60000, startRetry ? startRetry * 2 : 2000);
        setTimeout(startSession, startRetry);
      }
    });
  }

  function block() {
    if (!blocked) {
      fail('the chat is not shown: this app requires identity verification. Pass user_hash with the ' +
        'email or external_id (Convot.identify or set user:email [email, user_hash]).');
    }
    blocked = true;
    sync();
  }

  var restartedAt = 0;
  function restart() {
    if (starting || Date.now() - restartedAt < 10000) return;
    restartedAt = Date.now();
    session = null;
    stored.token = null;
    closeSocket();
    startSession();
  }

  // Takes a session answer. Another contact (a different person on this device) never sees the
  // previous one's conversation.
  function adopt(res) {
    var other = (session && res.session_token !== session.token) ||
      (stored.contact && stored.contact !== res.contact_id);
    if (!session || other) session = { token: res.session_token, contact: res.contact_id };
    session.verified = res.verified;
    stored.token = session.token;
    stored.contact = session.contact;
    if (other) {
      stored.seen = 0;
      closeSocket();
      clearTranscript();
    }
    saveStore();
    if (other && loaded) {
      emit('session:loaded', session.contact);
      loadMessages();
    }
  }

  // What the server says about the visitor: user fields and data.
  function learn(res, quiet) {
    var u = res.user || {};
    ['email', 'nickname', 'phone'].forEach(function (k) {
      if (u[k] === undefined || u[k] === user[k]) return;
      user[k] = u[k];
      if (!quiet && loaded && k != 'phone') emit('user:' + k + ':changed', u[k]);
    });
    if (isObj(res.data)) {
      data = Object.assign({}, res.data);
      if (change.data) mergeData(change.data);
    }
  }

  function mergeData(values) {
    Object.keys(values).forEach(function (k) {
      if (values[k] === '') delete data[k];
      else data[k] = values[k];
    });
  }

  // A changed email or nickname is announced once the session loaded, whoever changed it (the page,
  // the visitor, or the team through the server's answer): a listener learns every change.
  function setUser(fields, hash) {
    if (Object.keys(fields).length) change.user = Object.assign(change.user || {}, fields);
    if (hash) change.user_hash = hash;
    learn({ user: fields }, false);
    if (blocked && !session) startSession();
    else schedule();
  }

  function schedule() {
    if (session && !patching && !patchTimer) patchTimer = setTimeout(flush, 20);
  }

  // Sends the pending session changes in one PATCH.
  function flush() {
    clearTimeout(patchTimer);
    patchTimer = null;
    if (!session || patching || (!needState && !Object.keys(change).length)) return Promise.resolve();
    var body = change, mine = session;
    change = {};
    needState = false;
    patching = true;
    if (body.user) identity.user = Object.assign({}, identity.user, body.user);
    if (body.user_hash) identity.user_hash = body.user_hash;
    return call('PATCH', '/session', body).then(function (res) {
      if (session !== mine) return;
      blocked = false;
      adopt(res);
      learn(res, false);
    }).catch(function (e) {
      if (e.status == 422 || e.status == 400) warn('the server refused a session update: ' + e.message);
      // The session ended: the new one gets these changes (the user part is in identity already).
      if (e.status == 401 && !blocked) {
        if (body.data) change.data = Object.assign({}, body.data, change.data);
        if (body.segments && !change.segments) {
          change.segments = body.segments;
          change.segments_overwrite = body.segments_overwrite;
        }
      }
    }).then(function () {
      patching = false;
      sync();
      if (Object.keys(change).length) schedule();
    });
  }

  // Runs now when a session exists, else once one does.
  function withSession(fn) {
    if (session && loaded) fn();
    else waiting.push(fn);
  }

  function reset() {
    epoch++;
    starting = false;
    closeSocket();
    try { localStorage.removeItem(STORE_KEY); } catch (e) { /* storage blocked */ }
    stored = {};
    session = null;
    identity = {};
    change = {};
    user = {};
    data = {};
    loaded = false;
    clearTranscript();
    sync();
    startSession();
  }

  // ---- Commands from the page -------------------------------------------------------------------

  function text(a) { return isStr(a[0]) && a[0].length > 0 && a[0].length <= 10000 && a; }
  function bool(a) { return typeof a[0] == 'boolean' && a; }
  function none(a) { return a.every(function (v) { return v == null; }) && []; }

  // [[key, value], ...], [{key: value}] or [key, value]: keys lowercase, values plain.
  function dataArgs(a) {
    var pairs = isStr(a[0]) ? [a] : Array.isArray(a[0]) ? (Array.isArray(a[0][0]) ? a[0] : [a[0]]) : null;
    if (isObj(a[0])) pairs = Object.keys(a[0]).map(function (k) { return [k, a[0][k]]; });
    if (!pairs || !pairs.length) return false;
    var out = {};
    for (var i = 0; i < pairs.length; i++) {
      var k = pairs[i][0], v = pairs[i][1];
      if (!isStr(k) || !k || k.length > 100 || ['string', 'number', 'boolean'].indexOf(typeof v) < 0) return false;
      out[k.toLowerCase()] = v;
    }
    return [out];
  }

  function colorArgs(a) {
    var c = isStr(a[0]) && (CRISP_COLORS[a[0]] || a[0].replace(/_/g, ''));
    return c && window.CSS && CSS.supports('color', c) && [c];
  }

  // Every set, do and config command of the widget SDK: [expected arguments, check, run].
  var COMMANDS = {
    'set user:email': ['[email, user_hash?]', function (a) {
      return isStr(a[0]) && EMAIL.test(a[0]) && optStr(a[1]) && a;
    }, function (a) { setUser({ email: a[0] }, a[1]); }],
    'set user:nickname': ['[nickname]', text, function (a) { setUser({ nickname: a[0] }); }],
    'set user:phone': ['[phone]', text, function (a) { setUser({ phone: a[0] }); }],
    'set user:avatar': ['[https url]', function (a) {
      return isStr(a[0]) && /^https?:\/\/\S+$/.test(a[0]) && a;
    }, function (a) { setUser({ avatar: a[0] }); }],
    'set user:company': ['[name, {url, description, employment: [title, role?], geolocation: [country, city?]}?]', function (a) {
      return isStr(a[0]) && a[0] && (a[1] == null || isObj(a[1]) && Object.keys(a[1]).every(function (k) {
        var v = a[1][k];
        return k == 'url' ? isStr(v) && /^https?:\/\/\S+$/.test(v) : k == 'description' ? isStr(v) :
          (k == 'employment' || k == 'geolocation') && Array.isArray(v) && v.length && v.length < 3 && v.every(isStr);
      })) && a;
    }, function (a) { setUser({ company: Object.assign({}, a[1], { name: a[0] }) }); }],
    'set session:data': ['[[[key, value], ...]] or [{key: value}]', dataArgs, function (a) {
      change.data = Object.assign(change.data || {}, a[0]);
      mergeData(a[0]);
      schedule();
    }],
    'set session:segments': ['[[segment, ...], overwrite?]', function (a) {
      return Array.isArray(a[0]) && a[0].every(isStr) && (a[1] == null || typeof a[1] == 'boolean') && a;
    }, function (a) {
      // Segments set before the last were sent add up, unless this one overwrites them.
      change.segments = a[1] ? a[0] : (change.segments || []).concat(a[0]);
      change.segments_overwrite = !!(a[1] || change.segments_overwrite);
      schedule();
    }],
    'set session:event': ['[[[name, data?, color?], ...]]', function (a) {
      var list = Array.isArray(a[0]) && (isStr(a[0][0]) ? [a[0]] : a[0]);
      return list && list.length && list.every(function (e) {
        return Array.isArray(e) && isStr(e[0]) && e[0] && (e[1] == null || isObj(e[1])) &&
          (e[2] == null || EVENT_COLORS.indexOf(' ' + e[2] + ' ') >= 0);
      }) && [list];
    }, function (a) {
      a[0].forEach(function (e) {
        withSession(function () {
          call('POST', '/events', { name: e[0], data: e[1] || {}, color: e[2] || null }).catch(function (x) {
            warn('session:event "' + e[0] + '" was not recorded: ' + x.message);
          });
        });
      });
    }],
    'set session:user_hash': ['[hash]', text, function (a) {
      // The hash signs the external_id, else the email: the server checks it against the one sent with it.
      var u = Object.assign({ email: user.email }, identity.user, change.user), signed = {};
      ['email', 'external_id'].forEach(function (k) { if (u[k] != null) signed[k] = u[k]; });
      setUser(signed, a[0]);
    }],
    'set message:text': ['[text]', text, function (a) {
      el.text.value = a[0];
      grow();
    }],
    'do chat:open': ['[]', none, function () { open(true); }],
    'do chat:close': ['[]', none, function () { open(false); }],
    'do chat:toggle': ['[]', none, function () { open(!ui.opened); }],
    'do chat:show': ['[]', none, function () { ui.visible = true; }],
    'do chat:hide': ['[]', none, function () { ui.visible = false; }],
    // Crisp's optional reload flag is taken and needs nothing: the session is reset in place.
    'do session:reset': ['[reload?]', function (a) { return (a[0] == null || typeof a[0] == 'boolean') && a.length < 2 && []; }, reset],
    'do message:send': ['["text", content]', function (a) {
      return a[0] == 'text' && text(a.slice(1)) && a;
    }, function (a) { sendText(a[1]); }],
    'do helpdesk:search': ['[query?]', function (a) { return (a[0] == null || isStr(a[0])) && a; }, function (a) {
      help.search(a[0]);
    }],
    'do helpdesk:query': ['[query]', text, function (a) { help.search(a[0]); }],
    'do helpdesk:article:open': ['[locale, slug, title?, category?]', function (a) {
      return isStr(a[0]) && /^[A-Za-z]{2,3}([-_][A-Za-z]{2})?$/.test(a[0]) && isStr(a[1]) && a[1] && optStr(a[2]) && optStr(a[3]) && a;
    }, function (a) { help.openArticle(a[0], a[1]); }],
    'config color:theme': ['[color]', colorArgs, function (a) {
      ui.themeSet = true;
      setTheme(a[0]);
    }],
    'config position:reverse': ['[true|false]', bool, function (a) {
      ui.reverse = a[0];
      ui.reverseSet = true;
    }],
    'config hide:on:away': ['[true|false]', bool, function (a) { ui.hideAway = a[0]; }],
    'config hide:on:mobile': ['[true|false]', bool, function (a) { ui.hideMobile = a[0]; }],
    'config sound:mute': ['[true|false]', bool, function (a) { ui.mute = a[0]; }],
    'config container:index': ['[integer]', function (a) {
      return typeof a[0] == 'number' && a[0] === Math.floor(a[0]) && Math.abs(a[0]) < 2147483648 && a;
    }, function (a) { ui.index = a[0]; }]
  };

  function command(c) {
    if (!Array.isArray(c)) return;
    var key = c[0] + ' ' + c[1], spec = COMMANDS[key];
    if (!spec) return warn('unknown command "' + key + '"');
    var args = spec[1](c.length < 3 ? [] : Array.isArray(c[2]) ? c[2] : [c[2]]);
    if (!args) {
      var got = JSON.stringify(c[2] === undefined ? null : c[2]);
      return warn('malformed arguments for "' + key + '": expected ' + spec[0] + ', got ' +
        (got.length > 120 ? got.slice(0, 120) + '...' : got));
    }
    spec[2](args);
    sync();
  }

  var IDENTITY = ['email', 'external_id', 'user_hash', 'nickname', 'avatar', 'phone', 'company'];

  function identify(o) {
    if (!isObj(o)) return warn('identify expects an object {' + IDENTITY.join(', ') + '}');
    var bad = Object.keys(o).filter(function (k) {
      var v = o[k];
      return IDENTITY.indexOf(k) < 0 || (k == 'company' ? v != null && !isObj(v) :
        !(optStr(v) || (k == 'external_id' && typeof v == 'number'))) ||
        (k == 'email' && v != null && !EMAIL.test(v));
    });
    if (bad.length) return warn('identify: bad or unknown field "' + bad[0] + '"');
    var fields = {};
    IDENTITY.forEach(function (k) {
      if (k != 'user_hash' && o[k] != null) fields[k] = k == 'external_id' ? String(o[k]) : o[k];
    });
    setUser(fields, o.user_hash);
    sync();
  }

  // ---- Transcript -----------------------------------------------------------------------------

  function make(tag, cls, content) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (content != null) node.textContent = content;
    return node;
  }

  // Text with its web links made clickable, built from text nodes only.
  function fillText(node, value) {
    var re = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g, at = 0, m;
    while ((m = re.exec(value))) {
      node.append(value.slice(at, m.index));
      var a = make('a', null, m[0]);
      a.href = m[0];
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      node.append(a);
      at = re.lastIndex;
    }
    node.append(value.slice(at));
  }

  function clock(iso) {
    var t = new Date(iso || Date.now());
    return t.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function render(m) {
    var li = make('li', 'msg ' + (m.from == 'visitor' ? 'visitor' : 'agent'));
    var who = make('div', 'who', m.from == 'visitor' ? '' : (m.author && m.author.name) || '');
    var bubble = make('div', 'bubble');
    fillText(bubble, String(m.text == null ? '' : m.text));
    var at = make('time', null, clock(m.created_at));
    if (m.created_at) at.dateTime = m.created_at;
    li.append(who, bubble, at);
    return li;
  }

  function addMessage(m, live) {
    if (!m || !m.id || byId[m.id] || deleted[m.id]) return;
    byId[m.id] = m;
    var t = time(m), i = messages.length;
    while (i > 0 && time(messages[i - 1]) > t) i--;
    messages.splice(i, 0, m);
    var next = messages[i + 1];
    nodes[m.id] = render(m);
    el.log.insertBefore(nodes[m.id], next ? nodes[next.id] : el.log.querySelector('.pending, .failed'));
    if (live && m.from != 'visitor') {
      el.typing.hidden = true;
      received.push(m);
      ding();
    }
  }

  function removeMessage(id) {
    deleted[id] = 1;
    if (!byId[id]) return;
    messages = messages.filter(function (m) { return m.id !== id; });
    nodes[id].remove();
    delete byId[id];
    delete nodes[id];
    changed();
  }

  function clearTranscript() {
    prechat = { done: false, answers: null, outcome: false, built: prechat.built };
    messages = [];
    byId = {};
    nodes = {};
    tail = null;
    unread = 0;
    el.log.textContent = '';
    el.typing.hidden = true;
    changed();
  }

  function lastId() {
    return messages.length ? messages[messages.length - 1].id : null;
  }

  // After the transcript changed: author labels, unread count, scroll position.
  function changed() {
    var nearBottom = el.scroll.scrollHeight - el.scroll.scrollTop - el.scroll.clientHeight < 80;
    var previous = null;
    messages.forEach(function (m) {
      var who = nodes[m.id].firstChild;
      who.hidden = m.from == 'visitor' || !who.textContent ||
        (previous && previous.from != 'visitor' && (previous.author && previous.author.name) === who.textContent);
      previous = m;
    });
    el.empty.hidden = messages.length > 0 || !!el.log.firstChild;
    if (isSeeing()) markSeen();
    var seen = stored.seen || 0;
    unread = messages.filter(function (m) { return m.from != 'visitor' && time(m) > seen; }).length;
    if (nearBottom) el.scroll.scrollTop = el.scroll.scrollHeight;
    sync();
    received.splice(0).forEach(function (m) { emit('message:received', m); });
  }

  function isSeeing() {
    return mode() == 'open' && !document.hidden;
  }

  function markSeen() {
    var last = messages[messages.length - 1];
    var seen = last ? time(last) : 0;
    if (seen > (stored.seen || 0)) {
      stored.seen = seen;
      saveStore();
    }
    unread = 0;
  }

  function ding() {
    if (ui.mute || !gesture || isSeeing()) return;
    try {
      audio = audio || new AudioContext();
      var osc = audio.createOscillator(), gain = audio.createGain(), now = audio.currentTime;
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.06, now);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + 0.3);
      osc.connect(gain).connect(audio.destination);
      osc.start(now);
      osc.stop(now + 0.3);
    } catch (e) { /* no sound then */ }
  }

  // Reads the messages after the last page read before (all of them the first time).
  function fetchMessages(live) {
    var cursor = tail, pages = 0, mine = session;
    function page() {
      var query = '?limit=100' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '');
      return call('GET', '/messages' + query).then(function (res) {
        if (session !== mine) return; // another person's session by now
        (res && res.data || []).forEach(function (m) { addMessage(m, live); });
        if (res && res.next_cursor && ++pages < 50) {
          cursor = res.next_cursor;
          return page();
        }
        tail = cursor;
      });
    }
    return page().then(changed);
  }

  function loadMessages() {
    tail = null;
    return fetchMessages(false).catch(function () { /* polling will try again */ }).then(function () {
      connect();
      poll();
    });
  }

  // ---- Live updates: WebSocket, and polling while it is down ---------------------------------------

  var socket = null, socketReady = false, socketRetry = 0, socketTimer = null, pollTimer = null;
  var typingTimer = null, typingSent = 0, offline = false;

  function connect() {
    clearTimeout(socketTimer);
    if (socket || !session) return;
    var s, token = session.token;
    try {
      s = socket = new WebSocket((location.protocol == 'https:' ? 'wss://' : 'ws://') + location.host +
        '/realtime/v1/widget');
    } catch (e) {
      socket = null;
      return retrySocket();
    }
    s.onopen = function () {
      s.send(JSON.stringify({ type: 'auth', token: token, after: lastId() }));
    };
    s.onmessage = function (e) {
      if (s !== socket) return;
      var m;
      try { m = JSON.parse(e.data); } catch (x) { return; }
      onSocket(m);
    };
    s.onclose = function () {
      if (s !== socket) return;
      socket = null;
      socketReady = false;
      poll();
      retrySocket();
    };
  }

  function retrySocket() {
    socketRetry = Math.min(30000, socketRetry ? socketRetry * 2 : 1000);
    socketTimer = setTimeout(connect, socketRetry * (0.75 + Math.random() / 2));
  }

  function closeSocket() {
    var s = socket;
    socket = null;
    socketReady = false;
    clearTimeout(socketTimer);
    stopPolling();
    if (s) s.close();
  }

  function stopPolling() {
    clearTimeout(pollTimer);
    pollTimer = null;
  }

  function onSocket(m) {
    if (!m) return;
    if (m.type == 'ready') {
      loadConfig(); // availability may have changed while the socket was down
      socketReady = true;
      socketRetry = 0;
      stopPolling();
      notice('');
    } else if (m.type == 'message') {
      addMessage(m.message, true);
      changed();
    } else if (m.type == 'typing') {
      el.typing.hidden = false;
      clearTimeout(typingTimer);
      typingTimer = setTimeout(function () { el.typing.hidden = true; }, 6000);
    } else if (m.type == 'availability') {
      setAvailable(m.available === true);
    } else if (m.type == 'message.deleted') {
      removeMessage(m.message_id);
    } else if (m.type == 'conversation.status' && String(m.status).toLowerCase() == 'resolved') {
      system('This conversation was marked as resolved. Write anytime to reopen it.');
    } else if (m.type == 'conversation.assigned' && m.assignee && m.assignee.name) {
      system(m.assignee.name + ' joined the conversation.');
    }
  }

  function system(text) {
    el.log.append(make('li', 'sys', text));
    changed();
  }

  // Polls every few seconds while the socket is down; a poll already planned stays as planned.
  function poll(delay) {
    if (pollTimer || socketReady || !session) return;
    pollTimer = setTimeout(function () {
      pollTimer = null;
      if (socketReady || !session) return;
      fetchMessages(true).then(function () {
        if (offline) notice('');
        offline = false;
        poll();
      }, function (e) {
        offline = !e.status;
        if (offline) notice('Connection lost. Trying again...');
        poll(Math.max(POLL_MS, e.retry * 1000));
      });
    }, delay || POLL_MS);
  }

  function sendTyping() {
    if (socketReady && Date.now() - typingSent > 3000) {
      typingSent = Date.now();
      try { socket.send('{"type":"typing"}'); } catch (e) { /* closed meanwhile */ }
    }
  }

  // ---- Sending -----------------------------------------------------------------------------------

  function notice(text) {
    el.notice.textContent = text;
    el.notice.hidden = !text;
  }

  function sendText(value) {
    var li = render({ from: 'visitor', text: value });
    li.classList.add('pending');
    el.log.append(li);
    el.empty.hidden = true;
    el.scroll.scrollTop = el.scroll.scrollHeight;
    withSession(function () { deliver(value, li); });
  }

  function deliver(value, li) {
    var mine = session;
    li.className = 'msg visitor pending';
    li.onclick = null;
    var body = { text: value };
    if (prechat.answers && !messages.length) body.qualification_answers = prechat.answers;
    // The email the pre-chat form set goes first: the app may require it to start a conversation.
    flush().then(function () { return call('POST', '/messages', body); }).then(function (m) {
      li.remove();
      if (session !== mine) return;
      if (body.qualification_answers) prechat.answers = null;
      notice('');
      if (m && m.id) {
        addMessage(m, false);
        markSeen();
        changed();
        emit('message:sent', m);
      }
    }, function (e) {
      if (e.status == 429) {
        var wait = Math.max(1, e.retry || 5);
        notice('You are sending messages quickly: sending again in ' + wait + ' s.');
        setTimeout(function () { deliver(value, li); }, wait * 1000);
        return;
      }
      li.className = 'msg visitor failed';
      li.lastChild.textContent = e.status == 422 ? 'Not sent: ' + e.message : 'Not sent. Tap to retry.';
      if (e.status != 422) li.onclick = function () { deliver(value, li); };
    });
  }

  // ---- Help center -----------------------------------------------------------------------------------
  // A search field above the conversation: results (with their highlighted words) and one article
  // take the conversation's place until the field is cleared. Articles arrive sanitized by the server.

  var help = (function () {
    var form = $('help-form'), input = $('help-q'), box = $('help'), note = $('help-note'), list = $('help-results'),
      art = $('help-article'), title = $('help-title'), body = $('help-body'), link = $('help-link');
    var timer = null, asked = 0;

    function show(on) {
      el.panel.classList.toggle('helping', on);
      box.hidden = !on;
    }
    function get(path) {
      return request('GET', '/help' + path + (path.indexOf('?') < 0 ? '?' : '&') + 'app_id=' + encodeURIComponent(APP));
    }
    // Escaped text in which <mark> is the only markup: rebuilt from text nodes all the same.
    function marked(node, snippet) {
      snippet.split(/(<mark>|<\/mark>)/).reduce(function (inMark, part) {
        if (part == '<mark>') return true;
        if (part == '</mark>') return false;
        var t = new DOMParser().parseFromString('<p>' + part + '</p>', 'text/html').body.textContent;
        node.append(inMark ? make('mark', null, t) : t);
        return inMark;
      }, false);
    }
    function results(hits, q) {
      art.hidden = true;
      list.hidden = false;
      list.textContent = '';
      note.textContent = hits.length ? '' : 'No article matches \u201c' + q + '\u201d.';
      hits.forEach(function (h) {
        var li = make('li'), b = make('button'), s = make('span');
        b.type = 'button';
        b.append(make('strong', null, h.title));
        marked(s, h.snippet_html || '');
        b.append(s);
        b.addEventListener('click', function () { read(get('/articles/' + encodeURIComponent(h.id))); });
        li.append(b);
        list.append(li);
      });
    }
    function run(q) {
      var n = ++asked;
      if (!q.trim()) return show(false);
      show(true);
      get('/search?q=' + encodeURIComponent(q)).then(function (res) {
        if (n == asked) results((res && res.data) || [], q);
      }, function (e) {
        if (n == asked) note.textContent = 'Search is unavailable right now (' + e.message + ').';
      });
    }
    function read(promise, missing) {
      show(true);
      promise.then(function (a) {
        list.hidden = true;
        note.textContent = '';
        art.hidden = false;
        title.textContent = a.title;
        body.innerHTML = a.body_html; // sanitized on the server when the article was saved
        link.href = a.url;
        title.setAttribute('tabindex', '-1');
        title.focus();
      }, function (e) {
        if (missing) warn(missing);
        note.textContent = e.status == 404 ? 'This article is not available.' : 'The article could not be loaded (' + e.message + ').';
      });
    }
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(input.value); }, 200);
    });
    input.addEventListener('keydown', function (e) {
      if (e.key == 'Escape' && input.value) {
        e.stopPropagation();
        input.value = '';
        run('');
      }
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      run(input.value);
    });
    $('help-back').addEventListener('click', function () {
      art.hidden = true;
      list.hidden = false;
      if (!input.value.trim()) show(false);
      else input.focus();
    });
    get('').then(function (res) { form.hidden = !(res && res.available); }, function () { /* no help center */ });

    return {
      search: function (q) {
        form.hidden = false;
        open(true);
        if (isStr(q)) {
          input.value = q;
          run(q);
        }
        focusLater(input); // instead of the composer that open() asked for
      },
      openArticle: function (locale, slug) {
        form.hidden = false;
        open(true);
        read(get('/articles/' + encodeURIComponent(locale.replace('_', '-')) + '/' + encodeURIComponent(slug)),
          'helpdesk:article:open: no published article "' + slug + '" in locale "' + locale + '"');
      }
    };
  })();

  // ---- The page -----------------------------------------------------------------------------------

  function open(value) {
    if (inline && !value) return; // the page's element holds the panel: it stays open
    if (value === ui.opened) return;
    ui.opened = value;
    if (!value) wantFocus = null;
    saveOpen();
    if (value) {
      changed();
      grow();
      if (!ui.narrow) focusLater(el.text);
      if (Date.now() - (app.at || 0) > 60000) loadConfig();
    }
    emit(value ? 'chat:opened' : 'chat:closed');
  }

  function setTheme(color) {
    var root = document.documentElement.style;
    root.setProperty('--theme', color);
    var rgb = (getComputedStyle(el.launcher).backgroundColor.match(/[\d.]+/g) || [0, 0, 0]).map(Number);
    var light = (0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]) / 255 > 0.66;
    root.setProperty('--on-theme', light ? '#1f2328' : '#fff');
  }

  // ---- Settings and pre-chat questions ------------------------------------------------------------

  function localized(texts) {
    if (!isObj(texts)) return '';
    var lang = (navigator.language || '').split('-')[0];
    return texts[navigator.language] || texts[lang] || texts[app.s.default_locale] || '';
  }

  function contrastText(color) {
    var rgb = (color.match(/^#(..)(..)(..)$/) || [0, '0', '0', '0']).slice(1).map(function (x) { return parseInt(x, 16); });
    return (0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]) / 255 > 0.66 ? '#1f2328' : '#fff';
  }

  // The app's settings from its configuration; what the page chose with config commands wins.
  function applySettings(c) {
    var s = app.s = isObj(c.widget) ? c.widget : {}, root = document.documentElement.style;
    app.shown = c.shown !== false;
    app.questions = Array.isArray(c.qualification_questions) ? c.qualification_questions : [];
    app.rule = isObj(c.qualification_rule) ? c.qualification_rule : {};
    if (!ui.reverseSet) ui.reverse = s.position == 'left';
    if (!ui.themeSet && isStr(s.theme_text_color)) root.setProperty('--on-theme', s.theme_text_color);
    if (isStr(s.launcher_color)) {
      root.setProperty('--launcher', s.launcher_color);
      root.setProperty('--on-launcher', contrastText(s.launcher_color));
    } else {
      root.removeProperty('--launcher');
      root.removeProperty('--on-launcher');
    }
    root.setProperty('--radius', (s.corner_radius >= 0 ? s.corner_radius : 16) + 'px');
    root.setProperty('--pad-x', (s.offset_x >= 0 ? s.offset_x : 16) + 'px');
    root.setProperty('--pad-y', (s.offset_y >= 0 ? s.offset_y : 16) + 'px');
    document.body.style.fontFamily = FONTS[s.font] || '';
    el.label.textContent = localized(s.launcher_label);
    var welcome = localized(s.welcome_text);
    if (welcome) el.empty.textContent = welcome;
    [el.calendar, el.outcomeCalendar].forEach(function (a) {
      if (isStr(s.calendar_url) && /^https:\/\//.test(s.calendar_url)) a.href = s.calendar_url;
      else a.removeAttribute('href');
    });
    if (!app.loaded && s.open_on_load && !inline) {
      var asked = null;
      try { asked = sessionStorage.getItem(OPEN_KEY); } catch (e) { /* storage blocked */ }
      if (asked == null) setTimeout(function () { open(true); }, 0);
    }
    buildPrechat();
  }

  // The frame's size: the launcher (with its label) or the panel, plus the offsets from the page's edges.
  function dims(m) {
    var size = SIZES[m];
    if (!size) return [0, 0];
    var x = app.s.offset_x >= 0 ? app.s.offset_x : 16, y = app.s.offset_y >= 0 ? app.s.offset_y : 16;
    var w = size[0] - 16 + x;
    if (m == 'closed' && el.label.textContent) w = Math.max(w, Math.ceil(el.launcher.offsetWidth) + 16 + x);
    return [w, size[1] - 16 + y];
  }

  function askEmail() {
    return (app.s.collect_email == 'optional' || app.s.collect_email == 'required') && !user.email && !app.verification;
  }

  function needsPrechat() {
    return !prechat.done && !messages.length && !el.log.firstChild && (app.questions.length > 0 || askEmail());
  }

  // Renders what depends on the settings, availability and pre-chat state.
  function syncSettings() {
    var paused = app.s.pause_new_conversations && !messages.length, asking = !paused && needsPrechat();
    el.away.hidden = app.available && !paused;
    el.awayText.textContent = paused ? 'We are not taking new conversations right now. Leave your email: we\'ll write to you.'
      : 'We\'re away right now. Leave a message: we\'ll reply by email.';
    el.emailForm.hidden = !!user.email || app.verification;
    el.calendar.hidden = !el.calendar.href || app.available && !paused;
    el.status.textContent = app.available ? 'Online' : 'Away';
    el.label.hidden = !el.label.textContent;
    document.body.classList.toggle('labeled', !!el.label.textContent);
    el.prechat.hidden = !asking || prechat.outcome;
    el.outcome.hidden = !prechat.outcome;
    el.composer.hidden = paused || asking || prechat.outcome;
    var email = $('pc-email');
    if (email) {
      email.closest('.field').hidden = !askEmail();
      email.disabled = !askEmail(); // a field not asked is not checked either
    }
  }

  function field(id, text, required) {
    var box = make('div', 'field'), label = make('label', null, text + (required ? ' *' : ''));
    label.htmlFor = id;
    box.append(label);
    return box;
  }

  function input(id, type, required) {
    var node = make('input');
    node.id = id;
    node.type = type;
    node.required = !!required;
    return node;
  }

  // The pre-chat form: the visitor's email when the app asks for it, then the app's questions in order.
  function buildPrechat() {
    var key = JSON.stringify([app.questions, app.s.collect_email]);
    if (key === prechat.built) return;
    prechat.built = key;
    el.fields.textContent = '';
    var box = field('pc-email', 'Your email', app.s.collect_email == 'required'), email = input('pc-email', 'email',
      app.s.collect_email == 'required');
    email.autocomplete = 'email';
    email.maxLength = 254;
    box.append(email);
    el.fields.append(box);
    app.questions.forEach(function (q, i) {
      var id = 'pc-q' + i, f, node;
      if (q.type == 'multi_select') {
        f = make('fieldset', 'field');
        f.append(make('legend', null, q.label + (q.required ? ' *' : '')));
        (q.options || []).forEach(function (o, j) {
          var row = make('label', 'choice'), box = input(id + '-' + j, 'checkbox');
          box.value = o;
          box.name = id;
          row.append(box, document.createTextNode(' ' + o));
          f.append(row);
        });
      } else {
        f = field(id, q.label, q.required);
        if (q.type == 'select') {
          node = make('select');
          node.id = id;
          node.required = !!q.required;
          node.append(make('option', null, 'Choose...'));
          node.firstChild.value = '';
          (q.options || []).forEach(function (o) {
            var opt = make('option', null, o);
            opt.value = o;
            node.append(opt);
          });
        } else {
          node = input(id, { number: 'number', email: 'email', phone: 'tel' }[q.type] || 'text', q.required);
          if (q.type == 'number') {
            node.step = 'any';
            if (q.min != null) node.min = q.min;
            if (q.max != null) node.max = q.max;
          }
          if (q.type == 'text') node.maxLength = 1000;
        }
        f.append(node);
      }
      el.fields.append(f);
    });
  }

  function answersOf() {
    var answers = {};
    app.questions.forEach(function (q, i) {
      var id = 'pc-q' + i, value;
      if (q.type == 'multi_select') {
        value = [].slice.call(el.fields.querySelectorAll('input[name="' + id + '"]:checked')).map(function (b) { return b.value; });
        if (!value.length) value = null;
      } else {
        value = $(id).value.trim();
        if (q.type == 'number' && value !== '') value = Number(value);
      }
      if (value !== '' && value != null) answers[q.id] = value;
    });
    return answers;
  }

  function qualifies(q, a) {
    if (a == null) return true;
    if (q.type == 'select') return !(q.qualifying_options || []).length || q.qualifying_options.indexOf(a) >= 0;
    if (q.type == 'multi_select') {
      return !(q.qualifying_options || []).length || a.some(function (x) { return q.qualifying_options.indexOf(x) >= 0; });
    }
    if (q.type == 'number') return !(q.qualifying_min != null && a < q.qualifying_min || q.qualifying_max != null && a > q.qualifying_max);
    return true;
  }

  el.prechat.addEventListener('submit', function (e) {
    e.preventDefault();
    if (!el.prechat.checkValidity()) return el.prechat.reportValidity();
    var missing = app.questions.filter(function (q, i) {
      return q.required && q.type == 'multi_select' && !el.fields.querySelector('input[name="pc-q' + i + '"]:checked');
    });
    if (missing.length) return notice('Please answer: ' + missing[0].label);
    notice('');
    var email = $('pc-email').value.trim();
    if (email && askEmail()) setUser({ email: email }, null, true);
    var answers = answersOf(), ok = app.questions.every(function (q) { return qualifies(q, answers[q.id]); });
    var rule = app.rule.when_unqualified;
    if (!ok && (rule == 'show_message' || rule == 'show_calendar')) {
      prechat.outcome = true;
      el.outcomeText.textContent = app.rule.message || 'Thanks for your answers! Chat is not the best way for us to help with this.';
      el.outcomeCalendar.hidden = rule != 'show_calendar' || !el.outcomeCalendar.href;
    } else {
      prechat.done = true;
      prechat.answers = Object.keys(answers).length ? answers : null;
      setTimeout(function () { el.text.focus(); }, 50);
    }
    sync();
  });

  // The composer grows with its text, up to a few lines.
  function grow() {
    el.text.style.height = 'auto';
    if (el.text.scrollHeight) el.text.style.height = Math.min(el.text.scrollHeight, 120) + 'px';
    el.send.disabled = !el.text.value.trim();
  }

  el.launcher.addEventListener('click', function () { open(!ui.opened); });
  el.close.addEventListener('click', function () { open(false); });
  function submitText() {
    var value = el.text.value.trim();
    if (!value) return;
    el.text.value = '';
    grow();
    sendText(value);
  }
  el.composer.addEventListener('submit', function (e) {
    e.preventDefault();
    submitText();
  });
  el.text.addEventListener('keydown', function (e) {
    if (e.key == 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      submitText();
    }
  });
  el.text.addEventListener('input', function () {
    grow();
    sendTyping();
  });
  el.emailForm.addEventListener('submit', function (e) {
    e.preventDefault();
    var value = el.email.value.trim();
    if (EMAIL.test(value)) setUser({ email: value });
    sync();
  });
  document.addEventListener('keydown', function (e) {
    if (e.key == 'Escape' && !standalone) open(false);
  });
  window.addEventListener('resize', grow); // the loader resized the frame
  document.addEventListener('pointerdown', function () { gesture = true; });
  document.addEventListener('visibilitychange', function () {
    if (session) changed();
  });

  var booted = false;
  function boot() {
    if (booted) return;
    booted = true;
    loadConfig();
    setInterval(loadConfig, CONFIG_MS);
    startSession();
  }

  function handle(m) {
    if (m.t == 'cmd') command(m.c);
    else if (m.t == 'identify') identify(m.c && m.c[0]);
    else if (m.t == 'vp') {
      ui.narrow = !!m.narrow;
      sync();
    }
  }

  window.addEventListener('message', function (e) {
    var m = e.data;
    if (standalone || e.source !== window.parent || !m || m.cv !== 1) return;
    if (parentOrigin && e.origin !== parentOrigin) return;
    if (!parentOrigin) {
      // The first message fixes the page's origin; only pages the app allows can frame this one.
      parentOrigin = e.origin;
      outbox.splice(0).forEach(post);
    }
    try {
      if (m.t == 'batch') {
        (m.list || []).forEach(handle);
        boot();
      } else {
        handle(m);
      }
    } catch (x) {
      warn('internal error: ' + x);
    }
  });

  grow();
  sync();
  if (standalone) boot();
  else window.parent.postMessage({ cv: 1, t: 'ready' }, '*');
})();

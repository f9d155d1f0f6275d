/*
 * The demo: creates a sample organization and app through the public REST API, embeds the chat
 * widget on this page with the usual snippet, and shows a small agent console. Everything shown
 * from the server goes into the page as text.
 */
(function () {
  'use strict';

  var STORE = 'convot-demo';
  var POLL_MS = 3000;
  var $ = function (id) { return document.getElementById(id); };
  var demo = read();
  var selected = null;
  var pollTimer = null;

  function read() {
    try { return JSON.parse(localStorage.getItem(STORE)) || {}; } catch (e) { return {}; }
  }
  function save() {
    localStorage.setItem(STORE, JSON.stringify(demo));
  }

  function status(id, text, isError) {
    $(id).textContent = text || '';
    $(id).classList.toggle('error', !!isError);
  }

  function api(method, path, body) {
    var headers = { accept: 'application/json' };
    if (body) headers['content-type'] = 'application/json';
    if (demo.token) headers.authorization = 'Bearer ' + demo.token;
    return fetch('/api/v1' + path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined })
      .then(function (r) {
        return r.text().then(function (text) {
          var json = null;
          try { json = text ? JSON.parse(text) : null; } catch (e) { /* not JSON */ }
          if (!r.ok) {
            var err = new Error((json && (json.detail || json.title)) || 'HTTP ' + r.status);
            err.status = r.status;
            throw err;
          }
          return json;
        });
      });
  }

  function randomText(length) {
    var bytes = new Uint8Array(length);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return 'abcdefghijkmnpqrstuvwxyz23456789'[b % 32]; }).join('');
  }

  // ---- 1. Setup ------------------------------------------------------------------------------

  function create() {
    var button = $('create');
    button.disabled = true;
    var suffix = randomText(6);
    var account = {
      organization_name: 'Sample store ' + suffix,
      name: 'Demo agent',
      email: 'demo-' + suffix + '@example.com',
      password: randomText(24)
    };
    status('setup-status', 'Creating the organization...');
    api('POST', '/auth/signup', account).then(function (res) {
      demo = { token: res.token, organization: account.organization_name, email: account.email };
      save();
      status('setup-status', 'Creating the app...');
      return api('POST', '/apps', { name: 'Sample Shopify app', allowed_origins: [location.origin] });
    }).then(function (app) {
      demo.appKey = app.app_key;
      save();
      status('setup-status', '');
      show();
    }).catch(function (e) {
      button.disabled = false;
      status('setup-status', 'That did not work: ' + e.message, true);
    });
  }

  function startOver() {
    try { localStorage.removeItem('convot:' + demo.appKey); } catch (e) { /* nothing kept */ }
    localStorage.removeItem(STORE);
    location.reload();
  }

  function snippet(key) {
    return '<script>\n' +
      '  window.Convot = window.Convot || [];\n' +
      '  Convot.app_id = ' + JSON.stringify(key) + ';\n' +
      '</script>\n' +
      '<script async src="' + location.origin + '/widget/v1/loader.js"></script>';
  }

  function show() {
    var ready = !!(demo.token && demo.appKey);
    $('setup-empty').hidden = ready;
    $('setup-done').hidden = !ready;
    $('sdk-card').hidden = !ready;
    $('console-card').hidden = !ready;
    if (!ready) return;
    $('org-name').textContent = demo.organization || '';
    $('agent-email').textContent = demo.email || '';
    $('app-key').textContent = demo.appKey;
    $('snippet').textContent = snippet(demo.appKey);
    embed(demo.appKey);
    refresh();
  }

  // The same as the snippet: queue commands first, then load the loader.
  function embed(key) {
    if (window.Convot && window.Convot.__convot) return;
    window.Convot = window.Convot || [];
    window.Convot.app_id = key;
    ['chat:opened', 'chat:closed', 'message:sent', 'message:received', 'session:loaded',
      'user:email:changed', 'user:nickname:changed', 'website:availability:changed'].forEach(function (name) {
      window.Convot.push(['on', name, function (value) { logEvent(name, value); }]);
    });
    var script = document.createElement('script');
    script.async = true;
    script.src = '/widget/v1/loader.js';
    document.head.appendChild(script);
  }

  function logEvent(name, value) {
    var text = name;
    if (value && typeof value == 'object') text += ': ' + (value.text != null ? value.text : JSON.stringify(value));
    else if (value !== undefined) text += ': ' + value;
    var li = document.createElement('li');
    li.textContent = text;
    $('events').prepend(li);
  }

  // ---- 3. Agent console ------------------------------------------------------------------------

  function contactName(c) {
    var who = c.contact || c.visitor || {};
    return who.nickname || who.name || who.email || c.contact_email || 'Visitor';
  }

  function preview(c) {
    var last = c.last_message || {};
    return last.text || c.preview || c.subject || '';
  }

  function refresh() {
    clearTimeout(pollTimer);
    var work = api('GET', '/conversations?limit=50').then(function (res) {
      renderConversations((res && res.data) || []);
      status('console-status', '');
      return selected && loadThread(selected);
    }).catch(function (e) {
      if (e.status == 401) {
        status('console-status', 'The sign-in token is no longer valid: start over.', true);
        return;
      }
      status('console-status', 'Could not read conversations: ' + e.message, true);
    });
    work.then(function () {
      if (demo.token) pollTimer = setTimeout(refresh, document.hidden ? POLL_MS * 5 : POLL_MS);
    });
  }

  function renderConversations(list) {
    var ul = $('conversations');
    ul.textContent = '';
    if (!list.length) {
      var empty = document.createElement('li');
      empty.className = 'empty';
      empty.textContent = 'No conversation yet: write in the chat bubble.';
      ul.append(empty);
      return;
    }
    if (!selected) selected = list[0];
    list.forEach(function (c) {
      var li = document.createElement('li');
      var button = document.createElement('button');
      button.type = 'button';
      button.className = c.id === selected.id ? 'selected' : '';
      var who = document.createElement('span');
      who.className = 'who';
      who.textContent = contactName(c) + (c.status ? ' (' + c.status + ')' : '');
      var text = document.createElement('span');
      text.className = 'preview';
      text.textContent = preview(c);
      button.append(who, text);
      button.addEventListener('click', function () {
        selected = c;
        refresh();
      });
      li.append(button);
      ul.append(li);
    });
  }

  function loadThread(conversation) {
    $('reply').hidden = false;
    return api('GET', '/conversations/' + encodeURIComponent(conversation.id) + '/messages?limit=100')
      .then(function (res) { renderThread((res && res.data) || []); })
      .catch(function (e) {
        var hint = preview(conversation);
        renderThread([], 'Messages could not be listed (' + e.message + ')' + (hint ? '. Last message: ' + hint : ''));
      });
  }

  function renderThread(messages, hint) {
    var log = $('thread');
    var atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    log.textContent = '';
    messages.forEach(function (m) {
      var li = document.createElement('li');
      var from = m.from || m.author_type || m.sender;
      li.className = from == 'visitor' || from == 'contact' ? 'visitor' : 'agent';
      li.textContent = m.text || '';
      log.append(li);
    });
    if (hint) {
      var note = document.createElement('li');
      note.className = 'hint';
      note.textContent = hint;
      log.append(note);
    }
    if (atBottom) log.scrollTop = log.scrollHeight;
  }

  function reply(e) {
    e.preventDefault();
    var input = $('reply-text');
    var text = input.value.trim();
    if (!text || !selected) return;
    input.disabled = true;
    api('POST', '/conversations/' + encodeURIComponent(selected.id) + '/messages', { text: text }).then(function () {
      input.value = '';
      status('console-status', '');
      refresh();
    }).catch(function (err) {
      status('console-status', 'The reply was not sent: ' + err.message, true);
    }).then(function () {
      input.disabled = false;
      input.focus();
    });
  }

  $('create').addEventListener('click', create);
  $('reset').addEventListener('click', startOver);
  $('reply').addEventListener('submit', reply);
  document.querySelectorAll('[data-push]').forEach(function (button) {
    button.addEventListener('click', function () {
      window.Convot.push(JSON.parse(button.getAttribute('data-push')));
    });
  });
  show();
})();

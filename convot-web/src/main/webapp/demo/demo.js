/*
 * The demo: creates a sample organization and app through the public REST API, embeds the chat
 * widget on this page with the usual snippet, and opens Convot's dashboard signed in as the
 * sample's owner (its token goes where the dashboard keeps its own, `convot.token`). Everything
 * shown from the server goes into the page as text.
 */
(function () {
  'use strict';

  var STORE = 'convot-demo';
  var DASHBOARD_TOKEN = 'convot.token';
  var $ = function (id) { return document.getElementById(id); };
  var demo = read();

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
      signInDashboard();
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
    if (localStorage.getItem(DASHBOARD_TOKEN) === demo.token) localStorage.removeItem(DASHBOARD_TOKEN);
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
    $('dashboard-card').hidden = !ready;
    if (!ready) return;
    $('org-name').textContent = demo.organization || '';
    $('owner-email').textContent = demo.email || '';
    $('app-key').textContent = demo.appKey;
    $('snippet').textContent = snippet(demo.appKey);
    embed(demo.appKey);
    checkToken();
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

  // ---- 3. The dashboard -----------------------------------------------------------------------

  // The dashboard reads its token from local storage; this page is on the same origin.
  function signInDashboard() {
    localStorage.setItem(DASHBOARD_TOKEN, demo.token);
  }

  // Signing out in the dashboard ends the sample's token: say so rather than open a sign-in page.
  function checkToken() {
    api('GET', '/me').then(function () {
      status('dashboard-status', '');
    }).catch(function (e) {
      status('dashboard-status', e.status == 401
        ? 'The sample was signed out (in the dashboard?): start over to make a new one.'
        : 'Could not reach Convot: ' + e.message, true);
    });
  }

  $('create').addEventListener('click', create);
  $('reset').addEventListener('click', startOver);
  $('open-dashboard').addEventListener('click', signInDashboard);
  document.querySelectorAll('[data-push]').forEach(function (button) {
    button.addEventListener('click', function () {
      window.Convot.push(JSON.parse(button.getAttribute('data-push')));
    });
  });
  show();
})();

/*! Sahel Incident Map embed loader. Usage and options: docs/embed.md */
(function () {
  'use strict';
  var APP = 'sahel-incident-map';
  var DEFAULT_LABEL = 'Interactive map of security incidents in Niger, Mali and Burkina Faso';
  // data-* attributes that configure the frame itself; every other one becomes a URL parameter.
  var OWN = { 'data-sahel-map': 1, 'data-label': 1, 'data-height': 1 };
  var script = document.currentScript;
  var embedUrl = new URL('embed.html', (script && script.src) || location.href);
  var frames = [];

  function frameUrl(el) {
    var url = new URL(embedUrl.href);
    for (var i = 0; i < el.attributes.length; i++) {
      var a = el.attributes[i];
      if (a.name.indexOf('data-') === 0 && !OWN[a.name]) url.searchParams.set(a.name.slice(5), a.value);
    }
    // By default only this page may drive the map: other frames on it cannot.
    if (!url.searchParams.has('origins') && /^https?:/.test(location.protocol)) url.searchParams.set('origins', location.origin);
    return url;
  }

  // The URL is read again when the frame loads: the page may have set attributes (data-lang) since it mounted.
  function load(frame) {
    if (frame.iframe.src) return;
    frame.url = frameUrl(frame.el);
    frame.iframe.src = frame.url.href;
  }

  function mount(el) {
    el.setAttribute('data-sahel-map', 'loaded');
    var iframe = document.createElement('iframe');
    var label = el.getAttribute('data-label') || el.getAttribute('data-title') || DEFAULT_LABEL;
    iframe.title = label;
    iframe.setAttribute('aria-label', label);
    iframe.setAttribute('loading', 'lazy');
    iframe.setAttribute('allow', 'fullscreen');
    iframe.style.cssText = 'display:block;width:100%;border:0;overflow:hidden;height:' + (parseInt(el.getAttribute('data-height'), 10) || 560) + 'px';
    var frame = { el: el, iframe: iframe, url: frameUrl(el) };
    frames.push(frame);
    el.appendChild(iframe);
    if (!('IntersectionObserver' in window)) return load(frame);
    // Start loading a screen before the reader gets there, so the map is ready when it arrives.
    var observer = new IntersectionObserver(function (entries) {
      for (var i = 0; i < entries.length; i++) {
        if (entries[i].isIntersecting) {
          observer.disconnect();
          load(frame);
        }
      }
    }, { rootMargin: '100% 0px' });
    observer.observe(el);
  }

  function scan() {
    var found = document.querySelectorAll('[data-sahel-map]:not([data-sahel-map="loaded"])');
    for (var i = 0; i < found.length; i++) mount(found[i]);
  }

  window.addEventListener('message', function (event) {
    var d = event.data;
    if (!d || d.app !== APP || d.type !== 'height' || typeof d.height !== 'number') return;
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (event.source && event.source === f.iframe.contentWindow && event.origin === f.url.origin && d.height > 0 && d.height < 10000) {
        f.iframe.style.height = Math.ceil(d.height) + 'px';
      }
    }
  });

  window.sahelIncidentMapEmbed = { scan: scan };
  scan();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
})();

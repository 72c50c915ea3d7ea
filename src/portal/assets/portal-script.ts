/**
 * The portal's only script, served as /assets/portal.js: a copy button for the feed URLs.
 * Pages work without it; the buttons stay hidden until it runs.
 */
export const PORTAL_JS = `'use strict';
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-copy-target]').forEach(function (button) {
    var input = document.getElementById(button.getAttribute('data-copy-target'));
    var status = document.getElementById(button.getAttribute('data-copy-status'));
    if (!input || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(input.value).then(function () {
        if (status) status.textContent = button.getAttribute('data-copied-text');
      }, function () {
        input.select();
      });
    });
  });
});
`;

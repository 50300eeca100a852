// Action dialogs (kit ActionDialog, ADR 0048): a button opens its <dialog> modal; × or Esc closes it; sending its form
// closes it (the page then shows the new state, or the server renders the dialog open again with the refusal, which
// is shown modal here after the enhanced navigation). Delegated, so it survives enhanced navigation.
(function () {
    function show(d) {
        if (!d) return;
        if (d.open && d.matches(':modal')) return;
        if (d.open) d.close();
        if (typeof d.showModal === 'function') d.showModal(); else d.setAttribute('open', '');
        var first = d.querySelector('input:not([type=hidden]), select, textarea, button[type=submit]');
        if (first) first.focus();
    }
    function sync() {
        document.querySelectorAll('dialog.action-dialog').forEach(function (d) {
            if (d.getAttribute('data-server-open') === 'true') show(d);
            else if (d.open) d.close();
        });
    }
    document.addEventListener('click', function (e) {
        var t = e.target.closest ? e.target : null;
        if (!t) return;
        var open = t.closest('[data-dialog-open]');
        if (open) { e.preventDefault(); show(document.getElementById(open.getAttribute('data-dialog-open'))); return; }
        var x = t.closest('[data-dialog-close]');
        if (x) { e.preventDefault(); var d = x.closest('dialog'); if (d) { d.setAttribute('data-server-open', 'false'); d.close(); } }
    });
    document.addEventListener('submit', function (e) {
        var d = e.target.closest ? e.target.closest('dialog.action-dialog') : null;
        if (d) { d.setAttribute('data-server-open', 'false'); setTimeout(function () { if (d.open) d.close(); }, 0); }
    });
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', sync); else sync();
    if (window.Blazor && window.Blazor.addEventListener) window.Blazor.addEventListener('enhancedload', sync);
    else document.addEventListener('DOMContentLoaded', function () { if (window.Blazor && window.Blazor.addEventListener) window.Blazor.addEventListener('enhancedload', sync); });
})();

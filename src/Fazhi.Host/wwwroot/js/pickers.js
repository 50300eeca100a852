// Unit picker tree (ADR 0041): a click on a unit fills the input the picker serves. Without this script the datalist still
// searches and posts; the tree then reads as a list. Delegated, so it survives enhanced navigation.
document.addEventListener('click', function (e) {
    var b = e.target.closest ? e.target.closest('[data-pick-value]') : null;
    if (!b) return;
    e.preventDefault();
    var input = document.getElementById(b.getAttribute('data-pick-for'));
    if (!input) return;
    input.value = b.getAttribute('data-pick-value');
    input.dispatchEvent(new Event('change', { bubbles: true }));
    var tree = b.closest('details.picker-tree');
    if (tree) tree.open = false;
    input.focus();
});

// Search pickers (ADR 0054): an input with data-pick-search="URL" and a datalist asks URL?q=… as the user types (after a
// pause) and refills the datalist with the answers' { value, label }. Without this script the datalist keeps the first
// answers the page rendered and a typed value still posts. Delegated, so it survives enhanced navigation.
(function () {
    var timers = new WeakMap();
    document.addEventListener('input', function (e) {
        var input = e.target;
        if (!input || !input.hasAttribute || !input.hasAttribute('data-pick-search') || !input.list) return;
        clearTimeout(timers.get(input));
        timers.set(input, setTimeout(function () {
            var url = input.getAttribute('data-pick-search');
            fetch(url + (url.indexOf('?') < 0 ? '?' : '&') + 'q=' + encodeURIComponent(input.value.trim()), { headers: { Accept: 'application/json' } })
                .then(function (r) { return r.ok ? r.json() : null; })
                .then(function (rows) {
                    if (!Array.isArray(rows) || !input.list) return;
                    input.list.replaceChildren.apply(input.list, rows.map(function (row) {
                        var o = document.createElement('option');
                        o.value = row.value;
                        o.label = row.label;
                        o.textContent = row.label;
                        return o;
                    }));
                })
                .catch(function () { });
        }, 250));
    });
})();

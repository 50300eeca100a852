// Title suggestions for the library's search box: asks the server as the user types (after a short pause) and fills
// the input's datalist. Works without it: the form submits normally.
(function () {
  const input = document.querySelector('input[data-suggest]');
  const list = input && document.getElementById(input.getAttribute('list'));
  if (!input || !list) return;
  let timer = 0, last = '';
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = input.value.trim();
      if (q === last || q.length === 0 || q.length > 100) return;
      last = q;
      try {
        const r = await fetch(input.dataset.suggest + '?q=' + encodeURIComponent(q), { credentials: 'same-origin' });
        if (!r.ok) return;
        const items = await r.json();
        list.replaceChildren(...items.map(i => { const o = document.createElement('option'); o.value = i.title; return o; }));
      } catch { /* suggestions are optional */ }
    }, 200);
  });
})();

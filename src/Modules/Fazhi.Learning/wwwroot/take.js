// Taking an exam (phone first): the server keeps the clock and the paper; this page starts or resumes the attempt with a
// session id kept in this browser (so a reload or a closed browser resumes; another device is refused), saves every
// answer as it is given, counts switches away from the page, and shows the result. Without JavaScript the page says so.
(function () {
  const root = document.getElementById('take');
  if (!root) return;
  const examId = root.dataset.exam;
  // The account's API, or the one-time exam code's (ADR 0037): the same procedures under another prefix.
  const base = root.dataset.base || '/api/learning';
  const text = JSON.parse(root.dataset.text);
  const key = 'fazhi-exam-session:' + examId;
  let session = localStorage.getItem(key);
  if (!session) {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    session = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
    localStorage.setItem(key, session);
  }
  const $ = (sel) => root.querySelector(sel);
  const status = $('#take-status');
  const clock = $('#take-clock');
  const list = $('#take-items');
  let attemptId = null, deadlineAt = 0, timer = 0, finished = false;

  const problem = async (r) => {
    try {
      const p = await r.json();
      const errors = p.errors ? Object.values(p.errors).flat().join(' ') : '';
      return [p.detail || p.title, errors].filter(Boolean).join(' ');
    } catch { return text.failed + ' (' + r.status + ')'; }
  };
  const call = (method, url, body) => fetch(url, {
    method, credentials: 'same-origin',
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const say = (message, bad) => { status.textContent = message; status.className = bad ? 'take-status bad' : 'take-status'; };

  function tick() {
    const left = Math.max(0, Math.round((deadlineAt - Date.now()) / 1000));
    const m = Math.floor(left / 60), s = left % 60;
    clock.textContent = text.left + ' ' + m + ':' + String(s).padStart(2, '0');
    clock.classList.toggle('urgent', left < 300);
    if (left === 0 && !finished) { clearInterval(timer); load(); }
  }

  function setClock(remainingSeconds) {
    deadlineAt = Date.now() + remainingSeconds * 1000;
    clearInterval(timer);
    timer = setInterval(tick, 1000);
    tick();
  }

  async function save(position, answer, mark) {
    mark.textContent = text.saving;
    mark.className = 'mark';
    try {
      const r = await call('PUT', `${base}/attempts/${attemptId}/answers/${position}`, { session, answer });
      if (r.ok) {
        const saved = await r.json();
        mark.textContent = text.saved;
        mark.className = 'mark ok';
        setClock(saved.remainingSeconds);
      } else {
        mark.textContent = await problem(r);
        mark.className = 'mark bad';
        if (r.status === 409) load();
      }
    } catch {
      mark.textContent = text.offline;
      mark.className = 'mark bad';
    }
  }

  function render(a) {
    list.replaceChildren();
    const done = a.status === 'Submitted';
    for (const item of a.items) {
      const box = document.createElement('fieldset');
      box.className = 'take-item';
      box.id = 'q' + item.position;
      const legend = document.createElement('legend');
      legend.textContent = `${item.position}. [${text.kinds[item.kind]}] ${item.stem}`;
      box.append(legend);
      const mark = document.createElement('div');
      mark.className = 'mark';
      const name = 'a' + item.position;
      const choices = item.kind === 'TrueFalse' ? ['对', '错'] : item.options;
      if (item.kind === 'Single' || item.kind === 'Multiple' || item.kind === 'TrueFalse') {
        choices.forEach((option, i) => {
          const letter = item.kind === 'TrueFalse' ? option : String.fromCharCode(65 + i);
          const label = document.createElement('label');
          label.className = 'take-option';
          const input = document.createElement('input');
          input.type = item.kind === 'Multiple' ? 'checkbox' : 'radio';
          input.name = name;
          input.value = letter;
          input.disabled = done;
          input.checked = item.answer ? (item.kind === 'TrueFalse' ? item.answer === letter : item.answer.includes(letter)) : false;
          input.addEventListener('change', () => {
            const picked = Array.from(box.querySelectorAll('input:checked')).map(x => x.value).join('');
            save(item.position, picked, mark);
          });
          label.append(input, ' ', item.kind === 'TrueFalse' ? option : `${letter}. ${option}`);
          box.append(label);
        });
      } else {
        const input = document.createElement(item.kind === 'Short' ? 'textarea' : 'input');
        input.name = name;
        input.value = item.answer || '';
        input.disabled = done;
        input.setAttribute('aria-label', text.answer);
        input.addEventListener('change', () => save(item.position, input.value, mark));
        box.append(input);
      }
      if (done) {
        const result = document.createElement('div');
        result.className = 'take-result';
        const parts = [];
        if (item.points !== null) parts.push(text.points + ' ' + item.points + ' / ' + item.maxPoints);
        else parts.push(text.pending);
        if (item.rightAnswer !== null) parts.push(text.right + ' ' + item.rightAnswer);
        result.textContent = parts.join('　');
        box.append(result);
        if (item.explanation) {
          const ex = document.createElement('p');
          ex.className = 'muted';
          ex.textContent = text.explanation + ' ' + item.explanation + (item.basis ? '（' + item.basis + '）' : '');
          box.append(ex);
        }
        // The cited articles as they stood on the exam date (ADR 0046).
        for (const a of item.articles || []) {
          const q = document.createElement('blockquote');
          q.className = 'take-article';
          const head = document.createElement('strong');
          head.textContent = (a.work ? '《' + a.work + '》' + (a.article || '') : a.citation) + text.onExamDate;
          q.append(head, document.createTextNode(a.text || text.noArticle));
          if (a.state) {
            const st = document.createElement('span');
            st.className = 'muted';
            st.textContent = '（' + a.state + '）';
            q.append(st);
          }
          box.append(q);
        }
      }
      box.append(mark);
      list.append(box);
    }
    $('#take-submit').hidden = done;
    if (done) {
      finished = true;
      clearInterval(timer);
      clock.textContent = '';
      const score = a.score === null ? '—' : a.score;
      let summary = text.score.replace('{0}', score).replace('{1}', a.maxScore);
      if (a.pendingMarks > 0) summary += ' ' + text.waiting.replace('{0}', a.pendingMarks);
      else if (a.passed !== null) summary += ' ' + (a.passed ? text.passed : text.failedExam);
      if (a.timedOut) summary += ' ' + text.timedOut;
      if (!a.resultsReleased) summary += ' ' + text.notReleased;
      say(summary, false);
      $('#take-summary').textContent = summary;
    } else {
      setClock(a.remainingSeconds);
      say(text.ready, false);
    }
  }

  async function load() {
    const r = await call('GET', `${base}/attempts/${attemptId}`);
    if (!r.ok) { say(await problem(r), true); return; }
    render(await r.json());
  }

  const access = $('#take-access');
  const wait = $('#take-wait');
  let waitTimer = 0;

  async function start(accessCode) {
    say(text.starting, false);
    const r = await call('POST', `${base}/exams/${examId}/start`, { session, accessCode: accessCode || null });
    if (!r.ok) {
      say(await problem(r), true);
      if (access && accessCode !== undefined) access.hidden = false;
      return;
    }
    if (access) access.hidden = true;
    const started = await r.json();
    attemptId = started.attemptId;
    root.dataset.attempt = attemptId;
    // The start answers with the paper (ADR 0071): no second request for the first screen.
    if (started.paper) render(started.paper); else await load();
  }

  // The server says how long this taker's staggered start is away and whether an access code is asked (ADR 0037).
  async function begin() {
    if (root.dataset.view) { attemptId = root.dataset.view; await load(); return; }
    const g = await call('GET', `${base}/exams/${examId}/gate`);
    if (!g.ok) { say(await problem(g), true); return; }
    const gate = await g.json();
    if (gate.waitSeconds > 0) {
      const until = Date.now() + gate.waitSeconds * 1000;
      const show = () => {
        const left = Math.max(0, Math.round((until - Date.now()) / 1000));
        wait.textContent = text.waitStart.replace('{0}', Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0'));
        if (left === 0) { clearInterval(waitTimer); wait.textContent = ''; begin(); }
      };
      clearInterval(waitTimer);
      waitTimer = setInterval(show, 1000);
      show();
      say(text.waiting2, false);
      return;
    }
    if (gate.needsAccessCode && access) {
      access.hidden = false;
      say(text.askCode, false);
      return;
    }
    await start();
  }

  if (access) {
    access.addEventListener('submit', (e) => {
      e.preventDefault();
      start($('#take-access-code').value);
    });
  }

  $('#take-submit').addEventListener('click', async () => {
    if (!attemptId || !confirm(text.confirm)) return;
    const r = await call('POST', `${base}/attempts/${attemptId}/submit`, { session });
    if (!r.ok) { say(await problem(r), true); return; }
    render(await r.json());
  });

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && attemptId && !finished) {
      navigator.sendBeacon && fetch(`${base}/attempts/${attemptId}/away`, {
        method: 'POST', credentials: 'same-origin', keepalive: true, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ session }),
      }).catch(() => {});
    }
  });

  root.querySelector('.noscript-hint')?.remove();
  begin();
})();

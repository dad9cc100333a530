// The playground's clock panel for simulated time (`delmal serve --clock`): what time it is, and
// buttons that move it forward (the server runs the minute jobs on the way). Loaded before
// playground.js; hidden when the app runs on real time.
(() => {
  const $ = (id) => document.getElementById(id);

  // `clock`: the session's clock words (`simulated` says whether to show the panel).
  function start(clock, { timeOf, error }) {
    const show = async (now) => {
      const body = now ? { now } : await (await fetch('/playground/api/clock')).json();
      $('clock-now').textContent = timeOf(body.now);
    };
    if (!clock?.simulated) return { show };
    $('clock').hidden = false;
    $('clock-label').textContent = clock.title;
    $('clock-hint').textContent = clock.hint;
    for (const jump of clock.jumps) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = jump.label;
      button.addEventListener('click', async () => {
        const buttons = $('clock-buttons').querySelectorAll('button');
        for (const b of buttons) b.disabled = true;
        $('clock-now').textContent = clock.moving;
        try {
          const response = await fetch('/playground/api/clock', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ minutes: jump.minutes }),
          });
          const body = await response.json();
          if (!response.ok) throw new Error(body.error || response.statusText);
          await show(body.now);
        } catch (failure) {
          $('clock-now').textContent = `${error} (${failure.message})`;
        } finally {
          for (const b of buttons) b.disabled = false;
        }
      });
      $('clock-buttons').append(button);
    }
    show();
    // The simulated clock runs on at the wall clock's pace.
    setInterval(() => {
      if (!$('clock-buttons').querySelector('button:disabled')) show();
    }, 30_000);
    return { show };
  }

  window.playgroundClock = { start };
})();

// The local playground's page script. Plain browser JavaScript, no build step: it talks to
// /playground/api/* and renders the bot's Adaptive Cards with the official `adaptivecards` renderer.
(() => {
  const $ = (id) => document.getElementById(id);
  const state = { session: null, conversation: 'dm', history: new Map() };

  // Card text is markdown-lite: escape everything, then allow **bold** — nothing a user typed runs.
  const escapeHtml = (s) =>
    s.replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
    );
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = escapeHtml(text)
      .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
      .replace(/\n/g, '<br>');
    result.didProcess = true;
  };

  function renderCard(card, formToken) {
    const adaptive = new AdaptiveCards.AdaptiveCard();
    adaptive.hostConfig = new AdaptiveCards.HostConfig({
      fontFamily: 'system-ui, "Segoe UI", "DejaVu Sans", sans-serif',
      actions: {
        actionsOrientation: 'horizontal',
        buttonSpacing: 8,
        maxActions: 25,
        showCard: { actionMode: 'inline' },
      },
    });
    adaptive.onExecuteAction = (action) => {
      const command = action.data?.command;
      if (command) send(command, true, formToken);
      else if (action.url) window.open(action.url, '_blank', 'noopener');
    };
    adaptive.parse(card);
    const element = adaptive.render();
    element.classList.add('card');
    return element;
  }

  function messagesOf(conversation) {
    if (!state.history.has(conversation)) state.history.set(conversation, []);
    return state.history.get(conversation);
  }

  function draw() {
    const list = $('messages');
    list.replaceChildren();
    for (const message of messagesOf(state.conversation)) {
      const item = document.createElement('li');
      const author = document.createElement('div');
      author.className = 'author';
      author.textContent = message.author;
      item.append(author);
      if (message.card) item.append(renderCard(message.card, message.formToken));
      else {
        const text = document.createElement('div');
        text.className = `message-text${message.error ? ' error' : ''}`;
        text.textContent = message.text;
        item.append(text);
      }
      list.append(item);
    }
    list.scrollTop = list.scrollHeight;
  }

  function selectConversation(id) {
    state.conversation = id;
    const conversation = state.session.conversations.find((c) => c.id === id);
    $('conversation-name').textContent = conversation.name;
    $('conversation-hint').textContent = conversation.hint;
    for (const button of $('conversations').querySelectorAll('button'))
      button.setAttribute('aria-current', String(button.dataset.id === id));
    draw();
    $('text').focus();
  }

  // A button carries its card's form token: pressing it twice is one submission (one check-in).
  async function send(text, fromButton, formToken) {
    const words = state.session.words;
    const who = $('who').value;
    const person = state.session.people.find((p) => p.email === who);
    const conversation = state.conversation;
    // A button press in a channel is addressed to the bot, as a Slack or Teams button would be.
    const sent = fromButton && conversation !== 'dm' && !/^\s*[/@]delmal\b/i.test(text) ? `/${text}` : text;
    messagesOf(conversation).push({ author: person ? person.name : words.you, text: sent });
    draw();
    try {
      const response = await fetch('/playground/api/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ as: who || undefined, conversation, text: sent, formToken }),
      });
      const body = await response.json();
      if (!response.ok) throw new Error(body.error || response.statusText);
      if (body.reply)
        messagesOf(conversation).push({
          author: words.bot,
          card: body.reply.card,
          formToken: body.reply.formToken,
        });
    } catch (error) {
      messagesOf(conversation).push({
        author: words.bot,
        text: `${words.error} (${error.message})`,
        error: true,
      });
    }
    draw();
  }

  // What delmal writes on its own arrives as server-sent events, for the person chosen.
  let events;
  function listen() {
    events?.close();
    const who = $('who').value;
    events = new EventSource(`/playground/api/events?as=${encodeURIComponent(who)}`);
    events.onmessage = (message) => {
      const event = JSON.parse(message.data);
      const conversation = event.conversation.startsWith('dm:') ? 'dm' : event.conversation;
      const list = messagesOf(conversation);
      const entry = {
        author: state.session.words.bot,
        card: event.card,
        formToken: event.formToken,
        id: event.id,
      };
      const earlier = list.findIndex((m) => m.id === event.id);
      if (earlier >= 0) list[earlier] = entry;
      else list.push(entry);
      draw();
    };
  }

  async function start() {
    state.session = await (await fetch('/playground/api/session')).json();
    const { words, people, conversations, locale } = state.session;
    document.documentElement.lang = locale;
    document.title = words.title;
    $('title').textContent = words.title;
    $('intro').textContent = words.intro;
    $('who-label').textContent = words.whoAmI;
    $('conversations-label').textContent = words.conversations;
    $('send').textContent = words.send;
    $('text').placeholder = words.placeholder;
    $('text-label').textContent = words.placeholder;
    $('demo').textContent = words.demo;
    const anonymous = new Option(words.anonymous, '');
    $('who').append(anonymous, ...people.map((p) => new Option(`${p.name} – ${p.role}`, p.email)));
    for (const conversation of conversations) {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.id = conversation.id;
      button.textContent = conversation.name;
      button.addEventListener('click', () => selectConversation(conversation.id));
      $('conversations').append(button);
    }
    $('composer').addEventListener('submit', (event) => {
      event.preventDefault();
      const text = $('text').value.trim();
      if (!text) return;
      $('text').value = '';
      send(text, false);
    });
    $('who').addEventListener('change', () => {
      // Another person: their own stream of what delmal writes to them.
      listen();
    });
    listen();
    selectConversation('dm');
    document.body.dataset.ready = 'true';
  }

  start();
})();

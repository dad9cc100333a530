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

  // --- Buttons: a pressed button shows its label as what you "said" and cannot be pressed twice.
  const actionKey = (title, command) => `${title ?? ''}\u0000${command}`;

  // Marks the card's actions that were already used as disabled (Adaptive Cards 1.5 `isEnabled`),
  // so a redrawn conversation keeps them greyed out.
  function withUsedActionsDisabled(card, used) {
    if (!used || used.size === 0) return card;
    const walk = (node) => {
      if (Array.isArray(node)) return node.map(walk);
      if (!node || typeof node !== 'object') return node;
      const copy = {};
      for (const [key, value] of Object.entries(node)) copy[key] = walk(value);
      const command = copy.data?.command;
      if (
        typeof copy.type === 'string' &&
        copy.type.startsWith('Action.') &&
        command &&
        used.has(actionKey(copy.title, command))
      )
        copy.isEnabled = false;
      return copy;
    };
    return walk(card);
  }

  function renderCard(card, message) {
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
      if (command) {
        const key = actionKey(action.title, command);
        if (message.used?.has(key)) return;
        message.used = message.used ?? new Set();
        message.used.add(key);
        // A form's button carries the card's inputs in its data: they go along with the command.
        send(
          command,
          { label: action.title, data: action.data?.form ? action.data : undefined },
          message.formToken,
        ).then((refused) => {
          // Nothing was saved: the button can be pressed again (the form comes back with the text).
          if (refused) {
            message.used.delete(key);
            draw();
          }
        });
      } else if (action.url) window.open(action.url, '_blank', 'noopener');
    };
    adaptive.parse(withUsedActionsDisabled(card, message.used));
    const element = adaptive.render();
    element.classList.add('card');
    return element;
  }

  function messagesOf(conversation) {
    if (!state.history.has(conversation)) state.history.set(conversation, []);
    return state.history.get(conversation);
  }

  // --- First screen: what to try, with example questions as buttons.
  function welcome() {
    const { words, examples } = state.session;
    const item = document.createElement('li');
    item.className = 'welcome';
    const title = document.createElement('h3');
    title.textContent = words.welcomeTitle;
    const text = document.createElement('p');
    text.textContent =
      state.conversation === 'dm' ? words.welcome : `${words.welcome} ${words.channelWelcome}`;
    const buttons = document.createElement('div');
    buttons.className = 'examples';
    for (const example of examples) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = example;
      // In a channel the example is addressed to the bot, as people do there.
      button.addEventListener('click', () =>
        send(state.conversation === 'dm' ? example : `@delmal ${example}`, { label: example }),
      );
      buttons.append(button);
    }
    item.append(title, text, buttons);
    return item;
  }

  // After a reply the view shows the reply's first line; reading starts there, not at its end.
  function scrollToLatestReply(list) {
    const replies = list.querySelectorAll('li.from-bot');
    const latest = replies[replies.length - 1];
    const last = list.lastElementChild;
    if (latest && latest === last) list.scrollTop = latest.offsetTop - list.offsetTop;
    else list.scrollTop = list.scrollHeight;
  }

  function draw() {
    const list = $('messages');
    list.replaceChildren();
    if (messagesOf(state.conversation).length === 0) list.append(welcome());
    for (const message of messagesOf(state.conversation)) {
      const item = document.createElement('li');
      if (message.fromBot) item.className = 'from-bot';
      const author = document.createElement('div');
      author.className = 'author';
      author.textContent = message.author;
      item.append(author);
      if (message.card) item.append(renderCard(message.card, message));
      else {
        const text = document.createElement('div');
        text.className = `message-text${message.error ? ' error' : ''}`;
        text.textContent = message.text;
        item.append(text);
      }
      list.append(item);
    }
    scrollToLatestReply(list);
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

  // `button.label`: the words on the pressed button, shown as what you said instead of the command.
  // A button carries its card's form token: pressing it twice is one submission (one check-in).
  // Resolves true when the bot refused (nothing saved), so a pressed button can be used again.
  async function send(text, button, formToken) {
    let refused = false;
    const words = state.session.words;
    const who = $('who').value;
    const person = state.session.people.find((p) => p.email === who);
    const conversation = state.conversation;
    // A button press in a channel is addressed to the bot, as a Slack or Teams button would be.
    const sent = button && conversation !== 'dm' && !/^\s*[/@]delmal\b/i.test(text) ? `/${text}` : text;
    messagesOf(conversation).push({ author: person ? person.name : words.you, text: button?.label || sent });
    draw();
    try {
      const response = await fetch('/playground/api/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          as: who || undefined,
          conversation,
          text: sent,
          formToken,
          data: button?.data,
        }),
      });
      const body = await response.json();
      if (!response.ok) throw new Error(body.error || response.statusText);
      refused = body.reply?.refused === true;
      if (body.reply)
        messagesOf(conversation).push({
          author: words.bot,
          card: body.reply.card,
          formToken: body.reply.formToken,
          fromBot: true,
        });
    } catch (error) {
      messagesOf(conversation).push({
        author: words.bot,
        text: `${words.error} (${error.message})`,
        error: true,
        fromBot: true,
      });
    }
    draw();
    return refused;
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
        fromBot: true,
        id: event.id,
      };
      const earlier = list.findIndex((m) => m.id === event.id);
      if (earlier >= 0) list[earlier] = entry;
      else list.push(entry);
      draw();
    };
  }

  // --- A channel named in the address opens it: ?kanal=lag-missbruk, ?kanal=%23LAG%20missbruk, #lag-missbruk.
  const channelKey = (name) =>
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/^\s*#\s*/, '')
      .replace(/^network:/, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');

  function conversationFromAddress(conversations) {
    const params = new URLSearchParams(window.location.search);
    const asked = params.get('kanal') ?? params.get('channel') ?? decodeURIComponent(window.location.hash);
    if (!asked || !channelKey(asked)) return undefined;
    const wanted = channelKey(asked);
    return conversations.find(
      (c) => c.id !== 'dm' && (channelKey(c.id) === wanted || channelKey(c.name) === wanted),
    )?.id;
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
    selectConversation(conversationFromAddress(conversations) ?? 'dm');
    document.body.dataset.ready = 'true';
  }

  start();
})();
